import {
  defineRule, eventOfAttribute, flowOf, getAttribute, staticAttributeValue, TermMatcher, validateTermList,
  type BxmlElement, type JsNode, type NodeOf, type Project, type TermList,
} from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt, scanPiece } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import crossPromotionEn from './data/cross-promotion.en.json' with { type: 'json' };
import crossPromotionZh from './data/cross-promotion.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'cross-promotion.en.json': crossPromotionEn,
  'cross-promotion.zh-Hans.json': crossPromotionZh,
};

export const PROMOTION_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/cross-promotion/data/${name}`));

/** Wording that recommends or ranks other mini programs; the content cue lists drop quoted or forbidden wording. */
export const PROMOTION_WORDING = new TermMatcher(PROMOTION_LISTS, { cues: LISTS.filter((list) => topicOf(list) === 'cues') });

/** Keys that hold another mini program's id in a data item. */
const APP_ID_KEYS = new Set(['appId', 'appid', 'app_id', 'appID', 'AppId', 'mpAppId', 'miniProgramAppId', 'miniprogramAppId', 'targetAppId']);
/** APIs that open another mini program (or a deep link, which may be one). */
const JUMP_APIS = new Set(['navigateToMiniProgram', 'navigateToDeepLink']);
const FOR_ATTRIBUTE = 'bn:for';

type ArrayExpression = NodeOf<'ArrayExpression'>;
type Span = { start: number; end: number };

/**
 * What a file tells the project hook: how it opens another mini program (the first way, for
 * messages), that it calls `bn.navigateToMiniProgram`, that a `bn:for` item has an event handler,
 * a list of app ids, a React list of `<Navigator target="miniProgram">`, or a `bn:for` list with a
 * `<navigator target="miniProgram">` inside.
 */
type Fact =
  | { jump: string }
  | { opensMiniProgram: true }
  | { listHandler: true }
  | { appList: { span: Span; count: number; key: string } }
  | { reactList: Span }
  | { navigatorList: Span };

/** A list reported as rendered: its file and span, and the script whose app-id lists it stands for. */
interface RenderedList {
  file: string;
  span: Span;
  via: string;
  script?: string;
}

const NAVIGATOR_VIA = '<navigator target="miniProgram">';

export default defineRule({
  meta: {
    id: 'content/cross-promotion',
    clauses: ['5.5', '2.3.5'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'The interface must not recommend, rank or promote other mini programs or apps: "More mini programs" strips, "热门小程序" walls, and lists of other apps\' ids that the page opens.',
    },
    messages: {
      promotionWording: '{{where}} "{{text}}" ({{kind}}) recommends or ranks other mini programs or apps: mini programs must not promote, rank or link to other mini programs (5.5, 2.3.5).',
      renderedList: 'This bn:for list opens another mini program from each item ({{via}}): a list of other mini programs is cross-promotion, which mini programs must not show (5.5, 2.3.5).',
      appList: 'This list holds {{count}} other mini programs (items with an {{key}} field) and the app opens mini programs ({{via}}): recommending or listing other mini programs is cross-promotion (5.5, 2.3.5).',
    },
  },
  create(context) {
    const seen = new Set<string>();
    const scan = (piece: TextPiece) => {
      if (!piece.text.trim()) return;
      for (const match of scanPiece(PROMOTION_WORDING, piece)) {
        const span = spanIn(piece, match.start, match.end);
        const key = `${piece.file}\0${span.start}\0${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        context.report({ file: piece.file, span, messageId: 'promotionWording', data: { where: piece.where, text: excerpt(match.text), kind: match.entry.note ?? 'cross-promotion' } });
      }
    };
    const text = pageTextVisitors(context, scan);

    /** Facts recorded once per file: the path they were recorded for. */
    const once = new Map<string, string>();
    const recordOnce = (kind: string, fact: Fact) => {
      const path = context.file?.path;
      if (!path || once.get(kind) === path) return;
      once.set(kind, path);
      context.record(fact);
    };

    /** How many `bn:for` elements the walk is inside (the element itself included). */
    let forDepth = 0;

    return {
      bxml: {
        ...text.bxml,
        document() {
          forDepth = 0;
        },
        element(element) {
          text.bxml?.element?.(element);
          if (getAttribute(element, FOR_ATTRIBUTE)) forDepth++;
          if (element.name === 'navigator' && staticAttributeValue(getAttribute(element, 'target')) === 'miniProgram') {
            recordOnce('jump', { jump: NAVIGATOR_VIA });
            const list = enclosingFor(element);
            if (list) context.record({ navigatorList: { start: list.start, end: list.openEnd } } satisfies Fact);
          }
          if (forDepth > 0 && element.attributes.some((attribute) => eventOfAttribute(attribute.name))) recordOnce('listHandler', { listHandler: true });
        },
        'element:exit'(element) {
          if (getAttribute(element, FOR_ATTRIBUTE)) forDepth--;
        },
      },
      js: {
        ...text.js,
        bnCall(call) {
          text.js?.bnCall?.(call);
          if (JUMP_APIS.has(call.name)) recordOnce('jump', { jump: `bn.${call.name}` });
          if (call.name === 'navigateToMiniProgram') recordOnce('opensMiniProgram', { opensMiniProgram: true });
        },
        ArrayExpression(node) {
          const found = appIdItems(node);
          if (found) context.record({ appList: { span: spanOf(node), ...found } } satisfies Fact);
        },
        JSXOpeningElement(node) {
          // `{apps.map((app) => <Navigator target="miniProgram" appId={app.appId}>)}`
          const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
          if (name !== 'Navigator' || !context.file) return;
          const target = node.attributes.find((attribute) => attribute.type === 'JSXAttribute' && attribute.name.name === 'target');
          const value = target?.type === 'JSXAttribute' ? target.value : undefined;
          if (value?.type !== 'StringLiteral' || value.value !== 'miniProgram') return;
          recordOnce('jump', { jump: '<Navigator target="miniProgram">' });
          const mapCall = [...context.ancestors].reverse().find((ancestor) => ancestor.type === 'CallExpression' && isMapCall(ancestor));
          if (mapCall) context.record({ reactList: spanOf(mapCall) } satisfies Fact);
        },
      },
      project(project) {
        text.project(project);
        let jump: string | undefined;
        let opensMiniProgram = false;
        let listHandler = false;
        const appLists: Array<{ file: string; span: Span; count: number; key: string }> = [];
        const lists: RenderedList[] = [];
        const reactLists: Array<{ file: string; span: Span }> = [];
        for (const [file, facts] of context.facts()) {
          for (const fact of facts as Fact[]) {
            if ('jump' in fact) jump ??= fact.jump;
            else if ('opensMiniProgram' in fact) opensMiniProgram = true;
            else if ('listHandler' in fact) listHandler = true;
            else if ('appList' in fact) appLists.push({ file, ...fact.appList });
            else if ('reactList' in fact) reactLists.push({ file, span: fact.reactList });
            else lists.push({ file, span: fact.navigatorList, via: NAVIGATOR_VIA });
          }
        }
        if (mayOpenFromList(project, opensMiniProgram, listHandler)) lists.push(...flowLists(project));
        const listed = new Set<string>();
        const reported = new Set<string>();
        for (const list of lists) {
          // One finding per list: the first way found (a navigator inside, then a handler).
          const key = `${list.file}\0${list.span.start}`;
          if (reported.has(key)) continue;
          reported.add(key);
          context.report({ file: list.file, span: list.span, messageId: 'renderedList', data: { via: list.via } });
          listed.add(list.script ?? list.file);
        }
        for (const list of reactLists) {
          const key = `${list.file}\0${list.span.start}\0${list.span.end}`;
          if (reported.has(key)) continue;
          reported.add(key);
          context.report({ file: list.file, span: list.span, messageId: 'renderedList', data: { via: '<Navigator target="miniProgram">' } });
          listed.add(list.file);
        }
        if (!jump) return;
        for (const list of appLists) {
          // The list behind a page's rendered list is the same finding.
          if (listed.has(list.file)) continue;
          context.report({ file: list.file, span: list.span, messageId: 'appList', data: { count: list.count, key: list.key, via: jump } });
        }
      },
    };
  },
});

function spanOf(node: JsNode): Span {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}

/** An array of at least two object literals that each give a string appId: a list of mini programs. */
function appIdItems(node: ArrayExpression): { count: number; key: string } | undefined {
  if (node.elements.length < 2) return undefined;
  let key: string | undefined;
  for (const element of node.elements) {
    if (element?.type !== 'ObjectExpression') return undefined;
    const id = element.properties.find((property) => property.type === 'ObjectProperty' && !property.computed
      && APP_ID_KEYS.has(keyOf(property.key)) && (property.value.type === 'StringLiteral' || property.value.type === 'TemplateLiteral'));
    if (id?.type !== 'ObjectProperty') return undefined;
    key ??= keyOf(id.key);
  }
  return { count: node.elements.length, key: key! };
}

function keyOf(key: JsNode): string {
  return key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : '';
}

function isMapCall(node: JsNode): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'map';
}

/**
 * Whether a `bn:for` item's event handler may reach `bn.navigateToMiniProgram`: some walked file
 * calls it and some template has a handler inside a `bn:for` (the facts). Files left out by
 * `ignorePatterns` are not walked but the call flow still reads them: their bytes are checked.
 */
function mayOpenFromList(project: Project, opensMiniProgram: boolean, listHandler: boolean): boolean {
  const ignored = project.paths.filter((path) => project.isIgnored(path));
  const mentions = (kind: string, word: string) => ignored.some((path) => project.kindOf(path) === kind && Buffer.from(project.bundle.read(path)).includes(word));
  return (opensMiniProgram || mentions('js', 'navigateToMiniProgram')) && (listHandler || mentions('bxml', 'bn:for'));
}

/**
 * `bn:for` lists whose item has an event handler that reaches `bn.navigateToMiniProgram`, followed
 * by the call-flow analysis. It reads the syntax trees of the app's pages, so it runs only when
 * the facts say such a list can exist (see mayOpenFromList).
 */
function flowLists(project: Project): RenderedList[] {
  const found: Array<{ list: BxmlElement; file: string; via: string; script?: string }> = [];
  const seen = new Set<BxmlElement>();
  const flow = flowOf(project);
  const starts = flow.triggers().filter((trigger) => trigger.kind === 'event' && trigger.element?.kind === 'bxml').map((trigger) => ({ trigger, state: 'open' as const }));
  flow.explore(starts, (state) => state, (site, _state, trigger) => {
    if (site.bn.name !== 'navigateToMiniProgram' || trigger.element?.kind !== 'bxml') return;
    const list = enclosingFor(trigger.element.element);
    if (!list || seen.has(list)) return;
    seen.add(list);
    found.push({ list, file: trigger.element.file.path, via: `${trigger.label} → bn.navigateToMiniProgram`, script: trigger.element.unit.script });
  });
  return found
    .sort((a, b) => a.file.localeCompare(b.file) || a.list.start - b.list.start)
    .map(({ list, file, via, script }) => ({ file, span: { start: list.start, end: list.openEnd }, via, script }));
}

/** The element itself or its nearest ancestor that repeats with bn:for. */
function enclosingFor(element: BxmlElement): BxmlElement | undefined {
  for (let node: BxmlElement['parent'] = element; node.type === 'element'; node = node.parent) {
    if (getAttribute(node, FOR_ATTRIBUTE)) return node;
  }
  return undefined;
}
