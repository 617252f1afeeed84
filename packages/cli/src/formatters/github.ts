/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff.
 * GitHub shows only the first few annotations of each level per step, so repeats of one problem
 * are one annotation (at the first occurrence) unless `verbose`.
 */
import type { LintResult, Severity } from '@bmplint/core';
import { visible } from './escape.js';
import { countBySeverity, groupRepeats, isActive, pathShower, plural, type ReportOptions } from './report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message, as GitHub's toolkit does (`escapeData`); other controls shown visibly. */
const escapeData = (text: string) => visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
/** Escaping of a command's property values (`escapeProperty`): also `:` and `,`. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: LintResult, options: ReportOptions = {}): string {
  const show = pathShower(options);
  const active = result.findings.filter(isActive);
  const groups = options.verbose ? active.map((finding) => ({ first: finding, all: [finding], files: 1 })) : groupRepeats(active);
  const lines = groups.map(({ first, all, files }) => {
    const properties = [
      `file=${escapeProperty(show(first.file))}`,
      `line=${first.line}`,
      `col=${first.column}`,
      `endLine=${first.endLine}`,
      `endColumn=${first.endColumn}`,
      `title=${escapeProperty(`bmplint ${first.ruleId}${first.clauses.length ? ` (${first.clauses.join(', ')})` : ''}`)}`,
    ];
    const repeats = all.length > 1 ? ` (${all.length} times in ${plural(files, 'file')}; first shown)` : '';
    return `::${COMMAND[first.severity]} ${properties.join(',')}::${escapeData(`${first.message}${repeats}`)}`;
  });
  const counts = countBySeverity(active);
  lines.push(`bmplint: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(result.bundle.files, 'file')} checked`);
  return `${lines.join('\n')}\n`;
}
