import { memoize, TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import { phraseOf } from '../support/words.js';
import en from './close-wording.en.json' with { type: 'json' };
import zhHans from './close-wording.zh-Hans.json' with { type: 'json' };

/** The close-control wording lists, by file name; a new language is a new file here. */
export const WORDING_FILES: Record<string, unknown> = {
  'close-wording.en.json': en,
  'close-wording.zh-Hans.json': zhHans,
};

export const WORDING: readonly TermList[] = Object.entries(WORDING_FILES).map(([name, value]) => validateTermList(value, `rules/ui/src/popup-close-control/${name}`));

export const CLOSE_MATCHER = new TermMatcher(WORDING);

/** A close glyph on its own: ×, ✕, ✖, ╳, ⨯, or a lone X. */
const CLOSE_GLYPH = /^\s*(?:[×✕✖✗✘╳⨯xX]|&times;|&#215;|&#x2715;)\s*$/u;

/** Templates repeat the same labels and class names: each is matched once. */
const MEMO_LIMIT = 4096;
const closeText = memoize((text: string) => CLOSE_GLYPH.test(text) || CLOSE_MATCHER.scan(text).length > 0, MEMO_LIMIT);

/** Whether visible text (a label, aria-label, title) says close/cancel/OK, or is a close glyph. */
export function isCloseText(text: string): boolean {
  return text.trim() !== '' && closeText(text);
}

/** Whether a handler, class or icon name (`onCloseTap`, `icon-guanbi`, `hideMask`) says close. */
export const isCloseName: (name: string) => boolean = memoize((name: string) => {
  const phrase = phraseOf(name);
  return phrase !== '' && CLOSE_MATCHER.scan(phrase).length > 0;
}, MEMO_LIMIT);
