import type { Node, CallExpression, ObjectExpression, Expression, MemberExpression, OptionalMemberExpression } from '@babel/types';
import type { JsFile } from '../parse/source-file.js';
import { requiredModule, UNKNOWN, type StaticEvaluator } from './static-value.js';
import type { Binding, ScopeIndex } from './scope.js';

export const MP_SERVICE_MODULE = '@binance/mp-service';

/** The bindings of one file that are the `bn` object or aliases of an API. */
export interface BnBindings {
  namespaces: Set<Binding>;
  aliases: Map<Binding, string>;
  namespaceNames: Set<string>;
  aliasNames: Set<string>;
}

/** One static access to a `bn` API name, however it was spelled. */
export interface BnMember {
  name: string;
  /** The node naming the API: the property, the destructuring key or the import specifier. */
  node: Node;
  /** The whole reference, for reporting: `bn.x` for member access, else the same as `node`. */
  expression: Node;
  spelling: 'member' | 'computed' | 'destructure' | 'import' | 'alias';
}

/** A call of a `bn` API. */
export interface BnCall {
  name: string;
  node: CallExpression;
  spelling: BnMember['spelling'];
  /** The first argument when it is (or names a `const` holding) an object literal. */
  options: ObjectExpression | undefined;
}

/**
 * Knows which names in one file refer to the `bn` object (the global, a default/namespace import
 * or require of @binance/mp-service, `const b = bn`) and which are aliases of one API
 * (`import { request } from '@binance/mp-service'`, `const { request } = bn`, `const r = bn.request`).
 * Lookups go through the scope index, so a local `bn` (a BigNumber in vendor code) is not the API.
 */
export class BnApiIndex {
  private readonly namespaces: Set<Binding>;
  private readonly aliases: Map<Binding, string>;
  /**
   * Names that can be the namespace or an alias here: every member expression and call is asked
   * about, and most names (`this`, `res`, `wx`) are ruled out without a scope lookup.
   */
  private readonly namespaceNames: Set<string>;
  private readonly aliasNames: Set<string>;

  /** With `bindings` (another run's `bindings` of the same parse), the file's bindings are not read again. */
  constructor(private readonly file: JsFile, private readonly scope: ScopeIndex, private readonly evaluator: StaticEvaluator, bindings?: BnBindings) {
    this.namespaces = bindings?.namespaces ?? new Set();
    this.aliases = bindings?.aliases ?? new Map();
    this.namespaceNames = bindings?.namespaceNames ?? new Set(['bn']);
    this.aliasNames = bindings?.aliasNames ?? new Set();
    if (!bindings) this.collect();
  }

  /** Which bindings of the file are the namespace or an API alias: what a later run can reuse. */
  get bindings(): BnBindings {
    return { namespaces: this.namespaces, aliases: this.aliases, namespaceNames: this.namespaceNames, aliasNames: this.aliasNames };
  }

  private collect(): void {
    const all = [...this.scope.allBindings()].flat();
    for (const binding of all) {
      const source = binding.source;
      if (source.kind === 'import' && source.source === MP_SERVICE_MODULE) {
        if (source.imported === 'default' || source.imported === '*') this.addNamespace(binding);
        else this.addAlias(binding, source.imported);
      } else if ((source.kind === 'init' || source.kind === 'mutable') && source.init && isMpServiceModule(source.init)) {
        // `const mp = require('@binance/mp-service')`, and compiled `var _mp = _interopRequireDefault(require(…))`.
        this.addNamespace(binding);
      }
    }
    // Second pass: names bound from a namespace found above (or the global).
    for (const binding of all) {
      const source = binding.source;
      if (source.kind === 'init' || (source.kind === 'mutable' && source.init)) {
        const init = source.init!;
        if (this.isNamespace(init)) this.addNamespace(binding);
        else {
          const name = this.memberName(init);
          if (name) this.addAlias(binding, name);
        }
      } else if (source.kind === 'destructured') {
        if (this.isNamespace(source.from) || isMpServiceModule(source.from)) this.addAlias(binding, source.key);
      }
    }
  }

  private addNamespace(binding: Binding): void {
    this.namespaces.add(binding);
    this.namespaceNames.add(binding.name);
  }

  private addAlias(binding: Binding, api: string): void {
    this.aliases.set(binding, api);
    this.aliasNames.add(binding.name);
  }

  /** Whether an expression is the `bn` object itself. */
  isNamespace(node: Node): boolean {
    node = unwrapTs(node);
    // `ns.default` of a namespace import or a compiled require is the same object.
    if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed
      && node.property.type === 'Identifier' && node.property.name === 'default') {
      return this.isNamespace(node.object) || isMpServiceModule(node.object);
    }
    if (node.type !== 'Identifier' || !this.namespaceNames.has(node.name)) return false;
    const binding = this.scope.lookup(node.name, node.start ?? 0);
    if (!binding) return node.name === 'bn';
    return this.namespaces.has(binding);
  }

  /** For `bn.x` / `bn['x']`: the API name; `undefined` when the key is not static (`bn[name]`). */
  memberName(node: Node): string | undefined {
    if ((node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') || !this.isNamespace(node.object)) return undefined;
    return this.staticKey(node);
  }

  /** A member access on the `bn` object, static or not; null when `node` is not one. */
  access(node: MemberExpression | OptionalMemberExpression): BnMember | { dynamic: Node } | null {
    if (!this.isNamespace(node.object)) return null;
    const name = this.staticKey(node);
    if (name === undefined) return { dynamic: node.property };
    if (name === 'default' && !node.computed) return null; // the namespace itself, not an API
    return { name, node: node.property, expression: node, spelling: node.computed ? 'computed' : 'member' };
  }

  /** The API a called identifier is an alias of. */
  aliasName(node: Node): string | undefined {
    if (node.type !== 'Identifier' || !this.aliasNames.has(node.name)) return undefined;
    const binding = this.scope.lookup(node.name, node.start ?? 0);
    return binding ? this.aliases.get(binding) : undefined;
  }

  /** A call of a bn API, or undefined. */
  call(node: CallExpression): BnCall | undefined {
    const callee = node.callee;
    let name: string | undefined;
    let spelling: BnMember['spelling'] = 'member';
    if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
      name = this.memberName(callee);
      if (callee.computed) spelling = 'computed';
    } else {
      name = this.aliasName(callee);
      spelling = 'alias';
    }
    if (!name) return undefined;
    return { name, node, spelling, options: this.optionsObject(node.arguments[0]) };
  }

  private optionsObject(argument: Node | undefined): ObjectExpression | undefined {
    if (!argument) return undefined;
    if (argument.type === 'ObjectExpression') return argument;
    if (argument.type === 'Identifier') {
      const binding = this.scope.lookup(argument.name, argument.start ?? 0);
      if (binding?.source.kind === 'init' && binding.source.init.type === 'ObjectExpression') return binding.source.init;
    }
    return undefined;
  }

  private staticKey(node: MemberExpression | OptionalMemberExpression): string | undefined {
    if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
    const value = this.evaluator.evaluate(node.property as Expression, this.file);
    return typeof value === 'string' && value !== (UNKNOWN as unknown) ? value : undefined;
  }
}

/**
 * The value node of `key` in an options object literal (`{ url: … }`), if written there and not
 * possibly overridden by a later spread (`{ url: a, ...rest }`).
 */
export function optionValue(options: ObjectExpression | undefined, key: string): Expression | undefined {
  if (!options) return undefined;
  for (let i = options.properties.length - 1; i >= 0; i--) {
    const property = options.properties[i];
    if (property.type === 'SpreadElement') return undefined;
    if (property.type !== 'ObjectProperty' || property.computed) continue;
    const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
    if (name === key) return property.value as Expression;
  }
  return undefined;
}

const TS_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TypeCastExpression', 'ParenthesizedExpression']);

function unwrapTs(node: Node): Node {
  while (TS_WRAPPERS.has(node.type)) node = (node as unknown as { expression: Node }).expression;
  return node;
}

/**
 * `require('@binance/mp-service')`, possibly behind `.default` or a one-argument interop helper
 * (`_interopRequireDefault(require(…))`, `__importDefault(require(…))`) as compilers emit it.
 */
export function isMpServiceModule(node: Node): boolean {
  node = unwrapTs(node);
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier' && node.property.name === 'default') {
    return isMpServiceModule(node.object);
  }
  if (requiredModule(node) === MP_SERVICE_MODULE) return true;
  if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0].type === 'CallExpression') return isMpServiceModule(node.arguments[0]);
  return false;
}
