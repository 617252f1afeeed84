/**
 * Whether a call only runs after the user confirmed a `bn.showModal` (or chose in a
 * `bn.showActionSheet`): the branches and early returns around it are read, nothing is run.
 */
import { walkJs } from './walk.js';
import type { JsFile } from '../parse/source-file.js';
import type { Project } from '../project/project.js';
import { isFunction, keyName, memberName, unwrap, type Flow, type Fn, type FnRef, type Node, type NodeOf } from './flow.js';

type Polarity = 'pos' | 'neg' | undefined;
/** `modal`: showModal (resolves on confirm and cancel); `sheet`: showActionSheet (succeeds only on a choice); `helper`: a function wrapping one of them. */
type ModalKind = 'modal' | 'sheet' | 'helper';

/** Names and callbacks that carry the user's answer, in one function (by name: shadowing is rare here). */
interface Facts {
  /** Hold a showModal/showActionSheet result (`res` in `res.confirm`). */
  results: Set<string>;
  /** True only when the user confirmed (`const { confirm } = await bn.showModal()`, `const ok = await confirmPay()`). */
  flags: Set<string>;
  /** True when the user cancelled (`const { cancel } = …`). */
  negFlags: Set<string>;
  /** Callbacks that run only after a choice: showActionSheet `success`, `.then` of a confirm helper. */
  gatedCallbacks: Set<Fn>;
}

const FLAG_KEYS: Record<string, 'flags' | 'negFlags'> = { confirm: 'flags', tapIndex: 'flags', cancel: 'negFlags' };

export class Confirmations {
  private readonly factsCache = new Map<Node, Facts>();
  private readonly helperCache = new Map<Fn, boolean>();
  /** Callbacks passed by reference (`success: this.onAnswer`): separate functions, so remembered here. */
  private readonly referencedResultCallbacks = new Set<Fn>();
  private readonly referencedGatedCallbacks = new Set<Fn>();

  constructor(private readonly project: Project, private readonly flow: Flow) {}

  /**
   * Whether `node` (with its ancestors, from its function or from the file's top) is on a branch
   * taken only after the user confirmed.
   */
  gated(file: JsFile, node: Node, ancestors: readonly Node[]): boolean {
    const root = ancestors.find(isFunction) ?? ancestors.find((ancestor) => ancestor.type === 'Program');
    if (!root) return false;
    const context = { file, root: isFunction(root) ? root : undefined, ancestors };
    const facts = this.factsOf(root, context);
    if (isFunction(root) && this.referencedGatedCallbacks.has(root)) return true;
    let child = node;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const parent = ancestors[i];
      if (isFunction(parent) && facts.gatedCallbacks.has(parent)) return true;
      switch (parent.type) {
        case 'IfStatement':
        case 'ConditionalExpression': {
          const polarity = this.polarity(parent.test, facts, context);
          if (child === parent.consequent && polarity === 'pos') return true;
          if (child === parent.alternate && polarity === 'neg') return true;
          break;
        }
        case 'LogicalExpression':
          if (child === parent.right) {
            const polarity = this.polarity(parent.left, facts, context);
            if ((parent.operator === '&&' && polarity === 'pos') || (parent.operator === '||' && polarity === 'neg')) return true;
          }
          break;
        case 'BlockStatement':
        case 'Program':
        case 'SwitchCase': {
          const body: readonly Node[] = parent.type === 'SwitchCase' ? parent.consequent : parent.body;
          const index = body.indexOf(child);
          for (let k = 0; k < index; k++) if (this.guardsRest(body[k], facts, context)) return true;
          break;
        }
        default:
          break;
      }
      child = parent;
    }
    return false;
  }

  /** A statement after which the rest of the block runs only when confirmed. */
  private guardsRest(statement: Node, facts: Facts, context: Context): boolean {
    if (statement.type === 'IfStatement') {
      const polarity = this.polarity(statement.test, facts, context);
      if (polarity === 'neg' && exits(statement.consequent)) return true;
      if (polarity === 'pos' && statement.alternate && exits(statement.alternate)) return true;
      return false;
    }
    // try { await confirmOrThrow(); } catch { return; }
    if (statement.type === 'TryStatement') {
      return statement.block.body.some((inner) => this.guardsRest(inner, facts, context)) && (!statement.handler || exits(statement.handler.body));
    }
    // `await confirmOrThrow()` on its own: a helper whose answer is not read rejects on cancel.
    if (statement.type === 'ExpressionStatement') {
      const expression = unwrap(statement.expression);
      if (expression.type === 'AwaitExpression') {
        const awaited = unwrap(expression.argument);
        return (awaited.type === 'CallExpression' || awaited.type === 'OptionalCallExpression') && this.modalKind(awaited, context) === 'helper';
      }
    }
    return false;
  }

  private polarity(expression: Node, facts: Facts, context: Context): Polarity {
    const node = unwrap(expression);
    switch (node.type) {
      case 'UnaryExpression':
        return node.operator === '!' ? flip(this.polarity(node.argument, facts, context)) : undefined;
      case 'AwaitExpression':
        return this.polarity(node.argument, facts, context);
      case 'BinaryExpression': {
        if (mentionsTapIndex(node)) return 'pos';
        const equal = node.operator === '===' || node.operator === '==';
        const notEqual = node.operator === '!==' || node.operator === '!=';
        if (!equal && !notEqual) return undefined;
        const [literal, other] = node.right.type === 'BooleanLiteral' ? [node.right, node.left] : node.left.type === 'BooleanLiteral' ? [node.left, node.right] : [];
        if (!literal || !other || literal.type !== 'BooleanLiteral') return undefined;
        const polarity = this.polarity(other as Node, facts, context);
        return literal.value === equal ? polarity : flip(polarity);
      }
      case 'LogicalExpression': {
        const left = this.polarity(node.left, facts, context);
        const right = this.polarity(node.right, facts, context);
        if (node.operator === '&&') return left === 'pos' || right === 'pos' ? 'pos' : undefined;
        if (node.operator === '||') return left === 'neg' || right === 'neg' ? 'neg' : undefined;
        return undefined;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = memberName(node);
        if (!name || !Object.hasOwn(FLAG_KEYS, name) || !this.isResult(node.object, facts, context)) return undefined;
        return FLAG_KEYS[name] === 'flags' ? 'pos' : 'neg';
      }
      case 'Identifier':
        return facts.flags.has(node.name) ? 'pos' : facts.negFlags.has(node.name) ? 'neg' : undefined;
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.modalKind(node, context) === 'helper' ? 'pos' : undefined;
      default:
        return undefined;
    }
  }

  /** `res`, `await bn.showModal(…)`, `await confirmPay()`. */
  private isResult(expression: Node, facts: Facts, context: Context): boolean {
    let node = unwrap(expression);
    if (node.type === 'Identifier') return facts.results.has(node.name);
    if (node.type === 'AwaitExpression') node = unwrap(node.argument);
    return (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && !!this.modalKind(node, context);
  }

  private factsOf(root: Node, context: Context): Facts {
    const cached = this.factsCache.get(root);
    if (cached) return cached;
    const facts: Facts = { results: new Set(), flags: new Set(), negFlags: new Set(), gatedCallbacks: new Set() };
    this.factsCache.set(root, facts);
    const { file } = context;
    const addParam = (fn: Fn, kind: ModalKind) => {
      const param = fn.params[0];
      if (!param) return;
      if (param.type === 'Identifier') {
        facts.results.add(param.name);
        if (kind === 'helper') facts.flags.add(param.name);
      } else if (param.type === 'ObjectPattern') addPattern(param, facts);
    };
    const registerCallback = (value: Node | undefined, kind: ModalKind, gated: boolean, ancestors: readonly Node[]) => {
      if (!value) return;
      const callback = unwrap(value);
      if (isFunction(callback)) {
        if (gated) facts.gatedCallbacks.add(callback);
        else addParam(callback, kind);
        return;
      }
      const ref = this.flow.resolveCallee(callback, file, context.root, ancestors);
      if (ref) (gated ? this.referencedGatedCallbacks : this.referencedResultCallbacks).add(ref.fn);
    };
    if (isFunction(root) && this.referencedResultCallbacks.has(root)) addParam(root, 'modal');
    walkJs(root, {
      enter: (node, ancestors) => {
        // Calls, declarations and assignments alone need the context (a root may be a whole file).
        if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression' && node.type !== 'VariableDeclarator' && node.type !== 'AssignmentExpression') return;
        const local = { ...context, ancestors };
        if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
          const kind = this.modalKind(node, local);
          if (kind === 'modal' || kind === 'sheet') {
            const options = unwrap(node.arguments[0] ?? node);
            if (options.type === 'ObjectExpression') {
              registerCallback(optionNode(options, 'success'), kind, kind === 'sheet', ancestors);
              if (kind === 'modal') registerCallback(optionNode(options, 'complete'), kind, false, ancestors);
            }
          }
          // `showModal(…).then(res => …)`, `confirmPay().then(() => pay())`.
          const callee = unwrap(node.callee);
          if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && memberName(callee) === 'then') {
            const object = unwrap(callee.object);
            const inner = (object.type === 'CallExpression' || object.type === 'OptionalCallExpression') ? this.modalKind(object, local) : undefined;
            if (inner) registerCallback(node.arguments[0], inner, inner !== 'modal', ancestors);
            if (inner === 'helper' && isFunction(node.arguments[0])) addParam(node.arguments[0], 'helper');
          }
          return;
        }
        if (node.type === 'VariableDeclarator' && node.init) this.bind(node.id, node.init, facts, local);
        else if (node.type === 'AssignmentExpression' && node.operator === '=') this.bind(node.left, node.right, facts, local);
      },
    });
    return facts;
  }

  /** Records `const res = await bn.showModal()`, `const { confirm } = …`, `const ok = res.confirm`, `const ok = await confirmPay()`. */
  private bind(target: Node, value: Node, facts: Facts, context: Context): void {
    let node = unwrap(value);
    if (node.type === 'AwaitExpression') node = unwrap(node.argument);
    let kind: 'result' | 'flag' | undefined;
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const modal = this.modalKind(node, context);
      if (modal === 'helper') kind = 'flag';
      else if (modal) kind = 'result';
      else {
        const callee = unwrap(node.callee);
        if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && memberName(callee) === 'then') {
          const object = unwrap(callee.object);
          if ((object.type === 'CallExpression' || object.type === 'OptionalCallExpression') && this.modalKind(object, context)) kind = 'flag';
        }
      }
    } else if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && memberName(node) === 'confirm' && this.isResult(node.object, facts, context)) {
      kind = 'flag';
    }
    if (!kind) return;
    if (target.type === 'Identifier') {
      if (kind === 'result') facts.results.add(target.name);
      else {
        // A helper may return the result object or a boolean: both readings are accepted.
        facts.flags.add(target.name);
        facts.results.add(target.name);
      }
    } else if (target.type === 'ObjectPattern' && kind === 'result') addPattern(target, facts);
  }

  /** Whether a call shows a confirmation: bn.showModal, bn.showActionSheet, or a helper wrapping one. */
  private modalKind(call: NodeOf<'CallExpression'> | NodeOf<'OptionalCallExpression'>, context: Context): ModalKind | undefined {
    const bn = this.project.bnApi(context.file)?.call(call as NodeOf<'CallExpression'>);
    if (bn) return bn.name === 'showModal' ? 'modal' : bn.name === 'showActionSheet' ? 'sheet' : undefined;
    const callee = unwrap(call.callee);
    if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return undefined;
    if (memberName(callee) === 'then') return undefined;
    const ref = this.flow.resolveCallee(callee, context.file, context.root, context.ancestors);
    return ref && this.isHelper(ref, 0) ? 'helper' : undefined;
  }

  /**
   * A confirmation helper: shows a showModal that can be cancelled (or an action sheet), reads
   * the answer (`confirm`) or rejects on cancel, and does not pay itself.
   */
  private isHelper(ref: FnRef, depth: number): boolean {
    const cached = this.helperCache.get(ref.fn);
    if (cached !== undefined) return cached;
    this.helperCache.set(ref.fn, false);
    const text = ref.file.text.slice(ref.fn.start ?? 0, ref.fn.end ?? 0);
    if (!/\bconfirm\b|\breject\s*\(|\bthrow\b/.test(text)) return false;
    let modal = false;
    let pays = false;
    const bn = this.project.bnApi(ref.file);
    walkJs(ref.fn, {
      enter(node) {
        if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
        const call = bn?.call(node as NodeOf<'CallExpression'>);
        if (!call) return;
        if (call.name === 'requestPayment') pays = true;
        if (call.name === 'showActionSheet') modal = true;
        if (call.name === 'showModal') {
          const showCancel = call.options?.properties.find((property) => keyName(property) === 'showCancel');
          const noCancel = showCancel?.type === 'ObjectProperty' && showCancel.value.type === 'BooleanLiteral' && !showCancel.value.value;
          if (!noCancel) modal = true;
        }
      },
    });
    if (!modal && !pays && depth < 2) {
      modal = this.flow.sites(ref).some((site) => site.kind === 'call' && this.isHelper(site.target, depth + 1));
    }
    const helper = modal && !pays;
    this.helperCache.set(ref.fn, helper);
    return helper;
  }
}

interface Context {
  file: JsFile;
  root: Fn | undefined;
  ancestors: readonly Node[];
}

function flip(polarity: Polarity): Polarity {
  return polarity === 'pos' ? 'neg' : polarity === 'neg' ? 'pos' : undefined;
}

function addPattern(pattern: NodeOf<'ObjectPattern'>, facts: Facts): void {
  for (const property of pattern.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = keyName(property);
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (key && Object.hasOwn(FLAG_KEYS, key) && value.type === 'Identifier') facts[FLAG_KEYS[key]].add(value.name);
  }
}

/** A `key` of an options object: a property value or a method. */
function optionNode(options: NodeOf<'ObjectExpression'>, key: string): Node | undefined {
  for (let i = options.properties.length - 1; i >= 0; i--) {
    const property = options.properties[i];
    if (property.type === 'SpreadElement' || keyName(property) !== key) continue;
    return property.type === 'ObjectMethod' ? property : property.value;
  }
  return undefined;
}

function mentionsTapIndex(node: NodeOf<'BinaryExpression'>): boolean {
  return [node.left, node.right].some((side) => memberName(side as Node) === 'tapIndex');
}

/** A statement that leaves the function: `return`, `throw`, or a block containing one at its top level. */
function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') return statement.body.some((inner) => inner.type === 'ReturnStatement' || inner.type === 'ThrowStatement');
  return false;
}
