/**
 * ESLint-stylish text: one line per problem starting with a `path:line:col` a terminal or editor
 * can open, repeats of one problem collapsed onto their first occurrence, vendored packages
 * collapsed to a line each, then a summary by rule. Everything from the bundle is made visible.
 */
import type { Finding, LintResult, Severity } from '@bmplint/core';
import { visible } from './escape.js';
import { countBySeverity, groupBy, groupRepeats, isActive, isToolProblem, marksOf, pathShower, plural, type ReportOptions, type RepeatGroup } from './report.js';

const ANSI = { red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof ANSI;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

export function formatText(result: LintResult, options: ReportOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? `\x1b[${ANSI[style][0]}m${text}\x1b[${ANSI[style][1]}m` : text);
  const show = pathShower(options);
  const active = result.findings.filter(isActive);
  // Notices about the run itself (a vendored bundle read as text only) are never collapsed away.
  const collapsible = (finding: Finding) => Boolean(marksOf(finding).vendor) && !isToolProblem(finding);
  const own = active.filter((finding) => !collapsible(finding));
  const vendored = groupBy(
    active.filter(collapsible),
    (finding) => marksOf(finding).vendor!,
  );

  const problemLines = (findings: Finding[]): string[] => {
    const groups: RepeatGroup[] = options.verbose ? findings.map((finding) => ({ first: finding, all: [finding], files: 1 })) : groupRepeats(findings);
    const lines: string[] = [];
    let block: Array<{ location: string; group: RepeatGroup }> = [];
    // A file's lines are aligned; a file with several sits between blank lines, single lines run on.
    let previous = 0;
    const flush = () => {
      if (!block.length) return;
      if (lines.length && (block.length > 1 || previous > 1)) lines.push('');
      const width = Math.max(...block.map((row) => row.location.length));
      for (const { location, group } of block) lines.push(problemLine(location.padEnd(width), group));
      previous = block.length;
      block = [];
    };
    for (const group of groups) {
      const { first } = group;
      if (block.length && block[0].group.first.file !== first.file) flush();
      block.push({ location: `${visible(show(first.file))}:${first.line}:${first.column}`, group });
    }
    flush();
    if (lines.length) lines.push('');
    return lines;
  };

  const problemLine = (location: string, { first, all, files }: RepeatGroup): string => {
    const message = visible(first.message);
    const mentioned = first.clauses.some((clause) => message.includes(clause));
    const rule = `${visible(first.ruleId)}${first.clauses.length && !mentioned ? ` (${first.clauses.map(visible).join(', ')})` : ''}`;
    const confidence = first.confidence && first.confidence !== 'high' ? ` ${paint('dim', `(${first.confidence} confidence)`)}` : '';
    const repeats = all.length > 1 ? `  ${paint('bold', `(${all.length} times in ${plural(files, 'file')})`)}` : '';
    return `${location}  ${paint(SEVERITY_STYLE[first.severity], first.severity.padEnd(7))}  ${message}${confidence}  ${paint('dim', rule)}${repeats}`;
  };

  const lines = problemLines(own);
  for (const [vendor, findings] of [...vendored].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (options.verbose) {
      lines.push(paint('underline', `vendored package ${visible(vendor)}`), ...problemLines(findings));
    } else {
      const counts = countBySeverity(findings);
      const rules = [...new Set(findings.map((finding) => visible(finding.ruleId)))].sort();
      lines.push(
        `${paint('underline', `vendored package ${visible(vendor)}`)}: ${severityCounts(counts, paint)} in ${plural(new Set(findings.map((finding) => finding.file)).size, 'file')} (${rules.join(', ')})`,
      );
    }
  }
  if (vendored.size && !options.verbose) lines.push('');

  lines.push(...ruleSummary(active, paint));
  const counts = countBySeverity(active);
  const total = active.length;
  const files = `${plural(result.bundle.files, 'file')} checked`;
  if (!total) {
    lines.push(paint('green', `✔ No problems found (${files}, ${result.bundle.style} style)`));
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`];
    lines.push(paint(counts.error ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`));
  }
  const collapsed = groupRepeats(own).length < own.length || vendored.size > 0;
  if (collapsed && !options.verbose) lines.push(paint('dim', 'Repeats and vendored packages are collapsed: --verbose lists every finding.'));
  const hidden = result.findings.length - active.length;
  if (hidden) {
    const baselined = result.findings.filter((finding) => marksOf(finding).baselined).length;
    lines.push(paint('dim', `${plural(baselined, 'baselined finding')} and ${plural(hidden - baselined, 'suppressed finding')} not shown.`));
  }
  if (result.summary.unchecked) lines.push(paint('yellow', `! Parts of the bundle were not checked in full (${plural(result.summary.unchecked, 'notice')} above): no errors here is not a pass.`));
  return `${lines.join('\n')}\n`;
}

function severityCounts(counts: Record<Severity, number>, paint: (style: Style, text: string) => string): string {
  const parts: string[] = [];
  if (counts.error) parts.push(paint('red', plural(counts.error, 'error')));
  if (counts.warning) parts.push(paint('yellow', plural(counts.warning, 'warning')));
  if (counts.info) parts.push(paint('blue', `${counts.info} info`));
  return parts.join(', ');
}

/** One line per rule, most errors first: what to fix first. */
function ruleSummary(findings: readonly Finding[], paint: (style: Style, text: string) => string): string[] {
  if (!findings.length) return [];
  const rows = [...groupBy(findings, (finding) => finding.ruleId)].map(([ruleId, list]) => ({ ruleId: visible(ruleId), clauses: list[0].clauses.map(visible).join(', '), counts: countBySeverity(list) }));
  rows.sort((a, b) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || b.counts.info - a.counts.info || (a.ruleId < b.ruleId ? -1 : 1));
  const idWidth = Math.max(...rows.map((row) => row.ruleId.length));
  const clauseWidth = Math.max(...rows.map((row) => row.clauses.length));
  return [
    paint('bold', 'By rule:'),
    ...rows.map((row) => `  ${row.ruleId.padEnd(idWidth)}  ${paint('dim', row.clauses.padEnd(clauseWidth))}  ${severityCounts(row.counts, paint)}`),
    '',
  ];
}
