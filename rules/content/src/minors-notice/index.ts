import {
  defineRule, TermMatcher, validateTermList, walkJs,
  type BxmlElement, type Node, type TermList,
} from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt, listingPieces, scanPiece } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import gamblingEn from './data/gambling.en.json' with { type: 'json' };
import gamblingZh from './data/gambling.zh-Hans.json' with { type: 'json' };
import alcoholEn from './data/alcohol.en.json' with { type: 'json' };
import alcoholZh from './data/alcohol.zh-Hans.json' with { type: 'json' };
import adultEn from './data/adult.en.json' with { type: 'json' };
import adultZh from './data/adult.zh-Hans.json' with { type: 'json' };
import ageNoticeEn from './data/age-notice.en.json' with { type: 'json' };
import ageNoticeZh from './data/age-notice.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (`<topic>.<language>.json`; a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'gambling.en.json': gamblingEn,
  'gambling.zh-Hans.json': gamblingZh,
  'alcohol.en.json': alcoholEn,
  'alcohol.zh-Hans.json': alcoholZh,
  'adult.en.json': adultEn,
  'adult.zh-Hans.json': adultZh,
  'age-notice.en.json': ageNoticeEn,
  'age-notice.zh-Hans.json': ageNoticeZh,
};

export const MINORS_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/minors-notice/data/${name}`));

const isNoticeList = (list: TermList) => list.id.startsWith('age-notice-');
const CUES = LISTS.filter((list) => topicOf(list) === 'cues');

/** Gambling, alcohol and adult wording; the content rules' cues drop what is warned against ("Gambling is prohibited"). */
export const UNSUITABLE = new TermMatcher(MINORS_LISTS.filter((list) => !isNoticeList(list)), { cues: CUES });
/** An age notice or gate in text. */
export const AGE_NOTICE = new TermMatcher(MINORS_LISTS.filter(isNoticeList));

/** Words naming an age or birth-date field (`<input placeholder="Date of birth">`, `bindchange="onBirthdayChange"`). */
const AGE_FIELD = /(?<![\p{L}\p{N}])(age|ages|birth|birthday|birthdate|dob|date of birth)(?![\p{L}\p{N}])|生日|出生|年龄/iu;
const FIELD_ELEMENTS = new Set(['input', 'picker', 'deprecated-input', 'picker-view', 'Input', 'Picker', 'DatePicker', 'PickerView']);

/** `onBirthdayChange` → `on birthday change`, for the field words. */
function spaced(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
}

export function isAgeField(texts: readonly string[]): boolean {
  return texts.some((text) => AGE_FIELD.test(spaced(text)));
}

/** Unsuitable wording found in a piece of text, as recorded for the project hook. */
interface Candidate {
  file: string;
  span: { start: number; end: number };
  where: string;
  text: string;
  term: string;
  category: 'gambling' | 'alcohol' | 'adult';
}

/** What a file tells the project hook: an age notice or gate, or unsuitable wording. */
type Fact = { notice: true } | { candidate: Candidate };

export default defineRule({
  meta: {
    id: 'content/minors-notice',
    clauses: ['2.3.6'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'low',
    docs: {
      description: 'Gambling, alcohol or adult content needs an age notice or gate somewhere in the app ("18+", age verification, a birth-date input), or should be removed.',
    },
    messages: {
      gambling: '{{where}} "{{text}}" offers gambling, and the app shows no age notice or gate (no "18+", "未满18岁", age verification or birth-date input): tell users it is not suitable for minors, or remove it (2.3.6).',
      alcohol: '{{where}} "{{text}}" is about alcohol, and the app shows no age notice or gate (no "18+", "未满18岁", age verification or birth-date input): tell users it is not suitable for minors, or remove it (2.3.6).',
      adult: '{{where}} "{{text}}" is adult content, and the app shows no age notice or gate (no "18+", "未满18岁", age verification or birth-date input): tell users it is not suitable for minors, or remove it (2.3.6).',
    },
  },
  create(context) {
    // Found while walking a file: recorded as facts. Found in configs and the listing (project hook): kept here.
    const candidates: Candidate[] = [];
    let notice = false;
    /** The file whose age notice was recorded: later pieces of it need not look for one. */
    let noticeIn: string | undefined;
    const found = (fact: Fact) => {
      if (context.file) context.record(fact);
      else if ('notice' in fact) notice = true;
      else candidates.push(fact.candidate);
    };
    const foundNotice = () => {
      if (context.file && noticeIn === context.file.path) return;
      noticeIn = context.file?.path;
      found({ notice: true });
    };
    const hasNotice = () => (context.file ? noticeIn === context.file.path : notice);
    const scan = (piece: TextPiece) => {
      if (!piece.text.trim()) return;
      if (!hasNotice() && scanPiece(AGE_NOTICE, piece).length) foundNotice();
      for (const match of scanPiece(UNSUITABLE, piece)) {
        const category = match.list.category === 'alcohol' || match.list.category === 'adult' ? match.list.category : 'gambling';
        found({ candidate: { file: piece.file, span: spanIn(piece, match.start, match.end), where: piece.where, text: excerpt(match.text), term: match.term, category } });
      }
    };
    const page = pageTextVisitors(context, scan);
    return {
      ...page,
      bxml: {
        ...page.bxml,
        element(element: BxmlElement) {
          if (hasNotice() || !FIELD_ELEMENTS.has(element.name)) return;
          const texts = element.attributes.flatMap((attribute) => [attribute.name.startsWith('bind') || attribute.name.startsWith('catch') || attribute.name === 'mode' ? '' : attribute.name, attribute.value ?? '']);
          if (isAgeField(texts)) foundNotice();
        },
      },
      js: {
        ...page.js,
        JSXOpeningElement(node) {
          if (hasNotice() || node.name.type !== 'JSXIdentifier' || !FIELD_ELEMENTS.has(node.name.name)) return;
          if (isAgeField(jsxAttributeTexts(node))) foundNotice();
        },
      },
      project(project) {
        page.project(project);
        for (const piece of listingPieces(project)) if (AGE_NOTICE.scan(piece.text).length) notice = true;
        const walked: Candidate[] = [];
        for (const facts of context.facts().values()) {
          for (const fact of facts as Fact[]) {
            if ('notice' in fact) notice = true;
            else walked.push(fact.candidate);
          }
        }
        if (notice) return;
        const seen = new Set<string>();
        for (const candidate of [...walked, ...candidates]) {
          const key = `${candidate.file}\0${candidate.term}`;
          if (seen.has(key)) continue;
          seen.add(key);
          context.report({ file: candidate.file, span: candidate.span, messageId: candidate.category, data: { where: candidate.where, text: candidate.text } });
        }
      },
    };
  },
});

/** Attribute names and values of a JSX element, as written (`placeholder="Birthday"`, `onChange={onBirthdayChange}`). */
function jsxAttributeTexts(node: Extract<Node, { type: 'JSXOpeningElement' }>): string[] {
  const texts: string[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') continue;
    const value = attribute.value;
    if (!value) continue;
    if (value.type === 'StringLiteral') texts.push(value.value);
    else {
      walkJs(value, {
        enter(child) {
          if (child.type === 'StringLiteral') texts.push(child.value);
          else if (child.type === 'Identifier') texts.push(child.name);
        },
      });
    }
  }
  return texts;
}
