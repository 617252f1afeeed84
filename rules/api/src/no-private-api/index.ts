import { defineRule, isBinanceMember, walkJs, type JsFile, type JsNode as Node, type Project, type ReportDescriptor } from '@bmplint/core';
import { closestPublicName } from '../api-names.js';
import { binanceAlternative, platformOf } from '../platforms.js';

/** Words that start a flag or helper named for a feature check: `canIUseNextTick()`, `this._useWorklet`, `hasChooseMedia`. */
const CHECK_PREFIXES = ['caniuse', 'can', 'use', 'has', 'is', 'support', 'supports', 'supported', 'enable', 'with'];

export default defineRule({
  meta: {
    id: 'api/no-private-api',
    clauses: ['4.1.1'],
    severity: 'error',
    suppressible: false,
    docs: { description: 'Only public bn.* APIs may be used: no private members, no APIs the official type package and documentation do not know.' },
    messages: {
      privateMember: '{{api}} is a private member of the mini program runtime: names starting with "_" are internals, not public API, and can change or vanish with any client release (4.1.1).',
      otherPlatformApi: '{{api}} is {{platform}} API ({{spelled}}), not a Binance one: it is undefined on Binance, so the code using it fails at run time{{instead}} (4.1.1).',
      unknownApi: '{{api}} is not a public Binance mini program API{{hint}}: where the runtime lacks it the code using it fails, and an internal one can change with any client release. Only the APIs of @binance/mp-service and the official documentation may be used (4.1.1).',
    },
    // One finding per API name: the 120 calls of one missing API are one problem.
    subject: ['name'],
    projectInput: 'facts',
  },
  create(context) {
    return {
      js: {
        bnMember({ name, expression, spelling }) {
          if (isBinanceMember(name) || !context.file) return;
          const parent = context.ancestors[context.ancestors.length - 1];
          if (parent?.type === 'AssignmentExpression' && parent.left === expression) {
            context.record({ assigned: name } satisfies Fact);
            return;
          }
          if (isFeatureDetected(name, expression, context.ancestors, initOf(context.project, context.jsFile))) return;
          const span = { start: expression.start ?? 0, end: expression.end ?? 0 };
          context.record({ use: { name, imported: spelling === 'import', span } } satisfies Fact);
        },
      },
      // Findings wait for the project hook: a name the app assigns itself anywhere is not an API.
      project() {
        const facts = context.facts() as ReadonlyMap<string, readonly Fact[]>;
        const assigned = new Set<string>();
        for (const list of facts.values()) for (const fact of list) if ('assigned' in fact) assigned.add(fact.assigned);
        for (const [file, list] of facts) {
          for (const fact of list) {
            if ('use' in fact && !assigned.has(fact.use.name)) context.report({ file, span: fact.use.span, ...describe(fact.use.name, fact.use.imported) });
          }
        }
      },
    };
  },
});

/** What a file tells the project hook: a name it assigns on `bn`, or a use of a name that is not public API. */
type Fact = { assigned: string } | { use: { name: string; imported: boolean; span: { start: number; end: number } } };

/** The message of a name that is not public API: private, another platform's, or unknown. */
function describe(name: string, imported: boolean): Omit<ReportDescriptor, 'file' | 'span'> {
  const api = imported ? `"${name}" (imported from @binance/mp-service)` : `bn.${name}`;
  if (name.startsWith('_')) return { messageId: 'privateMember', data: { name, api } };
  const origin = platformOf(name);
  if (origin) {
    const alternative = binanceAlternative(name);
    return {
      messageId: 'otherPlatformApi',
      data: {
        name, api,
        platform: `${article(origin.labels[0])} ${listOf(origin.labels)}`,
        spelled: origin.spelled,
        instead: alternative ? `; use ${alternative.how} instead` : '',
      },
      suggestion: alternative?.use,
    };
  }
  const closest = closestPublicName(name);
  return {
    messageId: 'unknownApi',
    data: { name, api, hint: closest ? ` (did you mean ${imported ? closest : `bn.${closest}`}?)` : '' },
    suggestion: closest,
  };
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');
const listOf = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/**
 * Code that checks an API exists before using it does not depend on it, and the check itself is no
 * use of the API: multi-platform component libraries do this, and the guarded call never runs where
 * the API is missing. Recognised: `bn.x?.()`, `bn.x?.y`, `typeof bn.x`, `!bn.x`, `if (bn.x)`,
 * `bn.x ? … : …`, `bn.x && …`, and any use inside a branch whose test reads `<…>.x`, passes the
 * name as a string (`bn.canIUse('x')`) or calls a helper or reads a flag named for it
 * (`canIUseNextTick()`, `this._useWorklet`). Such code gets no finding at all: it is no evidence
 * of a call that fails.
 */
function isFeatureDetected(name: string, expression: Node, ancestors: readonly Node[], resolve: Resolve): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'UnaryExpression' && (parent.operator === 'typeof' || parent.operator === '!')) return true;
  if ((parent?.type === 'OptionalCallExpression' && parent.callee === expression && parent.optional)
    || (parent?.type === 'OptionalMemberExpression' && parent.object === expression && parent.optional)) return true;
  let child: Node = expression;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i];
    const test = ancestor.type === 'IfStatement' || ancestor.type === 'ConditionalExpression' ? ancestor.test
      : ancestor.type === 'LogicalExpression' && (ancestor.operator === '&&' || ancestor.operator === '||' || ancestor.operator === '??') ? ancestor.left : undefined;
    if (test && (contains(test, expression) || mentions(test, name, resolve))) return true;
    // `if (!bn.x) return;` earlier in the same block guards what follows.
    if ((ancestor.type === 'BlockStatement' || ancestor.type === 'Program') && earlierExitGuard(ancestor.body as Node[], child, name, resolve)) return true;
    child = ancestor;
  }
  return false;
}

/** The initial value of a name in scope, to read a flag set once (`const canIUse = bn.canIUse('x')`). */
type Resolve = (identifier: Node) => Node | undefined;

function initOf(project: Project, file: JsFile | undefined): Resolve {
  const scope = file ? project.scopeOf(file) : undefined;
  return (identifier) => {
    if (!scope || identifier.type !== 'Identifier') return undefined;
    const binding = scope.lookup(identifier.name, identifier.start ?? 0);
    const source = binding?.source;
    return source && (source.kind === 'init' || (source.kind === 'mutable' && !scope.reassigned.has(identifier.name))) ? source.init : undefined;
  };
}

/** An `if (…) return|throw` before `child` in a statement list whose test mentions the API. */
function earlierExitGuard(body: readonly Node[], child: Node, name: string, resolve: Resolve): boolean {
  for (const statement of body) {
    if (statement === child) return false;
    if (statement.type === 'IfStatement' && !statement.alternate && exits(statement.consequent) && mentions(statement.test, name, resolve)) return true;
  }
  return false;
}

function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = statement.body[statement.body.length - 1];
    return !!last && (last.type === 'ReturnStatement' || last.type === 'ThrowStatement');
  }
  return false;
}

/**
 * Whether a test reads `<x>.name`, passes the name as a string (`canIUse('name')`,
 * `canIUse('bn.name()')`), names a helper or flag for it, or reads a name set once to such a test.
 */
function mentions(test: Node, name: string, resolve: Resolve, depth = 0): boolean {
  let found = false;
  walkJs(test, {
    enter(node) {
      if (found) return false;
      if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier'
        && (node.property.name === name || namesCheck(node.property.name, name))) found = true;
      else if (node.type === 'StringLiteral' && namesApi(node.value, name)) found = true;
      else if (node.type === 'Identifier' && namesCheck(node.name, name)) found = true;
      else if (node.type === 'Identifier' && depth < 2) {
        const init = resolve(node);
        if (init && mentions(init, name, resolve, depth + 1)) found = true;
      }
    },
  });
  return found;
}

/** `canIUse` arguments: `name`, `name.success.x`, `bn.name`, `wx.name()`. */
function namesApi(value: string, name: string): boolean {
  const bare = value.replace(/^(?:bn|wx|my|tt|swan|qq)\./, '').replace(/\(\)$/, '');
  return bare === name || bare.startsWith(`${name}.`);
}

/** `canIUseNextTick`, `_useWorklet`, `hasChooseMedia`, `isSupportRouter` for the API `nextTick`, `worklet`, … */
function namesCheck(identifier: string, api: string): boolean {
  const lower = identifier.replace(/^_+/, '').toLowerCase();
  const target = api.toLowerCase();
  if (!lower.endsWith(target)) return false;
  const prefix = lower.slice(0, lower.length - target.length).replace(/_+$/, '');
  return CHECK_PREFIXES.includes(prefix) || CHECK_PREFIXES.some((word) => prefix.startsWith(word) && CHECK_PREFIXES.includes(prefix.slice(word.length)));
}

const contains = (outer: Node, inner: Node) => (outer.start ?? 0) <= (inner.start ?? 0) && (inner.end ?? 0) <= (outer.end ?? 0);
