import {
  defineRule, getAttribute, TermMatcher, validateTermList,
  type BxmlElement, type TermList,
} from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt, scanPiece } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import adWordingEn from './data/ad-wording.en.json' with { type: 'json' };
import adWordingZh from './data/ad-wording.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'ad-wording.en.json': adWordingEn,
  'ad-wording.zh-Hans.json': adWordingZh,
};

export const AD_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/ad-placement/data/${name}`));

/** Blank-ad-space and investment-ad wording; the content cue lists drop quoted or forbidden wording. */
export const AD_WORDING = new TermMatcher(AD_LISTS, { cues: LISTS.filter((list) => topicOf(list) === 'cues') });

/** Words of a class or id that name an ad (`ad`, `ads`, `advert`…), after splitting on `-`, `_` and camelCase. */
const AD_WORDS = new Set(['ad', 'ads', 'advert', 'adverts', 'advertise', 'advertisement', 'advertisements', 'advertising']);
/** One-word compounds: `adslot`, `adbanner`, `adsbox`. */
const AD_COMPOUND = /^ads?(?:slot|slots|banner|banners|box|unit|units|space|container|wrap|wrapper|area|block|float|popup|view|holder|placeholder|frame)$/;
/** Template elements that only hold other content: empty, they show nothing but their box. */
const CONTAINERS = new Set(['view', 'cover-view', 'div', 'text', 'swiper-item', 'block', 'scroll-view']);
/** Ad components of other mini program platforms (WeChat's `<ad unit-id>`, `<ad-custom>`). */
const AD_COMPONENTS = new Set(['ad', 'ad-custom', 'ad-unit']);
const FIXED = /(?:^|;)\s*position\s*:\s*fixed\b/i;

/** Whether one class name or id names an ad: `float-ad`, `adSlot`, `banner_ads`, `adslot`. */
export function isAdName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // `ad-free`, `no-ads`: the opposite of an ad.
  return words.some((word, i) => (AD_WORDS.has(word) || AD_COMPOUND.test(word)) && words[i + 1] !== 'free' && words[i - 1] !== 'no');
}

/** The first class or id of a selector that names an ad. */
export function adNameInSelector(selector: string): string | undefined {
  for (const match of selector.matchAll(/[.#](-?[A-Za-z_][\w-]*)/g)) if (isAdName(match[1])) return match[0];
  return undefined;
}

/** The class or id of an element that names an ad (static parts of the value only). */
function adNameOf(element: BxmlElement): string | undefined {
  for (const name of ['class', 'id']) {
    const attribute = getAttribute(element, name);
    if (!attribute?.value) continue;
    const text = attribute.value.replace(/\{\{[\s\S]*?\}\}/g, ' ');
    for (const part of text.split(/\s+/)) if (part && isAdName(part)) return name === 'id' ? `#${part}` : `.${part}`;
  }
  return undefined;
}

/** Nothing inside: no element, no text, no binding. */
function isEmpty(element: BxmlElement): boolean {
  return element.children.every((child) => child.type === 'comment' || (child.type === 'text' && !child.data.trim()));
}

export default defineRule({
  meta: {
    id: 'content/ad-placement',
    clauses: ['5.11.1'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'No floating ads (ad elements with position: fixed), no blank ad slots or "advertise here" space, no ad components and no investment advertisements ("Invest now", "高收益理财").',
    },
    messages: {
      floatingAd: '{{what}} is an ad element with position: fixed: floating advertisements are not allowed (5.11.1).',
      blankAdSlot: '<{{tag}}> {{name}} is an empty ad slot: blank advertising space is not allowed (5.11.1).',
      adComponent: '<{{tag}}> is an ad component: mini programs must not carry advertising space (5.11.1).',
      adWording: '{{where}} "{{text}}" ({{kind}}): content for advertising, blank advertising space and investment advertisements are not allowed (5.11.1).',
    },
  },
  create(context) {
    const seen = new Set<string>();
    const scan = (piece: TextPiece) => {
      if (!piece.text.trim()) return;
      for (const match of scanPiece(AD_WORDING, piece)) {
        const span = spanIn(piece, match.start, match.end);
        const key = `${piece.file}\0${span.start}\0${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        context.report({ file: piece.file, span, messageId: 'adWording', data: { where: piece.where, text: excerpt(match.text), kind: match.entry.note ?? 'advertising' } });
      }
    };
    const text = pageTextVisitors(context, scan);

    return {
      ...text,
      bxml: {
        ...text.bxml,
        element(element) {
          text.bxml?.element?.(element);
          if (AD_COMPONENTS.has(element.name)) {
            context.report({ node: element, messageId: 'adComponent', data: { tag: element.name } });
            return;
          }
          const name = adNameOf(element);
          if (!name) return;
          const style = getAttribute(element, 'style');
          if (style?.value && FIXED.test(style.value.replace(/\{\{[\s\S]*?\}\}/g, ''))) {
            context.report({ node: style, messageId: 'floatingAd', data: { what: `<${element.name}> ${name}` } });
          }
          if (CONTAINERS.has(element.name) && isEmpty(element) && !/background|\{\{/.test(style?.value ?? '')) {
            context.report({ node: element, messageId: 'blankAdSlot', data: { tag: element.name, name } });
          }
        },
      },
      bxss: {
        decl(declaration) {
          if (declaration.prop.toLowerCase() !== 'position' || !/^fixed\b/i.test(declaration.value.trim())) return;
          const parent = declaration.parent;
          if (parent?.type !== 'rule') return;
          const selector = (parent as { selector?: string }).selector ?? '';
          const name = adNameInSelector(selector);
          if (name) context.report({ node: declaration, messageId: 'floatingAd', data: { what: `The rule ${selector.replace(/\s+/g, ' ').trim()}` } });
        },
      },
    };
  },
});
