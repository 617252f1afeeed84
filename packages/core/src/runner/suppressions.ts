import type { Finding } from '../findings.js';
import type { ActiveRule } from '../config/config.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID } from '../findings.js';
import type { Directive } from './directives.js';

/**
 * Inline suppressions, as ESLint writes them: `bmplint-disable-next-line rule-id -- reason` in a JS,
 * BXML (`<!-- -->`) or BXSS comment. Findings of non-suppressible rules and of the tool itself stay.
 * `directivesOf(path)` gives a file's directives (kept from its walk, or read again).
 */
export function applySuppressions(findings: Finding[], directivesOf: (path: string) => readonly Directive[], active: readonly ActiveRule[]): Finding[] {
  const locked = new Set(active.filter(({ rule }) => !rule.meta.suppressible).map(({ rule }) => rule.meta.id));
  locked.add(BUNDLE_RULE_ID).add(INTERNAL_ERROR_RULE_ID);
  const directivesByFile = new Map<string, readonly Directive[]>();
  return findings.filter((finding) => {
    if (locked.has(finding.ruleId)) return true;
    let directives = directivesByFile.get(finding.file);
    if (!directives) {
      directives = directivesOf(finding.file);
      directivesByFile.set(finding.file, directives);
    }
    return !directives.length || !isSuppressed(finding, directives);
  });
}

function isSuppressed(finding: Finding, directives: readonly Directive[]): boolean {
  const applies = (directive: Directive) => !directive.ruleIds.length || directive.ruleIds.includes(finding.ruleId);
  let disabled = false;
  for (const directive of directives) {
    if (!applies(directive)) continue;
    if (directive.kind === 'disable-line' && directive.line === finding.line) return true;
    if (directive.kind === 'disable-next-line' && directive.line + 1 === finding.line) return true;
    if (directive.line <= finding.line) {
      if (directive.kind === 'disable') disabled = true;
      else if (directive.kind === 'enable') disabled = false;
    }
  }
  return disabled;
}
