import type { LintResult } from '@bmplint/core';
import { defaultTool, marksOf, type ReportOptions } from './report.js';

/** The stable JSON contract other tools read; see README "JSON output". */
export function formatJson(result: LintResult, options: ReportOptions = {}): string {
  const { name, version } = defaultTool(options);
  return `${JSON.stringify(
    {
      tool: { name, version },
      bundle: { root: options.root ?? result.bundle.root, style: result.bundle.style, files: result.bundle.files },
      findings: result.findings.map((finding) => {
        const { vendor, baselined, suppressed } = marksOf(finding);
        return {
          ruleId: finding.ruleId,
          clauses: finding.clauses,
          severity: finding.severity,
          message: finding.message,
          file: finding.file,
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
          messageId: finding.messageId,
          ...(finding.data ? { data: finding.data } : {}),
          ...(finding.confidence ? { confidence: finding.confidence } : {}),
          ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
          ...(finding.fingerprint ? { fingerprint: finding.fingerprint, group: finding.group } : {}),
          ...(finding.fix ? { fix: finding.fix } : {}),
          ...(finding.suggestions ? { suggestions: finding.suggestions } : {}),
          ...(vendor ? { vendor } : {}),
          ...(finding.unreachable ? { unreachable: true } : {}),
          ...(baselined ? { baselined } : {}),
          ...(suppressed ? { suppressed } : {}),
        };
      }),
      summary: result.summary,
    },
    null,
    2,
  )}\n`;
}
