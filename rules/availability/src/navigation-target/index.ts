import { defineRule, getAttribute, optionValue, staticAttributeValue, type BxmlAttribute, type BxmlElement, type ReportTarget } from '@bmplint/core';
import { pageListIsComplete, tabListIsComplete, tabRoutesOf } from '../unknown-page/page-list.js';
import { isVendorOrTest, openedRoutes, pageLinkRecorder, pageOfFile, type LinkFact } from '../page-links.js';

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

/**
 * What the visitors record (facts, cached with the file): a page this file names, and a failing
 * navigation, reported by the project hook once it knows whether a user can reach the page it is on.
 */
type Fact = LinkFact | { t: 'fails'; span: { start: number; end: number }; messageId: FailId; data: Record<string, string> };

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
    const fails = (target: ReportTarget, messageId: FailId, data: Record<string, string>) => {
      const { start, end } = spanOf(target);
      record({ t: 'fails', span: { start, end }, messageId, data });
    };

    const check = (navigation: Navigation) => {
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
          check({ via: `bn.${call.name}`, api: call.name as RoutingApi, navigator: false, url, fromPath: file.path, target: urlNode });
        },
      },
      bxml: {
        attribute(attribute) {
          const path = ownCode();
          if (path !== undefined) pageLinks.attribute(path, attribute);
        },
        element(element) {
          const file = context.file;
          if (element.name !== 'navigator' || !file) return;
          const navigation = navigatorTarget(element);
          if (navigation) check({ ...navigation, fromPath: file.path });
        },
      },
      project() {
        const links: Array<[string, string]> = [];
        const failing: Array<{ file: string; fact: Extract<Fact, { t: 'fails' }> }> = [];
        for (const [file, facts] of context.facts()) {
          for (const fact of facts as Fact[]) {
            if (fact.t === 'link') links.push([file, fact.route]);
            else failing.push({ file, fact });
          }
        }
        if (!failing.length) return;
        // A broken link on a page no user can reach from the app (only, say, a server-fed banner
        // could open it) is weaker evidence: a warning that says why (docs/severity.md).
        const opened = openedRoutes(project, links);
        for (const { file, fact } of failing) {
          const page = pageOfFile(project).get(file);
          if (page === undefined || opened.has(page)) context.report({ file, span: fact.span, messageId: fact.messageId, data: fact.data });
          else context.report({ file, span: fact.span, messageId: `${fact.messageId}OnUnopenedPage`, data: { ...fact.data, page }, severity: 'warning' });
        }
      },
    };
  },
});

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
