import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';

/** A compiled automaton: typed arrays, as `Automaton` keeps them. */
export interface AutomatonTable {
  size: number;
  edgeStart: Int32Array;
  edgeUnit: Uint16Array;
  edgeTo: Int32Array;
  outHead: Int32Array;
  outNext: Int32Array;
  outId: Int32Array;
  fail: Int32Array;
  dict: Int32Array;
}

/** A compiled pattern: its list and entry by index into the matcher's lists. */
export type PatternRow = [key: string, list: number, entry: number, term: string, view: 'plain' | 'leet' | 'number', flags: number, excepts: Array<[key: string, offset: number]>];

/** A compiled matcher, keyed by the fingerprint of its lists and of the code that compiled it. */
export interface TermTable {
  patterns: PatternRow[];
  automata: Record<'plain' | 'leet' | 'number', AutomatonTable>;
}

const sources: string[] = [];
let loaded: Map<string, TermTable> | undefined;

/**
 * Adds a file of matchers compiled at build time (`scripts/build-term-tables.mjs`): a matcher whose
 * fingerprint is in it loads its automata from there instead of compiling its lists at startup.
 * A missing, unreadable or stale file only means compiling as usual.
 */
export function registerTermTables(path: string): void {
  sources.push(path);
  loaded = undefined;
}

/** The registered table for a matcher (its fingerprint is only computed when there are tables). */
export function findTermTable(fingerprint: () => string | undefined): TermTable | undefined {
  if (!sources.length) return undefined;
  if (!loaded) {
    loaded = new Map();
    for (const path of sources) {
      try {
        const tables = deserialize(readFileSync(path)) as Record<string, TermTable>;
        for (const [key, table] of Object.entries(tables)) loaded.set(key, table);
      } catch {
        // No tables: compile.
      }
    }
  }
  const key = fingerprint();
  return key === undefined ? undefined : loaded.get(key);
}
