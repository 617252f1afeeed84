/** What every formatter shares: the options, the extra finding fields, paths, groups and rule info. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { TOOL } from '../tool.js';
import { BUNDLE_RULE_ID, DOCS_BASE_URL, INTERNAL_ERROR_RULE_ID, type AnyRule, type Finding, type Listing, type Severity } from '@bmplint/core';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'html', 'junit', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportTool {
  name: string;
  version: string;
  informationUri?: string;
}

/** The listing shown at the top of the HTML report; `logo` is the image's bytes, when readable. */
export interface ReportListing extends Omit<Listing, 'logo' | 'testAccount'> {
  logo?: Uint8Array;
}

export interface ReportOptions {
  tool?: ReportTool;
  /** The path the user checked, as given. With `cwd`, file paths are shown relative to `cwd`. */
  root?: string;
  /** The working directory: paths relative to it are what terminals and editors open. */
  cwd?: string;
  /** ANSI colour in the text output. */
  color?: boolean;
  /** Every finding on its own line: repeats and vendored packages are not collapsed. */
  verbose?: boolean;
  /** The rules of the run, for help texts, docs links and default levels (SARIF, HTML, JUnit). */
  rules?: ReadonlyArray<Pick<AnyRule, 'meta'>>;
  /** The app's listing (HTML). */
  listing?: ReportListing;
  /** Reads a bundle file (a finding's `file`), for the code around each finding in HTML. */
  readFile?: (path: string) => string | Uint8Array | undefined;
}

/**
 * Fields other stages add to findings: `vendor` (the vendored package a finding is in), and the
 * baseline and suppression markers. Read through this type so the formatters work before and
 * after those fields land on `Finding`.
 */
export interface FindingMarks {
  vendor?: string;
  baselined?: boolean;
  suppressed?: { kind: 'inSource' | 'external'; justification?: string };
}

export const marksOf = (finding: Finding): FindingMarks => finding as Finding & FindingMarks;

/** Findings that count: neither baselined nor suppressed. */
export const isActive = (finding: Finding): boolean => {
  const marks = marksOf(finding);
  return !marks.baselined && !marks.suppressed;
};

/** Problems of the run itself (refused bundle entries, crashed rules), not of the app's code. */
export const isToolProblem = (finding: Finding): boolean => finding.ruleId === BUNDLE_RULE_ID || finding.ruleId === INTERNAL_ERROR_RULE_ID;

/** Maps a finding's bundle path to the path shown: relative to `cwd` when the checked root is a folder. */
export function pathShower(options: ReportOptions): (file: string) => string {
  const { root, cwd } = options;
  if (root === undefined || cwd === undefined || /\.zip$/i.test(root)) return (file) => file;
  const base = resolve(cwd, root);
  return (file) => {
    const shown = relative(cwd, resolve(base, file));
    return (isAbsolute(shown) ? shown : shown.split(sep).join('/')) || '.';
  };
}

export interface RepeatGroup {
  first: Finding;
  all: Finding[];
  files: number;
}

/** Items by key, keys in order of first appearance. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T, index: number) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [index, item] of items.entries()) {
    const key = keyOf(item, index);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Repeats of one problem (same `group`), in order of their first occurrence. */
export function groupRepeats(findings: readonly Finding[]): RepeatGroup[] {
  return [...groupBy(findings, (finding, index) => finding.group ?? `#${index}`).values()].map((all) => ({ first: all[0], all, files: new Set(all.map((finding) => finding.file)).size }));
}

export interface RuleInfo {
  id: string;
  clauses: string[];
  severity: Severity;
  description: string;
  url: string;
}

/** Rule info for every rule of the run and every rule id a finding names (plugins the caller did not pass). */
export function ruleCatalog(findings: readonly Finding[], options: ReportOptions): Map<string, RuleInfo> {
  const catalog = new Map<string, RuleInfo>();
  for (const { meta } of options.rules ?? []) {
    catalog.set(meta.id, { id: meta.id, clauses: meta.clauses, severity: meta.severity, description: meta.docs.description, url: meta.docs.url ?? `${DOCS_BASE_URL}${meta.id}.md` });
  }
  for (const finding of findings) {
    if (catalog.has(finding.ruleId)) continue;
    catalog.set(finding.ruleId, {
      id: finding.ruleId,
      clauses: finding.clauses,
      severity: finding.severity,
      description: finding.ruleId,
      url: isToolProblem(finding) ? `${DOCS_BASE_URL}README.md` : `${DOCS_BASE_URL}${finding.ruleId}.md`,
    });
  }
  return catalog;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

export function defaultTool(options: ReportOptions): ReportTool {
  return options.tool ?? TOOL;
}
