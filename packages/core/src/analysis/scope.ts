import type { Node, Expression, Function as BabelFunction, File as BabelFile } from '@babel/types';
import { walkJs } from './walk.js';

/** How a name got its value; enough for constant folding and API-alias detection, not a full scope analysis. */
export type BindingSource =
  | { kind: 'init'; init: Expression }
  /** `const { key: name } = from` or `const name = from.key`-like destructuring. */
  | { kind: 'destructured'; from: Expression; key: string }
  | { kind: 'import'; source: string; imported: string | 'default' | '*' }
  | { kind: 'function'; node: BabelFunction }
  | { kind: 'param' }
  /** `var`/`let` (or a pattern we do not fold): never folded; `init` kept for alias detection in compiled code. */
  | { kind: 'mutable'; init?: Expression };

export interface Binding {
  name: string;
  source: BindingSource;
  /** The scope's offsets: a reference between them can see the binding. */
  scopeStart: number;
  scopeEnd: number;
  declaredAt: number;
}

export interface ModuleExports {
  named: Map<string, Expression | BabelFunction>;
  default?: Expression | BabelFunction;
  /** `export { x } from './y'` and `export * from './y'`. */
  reexports: Array<{ source: string; imported: string | '*'; exported: string | '*' }>;
}

const SCOPE_TYPES = new Set([
  'Program', 'BlockStatement', 'FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression',
  'ObjectMethod', 'ClassMethod', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'CatchClause', 'SwitchStatement',
]);
/** The innermost ancestor of one of `types` (the program when none). */
function nearestOf(types: Set<string>, ancestors: readonly Node[], node: Node): Node {
  for (let i = ancestors.length - 1; i >= 0; i--) if (types.has(ancestors[i].type)) return ancestors[i];
  return ancestors[0] ?? node;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod']);

/** Per-file index of declarations, built in one walk the first time a rule asks for it. */
export class ScopeIndex {
  private readonly byName = new Map<string, Binding[]>();
  readonly exports: ModuleExports = { named: new Map(), reexports: [] };
  /**
   * Names written after their declaration somewhere in the file (`x = …`, `x += …`, `x++`): a
   * `var`/`let` whose name is not here keeps its initial value, and folds like a `const` (config
   * files written before `const` existed: `var API_ROOT = 'https://…'`).
   */
  readonly reassigned = new Set<string>();
  /** Name and scope of every declaration so far, to see a second declaration in the same scope (while the index is built). */
  private readonly declaredIn = new Set<string>();

  constructor(ast: BabelFile) {
    walkJs(ast, {
      enter: (node, ancestors) => {
        this.collect(node, ancestors);
      },
    });
    // Not needed once built, and an index lives as long as its file's tree.
    this.declaredIn.clear();
  }

  /**
   * The binding a reference at `offset` sees: the one whose scope starts last among those holding
   * the offset. Scopes nest or are disjoint, so from the last binding starting before the offset
   * the answer is on its chain of enclosing same-name bindings: O(log n + depth), not a scan
   * (minified code binds `e` thousands of times).
   */
  lookup(name: string, offset: number): Binding | undefined {
    const index = this.sortedIndex(name);
    if (!index) return undefined;
    const { bindings, parents } = index;
    let low = 0;
    let high = bindings.length - 1;
    let at = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (bindings[mid].scopeStart <= offset) {
        at = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    while (at >= 0 && bindings[at].scopeEnd < offset) at = parents[at];
    return at >= 0 ? bindings[at] : undefined;
  }

  private readonly sorted = new Map<string, { bindings: Binding[]; parents: number[] }>();

  private sortedIndex(name: string): { bindings: Binding[]; parents: number[] } | undefined {
    let index = this.sorted.get(name);
    if (index) return index;
    const list = this.byName.get(name);
    if (!list) return undefined;
    // By scope start; among equal starts the outer (longer) scope first, then declaration order.
    const bindings = [...list].sort((a, b) => a.scopeStart - b.scopeStart || b.scopeEnd - a.scopeEnd || a.declaredAt - b.declaredAt);
    const parents: number[] = [];
    const stack: number[] = [];
    bindings.forEach((binding, i) => {
      while (stack.length && bindings[stack[stack.length - 1]].scopeEnd < binding.scopeStart) stack.pop();
      parents.push(stack.length ? stack[stack.length - 1] : -1);
      stack.push(i);
    });
    index = { bindings, parents };
    this.sorted.set(name, index);
    return index;
  }

  bindingsNamed(name: string): readonly Binding[] {
    return this.byName.get(name) ?? [];
  }

  allBindings(): IterableIterator<Binding[]> {
    return this.byName.values();
  }

  private add(name: string, source: BindingSource, scope: Node, declaredAt: number) {
    const binding: Binding = { name, source, scopeStart: scope.start ?? 0, scopeEnd: scope.end ?? 0, declaredAt };
    const list = this.byName.get(name);
    // `var base = …` declared twice in one function (once per branch) is a reassignment too.
    const declared = `${name}\0${binding.scopeStart}\0${binding.scopeEnd}`;
    if (this.declaredIn.has(declared)) this.reassigned.add(name);
    else this.declaredIn.add(declared);
    if (list) list.push(binding);
    else this.byName.set(name, [binding]);
  }

  private collect(node: Node, ancestors: readonly Node[]) {
    switch (node.type) {
      case 'VariableDeclaration': {
        const scope = node.kind === 'var' ? nearestOf(FUNCTION_TYPES, ancestors, node) : nearestOf(SCOPE_TYPES, ancestors, node);
        for (const declarator of node.declarations) {
          if (node.kind !== 'const' || !declarator.init) {
            const init = declarator.id.type === 'Identifier' ? (declarator.init ?? undefined) : undefined;
            for (const name of patternNames(declarator.id)) this.add(name, { kind: 'mutable', init }, scope, declarator.start ?? 0);
            continue;
          }
          const init = declarator.init;
          if (declarator.id.type === 'Identifier') {
            this.add(declarator.id.name, { kind: 'init', init }, scope, declarator.start ?? 0);
          } else if (declarator.id.type === 'ObjectPattern') {
            for (const property of declarator.id.properties) {
              if (property.type !== 'ObjectProperty' || property.computed) {
                for (const name of patternNames(property)) this.add(name, { kind: 'mutable' }, scope, declarator.start ?? 0);
                continue;
              }
              const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
              const local = property.value.type === 'Identifier' ? property.value.name
                : property.value.type === 'AssignmentPattern' && property.value.left.type === 'Identifier' ? property.value.left.name : undefined;
              if (key && local) this.add(local, { kind: 'destructured', from: init, key }, scope, declarator.start ?? 0);
              else for (const name of patternNames(property.value)) this.add(name, { kind: 'mutable' }, scope, declarator.start ?? 0);
            }
          } else {
            for (const name of patternNames(declarator.id)) this.add(name, { kind: 'mutable' }, scope, declarator.start ?? 0);
          }
        }
        if (ancestors[ancestors.length - 1]?.type === 'ExportNamedDeclaration') {
          for (const declarator of node.declarations) {
            if (declarator.id.type === 'Identifier' && declarator.init) this.exports.named.set(declarator.id.name, declarator.init);
          }
        }
        break;
      }
      case 'FunctionDeclaration': {
        if (node.id) {
          const parentScope = nearestOf(SCOPE_TYPES, ancestors, node);
          this.add(node.id.name, { kind: 'function', node }, parentScope, node.start ?? 0);
          if (ancestors[ancestors.length - 1]?.type === 'ExportNamedDeclaration') this.exports.named.set(node.id.name, node);
        }
        for (const param of node.params) for (const name of patternNames(param)) this.add(name, { kind: 'param' }, node, node.start ?? 0);
        break;
      }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
        for (const param of node.params) for (const name of patternNames(param)) this.add(name, { kind: 'param' }, node, node.start ?? 0);
        break;
      case 'CatchClause':
        if (node.param) for (const name of patternNames(node.param)) this.add(name, { kind: 'param' }, node, node.start ?? 0);
        break;
      case 'ImportDeclaration': {
        const program = ancestors[0] ?? node;
        for (const specifier of node.specifiers) {
          const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default'
            : specifier.type === 'ImportNamespaceSpecifier' ? '*'
            : specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          this.add(specifier.local.name, { kind: 'import', source: node.source.value, imported }, program, node.start ?? 0);
        }
        break;
      }
      case 'ExportNamedDeclaration':
        if (node.source) {
          for (const specifier of node.specifiers) {
            if (specifier.type !== 'ExportSpecifier') continue;
            const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
            this.exports.reexports.push({ source: node.source.value, imported: specifier.local.name, exported });
          }
        } else {
          for (const specifier of node.specifiers) {
            if (specifier.type !== 'ExportSpecifier') continue;
            const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
            // Resolved lazily through the local binding of the same name.
            this.exports.named.set(exported, { type: 'Identifier', name: specifier.local.name, start: specifier.local.start, end: specifier.local.end } as Expression);
          }
        }
        break;
      case 'ExportAllDeclaration':
        this.exports.reexports.push({ source: node.source.value, imported: '*', exported: '*' });
        break;
      case 'ExportDefaultDeclaration':
        if (node.declaration.type !== 'TSDeclareFunction' && node.declaration.type !== 'ClassDeclaration') {
          this.exports.default = node.declaration as Expression | BabelFunction;
        }
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.reassigned.add(node.argument.name);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        for (const name of node.left.type === 'VariableDeclaration' ? node.left.declarations.flatMap((d) => patternNames(d.id)) : patternNames(node.left)) this.reassigned.add(name);
        break;
      case 'AssignmentExpression': {
        for (const name of node.left.type === 'MemberExpression' ? [] : patternNames(node.left)) this.reassigned.add(name);
        // module.exports = {...}; module.exports.x = ...; exports.x = ...
        const target = memberPath(node.left);
        if (!target || node.operator !== '=') break;
        if (target.length === 2 && target[0] === 'module' && target[1] === 'exports') this.exports.default = node.right;
        else if (target.length === 3 && target[0] === 'module' && target[1] === 'exports') this.exports.named.set(target[2], node.right);
        else if (target.length === 2 && target[0] === 'exports') this.exports.named.set(target[1], node.right);
        break;
      }
      default:
        break;
    }
  }
}

/** `a.b.c` → ['a', 'b', 'c']; undefined for anything computed or not a plain chain. */
export function memberPath(node: Node): string[] | undefined {
  const parts: string[] = [];
  let current: Node = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    if (current.computed) {
      if (current.property.type !== 'StringLiteral') return undefined;
      parts.unshift(current.property.value);
    } else if (current.property.type === 'Identifier') {
      parts.unshift(current.property.name);
    } else return undefined;
    current = current.object;
  }
  if (current.type === 'Identifier') {
    parts.unshift(current.name);
    return parts;
  }
  if (current.type === 'ThisExpression') {
    parts.unshift('this');
    return parts;
  }
  return undefined;
}

export function patternNames(node: Node | null | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'Identifier': return [node.name];
    case 'ObjectPattern': return node.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern': return node.elements.flatMap((element) => patternNames(element));
    case 'AssignmentPattern': return patternNames(node.left);
    case 'RestElement': return patternNames(node.argument);
    case 'ObjectProperty': return patternNames(node.value);
    case 'TSParameterProperty': return patternNames(node.parameter);
    default: return [];
  }
}
