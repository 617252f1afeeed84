import { defineRule, walkJs, type JsNode as Node } from '@bmplint/core';
import { PUBLIC_API, closestPublicName } from '../api-names.js';

/**
 * Names that are not APIs: what every object inherits (feature checks such as `bn.hasOwnProperty('x')`)
 * and module interop (`require('@binance/mp-service').default`, `import { default as mp }`, `__esModule`).
 */
const NOT_API = new Set(['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'toLocaleString', 'valueOf', 'default', '__esModule']);

export default defineRule({
  meta: {
    id: 'api/no-private-api',
    clauses: ['4.1.1'],
    severity: 'error',
    suppressible: false,
    docs: { description: 'Only public bn.* APIs may be used: no private members, no APIs the official type package and documentation do not know.' },
    messages: {
      privateMember: '{{api}} is a private member of the mini program runtime: names starting with "_" are internals, not public API (4.1.1).',
      unknownApi: '{{api}} is not a public Binance mini program API{{hint}}: only the APIs of @binance/mp-service and the official documentation may be used (4.1.1).',
    },
  },
  create(context) {
    return {
      js: {
        bnMember({ name, expression, spelling }) {
          if (PUBLIC_API.has(name) || NOT_API.has(name) || isFeatureDetected(name, expression, context.ancestors)) return;
          const api = spelling === 'import' ? `"${name}" (imported from @binance/mp-service)` : `bn.${name}`;
          if (name.startsWith('_')) {
            context.report({ node: expression, messageId: 'privateMember', data: { name, api } });
            return;
          }
          const closest = closestPublicName(name);
          context.report({
            node: expression,
            messageId: 'unknownApi',
            data: { name, api, hint: closest ? ` (did you mean ${spelling === 'import' ? closest : `bn.${closest}`}?)` : '' },
            suggestion: closest,
          });
        },
      },
    };
  },
});

/**
 * Code that checks an API exists before using it (`bn.nextTick ? bn.nextTick(f) : setTimeout(f)`,
 * `if (bn.canIUse('x'))`, `typeof bn.x === 'function'`) does not depend on it: component libraries
 * written for several platforms do this, and the guarded call never runs where the API is missing.
 */
function isFeatureDetected(name: string, expression: Node, ancestors: readonly Node[]): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return true;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    const test = ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression' ? ancestor.test
      : ancestor.type === 'LogicalExpression' && (ancestor.operator === '&&' || ancestor.operator === '||') ? ancestor.left : undefined;
    if (!test) continue;
    if (contains(test, expression) || mentions(test, name)) return true;
  }
  return false;
}

/** Whether a test reads `<x>.name`, passes the name as a string (`canIUse('name')`) or calls a helper named for it. */
function mentions(test: Node, name: string): boolean {
  let found = false;
  walkJs(test, {
    enter(node) {
      if (found) return false;
      if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier' && node.property.name === name) found = true;
      else if (node.type === 'StringLiteral' && (node.value === name || node.value.startsWith(`${name}.`))) found = true;
      // A helper named for the check: `if (canIUseNextTick())` guards `bn.nextTick`.
      else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name.toLowerCase().includes(name.toLowerCase())) found = true;
    },
  });
  return found;
}

const contains = (outer: Node, inner: Node) => (outer.start ?? 0) <= (inner.start ?? 0) && (inner.end ?? 0) <= (outer.end ?? 0);
