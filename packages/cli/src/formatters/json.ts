import type { LintResult } from '@bmplint/core';

/** The stable JSON contract other tools read; see README "JSON output". */
export function formatJson(result: LintResult, tool: { name: string; version: string }, root: string): string {
  return `${JSON.stringify(
    {
      tool,
      bundle: { root, style: result.bundle.style, files: result.bundle.files },
      findings: result.findings.map((finding) => ({
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
        ...(finding.vendor ? { vendor: finding.vendor } : {}),
        ...(finding.fingerprint ? { fingerprint: finding.fingerprint, group: finding.group } : {}),
      })),
      summary: result.summary,
    },
    null,
    2,
  )}\n`;
}
