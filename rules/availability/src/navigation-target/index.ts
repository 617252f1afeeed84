import {
  defineRule, dirnameOf, eventOfAttribute, getAttribute, joinPath, optionValue, scriptMentions, staticAttributeValue,
  type BxmlAttribute, type BxmlElement, type JsNode, type Project, type ReportTarget,
} from '@bmplint/core';
import { pageListIsComplete, tabListIsComplete, tabRoutesOf } from '../unknown-page/page-list.js';
import { isVendorOrTest, openedRoutes, pageLinkRecorder, pageOfFile, type LinkFact } from '../page-links.js';
import { dataKeyOf, deadCallbackApi, gatesOf, hiddenBy, isHandlerMethod, pageMethodOf, valueKind, type DataFact, type Gate, type Hidden } from './hidden.js';

type RoutingApi = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab';

const ROUTING_APIS = new Set<string>(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']);
/** `<navigator open-type>` values that open a page, and the API each one behaves as. */
const OPEN_TYPES: Record<string, RoutingApi> = { navigate: 'navigateTo', redirect: 'redirectTo', reLaunch: 'reLaunch', switchTab: 'switchTab' };
/** The end of a URL's route part: once the known prefix of a dynamic URL contains it, the route is complete. */
const ROUTE_END = /[?#]/;

interface Navigation {
  /** How the code navigates, for messages: `bn.navigateTo` or `<navigator open-type="switchTab">`. */
  via: string;
  api: RoutingApi;
  navigator: boolean;
  url: string;
  fromPath: string;
  target: ReportTarget;
}

/** Messages of navigations that fail; each has a variant for a page that nothing in the app opens. */
const FAILS = {
  unknownPage: '{{via}} to "{{url}}" fails: there is no page {{route}} in the app config (6.3).',
  switchTabToNonTab: '{{via}} to "{{url}}" fails: {{route}} is not a tabBar page, and switchTab opens only tab pages. Use {{fix}} instead (6.3).',
  tabPageNeedsSwitchTab: '{{via}} to "{{url}}" fails: {{route}} is a tabBar page, which the platform opens only with switchTab. Use {{fix}} instead (6.3).',
} as const;
type FailId = keyof typeof FAILS;
const ON_UNOPENED_PAGE = ' — on {{page}}, which nothing in the app opens (not the home page or a tab, and neither a page a user can reach nor the app\'s shared code names it)';
const ON_HIDDEN = ' — it can run only from markup shown when {{key}} has a value';
const NEVER_SET = `${ON_HIDDEN}, and this page never gives {{key}} one`;
const SET_BY_MISSING_API = `${ON_HIDDEN}, and this page gives {{key}} one only in callbacks of bn.{{api}}, which Binance does not have: the call fails before any callback runs`;

/**
 * What the visitors record (facts, cached with the file): a page this file names; a failing
 * navigation, with the page method it runs in or the data gates of its navigator; a template's
 * handler bindings with their gates, and the templates it loads; what a page script writes to its
 * data (hidden.ts). The project hook weighs each failing navigation by whether a user can reach
 * the page, and the markup that starts it.
 */
type Fact =
  | LinkFact
  | DataFact
  | { t: 'fails'; span: { start: number; end: number }; messageId: FailId; data: Record<string, string>; method?: string; gates?: Gate[] }
  /** `bindtap="toDetail"` under these gates. */
  | { t: 'bound'; handler: string; gates: Gate[] }
  /** A binding whose handler is computed: it may call any method. */
  | { t: 'boundAny' }
  /** `<import src>` / `<include src>`: templates whose bindings run on this template's page. */
  | { t: 'loads'; src: string };

export default defineRule({
  meta: {
    id: 'availability/navigation-target',
    clauses: ['6.3'],
    severity: 'error',
    suppressible: true,
    docs: { description: 'Navigations (bn.navigateTo, redirectTo, reLaunch, switchTab and <navigator>) must go to a declared page, with the API that page type allows.' },
    // Visitors record failing navigations and the pages each file names; the hook weighs each by whether its page is reachable.
    projectInput: 'facts',
    messages: {
      ...FAILS,
      unknownPageOnUnopenedPage: FAILS.unknownPage + ON_UNOPENED_PAGE,
      switchTabToNonTabOnUnopenedPage: FAILS.switchTabToNonTab + ON_UNOPENED_PAGE,
      tabPageNeedsSwitchTabOnUnopenedPage: FAILS.tabPageNeedsSwitchTab + ON_UNOPENED_PAGE,
      unknownPageOnNeverSetData: FAILS.unknownPage + NEVER_SET,
      switchTabToNonTabOnNeverSetData: FAILS.switchTabToNonTab + NEVER_SET,
      tabPageNeedsSwitchTabOnNeverSetData: FAILS.tabPageNeedsSwitchTab + NEVER_SET,
      unknownPageOnDataFromMissingApi: FAILS.unknownPage + SET_BY_MISSING_API,
      switchTabToNonTabOnDataFromMissingApi: FAILS.switchTabToNonTab + SET_BY_MISSING_API,
      tabPageNeedsSwitchTabOnDataFromMissingApi: FAILS.tabPageNeedsSwitchTab + SET_BY_MISSING_API,
      rootRelative: '{{via}} to "{{url}}": relative to this page it names no page ({{route}}), but from the app root it names {{rootRoute}}. Which one the platform opens is not documented: write "/{{rootRoute}}" (6.3).',
      tabPageIsThisPage: '{{via}} to "{{url}}" fails: {{route}} is a tabBar page, which the platform opens only with switchTab. It is the page this code runs on, so the user stays where they are; use {{fix}} if it should open again, or remove the call (6.3).',
    },
  },
  create(context) {
    const project = context.project;
    let pageFiles: Set<string> | undefined;
    let tabRoutes: Set<string> | undefined;
    const record = (fact: Fact) => context.record(fact);
    const pageLinks = pageLinkRecorder(project, record);
    const ownCode = () => {
      const path = context.file?.path;
      return path !== undefined && !isVendorOrTest(path) ? path : undefined;
    };
    /** Per file, the facts already recorded (a template binds one handler many times, a script writes one key often). */
    let recorded: { path: string; keys: Set<string> } | undefined;
    const recordOnce = (fact: Fact) => {
      const path = context.file?.path ?? '';
      if (recorded?.path !== path) recorded = { path, keys: new Set() };
      const key = JSON.stringify(fact);
      if (recorded.keys.has(key)) return;
      recorded.keys.add(key);
      record(fact);
    };
    const isPageFile = (path: string, kind: 'script' | 'template') => {
      const route = pageOfFile(project).get(path);
      return route !== undefined && project.pageByRoute.get(route)?.files[kind] === path;
    };
    /** The page method a navigation in a page script runs in, when only the page's markup can start it. */
    const startedByMarkup = (): string | undefined => {
      const file = context.jsFile;
      if (!file || !isPageFile(file.path, 'script')) return undefined;
      const method = pageMethodOf(context.ancestors);
      if (!method || !isHandlerMethod(method)) return undefined;
      // Named nowhere else in its script: no `this.toDetail()`, no `this[name]` with it spelled out.
      if (mentionCounts?.path !== file.path) mentionCounts = { path: file.path, counts: new Map() };
      let mentions = mentionCounts.counts.get(method);
      if (mentions === undefined) {
        let count = 0;
        scriptMentions(file.text, new Set([method]), () => count++);
        mentionCounts.counts.set(method, (mentions = count));
      }
      return mentions === 1 ? method : undefined;
    };
    /** How often the current script names each method asked about (once per file and name). */
    let mentionCounts: { path: string; counts: Map<string, number> } | undefined;
    const failsAt = (target: ReportTarget, messageId: FailId, data: Record<string, string>, where: { method?: string; gates?: Gate[] }) => {
      const { start, end } = spanOf(target);
      record({ t: 'fails', span: { start, end }, messageId, data, ...where });
    };

    const check = (navigation: Navigation, where: () => { method?: string; gates?: Gate[] }) => {
      const fails = (target: ReportTarget, messageId: FailId, data: Record<string, string>) => failsAt(target, messageId, data, where());
      if (!pageListIsComplete(project)) return;
      // A relative URL resolves against the page shown at run time: known only in a page's own files.
      pageFiles ??= new Set(project.pages.flatMap((page) => [page.files.script, page.files.template].filter((path): path is string => !!path)));
      if (!navigation.url.startsWith('/') && !pageFiles.has(navigation.fromPath)) return;
      const route = project.routeOfUrl(navigation.url, navigation.fromPath);
      if (route === undefined) return;
      const data = { via: navigation.via, url: navigation.url, route };
      if (!project.pageByRoute.has(route)) {
        // `url: 'pages/a/index'` (no `./`, no `/`): Binance's own demo writes root paths this way.
        const rootRoute = /^[^./]/.test(navigation.url) ? project.routeOfUrl(`/${navigation.url}`, navigation.fromPath) : undefined;
        if (rootRoute && project.pageByRoute.has(rootRoute)) {
          context.report({ node: navigation.target, messageId: 'rootRelative', data: { ...data, rootRoute }, confidence: 'low' });
        } else {
          fails(navigation.target, 'unknownPage', data);
        }
        return;
      }
      if (!tabListIsComplete(project)) return;
      tabRoutes ??= tabRoutesOf(project);
      const isTab = tabRoutes.has(route);
      if (navigation.api === 'switchTab' && !isTab) {
        const fix = navigation.navigator ? 'open-type="navigate" or "redirect"' : 'bn.navigateTo or bn.redirectTo';
        fails(navigation.target, 'switchTabToNonTab', { ...data, fix });
      } else if ((navigation.api === 'navigateTo' || navigation.api === 'redirectTo') && isTab) {
        const fix = navigation.navigator ? 'open-type="switchTab" (or "reLaunch")' : 'bn.switchTab (or bn.reLaunch)';
        // A tab page navigating to itself: the call fails, but nothing visible breaks.
        const own = project.pageByRoute.get(route)?.files;
        if (own && (own.script === navigation.fromPath || own.template === navigation.fromPath)) {
          context.report({ node: navigation.target, messageId: 'tabPageIsThisPage', data: { ...data, fix }, severity: 'warning' });
        } else {
          fails(navigation.target, 'tabPageNeedsSwitchTab', { ...data, fix });
        }
      }
    };

    /** What a call in a page script writes to the page's data (hidden.ts `DataFact`). */
    const recordDataWrites = (node: Extract<JsNode, { type: 'CallExpression' }>, file: NonNullable<typeof context.jsFile>) => {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === 'Page') {
        const object = node.arguments[0];
        if (object?.type !== 'ObjectExpression' || object.properties.some((property) => property.type === 'SpreadElement' || ['behaviors', 'mixins'].includes(dataKeyOf(property)?.key ?? ''))) {
          recordOnce({ t: 'anyData' });
          return;
        }
        recordOnce({ t: 'page' });
        const data = object.properties.find((property) => property.type === 'ObjectProperty' && dataKeyOf(property)?.key === 'data');
        if (data?.type === 'ObjectProperty') recordWrites(data.value, undefined);
        return;
      }
      const thisAliases = (argument: JsNode) => argument.type === 'ThisExpression' || (argument.type === 'Identifier' && isThisAlias(project, file, argument));
      if (isSetData(callee) && !thisAliases(callee.object)) {
        recordOutsideWrites(node, file);
      } else if (isSetData(callee)) {
        const index = project.bnApi(file);
        const scope = project.scopeOf(file);
        recordWrites(node.arguments[0], index && scope ? deadCallbackApi(context.ancestors, index, scope) : undefined);
      } else if (node.arguments.some(thisAliases)) {
        // The page handed to a helper, which may write its data.
        recordOnce({ t: 'anyData' });
      }
    };
    /** `prevPage.setData({ list })`: keys another unit's data gets (a component's own `this.setData` is its data, not a page's). */
    const recordOutsideWrites = (node: Extract<JsNode, { type: 'CallExpression' }>, file: NonNullable<typeof context.jsFile>) => {
      const callee = node.callee;
      if (!isSetData(callee) || callee.object.type === 'ThisExpression' || (callee.object.type === 'Identifier' && isThisAlias(project, file, callee.object))) return;
      const object = node.arguments[0];
      if (object?.type !== 'ObjectExpression') recordOnce({ t: 'setsFromOutside', key: '*' });
      else for (const property of object.properties) recordOnce({ t: 'setsFromOutside', key: dataKeyOf(property)?.key ?? '*' });
    };
    const recordWrites = (object: JsNode | undefined, deadVia: string | undefined) => {
      if (object?.type !== 'ObjectExpression') {
        recordOnce({ t: 'anyData' });
        return;
      }
      for (const property of object.properties) {
        const written = dataKeyOf(property);
        if (!written || property.type === 'SpreadElement') recordOnce({ t: 'anyData' });
        else if (deadVia) recordOnce({ t: 'setsVia', key: written.key, api: deadVia });
        // A path (`'todoList[0].done'`) fills what it writes into.
        else recordOnce({ t: 'sets', key: written.key, value: written.path || property.type !== 'ObjectProperty' ? 'value' : valueKind(property.value) });
      }
    };

    return {
      js: {
        StringLiteral(node) {
          const path = ownCode();
          if (path !== undefined) pageLinks.text(path, node.value);
        },
        TemplateLiteral(node) {
          const path = ownCode();
          if (path !== undefined) for (const quasi of node.quasis) pageLinks.text(path, quasi.value.cooked ?? quasi.value.raw);
        },
        bnCall(call) {
          const file = context.file;
          if (!ROUTING_APIS.has(call.name) || file?.kind !== 'js') return;
          const urlNode = optionValue(call.options, 'url');
          if (!urlNode) return;
          const known = project.evaluator.stringPrefix(urlNode, file);
          // A dynamic URL is checked only when its route part is complete (`'/pages/a/index?id=' + id`).
          const url = known.value ?? (ROUTE_END.test(known.prefix) ? known.prefix : undefined);
          if (url === undefined) return;
          check({ via: `bn.${call.name}`, api: call.name as RoutingApi, navigator: false, url, fromPath: file.path, target: urlNode }, () => {
            const method = startedByMarkup();
            return method ? { method } : {};
          });
        },
        bnMember({ name, expression }) {
          const parent = context.ancestors[context.ancestors.length - 1];
          // `bn.cloud = shim`: the app defines the name, so calls through it work.
          if (parent?.type === 'AssignmentExpression' && parent.left === expression) recordOnce({ t: 'assigns', name });
        },
        AssignmentExpression(node) {
          const left = node.left;
          const name = left.type === 'Identifier' ? left.name : left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' ? left.property.name : undefined;
          if (name === 'Page') recordOnce({ t: 'wrapsPage' });
        },
        CallExpression(node) {
          const file = context.jsFile;
          if (!file) return;
          if (isPageFile(file.path, 'script')) recordDataWrites(node, file);
          else recordOutsideWrites(node, file);
        },
      },
      bxml: {
        attribute(attribute) {
          const path = ownCode();
          if (path !== undefined) pageLinks.attribute(path, attribute);
          if (attribute.name.startsWith('model:')) {
            // Two-way binding: the user's input writes the key.
            const [expression] = attribute.expressions;
            recordOnce({ t: 'setsFromOutside', key: expression?.ast?.type === 'Identifier' ? expression.ast.name : '*' });
          }
          if (!eventOfAttribute(attribute.name) || attribute.value === null) return;
          const handler = attribute.value.trim();
          if (!attribute.expressions.length && /^[A-Za-z_$][\w$]*$/.test(handler)) recordOnce({ t: 'bound', handler, gates: gatesOf(attribute.element) });
          else if (handler) recordOnce({ t: 'boundAny' });
        },
        element(element) {
          const file = context.file;
          if (!file) return;
          if (element.name === 'import' || element.name === 'include') {
            const src = getAttribute(element, 'src');
            const value = src ? staticAttributeValue(src) : undefined;
            if (value) recordOnce({ t: 'loads', src: value });
            else if (src) recordOnce({ t: 'boundAny' });
          }
          if (element.name !== 'navigator') return;
          const navigation = navigatorTarget(element);
          if (navigation) check({ ...navigation, fromPath: file.path }, () => (isPageFile(file.path, 'template') ? { gates: gatesOf(element) } : {}));
        },
      },
      project() {
        const links: Array<[string, string]> = [];
        const failing: Array<{ file: string; fact: Extract<Fact, { t: 'fails' }> }> = [];
        const assigned = new Set<string>();
        const written = new Set<string>();
        let pageWrapped = false;
        const facts = context.facts() as ReadonlyMap<string, readonly Fact[]>;
        for (const [file, list] of facts) {
          const summary = summaryOf(list);
          for (const route of summary.links) links.push([file, route]);
          for (const fact of summary.failing) failing.push({ file, fact });
          for (const name of summary.assigned) assigned.add(name);
          pageWrapped ||= summary.wrapsPage;
          // A library's writes go to its own components (a tab bar updating its tabs), not to the app's pages.
          if (summary.writtenFromOutside.length && !project.vendorOf(file)) for (const key of summary.writtenFromOutside) written.add(key);
        }
        if (!failing.length) return;
        // A broken link on a page no user can reach from the app (only, say, a server-fed banner
        // could open it), or started only by markup that never renders, is weaker evidence: a
        // warning that says why (docs/severity.md).
        const opened = openedRoutes(project, links);
        for (const { file, fact } of failing) {
          const page = pageOfFile(project).get(file);
          if (page !== undefined && !opened.has(page)) {
            context.report({ file, span: fact.span, messageId: `${fact.messageId}OnUnopenedPage`, data: { ...fact.data, page }, severity: 'warning' });
            continue;
          }
          const hidden = page === undefined ? undefined : hiddenOn(project, page, fact, facts, { assigned, written, pageWrapped });
          if (hidden) {
            const messageId = hidden.api ? `${fact.messageId}OnDataFromMissingApi` : `${fact.messageId}OnNeverSetData`;
            context.report({ file, span: fact.span, messageId, data: { ...fact.data, key: hidden.key, ...(hidden.api ? { api: hidden.api } : {}) }, severity: 'warning' });
          } else {
            context.report({ file, span: fact.span, messageId: fact.messageId, data: fact.data });
          }
        }
      },
    };
  },
});

/** What the project hook takes from one file's facts (the rest are read by `hiddenOn` for the failing pages alone). */
interface FactSummary {
  links: string[];
  failing: Array<Extract<Fact, { t: 'fails' }>>;
  assigned: string[];
  wrapsPage: boolean;
  writtenFromOutside: string[];
}

/**
 * Per facts list: a session hands the hook the same list for a file while it is unchanged, so an
 * edit costs that file's facts, not a pass over every fact of the bundle.
 */
const summaries = new WeakMap<readonly Fact[], FactSummary>();

function summaryOf(list: readonly Fact[]): FactSummary {
  let summary = summaries.get(list);
  if (summary) return summary;
  summary = { links: [], failing: [], assigned: [], wrapsPage: false, writtenFromOutside: [] };
  for (const fact of list) {
    if (fact.t === 'link') summary.links.push(fact.route);
    else if (fact.t === 'fails') summary.failing.push(fact);
    else if (fact.t === 'assigns') summary.assigned.push(fact.name);
    else if (fact.t === 'wrapsPage') summary.wrapsPage = true;
    else if (fact.t === 'setsFromOutside') summary.writtenFromOutside.push(fact.key);
  }
  summaries.set(list, summary);
  return summary;
}

/** What a `<navigator>` opens, when it opens a page of this app and its URL's route is static. */
function navigatorTarget(element: BxmlElement): Omit<Navigation, 'fromPath'> | undefined {
  // `target="miniProgram"` (another app) or `"deeplink"`: the url is not a page of this app.
  const target = getAttribute(element, 'target');
  if (target && staticAttributeValue(target) !== 'self') return undefined;
  const openTypeAttribute = getAttribute(element, 'open-type');
  const openType = openTypeAttribute ? staticAttributeValue(openTypeAttribute) : 'navigate';
  const api = openType === undefined ? undefined : OPEN_TYPES[openType];
  if (!api) return undefined; // navigateBack, exit, or not static
  const urlAttribute = getAttribute(element, 'url');
  const url = urlAttribute ? knownUrl(urlAttribute) : undefined;
  if (url === undefined || !urlAttribute) return undefined;
  const via = openTypeAttribute ? `<navigator open-type="${openType}">` : '<navigator>';
  return { via, api, navigator: true, url, target: urlAttribute };
}

/** The attribute's URL when static, or its text before the first `{{` when that already ends the route. */
function knownUrl(attribute: BxmlAttribute): string | undefined {
  if (attribute.value === null) return undefined;
  const first = attribute.expressions[0];
  if (!first) return attribute.value;
  const prefix = attribute.value.slice(0, first.start - attribute.valueStart);
  return ROUTE_END.test(prefix) ? prefix : undefined;
}

/** Offsets of what a finding points at: a JS node or a template attribute. */
function spanOf(target: ReportTarget): { start: number; end: number } {
  const { start, end } = target as { start?: number | null; end?: number | null };
  return { start: start ?? 0, end: end ?? 0 };
}

/**
 * Which data gate keeps a failing navigation of `page` from ever running (hidden.ts): a navigator
 * in the page's template under that gate, or a page method that only the page's markup binds,
 * every binding of it under such a gate (in the template and the templates it imports or includes).
 */
function hiddenOn(project: Project, page: string, fact: Extract<Fact, { t: 'fails' }>, facts: ReadonlyMap<string, readonly Fact[]>, outside: Parameters<typeof hiddenBy>[2]): Hidden | undefined {
  const files = project.pageByRoute.get(page)?.files;
  const data = (files?.script ? facts.get(files.script) : undefined) as readonly DataFact[] | undefined;
  if (!files?.template || !data) return undefined;
  if (fact.gates) return hiddenBy(fact.gates, data, outside);
  if (!fact.method) return undefined;
  let hidden: Hidden | undefined;
  let bindings = 0;
  const seen = new Set<string>();
  const pending = [files.template];
  for (let template = pending.pop(); template !== undefined; template = pending.pop()) {
    if (seen.has(template)) continue;
    seen.add(template);
    for (const templateFact of facts.get(template) ?? []) {
      if (templateFact.t === 'boundAny') return undefined;
      if (templateFact.t === 'loads') {
        const loaded = templatePath(project, template, templateFact.src);
        if (loaded) pending.push(loaded);
      } else if (templateFact.t === 'bound' && templateFact.handler === fact.method) {
        bindings++;
        const gate = hiddenBy(templateFact.gates, data, outside);
        if (!gate) return undefined;
        hidden ??= gate;
      }
    }
  }
  // A method no binding names is left to the severity policy (a method nothing calls).
  return bindings ? hidden : undefined;
}

/** An `<import>` or `<include>` src: from the app root when absolute, else from the template's folder. */
function templatePath(project: Project, from: string, src: string): string | undefined {
  const base = src.startsWith('/') ? joinPath(project.appRoot.replace(/\/$/, ''), src.slice(1)) : joinPath(dirnameOf(from), src);
  if (base === undefined) return undefined;
  return project.bundle.has(base) ? base : `${base}.bxml`;
}

/** `that` after `const that = this`. */
function isThisAlias(project: Project, file: Parameters<Project['scopeOf']>[0], node: Extract<JsNode, { type: 'Identifier' }>): boolean {
  const source = project.scopeOf(file)?.lookup(node.name, node.start ?? 0)?.source;
  return (source?.kind === 'init' || source?.kind === 'mutable') && source.init?.type === 'ThisExpression';
}

/** `x.setData` (an object's own, or another's). */
function isSetData(callee: JsNode): callee is Extract<JsNode, { type: 'MemberExpression' | 'OptionalMemberExpression' }> {
  return (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'setData';
}
