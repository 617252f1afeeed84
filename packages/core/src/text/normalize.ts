/**
 * Text normalisation for wording checks: the form in which evasions (full-width letters, zero-width
 * characters, Cyrillic look-alikes, combining marks, leetspeak) read as the plain word they imitate,
 * with a map back to the original string so a match is reported where it was written.
 */
import { memoize } from '../memo.js';

export interface NormalizedText {
  /**
   * NFKC, case-folded, marks stripped, invisible characters removed, homoglyphs mapped to Latin,
   * whitespace runs collapsed to one space, no leading or trailing space.
   */
  text: string;
  /** `map[i]`: index in the input of the character that produced `text[i]`; `map[text.length]` is `input.length`. */
  map: Int32Array;
  /** `ends[i]`: index in the input just past the character that produced `text[i]`. */
  ends: Int32Array;
  /**
   * `text` with leetspeak mapped (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s) and, because `1` imitates
   * both `i` and `l`, every `l` folded into `i`. One character per character of `text` (so `map`
   * applies unchanged). For matching only: never show it.
   */
  leet: string;
}

/** The span in the input of `text.slice(start, end)` (end exclusive; an empty span maps to a point). */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = normalized.map[start] ?? normalized.map[normalized.map.length - 1] ?? 0;
  if (end <= start) return { start: from, end: from };
  return { start: from, end: normalized.ends[end - 1] ?? from };
}

/** Characters that render as nothing: format controls (\p{Cf}: soft hyphen, ZWSP/ZWNJ/ZWJ, LRM/RLM, word joiner, BOM, bidi controls, tags), other controls, Hangul fillers. */
const INVISIBLE = /^[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]$/u;
/** Whitespace, including what NFKC does not turn into a space (braille blank is a common invisible filler). */
const SPACE = /^[\s\u2800]$/u;
const MARK = /^\p{M}$/u;
const MARKS = /\p{M}/gu;
/** Combining marks kept with their base character; more are handled (and stripped) one by one. */
const MAX_MARKS = 16;

/** Folds that toLowerCase and NFKC leave alone. */
const SPECIAL_FOLDS: Record<string, string> = {
  'ß': 'ss', 'ς': 'σ', 'ŉ': "'n",
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\uFF07': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

/**
 * Look-alikes of Latin letters (after lower-casing): Cyrillic, Greek, IPA and small capitals. Only
 * letters that pass for the Latin one in common fonts; full-width and mathematical letters are
 * already folded by NFKC.
 */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
  'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
  'ɡ': 'g', 'ү': 'y', 'ѵ': 'v', 'ɜ': 'e',
  // Greek
  'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
  'υ': 'u', 'χ': 'x', 'ω': 'w', 'γ': 'y', 'ϲ': 'c', 'ϳ': 'j', 'μ': 'u',
  // Latin letters that pass for plain ones
  'ı': 'i', 'ȷ': 'j', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ɑ': 'a', 'ɩ': 'i', 'ƚ': 'l', 'ɵ': 'o', 'ꞵ': 'b',
  // Small capitals
  'ᴀ': 'a', 'ʙ': 'b', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ꜰ': 'f', 'ɢ': 'g', 'ʜ': 'h', 'ɪ': 'i', 'ᴊ': 'j',
  'ᴋ': 'k', 'ʟ': 'l', 'ᴍ': 'm', 'ɴ': 'n', 'ᴏ': 'o', 'ᴘ': 'p', 'ʀ': 'r', 'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u',
  'ᴠ': 'v', 'ᴡ': 'w', 'ʏ': 'y', 'ᴢ': 'z',
};

/** Leetspeak for the matching variant. `l` folds into `i` because `1` stands for both. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', 'l': 'i' };

const LEET_PATTERN = /[013457@$l]/g;

/** Characters whose leet reading differs from themselves only by substitution (not the l/i fold). */
export const LEET_SOURCES = '013457@$';

/** ASCII folded: lower case, whitespace as ' ', controls dropped (''). */
const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, code) => {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return ' ';
  if (code < 0x20 || code === 0x7f) return '';
  return String.fromCharCode(code).toLowerCase();
});

const foldCache = new Map<number, string>();
const FOLD_CACHE_LIMIT = 8192;

/** A cluster (base + marks) as folded characters; may be empty (invisible) or contain spaces. */
function foldCluster(cluster: string): string {
  let folded = cluster.normalize('NFKC').toLowerCase();
  // Strip diacritics and combining overlays (p̶o̶r̶n̶, ｆｒéｅ), then recompose (Hangul).
  if (/[^\x00-\x7F]/.test(folded)) folded = folded.normalize('NFD').replace(MARKS, '').normalize('NFC');
  let out = '';
  for (const char of folded) {
    const special = SPECIAL_FOLDS[char] ?? char;
    for (const part of special) {
      if (INVISIBLE.test(part)) continue;
      out += SPACE.test(part) ? ' ' : (HOMOGLYPHS[part] ?? part);
    }
  }
  return out;
}

function foldCodePoint(codePoint: number, char: string): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    folded = INVISIBLE.test(char) ? '' : foldCluster(char);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(codePoint, folded);
  }
  return folded;
}

/**
 * Normalises text for matching, in one pass (linear in the input): each character (with its
 * combining marks) is folded independently, so every output character maps back to one input span.
 */
export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const leet: string[] = [];
  // NFKC can lengthen text (ﬃ → ffi); the buffers grow when needed.
  let map = new Int32Array(input.length + 16);
  let ends = new Int32Array(input.length + 16);
  let size = 0;
  const push = (start: number, end: number) => {
    if (size >= map.length - 1) {
      const grownMap = new Int32Array(map.length * 2);
      grownMap.set(map);
      map = grownMap;
      const grownEnds = new Int32Array(ends.length * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    map[size] = start;
    ends[size] = end;
    size++;
  };
  let pendingSpace = -1;
  let pendingSpaceEnd = -1;

  /** Emits the space standing for a whitespace run, unless it would lead the text. */
  const flushSpace = () => {
    if (out.length) {
      out.push(' ');
      leet.push(' ');
      push(pendingSpace, pendingSpaceEnd);
    }
    pendingSpace = -1;
  };

  /** Appends folded text (spaces already folded to ' ') produced by input[start, end). */
  const emit = (folded: string, start: number, end: number) => {
    for (let k = 0; k < folded.length; k++) {
      const unit = folded[k];
      if (unit === ' ') {
        if (pendingSpace < 0) {
          pendingSpace = start;
          pendingSpaceEnd = end;
        }
        continue;
      }
      if (pendingSpace >= 0) flushSpace();
      out.push(unit);
      leet.push(LEET[unit] ?? unit);
      push(start, end);
    }
  };

  let i = 0;
  const length = input.length;
  while (i < length) {
    const code = input.charCodeAt(i);
    // Fastest path: a run of printable ASCII, folded as a whole (its last character may not carry marks).
    if (code > 0x20 && code < 0x7f) {
      let j = i + 1;
      while (j < length) {
        const next = input.charCodeAt(j);
        if (next <= 0x20 || next >= 0x7f) break;
        j++;
      }
      if (j < length && input.charCodeAt(j) >= 0x300 && MARK.test(String.fromCodePoint(input.codePointAt(j)!))) j--;
      if (j > i) {
        if (pendingSpace >= 0) flushSpace();
        const run = input.slice(i, j).toLowerCase();
        out.push(run);
        leet.push(run.replace(LEET_PATTERN, (char) => LEET[char]));
        for (let k = i; k < j; k++) push(k, k + 1);
        i = j;
        continue;
      }
    }
    // Fast path: ASCII not followed by a combining mark.
    if (code < 0x80 && !(i + 1 < length && input.charCodeAt(i + 1) >= 0x300 && MARK.test(String.fromCodePoint(input.codePointAt(i + 1)!)))) {
      const folded = ASCII_FOLD[code];
      if (folded) emit(folded, i, i + 1);
      i++;
      continue;
    }
    const codePoint = input.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    let end = i + width;
    let marks = 0;
    while (end < length && marks < MAX_MARKS) {
      const next = input.codePointAt(end)!;
      if (next < 0x300 || !MARK.test(String.fromCodePoint(next))) break;
      end += next > 0xffff ? 2 : 1;
      marks++;
    }
    const cluster = input.slice(i, end);
    emit(end === i + width ? foldCodePoint(codePoint, cluster) : foldCluster(cluster), i, end);
    i = end;
  }
  map[size] = length;
  return { text: out.join(''), map: map.slice(0, size + 1), ends: ends.slice(0, size), leet: leet.join('') };
}

/**
 * `normalizeText`, remembered for the last few thousand strings: several rules scan the same piece
 * of text one after another (each with its own term lists), and should normalise it once.
 */
export const normalizedOf: (text: string) => NormalizedText = memoize(normalizeText, 4096);
