import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bin, root, runCli, type Run } from './run-cli.js';
import { zipSync } from 'fflate';

const apps = join(root, 'fixtures/apps');


/** Runs the built CLI as a user would (`pnpm test` builds first). */
const bmplint = (args: string[], cwd = root): Promise<Run> => runCli(args, { cwd });

interface JsonReport {
  tool: { name: string; version: string };
  bundle: { root: string; style: string; files: number };
  findings: Array<{ ruleId: string; clauses: string[]; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number }>;
  summary: { errors: number; warnings: number; infos: number; unchecked: number };
}

async function checkJson(args: string[]): Promise<{ run: Run; report: JsonReport }> {
  const run = await bmplint(['check', ...args, '--format', 'json']);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** Rows of a fixture's EXPECTED.md table that name an implemented rule. */
function expectedRows(app: string): Array<{ file: string; line: number; column: number; ruleId: string }> {
  const text = readFileSync(join(apps, app, 'EXPECTED.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| [^|]+\.\w+ \| \d+ \| \d+ \|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ file: cells[1], line: Number(cells[2]), column: Number(cells[3]), ruleId: cells[cells.length - 2] }))
    .filter((row) => row.ruleId !== 'later');
}

const position = (finding: { file: string; line: number; column: number; ruleId: string }) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;

describe('bmplint check', () => {
  it('passes the clean example app with no finding and exit 0', async () => {
    const { run, report } = await checkJson([join(apps, 'clean-app')]);
    expect(report.findings.map(position)).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, unchecked: 0 });
    expect(report.bundle.style).toBe('classic');
  });

  it.each(['problem-app', 'problem-app-2'])('reports every planted problem of %s, at its line and column, and nothing else', async (app) => {
    const { run, report } = await checkJson([join(apps, app)]);
    expect(report.findings.map(position).sort()).toEqual(expectedRows(app).map(position).sort());
    expect(run.code).toBe(1);
    expect(report.summary.errors).toBe(report.findings.filter((finding) => finding.severity === 'error').length);
  });

  it('reads a React-style project through its sources when miniprogramRoot is not built', async () => {
    const { run, report } = await checkJson([join(apps, 'react-app')]);
    expect(report.bundle.style).toBe('react');
    expect(report.findings.map(position)).toEqual(expectedRows('react-app').map(position));
    expect(run.code).toBe(1);
  });

  it('writes the JSON contract: tool, bundle, findings with clauses and 1-based positions, summary', async () => {
    const { report } = await checkJson(['fixtures/apps/problem-app']);
    expect(report.tool).toEqual({ name: 'bmplint', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.bundle).toEqual({ root: 'fixtures/apps/problem-app', style: 'classic', files: expect.any(Number) });
    for (const finding of report.findings) {
      expect(finding).toMatchObject({ ruleId: expect.any(String), clauses: expect.any(Array), message: expect.any(String), file: expect.not.stringMatching(/^\/|\\/) });
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.endLine * 1e6 + finding.endColumn).toBeGreaterThanOrEqual(finding.line * 1e6 + finding.column);
    }
  });

  it('checks a zip of the app the same as the folder', async () => {
    const folder = join(apps, 'problem-app');
    const { report: fromFolder } = await checkJson([folder]);
    // Zip the whole app inside a top-level folder, as zipping a folder usually does.
    const files: Record<string, Uint8Array> = {};
    const walk = (dir: string, prefix = ''): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
        else files[`moon/${prefix}${name}`] = new Uint8Array(readFileSync(path));
      }
    };
    walk(folder);
    const zipPath = join(mkdtempSync(join(tmpdir(), 'bmplint-cli-')), 'bundle.zip');
    writeFileSync(zipPath, zipSync(files));
    const { run, report } = await checkJson([zipPath]);
    expect(run.code).toBe(1);
    expect(report.findings.map((finding) => position({ ...finding, file: finding.file.replace(/^moon\//, '') })).sort()).toEqual(fromFolder.findings.map(position).sort());
  });

  it('prints readable text, one line per problem from a path the working directory opens, with a summary', async () => {
    const run = await bmplint(['check', 'fixtures/apps/problem-app']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^fixtures\/apps\/problem-app\/pages\/home\/index\.bxml:1:1 +error +The home page pages\/home\/index is only a <web-view>.*\(3\.4\.1\)\. +webview\/no-webview-home$/m);
    expect(run.stdout).toMatch(/^By rule:\n(  .*\n)*  webview\/no-webview-home +3\.4\.1 +1 error\n/m);
    expect(run.stdout).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?, 0 info\) in \d+ files checked$/m);
    const clean = await bmplint(['check', 'fixtures/apps/clean-app']);
    expect(clean.stdout).toMatch(/^✔ No problems found \(\d+ files checked, classic style\)$/m);
  });

  it('takes the listing from --listing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-listing-'));
    const listing = join(dir, 'listing.json');
    writeFileSync(listing, JSON.stringify({ name: 'Call +1 415 555 0100 now', description: 'x', logo: 'logo.png' }, null, 2));
    const { report } = await checkJson([join(apps, 'clean-app'), '--listing', listing]);
    const contact = report.findings.filter((finding) => finding.ruleId === 'basic-info/no-contact-details');
    expect(contact).toHaveLength(1);
    expect(contact[0]).toMatchObject({ line: 2, file: expect.stringMatching(/listing\.json$/) });
  });

  it('exits 2 with a clear message for a missing path, a bad flag or a bad config', async () => {
    const missing = await bmplint(['check', 'no/such/app']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('bmplint: no such file or directory: no/such/app\n');
    const badFormat = await bmplint(['check', 'fixtures/apps/clean-app', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/argument 'xml' is invalid/);
    const noArgs = await bmplint(['check']);
    expect(noArgs.code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-config-'));
    writeFileSync(join(dir, 'bmplint.config.json'), '{ "rules": { "no/such-rule": "off" } }');
    const badConfig = await bmplint(['check', join(apps, 'clean-app'), '--config', join(dir, 'bmplint.config.json')]);
    expect(badConfig).toMatchObject({ code: 2, stderr: 'bmplint: config names an unknown rule: no/such-rule\n' });
  });

  it('exits 3 when there is no error but part of the bundle was not checked, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-partial-'));
    cpSync(join(apps, 'clean-app'), dir, { recursive: true });
    writeFileSync(join(dir, 'bmplint.config.json'), '{ "limits": { "maxFileBytes": 4096 } }');
    writeFileSync(join(dir, 'big.js'), `// ${'x'.repeat(8192)}\n`);
    const { run, report } = await checkJson([dir]);
    expect(report.summary).toMatchObject({ errors: 0, unchecked: 1 });
    expect(run.code).toBe(3);
    const text = await bmplint(['check', dir]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/Parts of the bundle were not checked/);
  });

  it('exits 3 when a file was checked as text only (over limits.maxParseBytes), and 0 once it is parsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-text-only-'));
    cpSync(join(apps, 'clean-app'), dir, { recursive: true });
    writeFileSync(join(dir, 'bmplint.config.json'), '{ "limits": { "maxParseBytes": 4096 } }');
    writeFileSync(join(dir, 'big.js'), `module.exports = [${'1, '.repeat(3000)}];\n`);
    const { run, report } = await checkJson([dir]);
    expect(report.findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.messageId}`)).toEqual(['big.js bmplint/bundle parse-limit']);
    expect(report.summary).toEqual({ errors: 0, warnings: 1, infos: 0, unchecked: 1 });
    expect(run.code).toBe(3);
    const text = await bmplint(['check', dir]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/big\.js:1:1 +warning +file checked as text only: .* parse limit/);
    expect(text.stdout).toMatch(/Parts of the bundle were not checked in full \(1 notice above\)/);
    writeFileSync(join(dir, 'bmplint.config.json'), '{ "limits": { "maxParseBytes": 65536 } }');
    const parsed = await checkJson([dir]);
    expect(parsed.report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, unchecked: 0 });
    expect(parsed.run.code).toBe(0);
  });

  it('never prints a stack trace for binary junk in source files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-junk-'));
    writeFileSync(join(dir, 'app.json'), Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    writeFileSync(join(dir, 'app.js'), Buffer.from([0x00, 0x01, 0x02, 0xc3, 0x28]));
    const { run, report } = await checkJson([dir]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe('the CLI bundle', () => {
  it('loads every term matcher it uses from the tables built with it, compiling none at startup', async () => {
    // In-process, as the bin runs it: a stale or mismatched table would only cost startup time, so
    // nothing else would notice.
    const script = `
      const cli = await import(${JSON.stringify(join(root, 'packages/cli/dist/bmplint.mjs'))});
      const rules = await cli.loadRules();
      await cli.lint(${JSON.stringify(join(apps, 'problem-app'))}, { rules });
      process.stdout.write(JSON.stringify(cli.termMatcherSources()));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    const sources = JSON.parse(stdout) as { table: number; lists: number };
    expect(sources.lists).toBe(0);
    expect(sources.table).toBeGreaterThan(10);
  });
});

describe('bmplint rules', () => {
  it('lists every rule with id, clauses, severity and description', async () => {
    const run = await bmplint(['rules', '--format', 'json']);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; clauses: string[]; severity: string; description: string }>;
    expect(run.code).toBe(0);
    expect(rules.map((rule) => rule.id)).toContain('webview/no-webview-home');
    for (const rule of rules) expect(rule).toMatchObject({ id: expect.stringMatching(/^[a-z-]+\/[a-z-]+$/), clauses: expect.arrayContaining([expect.any(String)]), description: expect.any(String) });
    const text = await bmplint(['rules']);
    expect(text.stdout).toMatch(/^webview\/no-webview-home +3\.4\.1 +error +hard +The home page/m);
    // A rule comments and config can switch off has no "hard" mark.
    const soft = rules.find((rule) => (rule as { suppressible?: boolean }).suppressible)!;
    expect(text.stdout).toMatch(new RegExp(`^${soft.id.replace('/', '\\/')} +[^\\n]*? +${soft.severity} {2,}(?!hard)\\S`, 'm'));
  });
});

describe('a run without listing.json', () => {
  it('names, in one info, the checks that did not run or ran without the listing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-nolisting-'));
    cpSync(join(apps, 'clean-app'), dir, { recursive: true });
    rmSync(join(dir, 'listing.json'));
    const { run, report } = await checkJson([dir]);
    const infos = report.findings.filter((finding) => finding.ruleId === 'bmplint/missing-input');
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ severity: 'info', file: 'listing.json' });
    expect(infos[0].message).toContain('basic-info/name-length');
    expect(infos[0].message).toContain('network/service-domain');
    expect(run.code).toBe(0);
    const withListing = await checkJson([join(apps, 'clean-app')]);
    expect(withListing.report.findings.filter((finding) => finding.ruleId === 'bmplint/missing-input')).toEqual([]);
  });
});
