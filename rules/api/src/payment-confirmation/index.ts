import { defineRule, normalizeRoute, optionValue, type BnCall, type JsFile, type Project } from '@bmplint/core';
import { Confirmations } from '@bmplint/core';
import { describePath, flowOf, lineOf, rememberEach, type Call, type Flow, type Node, type Site, type Trigger } from '@bmplint/core';
import { Screens } from './screen.js';
import { bnSites } from '../sites.js';

const PAYMENT_API = 'requestPayment';
const NAVIGATION_APIS = new Set(['navigateTo', 'redirectTo', 'reLaunch']);
/** Rounds of "pages reached only from a confirmation" (a confirmed page can navigate to another). */
const MAX_ROUNDS = 3;

/** `opener:<test>`: on the path from onLoad, under a test of the page's launch options (the opener decides). */
type State = 'open' | 'confirmed' | `opener:${string}`;

export default defineRule({
  meta: {
    id: 'api/payment-confirmation',
    clauses: ['4.3.2'],
    severity: 'error',
    suppressible: false,
    // The hook follows taps across files (core's flow analysis): it reads ASTs.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    // No js visitors (they would force a walk of every file on every run), yet it checks scripts.
    checksScripts: true,
    docs: { description: 'bn.requestPayment must only run after the user confirmed the payment on screen: a showModal/showActionSheet answer checked before it, or a confirm/pay button on a page that shows the amount.' },
    messages: {
      unconfirmedPayment: '{{api}} is reached from {{trigger}} ({{path}}) with no confirmation before it: show the amount and let the user confirm on screen (bn.showModal and check res.confirm, or a confirm/pay button on a page showing the amount) before paying (4.3.2).',
      lifecyclePayment: '{{api}} runs from the lifecycle hook {{trigger}} ({{path}}), before the user confirmed anything: start the payment from a confirm/pay button, or after bn.showModal returns confirm (4.3.2).',
      openerPayment: '{{api}} runs from the lifecycle hook {{trigger}} ({{path}}) only when the page is opened with {{condition}}: the page or link that opens it decides, and it is not in the bundle. Make sure that opener shows the amount and lets the user confirm, or start the payment from a confirm/pay button here (4.3.2).',
      unresolvedFlow: '{{api}} in {{fn}}: the flow to it could not be followed from a tap or lifecycle hook, and no confirmation (bn.showModal with res.confirm) was found before it; check that the user confirms the payment on screen first (4.3.2).',
    },
  },
  create(context) {
    return {
      // No file visitors: the calls come from each file's scan (kept per file content), so the
      // rule forces no walks; the hook follows the flow from every trigger (ASTs, across files).
      project(project) {
        const sites = bnSites(project);
        const payments = sites.filter((site) => site.call.name === PAYMENT_API);
        if (!payments.length) return;
        const navigations = sites.filter((site) => NAVIGATION_APIS.has(site.call.name));
        const flow = flowOf(project);
        const confirmations = new Confirmations(project, flow);
        const screens = new Screens(project);
        const runs = flow.triggerRuns();
        // Read from every template (and the components they use): kept while none of them changes.
        const navigators = project.remember('api/payment-confirmation/navigators', '', () => new Screens(project).navigators());
        let confirmedPages = new Set<string>();
        let run = explore(flow, runs, confirmedPages);
        for (let round = 1; round < MAX_ROUNDS; round++) {
          const next = pagesReachedOnlyConfirmed(project, run.navigations, navigations, navigators);
          if (sameSet(next, confirmedPages)) break;
          confirmedPages = next;
          run = explore(flow, runs, confirmedPages);
        }
        for (const payment of payments) {
          const api = payment.call.spelling === 'alias' ? `${PAYMENT_API}()` : `bn.${PAYMENT_API}`;
          const reached = run.payments.get(payment.call.node);
          if (reached && !reached.confirmed && reached.opener) {
            context.report({
              file: payment.file.path,
              node: payment.call.node,
              messageId: 'openerPayment',
              data: { api, trigger: reached.trigger.label, path: describePath([...reached.path, api]), condition: reached.opener },
              severity: 'warning',
            });
          } else if (reached && !reached.confirmed) {
            context.report({
              file: payment.file.path,
              node: payment.call.node,
              messageId: reached.trigger.kind === 'lifecycle' ? 'lifecyclePayment' : 'unconfirmedPayment',
              data: { api, trigger: reached.trigger.label, path: describePath([...reached.path, api]) },
              // A custom component's event may fire only after the component asked the user; a tap
              // on a control labelled as paying is the user asking to pay, with the amount not shown.
              confidence: screens.isPayControl(reached.trigger) ? 'low' : reached.trigger.custom ? 'medium' : undefined,
            });
          } else if (!reached && !confirmations.gated(payment.file, payment.call.node, payment.ancestors)) {
            context.report({
              file: payment.file.path,
              node: payment.call.node,
              messageId: 'unresolvedFlow',
              data: { api, fn: `${enclosingName(payment.ancestors)} (${payment.file.path}:${lineOf(payment.file, payment.call.node.start ?? 0)})` },
              confidence: 'low',
            });
          }
        }
      },
    };
  },
});

interface Reached {
  trigger: Trigger;
  path: readonly string[];
  confirmed: boolean;
  /** The launch-option test the payment depends on (`autoPay`), when the opener decides. */
  opener?: string;
}

interface Run {
  payments: Map<Call, Reached>;
  /** Navigation calls reached, with the route they open and whether the user had confirmed. */
  navigations: Map<Call, { route: string | undefined; confirmed: boolean }>;
}

/**
 * What the triggers reach, run by run of `Flow.triggerRuns()` (each run's sum is remembered: a
 * session's re-check explores again only the runs of the units an edit touched), merged in trigger
 * order as one exploration of every trigger would visit them: a payment keeps the first of its
 * worst visits, a navigation is confirmed when every visit is.
 */
function explore(flow: Flow, runs: ReadonlyArray<readonly Trigger[]>, confirmedPages: Set<string>): Run {
  const run: Run = { payments: new Map(), navigations: new Map() };
  const items = runs.map((triggers) => {
    // A page's hooks run after a confirmation when every way into the page is one.
    const inherited = confirmedPages.size && triggers[0]!.kind !== 'event' ? triggers.map((trigger) => trigger.route !== undefined && confirmedPages.has(trigger.route)) : undefined;
    const variant = !inherited?.includes(true) ? 'own' : !inherited.includes(false) ? 'inherited' : inherited.map(Number).join('');
    return { triggers, inherited, key: `${serialOf(triggers[0]!)}:${variant}` };
  });
  for (const sum of rememberEach(flow.project, 'api/payment-confirmation/run', items, (item) => item.key, (item) => exploreRun(flow, item.triggers, item.inherited))) {
    for (const [node, reached] of sum.payments) keepPayment(run, node, reached);
    for (const [node, navigation] of sum.navigations) keepNavigation(run, node, navigation.confirmed, () => navigation.route);
  }
  return run;
}

/** A payment keeps its first visit of the worst kind (unconfirmed, then opener-dependent, then confirmed). */
function keepPayment(run: Run, node: Call, reached: Reached): void {
  const previous = run.payments.get(node);
  if (!previous || rank(reached) > rank(previous)) run.payments.set(node, reached);
}

/** A navigation is confirmed when every visit is; its route is read once. */
function keepNavigation(run: Run, node: Call, confirmed: boolean, route: () => string | undefined): void {
  const previous = run.navigations.get(node);
  if (!previous || previous.confirmed) run.navigations.set(node, { route: previous?.route ?? route(), confirmed: confirmed && (previous?.confirmed ?? true) });
}

/**
 * A number for each trigger object, for keys: a run's triggers are the same objects while its
 * unit's files are unchanged (`Flow.triggerRuns`), so its first trigger's number names the run.
 */
const serials = new WeakMap<Trigger, number>();
let lastSerial = 0;
function serialOf(trigger: Trigger): number {
  let serial = serials.get(trigger);
  if (serial === undefined) serials.set(trigger, (serial = ++lastSerial));
  return serial;
}

const rank = (reached: Reached) => (reached.confirmed ? 0 : reached.opener ? 1 : 2);

/** One run's triggers explored: what `explore` merges (`inherited[i]`: trigger i starts confirmed). */
function exploreRun(flow: Flow, triggers: readonly Trigger[], inherited: readonly boolean[] | undefined): Run {
  const run: Run = { payments: new Map(), navigations: new Map() };
  const screens = new Screens(flow.project);
  const starts = triggers.map((trigger, i) => ({ trigger, state: (inherited?.[i] || screens.isConfirmation(trigger) ? 'confirmed' : 'open') as State }));
  // Each start's step has its own confirmation facts: what a start reaches depends on the files alone.
  const makeStep = () => {
    const confirmations = new Confirmations(flow.project, flow);
    return (state: State, site: Site): State => {
      if (state === 'confirmed' || confirmations.gated(site.owner.file, site.node, site.ancestors)) return 'confirmed';
      if (state !== 'open') return state;
      const test = launchOptionTest(site);
      return test === undefined ? 'open' : `opener:${test}`;
    };
  };
  flow.exploreEach('api/payment-confirmation', starts, makeStep, (site, state, trigger, path) => {
    const confirmed = state === 'confirmed';
    if (site.bn.name === PAYMENT_API) {
      keepPayment(run, site.node, { trigger, path, confirmed, opener: state.startsWith('opener:') ? state.slice('opener:'.length) : undefined });
    } else if (NAVIGATION_APIS.has(site.bn.name)) {
      keepNavigation(run, site.node, confirmed, () => routeOf(flow.project, site.owner.file, site.bn));
    }
  });
  return run;
}

/**
 * For a call written in a page's onLoad(options): the test that gates it when the test reads the
 * launch options, directly (`if (options.autoPay === 'Y')`) or through a local set from them
 * (`const autoPay = options.autoPay === 'Y'; if (autoPay) …`). The page that opens this one decides.
 */
function launchOptionTest(site: Site): string | undefined {
  const fn = site.owner.fn;
  const param = fn.params[0];
  if (site.owner.name !== 'onLoad' || param?.type !== 'Identifier') return undefined;
  const text = site.owner.file.text;
  const body = text.slice(fn.body.start ?? 0, fn.body.end ?? 0);
  const reads = new RegExp(`(?<![\\w$.])${param.name}(?![\\w$])`);
  const names = [param.name];
  for (const match of body.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)/g)) if (reads.test(match[2]!)) names.push(match[1]!);
  const mentions = new RegExp(`(?<![\\w$.])(?:${names.map((name) => name.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);
  const chain = [...site.ancestors, site.node];
  for (let i = 0; i < chain.length - 1; i++) {
    const node = chain[i]!;
    const child = chain[i + 1];
    const test = node.type === 'IfStatement' && child === node.consequent ? node.test
      : node.type === 'ConditionalExpression' && child === node.consequent ? node.test
        : node.type === 'LogicalExpression' && node.operator === '&&' && child === node.right ? node.left : undefined;
    const written = test && text.slice(test.start ?? 0, test.end ?? 0);
    if (written && mentions.test(written)) return written.replace(/\s+/g, ' ').slice(0, 60);
  }
  return undefined;
}

/**
 * Pages every way in to which is a confirmation (a confirmed navigation call or `<navigator>`):
 * their lifecycle hooks run after the user confirmed. The home page and tab pages open directly.
 */
function pagesReachedOnlyConfirmed(
  project: Project,
  reached: Run['navigations'],
  all: ReadonlyArray<{ file: JsFile; call: BnCall }>,
  navigators: ReadonlyArray<{ route: string; confirmed: boolean }>,
): Set<string> {
  const sources = new Map<string, boolean[]>();
  const add = (route: string | undefined, confirmed: boolean) => {
    if (!route) return;
    const list = sources.get(route) ?? [];
    list.push(confirmed);
    sources.set(route, list);
  };
  for (const { file, call } of all) {
    const seen = reached.get(call.node);
    add(seen?.route ?? routeOf(project, file, call), seen?.confirmed ?? false);
  }
  for (const navigator of navigators) add(navigator.route, navigator.confirmed);
  const direct = new Set<string>([project.entryRoute ?? '', ...tabRoutes(project)]);
  const out = new Set<string>();
  for (const [route, list] of sources) if (!direct.has(route) && list.every(Boolean)) out.add(route);
  return out;
}

function routeOf(project: Project, file: JsFile, call: BnCall): string | undefined {
  const url = optionValue(call.options, 'url');
  if (!url) return undefined;
  const known = project.evaluator.stringPrefix(url, file);
  const text = known.value ?? (known.prefix.includes('?') ? known.prefix : undefined);
  return text ? project.routeOfUrl(text, file.path) : undefined;
}

function tabRoutes(project: Project): string[] {
  const tabBar = project.appConfig?.value?.tabBar as { list?: Array<{ pagePath?: unknown }> } | undefined;
  if (!Array.isArray(tabBar?.list)) return [];
  return tabBar.list.map((item) => (typeof item?.pagePath === 'string' ? normalizeRoute(item.pagePath) : '')).filter(Boolean);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** The name of the function a call is in, for messages. */
function enclosingName(ancestors: readonly Node[]): string {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    const parent = ancestors[i - 1];
    if (node.type === 'FunctionDeclaration' && node.id) return `${node.id.name}()`;
    if ((node.type === 'ObjectMethod' || node.type === 'ClassMethod') && node.key.type === 'Identifier') return `${node.key.name}()`;
    if ((node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && parent) {
      if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `${parent.id.name}()`;
      if (parent.type === 'ObjectProperty' && parent.key.type === 'Identifier' && !['success', 'fail', 'complete'].includes(parent.key.name)) return `${parent.key.name}()`;
    }
  }
  return 'top-level code';
}
