import { describe, expect, it } from 'vitest';
import { cookLiteral, scanScriptText, type ScriptLiteral } from './script-text.js';

const scan = (text: string, words: string[] = []) => {
  const literals: ScriptLiteral[] = [];
  const found: Array<[string, number]> = [];
  scanScriptText(text, { words: new Set(words), word: (word, start) => found.push([word, start]), literal: (literal) => literals.push(literal) });
  return { literals, words: found };
};

describe('scanScriptText', () => {
  it('reports string literals in code with their spans and decoded values', () => {
    const text = 'var a="x\\/y",b=\'it\\\'s\';f("\\u0041\\x42")';
    expect(scan(text).literals).toEqual([
      { value: 'x/y', start: 6, end: 12, partial: false },
      { value: "it's", start: 15, end: 22, partial: false },
      { value: 'AB', start: 25, end: 37, partial: false },
    ]);
  });

  it('skips comments and regular expressions, and reads division as code', () => {
    const text = '// "a" bn\n/* "b" bn */var r=/"c" bn/g,d=x/2/"e".length;return/"f"/.test(bn)';
    const { literals, words } = scan(text, ['bn']);
    expect(literals.map((literal) => literal.value)).toEqual(['e']);
    expect(words).toEqual([['bn', text.lastIndexOf('bn')]]);
  });

  it('gives a template literal its first piece, and scans the code inside ${ } and nested templates', () => {
    const text = 'u=`http://a/${bn.x+`in${"s"}`}/b`;v=`whole`';
    const { literals, words } = scan(text, ['bn']);
    expect(literals).toEqual([
      { value: 'http://a/', start: 2, end: 12, partial: true },
      { value: 'in', start: 19, end: 22, partial: true },
      { value: 's', start: 24, end: 27, partial: false },
      { value: 'whole', start: 36, end: 43, partial: false },
    ]);
    expect(words).toEqual([['bn', 14]]);
  });

  it('reads an unterminated quote on its line as code', () => {
    expect(scan('a="x\nbn;"ok"', ['bn'])).toEqual({ literals: [{ value: 'ok', start: 8, end: 12, partial: false }], words: [['bn', 5]] });
  });

  it('decodes escapes and drops line continuations', () => {
    expect(cookLiteral('a\\nb\\u{1F600}\\\nc\\q')).toBe('a\nb\u{1F600}cq');
  });
});

describe('scanScriptText on hostile text', () => {
  const time = (text: string) => {
    const started = performance.now();
    scanScriptText(text, { words: new Set(['bn']), word() {}, literal() {} });
    return performance.now() - started;
  };
  // Each unterminated quote or regular expression would scan to the end of the line again.
  for (const [name, unit] of [['escaped quotes', '"\\'], ['apostrophes', "'\\"], ['regular expressions', '(/[']] as const) {
    it(`stays linear on one long line of ${name}`, () => {
      time(unit.repeat(2_000));
      const small = Math.max(time(unit.repeat(5_000)), 1);
      const large = time(unit.repeat(40_000));
      expect(large, `${small.toFixed(1)} ms for 5,000, ${large.toFixed(1)} ms for 40,000`).toBeLessThan(small * 8 * 4 + 50);
    });
  }
});
