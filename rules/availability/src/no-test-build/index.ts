import {
  defineRule, jsonEdit, memoize, optionValue, TermMatcher, validateTermList,
  type ConfigSource, type JsFile, type JsNode, type NodeOf, type ParsedFile, type Project, type TermList,
} from '@bmplint/core';
import { configPlaces } from '../app-json-schema/configs.js';
import { isVendorOrTest, openedRoutes, pageLinkRecorder, type LinkFact } from '../page-links.js';
import { testOriginOf, type TestOrigin } from './hosts.js';
import { inDevOnlyBranch, inEnvironmentTable } from './dev-only.js';
import { testMarkersInText } from './text.js';
import testBuildEn from './data/test-build.en.json' with { type: 'json' };
import testBuildZh from './data/test-build.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'test-build.en.json': testBuildEn,
  'test-build.zh-Hans.json': testBuildZh,
};

export const TEST_BUILD_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/availability/src/no-test-build/data/${name}`));

/** Words that mark a name or title as a test, demo or debug build. */
export const TEST_BUILD_WORDING = new TermMatcher(TEST_BUILD_LISTS);

/** `bn` APIs that talk to a server, and the option naming it. */
const NETWORK_APIS = new Set(['request', 'uploadFile', 'downloadFile', 'connectSocket']);
/** Mock-data libraries: Mock.js and its forks. */
const MOCK_PACKAGES = new Set(['mockjs', 'mockjs-lite', 'better-mock', 'mockjs2']);
/** Words of a module path that name mock data: `mock/`, `__mocks__/`, `data.mock.js`, `mockData.js`. */
const MOCK_WORDS = new Set(['mock', 'mocks', 'mockdata', 'mockdb', 'mockapi', 'mocker']);
const REACT_WEB_VIEW = new Set(['WebView', 'web-view']);

type StringLiteral = NodeOf<'StringLiteral'>;

interface OriginUse {
  file: string;
  span: { start: number; end: number };
  url: string;
  found: TestOrigin;
  where: string;
  /** Proven to reach a network API or a web-view. */
  used: boolean;
  /** A non-production entry of an environment table: reported only when proven used. */
  environmentEntry?: boolean;
}

/**
 * What the visitors record about a file (facts, cached with it) for the project hook, which
 * combines them across files: a URL literal written here; a literal here that a network call or
 * web-view here uses; a test origin a call here reaches through a constant written elsewhere;
 * a test word in this page config's title; a page this file names (links, navigates to, lists).
 */
type Fact =
  | { t: 'origin'; span: { start: number; end: number }; url: string; found: TestOrigin; where: string; used: boolean; environmentEntry?: boolean }
  | { t: 'usedAt'; start: number }
  | { t: 'usedElsewhere'; span: { start: number; end: number }; url: string; found: TestOrigin; where: string }
  | { t: 'title'; route: string; span: { start: number; end: number }; where: string; text: string; kind: string }
  | LinkFact;

interface FactsByKind {
  titles: Array<Extract<Fact, { t: 'title' }>>;
  links: string[];
  origins: Array<Extract<Fact, { t: 'origin' }>>;
  usedAt: number[];
  usedElsewhere: Array<Extract<Fact, { t: 'usedElsewhere' }>>;
}

/**
 * One file's facts split by kind, per facts list: a session hands the hook the same list while the
 * file is unchanged, so an edit does not sort every fact of the bundle again. (The hook's origin
 * uses are made afresh from them each run: it marks them used.)
 */
const byKind = new WeakMap<readonly Fact[], FactsByKind>();

function factsByKind(list: readonly Fact[]): FactsByKind {
  let split = byKind.get(list);
  if (split) return split;
  split = { titles: [], links: [], origins: [], usedAt: [], usedElsewhere: [] };
  for (const fact of list) {
    if (fact.t === 'title') split.titles.push(fact);
    else if (fact.t === 'link') split.links.push(fact.route);
    else if (fact.t === 'origin') split.origins.push(fact);
    else if (fact.t === 'usedAt') split.usedAt.push(fact.start);
    else split.usedElsewhere.push(fact);
  }
  byKind.set(list, split);
  return split;
}

export default defineRule({
  meta: {
    id: 'availability/no-test-build',
    clauses: ['6.1'],
    severity: 'error',
    suppressible: true,
    fixable: 'code',
    // Over the parse limit, its `file.enter` reads these (text.ts).
    textKinds: ['js'],
    // Visitors record URL literals and their uses, page titles' test words and the pages each file names; the hook combines them.
    projectInput: 'facts',
    docs: {
      description: 'The submitted mini program must be a finished product, not a test build: no test/demo/debug name or title, no local, private or staging server, no debug mode, no mock data.',
    },
    messages: {
      testName: '{{where}} "{{text}}" marks this as a {{kind}} build: the mini program submitted must be a finished product, not a test version (6.1).',
      testOrigin: '{{where}} uses {{origin}}, {{reason}}: a submitted mini program must use its production servers, not test, staging or local ones (6.1).',
      debugConfig: '"{{key}}": true in the app config turns on debug mode: the mini program submitted must not be a debug build (6.1).',
      mockModule: '{{what}} "{{specifier}}" loads mock data: the mini program submitted must use its real service, not mock data (6.1).',
      mockCall: '{{call}} fakes responses with mock data: the mini program submitted must use its real service, not mock data (6.1).',
    },
    // One test host written in twelve strings is one problem; so is one title word, one mock module.
    subject: ['origin', 'text', 'key', 'specifier', 'call'],
  },
  create(context) {
    const project = context.project;
    const record = (fact: Fact) => context.record(fact);
    /** Files that import a mock module (their `Mock.mock()` calls are that import's finding). */
    const mockFiles = new Set<string>();

    const skipped = () => {
      const path = context.file?.path;
      return path === undefined || isUncheckedFile(path);
    };

    /** A URL written as a literal (or the start of a template literal): reported where it is written. */
    const literalUrl = (text: string, start: number, end: number, where: string, used: boolean, environmentEntry = false) => {
      if (!/^\s*(?:https?|wss?):\/\//i.test(text)) return;
      const found = testOriginOf(text, true) ?? testOriginOf(text, false);
      if (found) record({ t: 'origin', span: { start, end }, url: text, found, where, used, ...(environmentEntry ? { environmentEntry } : {}) });
    };

    /** The URL of a network API call or web-view: resolved through constants, concatenation and imports. */
    const apiUrl = (node: JsNode, file: JsFile, where: string) => {
      const known = project.evaluator.stringPrefix(node, file);
      const url = known.value ?? known.prefix;
      const found = testOriginOf(url, known.value !== undefined);
      if (!found) return;
      const span = { start: node.start ?? 0, end: node.end ?? 0 };
      // A literal written right here is reported by the literal visitors, as used.
      if (startsWithLiteral(node)) record({ t: 'usedAt', start: span.start });
      else record({ t: 'usedElsewhere', span, url, found, where });
    };

    const jsString = (node: StringLiteral | NodeOf<'TemplateLiteral'>) => {
      const file = context.file;
      // Development-only code does not run in the submitted build.
      if (!file || skipped() || inDevOnlyBranch(node, context.ancestors)) return;
      const environmentEntry = inEnvironmentTable(node, context.ancestors);
      if (node.type === 'StringLiteral') literalUrl(node.value, node.start ?? 0, node.end ?? 0, 'The string', false, environmentEntry);
      else {
        const first = node.quasis[0];
        const text = first?.value.cooked ?? first?.value.raw ?? '';
        literalUrl(text, node.start ?? 0, node.end ?? 0, 'The template literal', false, environmentEntry);
      }
    };

    /** Pages a string of the app's own code names, each recorded once per file. */
    const pageLinks = pageLinkRecorder(project, record);
    const links = (text: string) => {
      const path = context.file?.path;
      if (path !== undefined && !skipped()) pageLinks.text(path, text);
    };

    const mockSpecifier = (node: StringLiteral, what: string) => {
      const file = context.file;
      if (!file || skipped() || !isMockModule(node.value)) return;
      mockFiles.add(file.path);
      context.report({ node, messageId: 'mockModule', data: { what, specifier: node.value } });
    };

    return {
      js: {
        StringLiteral(node) {
          links(node.value);
          const parent = context.ancestors[context.ancestors.length - 1];
          const what = moduleUse(node, parent);
          if (what) mockSpecifier(node, what);
          else jsString(node);
        },
        TemplateLiteral(node) {
          for (const quasi of node.quasis) links(quasi.value.cooked ?? quasi.value.raw);
          jsString(node);
        },
        CallExpression(node) {
          const callee = node.callee;
          if (skipped() || mockFiles.has(context.file!.path)) return;
          if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'Mock'
            && callee.property.type === 'Identifier' && (callee.property.name === 'mock' || callee.property.name === 'setup')) {
            context.report({ node, messageId: 'mockCall', data: { call: `Mock.${callee.property.name}(…)` } });
          }
        },
        bnCall(call) {
          const file = context.jsFile;
          if (!file || !NETWORK_APIS.has(call.name) || skipped() || inDevOnlyBranch(call.node, context.ancestors)) return;
          const url = optionValue(call.options, 'url');
          if (url) apiUrl(url, file, `bn.${call.name}`);
        },
        Program() {
          // A React page's config is a module (`index.config.ts`); an inline <bns> script is never one.
          const file = context.file;
          if (file?.kind === 'js') pageTitle(file);
        },
        JSXOpeningElement(node) {
          const file = context.jsFile;
          const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
          if (!file || !REACT_WEB_VIEW.has(name)) return;
          for (const attribute of node.attributes) {
            if (attribute.type !== 'JSXAttribute' || attribute.name.name !== 'src' || !attribute.value) continue;
            const value = attribute.value.type === 'JSXExpressionContainer' ? attribute.value.expression : attribute.value;
            if (value.type !== 'JSXEmptyExpression') apiUrl(value as JsNode, file, `<${name} src>`);
          }
        },
      },
      bxml: {
        attribute(attribute) {
          const file = context.file;
          if (!file || attribute.value === null || skipped()) return;
          pageLinks.attribute(file.path, attribute);
          const first = attribute.expressions[0];
          const text = (first ? attribute.value.slice(0, first.start - attribute.valueStart) : attribute.value).replace(/&amp;/g, '&');
          const used = attribute.name === 'src' && attribute.element.name === 'web-view';
          literalUrl(text, attribute.start, attribute.end, `The ${attribute.name} attribute of <${attribute.element.name}>`, used);
        },
      },
      json: {
        document(file) {
          pageTitle(file);
        },
      },
      file: {
        enter(file) {
          // A script too large to parse: what its text shows (./text.ts).
          if (!file.textOnly || file.kind !== 'js' || skipped()) return;
          const markers = testMarkersInText(file.text, isMockModule);
          for (const value of markers.strings) links(value);
          for (const { start, end, specifier, what } of markers.mockImports) context.report({ span: { start, end }, messageId: 'mockModule', data: { what, specifier } });
          for (const { start, end, call } of markers.mockCalls) context.report({ span: { start, end }, messageId: 'mockCall', data: { call } });
          // Only a parse shows whether a URL's code runs in development alone (the dev-only branches above).
          for (const { start, end, where, found } of markers.origins) context.report({ span: { start, end }, messageId: 'testOrigin', data: { where, origin: found.origin, reason: found.reason }, severity: 'warning' });
        },
      },
      project() {
        // The listing name and the app's title, from the project model.
        for (const piece of titlePieces(project)) {
          for (const match of testWords(piece)) context.report({ file: piece.file, ...match });
        }
        // Debug mode in the app config.
        const app = project.appConfig;
        const devtool = app?.value?.devtool as { debug?: unknown } | undefined;
        // The WeChat-style top-level `"debug": true` is not a Binance key: the runtime ignores it, and
        // availability/unsupported-config-key says so. Only `devtool.debug` turns debug mode on.
        if (app && devtool?.debug === true) reportConfig(app, ['devtool', 'debug'], 'devtool.debug');
        const origins: OriginUse[] = [];
        const usedSpans = new Set<string>();
        /** Origins (complete) proven to reach a network API or web-view from a constant written elsewhere. */
        const usedElsewhere: Array<Omit<OriginUse, 'used'>> = [];
        const titles: Array<{ file: string; fact: Extract<Fact, { t: 'title' }> }> = [];
        const links: Array<[string, string]> = [];
        for (const [file, facts] of context.facts()) {
          const split = factsByKind(facts as readonly Fact[]);
          for (const fact of split.titles) titles.push({ file, fact });
          for (const route of split.links) links.push([file, route]);
          for (const fact of split.origins) origins.push({ file, span: fact.span, url: fact.url, found: fact.found, where: fact.where, used: fact.used, environmentEntry: fact.environmentEntry });
          for (const start of split.usedAt) usedSpans.add(`${file}\0${start}`);
          for (const fact of split.usedElsewhere) usedElsewhere.push({ file, span: fact.span, url: fact.url, found: fact.found, where: fact.where });
        }
        // A page's title is what a reviewer sees when they open the page. A page nothing opens
        // (not the home page, not a tab, named by no other file) is registered but out of the
        // reviewer's way: a test word there is weaker evidence of a test build (docs/severity.md).
        const opened = openedRoutes(project, links);
        for (const { file, fact } of titles) {
          context.report({ file, span: fact.span, messageId: 'testName', data: { where: fact.where, text: fact.text, kind: fact.kind }, severity: opened.has(fact.route) ? undefined : 'warning' });
        }
        // Origins: where they are written; an origin used by an API but written elsewhere marks its literal as used.
        const byOrigin = new Map<string, OriginUse[]>();
        for (const use of origins) {
          if (usedSpans.has(`${use.file}\0${use.span.start}`)) use.used = true;
          const list = byOrigin.get(use.found.origin) ?? [];
          list.push(use);
          byOrigin.set(use.found.origin, list);
        }
        for (const use of usedElsewhere) {
          const literals = byOrigin.get(use.found.origin);
          if (literals?.length) for (const literal of literals) literal.used = true;
          else origins.push({ ...use, used: true });
        }
        for (const use of origins) {
          if (use.environmentEntry && !use.used) continue;
          context.report({
            file: use.file, span: use.span, messageId: 'testOrigin',
            data: { where: use.where, origin: use.found.origin, reason: use.found.reason },
            // A URL that is only written somewhere may be a leftover that never runs.
            confidence: use.used ? undefined : 'medium',
          });
        }
      },
    };

    /** A page config's title (JSON, or a React page's `index.config.ts`), read when its file is walked. */
    function pageTitle(file: ParsedFile) {
      const page = configPlaces(project).get(file.path)?.page;
      const piece = page && titlePiece(project.pageConfig(page), file.text, ['navigationBarTitleText'], `The navigation bar title of ${page.route}`);
      if (piece) for (const match of testWords(piece)) record({ t: 'title', route: page.route, span: match.span, ...match.data });
    }

    function reportConfig(config: ConfigSource, path: string[], key: string) {
      const span = config.locate(path, { key: true });
      // `debug: true` only turns on debug output: removing it gives the release default.
      const text = config.format === 'json' ? context.project.textOf(span.file)?.text : undefined;
      context.report({ file: span.file, span, messageId: 'debugConfig', data: { key }, fix: text === undefined ? undefined : () => jsonEdit(text, path, undefined) });
    }
  },
});

/**
 * Whether a match runs across punctuation or space between Chinese characters: in
 * "实时鞋部检测-试鞋案例" (shoe detection - shoe try-on) the 测 ends one word and 试 starts the next,
 * though folding drops the hyphen.
 */
function splitsWords(matched: string): boolean {
  return /[\u3400-\u9fff][\s\p{P}\p{S}]+[\u3400-\u9fff]/u.test(matched);
}

/** Whether the expression's text starts with a string literal written there (so the literal visitor reports it). */
function startsWithLiteral(node: JsNode): boolean {
  if (node.type === 'StringLiteral') return true;
  if (node.type === 'TemplateLiteral') return /^\s*(?:https?|wss?):\/\//i.test(node.quasis[0]?.value.cooked ?? '');
  if (node.type === 'BinaryExpression' && node.operator === '+') return startsWithLiteral(node.left as JsNode);
  return false;
}

/** How a string literal names a module (`import`, `require()`…), or undefined. */
function moduleUse(node: JsNode, parent: JsNode | undefined): string | undefined {
  if (!parent) return undefined;
  switch (parent.type) {
    case 'ImportDeclaration':
      return parent.source === node ? 'The import' : undefined;
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      return parent.source === node ? 'The re-export' : undefined;
    case 'ImportExpression':
      return parent.source === node ? 'The dynamic import' : undefined;
    case 'CallExpression':
      if (parent.arguments[0] !== node) return undefined;
      if (parent.callee.type === 'Identifier' && parent.callee.name === 'require') return 'The require';
      if (parent.callee.type === 'Import') return 'The dynamic import';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Vendor code, unit tests and the mock modules themselves are not checked: only the app's code
 * that uses them. Asked for every string and call, so decided once per path.
 */
const isUncheckedFile = memoize((path: string) => isVendorOrTest(path) || isMockModule(path));

/**
 * Whether a module specifier loads mock data: a Mock.js package, or a path with a `mock` word.
 * Specifiers repeat across files: each is split into words once.
 */
export const isMockModule: (specifier: string) => boolean = memoize(namesMock);

function namesMock(specifier: string): boolean {
  if (MOCK_PACKAGES.has(specifier) || MOCK_PACKAGES.has(specifier.split('/')[0])) return true;
  for (const segment of specifier.split('/')) {
    const words = segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (words.some((word) => MOCK_WORDS.has(word))) return true;
  }
  return false;
}

interface TitlePiece {
  text: string;
  file: string;
  span: { start: number; end: number };
  /** Offset of `text[0]` when written verbatim. */
  base?: number;
  where: string;
}

/** The test words of a title, each as a `testName` report's span and data. */
function testWords(piece: TitlePiece) {
  const out: Array<{ span: { start: number; end: number }; messageId: 'testName'; data: { where: string; text: string; kind: string } }> = [];
  for (const match of TEST_BUILD_WORDING.scan(piece.text)) {
    if (splitsWords(piece.text.slice(match.start, match.end))) continue;
    const span = piece.base !== undefined ? { start: piece.base + match.start, end: piece.base + match.end } : piece.span;
    out.push({ span, messageId: 'testName', data: { where: piece.where, text: piece.text.length > 80 ? `${piece.text.slice(0, 79)}…` : piece.text, kind: match.entry.note ?? 'test' } });
  }
  return out;
}

/** The string at `path` of a config, where it is written (`text`: the config file's text). */
function titlePiece(config: ConfigSource | undefined, text: string, path: Array<string | number>, where: string): TitlePiece | undefined {
  let value: unknown = config?.value;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  if (!config || typeof value !== 'string' || !value.trim()) return undefined;
  const span = config.locate(path);
  const piece: TitlePiece = { text: value, file: config.file, span: { start: span.start, end: span.end }, where };
  const quote = text[span.start];
  if ((quote === '"' || quote === "'") && text.slice(span.start + 1, span.end - 1) === value) piece.base = span.start + 1;
  return piece;
}

/** The listing name and the app's navigation bar title (each page's title is read with its config). */
function titlePieces(project: Project): TitlePiece[] {
  const pieces: TitlePiece[] = [];
  const add = (config: ConfigSource | undefined, path: Array<string | number>, where: string) => {
    const piece = config && titlePiece(config, project.textOf(config.file)?.text ?? '', path, where);
    if (piece) pieces.push(piece);
  };
  add(project.listing, ['name'], 'The listing name');
  add(project.appConfig, ['window', 'navigationBarTitleText'], 'The app\'s navigation bar title');
  return pieces;
}
