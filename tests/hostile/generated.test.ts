/**
 * The benchmark generator (bench/generate.mjs): deterministic, realistic (a clean app has no error
 * or warning) and its planted problems are exactly what the loaded rules report.
 */
import { describe, expect, it } from 'vitest';
import { countPlanted, generateApp, generateBundle, type PlantedProblem } from '../../bench/generate.mjs';
import { allRules, expectNoInternalErrors, expectWellFormed, lintTimed } from './helpers.js';

const where = (finding: { ruleId: string; file: string; line: number; column: number }) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`;

describe('bench/generate.mjs', () => {
  it('is deterministic: the same options give the same bytes, another seed another app', () => {
    const a = generateApp({ pages: 20, seed: 7 });
    const b = generateApp({ pages: 20, seed: 7 });
    const c = generateApp({ pages: 20, seed: 8 });
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const path of Object.keys(a)) expect(Buffer.from(a[path]).equals(Buffer.from(b[path])), path).toBe(true);
    expect(Object.keys(a).some((path) => !(path in c) || !Buffer.from(a[path]).equals(Buffer.from(c[path])))).toBe(true);
  });

  it('plants one problem of each kind per 10 pages and about 100 lines of JS per page', () => {
    const { planted, stats } = generateBundle({ pages: 100, seed: 1 });
    expect(countPlanted(planted)).toEqual({ 'network/service-domain': 10, 'availability/navigation-target': 10, 'api/no-private-api': 10 });
    expect(stats.lines.js / 100).toBeGreaterThan(90);
    expect(stats.lines.js / 100).toBeLessThan(115);
    expect(generateBundle({ pages: 100, seed: 1, problems: false }).planted).toEqual([]);
  });

  it('a clean generated app has no error or warning', async () => {
    const { result } = await lintTimed(generateApp({ pages: 30, seed: 3, problems: false }));
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(result.findings.filter((finding) => finding.severity !== 'info').map(where)).toEqual([]);
  });

  it('the loaded rules report exactly the planted problems, at their line and column, and no other error', async () => {
    const { files, planted } = generateBundle({ pages: 30, seed: 3 });
    const loaded = new Set((await allRules()).map((rule) => rule.meta.id));
    const { result, ms } = await lintTimed(files);
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    const expected = planted.filter((problem: PlantedProblem) => loaded.has(problem.ruleId)).map(where).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(result.findings.filter((finding) => finding.severity !== 'info').map(where).sort()).toEqual(expected);
    expect(ms).toBeLessThan(10_000);
  });
});
