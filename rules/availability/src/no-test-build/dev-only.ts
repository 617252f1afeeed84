import type { JsNode as Node } from '@bmplint/core';

/**
 * Code that only runs in development, and tables of environments: a test URL there is not what the
 * submitted build talks to. Both are judged from the syntax around the URL.
 */

/** Flags that are true in a development build: `__DEV__`, `isDev`, `DEBUG`, `IS_LOCAL`. */
const DEV_FLAG = /^_*(?:is_?)?(?:dev|develop|development|debug|local|devmode|dev_?mode|debug_?mode)_*$/i;
/** Names holding the current environment: `process.env.NODE_ENV`, `envVersion`, `systemInfo.platform`, `mode`. */
const ENV_NAME = /^(?:node_?env|env|env_?version|environment|mode|platform|build_?env|app_?env|vue_?app_?env|taro_?env)$/i;
/** Values of such a name in development (`'devtools'` is the platform of the DevTools simulator). */
const DEV_VALUES = new Set(['development', 'develop', 'dev', 'devtools', 'trial', 'test', 'testing', 'local', 'debug', 'staging']);
const PROD_VALUES = new Set(['production', 'prod', 'release', 'online', 'live']);
/** Keys of an environment table (`{ dev: …, test: …, prod: … }`), split by what ships. */
const NON_PROD_KEYS = /^(?:dev|develop|development|debug|test|testing|qa|uat|sit|fat|stage|staging|stg|pre|preprod|preview|sandbox|mock|local|localhost|trial|beta|daily|gray)$/i;
const PROD_KEYS = /^(?:prod|production|release|online|live|formal|official|master|main)$/i;

type Polarity = 'dev' | 'prod' | undefined;

/** Whether a test expression is true in development (`'dev'`), in production (`'prod'`), or neither known. */
export function polarity(test: Node): Polarity {
  switch (test.type) {
    case 'Identifier':
      return DEV_FLAG.test(test.name) ? 'dev' : undefined;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return !test.computed && test.property.type === 'Identifier' && DEV_FLAG.test(test.property.name) ? 'dev' : undefined;
    case 'UnaryExpression': {
      if (test.operator !== '!') return undefined;
      const inner = polarity(test.argument as Node);
      return inner === 'dev' ? 'prod' : inner === 'prod' ? 'dev' : undefined;
    }
    case 'BinaryExpression': {
      const equal = test.operator === '===' || test.operator === '==';
      if (!equal && test.operator !== '!==' && test.operator !== '!=') return undefined;
      const [name, value] = test.right.type === 'StringLiteral' ? [test.left as Node, test.right.value] : test.left.type === 'StringLiteral' ? [test.right as Node, test.left.value] : [undefined, undefined];
      if (!name || value === undefined || !ENV_NAME.test(lastName(name) ?? '')) return undefined;
      const kind = DEV_VALUES.has(value.toLowerCase()) ? 'dev' : PROD_VALUES.has(value.toLowerCase()) ? 'prod' : undefined;
      if (!kind) return undefined;
      return equal ? kind : kind === 'dev' ? 'prod' : 'dev';
    }
    case 'LogicalExpression': {
      // Both must hold: one side known to be development is enough.
      if (test.operator !== '&&') return undefined;
      return polarity(test.left as Node) === 'dev' || polarity(test.right as Node) === 'dev' ? 'dev' : undefined;
    }
    case 'ParenthesizedExpression':
      return polarity(test.expression as Node);
    default:
      return undefined;
  }
}

function lastName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.type === 'MemberExpression' && node.property.type === 'StringLiteral') return node.property.value;
  return undefined;
}

/**
 * Whether `node` runs only in development: the branch of an `if`, `? :` or `&&` whose test is
 * true only there (`process.env.NODE_ENV !== 'production'`, `__DEV__`, `envVersion === 'develop'`,
 * `platform === 'devtools'`), the `else` of one true only in production, or a development
 * `case` of a `switch` on the environment.
 */
export function inDevOnlyBranch(node: Node, ancestors: readonly Node[]): boolean {
  let child = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    if (ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression') {
      if (child === ancestor.consequent && polarity(ancestor.test) === 'dev') return true;
      if (child === ancestor.alternate && polarity(ancestor.test) === 'prod') return true;
    } else if (ancestor.type === 'LogicalExpression' && ancestor.operator === '&&' && child === ancestor.right && polarity(ancestor.left as Node) === 'dev') {
      return true;
    } else if (ancestor.type === 'SwitchCase' && ancestor.test?.type === 'StringLiteral' && DEV_VALUES.has(ancestor.test.value.toLowerCase())) {
      // `switch (envVersion) { case 'develop': … }`
      const owner = ancestors[i - 1];
      if (owner?.type === 'SwitchStatement' && ENV_NAME.test(lastName(owner.discriminant as Node) ?? '')) return true;
    }
    child = ancestor;
  }
  return false;
}

/**
 * Whether `node` is an entry of an environment table other than production, in a table that has a
 * production entry: `{ dev: 'http://localhost:3000', prod: 'https://api.example.com' }`, or an SDK's
 * `{ PRODUCTION: { COMMON: … }, TEST: { COMMON: 'https://test.…' } }`. What ships is the production
 * entry; which one runs is chosen at run time.
 */
export function inEnvironmentTable(node: Node, ancestors: readonly Node[]): boolean {
  let child = node;
  for (let i = ancestors.length - 1; i >= 1; i--) {
    const ancestor = ancestors[i];
    const parent = ancestors[i - 1];
    if (ancestor.type === 'ObjectProperty' && ancestor.value === child && parent.type === 'ObjectExpression') {
      const key = keyName(ancestor);
      if (key && NON_PROD_KEYS.test(key) && parent.properties.some((property) => property.type === 'ObjectProperty' && PROD_KEYS.test(keyName(property) ?? ''))) return true;
    }
    if (!(ancestor.type === 'ObjectProperty' || ancestor.type === 'ObjectExpression')) return false;
    child = ancestor;
  }
  return false;
}

function keyName(property: Node): string | undefined {
  if (property.type !== 'ObjectProperty' || property.computed) return undefined;
  return property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
}
