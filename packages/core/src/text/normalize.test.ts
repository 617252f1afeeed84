import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from './normalize.js';
import { decodeEntities, decodeTextAt } from './entities.js';

/** The input text behind `normalized.text.slice(start, end)`. */
function original(input: string, start: number, end: number): string {
  const span = toOriginalSpan(normalizeText(input), start, end);
  return input.slice(span.start, span.end);
}

describe('normalizeText', () => {
  it('folds case, width and compatibility forms (NFKC)', () => {
    expect(normalizeText('Ｆｒｅｅ ＢＮＢ').text).toBe('free bnb');
    expect(normalizeText('𝐅𝐫𝐞𝐞 ⓑⓝⓑ').text).toBe('free bnb');
    expect(normalizeText('ﬁnance ｶﾀｶﾅ').text).toBe('finance カタカナ');
    expect(normalizeText('STRASSE Straße').text).toBe('strasse strasse');
  });

  it('removes zero-width and other invisible characters', () => {
    const input = 'f\u200Br\u200Ce\u200De\u2060 b\uFEFFn\u00ADb\u2062\u202E';
    expect(normalizeText(input).text).toBe('free bnb');
    expect(normalizeText('免\u200B费').text).toBe('免费');
  });

  it('maps Cyrillic and Greek look-alikes of Latin letters', () => {
    // а е о р с х і ѕ (Cyrillic), ο ν (Greek)
    expect(normalizeText('\u0430\u0435\u043E\u0440\u0441\u0445\u0456\u0455 \u03BF\u03BD').text).toBe('aeopcxis ov');
    expect(normalizeText('Frее ВNВ').text).toBe('free bnb');
    expect(normalizeText('ᴘᴏʀɴ').text).toBe('porn');
  });

  it('strips diacritics and combining overlays', () => {
    expect(normalizeText('frée p̶o̶r̶n̶ naïve').text).toBe('free porn naive');
  });

  it('collapses whitespace, including full-width and no-break spaces, and trims', () => {
    expect(normalizeText('  free\u3000\u00A0\n\t bnb  ').text).toBe('free bnb');
    expect(normalizeText('').text).toBe('');
    expect(normalizeText(' \u200B ').text).toBe('');
  });

  it('keeps CJK text as it is', () => {
    expect(normalizeText('免费送币，稳赚不赔！').text).toBe('免费送币,稳赚不赔!');
    expect(normalizeText('한국어').text).toBe('한국어');
  });

  it('gives a leetspeak reading of the same length, for matching', () => {
    const normalized = normalizeText('Fr33 BNB @ p0rn $3x l1ke');
    expect(normalized.text).toBe('fr33 bnb @ p0rn $3x l1ke');
    expect(normalized.leet).toBe('free bnb a porn sex iike');
    expect(normalized.leet.length).toBe(normalized.text.length);
  });

  it('maps every normalised character back to where it was written', () => {
    const input = 'Say: Ｆｒｅｅ\u200B  ＢＮＢ!';
    const normalized = normalizeText(input);
    const at = normalized.text.indexOf('free bnb');
    expect(original(input, at, at + 'free bnb'.length)).toBe('Ｆｒｅｅ\u200B  ＢＮＢ');
    expect(normalized.map).toHaveLength(normalized.text.length + 1);
    expect(normalized.map[normalized.text.length]).toBe(input.length);
    expect(normalized.ends).toHaveLength(normalized.text.length);
  });

  it('maps one input character that folds to several back to that character', () => {
    const input = 'ﬁne Straße';
    const normalized = normalizeText(input);
    expect(normalized.text).toBe('fine strasse');
    expect(original(input, 0, 1)).toBe('ﬁ');
    expect(original(input, 0, 4)).toBe('ﬁne');
    expect(original(input, 9, 11)).toBe('ß');
  });

  it('maps a character with combining marks to the whole cluster', () => {
    const input = 'xp̶o̶r̶n̶y';
    const normalized = normalizeText(input);
    expect(normalized.text).toBe('xporny');
    expect(original(input, 1, 5)).toBe('p̶o̶r̶n̶');
  });

  it('handles astral characters and lone surrogates', () => {
    expect(normalizeText('a😀b').text).toBe('a😀b');
    expect(original('a😀b', 1, 3)).toBe('😀');
    expect(() => normalizeText('a\uD800b\uDC00')).not.toThrow();
  });

  it('is linear: 200 KB of adversarial input normalises fast', () => {
    const inputs = [
      'a\u0301'.repeat(100_000),
      '\u0336'.repeat(200_000),
      '\u200B'.repeat(200_000),
      ' \u3000'.repeat(100_000),
      'Ｆр\u0456\u0435'.repeat(50_000),
      '𝐅'.repeat(100_000),
    ];
    for (const input of inputs) normalizeText(input.slice(0, 2000));
    for (const input of inputs) {
      const started = performance.now();
      const normalized = normalizeText(input);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(normalized.map.length).toBe(normalized.text.length + 1);
    }
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references with a map to the raw text', () => {
    const raw = 'Free&nbsp;B&#78;&#x42; &amp; more &unknown; &';
    const decoded = decodeEntities(raw);
    expect(decoded.text).toBe('Free\u00A0BNB & more &unknown; &');
    const n = decoded.text.indexOf('N');
    expect(raw.slice(decoded.map[n], decoded.ends[n])).toBe('&#78;');
    expect(decoded.map[decoded.text.length]).toBe(raw.length);
  });

  it('replaces out-of-range code points', () => {
    expect(decodeEntities('&#xD800;&#99999999;').text).toBe('\uFFFD&#99999999;');
  });
});

describe('decodeTextAt', () => {
  it('places plain text by its offset and decoded text by a map of file offsets', () => {
    expect(decodeTextAt('Free BNB', 40)).toEqual({ text: 'Free BNB', base: 40 });
    const decoded = decodeTextAt('B&#78;B', 10);
    expect(decoded.text).toBe('BNB');
    expect(decoded.base).toBeUndefined();
    expect([decoded.map!.starts[1], decoded.map!.ends[1]]).toEqual([11, 16]);
  });
});
