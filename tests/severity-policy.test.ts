import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, type AnyRule } from '@bmplint/core';
import { miniApp } from '@bmplint/core/testing';
import { loadRules } from '@bmplint/cli';
import { portalRules } from '@bmplint/rules-store';

/** docs/severity.md, enforced over every rule's meta and over the findings of the config-key rules. */
const lintRules = await loadRules();
const rules: AnyRule[] = [...lintRules, ...portalRules];
const ids = new Set(rules.map((rule) => rule.meta.id));

describe('the severity policy (docs/severity.md)', () => {
  describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (_id, rule) => {
    const { meta } = rule;

    it('is not an error by default when its findings are low-confidence: low confidence never fails a run', () => {
      expect(meta.severity === 'error' && meta.confidence === 'low').toBe(false);
    });

    it('defers only to other rules that exist, none of which defers back', () => {
      for (const target of meta.defersTo ?? []) {
        expect(target).not.toBe(meta.id);
        expect(ids.has(target), target).toBe(true);
        const other = rules.find((candidate) => candidate.meta.id === target)!;
        expect(other.meta.defersTo ?? []).not.toContain(meta.id);
      }
    });
  });

  it('makes every hard platform rule (not suppressible) an error, except store comparisons a reviewer confirms', () => {
    const soft = rules.filter((rule) => !rule.meta.suppressible && rule.meta.severity !== 'error').map((rule) => rule.meta.id);
    expect(soft).toEqual(['store/near-duplicate', 'store/resubmission']);
  });

  it('reports keys the runtime ignores and cosmetic values as warnings, and only what breaks loading as errors', async () => {
    const files = miniApp({
      'app.json': JSON.stringify({
        pages: ['pages/index/index', '/pages/bad.js'],
        networkTimeout: { request: 10000 },
        chatTools: {},
        darkmode: true,
        window: { navigationBarTextStyle: 'red', backgroundColor: 'blue', defaultTitle: 'Shop' },
        tabBar: { list: [{ pagePath: 'pages/index/index' }], boxShadow: '1px' },
      }, null, 2),
      'pages/index/index.json': JSON.stringify({ usingComponent: { card: '/components/card' }, navigationStyle: 'hidden' }),
    }) as Record<string, string>;
    const configRules = lintRules.filter((rule) => ['availability/app-json-schema', 'availability/unsupported-config-key'].includes(rule.meta.id));
    const result = await lint(openMemoryBundle(files), { rules: configRules });
    const errors = result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    expect(errors).toEqual([
      expect.stringContaining('"pages.1" ("/pages/bad.js") must be a page path'),
      expect.stringContaining('did you mean "usingComponents"'),
    ]);
    // networkTimeout, chatTools, themeLocation, the text style, the colour, defaultTitle, the tab's text, boxShadow, navigationStyle.
    expect(result.findings.filter((finding) => finding.severity === 'warning').length).toBe(9);
  });

  it('is documented: docs/severity.md states each part of the policy, and the README links it', () => {
    const policy = readFileSync(join(import.meta.dirname, '../docs/severity.md'), 'utf8');
    for (const part of ['## Error', '## Warning', '## Confidence', '## Vendored code', '## One root cause, one finding', '## Parts not checked', 'exit code']) {
      expect(policy).toContain(part);
    }
    expect(readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')).toContain('docs/severity.md');
  });
});
