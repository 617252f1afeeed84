/** Findings as LSP diagnostics: the rule id as code, its docs page, its clause, grouped repeats. */
import type { Finding, Severity } from '@bmplint/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';

export const SOURCE = 'bmplint';
/** Repeats of one problem listed under a diagnostic; more would only be noise. */
const MAX_RELATED = 20;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  /** Index of the finding in the file's last published findings. */
  index: number;
  fingerprint?: string;
}

/** 1-based line/column (UTF-16) to the LSP's 0-based range. */
export function rangeOf(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

/** The message, ending with the clauses it enforces when the rule's wording does not already cite them. */
export function messageOf(finding: Finding): string {
  const missing = finding.clauses.filter((clause) => !finding.message.includes(clause));
  if (!missing.length) return finding.message;
  return `${finding.message} (${missing.join(', ')})`;
}

/**
 * The diagnostics of one file. `uriOf` maps a project path to its URI (for related locations in
 * other files); `groups` holds every finding of the project by group, so repeats anywhere are linked.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  docsUrl: (ruleId: string) => string | undefined,
  uriOf: (path: string) => string,
  groups: ReadonlyMap<string, readonly Finding[]>,
): Diagnostic[] {
  return findings.map((finding, index) => {
    const diagnostic: Diagnostic = {
      range: rangeOf(finding),
      severity: SEVERITY[finding.severity],
      code: finding.ruleId,
      source: SOURCE,
      message: messageOf(finding),
      data: { index, fingerprint: finding.fingerprint } satisfies DiagnosticData,
    };
    const href = docsUrl(finding.ruleId);
    if (href) diagnostic.codeDescription = { href };
    const repeats = finding.group ? groups.get(finding.group)?.filter((other) => other !== finding) ?? [] : [];
    if (repeats.length) {
      diagnostic.relatedInformation = repeats.slice(0, MAX_RELATED).map((other): DiagnosticRelatedInformation => ({
        location: { uri: uriOf(other.file), range: rangeOf(other) },
        message: `the same problem (${other.ruleId}) also at ${other.file}:${other.line}:${other.column}`,
      }));
    }
    return diagnostic;
  });
}

/** Findings by group id, for `relatedInformation`. */
export function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.group) continue;
    const list = groups.get(finding.group);
    if (list) list.push(finding);
    else groups.set(finding.group, [finding]);
  }
  return groups;
}
