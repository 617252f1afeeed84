import { styleText } from 'node:util';
import type { Finding, LintResult, Severity } from '@bmplint/core';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** ESLint's "stylish" layout: findings grouped by file, then a summary line. */
export function formatText(result: LintResult, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', paint('underline', file));
    const rows = findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      finding.severity,
      finding.message + (finding.confidence && finding.confidence !== 'high' ? ` [${finding.confidence} confidence]` : '') + (finding.vendor ? ` [vendored: ${finding.vendor}]` : ''),
      `${finding.ruleId}${finding.clauses.length ? ` (${finding.clauses.join(', ')})` : ''}`,
    ]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    for (const [index, row] of rows.entries()) {
      const severity = findings[index].severity;
      lines.push(
        `  ${paint('dim', row[0].padEnd(widths[0]))}  ${paint(SEVERITY_STYLE[severity], row[1].padEnd(widths[1]))}  ${row[2]}  ${paint('dim', row[3])}`,
      );
    }
  }
  const { errors, warnings, infos } = result.summary;
  const total = errors + warnings + infos;
  const files = `${result.bundle.files} file${result.bundle.files === 1 ? '' : 's'} checked`;
  if (!total) {
    lines.push(paint('green', `✔ No problems found (${files}, ${result.bundle.style} style)`));
  } else {
    const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`, `${infos} info`];
    lines.push('', paint(errors ? 'red' : 'yellow', `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}`));
  }
  if (result.summary.unchecked) lines.push(paint('yellow', `! Parts of the bundle were not checked (${result.summary.unchecked} notice${result.summary.unchecked === 1 ? '' : 's'} above): no errors here is not a pass.`));
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}
