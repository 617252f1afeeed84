import { jsonNodeAt, type ListingSource } from '@bmplint/core';

/**
 * A string value of listing.json with a map from each character of the decoded string to its
 * offsets in the file, so a finding inside the text lands on the right column even when the JSON
 * spells characters as escapes (`\u0040`, `\"`).
 */
export interface ListingText {
  field: string;
  value: string;
  /** Span of the whole JSON string, quotes included. */
  span: { start: number; end: number };
  /** Offsets in the file of `value[i]` (start) and of its end; escapes map as a whole. */
  starts: number[];
  ends: number[];
}

/** The string at `field` of listing.json with its offset map; undefined when it is absent or not a string. */
export function listingText(listing: ListingSource, field: string): ListingText | undefined {
  const node = jsonNodeAt(listing.json.tree, [field]);
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const span = { start: node.offset, end: node.offset + node.length };
  const raw = listing.json.text.slice(span.start, span.end);
  const mapped = mapJsonString(raw, span.start);
  if (mapped && mapped.value === node.value) return { field, value: node.value, span, starts: mapped.starts, ends: mapped.ends };
  // Should not happen for a string jsonc parsed; fall back to the whole value for every character.
  const starts = Array.from({ length: node.value.length }, () => span.start);
  const ends = Array.from({ length: node.value.length }, () => span.end);
  return { field, value: node.value, span, starts, ends };
}

/** The file span of `value.slice(start, end)`. */
export function spanOf(text: ListingText, start: number, end: number): { start: number; end: number } {
  if (start >= end || end > text.value.length) return text.span;
  return { start: text.starts[start], end: text.ends[end - 1] };
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes a JSON string literal (with its quotes), recording where each decoded UTF-16 unit came from. */
export function mapJsonString(raw: string, offset: number): { value: string; starts: number[]; ends: number[] } | undefined {
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') return undefined;
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 1; i < raw.length - 1; ) {
    const c = raw[i];
    if (c !== '\\') {
      value += c;
      starts.push(offset + i);
      ends.push(offset + i + 1);
      i++;
      continue;
    }
    const next = raw[i + 1];
    if (next === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      value += String.fromCharCode(parseInt(hex, 16));
      starts.push(offset + i);
      ends.push(offset + i + 6);
      i += 6;
    } else if (next !== undefined && next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      starts.push(offset + i);
      ends.push(offset + i + 2);
      i += 2;
    } else return undefined;
  }
  return { value, starts, ends };
}

/** Zero-width and invisible formatting characters that hide inside words (`t\u200B.me`). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * Text normalised for matching — NFKC per character (full-width `ｔ．ｍｅ` → `t.me`, circled digits →
 * digits), invisible characters removed — with, for each normalised UTF-16 unit, the range of
 * original units it came from.
 */
export interface NormalizedText {
  text: string;
  from: number[];
  to: number[];
}

export function normalizeForMatching(original: string): NormalizedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = original.slice(i, i + width);
    if (!INVISIBLE.test(char)) {
      const normalized = char.normalize('NFKC');
      for (let k = 0; k < normalized.length; k++) {
        from.push(i);
        to.push(i + width);
      }
      text += normalized;
    }
    i += width;
  }
  return { text, from, to };
}

/** The original range of `normalized.text.slice(start, end)`. */
export function originalRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: normalized.from[start], end: normalized.to[end - 1] };
}
