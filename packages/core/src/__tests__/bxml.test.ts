import { describe, expect, it } from 'vitest';
import { parseBxml } from '../parse/bxml.js';
import { elementsOf, eventOfAttribute, getAttribute } from '../parse/bxml-ast.js';

const errorsOf = (text: string) => {
  const file = parseBxml('t.bxml', text);
  return file.errors.map((error) => ({ message: error.message, at: file.lines.positionAt(error.start) }));
};

describe('BXML parser', () => {
  it('builds a tree with attributes, directives and bindings', () => {
    const file = parseBxml('t.bxml', '<view bn:for="{{items}}" bn:key="id" bindtap="open">\n  <text>{{ item.name }} ({{item.count + 1}})</text>\n</view>');
    const [view, text] = [...elementsOf(file.document)];
    expect(view.name).toBe('view');
    expect(view.attributes.map((attribute) => attribute.name)).toEqual(['bn:for', 'bn:key', 'bindtap']);
    expect(getAttribute(view, 'bn:for')?.expressions[0].ast?.type).toBe('Identifier');
    expect(getAttribute(view, 'bn:key')?.value).toBe('id');
    const bindings = (text.children[0] as { expressions: Array<{ code: string; ast: { type: string } | null }> }).expressions;
    expect(bindings.map((binding) => [binding.code.trim(), binding.ast?.type])).toEqual([['item.name', 'MemberExpression'], ['item.count + 1', 'BinaryExpression']]);
    expect(file.errors).toEqual([]);
  });

  it('gives expressions absolute positions', () => {
    const file = parseBxml('t.bxml', '<view>\n  <text>{{ a.b }}</text>\n</view>');
    const text = [...elementsOf(file.document)][1];
    const ast = (text.children[0] as { expressions: Array<{ ast: { start: number; end: number } }> }).expressions[0].ast;
    expect(file.lines.rangeOf(ast.start, ast.end)).toEqual({ start: { line: 2, column: 12 }, end: { line: 2, column: 15 } });
  });

  it('does not read `<` inside a binding or an inline script as a tag', () => {
    const file = parseBxml('t.bxml', '<view bn:if="{{a<b}}">{{ x<y ? 1 : 2 }}</view>\n<bns module="m">\nvar f = function (a, b) { return a<b; };\nmodule.exports = { f: f };\n</bns>');
    expect(file.errors).toEqual([]);
    expect([...elementsOf(file.document)].map((element) => element.name)).toEqual(['view', 'bns']);
    expect(file.embeddedScripts[0].ast?.program.body.length).toBe(2);
    const bns = [...elementsOf(file.document)][1];
    expect(bns.children).toEqual([]);
  });

  it('reports unclosed and unmatched tags where they are', () => {
    expect(errorsOf('<view>\n  <scroll-view>\n    <text>x</text>\n</view>')).toEqual([{ message: '<scroll-view> is not closed', at: { line: 2, column: 3 } }]);
    expect(errorsOf('<view>\n  <text>x</text></button>\n</view>')).toEqual([{ message: '</button> has no matching opening tag', at: { line: 2, column: 17 } }]);
    expect(errorsOf('<view><text>')).toEqual([
      { message: '<view> is not closed', at: { line: 1, column: 1 } },
      { message: '<text> is not closed', at: { line: 1, column: 7 } },
    ]);
  });

  it('reports invalid expressions and unterminated bindings', () => {
    const [invalid] = errorsOf('<view>\n  {{ item. }}\n</view>');
    expect(invalid.message).toMatch(/^invalid expression in \{\{ \}\}/);
    expect(invalid.at.line).toBe(2);
    expect(errorsOf('<view>{{ a </view>')[0]).toEqual({ message: '"{{" is never closed with "}}"', at: { line: 1, column: 7 } });
  });

  it('accepts data keys that are reserved words in JavaScript', () => {
    expect(errorsOf('<label for="{{for}}" class="{{ class }}">{{label}}</label>')).toEqual([]);
  });

  it('accepts template data objects without braces', () => {
    expect(errorsOf('<template is="card" data="{{ ...item, index: i }}"/>')).toEqual([]);
  });

  it('recognises event attributes in every spelling', () => {
    expect(['bindtap', 'bind:tap', 'catchtap', 'catch:longpress', 'capture-bind:touchstart', 'mut-bind:tap', 'class', 'bn:if'].map(eventOfAttribute)).toEqual([
      'tap', 'tap', 'tap', 'longpress', 'touchstart', 'tap', undefined, undefined,
    ]);
  });

  it('survives 10,000 levels of nesting', () => {
    const depth = 10_000;
    const file = parseBxml('t.bxml', '<view>'.repeat(depth) + '</view>'.repeat(depth));
    expect(file.errors).toEqual([]);
    expect([...elementsOf(file.document)].length).toBe(depth);
  });
});
