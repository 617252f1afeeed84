import { defineRule, getAttribute, optionValue, type BxmlElement, type JsFile, type RuleContext } from '@bmplint/core';
import { nearbyLabel, scriptOfTemplate, staticValue } from '../bxml.js';
import { jsxAttribute, jsxLabel, jsxName, propertyName, unwrap, walkedJs, type Node, type NodeOf } from '../js.js';
import { secretOfName, secretOfWording, type SecretKind } from '../names.js';

const TEMPLATE_FIELDS = new Set(['input', 'deprecated-input', 'textarea', 'editor']);
const JSX_FIELDS = new Set(['Input', 'input', 'Textarea', 'TextArea', 'textarea', 'DeprecatedInput', 'Editor']);
/** Options of the network APIs that carry what the user typed to a server. */
const PAYLOAD_OPTIONS: Record<string, string[]> = { request: ['data', 'url', 'header'], uploadFile: ['formData', 'url', 'header'] };

export default defineRule({
  meta: {
    id: 'privacy/no-password-collection',
    clauses: ['5.2.2'],
    severity: 'error',
    suppressible: true,
    // Every password field of one app is one problem (its own account system); secrets group by kind.
    subject: ['secret'],
    docs: { description: 'A mini program must not ask users for passwords, seed (recovery) phrases or private keys: no password inputs, no fields asking for them, and no requests sending them.' },
    messages: {
      passwordInput: 'This <{{element}}> is a password input ({{how}}): a mini program may not collect user passwords; sign users in with Binance login (bn.login) instead (5.2.2).',
      secretField: 'This <{{element}}> asks for the user\'s {{secret}} ({{evidence}}): a mini program must never collect a wallet\'s seed phrase or private key (5.2.2).',
      passwordField: 'This <{{element}}> asks for a password ({{evidence}}): a mini program may not collect user passwords; use Binance login (bn.login) instead (5.2.2).',
      paymentPin: 'This <{{element}}> asks for a payment password of the app\'s own balance ({{evidence}}): not a login, but a reviewer will ask why the app keeps its own wallet behind a password; take payments with Binance Pay (bn.requestPayment) instead (5.2.2).',
      sendsSecret: 'bn.{{api}} sends {{name}} (a {{secret}}) in its {{option}}: a mini program may not collect users\' passwords, seed phrases or private keys (5.2.2).',
    },
  },
  create(context) {
    return {
      bxml: {
        element(element) {
          if (TEMPLATE_FIELDS.has(element.name)) checkTemplateField(context, element);
          else if (element.name.includes('-')) checkComponentUse(context, element);
        },
      },
      js: {
        JSXElement(node) {
          if (JSX_FIELDS.has(jsxName(node))) checkJsxField(context, node);
        },
        bnCall(call) {
          const options = PAYLOAD_OPTIONS[call.name];
          const file = walkedJs(context.file);
          if (!options || !file) return;
          for (const option of options) {
            const value = optionValue(call.options, option);
            if (!value) continue;
            const found = option === 'url' ? secretInUrl(value) : secretInPayload(context, file, value);
            // A password sent to the app's own server is its own login: certain under 4.2.1 (api/third-party-login), a warning here.
            if (found) context.report({ node: found.node, messageId: 'sendsSecret', data: { api: call.name, option, name: found.name, secret: found.secret }, ...(found.secret === 'password' ? { severity: 'warning' as const } : {}) });
          }
        },
      },
    };
  },
});

function checkTemplateField(context: RuleContext, element: BxmlElement): void {
  const password = getAttribute(element, 'password');
  const type = staticValue(element, 'type');
  // Evidence from what the field says about itself, strongest first.
  const own = [staticValue(element, 'placeholder'), staticValue(element, 'aria-label'), staticValue(element, 'title')].filter(Boolean).join(' ');
  const ownSecret = secretOfWording(own) ?? nameSecret(staticValue(element, 'name') ?? staticValue(element, 'id'));
  if (ownSecret && ownSecret !== 'password') {
    context.report({ node: element, messageId: 'secretField', data: { element: element.name, secret: ownSecret, evidence: quote(own || staticValue(element, 'name') || '') } });
    return;
  }
  const label = nearbyLabel(element);
  const labelSecret = secretOfWording(label);
  if (labelSecret && labelSecret !== 'password') {
    context.report({ node: element, messageId: 'secretField', confidence: 'medium', data: { element: element.name, secret: labelSecret, evidence: `labelled ${quote(label)}` } });
    return;
  }
  // In a component's own template, `password="{{…}}"` passes a property through: what matters is how pages use it.
  if (password && isOn(password.value, password.expressions) && !(password.expressions.length && isComponentTemplate(context))) {
    reportPassword(context, element, 'passwordInput', { element: element.name, how: password.value === null ? 'password' : `password="${password.value}"` }, `${own} ${label}`);
    return;
  }
  if (type?.toLowerCase() === 'password') {
    reportPassword(context, element, 'passwordInput', { element: element.name, how: 'type="password"' }, `${own} ${label}`);
    return;
  }
  if (ownSecret === 'password') {
    reportPassword(context, element, 'passwordField', { element: element.name, evidence: quote(own || staticValue(element, 'name') || '') }, `${own} ${label}`, 'medium');
  } else if (labelSecret === 'password') {
    reportPassword(context, element, 'passwordField', { element: element.name, evidence: `labelled ${quote(label)}` }, `${own} ${label}`, 'medium');
  }
}

/** Wording of a payment password of the app's own balance (not a login): "交易密码", "payment password". */
const PAYMENT_PASSWORD = /(?:支付|交易|提现|资金|付款|余额)密码|\b(?:pay(?:ment)?|trade|trading|transaction|withdraw(?:al)?|fund)[\s_-]*(?:password|passcode|pin)\b|\bpay[\s_-]*pwd\b|\bpwd[\s_-]*pay\b/i;
/** Wording of an account system: a login or registration form, or the account settings page. */
const ACCOUNT_CUE = /登录|登陆|注册|账号|帐号|账户|用户名|\blog[\s-]?in\b|\bsign[\s-]?(?:in|up)\b|\bregist(?:er|ration)\b|\baccount\b|\buser[\s_-]?name\b/i;
/** A script that sends something named like a password. */
const SENDS_PASSWORD = /\b(?:request|uploadFile)\b[\s\S]*\b(?:password|passwd|pwd)\b|\b(?:password|passwd|pwd)\b[\s\S]*\b(?:request|uploadFile)\b/i;

/**
 * Reports a password field with what the template shows it is for: a payment password of the app's own
 * balance (low: not a login, a reviewer asks about it); a login or registration password, or one the
 * page's script sends (the rule's confidence); otherwise a field nothing visibly uses, as in a
 * component gallery (low).
 */
function reportPassword(
  context: RuleContext, element: BxmlElement, messageId: 'passwordInput' | 'passwordField', data: Record<string, string>, wording: string,
  confidence?: 'medium',
): void {
  const around = `${wording} ${ancestorTitles(element)} ${context.file?.path ?? ''}`;
  if (PAYMENT_PASSWORD.test(around) || /pwd-?pay|pay-?pwd|pay-?password/i.test(context.file?.path ?? '')) {
    context.report({ node: element, messageId: 'paymentPin', confidence: 'low', data: { element: element.name, evidence: quote(PAYMENT_PASSWORD.exec(around)?.[0] ?? context.file?.path ?? '') } });
    return;
  }
  const used = ACCOUNT_CUE.test(`${context.file?.text ?? ''} ${context.file?.path ?? ''}`) || SENDS_PASSWORD.test(scriptOfTemplate(context.project, context.file?.path)?.text ?? '');
  // The app's own account login: the certain violation is 4.2.1 (no Binance login, reported by
  // api/third-party-login); as 5.2.2 "illegal collection" it is a reviewer's call, so a warning.
  context.report({ node: element, messageId, data, confidence: used ? confidence ?? 'high' : 'low', severity: 'warning' });
}

/** The `title` and `label` of the groups around a field (`<van-cell-group title="交易密码">`). */
function ancestorTitles(element: BxmlElement): string {
  const parts: string[] = [];
  let node: BxmlElement | undefined = element;
  for (let depth = 0; node && depth < 3; depth++) {
    for (const name of ['title', 'label']) parts.push(staticValue(node, name) ?? '');
    node = node.parent.type === 'element' ? node.parent : undefined;
  }
  return parts.join(' ');
}


/** A custom component used as a password field: `<van-field type="password">`, `<t-input password>`. */
function checkComponentUse(context: RuleContext, element: BxmlElement): void {
  const password = getAttribute(element, 'password');
  const wording = [staticValue(element, 'placeholder'), staticValue(element, 'label'), staticValue(element, 'title'), nearbyLabel(element)].filter(Boolean).join(' ');
  if (password && (password.value === null || (!password.expressions.length && password.value.trim() === 'true') || (password.expressions.length === 1 && password.expressions[0].ast?.type === 'BooleanLiteral' && password.expressions[0].ast.value))) {
    reportPassword(context, element, 'passwordInput', { element: element.name, how: password.value === null ? 'password' : `password="${password.value}"` }, wording);
  } else if (staticValue(element, 'type')?.toLowerCase() === 'password') {
    reportPassword(context, element, 'passwordInput', { element: element.name, how: 'type="password"' }, wording);
  }
}

function isComponentTemplate(context: RuleContext): boolean {
  const path = context.file?.path;
  if (!path) return false;
  // Any template that is not a page's own: a component's, or one it imports or includes.
  return !context.project.pages.some((page) => page.files.template === path);
}

/** `password`, `password="true"`, `password="{{true}}"`, `password="{{show}}"` are on; `password="{{false}}"` is off. */
function isOn(value: string | null, expressions: { ast: Node | null }[]): boolean {
  if (value === null) return true;
  const trimmed = value.trim();
  if (!expressions.length) return trimmed !== 'false';
  if (expressions.length === 1) {
    const ast = expressions[0].ast;
    if (ast?.type === 'BooleanLiteral') return ast.value;
  }
  return true;
}

function nameSecret(name: string | undefined): SecretKind | undefined {
  return name ? secretOfName(name) : undefined;
}

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}"`;
}

function checkJsxField(context: RuleContext, element: NodeOf<'JSXElement'>): void {
  const name = jsxName(element);
  const text = (attribute: string) => {
    const found = jsxAttribute(element, attribute);
    return typeof found?.value === 'string' ? found.value : '';
  };
  const own = [text('placeholder'), text('aria-label'), text('title')].filter(Boolean).join(' ');
  const ownSecret = secretOfWording(own) ?? nameSecret(text('name') || text('id'));
  const node = element.openingElement;
  if (ownSecret && ownSecret !== 'password') {
    context.report({ node, messageId: 'secretField', data: { element: name, secret: ownSecret, evidence: quote(own || text('name')) } });
    return;
  }
  const label = previousJsxText(element);
  const labelSecret = secretOfWording(label);
  if (labelSecret && labelSecret !== 'password') {
    context.report({ node, messageId: 'secretField', confidence: 'medium', data: { element: name, secret: labelSecret, evidence: `labelled ${quote(label)}` } });
    return;
  }
  const password = jsxAttribute(element, 'password');
  if (password && password.value !== false && password.value !== 'false') {
    context.report({ node, messageId: 'passwordInput', data: { element: name, how: 'password' } });
    return;
  }
  if (text('type').toLowerCase() === 'password') {
    context.report({ node, messageId: 'passwordInput', data: { element: name, how: 'type="password"' } });
    return;
  }
  if (ownSecret === 'password') context.report({ node, messageId: 'passwordField', confidence: 'medium', data: { element: name, evidence: quote(own || text('name')) } });
  else if (labelSecret === 'password') context.report({ node, messageId: 'passwordField', confidence: 'medium', data: { element: name, evidence: `labelled ${quote(label)}` } });

  function previousJsxText(field: NodeOf<'JSXElement'>): string {
    const ancestors = context.ancestors;
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type !== 'JSXElement') return '';
    const index = parent.children.indexOf(field as never);
    for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
      const sibling = parent.children[i];
      if (sibling.type === 'JSXText') {
        if (sibling.value.trim()) return sibling.value.trim();
      } else if (sibling.type === 'JSXElement') {
        if (JSX_FIELDS.has(jsxName(sibling))) return '';
        const label = jsxLabel(sibling).text;
        if (label) return label;
      }
    }
    return '';
  }
}

interface Found {
  node: Node;
  name: string;
  secret: SecretKind;
}

/** A field or value in a request payload named like a password, seed phrase or private key. */
function secretInPayload(context: RuleContext, file: JsFile, value: Node, depth = 0): Found | undefined {
  const node = unwrap(value);
  if (depth > 4) return undefined;
  if (node.type === 'ObjectExpression') {
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const found = secretInPayload(context, file, property.argument, depth + 1);
        if (found) return found;
        continue;
      }
      const key = property.computed ? undefined : property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
      const keySecret = key ? secretOfName(key) : undefined;
      if (property.type === 'ObjectMethod') continue;
      const literal = isLiteral(property.value);
      if (key && keySecret && !literal) return { node: property.key, name: `"${key}"`, secret: keySecret };
      const found = secretInPayload(context, file, property.value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (node.type === 'Identifier') {
    const secret = secretOfName(node.name);
    if (secret) return { node, name: node.name, secret };
    const binding = context.project.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    if (binding?.source.kind === 'init' && unwrap(binding.source.init).type === 'ObjectExpression') return secretInPayload(context, file, binding.source.init, depth + 1);
    return undefined;
  }
  if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
    const name = propertyName(node);
    const secret = name ? secretOfName(name) : undefined;
    return secret ? { node, name: name!, secret } : undefined;
  }
  if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0].type !== 'SpreadElement' && node.arguments[0].type !== 'ArgumentPlaceholder') {
    // JSON.stringify({...}), qs.stringify({...})
    return secretInPayload(context, file, node.arguments[0], depth + 1);
  }
  if (node.type === 'TemplateLiteral') return secretInUrl(node);
  return undefined;
}

/** `?password=${pwd}` in a URL. */
function secretInUrl(value: Node): Found | undefined {
  const node = unwrap(value);
  const parts: Array<{ text: string; next?: Node }> = [];
  if (node.type === 'TemplateLiteral') {
    node.quasis.forEach((quasi, index) => parts.push({ text: quasi.value.cooked ?? '', next: node.expressions[index] as Node | undefined }));
  } else if (node.type === 'BinaryExpression' && node.operator === '+') {
    const flat: Node[] = [];
    const stack: Node[] = [node];
    while (stack.length) {
      const item = unwrap(stack.pop()!);
      if (item.type === 'BinaryExpression' && item.operator === '+') stack.push(item.right as Node, item.left as Node);
      else flat.push(item);
    }
    for (let i = 0; i < flat.length; i++) {
      if (flat[i].type === 'StringLiteral') parts.push({ text: (flat[i] as NodeOf<'StringLiteral'>).value, next: flat[i + 1]?.type === 'StringLiteral' ? undefined : flat[i + 1] });
    }
  } else return undefined;
  for (const part of parts) {
    const match = /[?&]([A-Za-z_][\w.-]*)=$/.exec(part.text);
    if (!match || !part.next) continue;
    const secret = secretOfName(match[1]);
    if (secret) return { node: part.next, name: `"${match[1]}"`, secret };
  }
  return undefined;
}

function isLiteral(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === 'StringLiteral' || inner.type === 'NumericLiteral' || inner.type === 'BooleanLiteral' || inner.type === 'NullLiteral' || (inner.type === 'TemplateLiteral' && !inner.expressions.length);
}
