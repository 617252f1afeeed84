import { TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import en from './payment-wording.en.json' with { type: 'json' };
import zhHans from './payment-wording.zh-Hans.json' with { type: 'json' };

/** The payment wording lists, by file name; a new language is a new file here. */
export const WORDING_FILES: Record<string, unknown> = {
  'payment-wording.en.json': en,
  'payment-wording.zh-Hans.json': zhHans,
};

export const WORDING: readonly TermList[] = Object.entries(WORDING_FILES).map(([name, value]) => validateTermList(value, `rules/api/src/payment-disclosure/${name}`));

export const WORDING_MATCHER = new TermMatcher(WORDING);

/** The first wording in `text` that says the app takes payments, as written; undefined when none. */
export function paymentWording(text: string): string | undefined {
  return WORDING_MATCHER.scan(text)[0]?.text;
}
