import type { Finding } from '../findings.js';
import type { Directive } from './directives.js';
import type { LintResult } from './lint.js';

/**
 * What a file's phase produces, all plain JSON so it can be cached: the findings of per-file
 * visitors (of rules whose results may be cached), each rule's recorded facts, the file's
 * suppression directives, and the other files whose content the phase used (by content hash), so
 * a cached result is reused only while they are unchanged.
 */
export interface FileResult {
  findings: Finding[];
  /** Rule id → facts, in record order. */
  facts: Record<string, unknown[]>;
  directives: Directive[];
  /**
   * Bundle path → content hash of each other file the phase read; and for each lookup in a
   * project index (`Project.rememberIndex`), `indexDependency(kind, key)` → the answer's hash.
   */
  deps: Record<string, string>;
}

/** The `deps` entry of a lookup of `key` in the index `kind` (no bundle path holds a NUL). */
export function indexDependency(kind: string, key: string): string {
  return `\0${kind}\0${key}`;
}

/** The index and key of a `deps` entry made by `indexDependency`, else undefined (a bundle path). */
export function indexLookupOf(dep: string): { kind: string; key: string } | undefined {
  if (dep.charCodeAt(0) !== 0) return undefined;
  const at = dep.indexOf('\0', 1);
  return { kind: dep.slice(1, at), key: dep.slice(at + 1) };
}

/** Where per-file results are kept between runs: in memory (a session) or on disk (`--cache`). */
export interface ResultCache {
  get(key: string): FileResult | undefined;
  set(key: string, result: FileResult): void;
  /**
   * A whole run's result, keyed by every input (rules, options, every file's content, the
   * listing and a logo outside the bundle): a run with nothing changed does no work at all.
   */
  getRun?(key: string): LintResult | undefined;
  setRun?(key: string, result: LintResult): void;
}
