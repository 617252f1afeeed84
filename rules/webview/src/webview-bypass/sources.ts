/**
 * Where a runtime value comes from, as far as a static reading can tell: a page's route
 * parameters, storage, a network response, a component property, or some other runtime value.
 * Shared by webview/webview-bypass and webview/runtime-content-switch.
 */
import { flowOf, isFunction, memberName, unwrap, walkJs, type Fn, type JsFile, type Node, type NodeOf, type Project } from '@bmplint/core';

export type SourceKind = 'route' | 'storage' | 'response' | 'property' | 'runtime';

export interface ValueSource {
  kind: SourceKind;
  /** The expression the value was read from (for messages). */
  node: Node;
  file: JsFile;
}

/** How messages name each kind. */
export const SOURCE_LABEL: Record<SourceKind, string> = {
  route: 'a route parameter',
  storage: 'local storage',
  response: 'a network response',
  property: 'a component property set by its parent',
  runtime: 'a runtime value',
};

/** APIs whose result is a network response. */
const REQUEST_APIS = new Set(['request', 'downloadFile', 'uploadFile', 'getBackgroundFetchData', 'getBackgroundFetchToken']);
const STORAGE_APIS = new Set(['getStorage', 'getStorageSync', 'getStorageInfo', 'getStorageInfoSync']);
/** APIs and globals whose result carries the route parameters. */
const ROUTE_APIS = new Set(['getLaunchOptionsSync', 'getEnterOptionsSync']);
const ROUTE_GLOBALS = new Set(['getCurrentPages', 'getCurrentInstance', 'useRouter']);
/** Names of app helpers that wrap `bn.request` (when the wrapper cannot be followed). */
const REQUEST_NAME = /^(request|fetch\w*|http\w*|ajax|api\w*|get[A-Z]\w*|post[A-Z]?\w*|load[A-Z]\w*|query[A-Z]\w*|\$http|axios)$/;
const LOADS = new Set(['onLoad', 'useLoad']);
const MAX_DEPTH = 16;

interface FnInfo {
  fn: Fn;
  ancestors: readonly Node[];
}

/** Functions of a file by start offset (where their parameters' bindings are declared). */
const fnIndexes = new WeakMap<JsFile, Map<number, FnInfo>>();

function fnIndex(file: JsFile): Map<number, FnInfo> {
  let index = fnIndexes.get(file);
  if (index) return index;
  index = new Map();
  const out = index;
  if (file.ast) {
    walkJs(file.ast, {
      enter(node, ancestors) {
        if (isFunction(node)) out.set(node.start ?? -1, { fn: node, ancestors: [...ancestors] });
      },
    });
  }
  fnIndexes.set(file, index);
  return index;
}

export class ValueTracer {
  private readonly requestFns = new Map<Fn, boolean>();

  constructor(private readonly project: Project) {}

  /** The source of a value that the evaluator could not fold. */
  trace(start: Node, file: JsFile): ValueSource {
    let node: Node = start;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      node = unwrap(node);
      if (node.type === 'AwaitExpression') {
        node = node.argument;
        continue;
      }
      if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
        const kind = this.callKind(node, file);
        if (kind) return { kind, node: start, file };
        // `decodeURIComponent(x)`, `String(x)`, `x.trim()`, `JSON.parse(x)`: the value of x.
        const callee = unwrap(node.callee);
        const first = node.arguments[0] as Node | undefined;
        if (callee.type === 'Identifier' && /^(decodeURIComponent|decodeURI|unescape|String)$/.test(callee.name) && first) node = first;
        else if (memberName(callee) === 'parse' && first) node = first;
        else if (callee.type === 'MemberExpression' && /^(trim|toString|replace|slice|substring|split)$/.test(memberName(callee) ?? '')) node = callee.object;
        else return { kind: 'runtime', node: start, file };
        continue;
      }
      if (node.type === 'TemplateLiteral' || (node.type === 'BinaryExpression' && node.operator === '+')) {
        const unknown = this.project.evaluator.stringPrefix(node, file).unknownAt;
        if (!unknown || unknown.node === node) return { kind: 'runtime', node: start, file };
        const other = this.project.jsFile(unknown.file);
        if (!other) return { kind: 'runtime', node: start, file };
        file = other;
        node = unknown.node;
        continue;
      }
      if (node.type === 'LogicalExpression') {
        // `options.url || DEFAULT_URL`: the runtime side decides.
        node = this.project.evaluator.evaluate(node.left, file) === undefined ? node.right : node.left;
        continue;
      }
      if (node.type === 'ConditionalExpression') {
        node = typeof this.project.evaluator.evaluate(node.consequent, file) === 'string' ? node.alternate : node.consequent;
        continue;
      }
      // Member chains: look at what they are read from.
      let root: Node = node;
      while (root.type === 'MemberExpression' || root.type === 'OptionalMemberExpression') {
        if (root.object.type === 'ThisExpression' && memberName(root) === 'options') return { kind: 'route', node: start, file };
        root = unwrap(root.object);
      }
      if (root !== node && (root.type === 'CallExpression' || root.type === 'OptionalCallExpression')) {
        node = root;
        continue;
      }
      if (root.type !== 'Identifier') return { kind: 'runtime', node: start, file };
      const binding = this.project.scopeOf(file)?.lookup(root.name, root.start ?? 0);
      if (!binding) return { kind: 'runtime', node: start, file };
      const source = binding.source;
      if (source.kind === 'init' || (source.kind === 'mutable' && source.init)) {
        node = source.init!;
        continue;
      }
      if (source.kind === 'destructured') {
        node = source.from;
        continue;
      }
      if (source.kind === 'param') return { kind: this.paramKind(file, binding.declaredAt, root.name), node: start, file };
      return { kind: 'runtime', node: start, file };
    }
    return { kind: 'runtime', node: start, file };
  }

  /** What a call returns: a response, storage, route parameters; undefined for anything else. */
  callKind(call: NodeOf<'CallExpression'> | NodeOf<'OptionalCallExpression'>, file: JsFile): SourceKind | undefined {
    const bn = this.project.bnApi(file)?.call(call as NodeOf<'CallExpression'>);
    if (bn) {
      if (REQUEST_APIS.has(bn.name)) return 'response';
      if (STORAGE_APIS.has(bn.name)) return 'storage';
      if (ROUTE_APIS.has(bn.name) || bn.name === 'getCurrentInstance' || bn.name === 'useRouter') return 'route';
      return undefined;
    }
    const callee = unwrap(call.callee);
    if (callee.type === 'Identifier' && ROUTE_GLOBALS.has(callee.name)) return 'route';
    return this.isRequest(call, file) ? 'response' : undefined;
  }

  /** A call of an app helper that wraps `bn.request` (followed when it can be, else judged by its name). */
  isRequest(call: NodeOf<'CallExpression'> | NodeOf<'OptionalCallExpression'>, file: JsFile): boolean {
    const callee = unwrap(call.callee);
    // `request(…).then(…)` chains: the call the chain starts from.
    if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && /^(then|catch|finally)$/.test(memberName(callee) ?? '')) {
      const object = unwrap(callee.object);
      return (object.type === 'CallExpression' || object.type === 'OptionalCallExpression') && this.callKind(object, file) === 'response';
    }
    const target = flowOf(this.project).resolveCallee(callee, file, undefined, []);
    if (target) return this.wrapsRequest(target.fn, target.file);
    const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
    return !!name && REQUEST_NAME.test(name);
  }

  /** A function that calls `bn.request` (directly or through the functions it calls, a few levels deep). */
  private wrapsRequest(fn: Fn, file: JsFile, depth = 0): boolean {
    const cached = this.requestFns.get(fn);
    if (cached !== undefined) return cached;
    this.requestFns.set(fn, false);
    const flow = flowOf(this.project);
    let found = false;
    for (const site of flow.sites({ file, fn, name: '' })) {
      if (site.kind === 'bn' ? REQUEST_APIS.has(site.bn.name) : depth < 4 && this.wrapsRequest(site.target.fn, site.target.file, depth + 1)) {
        found = true;
        break;
      }
    }
    this.requestFns.set(fn, found);
    return found;
  }

  /** What a parameter receives: `onLoad(options)`, a `success(res)`/`.then(res =>)` callback of a request or storage read, a component's props. */
  private paramKind(file: JsFile, fnStart: number, name: string): SourceKind {
    const info = fnIndex(file).get(fnStart);
    if (!info) return 'runtime';
    const { fn, ancestors } = info;
    const parent = ancestors[ancestors.length - 1];
    const ownName = fn.type === 'ObjectMethod' || fn.type === 'ClassMethod' ? keyOf(fn) : parent?.type === 'ObjectProperty' ? keyOf(parent) : undefined;
    const first = fn.params[0];
    const isFirst = !!first && paramNames(first).includes(name);
    if (ownName && LOADS.has(ownName) && isFirst) return 'route';
    // A callback: `success(res)` in the options of a call, or the argument of `.then()` / a hook.
    const objectIndex = fn.type === 'ObjectMethod' ? ancestors.length - 1 : ancestors.length - 2;
    const object = ancestors[objectIndex];
    const call = object?.type === 'ObjectExpression' ? ancestors[objectIndex - 1] : parent;
    if (call && (call.type === 'CallExpression' || call.type === 'OptionalCallExpression') && isFirst) {
      const key = ownName;
      if (object?.type === 'ObjectExpression' && call.arguments.includes(object as never) && key && /^(success|complete)$/.test(key)) {
        return this.callKind(call, file) ?? 'runtime';
      }
      if (call.arguments.includes(fn as never)) {
        const callee = unwrap(call.callee);
        const method = memberName(callee);
        if (method === 'then' && call.arguments[0] === fn && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression')) {
          const promised = unwrap(callee.object);
          if (promised.type === 'CallExpression' || promised.type === 'OptionalCallExpression') return this.callKind(promised, file) ?? 'runtime';
        }
        if (callee.type === 'Identifier' && LOADS.has(callee.name)) return 'route';
      }
    }
    // A React component's props.
    if (isFirst && /^[A-Z]/.test(componentName(fn, parent) ?? '') && /props|^\w+$/.test(name)) return 'property';
    return 'runtime';
  }
}

function keyOf(node: Node): string | undefined {
  if (node.type !== 'ObjectProperty' && node.type !== 'ObjectMethod' && node.type !== 'ClassMethod') return undefined;
  if (node.computed) return node.key.type === 'StringLiteral' ? node.key.value : undefined;
  return node.key.type === 'Identifier' ? node.key.name : node.key.type === 'StringLiteral' ? node.key.value : undefined;
}

function paramNames(param: Node): string[] {
  const out: string[] = [];
  walkJs(param, {
    enter(node, ancestors) {
      const parent = ancestors[ancestors.length - 1];
      if (node.type === 'Identifier' && !(parent?.type === 'ObjectProperty' && parent.key === node && !parent.shorthand)) out.push(node.name);
    },
  });
  return out;
}

function componentName(fn: Fn, parent: Node | undefined): string | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id?.name;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'ExportDefaultDeclaration') return 'Default';
  return undefined;
}

/** Root names a `{{ }}` binding reads (`url`, `page` of `page.link`): the page data it depends on. */
export function rootKeys(ast: Node): string[] {
  const out = new Set<string>();
  walkJs(ast, {
    enter(node, ancestors) {
      const parent = ancestors[ancestors.length - 1];
      if (node.type !== 'Identifier') return;
      if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
      if (parent?.type === 'ObjectProperty' && parent.key === node && !parent.computed) return;
      out.add(node.name);
    },
  });
  return [...out];
}
