/** Messages between the ESLint rules (main thread) and the engine worker. */
import type { Finding } from '@bmplint/core';

export interface LintRequest {
  /** The mini program's folder. */
  root: string;
  /** The linted file, posix, relative to the root. */
  path: string;
  /** Its text as ESLint has it (an editor's unsaved buffer included). */
  text: string;
  /** The bmplint rules to run (the ones this plugin exposes). */
  ruleIds: string[];
}

export type LintResponse = { findings: Finding[] } | { error: string };
