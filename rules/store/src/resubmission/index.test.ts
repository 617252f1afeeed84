import { describe, expect, it } from 'vitest';
import { defineRule, isKnownClause, lint, openMemoryBundle } from '@bmplint/core';
import { miniApp, RuleTester } from '@bmplint/core/testing';
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

/** A stand-in for any lint rule: an error on every `bn.debugOnly()` call. */
const debugOnly = defineRule({
  meta: { id: 'test/debug-only', clauses: ['6.1'], severity: 'error', suppressible: true, docs: { description: 'x' }, messages: { call: 'debugOnly() left in' } },
  create: (context) => ({ js: { bnCall: (call) => call.name === 'debugOnly' && context.report({ node: call.node, messageId: 'call' }) } }),
});

const app = miniApp({ 'pages/index/index.js': 'Page({ onLoad() { bn.debugOnly(); } });\n' });

describe('store/resubmission in the engine (context.history, after every other finding)', () => {
  new RuleTester().run(resubmissionRule, {
    valid: [
      { name: 'no history: bmplint check', files: miniApp() },
      { name: 'new bytes, no errors', files: miniApp(), history: { upload: { sha256: 'ccc' }, rejected, otherApps: [] } },
      { name: 'the bytes of a version that was never rejected', files: miniApp(), history: { upload: { sha256: 'zzz' }, rejected: [], otherApps: [] } },
    ],
    invalid: [
      {
        name: 'the bytes of a rejected version',
        files: miniApp(),
        history: { upload: { sha256: 'bbb' }, rejected, otherApps: [] },
        errors: [{ messageId: 'sameBundle', file: '', line: 1, data: { version: '1.1.0', reason: 'the home page is a web-view', versionId: 'ver_2' }, severity: 'warning' }],
      },
    ],
  });

  it('compares the run\'s final error fingerprints with a rejected version\'s', async () => {
    const first = await lint(openMemoryBundle(app), { rules: [debugOnly] });
    const errors = first.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.fingerprint!);
    expect(errors).toHaveLength(1);
    const history = { upload: { sha256: 'new' }, rejected: [{ versionId: 'ver_9', version: '2.0.0', bundleSha256: 'old', reason: 'debug code', errorFingerprints: errors }], otherApps: [] };
    // The same error a line lower (a comment added): same fingerprint, still the rejected problem.
    const shifted = { ...app, 'pages/index/index.js': `// tidied\n${app['pages/index/index.js']}` };
    const again = await lint(openMemoryBundle(shifted), { rules: [debugOnly, resubmissionRule], history });
    const flagged = again.findings.filter((finding) => finding.ruleId === 'store/resubmission');
    expect(flagged.map((finding) => [finding.messageId, finding.data?.versionId, typeof finding.fingerprint])).toEqual([['sameErrors', 'ver_9', 'string']]);
    expect(again.summary.warnings).toBe(1);
    // The error fixed: nothing to flag.
    const fixed = await lint(openMemoryBundle(miniApp()), { rules: [debugOnly, resubmissionRule], history });
    expect(fixed.findings).toEqual([]);
  });
});
