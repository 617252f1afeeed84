import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownClause, validateWithSchema, renderRuleDoc, renderRuleIndex, ruleDocPath, ruleFolder } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';
import { portalRules } from '@bmplint/rules-store';
import catalog from '../packages/core/src/clauses/catalog.json' with { type: 'json' };

const root = join(import.meta.dirname, '..');
const lintRules = await loadRules();
const rules = [...lintRules, ...portalRules];
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('rule catalog', () => {
  it('has rules', () => expect(rules.length).toBeGreaterThan(0));

  describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    const folder = ruleFolder(id);

    it('lives in rules/<area>/src/<name>/ with its code', () => {
      expect(existsSync(join(root, folder, 'index.ts')), `${folder}/index.ts`).toBe(true);
    });

    it('cites only clauses of the Operation Rules or the portal', () => {
      for (const clause of rule.meta.clauses) expect(isKnownClause(clause), clause).toBe(true);
    });

    it('has default options that satisfy its options schema', () => {
      // activateRules validates only options a config sets, so the defaults are checked here.
      if (!rule.meta.schema) return;
      expect(validateWithSchema(rule.meta.schema, rule.meta.defaultOptions ?? {})).toEqual([]);
    });

    it('has tests with valid and invalid cases', () => {
      const path = join(folder, 'index.test.ts');
      expect(existsSync(join(root, path)), path).toBe(true);
      const text = read(path);
      expect(text).toMatch(/new RuleTester\(\)\.run\(/);
      expect(text).toMatch(/\bvalid:\s*\[/);
      expect(text).toMatch(/\binvalid:\s*\[/);
    });

    it('has a README with a bad and a good example', () => {
      const path = join(folder, 'README.md');
      expect(existsSync(join(root, path)), path).toBe(true);
      const text = read(path);
      expect(text).toMatch(/^## Bad$/m);
      expect(text).toMatch(/^## Good$/m);
    });

    it('has an up-to-date docs page (run `pnpm docs`)', () => {
      const page = ruleDocPath(id);
      expect(existsSync(join(root, page)), page).toBe(true);
      expect(read(page)).toBe(renderRuleDoc(rule, read(join(folder, 'README.md'))));
    });

    it('has a message for every messageId it declares, each non-empty', () => {
      for (const [messageId, text] of Object.entries(rule.meta.messages)) expect(text.trim(), messageId).not.toBe('');
    });
  });

  it('covers every clause of the catalog (RULES.md) with a rule', () => {
    const cited = new Set(rules.flatMap((rule) => rule.meta.clauses));
    const missing = catalog.flatMap((row) => row.clauses).filter((clause) => !cited.has(clause));
    expect(missing).toEqual([]);
  });

  it('has an up-to-date clause index (run `pnpm docs`)', () => {
    expect(read('docs/rules/README.md')).toBe(renderRuleIndex(rules));
  });
});
