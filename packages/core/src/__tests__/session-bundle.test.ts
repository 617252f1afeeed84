import { describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { DEFAULT_LIMITS, type BundleLimits } from '../bundle/bundle.js';
import { defineRule } from '../rules/rule.js';

/**
 * Issue #9: a session's re-run takes the last run's bundle entries with the new sizes of the files
 * set, unless a path was added or deleted or a file set is refused (session.ts). Each step must
 * equal a fresh lint() of the same files under the same limits: entries, their order and sizes,
 * and the bundle's issues.
 */

const sizesRule = defineRule({
  meta: { id: 'test/sizes', clauses: ['6.3'], severity: 'info', suppressible: true, docs: { description: 'test' }, messages: { size: '{{path}} is {{size}} bytes, entry {{index}}' } },
  create: (context) => ({
    project(project) {
      [...project.bundle.entries.values()].forEach((entry, index) => context.report({ file: entry.path, messageId: 'size', data: { path: entry.path, size: entry.size, index } }));
    },
  }),
});

const options: LintOptions = { rules: [sizesRule] };
const limits: BundleLimits = { ...DEFAULT_LIMITS, maxFileBytes: 40 };
const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;

describe('the bundle of a session re-run', () => {
  it('equals a fresh bundle after edits, refusals, adds and deletes', async () => {
    const files: Record<string, string> = { 'app.json': '{"pages":["a"]}', 'a.js': 'a;', 'b.js': 'b;', 'c.js': 'c;' };
    const session = await openSession(openMemoryBundle(files, limits), options);
    const set = (path: string, content: string | null) => {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
    };
    const check = async (step: string) => {
      const result = plain(await session.lint());
      expect(result, step).toEqual(plain(await lint(openMemoryBundle(files, limits), options)));
      return result;
    };
    await check('first run');
    const steps: Array<[string, Array<[string, string | null]>]> = [
      ['an edit', [['a.js', 'a = 1;']]],
      ['another edit of another file', [['b.js', 'b = 22;']]],
      ['a file over the limit', [['b.js', 'x'.repeat(41)]]],
      ['back under it', [['b.js', 'b;']]],
      ['an edit after', [['b.js', 'b = 333;']]],
      ['a delete', [['c.js', null]]],
      ['an edit after a delete', [['a.js', 'a = 4444;']]],
      ['an add', [['d.js', 'd;']]],
      ['two edits of one file and one of another', [['a.js', 'a;'], ['a.js', 'a = 55555;'], ['d.js', 'd = 6;']]],
      ['the deleted file back', [['c.js', 'c = 7;']]],
      ['every file at the limit, one new', [['a.js', 'a'.repeat(40)], ['b.js', 'b'.repeat(40)], ['c.js', 'c'.repeat(40)], ['d.js', 'd'.repeat(40)], ['e.js', 'e'.repeat(40)]]],
      ['one over it', [['e.js', 'e'.repeat(41)]]],
      ['two edits, one under it again', [['e.js', 'e;'], ['a.js', 'a = 8;']]],
      ['an edit at the end', [['e.js', 'e = 9;']]],
    ];
    for (const [step, edits] of steps) {
      for (const [path, content] of edits) set(path, content);
      const result = await check(step);
      expect(result.findings.filter((finding) => finding.ruleId === 'test/sizes').length, step).toBeGreaterThan(0);
    }
  });
});
