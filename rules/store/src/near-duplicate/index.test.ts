import { describe, expect, it } from 'vitest';
import { isKnownClause } from '@bmplint/core';
import storeRules from '../index.js';
import { describeDuplicate, nearDuplicateRule, NEAR_DUPLICATE_THRESHOLD } from './index.js';

describe('store/near-duplicate', () => {
  it('cites 2.1.5 and is not a lint rule of the package', () => {
    expect(nearDuplicateRule.meta.clauses).toEqual(['2.1.5']);
    expect(isKnownClause('2.1.5')).toBe(true);
    expect(nearDuplicateRule.meta.docs.url).toMatch(/store\/near-duplicate\.md$/);
    expect(storeRules).toEqual([]);
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.8);
  });

  it('describes a duplicate by name and version, or by id', () => {
    const named = describeDuplicate({ id: 'app_42', similarity: 0.934 }, { name: 'Gas Watch', version: '1.3.0' });
    expect(named.messageId).toBe('nearDuplicate');
    expect(named.data).toEqual({ percent: 93, other: '"Gas Watch" (app_42) version 1.3.0', id: 'app_42' });
    expect(named.message).toBe('This bundle is 93% similar to "Gas Watch" (app_42) version 1.3.0: bulk registration and repeated submission of numerous similar mini programs are prohibited (2.1.5). Explain to the reviewer how this app differs, or merge the apps.');
    expect(describeDuplicate({ id: 'app_7', similarity: 1 }).message).toContain('100% similar to app app_7:');
  });
});
