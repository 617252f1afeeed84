/**
 * Call flow for the flow-aware API rules (payment confirmation, login exit, subscribe-message
 * gestures, password login forms): what starts code running (a template event, a JSX `onX`
 * handler, a lifecycle hook) and which functions and `bn` calls it reaches.
 *
 * Shared by the flow-aware rules of several packages (payment, login, consent, sharing). It is
 * built once per project and cached.
 */
import type { Node as JsNode } from '@babel/types';
import { handlerGraph, type MethodInfo } from './handlers.js';
import { ancestorsIn, nodesIn, walkJs } from './walk.js';
import type { BnCall } from './bn-api.js';
import type { BxmlElement } from '../parse/bxml-ast.js';
import type { BxmlFile, JsFile } from '../parse/source-file.js';
import type { Project, UnitFiles } from '../project/project.js';

export type Node = JsNode;
export type Fn = MethodInfo['fn'];
export type Call = BnCall['node'];
export type NodeOf<T extends Node['type']> = Extract<Node, { type: T }>;
type ObjectExpression = NodeOf<'ObjectExpression'>;
type ClassBody = NodeOf<'ClassBody'>;
type Container = ObjectExpression | ClassBody;

/** A function and the file it is in. */
export interface FnRef {
  file: JsFile;
  fn: Fn;
  /** How messages name it: the method, function or variable name. */
  name: string;
}

export type TriggerKind = 'event' | 'lifecycle' | 'hook';

/** Where a trigger is bound: a template element (classic) or a JSX element (React). */
export type TriggerElement =
  | { kind: 'bxml'; file: BxmlFile; element: BxmlElement; unit: UnitFiles }
  | { kind: 'jsx'; file: JsFile; node: Node };

/** Something that starts code running: a user event, a lifecycle hook, another framework hook. */
export interface Trigger {
  kind: TriggerKind;
  /** The event (`tap`, `click`, `submit`) or hook (`onLoad`, `useEffect`, `attached`). */
  name: string;
  /** For messages: `bindtap="pay" (pages/shop/index.bxml:12)`, `onLoad of pages/shop/index`. */
  label: string;
  fn: FnRef;
  /** The page route the trigger belongs to, when it is a page's own code. */
  route?: string;
  element?: TriggerElement;
  /** An event of a custom component (`<pay-sheet bindconfirm>`, `<PayButton onPay>`): the component decides when it fires. */
  custom?: boolean;
}

/** A call in a function: of a `bn` API, or of a function the flow can follow. */
export type Site = {
  /** Ancestors of `node` from the function being walked (first) down to its parent. */
  ancestors: readonly Node[];
  owner: FnRef;
} & ({ kind: 'bn'; node: Call; bn: BnCall } | { kind: 'call'; node: Node; target: FnRef; label: string });

/** Lifecycle hooks: they run without the user doing anything. */
export const PAGE_LIFECYCLE = new Set(['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']);
export const APP_LIFECYCLE = new Set(['onLaunch', 'onShow', 'onHide']);
export const COMPONENT_LIFECYCLE = new Set(['created', 'attached', 'ready', 'moved', 'detached']);
const PAGE_LIFETIMES = new Set(['show', 'hide', 'resize']);
/** Other page/app hooks the framework calls (scrolling, sharing, errors). */
export const OTHER_HOOKS = new Set([
  'onPullDownRefresh', 'onReachBottom', 'onPageScroll', 'onResize', 'onTabItemTap', 'onShareAppMessage', 'onShareTimeline',
  'onAddToFavorites', 'onError', 'onPageNotFound', 'onUnhandledRejection', 'onThemeChange',
]);
/** React hooks and class methods that run on mount/show, and other framework hooks. */
const REACT_LIFECYCLE_HOOKS = new Set([
  'useEffect', 'useLayoutEffect', 'useDidShow', 'useDidHide', 'useReady', 'useLoad', 'useLaunch', 'useUnload', 'useMount',
]);
const REACT_OTHER_HOOKS = new Set(['usePullDownRefresh', 'useReachBottom', 'usePageScroll', 'useResize', 'useShareAppMessage', 'useShareTimeline', 'useTabItemTap', 'useAddToFavorites']);
const CLASS_LIFECYCLE = new Set([
  'componentDidMount', 'componentWillMount', 'componentDidUpdate', 'componentDidShow', 'componentDidHide', 'componentWillUnmount',
  'onLaunch', 'onLoad', 'onShow', 'onReady', 'onHide', 'onUnload',
]);
/** Template/JSX events that fire without the user touching anything. */
export const NON_GESTURE_EVENTS = new Set([
  'load', 'error', 'scroll', 'scrolltoupper', 'scrolltolower', 'message', 'timeupdate', 'play', 'pause', 'ended', 'waiting',
  'animationfinish', 'transition', 'success', 'fail', 'complete', 'fullscreenchange', 'loadedmetadata', 'progress',
]);

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TypeCastExpression', 'TSTypeAssertion']);
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
/** Modules of the platform's own React components. */
const BUILT_IN_COMPONENT_MODULES = /^@binance\/mp-components(\/|$)/;
const MAX_PATH = 40;
/** The order of `Flow.triggers()`: what runs without the user first. */
const TRIGGER_ORDER: readonly TriggerKind[] = ['lifecycle', 'hook', 'event'];
const MAX_DEPTH = 12;

export const isFunction = (node: Node | null | undefined): node is Fn => !!node && FUNCTION_TYPES.has(node.type);

/** Strips `(x)`, `x as T`, `x!`. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) current = (current as unknown as { expression: Node }).expression;
  return current;
}

/** `a.b` / `a['b']` → 'b'. */
export function memberName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  return node.property.type === 'StringLiteral' ? node.property.value : undefined;
}

/** The key of an object member when written statically. */
export function keyName(property: Node): string | undefined {
  if (property.type !== 'ObjectProperty' && property.type !== 'ObjectMethod' && property.type !== 'ClassMethod' && property.type !== 'ClassProperty') return undefined;
  if (property.computed) return property.key.type === 'StringLiteral' ? property.key.value : undefined;
  return property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
}

export function sourceText(file: { text: string }, node: Node): string {
  return file.text.slice(node.start ?? 0, node.end ?? 0);
}

export function lineOf(file: { lines: { positionAt(offset: number): { line: number } } }, offset: number): number {
  return file.lines.positionAt(offset).line;
}

/** What one walk of a file tells about its functions. */
interface FileIndex {
  /** The object or class `this` refers to inside each function. */
  containers: Map<Fn, Container | undefined>;
}

interface Registration {
  kind: 'Page' | 'Component' | 'App';
  object: ObjectExpression;
}

/** The methods `this.x()` reaches in a registered page, component or app, and its lifecycle functions. */
interface UnitMethods {
  registration: Registration;
  methods: Map<string, FnRef>;
  lifecycle: Array<{ name: string; kind: TriggerKind; fn: FnRef }>;
  /** The registration object and its `methods`/`lifetimes`/`pageLifetimes` objects. */
  objects: Set<ObjectExpression>;
}

const cache = new WeakMap<Project, Flow>();

/** The flow analysis of a project, built on first use and shared by the rules of one run. */
export function flowOf(project: Project): Flow {
  let flow = cache.get(project);
  if (!flow) cache.set(project, (flow = new Flow(project)));
  return flow;
}

export class Flow {
  private readonly fileIndexes = new Map<string, FileIndex>();
  /** Scripts whose unit is being built: a method resolving back into its own unit finds none. */
  private readonly buildingUnits = new Set<string>();
  private triggerList?: Trigger[];
  private runs?: Array<readonly Trigger[]>;

  constructor(readonly project: Project) {}

  /** Every trigger of the app: lifecycle hooks first, then other hooks, then user events. */
  triggers(): Trigger[] {
    this.triggerList ??= this.triggerRuns().flat();
    return this.triggerList;
  }

  /**
   * `triggers()` cut into runs: the consecutive triggers of one kind that one page, component,
   * React module or the app gives. A run's triggers are the same objects for as long as that
   * unit's files are unchanged, so in a session its first trigger can key an analysis of the run
   * (`Project.remember`): a check that sums up each run, in order, re-explores only the runs of
   * the units an edit touched.
   */
  triggerRuns(): ReadonlyArray<readonly Trigger[]> {
    if (!this.runs) {
      const chunks: Array<readonly Trigger[]> = [];
      this.classicTriggers(chunks);
      this.reactTriggers(chunks);
      // By kind, then in the order the units gave them (a stable sort by kind).
      const runs: Array<readonly Trigger[]> = [];
      const split = chunks.map(runsByKind);
      for (let kind = 0; kind < TRIGGER_ORDER.length; kind++) {
        for (const byKind of split) if (byKind[kind]) runs.push(byKind[kind]!);
      }
      this.runs = runs;
    }
    return this.runs;
  }

  /**
   * The lifecycle triggers of the given scripts' pages and components, and of the app, in
   * `triggers()` order, without building every other unit's handler graph: for checks that start
   * from one page's hooks.
   */
  lifecycleTriggers(scripts: ReadonlySet<string>): Trigger[] {
    const chunks: Array<readonly Trigger[]> = [];
    this.classicTriggers(chunks, scripts);
    this.reactTriggers(chunks, scripts);
    return chunks.flat().filter((trigger) => trigger.kind === 'lifecycle');
  }

  /** The calls in a function, its inline callbacks included; named inner functions are separate. */
  sites(ref: FnRef): Site[] {
    // Through `remember` on every call, not a map of this run: a hit notes the files the sites were
    // resolved from, so an analysis remembered around this one depends on them too.
    return this.project.remember('flow/sites', ref.fn, () => this.sitesIn(ref));
  }

  private sitesIn(ref: FnRef): Site[] {
    const out: Site[] = [];
    const bn = this.project.bnApi(ref.file);
    walkJs(ref.fn, {
      enter: (node, ancestors) => {
        if (node !== ref.fn && this.isSeparate(node, ancestors)) return false;
        if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
          const call = bn?.call(node as Call);
          if (call) {
            out.push({ kind: 'bn', node: node as Call, bn: call, ancestors: [...ancestors], owner: ref });
            return;
          }
          const target = this.resolveCallee(node.callee, ref.file, ref.fn, ancestors);
          if (target) out.push({ kind: 'call', node, target, label: `${shorten(sourceText(ref.file, node.callee))}()`, ancestors: [...ancestors], owner: ref });
          return;
        }
        if ((node.type === 'Identifier' || node.type === 'MemberExpression') && isCallbackPosition(node, ancestors)) {
          const target = node.type === 'Identifier' ? this.resolveFn(node, ref.file, node.name) : this.resolveMember(node, ref.file, ref.fn, ancestors);
          if (target) out.push({ kind: 'call', node, target, label: shorten(sourceText(ref.file, node)), ancestors: [...ancestors], owner: ref });
        }
      },
    });
    return out;
  }

  /**
   * Breadth-first from each start, following calls; `step` gives the state after a call site (e.g.
   * "confirmed" once a call sits on a confirmed branch) and `visit` sees every `bn` call reached
   * with that state. A function is explored once per state, for all starts together.
   */
  explore<S extends string>(
    starts: ReadonlyArray<{ trigger: Trigger; state: S }>,
    step: (state: S, site: Site) => S,
    visit: (site: Extract<Site, { kind: 'bn' }>, state: S, trigger: Trigger, path: readonly string[]) => void,
  ): void {
    const seen = new Map<Fn, Set<S>>();
    for (const start of starts) this.follow(start.trigger.fn, start.state, step, seen, (site, state, path) => visit(site, state, start.trigger, path));
  }

  /**
   * `explore` for a check whose step depends on the files alone: each start is explored on its own
   * and what it visits is remembered (`name` names the step; `makeStep` gives a step with no state
   * shared between starts, so a start's visits do not depend on which starts ran before it). A
   * session's re-run explores again only the starts whose reachable code, or what their steps
   * read, changed. A call reached from several starts is visited once per start, in start order:
   * a check that keeps the first visit of a call, or treats every visit alike, sees what
   * `explore` would show it.
   */
  exploreEach<S extends string>(
    name: string,
    starts: ReadonlyArray<{ trigger: Trigger; state: S }>,
    makeStep: () => (state: S, site: Site) => S,
    visit: (site: Extract<Site, { kind: 'bn' }>, state: S, trigger: Trigger, path: readonly string[]) => void,
  ): void {
    for (const { trigger, state } of starts) {
      const visits = this.project.remember(`flow/explore:${name}:${state}`, trigger.fn.fn, () => this.exploreFrom(trigger.fn, state, makeStep()));
      // Starts that share a function may name it differently: the path starts with this one's name.
      for (const { site, state: after, path } of visits) visit(site, after, trigger, path[0] === trigger.fn.name ? path : [trigger.fn.name, ...path.slice(1)]);
    }
  }

  /** The `bn` calls one start reaches, with the state and the path (breadth-first, as `explore`). */
  private exploreFrom<S extends string>(from: FnRef, initial: S, step: (state: S, site: Site) => S): Array<{ site: Extract<Site, { kind: 'bn' }>; state: S; path: readonly string[] }> {
    const out: Array<{ site: Extract<Site, { kind: 'bn' }>; state: S; path: readonly string[] }> = [];
    const files = new Set<string>();
    this.follow(from, initial, step, new Map(), (site, state, path) => out.push({ site, state, path }), (ref) => {
      // The files whose code the start reaches are what its visits depend on (a remembered
      // function's sites may not name their own file).
      if (files.has(ref.file.path)) return;
      files.add(ref.file.path);
      this.project.parsed(ref.file.path);
    });
    return out;
  }

  /** Breadth-first from one function through the calls it makes, each function once per state (`seen`). */
  private follow<S extends string>(
    from: FnRef,
    initial: S,
    step: (state: S, site: Site) => S,
    seen: Map<Fn, Set<S>>,
    reached: (site: Extract<Site, { kind: 'bn' }>, state: S, path: readonly string[]) => void,
    entered?: (ref: FnRef) => void,
  ): void {
    const queue: Array<{ ref: FnRef; state: S; path: string[] }> = [{ ref: from, state: initial, path: [from.name] }];
    for (let i = 0; i < queue.length; i++) {
      const { ref, state, path } = queue[i];
      let states = seen.get(ref.fn);
      if (!states) seen.set(ref.fn, (states = new Set()));
      if (states.has(state)) continue;
      states.add(state);
      entered?.(ref);
      for (const site of this.sites(ref)) {
        const next = step(state, site);
        if (site.kind === 'bn') reached(site, next, path);
        else if (path.length < MAX_PATH) queue.push({ ref: site.target, state: next, path: [...path, site.label] });
      }
    }
  }

  /** The function a callee refers to: a name (across files), `this.x`, `obj.x`, `module.x`, `getApp().x`. */
  resolveCallee(callee: Node, file: JsFile, root: Fn | undefined, ancestors: readonly Node[], depth = 0): FnRef | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(callee);
    if (node.type === 'Identifier') return this.resolveFn(node, file, node.name);
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const name = memberName(node);
      // `this.pay.bind(this)`, `fn.call(this, x)`.
      if (name === 'bind' || name === 'call' || name === 'apply') return this.resolveCallee(node.object, file, root, ancestors, depth + 1);
      return this.resolveMember(node, file, root, ancestors, depth);
    }
    if (isFunction(node)) return { file, fn: node, name: '(inline function)' };
    return undefined;
  }

  /** `this.x`, `that.x`, `api.x`, `getApp().x` as a function. */
  resolveMember(node: NodeOf<'MemberExpression'> | NodeOf<'OptionalMemberExpression'>, file: JsFile, root: Fn | undefined, ancestors: readonly Node[], depth = 0): FnRef | undefined {
    const name = memberName(node);
    if (!name) return undefined;
    const object = unwrap(node.object);
    if (object.type === 'ThisExpression') return this.thisMethod(file, root, ancestors, name);
    const alias = this.thisAliasAt(object, file);
    if (alias !== undefined) {
      // `const that = this`: `this` of the function declaring `that`, not of an inner callback.
      const declaring = ancestors.filter((ancestor) => isFunction(ancestor) && (ancestor.start ?? 0) <= alias && alias <= (ancestor.end ?? 0));
      return this.thisMethod(file, root, declaring, name);
    }
    const target = this.objectOf(object, file, depth + 1);
    if (!target) return undefined;
    if ('object' in target) return this.propertyFn(target.object, target.file, name);
    return this.moduleFn(target.module, name, depth + 1);
  }

  /** A function by name or value, across files; `var`/`let` functions too. */
  resolveFn(node: Node, file: JsFile, name: string, depth = 0): FnRef | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const value = unwrap(node);
    const resolved = this.project.evaluator.resolveFunction(value, file);
    if (resolved) return { file: resolved.file, fn: resolved.fn, name };
    if (value.type === 'Identifier') {
      const binding = this.project.scopeOf(file)?.lookup(value.name, value.start ?? 0);
      // `var pay = function () {}` (compiled code): the scope index keeps the initial value.
      if (binding?.source.kind === 'mutable' && binding.source.init) return this.resolveFn(binding.source.init, file, name, depth + 1);
    }
    return undefined;
  }

  /** The page route whose script is `path` (classic or React), if any. */
  routeOfScript(path: string): string | undefined {
    return this.project.pages.find((page) => page.files.script === path)?.route;
  }

  // ---------------------------------------------------------------------------------------------

  private isSeparate(node: Node, ancestors: readonly Node[]): boolean {
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return true;
    const parent = ancestors[ancestors.length - 1];
    if (isFunction(node) && parent?.type === 'VariableDeclarator' && parent.init === node) return true;
    // JSX handlers run on the user's event, not when the render function runs: they are triggers.
    if (node.type === 'JSXAttribute' && isEventAttribute(node)) return true;
    // Hook callbacks run on mount/show: they are triggers too.
    if (isFunction(node) && parent && (parent.type === 'CallExpression') && parent.arguments[0] === node && hookName(parent.callee)) return true;
    return false;
  }

  /** Where `that` of `const that = this` is declared; undefined when `node` is not such an alias. */
  private thisAliasAt(node: Node, file: JsFile): number | undefined {
    if (node.type !== 'Identifier') return undefined;
    const binding = this.project.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    return binding?.source.kind === 'init' && unwrap(binding.source.init).type === 'ThisExpression' ? binding.declaredAt : undefined;
  }

  /** `this.name` seen from inside `root` (or from the ancestors when they reach the file's top). */
  private thisMethod(file: JsFile, root: Fn | undefined, ancestors: readonly Node[], name: string): FnRef | undefined {
    const index = this.index(file);
    let container: Container | undefined;
    let inner: Fn | undefined;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const node = ancestors[i];
      if (isFunction(node)) {
        inner = node;
        break;
      }
    }
    inner ??= root;
    if (inner) container = index.containers.get(inner);
    const unit = this.unitOf(file);
    if (unit && (!container || (container.type === 'ObjectExpression' && unit.objects.has(container)))) {
      const method = unit.methods.get(name);
      if (method) return method;
    }
    if (!container) return undefined;
    if (container.type === 'ObjectExpression') return this.propertyFn(container, file, name);
    for (const member of container.body) {
      if (keyName(member) !== name) continue;
      if (member.type === 'ClassMethod') return { file, fn: member, name };
      if (member.type === 'ClassProperty' && member.value) return this.resolveFn(member.value, file, name);
    }
    return undefined;
  }

  private propertyFn(object: ObjectExpression, file: JsFile, name: string): FnRef | undefined {
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i];
      if (property.type === 'SpreadElement' || keyName(property) !== name) continue;
      if (property.type === 'ObjectMethod') return { file, fn: property, name };
      return this.resolveFn(property.value, file, name);
    }
    return undefined;
  }

  /** What an object expression names: an object literal (here or exported elsewhere) or a module. */
  private objectOf(node: Node, file: JsFile, depth: number): { file: JsFile; object: ObjectExpression } | { module: JsFile } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const value = unwrap(node);
    if (value.type === 'ObjectExpression') return { file, object: value };
    if (value.type === 'CallExpression' && value.callee.type === 'Identifier') {
      if (value.callee.name === 'getApp') {
        const app = this.project.appObject();
        return app ? { file: app.file, object: app.object } : undefined;
      }
      if (value.callee.name === 'require' && value.arguments[0]?.type === 'StringLiteral') return this.moduleAt(file, value.arguments[0].value);
      return undefined;
    }
    if (value.type !== 'Identifier') return undefined;
    const binding = this.project.scopeOf(file)?.lookup(value.name, value.start ?? 0);
    if (!binding) return undefined;
    const source = binding.source;
    if (source.kind === 'init') return this.objectOf(source.init, file, depth + 1);
    if (source.kind === 'import') {
      const module = this.moduleAt(file, source.source);
      if (!module) return undefined;
      if (source.imported === '*') return module;
      const exported = this.moduleExport(module.module, source.imported);
      return exported ? this.objectOf(exported.node, exported.file, depth + 1) : undefined;
    }
    if (source.kind === 'destructured' && source.from.type === 'CallExpression') {
      const required = this.objectOf(source.from, file, depth + 1);
      if (required && 'module' in required) {
        const exported = this.moduleExport(required.module, source.key);
        return exported ? this.objectOf(exported.node, exported.file, depth + 1) : undefined;
      }
    }
    if (source.kind === 'mutable' && source.init) return this.objectOf(source.init, file, depth + 1);
    return undefined;
  }

  private moduleAt(file: JsFile, specifier: string): { module: JsFile } | undefined {
    const path = this.project.resolveImport(file.path, specifier);
    const module = path ? this.project.jsFile(path) : undefined;
    return module ? { module } : undefined;
  }

  /** A named export (`export function x`, `exports.x =`, `module.exports = { x }`). */
  private moduleExport(module: JsFile, name: string): { file: JsFile; node: Node } | undefined {
    const exports = this.project.scopeOf(module)?.exports;
    if (!exports) return undefined;
    if (name === 'default') return exports.default ? { file: module, node: exports.default } : undefined;
    const named = exports.named.get(name);
    if (named) return { file: module, node: named };
    const fallback = exports.default ? this.objectOf(exports.default, module, 0) : undefined;
    if (fallback && 'object' in fallback) {
      for (const property of fallback.object.properties) {
        if (property.type === 'SpreadElement' || keyName(property) !== name) continue;
        return { file: fallback.file, node: property.type === 'ObjectMethod' ? property : property.value };
      }
    }
    return undefined;
  }

  private moduleFn(module: JsFile, name: string, depth: number): FnRef | undefined {
    const exported = this.moduleExport(module, name);
    return exported ? this.resolveFn(exported.node, exported.file, name, depth) : undefined;
  }

  private index(file: JsFile): FileIndex {
    let index = this.fileIndexes.get(file.path);
    if (!index) this.fileIndexes.set(file.path, (index = fileIndexOf(file)));
    return index;
  }

  /** Page/Component/App registration in a script, with the methods `this.x()` can reach. */
  private unitOf(file: JsFile): UnitMethods | undefined {
    if (this.buildingUnits.has(file.path)) return undefined;
    this.buildingUnits.add(file.path);
    try {
      // Through `remember` on every call, as `sites`: a hit notes the files the methods resolved into.
      return this.project.remember('flow/unit', file, () => this.unitMethodsOf(file));
    } finally {
      this.buildingUnits.delete(file.path);
    }
  }

  private unitMethodsOf(file: JsFile): UnitMethods | undefined {
    const registration = file.ast ? registrationOf(file) : undefined;
    if (!registration) return undefined;
    const unit: UnitMethods = { registration, methods: new Map(), lifecycle: [], objects: new Set([registration.object]) };
    const { object, kind } = registration;
    const add = (target: ObjectExpression, each: (name: string, ref: FnRef) => void) => {
      unit.objects.add(target);
      for (const property of target.properties) {
        if (property.type === 'SpreadElement') continue;
        const name = keyName(property);
        if (!name) continue;
        const ref = property.type === 'ObjectMethod' ? { file, fn: property, name } : this.resolveFn(property.value, file, name);
        if (ref) each(name, ref);
      }
    };
    const lifecycleKind = (name: string, lifecycle: Set<string>): TriggerKind | undefined =>
      lifecycle.has(name) ? 'lifecycle' : OTHER_HOOKS.has(name) ? 'hook' : undefined;
    if (kind === 'Page' || kind === 'App') {
      add(object, (name, ref) => {
        unit.methods.set(name, ref);
        const hook = lifecycleKind(name, kind === 'Page' ? PAGE_LIFECYCLE : APP_LIFECYCLE);
        if (hook) unit.lifecycle.push({ name, kind: hook, fn: ref });
      });
    } else {
      for (const property of object.properties) {
        if (property.type !== 'ObjectProperty' || property.value.type !== 'ObjectExpression') continue;
        const name = keyName(property);
        if (name === 'methods') add(property.value, (method, ref) => unit.methods.set(method, ref));
        else if (name === 'lifetimes') add(property.value, (hook, ref) => COMPONENT_LIFECYCLE.has(hook) && unit.lifecycle.push({ name: hook, kind: 'lifecycle', fn: ref }));
        else if (name === 'pageLifetimes') add(property.value, (hook, ref) => PAGE_LIFETIMES.has(hook) && unit.lifecycle.push({ name: `pageLifetimes.${hook}`, kind: 'lifecycle', fn: ref }));
      }
      for (const property of object.properties) {
        if (property.type === 'SpreadElement') continue;
        const name = keyName(property);
        if (!name || !COMPONENT_LIFECYCLE.has(name)) continue;
        const ref = property.type === 'ObjectMethod' ? { file, fn: property, name } : this.resolveFn(property.value, file, name);
        if (ref) unit.lifecycle.push({ name, kind: 'lifecycle', fn: ref });
      }
    }
    return unit;
  }

  /** `only`: just these scripts' lifecycle hooks (and the app's), no event triggers. */
  private classicTriggers(out: Array<readonly Trigger[]>, only?: ReadonlySet<string>): void {
    const project = this.project;
    const seen = new Set<string>();
    const units: Array<{ files: UnitFiles; route?: string }> = [
      ...project.pages.map((page) => ({ files: page.files, route: page.route })),
      ...project.componentUses.map((use) => ({ files: use.files })),
    ];
    const scripts: Array<{ files: UnitFiles; route?: string; key: string }> = [];
    for (const unit of units) {
      const scriptPath = unit.files.script;
      if (!scriptPath || seen.has(scriptPath) || (only && !only.has(scriptPath))) continue;
      seen.add(scriptPath);
      const { files, route } = unit;
      scripts.push({ files, route, key: `${route}\0${files.script}\0${files.template}\0${files.config}` });
    }
    // With `only`, lifecycle hooks alone: no handler graph for the template.
    const withEvents = !only;
    out.push(...rememberEach(project, withEvents ? 'flow/unit-triggers' : 'flow/unit-lifecycle', scripts, (unit) => unit.key, ({ files, route }) => this.unitTriggers(files, route, withEvents)));
    // app.js: App({ onLaunch, onShow }).
    for (const extension of ['.js', '.ts']) {
      const app = project.jsFile(`${project.appRoot}app${extension}`);
      // Remembered as a unit's are, so they are the same objects while the app's code is unchanged.
      if (app) out.push(project.remember('flow/app-triggers', app, () => this.appTriggers(app)));
    }
  }

  private appTriggers(app: JsFile): Trigger[] {
    const methods = this.unitOf(app);
    if (!methods || methods.registration.kind !== 'App') return [];
    return methods.lifecycle.map((hook) => ({ kind: hook.kind, name: hook.name, label: `${hook.name} of the app (${app.path})`, fn: hook.fn }));
  }

  /** A page's or component's lifecycle hooks and template events. */
  private unitTriggers(files: UnitFiles, route: string | undefined, withEvents: boolean): Trigger[] {
    const project = this.project;
    const out: Trigger[] = [];
    const scriptPath = files.script!;
    const script = project.jsFile(scriptPath);
    const methods = script ? this.unitOf(script) : undefined;
    if (!script || !methods) return out;
    const owner = route ?? scriptPath.replace(/\.[jt]s$/, '');
    for (const hook of methods.lifecycle) out.push({ kind: hook.kind, name: hook.name, label: `${hook.name} of ${owner}`, fn: hook.fn, route });
    if (!withEvents || !files.template) return out;
    const graph = handlerGraph(project, { files });
    const template = graph.template;
    if (!template) return out;
    const componentTags = new Set(project.componentUses.filter((use) => use.from === files.config || use.from === project.appConfigPath).map((use) => use.tag));
    for (const binding of graph.bindings) for (const handler of binding.handlers) {
      const fn = methods.methods.get(handler);
      if (!fn) continue;
      const line = lineOf(template, binding.attribute.start);
      out.push({
        kind: 'event',
        name: binding.event.toLowerCase(),
        label: `${binding.attribute.name}="${binding.handler ?? handler}" (${template.path}:${line})`,
        fn,
        route,
        element: { kind: 'bxml', file: template, element: binding.element, unit: files },
        custom: componentTags.has(binding.element.name),
      });
    }
    return out;
  }

  /** JSX `onX={handler}` props, lifecycle hooks (`useEffect`, `useDidShow`…) and class lifecycle methods. */
  private reactTriggers(out: Array<readonly Trigger[]>, only?: ReadonlySet<string>): void {
    const project = this.project;
    const reactFile = (path: string): JsFile | undefined => {
      if (project.kindOf(path) !== 'js' || VENDOR_PATH.test(path) || path.endsWith('.bns') || path.endsWith('.d.ts')) return undefined;
      const file = project.jsFile(path);
      return file?.ast && mayHaveReactTriggers(file) ? file : undefined;
    };
    // Which scripts may have any is indexed by content: a session's re-check looks again at the changed ones only.
    const candidates = project.rememberIndex('flow/react-candidates', project.paths, (path) => (reactFile(path) ? ['react'] : [])).lookup('react');
    for (const path of candidates) {
      if (only && !only.has(path)) continue;
      const file = reactFile(path);
      if (file) out.push(project.remember('flow/react-triggers', file, () => this.reactTriggersIn(file)));
    }
  }

  private reactTriggersIn(file: JsFile): Trigger[] {
    const out: Trigger[] = [];
    const route = this.routeOfScript(file.path);
    walkJs(file.ast!, {
      enter: (node, ancestors) => {
        if (node.type === 'JSXAttribute' && isEventAttribute(node) && node.value?.type === 'JSXExpressionContainer') {
          const expression = node.value.expression;
          if (expression.type === 'JSXEmptyExpression') return;
          const fn = this.handlerFn(expression, file, ancestors);
          const element = ancestors[ancestors.length - 2];
          const attribute = node.name.type === 'JSXIdentifier' ? node.name.name : 'on?';
          if (fn && element) {
            out.push({
              kind: 'event',
              name: attribute.slice(2).toLowerCase(),
              label: `${attribute}={${shorten(sourceText(file, expression))}} (${file.path}:${lineOf(file, node.start ?? 0)})`,
              fn,
              route,
              element: { kind: 'jsx', file, node: element },
              custom: this.isCustomJsx(element, file),
            });
          }
          return;
        }
        if (node.type === 'CallExpression') {
          const hook = hookName(node.callee);
          const argument = node.arguments[0];
          if (!hook || !argument) return;
          const fn = isFunction(argument) ? { file, fn: argument, name: hook } : this.resolveCallee(argument, file, undefined, ancestors);
          if (fn) {
            out.push({
              kind: REACT_LIFECYCLE_HOOKS.has(hook) ? 'lifecycle' : 'hook',
              name: hook,
              label: `${hook} (${file.path}:${lineOf(file, node.start ?? 0)})`,
              fn: { ...fn, name: isFunction(argument) ? `${hook} callback` : fn.name },
              route,
            });
          }
          return;
        }
        if ((node.type === 'ClassMethod' && node.kind === 'method') || node.type === 'ClassProperty') {
          const name = keyName(node);
          if (!name || !CLASS_LIFECYCLE.has(name)) return;
          const fn = node.type === 'ClassMethod' ? { file, fn: node as Fn, name } : node.value ? this.resolveFn(node.value, file, name) : undefined;
          if (fn) out.push({ kind: 'lifecycle', name, label: `${name} (${file.path}:${lineOf(file, node.start ?? 0)})`, fn, route });
        }
      },
    });
    return out;
  }

  /** A JSX element that is a component of the app (`<PayButton>`), not a built-in (`<Button>` from @binance/mp-components, `<view>`). */
  private isCustomJsx(element: Node, file: JsFile): boolean {
    if (element.type !== 'JSXElement') return false;
    const name = element.openingElement.name;
    if (name.type !== 'JSXIdentifier') return name.type === 'JSXMemberExpression';
    if (!/^[A-Z]/.test(name.name)) return false;
    const binding = this.project.scopeOf(file)?.lookup(name.name, name.start ?? 0);
    return !(binding?.source.kind === 'import' && BUILT_IN_COMPONENT_MODULES.test(binding.source.source));
  }

  /** The function a JSX handler expression runs. */
  private handlerFn(expression: Node, file: JsFile, ancestors: readonly Node[]): FnRef | undefined {
    const value = unwrap(expression);
    if (isFunction(value)) return { file, fn: value, name: '(inline handler)' };
    if (value.type === 'CallExpression') {
      // `onClick={this.pay.bind(this)}` or a handler factory `onClick={buy(item.id)}`.
      return this.resolveCallee(value.callee, file, undefined, ancestors);
    }
    return this.resolveCallee(value, file, undefined, ancestors);
  }
}

/** `onClick`, `onTap`, `onSubmit`… with a handler. */
function isEventAttribute(node: NodeOf<'JSXAttribute'>): boolean {
  return node.name.type === 'JSXIdentifier' && /^on[A-Z]/.test(node.name.name);
}

/** The hook a call registers a callback with (`useEffect(fn)`, `React.useEffect(fn)`, `bn.useDidShow(fn)`). */
function hookName(callee: Node): string | undefined {
  const node = unwrap(callee);
  const name = node.type === 'Identifier' ? node.name : memberName(node);
  return name && (REACT_LIFECYCLE_HOOKS.has(name) || REACT_OTHER_HOOKS.has(name)) ? name : undefined;
}

/** An argument of a call, or a value in an object literal passed to one (`success: this.onDone`). */
function isCallbackPosition(node: Node, ancestors: readonly Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return false;
  if ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') && parent.arguments.includes(node as never)) {
    return node.type === 'Identifier' || memberOfThis(node);
  }
  if (parent.type === 'ObjectProperty' && parent.value === node && !parent.shorthand) {
    const object = ancestors[ancestors.length - 2];
    const call = ancestors[ancestors.length - 3];
    return !!object && !!call && (call.type === 'CallExpression' || call.type === 'OptionalCallExpression') && call.arguments.includes(object as never)
      && (node.type === 'Identifier' || memberOfThis(node));
  }
  if (parent.type === 'ObjectProperty' && parent.value === node && parent.shorthand) {
    const call = ancestors[ancestors.length - 3];
    return !!call && (call.type === 'CallExpression' || call.type === 'OptionalCallExpression') && call.arguments.includes(ancestors[ancestors.length - 2] as never);
  }
  return false;
}

function memberOfThis(node: Node): boolean {
  return node.type === 'MemberExpression' && !node.computed && node.object.type === 'ThisExpression';
}

/** What `this` is inside the last function of `chain` (the chain runs from the file's top). */
function containerOf(chain: readonly Node[]): Container | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const parent = chain[i - 1];
    const grand = chain[i - 2];
    if (node.type === 'ArrowFunctionExpression') {
      if (parent?.type === 'ClassProperty' && grand?.type === 'ClassBody') return grand;
      continue; // lexical this
    }
    if (node.type === 'ObjectMethod') return parent?.type === 'ObjectExpression' ? parent : undefined;
    if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') return parent?.type === 'ClassBody' ? parent : undefined;
    if (node.type === 'FunctionExpression') {
      if (parent?.type === 'ObjectProperty' && grand?.type === 'ObjectExpression') return grand;
      if (parent?.type === 'ClassProperty' && grand?.type === 'ClassBody') return grand;
      return undefined;
    }
    if (node.type === 'FunctionDeclaration') return undefined;
  }
  return undefined;
}

/** How many items `rememberEach` checks as one. */
const EACH_SLICE = 64;

/**
 * `compute(item)` for each item, through `Project.remember` (`kind`, the item's key), and over
 * them per slice of items, so a session's re-check asks one question of each slice whose items'
 * files are unchanged rather than one of each item: an edit touches few. A key must stand for
 * everything `compute` takes from its item beside the files it reads.
 */
export function rememberEach<T, V>(project: Project, kind: string, items: readonly T[], keyOf: (item: T) => string, compute: (item: T) => V): V[] {
  const out: V[] = [];
  for (let start = 0; start < items.length; start += EACH_SLICE) {
    const slice = items.slice(start, start + EACH_SLICE);
    const keys = slice.map(keyOf);
    out.push(...project.remember(`${kind}[]`, JSON.stringify(keys), () => slice.map((item, i) => project.remember(kind, keys[i], () => compute(item)))));
  }
  return out;
}

/** A unit's triggers by kind (`TRIGGER_ORDER`), split once per list: a remembered list keeps its runs, the same arrays. */
const splitChunks = new WeakMap<readonly Trigger[], Array<readonly Trigger[] | undefined>>();
function runsByKind(chunk: readonly Trigger[]): Array<readonly Trigger[] | undefined> {
  let split = splitChunks.get(chunk);
  if (!split) {
    const lists: Trigger[][] = TRIGGER_ORDER.map(() => []);
    for (const trigger of chunk) lists[TRIGGER_ORDER.indexOf(trigger.kind)]!.push(trigger);
    split = lists.map((list) => (list.length ? list : undefined));
    splitChunks.set(chunk, split);
  }
  return split;
}

/** Cheap pre-check, once per parse: most classic scripts have no JSX handler, hook or class. */
const reactCandidates = new WeakMap<JsFile, boolean>();
function mayHaveReactTriggers(file: JsFile): boolean {
  let may = reactCandidates.get(file);
  if (may === undefined) reactCandidates.set(file, (may = /\bon[A-Z]\w*\s*=\s*\{|\buse[A-Z]\w*\s*\(|\bcomponent(Did|Will)\w+|\bclass\b/.test(file.text)));
  return may;
}

/** What `this` is in each function of a file: depends on the file's tree alone, so one per parse. */
const fileIndexes = new WeakMap<JsFile, FileIndex>();
function fileIndexOf(file: JsFile): FileIndex {
  let index = fileIndexes.get(file);
  if (index) return index;
  index = { containers: new Map() };
  const { containers } = index;
  if (file.ast) {
    for (const node of nodesIn(file.ast)) if (isFunction(node)) containers.set(node, containerOf([...ancestorsIn(file.ast, node), node]));
  }
  fileIndexes.set(file, index);
  return index;
}

/** The registration of a script: depends on its tree alone, so one per parse. */
const registrations = new WeakMap<JsFile, Registration | null>();
function registrationOf(file: JsFile): Registration | undefined {
  let found = registrations.get(file);
  if (found === undefined) registrations.set(file, (found = findRegistration(file) ?? null));
  return found ?? undefined;
}

function findRegistration(file: JsFile): Registration | undefined {
  let found: Registration | undefined;
  walkJs(file.ast!, {
    enter(node) {
      if (found) return false;
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return;
      const name = node.callee.name;
      const argument = node.arguments[0];
      if ((name === 'Page' || name === 'Component' || name === 'App') && argument?.type === 'ObjectExpression') found = { kind: name, object: argument };
    },
  });
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** `a → b() → c()` for messages. */
export function describePath(path: readonly string[]): string {
  return path.join(' → ');
}
