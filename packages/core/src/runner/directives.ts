import type { ParsedFile } from '../parse/source-file.js';

/** An inline suppression comment, by the line it sits on. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Empty: every rule. */
  ruleIds: string[];
  line: number;
  /** Where the comment starts (1-based), for findings about the directive itself. */
  at: { line: number; column: number };
}

const DIRECTIVE = /^\s*bmplint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

/** The suppression directives in a file's comments, by line (a file without `bmplint-` has none). */
export function directivesOf(file: ParsedFile): Directive[] {
  if (!file.text.includes('bmplint-')) return [];
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
    const at = file.lines.positionAt(comment.start);
    directives.push({ kind, ruleIds: ids, line, at: { line: at.line, column: at.column } });
  }
  return directives.sort((a, b) => a.line - b.line || a.at.line - b.at.line || a.at.column - b.at.column);
}
