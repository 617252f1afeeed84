/**
 * Where personal data comes from and how far it is followed: a small, bounded taint evaluator over
 * one expression. It follows local variables, object literals, `this.setData` / `this.data.x`
 * within a page, the event of a template input that asks for personal data, results of the bn
 * open-data APIs and of a wallet provider, helper functions (their return values) and, through an
 * environment that binds parameters to call-site arguments, the helpers a value is passed into.
 */
import { memberPath, walkJs, type Binding, type BxmlElement, type JsFile, type Project } from '@bmplint/core';
import { descendants, isField, nearbyLabel, staticValue } from '../bxml.js';
import {
  ancestorsOf, factsOf, isFunction, jsxAttribute, keyName, parentOf, positionOf, propertyName, resolveCallee,
  templateBindings, unitOf, unwrap, within, type CallNode, type FunctionNode, type Node, type NodeOf,
} from '../js.js';
import { words } from '../names.js';

export type PersonalKind = 'email address' | 'phone number' | 'wallet address' | 'address' | 'open id' | 'user profile';

/** bn APIs whose result is personal data. */
export const SOURCE_APIS: Record<string, PersonalKind> = {
  getUserInfo: 'user profile',
  getUserProfile: 'user profile',
  getPhoneNumber: 'phone number',
  getEmailAddress: 'email address',
  getOpenId: 'open id',
  getUserOpenId: 'open id',
};

/** Wallet-provider calls that return the user's addresses. */
const WALLET_METHODS = new Set(['eth_requestAccounts', 'eth_accounts', 'requestAccounts']);
const WALLET_CALLS = new Set(['getAddress', 'getAccounts', 'requestAccounts', 'getSelectedAddress']);
const OPEN_DATA_EVENTS: Record<string, PersonalKind> = { getphonenumber: 'phone number', getemailaddress: 'email address', getuserinfo: 'user profile', getuserprofile: 'user profile' };

/** Words that make a name metadata about personal data rather than the data (`isMobile`, `emailVerified`). */
const META_WORDS = new Set([
  'is', 'has', 'show', 'hide', 'verified', 'valid', 'invalid', 'enabled', 'disabled', 'type', 'template', 'label', 'placeholder', 'error', 'tip', 'format',
  'regex', 'reg', 'pattern', 'code', 'sent', 'count', 'model', 'brand', 'os', 'platform', 'version', 'width', 'height', 'style', 'class', 'icon', 'visible',
  'status', 'key', 'prefix', 'country', 'area', 'length', 'mask', 'masked', 'hash', 'contract', 'token', 'pool', 'router', 'factory', 'ip', 'mac', 'url',
  'link', 'page', 'field', 'input', 'focus', 'changed', 'rule', 'rules', 'title', 'text', 'desc', 'message', 'msg', 'btn', 'button', 'support', 'service',
]);

/** What personal data a variable or field name holds, if any. */
export function personalOfName(name: string): PersonalKind | undefined {
  const parts = words(name);
  if (!parts.length || parts.some((part) => META_WORDS.has(part))) return undefined;
  const joined = parts.join('');
  const has = (word: string) => parts.includes(word);
  if (joined.includes('openid') || joined.includes('unionid')) return 'open id';
  if (has('email') || has('emails') || (parts.length === 1 && parts[0] === 'mail')) return 'email address';
  if (has('phone') || has('mobile') || has('telephone') || has('cellphone') || (parts.length === 1 && parts[0] === 'tel')) return 'phone number';
  const addressAt = parts.findIndex((part) => part === 'address' || part === 'addresses' || part === 'addr');
  if (addressAt >= 0) {
    const before = parts[addressAt - 1];
    if (before && ['wallet', 'user', 'account', 'my', 'from', 'owner', 'sender', 'receiver', 'recipient', 'eth', 'bsc', 'bnb', 'evm', 'web3', 'connected', 'selected', 'current', 'player'].includes(before)) return 'wallet address';
    if (parts.length === 1) return 'address';
    if (before && ['home', 'shipping', 'delivery', 'billing', 'street', 'postal', 'mailing'].includes(before)) return 'address';
    return undefined;
  }
  if ((has('user') && (has('info') || has('profile'))) || has('userinfo') || has('nickname') || (has('nick') && has('name')) || (has('real') && has('name')) || (has('full') && has('name'))) return 'user profile';
  if (has('accounts') && parts.length === 1) return 'wallet address';
  return undefined;
}

/** What a field's wording asks for (placeholder, label), English and Simplified Chinese. */
export function personalOfWording(text: string): PersonalKind | undefined {
  if (!text) return undefined;
  if (/\be-?mail\b|邮箱|电子邮件/i.test(text)) return 'email address';
  if (/\b(?:phone|mobile|cell(?:phone)?|tel(?:ephone)?)\b|手机|电话/i.test(text)) return 'phone number';
  if (/\bwallet\s*address\b|钱包地址|\b0x\.\.\./i.test(text)) return 'wallet address';
  if (/\b(?:home|shipping|delivery|street|postal)?\s*address\b|收货地址|地址/i.test(text)) return 'address';
  return undefined;
}

/** What personal data a template input (or a form of inputs) asks for. */
export function personalOfElement(element: BxmlElement): { kind: PersonalKind; evidence: string } | undefined {
  if (element.name === 'form') {
    for (const field of descendants(element)) {
      if (!isField(field)) continue;
      const found = personalOfElement(field);
      if (found) return found;
    }
    return undefined;
  }
  for (const name of ['name', 'id', 'data-field']) {
    const value = staticValue(element, name);
    const kind = value ? personalOfName(value) : undefined;
    if (kind) return { kind, evidence: `the ${element.name} named "${value}"` };
  }
  const mode = (staticValue(element, 'inputmode') ?? staticValue(element, 'type') ?? '').toLowerCase();
  if (mode === 'email') return { kind: 'email address', evidence: `an ${element.name} of type ${mode}` };
  if (mode === 'tel') return { kind: 'phone number', evidence: `an ${element.name} of type ${mode}` };
  const wording = [staticValue(element, 'placeholder'), staticValue(element, 'aria-label'), nearbyLabel(element)].filter(Boolean).join(' ');
  const kind = personalOfWording(wording);
  return kind ? { kind, evidence: `the ${element.name} "${wording.slice(0, 40)}"` } : undefined;
}

export interface Unbound {
  binding: Binding;
  file: JsFile;
  fn: FunctionNode;
}

export interface Taint {
  kinds: Map<PersonalKind, string>;
  /** Parameters of helpers whose callers decide the value. */
  unbound: Unbound[];
  /** Something that could not be followed (a helper nobody calls, page data never set). */
  unresolved: boolean;
}

export type Env = Map<Binding, { node: Node | undefined; file: JsFile }>;

const empty = (): Taint => ({ kinds: new Map(), unbound: [], unresolved: false });
const MAX_DEPTH = 16;

function merge(into: Taint, from: Taint): Taint {
  for (const [kind, evidence] of from.kinds) if (!into.kinds.has(kind)) into.kinds.set(kind, evidence);
  into.unbound.push(...from.unbound);
  into.unresolved ||= from.unresolved;
  return into;
}

function found(kind: PersonalKind, evidence: string): Taint {
  const taint = empty();
  taint.kinds.set(kind, evidence);
  return taint;
}

const THIS_ALIASES = new Set(['this', 'that', 'self', '_this', '_self', 'me', 'vm', 'page', '_that']);

export class TaintEvaluator {
  private readonly active = new Set<string>();
  private readonly dataCache = new Map<string, Taint>();

  constructor(private readonly project: Project) {}

  of(node: Node | null | undefined, file: JsFile, env: Env, depth = 0): Taint {
    if (!node || depth > MAX_DEPTH) return empty();
    const next = depth + 1;
    const inner = unwrap(node);
    switch (inner.type) {
      case 'TemplateLiteral':
        return inner.expressions.reduce((taint, expression) => merge(taint, this.of(expression as Node, file, env, next)), empty());
      case 'BinaryExpression':
        return inner.operator === '+' ? merge(this.of(inner.left as Node, file, env, next), this.of(inner.right, file, env, next)) : empty();
      case 'LogicalExpression':
        return merge(this.of(inner.left, file, env, next), this.of(inner.right, file, env, next));
      case 'ConditionalExpression':
        return merge(this.of(inner.consequent, file, env, next), this.of(inner.alternate, file, env, next));
      case 'SequenceExpression':
        return this.of(inner.expressions[inner.expressions.length - 1], file, env, next);
      case 'AssignmentExpression':
        return this.of(inner.right, file, env, next);
      case 'AwaitExpression':
      case 'SpreadElement':
        return this.of(inner.argument, file, env, next);
      case 'ObjectExpression': {
        const taint = empty();
        for (const property of inner.properties) {
          if (property.type === 'SpreadElement') merge(taint, this.of(property.argument, file, env, next));
          else if (property.type === 'ObjectProperty') {
            const key = keyName(property);
            const kind = key ? personalOfName(key) : undefined;
            if (kind && !isConstant(property.value as Node)) merge(taint, found(kind, `field "${key}"`));
            merge(taint, this.of(property.value as Node, file, env, next));
          }
        }
        return taint;
      }
      case 'ArrayExpression':
        return inner.elements.reduce((taint, element) => (element ? merge(taint, this.of(element, file, env, next)) : taint), empty());
      case 'Identifier':
        return this.identifier(inner, file, env, next);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.member(inner, file, env, next);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.call(inner, file, env, next);
      case 'NewExpression':
        return inner.arguments.reduce((taint, argument) => merge(taint, this.of(argument as Node, file, env, next)), empty());
      default:
        return empty();
    }
  }

  private identifier(node: NodeOf<'Identifier'>, file: JsFile, env: Env, depth: number): Taint {
    const binding = this.project.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    const byName = personalOfName(node.name);
    const named = () => (byName ? found(byName, `variable ${node.name}`) : empty());
    if (binding && env.has(binding)) {
      const argument = env.get(binding)!;
      const taint = argument.node ? this.of(argument.node, argument.file, env, depth) : empty();
      return argument.node && isConstant(argument.node) ? taint : merge(taint, named());
    }
    if (!binding) return named();
    const source = binding.source;
    const key = `${file.path}:${binding.declaredAt}:${binding.name}`;
    if (this.active.has(key)) return named();
    this.active.add(key);
    try {
      // What the value is made of speaks first; its name backs it up.
      switch (source.kind) {
        case 'init':
          if (isConstant(source.init)) return empty();
          return merge(this.of(source.init, file, env, depth), named());
        case 'destructured': {
          const taint = this.of(source.from, file, env, depth);
          const kind = personalOfName(source.key);
          if (kind) merge(taint, found(kind, `field "${source.key}"`));
          return merge(taint, named());
        }
        case 'param':
          return merge(this.parameter(node, binding, file, depth), named());
        case 'mutable':
          return merge(this.mutable(binding, file, env, depth), named());
        default:
          return named();
      }
    } finally {
      this.active.delete(key);
    }
  }

  /** A parameter: a callback's result, a template event, or a helper's argument (unbound). */
  private parameter(node: Node, binding: Binding, file: JsFile, depth: number): Taint {
    const fn = ownerOf(file, node, binding);
    if (!fn) return empty();
    const index = fn.params.findIndex((param) => declares(param, binding.name));
    const fromCallback = this.callbackSource(file, fn, index, depth);
    if (fromCallback) return fromCallback;
    const event = index === 0 ? this.eventSource(file, fn) : undefined;
    if (event) return event;
    if (event === null) return empty();
    const taint = empty();
    taint.unbound.push({ binding, file, fn });
    return taint;
  }

  /** `bn.getUserInfo({ success(res) {} })`, `bn.getUserInfo().then((res) => …)`, `provider.request({ method: 'eth_requestAccounts' }).then(…)`. */
  private callbackSource(file: JsFile, fn: FunctionNode, index: number, depth: number): Taint | undefined {
    if (index !== 0) return undefined;
    const position = positionOf(this.project, file, fn);
    if (position.kind === 'option' && (position.key === 'success' || position.key === 'complete')) {
      const kind = this.sourceKind(file, position.call);
      return kind ? found(kind.kind, kind.evidence) : undefined;
    }
    if (position.kind === 'argument' && position.index === 0) {
      const callee = unwrap(position.call.callee);
      if (propertyName(callee) === 'then' && (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression')) {
        const taint = this.of(callee.object, file, new Map(), depth + 1);
        return taint.kinds.size ? taint : undefined;
      }
    }
    return undefined;
  }

  /** The kind of personal data a call returns, when it is a known source. */
  sourceKind(file: JsFile, call: CallNode): { kind: PersonalKind; evidence: string } | undefined {
    const api = this.project.bnApi(file)?.call(call as never);
    if (api) {
      const kind = SOURCE_APIS[api.name];
      return kind ? { kind, evidence: `the result of bn.${api.name}()` } : undefined;
    }
    const callee = unwrap(call.callee);
    const name = propertyName(callee);
    if (name && WALLET_CALLS.has(name)) return { kind: 'wallet address', evidence: `the result of ${name}()` };
    if (name === 'request' || name === 'send' || name === 'sendAsync') {
      const first = call.arguments[0];
      const method = first?.type === 'ObjectExpression'
        ? first.properties.find((property) => property.type === 'ObjectProperty' && keyName(property) === 'method')
        : first?.type === 'StringLiteral' ? first : undefined;
      const value = method?.type === 'ObjectProperty' ? method.value : method;
      if (value?.type === 'StringLiteral' && WALLET_METHODS.has(value.value)) return { kind: 'wallet address', evidence: `the accounts from ${value.value}` };
    }
    return undefined;
  }

  /**
   * The event a template (or JSX) binds to a handler: personal when the input asks for personal
   * data, or it is an open-data button event. Undefined when the function is no handler; null when
   * it is one whose event carries nothing personal.
   */
  private eventSource(file: JsFile, fn: FunctionNode): Taint | null | undefined {
    const position = positionOf(this.project, file, fn);
    if (position.kind === 'jsx') {
      const element = position.element;
      for (const name of ['name', 'placeholder', 'type', 'aria-label']) {
        const value = jsxAttribute(element, name)?.value;
        if (typeof value !== 'string') continue;
        const kind = name === 'type' ? (value === 'email' ? 'email address' : value === 'tel' ? 'phone number' : undefined) : name === 'name' ? personalOfName(value) : personalOfWording(value);
        if (kind) return found(kind, `the input "${value}"`);
      }
      const openData = /^onGet(phonenumber|emailaddress|userinfo|userprofile)$/i.exec(position.attribute);
      if (openData) return found(OPEN_DATA_EVENTS[openData[1].toLowerCase()], `the ${position.attribute} event`);
      return null;
    }
    if (position.kind !== 'registration' || position.section === 'lifetimes' || position.section === 'pageLifetimes') return undefined;
    const bindings = templateBindings(this.project, file, position.key);
    if (!bindings.length) return undefined;
    for (const binding of bindings) {
      const open = OPEN_DATA_EVENTS[binding.event.toLowerCase()];
      if (open) return found(open, `the ${binding.event} event`);
      const personal = personalOfElement(binding.element);
      if (personal) return found(personal.kind, personal.evidence);
    }
    return null;
  }

  /** `let x = …; x = …`: every value assigned to the binding. */
  private mutable(binding: Binding, file: JsFile, env: Env, depth: number): Taint {
    const facts = factsOf(file);
    const scope = this.project.scopeOf(file);
    const taint = empty();
    if (!facts || !scope) return taint;
    let budget = 2000;
    for (const identifier of facts.identifiers.get(binding.name) ?? []) {
      if (--budget < 0) {
        taint.unresolved = true;
        break;
      }
      const parent = parentOf(file, identifier);
      if (parent?.type === 'AssignmentExpression' && parent.left === identifier && scope.lookup(binding.name, identifier.start ?? 0) === binding) {
        merge(taint, this.of(parent.right, file, env, depth));
        continue;
      }
      // The declaration, also inside a pattern: `let x = …`, `const [address] = await …`.
      for (const { node: ancestor } of ancestorsOf(file, identifier)) {
        if (ancestor.type === 'VariableDeclarator') {
          if ((ancestor.start ?? 0) === binding.declaredAt && ancestor.init && within(identifier, ancestor.id as Node)) merge(taint, this.of(ancestor.init, file, env, depth));
          break;
        }
        if (isFunction(ancestor) || ancestor.type === 'BlockStatement' || ancestor.type === 'Program') break;
      }
    }
    return taint;
  }

  private member(node: NodeOf<'MemberExpression' | 'OptionalMemberExpression'>, file: JsFile, env: Env, depth: number): Taint {
    const name = propertyName(node);
    const kind = name ? personalOfName(name) : undefined;
    const taint = kind ? found(kind, `field "${name}"`) : empty();
    const path = memberPath(node);
    if (path && THIS_ALIASES.has(path[0]) && path[1] === 'data' && path.length >= 3) return merge(taint, this.pageData(file, path[2], depth));
    if (path && THIS_ALIASES.has(path[0]) && path[1] === 'data') return taint;
    return merge(taint, this.of(node.object, file, env, depth));
  }

  /** `this.data.key`: what `setData` and the page's initial data put there, and two-way bound inputs. */
  private pageData(file: JsFile, key: string, depth: number): Taint {
    const cacheKey = `${file.path}\0${key}`;
    const cached = this.dataCache.get(cacheKey);
    if (cached) return cached;
    const taint = empty();
    this.dataCache.set(cacheKey, taint);
    let sources = 0;
    const facts = factsOf(file);
    for (const call of facts?.calls ?? []) {
      if (propertyName(unwrap(call.callee)) !== 'setData') continue;
      const object = call.arguments[0];
      if (object?.type !== 'ObjectExpression') {
        if (object) taint.unresolved = true;
        continue;
      }
      for (const property of object.properties) {
        if (property.type !== 'ObjectProperty') continue;
        const name = keyName(property);
        if (name !== key && !name?.startsWith(`${key}.`) && !name?.startsWith(`${key}[`)) continue;
        sources++;
        const kind = name ? personalOfName(name.split(/[.[]/).pop() ?? name) : undefined;
        if (kind && !isConstant(property.value as Node)) merge(taint, found(kind, `page data "${name}"`));
        merge(taint, this.of(property.value as Node, file, new Map(), depth + 1));
      }
    }
    const initial = this.initialData(file);
    for (const property of initial?.properties ?? []) {
      if (property.type !== 'ObjectProperty' || keyName(property) !== key) continue;
      sources++;
      merge(taint, this.of(property.value as Node, file, new Map(), depth + 1));
    }
    const bound = this.boundInput(file, key);
    if (bound) {
      sources++;
      merge(taint, found(bound.kind, bound.evidence));
    }
    if (!sources) taint.unresolved = true;
    return taint;
  }

  private initialData(file: JsFile): NodeOf<'ObjectExpression'> | undefined {
    for (const call of factsOf(file)?.calls ?? []) {
      const callee = call.callee;
      if (callee.type !== 'Identifier' || (callee.name !== 'Page' && callee.name !== 'Component')) continue;
      const object = call.arguments[0];
      if (object?.type !== 'ObjectExpression') continue;
      for (const property of object.properties) {
        if (property.type === 'ObjectProperty' && keyName(property) === 'data' && property.value.type === 'ObjectExpression') return property.value;
      }
    }
    return undefined;
  }

  /** `<input model:value="{{key}}" placeholder="Email">`: page data two-way bound to a personal input. */
  private boundInput(file: JsFile, key: string): { kind: PersonalKind; evidence: string } | undefined {
    const unit = unitOf(this.project, file.path);
    const template = unit?.files.template ? this.project.parsed(unit.files.template) : undefined;
    if (template?.kind !== 'bxml') return undefined;
    for (const element of descendants({ children: template.document.children } as unknown as BxmlElement)) {
      if (!isField(element)) continue;
      for (const attribute of element.attributes) {
        if (attribute.name !== 'model:value' && attribute.name !== 'value') continue;
        const expression = attribute.expressions[0]?.ast;
        const path = expression ? memberPath(expression) : undefined;
        if (path?.[0] !== key) continue;
        const personal = personalOfElement(element);
        if (personal) return personal;
      }
    }
    return undefined;
  }

  private call(node: CallNode, file: JsFile, env: Env, depth: number): Taint {
    const source = this.sourceKind(file, node);
    if (source) return found(source.kind, source.evidence);
    const callee = unwrap(node.callee);
    if (propertyName(callee) === 'setData') return empty();
    const target = depth < 8 ? safeResolve(this.project, file, callee) : undefined;
    if (target && isFunction(target.fn) && !(callee.type === 'Identifier' && callee.name === 'require')) {
      // A helper: what it returns, with its parameters bound to the arguments.
      const inner: Env = new Map(env);
      bindParameters(this.project, target.file, target.fn, node.arguments as Node[], file, inner);
      return this.returned(target.file, target.fn, inner, depth);
    }
    const taint = empty();
    for (const argument of node.arguments) merge(taint, this.of(argument as Node, file, env, depth));
    if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') merge(taint, this.of(callee.object, file, env, depth));
    return taint;
  }

  private returned(file: JsFile, fn: FunctionNode, env: Env, depth: number): Taint {
    const taint = empty();
    if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') return this.of(fn.body, file, env, depth);
    for (const value of returnsOf(fn)) merge(taint, this.of(value, file, env, depth));
    return taint;
  }
}

function safeResolve(project: Project, file: JsFile, callee: Node) {
  try {
    return resolveCallee(project, file, callee);
  } catch {
    return undefined;
  }
}

/** Return values of a function (not of functions nested in it). */
function returnsOf(fn: FunctionNode): Node[] {
  const out: Node[] = [];
  walkJs(fn.body as Node, {
    enter(node) {
      if (isFunction(node)) return false;
      if (node.type === 'ReturnStatement' && node.argument) out.push(node.argument);
    },
  });
  return out;
}

/** Binds a function's simple parameters to call arguments in `env`. */
export function bindParameters(project: Project, fnFile: JsFile, fn: FunctionNode, args: Node[], argFile: JsFile, env: Env): void {
  const scope = project.scopeOf(fnFile);
  if (!scope) return;
  fn.params.forEach((param, index) => {
    const name = simpleName(param as Node);
    if (!name) return;
    const binding = scope.bindingsNamed(name).find((candidate) => candidate.source.kind === 'param' && candidate.scopeStart === (fn.start ?? 0));
    if (!binding) return;
    const argument = args[index];
    env.set(binding, { node: argument && argument.type !== 'SpreadElement' ? argument : undefined, file: argFile });
  });
}

function simpleName(param: Node): string | undefined {
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  return undefined;
}

function declares(param: Node, name: string): boolean {
  if (param.type === 'Identifier') return param.name === name;
  if (param.type === 'AssignmentPattern') return declares(param.left as Node, name);
  if (param.type === 'ObjectPattern') return param.properties.some((property) => declares((property.type === 'RestElement' ? property.argument : property.value) as Node, name));
  if (param.type === 'ArrayPattern') return param.elements.some((element) => !!element && declares(element as Node, name));
  if (param.type === 'RestElement') return declares(param.argument as Node, name);
  return false;
}

/** The function whose parameter `binding` is. */
function ownerOf(file: JsFile, node: Node, binding: Binding): FunctionNode | undefined {
  for (const { node: ancestor } of ancestorsOf(file, node)) {
    if (isFunction(ancestor) && (ancestor.start ?? 0) === binding.scopeStart) return ancestor;
  }
  return undefined;
}

/** Literals and literal-only templates: not user data, whatever the field is called. */
export function isConstant(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === 'StringLiteral' || inner.type === 'NumericLiteral' || inner.type === 'BooleanLiteral' || inner.type === 'NullLiteral'
    || (inner.type === 'TemplateLiteral' && !inner.expressions.length) || (inner.type === 'Identifier' && inner.name === 'undefined');
}

