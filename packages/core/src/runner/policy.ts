import type { Finding, Severity } from '../findings.js';
import type { Project } from '../project/project.js';
import type { RuleMeta } from '../rules/rule.js';

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** The lower of the rule's configured severity and the one a report asks for (a report may lower, never raise). */
export function reportedSeverity(configured: Severity, requested: Severity | undefined): Severity {
  return requested && RANK[requested] < RANK[configured] ? requested : configured;
}

/**
 * The severity policy applied to a run's findings, after suppressions (docs/severity.md):
 * - files matched by `ignorePatterns` exist for resolution but are not reported on;
 * - a low-confidence finding never fails a run: an error becomes a warning, its confidence kept;
 * - a finding in third-party code carries `vendor`;
 * - one root cause, one finding: a rule's finding is dropped where a rule it defers to
 *   (`meta.defersTo`) reported on the same line of the same file.
 */
export function applySeverityPolicy(findings: Finding[], project: Project, metaOf: (ruleId: string) => RuleMeta | undefined): Finding[] {
  const kept = findings.filter((finding) => !project.isIgnored(finding.file));
  for (const finding of kept) {
    if (finding.confidence === 'low' && finding.severity === 'error') finding.severity = 'warning';
    const vendor = project.vendorOf(finding.file);
    if (vendor) finding.vendor = vendor;
  }
  return dropDeferred(kept, metaOf);
}

function dropDeferred(findings: Finding[], metaOf: (ruleId: string) => RuleMeta | undefined): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return findings.filter((finding) => {
    const defersTo = metaOf(finding.ruleId)?.defersTo;
    if (!defersTo?.length) return true;
    // The same start line, not overlapping spans: a finding about a whole file (a missing key) spans every line.
    return !byFile.get(finding.file)!.some((other) => other !== finding && defersTo.includes(other.ruleId) && other.line === finding.line);
  });
}
