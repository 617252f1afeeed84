import { describe, expect, it } from 'vitest';
import type { LintResult } from '@bmplint/core';
import { miniApp, steppedSession } from '@bmplint/core/testing';
import adPlacement from './ad-placement/index.js';
import binanceAppFeatures from './binance-app-features/index.js';
import crossPromotion from './cross-promotion/index.js';
import falseAdvertising from './false-advertising/index.js';
import fraudWording from './fraud-wording/index.js';
import impersonation from './impersonation/index.js';
import minorsNotice from './minors-notice/index.js';
import prohibitedPageText from './prohibited-page-text/index.js';
import shareWording from './share-wording/index.js';

/** Every rule that reads the navigation-bar and tab-bar titles (`configTitles`). */
const rules = [adPlacement, binanceAppFeatures, crossPromotion, falseAdvertising, fraudWording, impersonation, minorsNotice, prohibitedPageText, shareWording];

const appJson = (title: string, tabs: string[] = ['Home', 'Map']) => `${JSON.stringify({
  pages: ['pages/index/index', 'pages/map/index'],
  window: { navigationBarTitleText: title },
  tabBar: { list: tabs.map((text, index) => ({ pagePath: index ? 'pages/map/index' : 'pages/index/index', text })) },
}, null, 2)}\n`;
const pageJson = (title: string) => `{\n  "navigationBarTitleText": "${title}"\n}\n`;

const files = miniApp({
  'app.json': appJson('Gas Watch'),
  'pages/index/index.json': pageJson('Gas prices'),
  'pages/map/index.js': 'Page({});\n',
  'pages/map/index.bxml': '<view>Map</view>\n',
  'pages/map/index.json': pageJson('Map'),
}) as Record<string, string>;

/** The line of `text` in `content`. */
const lineOf = (content: string, text: string) => content.split('\n').findIndex((line) => line.includes(text)) + 1;
const titled = (result: LintResult) => result.findings.filter((finding) => finding.file.endsWith('.json')).map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.file}:${finding.line}`);

const ADULT_MAP_TITLE = ['content/minors-notice adult pages/map/index.json:2', 'content/prohibited-page-text pornographic pages/map/index.json:2'];

describe('page and tab-bar titles in a session', () => {
  it('follow edits of page configs and app.json, and are kept across edits of scripts, as a fresh lint() does', async () => {
    const session = await steppedSession({ rules }, files);
    expect(titled(await session.check())).toEqual([]);

    session.set('pages/map/index.json', pageJson('成人视频'));
    expect(titled(await session.check())).toEqual(ADULT_MAP_TITLE);

    // An edit of a script: the titles are not read again, and still reported.
    session.set('pages/index/index.js', 'Page({ data: { note: "hello" } });\n');
    expect(titled(await session.check())).toEqual(ADULT_MAP_TITLE);

    session.set('app.json', appJson('Guaranteed 30% monthly returns'));
    const withApp = titled(await session.check());
    const titleLine = lineOf(session.files['app.json'], 'Guaranteed');
    expect(withApp).toContain(`content/false-advertising falseClaim app.json:${titleLine}`);
    expect(withApp).toContain('content/prohibited-page-text pornographic pages/map/index.json:2');

    session.set('app.json', appJson('Gas Watch', ['Home', '零风险投资']));
    const withTab = titled(await session.check());
    expect(withTab).toContain(`content/false-advertising falseClaim app.json:${lineOf(session.files['app.json'], '零风险投资')}`);
    expect(withTab).not.toContain(`content/false-advertising falseClaim app.json:${titleLine}`);

    session.set('pages/map/index.json', pageJson('Map'));
    expect(titled(await session.check()).filter((finding) => finding.includes('pages/map'))).toEqual([]);

    // A page config deleted, then written again under a new title.
    session.set('pages/index/index.json', null);
    await session.check();
    session.set('pages/index/index.json', pageJson('成人视频'));
    expect(titled(await session.check())).toContain('content/prohibited-page-text pornographic pages/index/index.json:2');
  });
});

describe('scheme and share sentences of titles in a session', () => {
  it('are found for a title once and follow its edits, as a fresh lint() does', async () => {
    const session = await steppedSession({ rules: [fraudWording, shareWording] }, files);
    const described = (result: LintResult) => titled(result).map((finding) => finding.replace(/:\d+$/, ''));
    expect(described(await session.check())).toEqual([]);

    session.set('pages/map/index.json', pageJson('Internal channel price for BNB'));
    expect(described(await session.check())).toEqual(['content/fraud-wording scheme pages/map/index.json']);
    // An edit elsewhere: the title's sentences are kept, and still reported.
    session.set('pages/map/index.js', 'Page({ data: { ready: true } });\n');
    expect(described(await session.check())).toEqual(['content/fraud-wording scheme pages/map/index.json']);

    session.set('pages/map/index.json', pageJson('Each successful share gives you one more lottery chance'));
    expect(described(await session.check())).toEqual(['content/share-wording shareBait pages/map/index.json']);
    session.set('pages/index/index.json', pageJson('Internal channel price for BNB'));
    expect(described(await session.check()).sort()).toEqual(['content/fraud-wording scheme pages/index/index.json', 'content/share-wording shareBait pages/map/index.json']);

    session.set('pages/map/index.json', pageJson('Map'));
    session.set('pages/index/index.json', pageJson('Gas prices'));
    expect(described(await session.check())).toEqual([]);
  });
});
