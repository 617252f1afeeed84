/**
 * Mutation fuzzing of the fixture bundles with fast-check: truncate a file, splice in bytes of
 * another, flip bytes, insert hostile snippets, swap a file's extension (so its bytes meet another
 * parser), delete a file, duplicate files into a nested folder. Whatever the bundle, lint() must not
 * throw, no rule may fail (`bmplint/internal-error`), every finding must be well formed, the JSON
 * report must parse, and each run must finish in bounded time.
 *
 *   BMPLINT_FUZZ_RUNS=40 (default)  number of mutated bundles;  pnpm fuzz runs 2,000
 *   BMPLINT_FUZZ_SEED=…             replay a failure (fast-check prints the seed and the path)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, type AnyRule, type Finding } from '@bmplint/core';
import { formatReport } from '@bmplint/cli';
import { allRules, repoRoot } from './helpers.js';

const RUNS = Number(process.env.BMPLINT_FUZZ_RUNS) || 40;
/** Printed before the run, so a run that hangs (and never reports a counterexample) can be replayed. */
const SEED = process.env.BMPLINT_FUZZ_SEED ? Number(process.env.BMPLINT_FUZZ_SEED) : (Date.now() ^ (process.pid << 16)) | 0;
const RUN_LIMIT_MS = 5_000;
const APPS = ['clean-app', 'problem-app', 'react-app'] as const;
const EXTENSIONS = ['js', 'ts', 'tsx', 'bns', 'bxml', 'bxss', 'css', 'json', 'png', 'txt', ''] as const;

/** Snippets that have broken parsers and rules elsewhere. */
const SNIPPETS = [
  '{{', '}}', '{{ a. }}', '<bns module="m">', '</bns>', '<!--', '-->', '<![CDATA[', ']]>', '<view', '</view>', '/>',
  '${', '`', '/*', '*/', '//', '"', "'", '\\', '\\u{110000}', '\u2028', '\ufeff', '\u0000', '\ud800',
  '[[[[[[[[[[', ']]]]]]]]', '((((((((((', '}}}}}}}}', 'bn[', 'bn._', 'bn.request({url:', "'http://", 'https://[::1]:0/', 'wss://',
  '@media {', 'url(', '"pages": [', '"usingComponents": {"x": "', ': null', ',,', 'NaN', '1e999', '-0', '__proto__', 'constructor',
];

type Files = Map<string, Uint8Array>;

type Mutation =
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'splice'; file: number; from: number; start: number; length: number; at: number }
  | { kind: 'flip'; file: number; flips: Array<{ at: number; xor: number }> }
  | { kind: 'insert'; file: number; at: number; snippet: string; times: number }
  | { kind: 'extension'; file: number; extension: string }
  | { kind: 'delete'; file: number }
  | { kind: 'nest'; file: number; folder: string; all: boolean };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const fileIndex = fc.nat();

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), file: fileIndex, at: fraction }),
  fc.record({ kind: fc.constant('splice' as const), file: fileIndex, from: fileIndex, start: fraction, length: fc.integer({ min: 1, max: 4096 }), at: fraction }),
  fc.record({ kind: fc.constant('flip' as const), file: fileIndex, flips: fc.array(fc.record({ at: fraction, xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('insert' as const), file: fileIndex, at: fraction, snippet: fc.constantFrom(...SNIPPETS), times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 2_000 })) }),
  fc.record({ kind: fc.constant('extension' as const), file: fileIndex, extension: fc.constantFrom(...EXTENSIONS) }),
  fc.record({ kind: fc.constant('delete' as const), file: fileIndex }),
  fc.record({ kind: fc.constant('nest' as const), file: fileIndex, folder: fc.constantFrom('nested/', 'pages/index/', 'a/b/c/', 'src/', 'miniprogram/'), all: fc.boolean() }),
);

function readApp(name: string): Files {
  const root = join(repoRoot, 'fixtures/apps', name);
  const files: Files = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(root, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
    }
  };
  walk(root);
  return files;
}

const at = (bytes: Uint8Array, position: number) => Math.floor(position * (bytes.length + 1));

function withExtension(path: string, extension: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const base = dot > slash ? path.slice(0, dot) : path;
  return extension ? `${base}.${extension}` : base;
}

/** Applies the mutations in order to a copy of the bundle. */
function mutate(original: Files, mutations: readonly Mutation[]): Files {
  const files: Files = new Map(original);
  for (const change of mutations) {
    const paths = [...files.keys()];
    if (!paths.length) break;
    const path = paths[change.file % paths.length];
    const bytes = files.get(path)!;
    switch (change.kind) {
      case 'truncate':
        files.set(path, bytes.subarray(0, at(bytes, change.at)));
        break;
      case 'splice': {
        const donor = files.get(paths[change.from % paths.length])!;
        const start = at(donor, change.start);
        const piece = donor.subarray(start, start + change.length);
        const cut = at(bytes, change.at);
        files.set(path, Buffer.concat([bytes.subarray(0, cut), piece, bytes.subarray(cut)]));
        break;
      }
      case 'flip': {
        const copy = Uint8Array.from(bytes);
        for (const flip of change.flips) if (copy.length) copy[Math.min(copy.length - 1, at(copy, flip.at))] ^= flip.xor;
        files.set(path, copy);
        break;
      }
      case 'insert': {
        const cut = at(bytes, change.at);
        files.set(path, Buffer.concat([bytes.subarray(0, cut), Buffer.from(change.snippet.repeat(change.times)), bytes.subarray(cut)]));
        break;
      }
      case 'extension':
        files.delete(path);
        files.set(withExtension(path, change.extension), bytes);
        break;
      case 'delete':
        files.delete(path);
        break;
      case 'nest':
        for (const source of change.all ? paths : [path]) files.set(`${change.folder}${source}`, files.get(source)!);
        break;
    }
  }
  return files;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Why a finding is malformed, or undefined. */
function malformed(finding: Finding): string | undefined {
  if (typeof finding.ruleId !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(finding.ruleId)) return 'ruleId';
  if (typeof finding.file !== 'string') return 'file';
  for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) if (!Number.isInteger(finding[key]) || finding[key] < 1) return key;
  if (finding.endLine < finding.line) return 'endLine before line';
  if (!SEVERITIES.has(finding.severity)) return 'severity';
  if (typeof finding.message !== 'string' || !finding.message.trim()) return 'message';
  return undefined;
}

describe('fuzzing the fixture bundles', () => {
  let rules: AnyRule[];
  const apps = new Map<string, Files>();
  beforeAll(async () => {
    rules = await allRules();
    for (const app of APPS) apps.set(app, readApp(app));
  });

  it(`lint() survives ${RUNS} mutated bundles with well-formed findings and valid JSON`, async () => {
    let slowest = 0;
    console.log(`fuzz: ${RUNS} runs, BMPLINT_FUZZ_SEED=${SEED}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...APPS), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (app, mutations) => {
        const files = mutate(apps.get(app)!, mutations);
        const started = performance.now();
        const result = await lint(openMemoryBundle(Object.fromEntries(files)), { rules });
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        const bad = result.findings.map((finding) => [finding, malformed(finding)] as const).filter(([, why]) => why);
        if (bad.length) throw new Error(`malformed finding (${bad[0][1]}): ${JSON.stringify(bad[0][0])}`);
        const failures = result.findings.filter((finding) => finding.ruleId === 'bmplint/internal-error');
        if (failures.length) throw new Error(`a rule failed: ${failures[0].file}: ${failures[0].message}`);
        const report = JSON.parse(formatReport(result, 'json', { tool: { name: 'bmplint', version: '0.0.0' }, root: app })) as { findings: unknown[] };
        if (report.findings.length !== result.findings.length) throw new Error('the JSON report lost findings');
        if (ms > RUN_LIMIT_MS) throw new Error(`took ${ms.toFixed(0)} ms`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(slowest).toBeLessThan(RUN_LIMIT_MS);
  }, Math.max(60_000, RUNS * 3_000));
});
