import { describe, expect, it } from 'vitest';
import { VISITOR_KEYS as BABEL_VISITOR_KEYS } from '@babel/types';
import type { Node } from '@babel/types';
import { parseJsText } from '../parse/js.js';
import { VISITOR_KEYS } from './visitor-keys.generated.js';
import type { WalkHandlers } from './walk.js';
import { ancestorsIn, nodesIn, parentIn, walkJs } from './walk.js';

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

  it('walks files and their subtrees (found in the recorded order) exactly as the plain definition does', () => {
    const { ast } = parseJsText('const a = `x${b}y${c(d)}`;\nPage({ onLoad() { if (a) { bn.f({ s: `${a}` }); } }, tap: () => g(`q${h}`) });', 'js');
    const subtrees: Node[] = [];
    walkJs(ast!, { enter: (node) => void (['ObjectMethod', 'ArrowFunctionExpression', 'TemplateLiteral', 'IfStatement'].includes(node.type) && subtrees.push(node)) });
    expect(subtrees.length).toBe(6);
    for (const skip of ['', 'IfStatement', 'TemplateLiteral', 'CallExpression']) {
      for (const root of [ast!, ...subtrees]) expect(events(walkJs, root, skip)).toEqual(events(referenceWalk, root, skip));
    }
  });

  it('finds every node\'s parent from the recorded order, template literals included', () => {
    const { ast } = parseJsText('const s = `a${b.c}d${`e${f(g)}`}`;\nPage({ tap() { h[`k${i}`] = j; } });', 'js');
    const expected = new Map<Node, Node | undefined>();
    referenceWalk(ast!, { enter: (node, ancestors) => void expected.set(node, ancestors.at(-1)) });
    expect(expected.size).toBeGreaterThan(30);
    for (const [node, parent] of expected) expect(parentIn(ast!, node)).toBe(parent);
  });

  it('lists a file\'s nodes in walk order and each node\'s ancestors as a walk passes them', () => {
    const { ast } = parseJsText('const s = `a${b.c}d`;\nPage({ tap() { if (x) { y(); } } });', 'js');
    const order: Node[] = [];
    const ancestorsOf = new Map<Node, Node[]>();
    referenceWalk(ast!, { enter: (node, ancestors) => void (order.push(node), ancestorsOf.set(node, [...ancestors])) });
    expect(nodesIn(ast!)).toEqual(order);
    expect(nodesIn(ast!).every((node, index) => node === order[index])).toBe(true);
    for (const node of order) expect(ancestorsIn(ast!, node)).toEqual(ancestorsOf.get(node));
    expect(ancestorsIn(ast!, ast!)).toEqual([]);
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

/** The walk's contract, written plainly: depth first over the visitor keys, with enter/exit and skips. */
function referenceWalk(node: Node, handlers: WalkHandlers, ancestors: Node[] = []): void {
  if (handlers.enter?.(node, ancestors) === false) return;
  ancestors.push(node);
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as Node).type === 'string') referenceWalk(item as Node, handlers, ancestors);
  }
  ancestors.pop();
  handlers.exit?.(node, ancestors);
}

function events(walk: (root: Node, handlers: WalkHandlers) => void, root: Node, skip: string): string[] {
  const out: string[] = [];
  walk(root, {
    enter: (node, ancestors) => {
      out.push(`>${label(node)}@${node.start}<${ancestors.map((ancestor) => ancestor.type).join('/')}`);
      if (node.type === skip) return false;
    },
    exit: (node, ancestors) => void out.push(`<${label(node)}@${node.start}:${ancestors.length}`),
  });
  return out;
}

function label(node: Node): string {
  return node.type === 'Identifier' ? `Identifier ${node.name}` : node.type;
}
