/**
 * A version's risk score, 0–100, for ordering the review queue: each finding weighs by its
 * severity, its confidence and the gravest clause it cites; the sum saturates so a flood of
 * warnings never outranks a few certain errors by much.
 */
export interface RiskInput {
  severity: string;
  confidence?: string | null;
  clauses: readonly string[];
}

const SEVERITY: Record<string, number> = { error: 10, warning: 3, info: 0.5 };
const CONFIDENCE: Record<string, number> = { high: 1, medium: 0.6, low: 0.3 };
/**
 * Chapters of the Operation Rules by how a breach ends: 1 (prohibited content and fraud) and
 * 5 (review integrity: resubmission, cloning) get apps removed, 3 and 4 (functionality, payments,
 * privacy) get them rejected, 2 (basic information) is usually a fix-and-resubmit.
 */
const CHAPTER: Record<string, number> = { '1': 2, '5': 1.8, '4': 1.5, '3': 1.3, '2': 1 };

export function findingWeight(finding: RiskInput): number {
  const severity = SEVERITY[finding.severity] ?? 1;
  const confidence = CONFIDENCE[finding.confidence ?? 'high'] ?? 1;
  const chapter = Math.max(1, ...finding.clauses.map((clause) => CHAPTER[clause.split('.')[0]] ?? 1));
  return severity * confidence * chapter;
}

export function riskScore(findings: readonly RiskInput[]): number {
  const total = findings.reduce((sum, finding) => sum + findingWeight(finding), 0);
  return Math.round(100 * (1 - Math.exp(-total / 40)) * 10) / 10;
}
