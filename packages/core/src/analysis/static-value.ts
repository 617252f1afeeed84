import type { Node, Expression, ObjectExpression, Function as BabelFunction } from '@babel/types';
import type { JsFile } from '../parse/source-file.js';
import type { ScopeIndex, Binding } from './scope.js';

/** What the evaluator needs from the project: parsed modules and how imports resolve. */
export interface ModuleHost {
  jsFile(path: string): JsFile | undefined;
  scopeOf(file: JsFile): ScopeIndex | undefined;
  resolveImport(fromPath: string, specifier: string): string | undefined;
  /** The object passed to `App({...})`, for `getApp().globalData.x`. */
  appObject(): { file: JsFile; object: ObjectExpression } | undefined;
}

/** Marks a value the bundle does not fix statically (a runtime value, a call, a parameter). */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type StaticValue = string | number | boolean | null | undefined | StaticValue[] | { [key: string]: StaticValue } | typeof UNKNOWN;

/** A string as far as it is known: `value` when complete, else the known leading part. */
export interface StringPrefix {
  value?: string;
  prefix: string;
  /** The expression (possibly in another file) whose value was unknown, when the string is incomplete. */
  unknownAt?: { file: string; node: Node };
}

const MAX_DEPTH = 24;
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TypeCastExpression', 'ParenthesizedExpression', 'TSTypeAssertion']);
const CONFIG_HELPERS = new Set(['defineAppConfig', 'definePageConfig', 'defineConfig']);

/**
 * Folds expressions to constants across the bundle: literals, template literals, `+`, `const`s in
 * this file or imported (ESM and CommonJS), object members, `getApp().globalData`. Anything else
 * is UNKNOWN; the evaluator never runs code.
 */
export class StaticEvaluator {
  constructor(private readonly host: ModuleHost) {}

  evaluate(node: Node | null | undefined, file: JsFile, depth = 0): StaticValue {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    const next = depth + 1;
    switch (node.type) {
      case 'StringLiteral': return node.value;
      case 'NumericLiteral': return node.value;
      case 'BooleanLiteral': return node.value;
      case 'NullLiteral': return null;
      case 'TemplateLiteral': {
        let out = node.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < node.expressions.length; i++) {
          const part = this.evaluate(node.expressions[i], file, next);
          if (part === UNKNOWN || (typeof part === 'object' && part !== null)) return UNKNOWN;
          out += String(part) + (node.quasis[i + 1]?.value.cooked ?? '');
        }
        return out;
      }
      case 'BinaryExpression': {
        if (node.operator !== '+' || node.left.type === 'PrivateName') return UNKNOWN;
        const left = this.evaluate(node.left, file, next);
        const right = this.evaluate(node.right, file, next);
        if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
        if (typeof left === 'string' || typeof right === 'string') return String(left) + String(right);
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        return UNKNOWN;
      }
      case 'ObjectExpression': {
        const out: Record<string, StaticValue> = {};
        for (const property of node.properties) {
          if (property.type === 'SpreadElement') {
            const spread = this.evaluate(property.argument, file, next);
            if (spread && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(out, spread);
            continue;
          }
          const key = this.propertyKey(property, file, next);
          if (key === undefined) continue;
          out[key] = property.type === 'ObjectMethod' ? UNKNOWN : this.evaluate(property.value, file, next);
        }
        return out;
      }
      case 'ArrayExpression':
        return node.elements.map((element) => (element && element.type !== 'SpreadElement' ? this.evaluate(element, file, next) : UNKNOWN));
      case 'Identifier':
        if (node.name === 'undefined') return undefined;
        return this.evaluateBinding(file, this.host.scopeOf(file)?.lookup(node.name, node.start ?? 0), next);
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        // `config.root`, `api.IndexUrl`: fold only the member read, not the whole module or object.
        const target = this.memberTarget(node, file, next);
        if (target) return this.evaluate(target.node, target.file, next);
        const object = this.evaluate(node.object, file, next);
        const key = node.computed ? this.evaluate(node.property, file, next) : node.property.type === 'Identifier' ? node.property.name : UNKNOWN;
        return member(object, key);
      }
      case 'ConditionalExpression': {
        const test = this.evaluate(node.test, file, next);
        if (test === UNKNOWN || (typeof test === 'object' && test !== null)) return UNKNOWN;
        return this.evaluate(test ? node.consequent : node.alternate, file, next);
      }
      case 'CallExpression': {
        const callee = node.callee;
        if (callee.type === 'Identifier' && CONFIG_HELPERS.has(callee.name)) return this.evaluate(node.arguments[0], file, next);
        const required = requiredModule(node);
        if (required !== undefined && !this.host.scopeOf(file)?.lookup('require', node.start ?? 0)) return this.moduleValue(file.path, required, 'require', next);
        if (callee.type === 'Identifier' && callee.name === 'getApp' && !this.host.scopeOf(file)?.lookup('getApp', node.start ?? 0)) {
          const app = this.host.appObject();
          return app ? this.evaluate(app.object, app.file, next) : UNKNOWN;
        }
        return UNKNOWN;
      }
      default:
        if (WRAPPERS.has(node.type)) return this.evaluate((node as unknown as { expression: Node }).expression, file, next);
        return UNKNOWN;
    }
  }

  /** The known leading part of a string expression: enough to find a URL's origin. */
  stringPrefix(node: Node | null | undefined, file: JsFile, depth = 0): StringPrefix {
    if (!node || depth > MAX_DEPTH) return { prefix: '', unknownAt: node ? { file: file.path, node } : undefined };
    const full = this.evaluate(node, file, depth);
    if (typeof full === 'string') return { value: full, prefix: full };
    const next = depth + 1;
    if (node.type === 'TemplateLiteral') {
      let prefix = node.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < node.expressions.length; i++) {
        const part = this.stringPrefix(node.expressions[i], file, next);
        if (part.value === undefined) return { prefix: prefix + part.prefix, unknownAt: part.unknownAt };
        prefix += part.value + (node.quasis[i + 1]?.value.cooked ?? '');
      }
      return { prefix, unknownAt: { file: file.path, node } };
    }
    if (node.type === 'BinaryExpression' && node.operator === '+' && node.left.type !== 'PrivateName') {
      const left = this.stringPrefix(node.left, file, next);
      if (left.value === undefined) return left;
      const right = this.stringPrefix(node.right, file, next);
      return { prefix: left.value + right.prefix, unknownAt: right.unknownAt };
    }
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const target = this.memberTarget(node, file, next);
      if (target) return this.stringPrefix(target.node, target.file, next);
    }
    if (node.type === 'Identifier') {
      const binding = this.host.scopeOf(file)?.lookup(node.name, node.start ?? 0);
      const source = binding?.source;
      const init = source && this.initOf(file, binding!);
      if (init) return this.stringPrefix(init, file, next);
      if (source?.kind === 'import' || source?.kind === 'destructured') {
        const target = this.exportedNode(file, source, next);
        if (target) return this.stringPrefix(target.node, target.file, next);
      }
    }
    if (WRAPPERS.has(node.type)) return this.stringPrefix((node as unknown as { expression: Node }).expression, file, next);
    return { prefix: '', unknownAt: { file: file.path, node } };
  }

  /** The function a name or member refers to, across files: for following calls in flow-aware rules. */
  resolveFunction(node: Node, file: JsFile, depth = 0): { file: JsFile; fn: BabelFunction } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod') {
      return { file, fn: node };
    }
    if (node.type !== 'Identifier') return undefined;
    const binding = this.host.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    if (!binding) return undefined;
    const source = binding.source;
    if (source.kind === 'function') return { file, fn: source.node };
    if (source.kind === 'init' || (source.kind === 'mutable' && source.init)) return this.resolveFunction(source.init!, file, depth + 1);
    if (source.kind === 'import' || source.kind === 'destructured') {
      const target = this.exportedNode(file, source, depth + 1);
      return target ? this.resolveFunction(target.node, target.file, depth + 1) : undefined;
    }
    return undefined;
  }

  private propertyKey(property: { key: Node; computed: boolean }, file: JsFile, depth: number): string | undefined {
    if (!property.computed) {
      if (property.key.type === 'Identifier') return property.key.name;
      if (property.key.type === 'StringLiteral') return property.key.value;
      if (property.key.type === 'NumericLiteral') return String(property.key.value);
      return undefined;
    }
    const key = this.evaluate(property.key, file, depth);
    return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
  }

  /** The value a binding is given once and for all: a `const`, or a `var`/`let` the file never writes again. */
  private initOf(file: JsFile, binding: Binding): Expression | undefined {
    const source = binding.source;
    if (source.kind === 'init') return source.init;
    if (source.kind === 'mutable' && source.init && !this.host.scopeOf(file)?.reassigned.has(binding.name)) return source.init;
    return undefined;
  }

  /**
   * Where `object.key` is written, when the object is an object literal (here or in another file),
   * a required or imported module, or a name bound to one: `api.IndexUrl` of
   * `const api = require('./config/api')`, `config.root` of `import config from './config'`.
   */
  private memberTarget(node: Node, file: JsFile, depth: number): { file: JsFile; node: Node } | undefined {
    if (depth > MAX_DEPTH || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')) return undefined;
    const key = node.computed ? this.evaluate(node.property, file, depth + 1) : node.property.type === 'Identifier' ? node.property.name : UNKNOWN;
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    const object = this.objectNode(node.object, file, depth + 1);
    if (!object) return undefined;
    if ('module' in object) return this.moduleExport(object.fromPath, object.module, String(key), depth + 1);
    return propertyOf(object.node, String(key)) ? { file: object.file, node: propertyOf(object.node, String(key))! } : undefined;
  }

  /** The object literal or module an expression stands for, following names, imports and members. */
  private objectNode(node: Node, file: JsFile, depth: number): { file: JsFile; node: ObjectExpression } | { fromPath: string; module: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    while (WRAPPERS.has(node.type)) node = (node as unknown as { expression: Node }).expression;
    if (node.type === 'ObjectExpression') return { file, node };
    const required = requiredModule(node);
    if (required !== undefined) return { fromPath: file.path, module: required };
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const target = this.memberTarget(node, file, depth + 1);
      return target ? this.objectNode(target.node, target.file, depth + 1) : undefined;
    }
    if (node.type !== 'Identifier') return undefined;
    const binding = this.host.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    if (!binding) return undefined;
    const source = binding.source;
    if (source.kind === 'import' && source.imported === '*') return { fromPath: file.path, module: source.source };
    const init = this.initOf(file, binding);
    if (init) return this.objectNode(init, file, depth + 1);
    if (source.kind === 'import' || source.kind === 'destructured') {
      const target = this.exportedNode(file, source, depth + 1);
      if (target) return this.objectNode(target.node, target.file, depth + 1);
      if (source.kind === 'destructured') {
        const from = this.objectNode(source.from, file, depth + 1);
        if (from && 'module' in from) {
          const exported = this.moduleExport(from.fromPath, from.module, source.key, depth + 1);
          return exported ? this.objectNode(exported.node, exported.file, depth + 1) : undefined;
        }
        const value = from && propertyOf(from.node, source.key);
        return value ? this.objectNode(value, from!.file, depth + 1) : undefined;
      }
    }
    return undefined;
  }

  /**
   * A module as a value: `require('./config')` is what it assigns to `module.exports` (or its
   * `exports.x` members), an `import * as ns` its named exports.
   */
  private moduleValue(fromPath: string, specifier: string, how: 'require' | 'namespace', depth: number): StaticValue {
    const path = this.host.resolveImport(fromPath, specifier);
    const target = path ? this.host.jsFile(path) : undefined;
    const scope = target ? this.host.scopeOf(target) : undefined;
    if (!target || !scope) return UNKNOWN;
    const named: Record<string, StaticValue> = {};
    for (const [name, node] of scope.exports.named) named[name] = this.evaluate(node, target, depth + 1);
    if (how === 'namespace' || !scope.exports.default) return scope.exports.default ? { ...named, default: this.evaluate(scope.exports.default, target, depth + 1) } : named;
    const value = this.evaluate(scope.exports.default, target, depth + 1);
    return value && typeof value === 'object' && !Array.isArray(value) ? { ...named, ...value } : value;
  }

  private evaluateBinding(file: JsFile, binding: Binding | undefined, depth: number): StaticValue {
    if (!binding) return UNKNOWN;
    const source = binding.source;
    const init = this.initOf(file, binding);
    if (init) return this.evaluate(init, file, depth);
    if (source.kind === 'import' && source.imported === '*') return this.moduleValue(file.path, source.source, 'namespace', depth);
    if (source.kind === 'import' || source.kind === 'destructured') {
      const target = this.exportedNode(file, source, depth);
      if (target) return this.evaluate(target.node, target.file, depth + 1);
      if (source.kind === 'destructured') return member(this.evaluate(source.from, file, depth), source.key);
    }
    return UNKNOWN;
  }

  /**
   * The node an import (or `const { x } = require('./m')`) refers to in the exporting module.
   * For the default/namespace import the whole module object is not a node, so only named exports
   * and `export default`/`module.exports =` resolve.
   */
  private exportedNode(
    file: JsFile,
    source: { kind: 'import'; source: string; imported: string } | { kind: 'destructured'; from: Expression; key: string },
    depth: number,
  ): { file: JsFile; node: Node } | undefined {
    let specifier: string;
    let name: string;
    if (source.kind === 'import') {
      specifier = source.source;
      name = source.imported;
    } else {
      const required = requiredModule(source.from);
      if (!required) return undefined;
      specifier = required;
      name = source.key;
    }
    return this.moduleExport(file.path, specifier, name, depth);
  }

  private moduleExport(fromPath: string, specifier: string, name: string, depth: number): { file: JsFile; node: Node } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const path = this.host.resolveImport(fromPath, specifier);
    const target = path ? this.host.jsFile(path) : undefined;
    const scope = target ? this.host.scopeOf(target) : undefined;
    if (!target || !scope) return undefined;
    const exports = scope.exports;
    if (name === 'default' && exports.default) return { file: target, node: exports.default };
    const named = exports.named.get(name);
    if (named) return { file: target, node: named };
    // CommonJS `module.exports = { name: … }` (or `= config`, `= require('./other')`) doubles as named exports.
    if (exports.default && name !== 'default') {
      const object = this.objectNode(exports.default, target, depth + 1);
      if (object && 'module' in object) return this.moduleExport(object.fromPath, object.module, name, depth + 1);
      const value = object && propertyOf(object.node, name);
      if (value) return { file: object!.file, node: value };
    }
    for (const reexport of exports.reexports) {
      if (reexport.exported === name) return this.moduleExport(target.path, reexport.source, reexport.imported, depth + 1);
      if (reexport.exported === '*') {
        const found = this.moduleExport(target.path, reexport.source, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
}

/** `require('./x')` → './x'. */
export function requiredModule(node: Node): string | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') {
    const first = node.arguments[0];
    if (first?.type === 'StringLiteral') return first.value;
  }
  return undefined;
}

/** The value written for `key` in an object literal, unless a later spread may override it. */
function propertyOf(object: ObjectExpression, key: string): Node | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (property.type === 'SpreadElement') return undefined;
    if (property.type !== 'ObjectProperty' || property.computed) continue;
    const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : property.key.type === 'NumericLiteral' ? String(property.key.value) : undefined;
    if (name === key) return property.value;
  }
  return undefined;
}

function member(object: StaticValue, key: StaticValue): StaticValue {
  if (object === UNKNOWN || key === UNKNOWN || object === null || typeof object !== 'object') return UNKNOWN;
  const name = String(key);
  if (Array.isArray(object)) return name === 'length' ? object.length : /^\d+$/.test(name) ? (object[Number(name)] ?? UNKNOWN) : UNKNOWN;
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : UNKNOWN;
}

/** The strings inside a folded value (a string, or arrays and objects of them), at most `limit`. */
export function stringsIn(value: StaticValue, limit: number): string[] {
  const out: string[] = [];
  const stack: StaticValue[] = [value];
  while (stack.length && out.length < limit) {
    const item = stack.pop();
    if (typeof item === 'string') out.push(item);
    else if (Array.isArray(item)) stack.push(...item);
    else if (item && item !== UNKNOWN && typeof item === 'object') stack.push(...Object.values(item));
  }
  return out;
}
