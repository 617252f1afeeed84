import { normalizeText, toOriginalSpan, type TermMatch } from '@bmplint/core';
import { POPULAR_KEYWORDS } from '../data/lists.js';

/** A stretch of a listing field, in offsets of the field's string. */
export interface Stretch {
  start: number;
  end: number;
  /** What is repeated or listed, normalised (`free bnb`). */
  term: string;
  count: number;
}

/** How often a term must occur to be stuffing. */
export const REPEAT_THRESHOLD = 3;
/** How many list items that are each only a popular search term make a pile. */
export const PILE_THRESHOLD = 6;
/** How many symbols or emoji in a row are not recognisable text. */
export const SYMBOL_RUN = 4;

/**
 * Separators of keyword lists: commas, bars, slashes, semicolons, hashes, line breaks and sentence
 * ends (ASCII and CJK; a full stop only before a space, so `gate.io` stays one item).
 */
const ITEM_SEPARATOR = /[,，、|/;；#＃\n。！？]+|[.!?]+(?=\s|$)/gu;
/** Punctuation around an item that does not change what it says (`FREE BNB!`). */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Trims what is not a letter or digit from both ends, in linear time (a `[^…]+$` regex is quadratic on long runs). */
function trimEdgePunctuation(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && !WORD_CHAR.test(chars[start])) start++;
  while (end > start && !WORD_CHAR.test(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const MIN_WORD = 3;
/** English function words and the most common verbs of descriptions: repeating them is not stuffing. */
const STOPWORDS = new Set(
  ('the and for with your you our are all any can from into that this these those its has have had will not but per via each more most also than then them they their '
    + 'one two new use get how what when who whom was were been out own off too very just only about over under other some such every both here there where which while '
    + 'see set let make made one any may our its yet nor either neither into onto upon within without')
    .split(' '),
);

/** The items of a comma (or bar, slash…) separated list, trimmed, with their offsets. */
export function listItems(value: string): Array<{ start: number; end: number; text: string }> {
  const items: Array<{ start: number; end: number; text: string }> = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = value.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) items.push({ start: start + lead, end: start + lead + text.length, text });
  };
  for (const separator of value.matchAll(ITEM_SEPARATOR)) {
    push(from, separator.index);
    from = separator.index + separator[0].length;
  }
  push(from, value.length);
  return items;
}

/**
 * Terms repeated REPEAT_THRESHOLD times or more: whole list items (`Free BNB, Free BNB, Free BNB`),
 * popular search terms in any script (`空投…空投…空投`), and words of spaced scripts that are not
 * function words. A term inside one already reported is not reported again.
 */
export function repeatedTerms(value: string): Stretch[] {
  const candidates: Stretch[] = [];
  const collect = (occurrences: Map<string, { start: number; end: number; count: number }>) => {
    for (const [term, { start, end, count }] of occurrences) if (count >= REPEAT_THRESHOLD) candidates.push({ start, end, term, count });
  };
  const count = (map: Map<string, { start: number; end: number; count: number }>, term: string, start: number, end: number) => {
    const seen = map.get(term);
    if (seen) seen.count++;
    else map.set(term, { start, end, count: 1 });
  };

  const items = new Map<string, { start: number; end: number; count: number }>();
  for (const item of listItems(value)) {
    const term = trimEdgePunctuation(normalizeText(item.text).text);
    if ([...term].length >= 2 && /[\p{L}]/u.test(term)) count(items, term, item.start, item.end);
  }
  collect(items);

  const keywords = new Map<string, { start: number; end: number; count: number }>();
  for (const match of POPULAR_KEYWORDS.scan(value)) count(keywords, match.term, match.start, match.end);
  collect(keywords);

  const normalized = normalizeText(value);
  const words = new Map<string, { start: number; end: number; count: number }>();
  for (const word of normalized.text.matchAll(WORD)) {
    const term = word[0];
    if (term.length < MIN_WORD || UNSPACED.test(term) || /^\p{N}+$/u.test(term) || STOPWORDS.has(term)) continue;
    const span = toOriginalSpan(normalized, word.index, word.index + term.length);
    count(words, term, span.start, span.end);
  }
  collect(words);

  const reported: Stretch[] = [];
  for (const candidate of candidates) {
    if (reported.some((done) => done.term.includes(candidate.term))) continue;
    reported.push(candidate);
  }
  return reported.sort((a, b) => a.start - b.start);
}

/**
 * PILE_THRESHOLD or more list items that are each nothing but one popular search term; the stretch
 * from the first to the last. Without separators, a run of as many popular terms with only spaces
 * between them is a pile too (`BNB Airdrop Free Crypto Wallet NFT`).
 */
export function keywordPile(value: string): Stretch | undefined {
  const keywords = listItems(value).filter((item) => {
    const matches = POPULAR_KEYWORDS.scan(item.text);
    return matches.length === 1 && matches[0].start === 0 && matches[0].end === item.text.length;
  });
  if (keywords.length < PILE_THRESHOLD) return spacedPile(value);
  const first = keywords[0];
  const last = keywords[keywords.length - 1];
  return { start: first.start, end: last.end, term: keywords.map((item) => item.text).join(', '), count: keywords.length };
}

const ONLY_SPACE = /^\s+$/u;

/**
 * The longest run of PILE_THRESHOLD or more popular terms separated only by spaces. The run must mix
 * kinds of term (a coin and a product word…): a plain list of supported coins (`BTC ETH BNB SOL…`)
 * names what the app handles.
 */
function spacedPile(value: string): Stretch | undefined {
  let best: Stretch | undefined;
  let run: TermMatch[] = [];
  const close = () => {
    const kinds = new Set(run.map((match) => match.entry));
    if (run.length >= PILE_THRESHOLD && kinds.size >= 2 && run.length > (best?.count ?? 0)) {
      best = { start: run[0].start, end: run[run.length - 1].end, term: run.map((match) => match.text).join(' '), count: run.length };
    }
  };
  for (const match of POPULAR_KEYWORDS.scan(value)) {
    const previous = run[run.length - 1];
    if (previous && !ONLY_SPACE.test(value.slice(previous.end, match.start))) {
      close();
      run = [];
    }
    run.push(match);
  }
  close();
  return best;
}

/** A grapheme that is a symbol or emoji (`🔥`, `★`, `$`, `!`), not a letter, digit or ordinary punctuation. */
const SYMBOL = /^(?:\p{Extended_Pictographic}|\p{S}|[!?#*~])/u;
/** Code points that continue the grapheme before them: ZWJ, variation selectors, skin-tone modifiers. */
const JOINING = /[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]/u;
const REGIONAL = /[\u{1f1e6}-\u{1f1ff}]/u;

/** Runs of SYMBOL_RUN or more symbols or emoji (spaces between them allowed). */
export function symbolRuns(value: string): Stretch[] {
  const runs: Stretch[] = [];
  let start = -1;
  let end = -1;
  let count = 0;
  /** The previous code point joins the next one into its symbol (after a ZWJ, or a first flag letter). */
  let joinNext = false;
  const close = () => {
    if (count >= SYMBOL_RUN) runs.push({ start, end, term: value.slice(start, end), count });
    start = -1;
    count = 0;
    joinNext = false;
  };
  // By code point, not Intl.Segmenter (whose iteration is quadratic on long strings), keeping
  // grapheme rules that matter here: joiners, variation selectors and skin tones continue the
  // symbol before them, and two regional indicators make one flag.
  let index = 0;
  for (const char of value) {
    const at = index;
    index += char.length;
    const continues = start >= 0 && end === at;
    if (continues && JOINING.test(char)) {
      end = index;
      joinNext = char === '\u200d';
      continue;
    }
    if (SYMBOL.test(char)) {
      if (start < 0) start = at;
      const regional = REGIONAL.test(char);
      if (!(continues && joinNext)) count++;
      joinNext = regional && !(continues && joinNext);
      end = index;
    } else if (!(start >= 0 && /\s/u.test(char))) close();
    else joinNext = false;
  }
  close();
  return runs;
}
