/**
 * JavaScript helpers shared by the flow-aware privacy rules: parents, references, how a function
 * is reached (template handler, lifecycle hook, callback of another call) and who calls it.
 */
import { ancestorsIn, handlerGraph, memberPath, nodesIn, parentIn, RecentMap, walkJs, type Binding, type FileIndexLookups, type HandlerBinding, type IndexSpec, type JsFile, type ParsedFile, type Project, type UnitFiles } from '@bmplint/core';

/** Babel's node union, taken from core's API (the rule packages do not depend on @babel/types). */
export type Node = Parameters<typeof walkJs>[0];
export type NodeOf<T extends Node['type']> = Extract<Node, { type: T }>;
export type CallNode = NodeOf<'CallExpression' | 'OptionalCallExpression'>;
export type FunctionNode = NodeOf<'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression' | 'ObjectMethod' | 'ClassMethod' | 'ClassPrivateMethod'>;
export type ObjectNode = NodeOf<'ObjectExpression'>;
export type Registration = 'Page' | 'Component' | 'App';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TypeCastExpression', 'ParenthesizedExpression', 'TSTypeAssertion']);

export const isFunction = (node: Node | null | undefined): node is FunctionNode => !!node && FUNCTION_TYPES.has(node.type);
export const isCall = (node: Node | null | undefined): node is CallNode => !!node && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');

/** `(x as T)`, `x!`, `(x)` → x. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) current = (current as unknown as { expression: Node }).expression;
  return current;
}

/** The static name of an object/class member key. */
export function keyName(node: Node): string | undefined {
  if (!('key' in node) || !node.key) return undefined;
  const key = node.key as Node;
  const computed = 'computed' in node && node.computed;
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** Static property name of `a.b` / `a['b']`. */
export function propertyName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  return node.property.type === 'StringLiteral' ? node.property.value : undefined;
}

/** What one walk of a file's AST tells: the nodes the rules look up by name. */
interface FileFacts {
  identifiers: Map<string, NodeOf<'Identifier'>[]>;
  /** Member expressions by property name (`this.locate`, `res.email`). */
  members: Map<string, Node[]>;
  calls: CallNode[];
}

/** The files walked last and those their calls were followed into (not every file's: a run may keep every script's tree). */
const factsCache = new RecentMap<object, FileFacts>(32);

export function factsOf(file: JsFile): FileFacts | undefined {
  const ast = file.ast;
  if (!ast) return undefined;
  let facts = factsCache.get(ast);
  if (facts) return facts;
  const built: FileFacts = { identifiers: new Map(), members: new Map(), calls: [] };
  for (const node of nodesIn(ast)) {
    if (node.type === 'Identifier') push(built.identifiers, node.name, node);
    else if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const name = propertyName(node);
      if (name) push(built.members, name, node);
    } else if (isCall(node)) built.calls.push(node);
  }
  factsCache.set(ast, (facts = built));
  return facts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function parentOf(file: JsFile, node: Node): Node | undefined {
  return file.ast ? parentIn(file.ast, node) : undefined;
}

/** Ancestors of `node`, innermost first (one look-up of the node in the file's walk order, not one per level). */
export function* ancestorsOf(file: JsFile, node: Node): Generator<{ node: Node; child: Node }> {
  if (!file.ast) return;
  const ancestors = ancestorsIn(file.ast, node);
  let child = node;
  for (let at = ancestors.length - 1; at >= 0; child = ancestors[at], at--) yield { node: ancestors[at], child };
}

/** Whether `inner` lies inside `outer` (by offsets). */
export const within = (inner: Node, outer: Node) => (inner.start ?? 0) >= (outer.start ?? 0) && (inner.end ?? 0) <= (outer.end ?? 0);

/** The source text of a node. */
export const textOf = (file: JsFile, node: Node) => file.text.slice(node.start ?? 0, node.end ?? 0);

/** Where an object literal sits: the argument of `Page(...)`, a `methods` block, an options object… */
export interface ObjectOwner {
  registration?: Registration;
  /** For registrations: root, methods, lifetimes, pageLifetimes. */
  section?: string;
  /** The call the object is an argument of (options objects). */
  call?: CallNode;
}

export function ownerOfObject(file: JsFile, object: ObjectNode): ObjectOwner {
  const parent = parentOf(file, object);
  if (!parent) return {};
  if (isCall(parent) && parent.arguments.includes(object as never)) {
    const callee = parent.callee;
    const registration = callee.type === 'Identifier' && parent.arguments[0] === object ? registrationKind(callee.name) : undefined;
    if (registration) return { registration, section: 'root', call: parent };
    return { call: parent };
  }
  if (parent.type === 'ObjectProperty' && parent.value === object) {
    const section = keyName(parent);
    const outer = parentOf(file, parent);
    if (section && outer?.type === 'ObjectExpression') {
      const owner = ownerOfObject(file, outer);
      if (owner.registration && owner.section === 'root') return { registration: owner.registration, section };
    }
  }
  return {};
}

/**
 * `Page`, `Component`, `App`, and wrappers that libraries register through (`VantComponent`,
 * `BasicComponent`, `createPage`): the argument object holds lifecycle hooks and methods.
 */
export function registrationKind(name: string): Registration | undefined {
  if (name === 'Page' || name === 'Component' || name === 'App') return name;
  if (/^(?:[A-Z]\w*|create|define)Component$/.test(name)) return 'Component';
  if (/^(?:[A-Z]\w*|create|define)Page$/.test(name)) return 'Page';
  return undefined;
}

/** How a function value (or a reference to one) is used at one place. */
export type Position =
  | { kind: 'callee'; call: CallNode }
  | { kind: 'argument'; call: CallNode; index: number }
  | { kind: 'option'; call: CallNode; key: string }
  | { kind: 'registration'; registration: Registration; section: string; key: string }
  | { kind: 'member'; key: string; object: ObjectNode }
  /** `module.exports.key = fn`, `exports.key = fn`, `module.exports = fn` (key `default`). */
  | { kind: 'exported'; key: string }
  | { kind: 'class'; key: string; cls: Node }
  | { kind: 'jsx'; attribute: string; element: NodeOf<'JSXElement'> }
  | { kind: 'exportDefault' }
  | { kind: 'declared'; binding: Binding }
  | { kind: 'other' };

/** Classifies the place where `node` (a function, or an expression naming one) appears. */
export function positionOf(project: Project, file: JsFile, node: Node): Position {
  let value = node;
  let parent = parentOf(file, value);
  while (parent && WRAPPERS.has(parent.type)) {
    value = parent;
    parent = parentOf(file, value);
  }
  // `fn.bind(this)` is the function.
  if (parent && (parent.type === 'MemberExpression') && parent.object === value && propertyName(parent) === 'bind') {
    const call = parentOf(file, parent);
    if (isCall(call) && call.callee === parent) return positionOf(project, file, call);
  }
  if (!parent) return { kind: 'other' };
  if (node.type === 'ObjectMethod' || (parent.type === 'ObjectProperty' && parent.value === value)) {
    const property = node.type === 'ObjectMethod' ? node : parent;
    const key = keyName(property);
    const object = parentOf(file, property);
    if (key && object?.type === 'ObjectExpression') {
      const owner = ownerOfObject(file, object);
      if (owner.registration) return { kind: 'registration', registration: owner.registration, section: owner.section ?? 'root', key };
      if (owner.call) return { kind: 'option', call: owner.call, key };
      return { kind: 'member', key, object };
    }
    return { kind: 'other' };
  }
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || ((parent.type === 'ClassProperty' || parent.type === 'ClassPrivateProperty') && parent.value === value)) {
    const member = node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' ? node : parent;
    const key = keyName(member);
    const body = parentOf(file, member);
    const cls = body ? parentOf(file, body) : undefined;
    return key && cls ? { kind: 'class', key, cls } : { kind: 'other' };
  }
  if (isCall(parent)) {
    if (parent.callee === value) return { kind: 'callee', call: parent };
    const index = parent.arguments.indexOf(value as never);
    if (index >= 0) return { kind: 'argument', call: parent, index };
  }
  if (parent.type === 'JSXExpressionContainer') {
    const attribute = parentOf(file, parent);
    if (attribute?.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier') {
      const opening = parentOf(file, attribute);
      const element = opening ? parentOf(file, opening) : undefined;
      if (element?.type === 'JSXElement') return { kind: 'jsx', attribute: attribute.name.name, element };
    }
  }
  if (parent.type === 'ExportDefaultDeclaration') return { kind: 'exportDefault' };
  if (node.type === 'FunctionDeclaration' && node.id) {
    const binding = project.scopeOf(file)?.lookup(node.id.name, node.id.start ?? 0);
    if (binding) return { kind: 'declared', binding };
  }
  if (parent.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') {
    const binding = project.scopeOf(file)?.lookup(parent.id.name, parent.id.start ?? 0);
    if (binding) return { kind: 'declared', binding };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === value) {
    const path = memberPath(parent.left);
    if (path && path[0] === 'module' && path[1] === 'exports') return { kind: 'exported', key: path[2] ?? 'default' };
    if (path && path[0] === 'exports' && path.length === 2) return { kind: 'exported', key: path[1] };
  }
  return { kind: 'other' };
}

/** Identifiers (other than the declaration) that refer to `binding`. */
export function referencesOf(project: Project, file: JsFile, binding: Binding): NodeOf<'Identifier'>[] {
  const scope = project.scopeOf(file);
  const facts = factsOf(file);
  if (!scope || !facts) return [];
  const out: NodeOf<'Identifier'>[] = [];
  let budget = MAX_CANDIDATES;
  for (const identifier of facts.identifiers.get(binding.name) ?? []) {
    if (--budget < 0) break;
    const parent = parentOf(file, identifier);
    if (!parent) continue;
    // Skip property keys and member properties: `{ name: 1 }`, `a.name`.
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === identifier && !parent.computed) continue;
    // Keys are not references (a shorthand `{ locate }` is walked again as its value).
    if ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod' || parent.type === 'ClassProperty') && parent.key === identifier && !parent.computed) {
      if (!(parent.type === 'ObjectProperty' && parent.shorthand && parent.value === identifier)) continue;
    }
    if ((parent.type === 'FunctionDeclaration' || parent.type === 'VariableDeclarator') && (parent as { id?: Node }).id === identifier) continue;
    if (scope.lookup(binding.name, identifier.start ?? 0) === binding) out.push(identifier);
  }
  return out;
}

const unitsByScript = new WeakMap<Project, Map<string, { files: UnitFiles }>>();

/** The page or component whose script is `path`. */
export function unitOf(project: Project, path: string): { files: UnitFiles } | undefined {
  let byScript = unitsByScript.get(project);
  if (!byScript) {
    byScript = new Map();
    // The first page, else the first component, scripted by a path: pages and components are fixed for a run.
    for (const unit of [...project.pages, ...project.componentUses]) if (unit.files.script && !byScript.has(unit.files.script)) byScript.set(unit.files.script, unit);
    unitsByScript.set(project, byScript);
  }
  return byScript.get(path);
}

/**
 * Template bindings whose handler is the method `key` of the unit scripted by `file`: `bindtap="key"`,
 * and bindings that pick the handler in an expression (`bindtap="{{ disabled ? '' : 'key' }}"`).
 */
export function templateBindings(project: Project, file: JsFile, key: string): HandlerBinding[] {
  const unit = unitOf(project, file.path);
  if (!unit) return [];
  return handlerGraph(project, unit).bindings.filter((binding) => binding.handlers.includes(key));
}

const THIS_ALIASES = new Set(['that', 'self', '_this', '_self', 'me', 'vm', 'page', '_that']);

/** `this.key` (or `that.key`) member expressions in a file. */
export function thisMembers(file: JsFile, key: string): Node[] {
  const out: Node[] = [];
  for (const member of factsOf(file)?.members.get(key) ?? []) {
    if (member.type !== 'MemberExpression' && member.type !== 'OptionalMemberExpression') continue;
    const object = member.object;
    if (object.type === 'ThisExpression' || (object.type === 'Identifier' && THIS_ALIASES.has(object.name))) out.push(member);
  }
  return out;
}

/** A function declared as `key` in a Page/Component/App registration of `file`. */
export function registrationMethod(project: Project, file: JsFile, key: string): FunctionNode | undefined {
  const value = registrationValue(file, key);
  if (!value) return undefined;
  if (value.type === 'ObjectMethod') return value;
  const resolved = project.evaluator.resolveFunction(value, file);
  return resolved && resolved.file === file ? (resolved.fn as FunctionNode) : undefined;
}

/** The value written for `key` in a Page/Component/App registration (an ObjectMethod, a function, `debounce(fn)`…). */
export function registrationValue(file: JsFile, key: string): Node | undefined {
  const facts = factsOf(file);
  if (!facts) return undefined;
  for (const call of facts.calls) {
    const callee = call.callee;
    if (callee.type !== 'Identifier' || !registrationKind(callee.name)) continue;
    const object = call.arguments[0];
    if (object?.type !== 'ObjectExpression') continue;
    const objects: ObjectNode[] = [object];
    for (const property of object.properties) {
      if (property.type === 'ObjectProperty' && property.value.type === 'ObjectExpression' && ['methods', 'lifetimes', 'pageLifetimes'].includes(keyName(property) ?? '')) objects.push(property.value);
    }
    for (const candidate of objects) {
      for (const property of candidate.properties) {
        if (property.type === 'SpreadElement' || keyName(property) !== key) continue;
        return property.type === 'ObjectMethod' ? property : (property.value as Node);
      }
    }
  }
  return undefined;
}

/** The function a callee refers to: `f`, `this.f`, `mod.f` (namespace import or require), across files. */
export function resolveCallee(project: Project, file: JsFile, callee: Node): { file: JsFile; fn: FunctionNode } | undefined {
  const node = unwrap(callee);
  if (isFunction(node)) return { file, fn: node };
  if (node.type === 'Identifier') {
    const resolved = project.evaluator.resolveFunction(node, file);
    return resolved ? { file: resolved.file, fn: resolved.fn as FunctionNode } : undefined;
  }
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const key = propertyName(node);
  if (!key) return undefined;
  const object = node.object;
  if (object.type === 'ThisExpression' || (object.type === 'Identifier' && THIS_ALIASES.has(object.name))) {
    const fn = registrationMethod(project, file, key);
    return fn ? { file, fn } : undefined;
  }
  if (object.type !== 'Identifier') return undefined;
  const binding = project.scopeOf(file)?.lookup(object.name, object.start ?? 0);
  if (!binding) return undefined;
  let specifier: string | undefined;
  if (binding.source.kind === 'import' && (binding.source.imported === '*' || binding.source.imported === 'default')) specifier = binding.source.source;
  else if (binding.source.kind === 'init') specifier = requiredSpecifier(binding.source.init);
  if (specifier) {
    const path = project.resolveImport(file.path, specifier);
    const target = path ? project.jsFile(path) : undefined;
    const scope = target ? project.scopeOf(target) : undefined;
    if (!target || !scope) return undefined;
    let exported: Node | undefined = scope.exports.named.get(key);
    if (!exported && scope.exports.default?.type === 'ObjectExpression') {
      for (const property of scope.exports.default.properties) {
        if (property.type === 'ObjectMethod' && keyName(property) === key) return { file: target, fn: property };
        if (property.type === 'ObjectProperty' && keyName(property) === key) exported = property.value;
      }
    }
    if (!exported) return undefined;
    const resolved = project.evaluator.resolveFunction(exported, target);
    return resolved ? { file: resolved.file, fn: resolved.fn as FunctionNode } : undefined;
  }
  // A local object of functions: `const api = { track() {} }`.
  if (binding.source.kind === 'init' && binding.source.init.type === 'ObjectExpression') {
    for (const property of binding.source.init.properties) {
      if (property.type === 'ObjectMethod' && keyName(property) === key) return { file, fn: property };
      if (property.type === 'ObjectProperty' && keyName(property) === key) {
        const resolved = project.evaluator.resolveFunction(property.value, file);
        if (resolved) return { file: resolved.file, fn: resolved.fn as FunctionNode };
      }
    }
  }
  return undefined;
}

function requiredSpecifier(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'require' && inner.arguments[0]?.type === 'StringLiteral') {
    return inner.arguments[0].value;
  }
  return undefined;
}

/** Names a function may be called by: its declaration, the variable or key holding it, the export it is assigned to. */
export function namesOf(file: JsFile, fn: FunctionNode): string[] {
  const names = new Set<string>();
  if (fn.type === 'FunctionDeclaration' && fn.id) names.add(fn.id.name);
  if (fn.type === 'ObjectMethod' || fn.type === 'ClassMethod') {
    const key = keyName(fn);
    if (key) names.add(key);
  }
  const parent = parentOf(file, fn);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') names.add(parent.id.name);
  if (parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') {
    const key = keyName(parent);
    if (key) names.add(key);
  }
  if (parent?.type === 'AssignmentExpression') {
    const path = memberPath(parent.left);
    if (path && path.length > 1) names.add(path[path.length - 1]);
    else if (parent.left.type === 'Identifier') names.add(parent.left.name);
  }
  return [...names];
}

/** Calls by the name they call (`f()`, `x.f()`) and imports by local name, per file. */
interface CallNames {
  calls: Map<string, CallNode[]>;
  /** local name → imported name (`import { track as t }`, `const { track: t } = require(…)`). */
  imports: Map<string, string>;
}

/**
 * Per parse (the session's parse cache hands back the same tree while a file is unchanged): the
 * caller index asks every script once, and a function's callers are looked for in many scripts on
 * each run, so a bounded cache would walk them again. Only calls are kept (nodes of the tree the
 * key is), so an entry costs little and goes with its tree.
 */
const callNamesCache = new WeakMap<object, CallNames>();

function callNamesOf(file: JsFile): CallNames | undefined {
  const ast = file.ast;
  if (!ast) return undefined;
  let names = callNamesCache.get(ast);
  if (names) return names;
  names = { calls: new Map(), imports: new Map() };
  for (const call of factsCache.get(ast)?.calls ?? callsIn(ast)) {
    const callee = unwrap(call.callee);
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
    if (name) push(names.calls, name, call);
  }
  for (const statement of ast.program.body) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ImportSpecifier') continue;
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported !== specifier.local.name) names.imports.set(specifier.local.name, imported);
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== 'ObjectPattern' || !declarator.init || !requiredSpecifier(declarator.init)) continue;
        for (const property of declarator.id.properties) {
          const key = property.type === 'ObjectProperty' ? keyName(property) : undefined;
          if (key && property.type === 'ObjectProperty' && property.value.type === 'Identifier' && property.value.name !== key) names.imports.set(property.value.name, key);
        }
      }
    }
  }
  callNamesCache.set(ast, names);
  return names;
}

/** The calls of a tree in walk order (as `factsOf` lists them), without its identifier and member maps. */
function callsIn(ast: NonNullable<JsFile['ast']>): CallNode[] {
  const calls: CallNode[] = [];
  for (const node of nodesIn(ast)) if (isCall(node)) calls.push(node);
  return calls;
}

/** Most candidate calls resolved for one function: minified code reuses one-letter names everywhere. */
const MAX_CANDIDATES = 2000;
/** Callers by function, per run and per file being walked (a cached caller list would hide what it read from the next file's dependencies). */
const callersCache = new WeakMap<Project, WeakMap<object, Map<FunctionNode, Array<{ file: JsFile; call: CallNode }>>>>();
const callerIndexes = new WeakMap<Project, FileIndexLookups>();
/** Given as a spec, so a session's next run can bring it up to date before a walk asks (its readers' results depend on its answers). */
const CALLER_INDEX: IndexSpec = { kind: 'privacy/callers', paths: (project) => indexedScripts(project), keysOf: (project, path) => calledNames(project, path) };

/**
 * For each name, the scripts (outside node_modules) that call something by it, directly or through
 * an import alias: kept across a session's runs and updated for the scripts changed since
 * (`Project.rememberIndex`), so finding a function's callers looks at those scripts only.
 */
function callerIndex(project: Project): FileIndexLookups {
  let index = callerIndexes.get(project);
  if (!index) {
    index = project.rememberIndex(CALLER_INDEX);
    callerIndexes.set(project, index);
  }
  return index;
}

/** The last run's bundle paths and the scripts of them the index covers: a session's runs mostly list the same paths. */
let lastScripts: { paths: readonly string[]; scripts: readonly string[] } | undefined;

/** The bundle's scripts outside node_modules, in bundle order. */
function indexedScripts(project: Project): readonly string[] {
  const paths = project.paths;
  if (lastScripts && samePaths(lastScripts.paths, paths)) return lastScripts.scripts;
  const scripts = paths.filter((path) => project.kindOf(path) === 'js' && !/(^|\/)node_modules\//.test(path));
  lastScripts = { paths: [...paths], scripts };
  return scripts;
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at++) if (a[at] !== b[at]) return false;
  return true;
}

/** The names a script calls something by, and the imported names of the aliases it calls. */
function calledNames(project: Project, path: string): string[] {
  const file = project.jsFile(path);
  const callNames = file ? callNamesOf(file) : undefined;
  if (!callNames) return [];
  const names = [...callNames.calls.keys()];
  for (const [local, imported] of callNames.imports) if (callNames.calls.has(local)) names.push(imported);
  return names;
}

/**
 * The calls in the project that call `fn` (declared in `file`), across files: the calls by one of
 * its names whose callee resolves to it. `reader` is the file being walked (`context.file`), whose
 * result depends on what this reads. Bounded: past MAX_CANDIDATES candidates the rest are not looked at.
 */
export function callersOf(project: Project, file: JsFile, fn: FunctionNode, reader: ParsedFile | undefined): Array<{ file: JsFile; call: CallNode }> {
  let byReader = callersCache.get(project);
  if (!byReader) callersCache.set(project, (byReader = new WeakMap()));
  let cache = byReader.get(reader ?? project);
  if (!cache) byReader.set(reader ?? project, (cache = new Map()));
  const cached = cache.get(fn);
  if (cached) return cached;
  const out: Array<{ file: JsFile; call: CallNode }> = [];
  cache.set(fn, out);
  const names = new Set(namesOf(file, fn));
  if (!names.size) return out;
  let budget = MAX_CANDIDATES;
  // Only the scripts that call something by one of the names, in bundle order.
  const index = callerIndex(project);
  const paths = new Set<string>();
  for (const name of names) for (const path of index.lookup(name, reader)) paths.add(path);
  for (const path of names.size > 1 ? index.inOrder(paths) : paths) {
    const candidateFile = project.jsFile(path);
    const callNames = candidateFile ? callNamesOf(candidateFile) : undefined;
    if (!candidateFile || !callNames) continue;
    const candidates: CallNode[] = [];
    for (const name of names) candidates.push(...(callNames.calls.get(name) ?? []));
    for (const [local, imported] of callNames.imports) if (names.has(imported)) candidates.push(...(callNames.calls.get(local) ?? []));
    for (const call of candidates) {
      if (--budget < 0) return out;
      let resolved: { fn: FunctionNode } | undefined;
      try {
        resolved = resolveCallee(project, candidateFile, call.callee);
      } catch {
        resolved = undefined;
      }
      if (resolved?.fn === fn) out.push({ file: candidateFile, call });
    }
  }
  return out;
}

/** The JSX element's own text and labelling attributes. */
export function jsxLabel(element: NodeOf<'JSXElement'>): { text: string; dynamic: boolean } {
  let text = '';
  let dynamic = false;
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') continue;
    if (!['title', 'aria-label', 'ariaLabel', 'alt', 'placeholder'].includes(attribute.name.name)) continue;
    if (attribute.value?.type === 'StringLiteral') text += ` ${attribute.value.value}`;
  }
  const stack: Node[] = [...element.children];
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type === 'JSXText') text += ` ${child.value}`;
    else if (child.type === 'JSXElement' || child.type === 'JSXFragment') stack.push(...child.children);
    else if (child.type === 'JSXExpressionContainer') {
      if (child.expression.type === 'StringLiteral') text += ` ${child.expression.value}`;
      else if (child.expression.type !== 'JSXEmptyExpression') dynamic = true;
    }
  }
  return { text: text.replace(/\s+/g, ' ').trim(), dynamic };
}

/** The JSX element's tag name (`Input`, `View`). */
export function jsxName(element: NodeOf<'JSXElement'>): string {
  const name = element.openingElement.name;
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXMemberExpression') return name.property.name;
  return name.name.name;
}

/** A JSX attribute's static string value; `true` for a bare attribute or `{true}`; undefined when dynamic or absent. */
export function jsxAttribute(element: NodeOf<'JSXElement'>, name: string): { value: string | boolean | undefined; node: Node } | undefined {
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== name) continue;
    const value = attribute.value;
    if (!value) return { value: true, node: attribute };
    if (value.type === 'StringLiteral') return { value: value.value, node: attribute };
    if (value.type === 'JSXExpressionContainer') {
      const expression = value.expression;
      if (expression.type === 'BooleanLiteral') return { value: expression.value, node: attribute };
      if (expression.type === 'StringLiteral') return { value: expression.value, node: attribute };
      if (expression.type === 'TemplateLiteral' && !expression.expressions.length) return { value: expression.quasis[0]?.value.cooked ?? '', node: attribute };
    }
    return { value: undefined, node: attribute };
  }
  return undefined;
}

/** A JS file for the script being walked; for a template's inline `<bns>` module, undefined. */
export function walkedJs(file: { kind: string } | undefined): JsFile | undefined {
  return file?.kind === 'js' ? (file as JsFile) : undefined;
}
