import { describe, expect, it } from 'vitest';
import { lint } from '@bmplint/core';
import rule from './index.js';

const APPS = new URL('../../../../fixtures/apps/', import.meta.url).pathname;

describe(`${rule.meta.id} on the clean fixture apps`, () => {
  it.each(['clean-app', 'react-app'])('reports nothing in %s', async (app) => {
    const { findings } = await lint(`${APPS}${app}`, { rules: [rule] });
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`)).toEqual([]);
  });
});
