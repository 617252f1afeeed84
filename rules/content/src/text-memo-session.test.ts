import { describe, expect, it } from 'vitest';
import { steppedSession } from '@bmplint/core/testing';
import { miniApp } from '@bmplint/core/testing';
import fraudWording from './fraud-wording/index.js';
import impersonation from './impersonation/index.js';
import shareWording from './share-wording/index.js';

// The text scans (term matches, cue-pair, share and scheme sentences) are kept by text across a
// session's runs. An edit that moves a text, or shows it in another call, must report it where it
// is now, as a fresh lint does: the kept answers hold offsets in the text, never in the file.
const rules = [fraudWording, impersonation, shareWording];
const toasts = (...titles: string[]) => `${titles.map((title) => `bn.showToast({ title: '${title}' });`).join('\n')}\nPage({ data: {} });\n`;
const SCHEME = 'Your prize is ready: a small unlock fee releases it to your wallet';
const SHARE = 'Every friend you refer adds a free spin to your wheel';
const NOTICE = '公安局通知：您涉嫌洗钱，请配合调查';

describe('content text scans kept by text in a session', () => {
  it('an edit that moves unchanged texts reports them where they now are, as a fresh lint does', async () => {
    const files = miniApp({ 'pages/index/index.js': toasts(SCHEME, SHARE, NOTICE) }) as Record<string, string>;
    const session = await steppedSession({ rules }, files);
    const where = (result: Awaited<ReturnType<typeof session.check>>) => result.findings.map((finding) => `${finding.ruleId} ${finding.line}`).sort();
    const first = await session.check();
    expect(where(first)).toEqual(['content/fraud-wording 1', 'content/impersonation 3', 'content/share-wording 2']);
    // Same texts, other lines and other columns (a longer first line): the answers are reused, the spans are not.
    session.set('pages/index/index.js', `const pad = 1;\n${toasts('Saved', NOTICE, SHARE, SCHEME)}`);
    const moved = await session.check();
    expect(where(moved)).toEqual(['content/fraud-wording 5', 'content/impersonation 3', 'content/share-wording 4']);
    // A text shown twice is reported at each place.
    session.set('pages/index/index.js', toasts(SCHEME, SCHEME));
    expect(where(await session.check())).toEqual(['content/fraud-wording 1', 'content/fraud-wording 2']);
  });
});
