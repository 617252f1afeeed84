import type { Finding } from '../findings.js';
import type { ActiveRule } from '../config/config.js';
import type { Project } from '../project/project.js';
import type { ParsedFile } from '../parse/source-file.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID } from '../findings.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Empty: every rule. */
  ruleIds: string[];
  line: number;
}

const DIRECTIVE = /^\s*bmplint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

/**
 * Inline suppressions, as ESLint writes them: `bmplint-disable-next-line rule-id -- reason` in a JS,
 * BXML (`<!-- -->`) or BXSS comment. Findings of non-suppressible rules and of the tool itself stay.
 */
export function applySuppressions(findings: Finding[], project: Project, active: readonly ActiveRule[]): Finding[] {
  const locked = new Set(active.filter(({ rule }) => !rule.meta.suppressible).map(({ rule }) => rule.meta.id));
  locked.add(BUNDLE_RULE_ID).add(INTERNAL_ERROR_RULE_ID);
  const directivesByFile = new Map<string, Directive[]>();
  return findings.filter((finding) => {
    if (locked.has(finding.ruleId)) return true;
    let directives = directivesByFile.get(finding.file);
    if (!directives) {
      const file = project.bundle.has(finding.file) ? project.parsed(finding.file) : undefined;
      directives = file ? directivesOf(file) : [];
      directivesByFile.set(finding.file, directives);
    }
    return !directives.length || !isSuppressed(finding, directives);
  });
}

function isSuppressed(finding: Finding, directives: Directive[]): boolean {
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
    directives.push({ kind, ruleIds: ids, line });
  }
  return directives.sort((a, b) => a.line - b.line);
}
