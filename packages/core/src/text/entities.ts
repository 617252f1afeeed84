/** Decodes XML/HTML character references in template text, keeping a map back to the raw text. */

export interface DecodedEntities {
  text: string;
  /** `map[i]`: index in the raw text of the character (or reference) that produced `text[i]`; `map[text.length]` is the raw length. */
  map: number[];
  /** `ends[i]`: index in the raw text just past that character or reference. */
  ends: number[];
}

/** The named references templates use in practice; an unknown name is left as written. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwnj: '\u200C', zwj: '\u200D', lrm: '\u200E', rlm: '\u200F', shy: '\u00AD',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', yen: '¥', euro: '€', pound: '£', cent: '¢',
  deg: '°', plusmn: '±', para: '¶', sect: '§', iexcl: '¡', iquest: '¿',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

export function decodeEntities(raw: string): DecodedEntities {
  const map: number[] = [];
  const ends: number[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    if (raw.charCodeAt(i) === 0x26 /* & */) {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(raw);
      const decoded = match ? referenceValue(match) : undefined;
      if (match && decoded !== undefined) {
        const end = i + match[0].length;
        for (let k = 0; k < decoded.length; k++) {
          map.push(i);
          ends.push(end);
        }
        text += decoded;
        i = end;
        continue;
      }
    }
    text += raw[i];
    map.push(i);
    ends.push(i + 1);
    i++;
  }
  map.push(raw.length);
  return { text, map, ends };
}

function referenceValue(match: RegExpExecArray): string | undefined {
  if (match[3] !== undefined) return NAMED[match[3]];
  const codePoint = match[1] !== undefined ? Number.parseInt(match[1], 10) : Number.parseInt(match[2], 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(codePoint);
}

/**
 * Template text at `offset` in its file as the user sees it (entities decoded), with where each
 * character came from: `base` when nothing was decoded (the common case, no arrays), else a map
 * of file offsets per character.
 */
export function decodeTextAt(raw: string, offset: number): { text: string; base?: number; map?: { starts: number[]; ends: number[] } } {
  if (!raw.includes('&')) return { text: raw, base: offset };
  const decoded = decodeEntities(raw);
  return { text: decoded.text, map: { starts: decoded.map.map((index) => index + offset), ends: decoded.ends.map((index) => index + offset) } };
}
