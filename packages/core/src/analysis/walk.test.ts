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
