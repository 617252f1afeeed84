import { describe, expect, it } from 'vitest';
import type { LintOptions } from '../runner/lint.js';
import { createHash } from 'node:crypto';
import { subjectOf } from '../fingerprint.js';
import type { Finding } from '../findings.js';
import { defineRule } from '../rules/rule.js';
import { miniApp, replaySession } from '../testing/index.js';

/**
 * Issue #9: a session's re-run keeps what it computed for the fingerprints of findings on lines of
 * unchanged file contents (fingerprint.ts). Each step must give the fingerprints a fresh lint()
 * gives: repeats on identical lines are numbered, and the numbers move when a repeat is added or
 * removed above, in the same file or on another line with the same text.
 */

const meta = { clauses: ['6.3'], suppressible: true, docs: { description: 'test' } } as const;

/** Every call, one problem per callee (`subject`), so identical lines hold numbered repeats. */
const callRule = defineRule({
  meta: { ...meta, id: 'test/call', severity: 'warning', subject: ['name'], messages: { call: 'call {{name}} at {{offset}}' } },
  create: (context) => ({
    js: {
      CallExpression: (node) => {
        if (node.callee.type !== 'Identifier') return;
        context.report({ node, messageId: 'call', data: { name: node.callee.name, offset: node.start ?? 0 } });
      },
    },
  }),
});

/** A project hook's findings: new objects each run, on lines of files whose results are cached. */
const todoRule = defineRule({
  meta: { ...meta, id: 'test/todo', severity: 'info', messages: { todo: 'todo in {{file}}' } },
  create: (context) => ({
    project(project) {
      for (const path of project.paths) {
        const text = project.textOf(path)?.text ?? '';
        text.split('\n').forEach((line, index) => {
          if (line.includes('TODO')) context.report({ file: path, loc: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 2 } }, messageId: 'todo', data: { file: path } });
        });
      }
    },
  }),
});

const options: LintOptions = { rules: [callRule, todoRule] };

const app = miniApp({
  'a.js': 'f();\nf(); // TODO\ng();\n',
  'b.js': 'f();\nf();\n',
  'same.js': 'f(); f();\n',
}) as Record<string, string>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Groups and fingerprints as fingerprint.ts defines them, computed from nothing kept: [group, fingerprint] per finding. */
function byDefinition(findings: readonly Finding[], files: Readonly<Record<string, string>>): Array<[string, string]> {
  const subjects = new Map(options.rules.map((rule) => [rule.meta.id, rule.meta.subject]));
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const group = sha256(`${finding.ruleId}\u0000${finding.messageId}\u0000${subjectOf(finding, subjects.get(finding.ruleId))}`).slice(0, 16);
    const line = files[finding.file]?.split('\n')[finding.line - 1] ?? '';
    const base = `${group}\u0000${finding.file}\u0000${sha256(line.replace(/\s+/g, ' ').trim()).slice(0, 32)}`;
    const seen = occurrences.get(base) ?? 0;
    occurrences.set(base, seen + 1);
    return [group, sha256(`${base}\u0000${seen}`).slice(0, 32)];
  });
}

describe('fingerprints in a session', () => {
  it('equal a fresh lint()\'s after repeats are added, removed and moved, in edited and unedited files', async () => {
    const seen: string[][] = [];
    await replaySession(options, app, [
      ['a.js', 'f();\nf();\nf(); // TODO\ng();\n'], // a repeat added above: later ones are renumbered
      ['b.js', 'f();\n'], // the other file changes; a.js's findings are kept
      ['a.js', 'f(); // TODO\nf();\nf(); // TODO\ng();\n'], // a TODO line becomes another repeat's line
      ['a.js', 'g();\nf();\n'], // repeats removed
      ['same.js', 'f(); f();\n'], // the same content again: two repeats on one line
      ['same.js', 'f();\n'],
      ['c.js', 'f();\nf();\n'], // a new file with b.js's old content
      ['b.js', null],
      ['a.js', app['a.js']!], // back to the first content
    ], (result, step, files) => {
      seen.push(result.findings.map((finding) => finding.fingerprint!));
      expect(result.findings.filter((finding) => finding.ruleId === 'test/call' && finding.file === 'same.js').length, `step ${step}`).toBe(files['same.js'] === 'f(); f();\n' ? 2 : 1);
      // Repeats (the same group on lines with the same text) are numbered: no two findings share a fingerprint.
      expect(new Set(seen[seen.length - 1]).size, `step ${step}`).toBe(result.findings.length);
      // The fresh lint() shares what fingerprint.ts keeps at module level, so also compare with the definition.
      const expected = byDefinition(result.findings, files);
      expect(result.findings.map((finding) => finding.group), `step ${step}`).toEqual(expected.map(([group]) => group));
      expect(result.findings.map((finding) => finding.fingerprint), `step ${step}`).toEqual(expected.map(([, fingerprint]) => fingerprint));
    });
    expect(seen[seen.length - 1]).not.toEqual(seen[0]);
  });
});
