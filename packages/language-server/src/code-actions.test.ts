import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, disableComment, type FixableFinding } from './code-actions.js';

const uri = 'file:///app/pages/index/index.js';
const text = "Page({\n  onLoad() {\n    bn.request({ url: 'http://api.example.com/v1' });\n  },\n});\n";
const urlStart = text.indexOf("'http://");
const finding: FixableFinding = {
  ruleId: 'network/service-domain', clauses: ['2.4.1'], severity: 'error', messageId: 'insecureScheme',
  message: 'http URL', file: 'pages/index/index.js', line: 3, column: 23, endLine: 3, endColumn: 51,
};
const diagnostic: Diagnostic = { range: { start: { line: 2, character: 22 }, end: { line: 2, character: 50 } }, message: 'http URL', code: finding.ruleId, source: 'bmplint' };

function apply(edits: { range: Diagnostic['range']; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 0, text), edits);
}

describe('code actions', () => {
  it("turns a finding's fix (offsets into the file) into the preferred quick fix", () => {
    const fixed = { ...finding, fix: { range: [urlStart + 1, urlStart + 5] as [number, number], text: 'https' } };
    const [action] = codeActionsFor(fixed, diagnostic, { uri, text }, false);
    expect(action).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [diagnostic] });
    expect(apply(action.edit!.changes![uri])).toContain("bn.request({ url: 'https://api.example.com/v1' })");
  });

  it('offers each suggestion as its own quick fix, titled by its description', () => {
    const suggested: FixableFinding = {
      ...finding,
      suggestions: [
        { desc: 'Use https', fix: { range: [urlStart + 1, urlStart + 5], text: 'https' } },
        { messageId: 'removeCall', fix: { range: [text.indexOf('bn.request'), text.indexOf(';', urlStart) + 1], text: '' } },
      ],
    };
    const actions = codeActionsFor(suggested, diagnostic, { uri, text }, false);
    expect(actions.map((action) => action.title)).toEqual(['Use https', 'removeCall']);
    expect(actions.every((action) => !action.isPreferred)).toBe(true);
    expect(apply(actions[1].edit!.changes![uri])).toBe('Page({\n  onLoad() {\n    \n  },\n});\n');
  });

  it('drops a fix whose range is not inside the file', () => {
    const broken = { ...finding, fix: { range: [10, text.length + 5] as [number, number], text: 'x' } };
    expect(codeActionsFor(broken, diagnostic, { uri, text }, false)).toEqual([]);
  });

  it('disables a suppressible rule with a comment above the line, indented like it', () => {
    const [action] = codeActionsFor(finding, diagnostic, { uri, text }, true);
    expect(action.title).toBe('Disable network/service-domain for this line (with a reason)');
    expect(apply(action.edit!.changes![uri]).split('\n')[2]).toBe('    // bmplint-disable-next-line network/service-domain -- <reason>');
  });

  it('writes the comment syntax of each file kind, and none for JSON', () => {
    expect(disableComment('a/b.tsx', 'x/y')).toBe('// bmplint-disable-next-line x/y -- <reason>');
    expect(disableComment('a/b.bns', 'x/y')).toBe('// bmplint-disable-next-line x/y -- <reason>');
    expect(disableComment('a/b.bxml', 'x/y')).toBe('<!-- bmplint-disable-next-line x/y -- <reason> -->');
    expect(disableComment('a/b.bxss', 'x/y')).toBe('/* bmplint-disable-next-line x/y -- <reason> */');
    expect(disableComment('app.json', 'x/y')).toBeUndefined();
  });
});
