import type { Node } from '@babel/types';
import { VISITOR_KEYS } from './visitor-keys.generated.js';

export interface WalkHandlers {
  /** Return false to skip the node's children. */
  enter?(node: Node, ancestors: readonly Node[]): void | false;
  exit?(node: Node, ancestors: readonly Node[]): void;
}

/** A file's nodes in walk order; `ends[i]` is the index just past the subtree of `nodes[i]`. */
interface Linear {
  nodes: Node[];
  ends: Int32Array;
}

/**
 * Whole files are walked several times (scope index, the merged rule walk, project analyses), so
 * a file's walk order is computed once and later walks read it from an array instead of looking up
 * each node's child keys again.
 */
const linearized = new WeakMap<Node, Linear>();

/**
 * Depth-first walk over Babel's VISITOR_KEYS with an explicit stack: no recursion, so a 10,000-deep
 * expression walks as easily as a flat one, and no @babel/traverse (about 5× the parse cost).
 */
export function walkJs(root: Node, handlers: WalkHandlers): void {
  if (root.type !== 'File') {
    walkTree(root, handlers);
    return;
  }
  if (!linearized.has(root)) linearize(root, () => {});
  const { nodes, ends } = linearized.get(root)!;
  const ancestors: Node[] = [];
  const open: number[] = [];
  let i = 0;
  while (i < nodes.length) {
    while (open.length && ends[open[open.length - 1]] <= i) {
      open.pop();
      // Popped first: `exit?.(…)` would skip evaluating its arguments when there is no exit handler.
      const done = ancestors.pop()!;
      handlers.exit?.(done, ancestors);
    }
    const node = nodes[i];
    if (handlers.enter?.(node, ancestors) === false) {
      i = ends[i];
      continue;
    }
    ancestors.push(node);
    open.push(i);
    i++;
  }
  while (open.length) {
    open.pop();
    const done = ancestors.pop()!;
    handlers.exit?.(done, ancestors);
  }
}

/**
 * Records a file's walk order (done once, right after parsing, by the pass that also drops Babel's
 * locations), calling `visit` on each node.
 */
export function linearize(root: Node, visit: (node: Node) => void): void {
  const nodes: Node[] = [];
  const ends: number[] = [];
  walkTree(root, {
    enter(node) {
      visit(node);
      ends.push(0);
      nodes.push(node);
    },
  }, (index) => {
    ends[index] = nodes.length;
  });
  linearized.set(root, { nodes, ends: Int32Array.from(ends) });
}

const EXIT = Symbol('exit');
type Frame = Node | typeof EXIT;

function walkTree(root: Node, handlers: WalkHandlers, closed?: (index: number) => void): void {
  const ancestors: Node[] = [];
  // Preorder index of each open ancestor, for `closed`.
  const indexes: number[] = [];
  let entered = 0;
  const stack: Frame[] = [root];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame === EXIT) {
      const node = ancestors.pop()!;
      closed?.(indexes.pop()!);
      handlers.exit?.(node, ancestors);
      continue;
    }
    if (handlers.enter?.(frame, ancestors) === false) {
      closed?.(entered++);
      continue;
    }
    ancestors.push(frame);
    indexes.push(entered++);
    stack.push(EXIT);
    const keys = VISITOR_KEYS[frame.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (frame as unknown as Record<string, unknown>)[keys[k]];
      if (!child) continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}
