import {
  defineRule, elementsOf, flowOf, getAttribute, staticAttributeValue, TermMatcher, validateTermList,
  type BxmlElement, type BxmlFile, type JsNode, type NodeOf, type Project, type TermList,
} from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt } from '../scan.js';
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

interface AppList {
  file: string;
  node: ArrayExpression;
  count: number;
  key: string;
}

export default defineRule({
  meta: {
    id: 'content/cross-promotion',
    clauses: ['5.5', '2.3.5'],
    severity: 'warning',
    suppressible: true,
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
      for (const match of PROMOTION_WORDING.scan(piece.text)) {
        const span = spanIn(piece, match.start, match.end);
        const key = `${piece.file}\0${span.start}\0${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        context.report({ file: piece.file, span, messageId: 'promotionWording', data: { where: piece.where, text: excerpt(match.text), kind: match.entry.note ?? 'cross-promotion' } });
      }
    };
    const text = pageTextVisitors(context, scan);

    const appLists: AppList[] = [];
    /** How the app opens other mini programs, for messages; undefined while none is seen. */
    let jump: string | undefined;
    const reactLists: Array<{ file: string; node: JsNode }> = [];

    return {
      bxml: {
        ...text.bxml,
        element(element) {
          text.bxml?.element?.(element);
          if (!jump && element.name === 'navigator' && staticAttributeValue(getAttribute(element, 'target')) === 'miniProgram') jump = '<navigator target="miniProgram">';
        },
      },
      js: {
        ...text.js,
        bnCall(call) {
          text.js?.bnCall?.(call);
          if (!jump && JUMP_APIS.has(call.name)) jump = `bn.${call.name}`;
        },
        ArrayExpression(node) {
          const file = context.file;
          if (!file) return;
          const found = appIdItems(node);
          if (found) appLists.push({ file: file.path, node, ...found });
        },
        JSXOpeningElement(node) {
          // `{apps.map((app) => <Navigator target="miniProgram" appId={app.appId}>)}`
          const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
          if (name !== 'Navigator' || !context.file) return;
          const target = node.attributes.find((attribute) => attribute.type === 'JSXAttribute' && attribute.name.name === 'target');
          const value = target?.type === 'JSXAttribute' ? target.value : undefined;
          if (value?.type !== 'StringLiteral' || value.value !== 'miniProgram') return;
          jump ??= '<Navigator target="miniProgram">';
          const mapCall = [...context.ancestors].reverse().find((ancestor) => ancestor.type === 'CallExpression' && isMapCall(ancestor));
          if (mapCall) reactLists.push({ file: context.file.path, node: mapCall });
        },
      },
      project(project) {
        text.project(project);
        const listed = new Set<string>();
        for (const list of renderedLists(project)) {
          context.report({ file: list.file.path, node: list.element, messageId: 'renderedList', data: { via: list.via } });
          listed.add(list.script ?? list.file.path);
        }
        const reportedReact = new Set<JsNode>();
        for (const list of reactLists) {
          if (reportedReact.has(list.node)) continue;
          reportedReact.add(list.node);
          context.report({ file: list.file, node: list.node, messageId: 'renderedList', data: { via: '<Navigator target="miniProgram">' } });
          listed.add(list.file);
        }
        if (!jump) return;
        for (const list of appLists) {
          // The list behind a page's rendered list is the same finding.
          if (listed.has(list.file)) continue;
          context.report({ file: list.file, node: list.node, messageId: 'appList', data: { count: list.count, key: list.key, via: jump } });
        }
      },
    };
  },
});

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
 * `bn:for` elements whose items open another mini program: a `<navigator target="miniProgram">`
 * inside, or an event handler that reaches `bn.navigateToMiniProgram` (followed by the flow engine).
 */
function renderedLists(project: Project): Array<{ file: BxmlFile; element: BxmlElement; via: string; script?: string }> {
  const found = new Map<BxmlElement, { file: BxmlFile; element: BxmlElement; via: string; script?: string }>();
  const add = (file: BxmlFile, element: BxmlElement, via: string, script?: string) => {
    const list = enclosingFor(element);
    if (list && !found.has(list)) found.set(list, { file, element: list, via, script });
  };
  for (const path of project.paths) {
    if (project.kindOf(path) !== 'bxml') continue;
    const file = project.parsed(path);
    if (file?.kind !== 'bxml') continue;
    for (const element of elementsOf(file.document)) {
      if (element.name === 'navigator' && staticAttributeValue(getAttribute(element, 'target')) === 'miniProgram') add(file, element, '<navigator target="miniProgram">');
    }
  }
  const flow = flowOf(project);
  const starts = flow.triggers().filter((trigger) => trigger.kind === 'event' && trigger.element?.kind === 'bxml').map((trigger) => ({ trigger, state: 'open' as const }));
  flow.explore(starts, (state) => state, (site, _state, trigger) => {
    if (site.bn.name !== 'navigateToMiniProgram' || trigger.element?.kind !== 'bxml') return;
    add(trigger.element.file, trigger.element.element, `${trigger.label} → bn.navigateToMiniProgram`, trigger.element.unit.script);
  });
  return [...found.values()].sort((a, b) => a.file.path.localeCompare(b.file.path) || a.element.start - b.element.start);
}

/** The element itself or its nearest ancestor that repeats with bn:for. */
function enclosingFor(element: BxmlElement): BxmlElement | undefined {
  for (let node: BxmlElement['parent'] = element; node.type === 'element'; node = node.parent) {
    if (getAttribute(node, FOR_ATTRIBUTE)) return node;
  }
  return undefined;
}
