/**
 * Shared by the hostile-input tests: lint a bundle with every built-in rule and time it, run the
 * built CLI as a whole process with its peak memory, and check that findings are well formed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { lint, openMemoryBundle, DEFAULT_LIMITS, type AnyRule, type Bundle, type BundleLimits, type Finding, type LintResult } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';

export const repoRoot = join(import.meta.dirname, '../..');
export const cliBin = join(repoRoot, 'packages/cli/bin/bmplint.js');
const maxRssWrapper = join(repoRoot, 'bench/maxrss.mjs');

export const BUNDLE_RULE = 'bmplint/bundle';
export const INTERNAL_ERROR_RULE = 'bmplint/internal-error';
export const SYNTAX_RULE = 'availability/syntax-error';

let rules: Promise<AnyRule[]> | undefined;
/** Every built-in rule, loaded once per test file. */
export const allRules = (): Promise<AnyRule[]> => (rules ??= loadRules());

export async function hasRule(id: string): Promise<boolean> {
  return (await allRules()).some((rule) => rule.meta.id === id);
}

const created: string[] = [];
/** A fresh temp directory, removed when the test file is done (some hold 50 MB files). */
export const tempDir = (label = 'hostile'): string => {
  const dir = mkdtempSync(join(tmpdir(), `bmplint-${label}-`));
  created.push(dir);
  return dir;
};
// Deleting a bundle of thousands of files takes seconds on a busy machine: more than vitest's 10 s default.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 120_000);

export interface Timed {
  result: LintResult;
  ms: number;
}

/** lint() of a bundle (a path, a Bundle or a file map) with every built-in rule, timed. */
export async function lintTimed(input: string | Bundle | Record<string, string | Uint8Array>, limits?: BundleLimits, rules?: AnyRule[]): Promise<Timed> {
  const activeRules = rules ?? (await allRules());
  const started = performance.now();
  const bundle = typeof input === 'string' || isBundle(input) ? input : openMemoryBundle(input, limits ?? DEFAULT_LIMITS);
  const result = await lint(bundle, { rules: activeRules, config: limits ? { limits } : undefined });
  return { result, ms: performance.now() - started };
}

function isBundle(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && 'entries' in value && typeof (value as Bundle).read === 'function';
}

/** A small valid classic app to put hostile files into. */
export function baseApp(overrides: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  return {
    'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index'], window: { navigationBarTitleText: 'Hostile' } }, null, 2),
    'app.js': 'App({\n  onLaunch() {}\n})\n',
    'pages/index/index.js': "Page({\n  data: { n: 0 },\n  onTap() {\n    this.setData({ n: this.data.n + 1 })\n  }\n})\n",
    'pages/index/index.bxml': '<view class="page" bindtap="onTap">{{n}}</view>\n',
    'pages/index/index.json': '{\n  "navigationBarTitleText": "Home"\n}\n',
    ...overrides,
  };
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Every finding has the JSON contract's shape: rule id, file, 1-based positions, severity, message. */
export function expectWellFormed(findings: readonly Finding[]): void {
  for (const finding of findings) {
    const where = `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`;
    expect(finding.ruleId, where).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(typeof finding.file, where).toBe('string');
    expect(Number.isInteger(finding.line) && finding.line >= 1, `${where}: line`).toBe(true);
    expect(Number.isInteger(finding.column) && finding.column >= 1, `${where}: column`).toBe(true);
    expect(Number.isInteger(finding.endLine) && finding.endLine >= finding.line, `${where}: endLine`).toBe(true);
    expect(Number.isInteger(finding.endColumn) && finding.endColumn >= 1, `${where}: endColumn`).toBe(true);
    expect(SEVERITIES.has(finding.severity), `${where}: severity ${finding.severity}`).toBe(true);
    expect(typeof finding.message === 'string' && finding.message.trim().length > 0, `${where}: message`).toBe(true);
  }
}

/** No rule threw: a `bmplint/internal-error` finding is a bug in a rule or in core. */
export function expectNoInternalErrors(findings: readonly Finding[]): void {
  expect(findings.filter((finding) => finding.ruleId === INTERNAL_ERROR_RULE).map((finding) => `${finding.file}: ${finding.message}`)).toEqual([]);
}

/** Findings of the bundle reader, as `code path` (the messageId is the issue code). */
export function bundleIssues(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => finding.ruleId === BUNDLE_RULE).map((finding) => `${finding.messageId} ${finding.file}`);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident set size of the CLI process, in MB. */
  peakMb: number;
  report?: {
    bundle: { root: string; style: string; files: number };
    findings: Finding[];
    summary: { errors: number; warnings: number; infos: number; unchecked: number };
  };
}

/** Runs the built CLI (`check <path> --format json`) as a whole process, with its peak RSS. */
export function runCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [maxRssWrapper, cliBin, ...args],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        const run: CliRun = { code, stdout, stderr, ms, peakMb: rss ? Number(rss[1]) / 1024 : NaN };
        try {
          run.report = JSON.parse(stdout);
        } catch {
          // left undefined: the caller's expectation on `report` fails with the output in view
        }
        resolve(run);
      },
    );
  });
}

/**
 * The CLI finished normally: exit 0, 1 or 3 as its summary says (1 errors, 3 no errors but parts
 * not checked), valid JSON with well-formed findings.
 */
export function expectCleanExit(run: CliRun): NonNullable<CliRun['report']> {
  expect([0, 1, 3], `exit ${run.code}; stderr: ${run.stderr.slice(0, 2000)}`).toContain(run.code);
  expect(run.report, `stdout is not JSON: ${run.stdout.slice(0, 500)}`).toBeDefined();
  const { errors, unchecked } = run.report!.summary;
  expect(run.code, 'exit code agrees with the summary').toBe(errors ? 1 : unchecked ? 3 : 0);
  expectWellFormed(run.report!.findings);
  return run.report!;
}

/** Bytes of a string in UTF-16LE, with or without a BOM. */
export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string, bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

// fflate is a devDependency of packages/core, not of the root: imported by path.
export { zipSync, strToU8, deflateSync, type Zippable } from '../../packages/core/node_modules/fflate/esm/index.mjs';
