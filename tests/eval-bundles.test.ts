import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../packages/cli/src/load-rules.js';
import { root } from './run-cli.js';

/** The small-bundle evaluation sets (scripts/eval-bundles.mjs runs them; this checks their shape). */
function sets(): Array<{ path: string; set: any }> {
  const out: Array<{ path: string; set: any }> = [];
  for (const area of readdirSync(join(root, 'rules'))) {
    const dir = join(root, 'rules', area, 'eval', 'bundles');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) out.push({ path: `rules/${area}/eval/bundles/${name}`, set: JSON.parse(readFileSync(join(dir, name), 'utf8')) });
  }
  return out;
}

/** Clauses with evaluation sets of texts (`rules/content/eval/<clause>[-<set>].jsonl`, scripts/eval-rules.mjs). */
function textSetClauses(): string[] {
  return readdirSync(join(root, 'rules/content/eval')).filter((file) => file.endsWith('.jsonl')).map((file) => file.replace(/\.jsonl$/, '').split('-')[0]);
}

describe('small-bundle evaluation sets', () => {
  it('cover every rule that no set of texts measures', async () => {
    const texts = textSetClauses();
    const measuredByTexts = (clauses: readonly string[]) => clauses.some((clause) => texts.some((set) => clause === set || clause.startsWith(`${set}.`)));
    const bundled = new Set(sets().map(({ set }) => set.rule));
    const uncovered = (await loadRuleSet()).rules.filter((rule) => !bundled.has(rule.meta.id) && !measuredByTexts(rule.meta.clauses)).map((rule) => rule.meta.id);
    expect(uncovered).toEqual([]);
  });

  it('each names a built-in rule of its area, with at least 5 positive and 5 near-miss cases, each saying what it varies', async () => {
    const ids = new Set((await loadRuleSet()).rules.map((rule) => rule.meta.id));
    for (const { path, set } of sets()) {
      expect(ids.has(set.rule), `${path}: unknown rule ${set.rule}`).toBe(true);
      expect(path, 'the file is named after its rule, in its area').toBe(`rules/${set.rule.split('/')[0]}/eval/bundles/${set.rule.split('/')[1]}.json`);
      expect(typeof set.author, `${path}: author`).toBe('string');
      const names = new Set<string>();
      for (const testCase of set.cases) {
        expect(['positive', 'negative'], `${path} ${testCase.name}: expect`).toContain(testCase.expect);
        expect(testCase.varies, `${path} ${testCase.name}: varies`).toMatch(/\S/);
        expect(typeof testCase.files, `${path} ${testCase.name}: files`).toBe('object');
        expect(names.has(testCase.name), `${path}: duplicate case ${testCase.name}`).toBe(false);
        names.add(testCase.name);
      }
      expect(set.cases.filter((testCase: any) => testCase.expect === 'positive').length, `${path}: positives`).toBeGreaterThanOrEqual(5);
      expect(set.cases.filter((testCase: any) => testCase.expect === 'negative').length, `${path}: near misses`).toBeGreaterThanOrEqual(5);
    }
  });
});
