/**
 * A run without the listing (`listing.json` in the checked folder, or `--listing`) checks less
 * than a reviewer will: one info says which rules did not run, or ran without the listing's data,
 * so nobody takes a quiet report for a full one.
 */
import { compareFindings, groupOf, summarize, type AnyRule, type Finding, type LintResult } from '@bmplint/core';

export const MISSING_LISTING_RULE_ID = 'bmplint/missing-input';

export function reportMissingListing(result: LintResult, rules: readonly AnyRule[]): void {
  if (result.bundle.listing) return;
  const needing = rules.filter((rule) => rule.meta.needs?.includes('listing')).map((rule) => rule.meta.id).sort();
  if (!needing.length) return;
  const data = { rules: needing.join(', ') };
  const finding: Finding = {
    ruleId: MISSING_LISTING_RULE_ID,
    clauses: [],
    severity: 'info',
    messageId: 'noListing',
    data,
    message: `No listing.json (the app's basic info as entered in the Management Portal): these checks did not run, or ran without the listing's name, description, logo or domain lists: ${data.rules}. Put listing.json in the checked folder or pass --listing (bmplint init writes one).`,
    file: 'listing.json',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  finding.group = groupOf(finding);
  finding.fingerprint = finding.group;
  result.findings.push(finding);
  result.findings.sort(compareFindings);
  result.summary = summarize(result.findings);
}
