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
  /** `nodes[i].start`, to find a subtree's first index by binary search. */
  starts: Int32Array;
  /** Index of each node's parent (-1 for the root). */
  parents: Int32Array;
  /** Every node's index, made only if a node could not be found by its start (template literals list their strings before their expressions). */
  indexes?: Map<Node, number>;
}

/**
 * Whole files are walked several times (scope index, the merged rule walk, project analyses), so
 * a file's walk order is computed once and later walks read it from an array instead of looking up
 * each node's child keys again.
 */
const linearized = new WeakMap<Node, Linear>();

/**
 * Depth-first walk over Babel's VISITOR_KEYS: no recursion, so a 10,000-deep expression walks as
 * easily as a flat one, and no @babel/traverse (about 5× the parse cost). A file, or a subtree of a
 * file walked lately, is read from its recorded order; any other node with an explicit stack.
 */
export function walkJs(root: Node, handlers: WalkHandlers): void {
  if (root.type === 'File') {
    walkLinear(linearOf(root), 0, handlers);
    return;
  }
  // A function or statement is most often walked while its file is being analysed: look for it
  // in the files walked last before walking it node by node.
  for (const linear of recent) {
    const index = indexIn(linear, root);
    if (index >= 0) {
      walkLinear(linear, index, handlers);
      return;
    }
  }
  walkTree(root, handlers);
}

/** The last files walked whole (a few: analyses go back and forth between a page and its imports). */
const recent: Linear[] = [];
const RECENT_FILES = 4;

function remember(linear: Linear): void {
  if (recent[0] === linear) return;
  const at = recent.indexOf(linear);
  if (at > 0) recent.splice(at, 1);
  recent.unshift(linear);
  if (recent.length > RECENT_FILES) recent.pop();
}

/** Where `node` is in the walk order, or -1. Starts are sorted except around template literals (whose strings come before their expressions), where a miss only means walking node by node. */
function indexIn(linear: Linear, node: Node): number {
  const start = node.start;
  if (start == null) return -1;
  const { starts, nodes } = linear;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < starts.length && starts[i] === start; i++) if (nodes[i] === node) return i;
  return -1;
}

/** Walks the subtree at `first` from the recorded order, with the same events as `walkTree`. */
function walkLinear(linear: Linear, first: number, handlers: WalkHandlers): void {
  remember(linear);
  const { nodes, ends } = linear;
  const last = ends[first];
  const ancestors: Node[] = [];
  const open: number[] = [];
  let i = first;
  while (i < last) {
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
  const parents: number[] = [];
  const open: number[] = [];
  walkTree(root, {
    enter(node) {
      visit(node);
      parents.push(open.length ? open[open.length - 1] : -1);
      open.push(nodes.length);
      ends.push(0);
      nodes.push(node);
    },
    exit() {
      ends[open.pop()!] = nodes.length;
    },
  });
  const starts = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) starts[i] = nodes[i].start ?? -1;
  linearized.set(root, { nodes, ends: new Int32Array(ends), starts, parents: new Int32Array(parents) });
}

function linearOf(root: Node): Linear {
  if (!linearized.has(root)) linearize(root, () => {});
  return linearized.get(root)!;
}

/** Where `node` is in the file's walk order, or -1 when it is not in the file. */
function positionIn(linear: Linear, node: Node): number {
  const index = indexIn(linear, node);
  if (index >= 0) return index;
  linear.indexes ??= new Map(linear.nodes.map((each, at) => [each, at]));
  return linear.indexes.get(node) ?? -1;
}

/**
 * Every node of the file `root` (a Babel File) in walk order, for a pass that needs no ancestors
 * and skips nothing: a loop over an array costs far less than a walk calling a handler per node.
 * Read-only.
 */
export function nodesIn(root: Node): readonly Node[] {
  return root.type === 'File' ? linearOf(root).nodes : [];
}

/**
 * The parent of `node` in the file `root` (a Babel File), from the recorded walk order: no
 * parent map per rule. Undefined for the root and for nodes outside the file.
 */
export function parentIn(root: Node, node: Node): Node | undefined {
  if (root.type !== 'File') return undefined;
  const linear = linearOf(root);
  const index = positionIn(linear, node);
  return index > 0 ? linear.nodes[linear.parents[index]] : undefined;
}

/** The ancestors of `node` in the file `root`, outermost first, as a walk passes them. */
export function ancestorsIn(root: Node, node: Node): Node[] {
  if (root.type !== 'File') return [];
  const linear = linearOf(root);
  const ancestors: Node[] = [];
  for (let at = linear.parents[positionIn(linear, node)] ?? -1; at >= 0; at = linear.parents[at]) ancestors.push(linear.nodes[at]);
  return ancestors.reverse();
}

const EXIT = Symbol('exit');
type Frame = Node | typeof EXIT;

function walkTree(root: Node, handlers: WalkHandlers): void {
  const ancestors: Node[] = [];
  const stack: Frame[] = [root];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame === EXIT) {
      const node = ancestors.pop()!;
      handlers.exit?.(node, ancestors);
      continue;
    }
    if (handlers.enter?.(frame, ancestors) === false) continue;
    ancestors.push(frame);
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
