/**
 * Code actions for one finding: its fix and suggestions (offsets into the file, as the rules give
 * them), and a comment that disables the rule for the line, in the file kind's comment syntax.
 */
import type { Finding } from '@bmplint/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A replacement of `[start, end)` (offsets into the file's text) by `text`. */
export interface FindingFix {
  range: [number, number];
  text: string;
}

export interface FindingSuggestion {
  desc?: string;
  message?: string;
  messageId?: string;
  fix: FindingFix;
}

/** A finding as the engine will give it once rules can fix: `fix` and `suggestions` are optional. */
export type FixableFinding = Finding & { fix?: FindingFix; suggestions?: FindingSuggestion[] };

/** What the reader of the comment should replace: a disabled compliance rule needs a reason. */
export const REASON_PLACEHOLDER = '<reason>';

/** The disable-next-line comment for a file, or undefined when its kind has no comments (JSON). */
export function disableComment(path: string, ruleId: string): string | undefined {
  const directive = `bmplint-disable-next-line ${ruleId} -- ${REASON_PLACEHOLDER}`;
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'bns'].includes(extension)) return `// ${directive}`;
  if (extension === 'bxml') return `<!-- ${directive} -->`;
  if (extension === 'bxss' || extension === 'css') return `/* ${directive} */`;
  return undefined;
}

export function codeActionsFor(
  finding: FixableFinding,
  diagnostic: Diagnostic,
  document: { uri: string; text: string },
  suppressible: boolean,
): CodeAction[] {
  const text = TextDocument.create(document.uri, 'plaintext', 0, document.text);
  const edit = (fix: FindingFix): TextEdit | undefined => {
    const [start, end] = fix.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= document.text.length)) return undefined;
    return { range: { start: text.positionAt(start), end: text.positionAt(end) }, newText: fix.text };
  };
  const actions: CodeAction[] = [];
  const fixEdit = finding.fix && edit(finding.fix);
  if (fixEdit) {
    actions.push({
      title: `Fix: ${finding.message}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [fixEdit] } },
    });
  }
  for (const suggestion of finding.suggestions ?? []) {
    const suggestionEdit = edit(suggestion.fix);
    if (!suggestionEdit) continue;
    actions.push({
      title: suggestion.desc ?? suggestion.message ?? suggestion.messageId ?? `Apply the suggestion of ${finding.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [suggestionEdit] } },
    });
  }
  const comment = suppressible ? disableComment(finding.file, finding.ruleId) : undefined;
  if (comment) {
    const lineStart = text.offsetAt({ line: finding.line - 1, character: 0 });
    const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
    const at = { line: finding.line - 1, character: 0 };
    actions.push({
      title: `Disable ${finding.ruleId} for this line (with a reason)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${indent}${comment}\n` }] } },
    });
  }
  return actions;
}
