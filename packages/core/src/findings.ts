/** The finding: what every stage after the rules (suppressions, formatters, store, LSP) consumes. */

import type { Fix, Suggestion } from './fix.js';

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** Findings the tool itself raises (not a rule): refused bundle entries, and rules that crashed. */
export const BUNDLE_RULE_ID = 'bmplint/bundle';
export const INTERNAL_ERROR_RULE_ID = 'bmplint/internal-error';

/**
 * Bundle issues that leave part of the bundle unchecked (docs/severity.md: exit code 3): unread
 * files, and files over the parse limit, read as text only, whose checks that need a tree did not run.
 */
const UNCHECKED_ISSUES = new Set(['file-too-large', 'too-many-files', 'total-too-large', 'unreadable', 'corrupt-archive', 'parse-limit']);

/** A finding saying that part of the bundle could not be checked, or could be checked only in part. */
export function isUncheckedNotice(finding: Finding): boolean {
  return finding.ruleId === BUNDLE_RULE_ID && UNCHECKED_ISSUES.has(finding.messageId);
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Finding {
  ruleId: string;
  clauses: string[];
  severity: Severity;
  /** Message template key in the rule's meta; text is rendered late so stored reports can be re-rendered. */
  messageId: string;
  data?: Record<string, string | number>;
  /** Rendered English message. */
  message: string;
  /** Posix path relative to the path the user gave. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  endColumn: number;
  confidence?: Confidence;
  suggestion?: string;
  /** Same for every repeat of one problem (rule, message, subject): see fingerprint.ts. */
  group?: string;
  /** Stable across runs and line shifts: rule, subject, file, the flagged line's text, occurrence. */
  fingerprint?: string;
  /** The rule's edit that removes the problem: offsets into `file`'s text (UTF-16 code units, after any BOM; see fix.ts). */
  fix?: Fix;
  suggestions?: Suggestion[];
  /** Known from a baseline (`check --baseline`): reported, but not counted as new. */
  baselined?: boolean;
  /** The third-party package the flagged file belongs to (`miniprogram_npm/<pkg>`, a vendored copy, a minified bundle). */
  vendor?: string;
  /** The flagged file is one the app never loads (see project/reachable.ts): the finding is lowered. */
  unreachable?: true;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** Notices that part of the bundle was not checked in full (over a limit, unreadable, checked as text only): no errors is then not a pass. */
  unchecked: number;
}

/** Substitutes `{{name}}` placeholders, as ESLint does. Unknown placeholders are left as written. */
export function renderMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole,
  );
}

/** Counts by severity; baselined findings are known, not new, and are not counted. */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0, unchecked: 0 };
  for (const finding of findings) {
    if (finding.baselined) continue;
    if (isUncheckedNotice(finding)) summary.unchecked++;
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
