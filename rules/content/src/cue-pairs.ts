/**
 * Two cues of one pattern in one sentence (a weapon and a sale, an agency and a notice, a group and a
 * demeaning generalisation), read through a folded view of the text so that the spellings that dodge
 * word filters read as the word: full-width and letterlike characters (NFKC), capitals, spaces put
 * between Chinese characters (`枪 支 出 售`) and between single Latin letters (`g u n s`).
 * Every pattern runs on one sentence of at most MAX_SENTENCE characters, so a scan stays linear.
 */
import { sentences, type Sentence } from './sentences.js';

export interface CuePair {
  /** What the two cues together show, for the message ("a weapon offered for sale"). */
  kind: string;
  /** The first cue and the second; the second must be other words than the first. */
  cues: [RegExp, RegExp];
  /** The clause the pattern enforces, when the rule enforces several. */
  clause?: string;
  /** A sentence that also says this is harmless in this pattern's sense (a game shop, a disclaimer). */
  unless?: RegExp;
}

export interface CuePairSentence {
  /** Offsets in the text as given. */
  start: number;
  end: number;
  pair: CuePair;
}

/** A piece this short is one message: its sentences are read together. */
const SHORT_PIECE = 160;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const GAP = /^[\s\u2800._*·•\-]$/u;
const LATIN = /^[a-z]$/;

export interface FoldedText {
  text: string;
  /** `map[i]`: index in the input of the character that produced `text[i]`; `map[text.length]` is the input's length. */
  map: number[];
  /** `ends[i]`: index in the input just past the character that produced `text[i]`. */
  ends: number[];
}

/**
 * The text folded for cue matching: NFKC and lower case per character, and the gaps inside spaced-out
 * words dropped (between two CJK characters; between single Latin letters, as in `f r e e`).
 */
export function foldForCues(input: string): FoldedText {
  const units: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of input) {
    const folded = char.normalize('NFKC').toLowerCase();
    for (const unit of folded) {
      units.push(unit);
      from.push(index);
      to.push(index + char.length);
    }
    index += char.length;
  }
  const isSingleLatin = (at: number) => LATIN.test(units[at] ?? '') && !/[a-z0-9]/.test(units[at - 1] ?? '') && !/[a-z0-9]/.test(units[at + 1] ?? '');
  const keep: boolean[] = units.map(() => true);
  for (let at = 0; at < units.length; at++) {
    if (!GAP.test(units[at])) continue;
    // One gap between two characters of a spaced-out word.
    const before = at - 1;
    const after = at + 1;
    if (before < 0 || after >= units.length) continue;
    if (CJK.test(units[before]) && CJK.test(units[after])) keep[at] = false;
    else if (units[at] !== '.' && isSingleLatin(before) && isSingleLatin(after)) keep[at] = false;
  }
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < units.length; at++) {
    if (!keep[at]) continue;
    text += units[at];
    map.push(from[at]);
    ends.push(to[at]);
  }
  map.push(input.length);
  return { text, map, ends };
}

/** The pattern both of whose cues `text` holds, if any (the first in `pairs` wins). */
export function pairIn(text: string, pairs: readonly CuePair[]): CuePair | undefined {
  return pairs.find(({ cues: [first, second], unless }) => {
    const a = first.exec(text);
    if (!a || unless?.test(text)) return false;
    return second.test(text.slice(0, a.index) + ' '.repeat(a[0].length) + text.slice(a.index + a[0].length));
  });
}

/**
 * The sentences of `text` that hold both cues of one of `pairs` (a short piece that no single
 * sentence matches is read as one sentence), with offsets in `text`.
 */
export function cuePairSentences(text: string, pairs: readonly CuePair[]): CuePairSentence[] {
  const folded = foldForCues(text);
  const toInput = (start: number, end: number) => ({ start: folded.map[start], end: folded.ends[end - 1] });
  const found: CuePairSentence[] = [];
  const all = [...sentences(folded.text)];
  for (const sentence of all) {
    const pair = pairIn(sentence.text, pairs);
    if (pair) found.push({ ...toInput(sentence.start, sentence.end), pair });
  }
  if (found.length || all.length < 2 || folded.text.length > SHORT_PIECE) return found;
  const pair = pairIn(all.map((sentence: Sentence) => sentence.text).join(' '), pairs);
  return pair ? [{ ...toInput(all[0].start, all[all.length - 1].end), pair }] : [];
}
