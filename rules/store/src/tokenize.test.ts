import { describe, expect, it } from 'vitest';
import { hashString, sourceKindOf, tokenize, type SourceKind } from './tokenize.js';

/** Tokens as readable strings: fixed tokens by their text (looked up), identifiers as `id`. */
function read(text: string, kind: SourceKind, vocabulary: string[]): string[] {
  const names = new Map(vocabulary.map((word) => [hashString(word), word]));
  const tokens = tokenize(text, kind);
  return Array.from({ length: tokens.length }, (_, i) => (tokens.kind[i] === 1 ? 'id' : names.get(tokens.value[i]) ?? '?'));
}

const JS_WORDS = ['const', 'return', 'S', 'S`', 'N', 'R', '${', '}$', '=', '(', ')', '{', '}', ';', '.', ',', '/', '+', ':', '=>', '>', '<'];

describe('tokenize', () => {
  it('knows which files it compares', () => {
    expect(['a.js', 'b.tsx', 'c.bns', 'd.bxml', 'e.wxml', 'f.bxss', 'g.scss', 'h.json'].map(sourceKindOf)).toEqual(['js', 'js', 'js', 'markup', 'markup', 'css', 'css', 'json']);
    expect(['logo.png', 'font.woff2', 'README.md', 'Makefile', '.bxml'].map(sourceKindOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('drops comments and whitespace and abstracts literals in JS', () => {
    const a = read("const a = 'x' + 1.5e3; // note\n/* block */ return `t${a}u`;", 'js', JS_WORDS);
    const b = read('const   a=\n"other"+7;return `${a}`;', 'js', JS_WORDS);
    expect(a).toEqual(['const', 'id', '=', 'S', '+', 'N', ';', 'return', 'S`', '${', 'id', '}$', ';']);
    expect(b).toEqual(a);
  });

  it('tells a regular expression from a division', () => {
    expect(read('const r = /a\\/b[/]/g; x = a / b / c;', 'js', JS_WORDS)).toEqual(['const', 'id', '=', 'R', ';', 'id', '=', 'id', '/', 'id', '/', 'id', ';']);
    expect(read('return /x/.test(y)', 'js', [...JS_WORDS])).toEqual(['return', 'R', '.', 'id', '(', 'id', ')']);
  });

  it('keeps nested braces inside template expressions apart from the template', () => {
    expect(read('`a${ {k: 1}.k }b`; z', 'js', JS_WORDS)).toEqual(['S`', '${', '{', 'id', ':', 'N', '}', '.', 'id', '}$', ';', 'id']);
  });

  it('reads templates: tag and attribute names as written, names in values as identifiers, text as T, bindings as JS', () => {
    const words = ['<view', '@class', '@bindtap', '=', '>', '</view', 'T', '{{', '}}', '/>', '<image', '@src', '.', '<bns', '</bns', 'var', '(', ')'];
    const tokens = read('<!-- c --><view class="card {{active ? \'on\' : \'\'}}" bindtap="open">Hello {{user.name}}</view><image src="/a.png"/><bns>var x = f()</bns>', 'markup', [...words, 'S', '?', ':']);
    expect(tokens).toEqual([
      '<view', '@class', '=', 'id', '{{', 'id', '?', 'S', ':', 'S', '}}', '@bindtap', '=', 'id', '>',
      'T', '{{', 'id', '.', 'id', '}}', '</view', '>', '<image', '@src', '=', 'id', 'id', '/>',
      '<bns', '>', 'var', 'id', '=', 'id', '(', ')', '</bns', '>',
    ]);
  });

  it('reads styles: selectors as identifiers, properties and values as written, numbers, colours and URLs abstracted', () => {
    const words = ['.', '{', '}', ':', ';', 'color', 'padding', 'N', 'rpx', '#', 'background', 'S', 'url', '(', ')', 'view', ',', 'position', 'fixed'];
    expect(read('/* x */ .card, view { color: #0E9F9A; padding: 24rpx; background: url(https://a.example/b.png) } .x{position:fixed}', 'css', words)).toEqual([
      '.', 'id', ',', 'view', '{', 'color', ':', '#', ';', 'padding', ':', 'N', 'rpx', ';', 'background', ':', 'url', '(', 'S', ')', '}',
      '.', 'id', '{', 'position', ':', 'fixed', '}',
    ]);
  });

  it('reads JSON: keys as written, values abstracted', () => {
    expect(read('{ "pages": ["a", "b"], "debug": false, "n": 3 }', 'json', ['{', '}', '[', ']', ',', ':', 'Kpages', 'Kdebug', 'Kn', 'S', 'N', 'false'])).toEqual([
      '{', 'Kpages', ':', '[', 'S', ',', 'S', ']', ',', 'Kdebug', ':', 'false', ',', 'Kn', ':', 'N', '}',
    ]);
  });

  it('never throws on broken input', () => {
    for (const kind of ['js', 'markup', 'css', 'json'] as const) {
      for (const text of ['`${', '"unterminated', '/* open', '<view class="', '{{ a', '.a { color:', '{"a":', '/[', '<', '}}}']) expect(() => tokenize(text, kind)).not.toThrow();
    }
  });
});
