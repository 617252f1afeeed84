/**
 * Baselines, for adopting bmplint on an existing app: `bmplint baseline <path>` records today's
 * findings; `check --baseline FILE` then marks those findings `baselined` and counts only new ones.
 *
 * A finding is known when its fingerprint is in the baseline (fingerprints survive line shifts), or
 * when its file and rule still have room in the recorded count (so an edited line that keeps its
 * problem is not new; as with ESLint's bulk suppressions, a problem fixed in a file makes room for
 * one new problem of the same rule there). Baselined findings stay in the JSON report, marked `"baselined": true`;
 * those of hard platform rules stay visible everywhere, because the reviewer does not use the
 * baseline and will reject them.
 */
import { readFileSync } from 'node:fs';
import { InputError, summarize, type Finding, type LintResult } from '@bmplint/core';

export const BASELINE_FILE_NAME = 'bmplint-baseline.json';

interface BaselineEntry {
  count: number;
  fingerprints: string[];
}

export interface Baseline {
  bmplint: 'baseline';
  version: 1;
  /** File → rule id → the findings known there. */
  files: Record<string, Record<string, BaselineEntry>>;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const files: Baseline['files'] = {};
  for (const finding of findings) {
    const rules = (files[finding.file] ??= {});
    const entry = (rules[finding.ruleId] ??= { count: 0, fingerprints: [] });
    entry.count++;
    if (finding.fingerprint) entry.fingerprints.push(finding.fingerprint);
  }
  // Sorted, so the file diffs well in review.
  const sorted: Baseline['files'] = {};
  for (const file of Object.keys(files).sort()) {
    sorted[file] = {};
    for (const rule of Object.keys(files[file]).sort()) sorted[file][rule] = { ...files[file][rule], fingerprints: files[file][rule].fingerprints.sort() };
  }
  return { bmplint: 'baseline', version: 1, files: sorted };
}

export function readBaseline(path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  const baseline = value as Partial<Baseline> | null;
  if (!baseline || baseline.bmplint !== 'baseline' || baseline.version !== 1 || typeof baseline.files !== 'object' || baseline.files === null) {
    throw new InputError(`${path} is not a bmplint baseline (write one with: bmplint baseline <path>)`);
  }
  return baseline as Baseline;
}

/** Marks the findings the baseline knows and recounts the summary without them. */
export function applyBaseline(result: LintResult, baseline: Baseline): void {
  const budgets = new Map<string, { remaining: number; fingerprints: Set<string> }>();
  const budgetOf = (finding: Finding) => {
    const key = `${finding.file}\u0000${finding.ruleId}`;
    let budget = budgets.get(key);
    if (!budget) {
      const entry = baseline.files[finding.file]?.[finding.ruleId];
      budget = { remaining: entry?.count ?? 0, fingerprints: new Set(entry?.fingerprints ?? []) };
      budgets.set(key, budget);
    }
    return budget;
  };
  // Exact matches first, so a moved finding does not take the place of one that is still there.
  const unmatched: Finding[] = [];
  for (const finding of result.findings) {
    const budget = budgetOf(finding);
    if (budget.remaining > 0 && finding.fingerprint && budget.fingerprints.delete(finding.fingerprint)) {
      budget.remaining--;
      finding.baselined = true;
    } else {
      unmatched.push(finding);
    }
  }
  for (const finding of unmatched) {
    const budget = budgetOf(finding);
    if (budget.remaining > 0) {
      budget.remaining--;
      finding.baselined = true;
    }
  }
  result.summary = summarize(result.findings);
}
