import { describe, expect, it } from 'vitest';
import { isKnownClause } from '@bmplint/core';
import { findResubmission, resubmissionRule, type RejectedVersion } from './index.js';

const rejected: RejectedVersion[] = [
  { versionId: 'ver_2', version: '1.1.0', bundleSha256: 'bbb', reason: 'the home page is a web-view', errorFingerprints: ['e1', 'e2'] },
  { versionId: 'ver_1', version: '1.0.0', bundleSha256: 'aaa', reason: 'no logo', errorFingerprints: [] },
];

describe('store/resubmission', () => {
  it('cites 5.3.2', () => {
    expect(resubmissionRule.meta.clauses).toEqual(['5.3.2']);
    expect(isKnownClause('5.3.2')).toBe(true);
  });

  it('flags the bytes of a rejected version', () => {
    const found = findResubmission({ bundleSha256: 'aaa', errorFingerprints: [] }, rejected);
    expect(found?.messageId).toBe('sameBundle');
    expect(found?.data).toEqual({ version: '1.0.0', reason: 'no logo', versionId: 'ver_1' });
    expect(found?.message).toBe('This bundle is byte for byte version 1.0.0, which was rejected ("no logo"): resubmitting rejected content unchanged is not allowed (5.3.2).');
  });

  it('flags exactly the errors of a rejected version, in any order', () => {
    expect(findResubmission({ bundleSha256: 'ccc', errorFingerprints: ['e2', 'e1'] }, rejected)?.messageId).toBe('sameErrors');
  });

  it('passes new bytes with other errors, fewer errors, or none', () => {
    expect(findResubmission({ bundleSha256: 'ccc', errorFingerprints: ['e1'] }, rejected)).toBeUndefined();
    expect(findResubmission({ bundleSha256: 'ccc', errorFingerprints: ['e1', 'e2', 'e3'] }, rejected)).toBeUndefined();
    expect(findResubmission({ bundleSha256: 'ccc', errorFingerprints: [] }, rejected)).toBeUndefined();
    expect(findResubmission({ bundleSha256: 'aaa', errorFingerprints: [] }, [])).toBeUndefined();
  });
});
