import type { RuleVisitors } from '../rules/rule.js';

export type Listener = (...args: any[]) => void;

/** One listener of one rule, tagged with the rule's slot so failures can be attributed. */
export interface Tagged {
  slot: number;
  fn: Listener;
}

export interface MergedVisitors {
  js: Map<string, Tagged[]>;
  /** The `Type:exit` listeners of `js`, by node type (no string to build per node on the way out). */
  jsExit: Map<string, Tagged[]>;
  bxml: Map<string, Tagged[]>;
  bxss: Map<string, Tagged[]>;
  json: Map<string, Tagged[]>;
  file: Map<string, Tagged[]>;
  project: Tagged[];
  findings: Tagged[];
}

/** Groups every rule's visitors by file kind and event, so each file is walked once for all rules. */
export function mergeVisitors(perRule: ReadonlyArray<RuleVisitors>): MergedVisitors {
  const merged: MergedVisitors = { js: new Map(), jsExit: new Map(), bxml: new Map(), bxss: new Map(), json: new Map(), file: new Map(), project: [], findings: [] };
  perRule.forEach((visitors, slot) => {
    for (const kind of ['js', 'bxml', 'bxss', 'json', 'file'] as const) {
      const group = visitors[kind] as Record<string, Listener | undefined> | undefined;
      if (!group) continue;
      for (const [event, fn] of Object.entries(group)) {
        if (typeof fn !== 'function') continue;
        const list = merged[kind].get(event);
        const tagged = { slot, fn: fn.bind(group) };
        if (list) list.push(tagged);
        else merged[kind].set(event, [tagged]);
      }
    }
    if (visitors.project) merged.project.push({ slot, fn: visitors.project.bind(visitors) });
    if (visitors.findings) merged.findings.push({ slot, fn: visitors.findings.bind(visitors) });
  });
  for (const [event, listeners] of merged.js) if (event.endsWith(':exit')) merged.jsExit.set(event.slice(0, -':exit'.length), listeners);
  return merged;
}
