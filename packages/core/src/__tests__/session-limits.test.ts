import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { defineRule } from '../rules/rule.js';
import { replaySession, type SessionEdit } from '../testing/index.js';
import type { BundleLimits } from '../bundle/bundle.js';

/**
 * Issue #9: a session applies the bundle limits to the bundle as it stands at each step (files read
 * at open, plus files set, minus files deleted), as a fresh lint() of the same files does: which
 * files are read, in what order, and the `bmplint/bundle` findings. Each table row crosses one limit
 * up and down by edits, adds, deletes and renames; `replaySession` compares every step with a fresh
 * lint() under the same limits, and the row says which findings each step must show.
 */

const meta = { clauses: ['6.3'], suppressible: true, docs: { description: 'test' } } as const;

/** Every entry the run read, in order, with its size. */
const entriesRule = defineRule({
  meta: { ...meta, id: 'test/entries', severity: 'info', messages: { entry: '{{path}} {{size}}' } },
  create: (context) => ({
    project(project) {
      for (const entry of project.bundle.entries.values()) context.report({ file: entry.path, messageId: 'entry', data: { path: entry.path, size: entry.size } });
    },
  }),
});

/** A per-file rule that needs the AST: silent on a file over the parse limit. */
const debuggerRule = defineRule({
  meta: { ...meta, id: 'test/debugger', severity: 'warning', messages: { found: 'debugger' } },
  create: (context) => ({ js: { DebuggerStatement: (node) => context.report({ node, messageId: 'found' }) } }),
});

const optionsFor = (limits: Partial<BundleLimits>): LintOptions => ({ rules: [entriesRule, debuggerRule], config: { limits } });

/** The bundle issues of a result as `code path`, and the paths read. */
const bundleIssues = (result: LintResult) => result.findings.filter((finding) => finding.ruleId === 'bmplint/bundle').map((finding) => `${finding.messageId} ${finding.file}`);
const read = (result: LintResult) => result.findings.filter((finding) => finding.ruleId === 'test/entries').map((finding) => finding.file).sort();
const debuggers = (result: LintResult) => result.findings.filter((finding) => finding.ruleId === 'test/debugger').map((finding) => finding.file).sort();

const pad = (size: number) => `/*${'x'.repeat(size - 4)}*/`;

interface Row {
  name: string;
  limits: Partial<BundleLimits>;
  files: Record<string, string>;
  /** Each edit, and what the step after it must show. */
  steps: Array<[edit: SessionEdit, expected: { issues: string[]; read?: string[]; debuggers?: string[] }]>;
}

const rows: Row[] = [
  {
    name: 'the total, by edits of one file while the others stay',
    limits: { maxTotalBytes: 100 },
    files: { 'a.js': pad(40), 'b.js': pad(40), 'c.js': pad(10) },
    steps: [
      [['a.js', pad(45)], { issues: [], read: ['a.js', 'b.js', 'c.js'] }],
      [['a.js', pad(55)], { issues: ['total-too-large c.js'], read: ['a.js', 'b.js'] }],
      [['b.js', pad(20)], { issues: [], read: ['a.js', 'b.js', 'c.js'] }],
      [['b.js', pad(60)], { issues: ['total-too-large b.js'], read: ['a.js'] }],
      [['a.js', pad(5)], { issues: [], read: ['a.js', 'b.js', 'c.js'] }],
    ],
  },
  {
    name: 'the total, over at open, then under by a delete and over again by an add',
    limits: { maxTotalBytes: 100 },
    files: { 'a.js': pad(60), 'b.js': pad(30), 'c.js': `debugger;${pad(20)}` },
    steps: [
      [['a.js', null], { issues: [], read: ['b.js', 'c.js'], debuggers: ['c.js'] }],
      [['d.js', pad(40)], { issues: [], read: ['b.js', 'c.js', 'd.js'] }],
      [['e.js', pad(10)], { issues: ['total-too-large e.js'], read: ['b.js', 'c.js', 'd.js'] }],
      [['c.js', 'debugger;'], { issues: [], read: ['b.js', 'c.js', 'd.js', 'e.js'], debuggers: ['c.js'] }],
    ],
  },
  {
    name: 'the total, by a rename that moves a file after the cut',
    limits: { maxTotalBytes: 100 },
    files: { 'a.js': pad(50), 'b.js': pad(40), 'c.js': pad(30) },
    steps: [
      [['a.js', null], { issues: [], read: ['b.js', 'c.js'] }],
      [['z.js', pad(50)], { issues: ['total-too-large z.js'], read: ['b.js', 'c.js'] }],
      [['c.js', null], { issues: [], read: ['b.js', 'z.js'] }],
      [['c.js', pad(30)], { issues: ['total-too-large c.js'], read: ['b.js', 'z.js'] }],
    ],
  },
  {
    name: 'the count, by adds, deletes and a rename',
    limits: { maxFiles: 3 },
    files: { 'a.js': 'a;', 'b.js': 'b;', 'c.js': 'c;', 'd.js': 'debugger;' },
    steps: [
      [['b.js', null], { issues: [], read: ['a.js', 'c.js', 'd.js'], debuggers: ['d.js'] }],
      [['e.js', 'e;'], { issues: ['too-many-files e.js'], read: ['a.js', 'c.js', 'd.js'] }],
      [['a.js', null], { issues: [], read: ['c.js', 'd.js', 'e.js'] }],
      [['a.js', 'a;'], { issues: ['too-many-files a.js'], read: ['c.js', 'd.js', 'e.js'] }],
      [['d.js', 'd = 1;'], { issues: ['too-many-files a.js'], read: ['c.js', 'd.js', 'e.js'], debuggers: [] }],
    ],
  },
  {
    name: 'the per-file size, by edits of a file refused at open and of one read',
    limits: { maxFileBytes: 50 },
    files: { 'a.js': `debugger;${pad(60)}`, 'b.js': 'b;' },
    steps: [
      [['b.js', 'b = 1;'], { issues: ['file-too-large a.js'], read: ['b.js'], debuggers: [] }],
      [['a.js', 'debugger;'], { issues: [], read: ['a.js', 'b.js'], debuggers: ['a.js'] }],
      [['b.js', pad(51)], { issues: ['file-too-large b.js'], read: ['a.js'] }],
      [['b.js', pad(50)], { issues: [], read: ['a.js', 'b.js'] }],
    ],
  },
  {
    name: 'the per-file size and the total together: a file under the one limit takes the total over',
    limits: { maxFileBytes: 50, maxTotalBytes: 80 },
    files: { 'a.js': pad(60), 'b.js': pad(40), 'c.js': pad(30) },
    steps: [
      [['c.js', pad(20)], { issues: ['file-too-large a.js'], read: ['b.js', 'c.js'] }],
      [['a.js', pad(30)], { issues: ['total-too-large c.js'], read: ['a.js', 'b.js'] }],
      [['b.js', pad(10)], { issues: [], read: ['a.js', 'b.js', 'c.js'] }],
    ],
  },
  {
    name: 'the parse limit, by edits up and down',
    limits: { maxParseBytes: 40 },
    files: { 'a.js': 'debugger;', 'b.js': `debugger;${pad(40)}` },
    steps: [
      [['a.js', `debugger;${pad(40)}`], { issues: ['parse-limit a.js', 'parse-limit b.js'], debuggers: [] }],
      [['b.js', 'debugger;'], { issues: ['parse-limit a.js'], debuggers: ['b.js'] }],
      [['a.js', 'debugger;'], { issues: [], debuggers: ['a.js', 'b.js'] }],
    ],
  },
  {
    name: 'refused paths: an unsafe name set, deleted and set again',
    limits: { maxTotalBytes: 100 },
    files: { 'a.js': pad(30) },
    steps: [
      [['../out.js', 'x;'], { issues: ['unsafe-path ../out.js'], read: ['a.js'] }],
      [['../out.js', null], { issues: [], read: ['a.js'] }],
      [['/abs.js', pad(80)], { issues: ['unsafe-path /abs.js'], read: ['a.js'] }],
    ],
  },
];

describe('a session at the bundle limits', () => {
  for (const row of rows) {
    it(`equals a fresh lint at every step: ${row.name}`, async () => {
      await replaySession(optionsFor(row.limits), row.files, row.steps.map(([edit]) => edit), (result, step) => {
        const expected = row.steps[step]![1];
        const label = `after ${row.steps[step]![0][0]} (step ${step})`;
        expect(bundleIssues(result), label).toEqual(expected.issues);
        if (expected.read) expect(read(result), label).toEqual(expected.read);
        if (expected.debuggers) expect(debuggers(result), label).toEqual(expected.debuggers);
      });
    });
  }
});

describe('a session on a directory at the bundle limits', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads a file refused at open once a delete brings the total under, as a fresh lint of the directory does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bmplint-session-limits-'));
    // A directory's files are offered to the limits last name first: c.js, b.js, a.js.
    writeFileSync(join(dir, 'a.js'), 'debugger;');
    writeFileSync(join(dir, 'b.js'), pad(30));
    writeFileSync(join(dir, 'c.js'), pad(60));
    const options = optionsFor({ maxTotalBytes: 95 });
    const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
    const session = await openSession(dir, options);
    const first = plain(await session.lint());
    expect(first).toEqual(plain(await lint(dir, options)));
    expect(bundleIssues(first)).toEqual(['total-too-large a.js']);
    session.setFile('c.js', null);
    unlinkSync(join(dir, 'c.js'));
    const after = plain(await session.lint());
    expect(after).toEqual(plain(await lint(dir, options)));
    expect([bundleIssues(after), read(after), debuggers(after)]).toEqual([[], ['a.js', 'b.js'], ['a.js']]);
  });
});
