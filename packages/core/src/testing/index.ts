import { describe, expect, it } from 'vitest';
import { lint } from '../runner/lint.js';
import { openMemoryBundle } from '../bundle/memory.js';
import type { AnyRule } from '../rules/rule.js';
import { fixFiles } from '../fix.js';
import { BUNDLE_RULE_ID, type Confidence, type Finding, type Severity } from '../findings.js';
import type { Config } from '../config/config.js';
import type { FileResult, ResultCache } from '../runner/file-result.js';
import type { ReviewHistory } from '../history.js';

export * from './png.js';
export * from './session.js';

export type Files = Record<string, string | Uint8Array | null>;

export interface ValidCase {
  name: string;
  /** The bundle; use `miniApp({...})` to start from a minimal valid app. A null value removes a file. */
  files: Files;
  options?: Record<string, unknown>;
  /** Run config besides the rule's own options (e.g. `ignorePatterns`). */
  config?: Omit<Config, 'rules'>;
  /** What the review portal would know (earlier versions, other apps), for the rules that need it. */
  history?: ReviewHistory;
  only?: boolean;
}

export interface ExpectedFinding {
  messageId: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
  /** Substring of the rendered message. */
  message?: string;
  confidence?: Confidence;
  severity?: Severity;
  vendor?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * For fixable rules: the files `--fix` changes, as they read after fixing (ESLint's `output`).
   * The tester also checks that the fixed bundle has no finding of the rule left and that fixing
   * it again changes nothing. `null`: the findings carry no fix.
   */
  output?: Files | null;
}

/** The smallest valid classic app: one page with all four files. Pass files to add, replace or (null) remove. */
export function miniApp(files: Files = {}): Files {
  const base: Files = {
    'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index'], window: { navigationBarTitleText: 'Gas Watch' } }, null, 2),
    'app.js': 'App({});\n',
    'pages/index/index.js': 'Page({ data: {} });\n',
    'pages/index/index.bxml': '<view class="page">Hello</view>\n',
    'pages/index/index.json': '{}\n',
    'pages/index/index.bxss': '.page { padding: 24rpx; }\n',
  };
  return { ...base, ...files };
}

/** Runs one rule alone over an in-memory bundle; returns its findings and any internal errors. */
export async function runRule(rule: AnyRule, files: Files, options?: Record<string, unknown>, runConfig: Omit<Config, 'rules'> = {}, history?: ReviewHistory): Promise<Finding[]> {
  const present = presentFiles(files);
  const config = { ...runConfig, ...configFor(rule, options) };
  // Twice: the second run takes each file's results (findings and facts) from the first, through
  // JSON, as `--cache` does; both must give the same findings.
  const stored = new Map<string, string>();
  const resultCache: ResultCache = {
    get: (key) => (stored.has(key) ? (JSON.parse(stored.get(key)!) as FileResult) : undefined),
    set: (key, result) => void stored.set(key, JSON.stringify(result)),
  };
  const result = await lint(openMemoryBundle(present), { rules: [rule], config, resultCache, history, strictTrees: true });
  const cached = await lint(openMemoryBundle(present), { rules: [rule], config, resultCache, history, strictTrees: true });
  expect(JSON.stringify(cached.findings), 'findings from cached file results').toBe(JSON.stringify(result.findings));
  // A file over a case's `limits.maxParseBytes` is checked as text only: the engine's note about it
  // must name the rule among the checks that ran on it, and is not one of the rule's findings.
  return result.findings.filter((finding) => {
    if (finding.ruleId !== BUNDLE_RULE_ID || finding.messageId !== 'parse-limit') return true;
    expect(String(finding.data?.checks).split(', '), `checks that ran on ${finding.file}`).toContain(rule.meta.id);
    return false;
  });
}

/** Runs one rule alone and applies its fixes as `--fix` does; returns the changed files' new text. */
export async function fixRule(rule: AnyRule, files: Files, options?: Record<string, unknown>): Promise<{ outputs: Record<string, string>; findings: Finding[] }> {
  const present = presentFiles(files);
  const run = await fixFiles(
    (outputs) => lint(openMemoryBundle({ ...present, ...Object.fromEntries(outputs) }), { rules: [rule], config: configFor(rule, options) }),
    (path) => (typeof present[path] === 'string' ? (present[path] as string) : present[path] ? Buffer.from(present[path]).toString('utf8') : undefined),
  );
  return { outputs: Object.fromEntries(run.outputs), findings: run.result.findings };
}

function presentFiles(files: Files): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string | Uint8Array] => entry[1] !== null));
}

function configFor(rule: AnyRule, options: Record<string, unknown> | undefined) {
  return options ? { rules: { [rule.meta.id]: [rule.meta.severity, options] as [typeof rule.meta.severity, Record<string, unknown>] } } : {};
}

/**
 * ESLint's RuleTester for bundles: each valid case must produce no finding, each invalid case
 * exactly the listed findings (in file/line/column order). A rule without both kinds fails.
 */
export class RuleTester {
  run(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      it('has valid and invalid cases', () => {
        expect(cases.valid.length, 'at least one valid case').toBeGreaterThan(0);
        expect(cases.invalid.length, 'at least one invalid case').toBeGreaterThan(0);
      });
      for (const testCase of cases.valid) {
        (testCase.only ? it.only : it)(`valid: ${testCase.name}`, async () => {
          const findings = await runRule(rule, testCase.files, testCase.options, testCase.config, testCase.history);
          expect(findings.map(describeFinding)).toEqual([]);
        });
      }
      for (const testCase of cases.invalid) {
        (testCase.only ? it.only : it)(`invalid: ${testCase.name}`, async () => {
          expect(testCase.errors.length, 'an invalid case lists its findings').toBeGreaterThan(0);
          for (const error of testCase.errors) expect(Object.keys(rule.meta.messages)).toContain(error.messageId);
          const findings = await runRule(rule, testCase.files, testCase.options, testCase.config, testCase.history);
          const internal = findings.filter((finding) => finding.ruleId !== rule.meta.id);
          expect(internal.map(describeFinding)).toEqual([]);
          const actual = findings.map((finding, index) => pick(finding, testCase.errors[index]));
          expect(actual).toEqual(testCase.errors.map((error) => ({ ...error, message: error.message ? expect.stringContaining(error.message) : undefined })));
          if (testCase.output === undefined) return;
          const fixed = await fixRule(rule, testCase.files, testCase.options);
          if (testCase.output === null) {
            expect(fixed.outputs, 'no fix').toEqual({});
            return;
          }
          expect(fixed.outputs).toEqual(testCase.output);
          expect(fixed.findings.filter((finding) => finding.ruleId === rule.meta.id).map(describeFinding), 'no finding left after fixing').toEqual([]);
          const again = await fixRule(rule, { ...testCase.files, ...fixed.outputs }, testCase.options);
          expect(again.outputs, 'fixing again changes nothing').toEqual({});
        });
      }
    });
  }
}

function describeFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;
}

/** The fields of a finding that the expectation names (so expectations can be partial). */
function pick(finding: Finding, expected: ExpectedFinding | undefined): Record<string, unknown> {
  const keys = expected ? (Object.keys(expected) as Array<keyof ExpectedFinding>) : ['messageId', 'file', 'line', 'column'];
  const out: Record<string, unknown> = {};
  for (const key of new Set([...keys, 'messageId'])) out[key] = (finding as unknown as Record<string, unknown>)[key];
  out.message = expected?.message ? finding.message : undefined;
  return out;
}
