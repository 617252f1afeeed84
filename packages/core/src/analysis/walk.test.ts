import { describe, expect, it } from 'vitest';
import { VISITOR_KEYS as BABEL_VISITOR_KEYS } from '@babel/types';
import type { Node } from '@babel/types';
import { parseJsText } from '../parse/js.js';
import { VISITOR_KEYS } from './visitor-keys.generated.js';
import { walkJs } from './walk.js';

describe('walkJs', () => {
  it('uses the visitor keys of the installed @babel/types (run scripts/generate-visitor-keys.mjs after a Babel upgrade)', () => {
    expect(VISITOR_KEYS).toEqual(BABEL_VISITOR_KEYS);
  });

  it('visits every node depth-first in visitor-key order, entering before and exiting after the children', () => {
    const { ast } = parseJsText('const a = f(b, `x${c}`);', 'js');
    const events: string[] = [];
    walkJs(ast!, {
      enter: (node) => void events.push(`>${label(node)}`),
      exit: (node) => void events.push(`<${label(node)}`),
    });
    const entered = events.filter((event) => event.startsWith('>')).map((event) => event.slice(1));
    expect(entered).toEqual(['File', 'Program', 'VariableDeclaration', 'VariableDeclarator', 'Identifier a', 'CallExpression', 'Identifier f', 'Identifier b', 'TemplateLiteral', 'TemplateElement', 'TemplateElement', 'Identifier c']);
    expect(events.at(-1)).toBe('<File');
    expect(events.indexOf('<Identifier f')).toBeLessThan(events.indexOf('>Identifier b'));
  });

  it('gives each node its parent as the last ancestor, with or without an exit handler', () => {
    const { ast } = parseJsText('Page({ data: { a: [1, f(b)] }, onShow() { if (x) { y(); } } });', 'js');
    const parents = (withExit: boolean, root: Node) => {
      const found = new Map<Node, Node | undefined>();
      walkJs(root, { enter: (node, ancestors) => void found.set(node, ancestors.at(-1)), ...(withExit ? { exit: () => {} } : {}) });
      return found;
    };
    // A File is walked from its recorded order; a subtree (here the Program) node by node.
    const expected = parents(true, ast!.program);
    for (const withExit of [false, true]) {
      const actual = parents(withExit, ast!);
      for (const [node, parent] of expected) if (node !== ast!.program) expect(actual.get(node)).toBe(parent);
      expect(actual.get(ast!.program)).toBe(ast);
    }
  });

  it('skips the children of a node when enter returns false', () => {
    const { ast } = parseJsText('f(g(x)); y;', 'js');
    const names: string[] = [];
    walkJs(ast!, {
      enter: (node) => {
        if (node.type === 'Identifier') names.push(node.name);
        if (node.type === 'CallExpression') return false;
      },
    });
    expect(names).toEqual(['y']);
  });
});

function label(node: Node): string {
  return node.type === 'Identifier' ? `Identifier ${node.name}` : node.type;
}
