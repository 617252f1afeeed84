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
  /** Bundle path → content hash of each other file the phase read. */
  deps: Record<string, string>;
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
