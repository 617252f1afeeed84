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
    // An opening tag written where the closing one was meant is one mistake, not two unclosed tags.
    expect(errorsOf('<view>\n  <text>{{a}}<text>\n</view>')).toEqual([
      { message: '<text> is opened again where </text> was probably meant: the <text> before it is never closed', at: { line: 2, column: 14 } },
    ]);
    // A second tag that holds elements is a real opening tag: both are reported.
    expect(errorsOf('<view>\n  <view><text>a</text>\n').map((error) => error.message)).toEqual(['<view> is not closed', '<view> is not closed']);
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

  it('reads reserved words as data names inside larger expressions, keeping their names', () => {
    const file = parseBxml('t.bxml', `<view class="{{class || ''}}" hidden="{{ !default.show }}">{{ item.default }} {{ new ? 'a' : for }} {{ typeof x }}</view>`);
    expect(file.errors).toEqual([]);
    const view = [...elementsOf(file.document)][0];
    const logical = getAttribute(view, 'class')!.expressions[0].ast as unknown as { left: { type: string; name: string; start: number; end: number } };
    expect(logical.left).toMatchObject({ type: 'Identifier', name: 'class' });
    expect(file.text.slice(logical.left.start, logical.left.end)).toBe('class');
    const text = view.children[0] as { expressions: Array<{ ast: { type: string; test?: { name: string }; alternate?: { name: string } } | null }> };
    expect(text.expressions.map((expression) => expression.ast?.type)).toEqual(['MemberExpression', 'ConditionalExpression', 'UnaryExpression']);
    expect(text.expressions[1].ast).toMatchObject({ test: { name: 'new' }, alternate: { name: 'for' } });
  });

  it('reads object and template literals inside a binding', () => {
    const file = parseBxml('t.bxml', '<view style="{{ color: c, fontSize: size + \'px\' }}" data-o="{{ {x: 1, y: {z: 2}} }}">{{ `total: ${n}` }}</view>\n<text>{{`call.${\n  a ? \'x\' : \'y\'\n}All({b:true})`}}}</text>');
    expect(file.errors).toEqual([]);
    const [view, text] = [...elementsOf(file.document)];
    expect(getAttribute(view, 'style')!.expressions[0].ast?.type).toBe('ObjectExpression');
    expect(getAttribute(view, 'data-o')!.expressions[0].ast?.type).toBe('ObjectExpression');
    const literal = (text.children[0] as { data: string; expressions: Array<{ ast: { type: string } | null }> });
    expect(literal.expressions[0].ast?.type).toBe('TemplateLiteral');
    // The third brace is text after the binding.
    expect(literal.data.endsWith('`}}}')).toBe(true);
  });

  it('does not read {{ in a comment as a binding', () => {
    expect(errorsOf('<!-- write {{ name here, later -->\n<view>{{ ok }}</view>')).toEqual([]);
  });

  it('still reports what no template compiler reads', () => {
    expect(errorsOf('<view>{{ a b }}</view>')[0].message).toMatch(/^invalid expression/);
    expect(errorsOf('<view>{{ a: 1 }}</view>')[0].message).toMatch(/^invalid expression/);
    expect(errorsOf('<view class="{{ class class }}"/>')[0].message).toMatch(/^invalid expression/);
  });

  it('recognises event attributes in every spelling', () => {
    expect(['bindtap', 'bind:tap', 'catchtap', 'catch:longpress', 'capture-bind:touchstart', 'mut-bind:tap', 'class', 'bn:if'].map(eventOfAttribute)).toEqual([
      'tap', 'tap', 'tap', 'longpress', 'touchstart', 'tap', undefined, undefined,
    ]);
    expect(['bindTap', 'catchTap', 'onLongPress', 'onTap', 'once', 'on-tap'].map(eventOfAttribute)).toEqual(['tap', 'tap', 'longpress', 'tap', undefined, undefined]);
  });

  it('looks attributes up by name whether written kebab-case or camelCase', () => {
    const [button] = [...elementsOf(parseBxml('t.bxml', '<button openType="share" loading-bar="{{x}}" appId="a"/>').document)];
    expect(getAttribute(button, 'open-type')?.value).toBe('share');
    expect(getAttribute(button, 'loadingBar')?.name).toBe('loading-bar');
    expect(getAttribute(button, 'app-id')?.value).toBe('a');
    expect(getAttribute(button, 'type')).toBeUndefined();
  });

  it('survives 10,000 levels of nesting', () => {
    const depth = 10_000;
    const file = parseBxml('t.bxml', '<view>'.repeat(depth) + '</view>'.repeat(depth));
    expect(file.errors).toEqual([]);
    expect([...elementsOf(file.document)].length).toBe(depth);
  });
});
