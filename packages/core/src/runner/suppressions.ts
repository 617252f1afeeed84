import type { Finding } from '../findings.js';
import type { ActiveRule, Config } from '../config/config.js';
import type { AnyRule } from '../rules/rule.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, renderMessage } from '../findings.js';
import { closestName } from '../text/closest.js';
import type { Directive } from './directives.js';

/** The tool's findings about disable comments (`linterOptions.reportUnusedDisableDirectives`). */
export const DIRECTIVE_RULE_ID = 'bmplint/disable-directive';
export const DIRECTIVE_MESSAGES = {
  unused: 'Unused bmplint-{{kind}} directive: no problem was reported where it applies. Remove it.',
  unusedRules: 'Unused bmplint-{{kind}} directive: no problem of {{rules}} was reported where it applies. Remove it.',
  unknownRule: 'bmplint-{{kind}} names "{{ruleId}}", which is not a rule: the comment suppresses nothing.',
  unknownRuleSuggestion: 'bmplint-{{kind}} names "{{ruleId}}", which is not a rule; did you mean "{{suggestion}}"? The comment suppresses nothing.',
  hardRule: 'bmplint-{{kind}} names {{ruleId}}, a hard platform rule: its findings cannot be suppressed, since the reviewer applies it anyway.',
} as const;

export interface SuppressionOptions {
  rules: readonly AnyRule[];
  config?: Config;
  /** Every path a directive can sit in (for unused-directive reports). */
  paths?: readonly string[];
}

/**
 * Inline suppressions, as ESLint writes them: `bmplint-disable-next-line rule-id -- reason` in a JS,
 * BXML (`<!-- -->`) or BXSS comment. Findings of non-suppressible rules and of the tool itself stay.
 * `linterOptions.noInlineConfig` ignores every directive; `reportUnusedDisableDirectives` reports
 * directives that suppressed nothing, name no rule, or name a hard rule.
 */
export function applySuppressions(findings: Finding[], directivesOf: (path: string) => readonly Directive[], active: readonly ActiveRule[], options?: SuppressionOptions): Finding[] {
  const linterOptions = options?.config?.linterOptions ?? {};
  if (linterOptions.noInlineConfig) return findings;
  const locked = new Set(active.filter(({ rule }) => !rule.meta.suppressible).map(({ rule }) => rule.meta.id));
  locked.add(BUNDLE_RULE_ID).add(INTERNAL_ERROR_RULE_ID);
  const directivesByFile = new Map<string, readonly Directive[]>();
  const directivesIn = (path: string): readonly Directive[] => {
    let directives = directivesByFile.get(path);
    if (!directives) directivesByFile.set(path, (directives = directivesOf(path)));
    return directives;
  };
  // Directives may come from cached file results (plain data): what each one suppressed is kept here.
  const used = new Map<Directive, Set<string>>();
  const kept = findings.filter((finding) => {
    if (locked.has(finding.ruleId)) return true;
    const directives = directivesIn(finding.file);
    const by = directives.length ? suppressor(finding, directives) : undefined;
    if (by) {
      const ids = used.get(by) ?? new Set<string>();
      used.set(by, ids.add(finding.ruleId));
    }
    return !by;
  });
  if (!linterOptions.reportUnusedDisableDirectives || !options) return kept;
  for (const path of options.paths ?? []) {
    kept.push(...directiveFindings(path, directivesIn(path), (directive) => used.get(directive) ?? new Set(), options.rules));
  }
  return kept;
}

/** The directive that suppresses a finding, if any. */
function suppressor(finding: Finding, directives: readonly Directive[]): Directive | undefined {
  const applies = (directive: Directive) => !directive.ruleIds.length || directive.ruleIds.includes(finding.ruleId);
  let disabledBy: Directive | undefined;
  for (const directive of directives) {
    if (!applies(directive)) continue;
    if (directive.kind === 'disable-line' && directive.line === finding.line) return directive;
    if (directive.kind === 'disable-next-line' && directive.line + 1 === finding.line) return directive;
    if (directive.line <= finding.line) {
      if (directive.kind === 'disable') disabledBy = directive;
      else if (directive.kind === 'enable') disabledBy = undefined;
    }
  }
  return disabledBy;
}

function directiveFindings(path: string, directives: readonly Directive[], usedBy: (directive: Directive) => Set<string>, rules: readonly AnyRule[]): Finding[] {
  if (!directives.length) return [];
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const findings: Finding[] = [];
  const report = (directive: Directive, messageId: keyof typeof DIRECTIVE_MESSAGES, data: Record<string, string>) => {
    const { at } = directive;
    findings.push({
      ruleId: DIRECTIVE_RULE_ID, clauses: [], severity: 'warning', messageId, data,
      message: renderMessage(DIRECTIVE_MESSAGES[messageId], data),
      file: path, line: at.line, column: at.column, endLine: at.line, endColumn: at.column,
    });
  };
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    const unused: string[] = [];
    for (const ruleId of directive.ruleIds) {
      const rule = byId.get(ruleId);
      if (!rule && !ruleId.startsWith('bmplint/')) {
        const suggestion = closestName(ruleId, byId.keys());
        report(directive, suggestion ? 'unknownRuleSuggestion' : 'unknownRule', { kind: directive.kind, ruleId, ...(suggestion ? { suggestion } : {}) });
      } else if (rule && !rule.meta.suppressible) {
        report(directive, 'hardRule', { kind: directive.kind, ruleId });
      } else if (!usedBy(directive).has(ruleId)) {
        unused.push(ruleId);
      }
    }
    if (unused.length) report(directive, 'unusedRules', { kind: directive.kind, rules: unused.join(', ') });
    else if (!directive.ruleIds.length && !usedBy(directive).size) report(directive, 'unused', { kind: directive.kind });
  }
  return findings;
}
