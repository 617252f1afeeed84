import type { Finding } from '../findings.js';
import type { ActiveRule, Config } from '../config/config.js';
import type { Project } from '../project/project.js';
import type { ParsedFile } from '../parse/source-file.js';
import type { AnyRule } from '../rules/rule.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, renderMessage } from '../findings.js';
import { closestName } from '../text/closest.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Empty: every rule. */
  ruleIds: string[];
  line: number;
  /** Where the comment starts, for reports about the directive itself. */
  start: number;
  /** Rule ids this directive suppressed a finding of. */
  used: Set<string>;
}

const DIRECTIVE = /^\s*bmplint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

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
}

/**
 * Inline suppressions, as ESLint writes them: `bmplint-disable-next-line rule-id -- reason` in a JS,
 * BXML (`<!-- -->`) or BXSS comment. Findings of non-suppressible rules and of the tool itself stay.
 * `linterOptions.noInlineConfig` ignores every directive; `reportUnusedDisableDirectives` reports
 * directives that suppressed nothing, name no rule, or name a hard rule.
 */
export function applySuppressions(findings: Finding[], project: Project, active: readonly ActiveRule[], options?: SuppressionOptions): Finding[] {
  const linterOptions = options?.config?.linterOptions ?? {};
  if (linterOptions.noInlineConfig) return findings;
  const locked = new Set(active.filter(({ rule }) => !rule.meta.suppressible).map(({ rule }) => rule.meta.id));
  locked.add(BUNDLE_RULE_ID).add(INTERNAL_ERROR_RULE_ID);
  const directivesByFile = new Map<string, Directive[]>();
  const directivesIn = (path: string): Directive[] => {
    let directives = directivesByFile.get(path);
    if (!directives) {
      const file = project.bundle.has(path) ? project.parsed(path) : undefined;
      directives = file ? directivesOf(file) : [];
      directivesByFile.set(path, directives);
    }
    return directives;
  };
  const kept = findings.filter((finding) => {
    if (locked.has(finding.ruleId)) return true;
    const directives = directivesIn(finding.file);
    const by = directives.length ? suppressor(finding, directives) : undefined;
    by?.used.add(finding.ruleId);
    return !by;
  });
  if (!linterOptions.reportUnusedDisableDirectives || !options) return kept;
  for (const path of project.paths) {
    const kind = project.kindOf(path);
    if (kind === 'js' || kind === 'bxml' || kind === 'bxss') kept.push(...directiveFindings(path, directivesIn(path), project, options.rules));
  }
  return kept;
}

/** The directive that suppresses a finding, if any. */
function suppressor(finding: Finding, directives: Directive[]): Directive | undefined {
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

function directiveFindings(path: string, directives: Directive[], project: Project, rules: readonly AnyRule[]): Finding[] {
  if (!directives.length) return [];
  const file = project.parsed(path)!;
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const findings: Finding[] = [];
  const report = (directive: Directive, messageId: keyof typeof DIRECTIVE_MESSAGES, data: Record<string, string>) => {
    const at = file.lines.positionAt(directive.start);
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
      } else if (!directive.used.has(ruleId)) {
        unused.push(ruleId);
      }
    }
    if (unused.length) report(directive, 'unusedRules', { kind: directive.kind, rules: unused.join(', ') });
    else if (!directive.ruleIds.length && !directive.used.size) report(directive, 'unused', { kind: directive.kind });
  }
  return findings;
}

function directivesOf(file: ParsedFile): Directive[] {
  const comments: Array<{ text: string; start: number; end: number }> = [];
  if (file.kind === 'js') {
    for (const comment of file.ast?.comments ?? []) comments.push({ text: comment.value, start: comment.start ?? 0, end: comment.end ?? 0 });
  } else if (file.kind === 'bxml') {
    const stack = [...file.document.children];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'comment') comments.push({ text: node.data, start: node.start, end: node.end });
      else if (node.type === 'element') stack.push(...node.children);
    }
    for (const script of file.embeddedScripts) {
      for (const comment of script.ast?.comments ?? []) comments.push({ text: comment.value, start: comment.start ?? 0, end: comment.end ?? 0 });
    }
  } else if (file.kind === 'bxss') {
    file.root?.walkComments((comment) => {
      const start = comment.source?.start?.offset ?? 0;
      comments.push({ text: comment.text, start, end: comment.source?.end?.offset ?? start });
    });
  }
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const ids = match[2].split(/\s--\s/)[0].split(/[\s,]+/).filter(Boolean);
    const kind = match[1] as Directive['kind'];
    // A next-line directive counts from where its comment ends (a block comment may span lines).
    const line = file.lines.positionAt(kind === 'disable-next-line' ? comment.end : comment.start).line;
    directives.push({ kind, ruleIds: ids, line, start: comment.start, used: new Set() });
  }
  return directives.sort((a, b) => a.line - b.line || a.start - b.start);
}
