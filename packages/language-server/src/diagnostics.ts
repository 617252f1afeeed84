/** Findings as LSP diagnostics: the rule id as code, its docs page, its clause, grouped repeats. */
import { createHash } from 'node:crypto';
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
 * Repeats of one problem across the project (findings with one `group`), for `relatedInformation`.
 * A diagnostic lists the first MAX_RELATED other members of its group, so only the first
 * MAX_RELATED + 1 members are kept: what a diagnostic shows never depends on the rest.
 */
export class RelatedFindings {
  private readonly heads = new Map<string, Finding[]>();
  private readonly keys = new Map<string, string>();

  constructor(findings: Iterable<Finding>, private readonly uriOf: (path: string) => string) {
    for (const finding of findings) {
      if (!finding.group) continue;
      const head = this.heads.get(finding.group);
      if (!head) this.heads.set(finding.group, [finding]);
      else if (head.length <= MAX_RELATED) head.push(finding);
    }
  }

  /** The repeats listed under `finding`. */
  of(finding: Finding): Finding[] {
    const head = finding.group ? this.heads.get(finding.group) : undefined;
    if (!head) return [];
    return head.filter((other) => other !== finding).slice(0, MAX_RELATED);
  }

  /** Changes whenever what `of()` gives a member of `group` would read differently. */
  keyOf(group: string): string {
    let key = this.keys.get(group);
    if (key === undefined) {
      const locations = (this.heads.get(group) ?? []).map((other) => `${this.uriOf(other.file)} ${other.file} ${other.ruleId} ${other.line}:${other.column}-${other.endLine}:${other.endColumn}`);
      // Hashed: every member's key holds it, and a group may have thousands of members.
      key = createHash('sha1').update(locations.join('\n')).digest('base64');
      this.keys.set(group, key);
    }
    return key;
  }

  related(finding: Finding): DiagnosticRelatedInformation[] {
    return this.of(finding).map((other) => ({
      location: { uri: this.uriOf(other.file), range: rangeOf(other) },
      message: `the same problem (${other.ruleId}) also at ${other.file}:${other.line}:${other.column}`,
    }));
  }
}

/**
 * The diagnostics of one file: its findings in order (a diagnostic's `data.index` is its finding's
 * index), with its group's other members as related information.
 */
export function toDiagnostics(findings: readonly Finding[], docsUrl: (ruleId: string) => string | undefined, related: RelatedFindings): Diagnostic[] {
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
    const repeats = related.related(finding);
    if (repeats.length) diagnostic.relatedInformation = repeats;
    return diagnostic;
  });
}

/**
 * A string equal for two lists of findings exactly when `toDiagnostics` would give them equal
 * diagnostics: everything it reads (the group by its key). Comparing it costs a fraction of
 * building the diagnostics and serialising them, which only files whose key changed need.
 */
export function diagnosticsKey(findings: readonly Finding[], docsUrl: (ruleId: string) => string | undefined, related: RelatedFindings): string {
  let key = '';
  for (const finding of findings) {
    key += `${finding.ruleId}\u0000${finding.severity}\u0000${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}\u0000${finding.message}\u0000${finding.clauses.join(',')}\u0000${finding.fingerprint ?? ''}\u0000${docsUrl(finding.ruleId) ?? ''}\u0000${finding.group ? related.keyOf(finding.group) : ''}\u0001`;
  }
  return key;
}
