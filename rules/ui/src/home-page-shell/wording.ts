import { TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import en from './loading-wording.en.json' with { type: 'json' };
import zhHans from './loading-wording.zh-Hans.json' with { type: 'json' };

/** The loading-text lists, by file name; a new language is a new file here. */
export const WORDING_FILES: Record<string, unknown> = {
  'loading-wording.en.json': en,
  'loading-wording.zh-Hans.json': zhHans,
};

export const WORDING: readonly TermList[] = Object.entries(WORDING_FILES).map(([name, value]) => validateTermList(value, `rules/ui/src/home-page-shell/${name}`));

export const LOADING_MATCHER = new TermMatcher(WORDING);

/** Text that says nothing but "loading" or "redirecting" (punctuation, dots and spinner glyphs aside). */
export function isLoadingText(text: string): boolean {
  const matches = LOADING_MATCHER.scan(text);
  if (!matches.length) return false;
  let rest = '';
  let at = 0;
  for (const match of matches) {
    rest += text.slice(at, match.start);
    at = match.end;
  }
  rest += text.slice(at);
  return !/[\p{L}\p{N}]/u.test(rest);
}
