import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type Finding } from '@bmplint/core';
import { miniApp, steppedSession, type Files } from '@bmplint/core/testing';
import adPlacement from './ad-placement/index.js';
import binanceAppFeatures from './binance-app-features/index.js';
import crossPromotion from './cross-promotion/index.js';
import shareReward from './share-reward/index.js';
import ugcModeration from './ugc-moderation/index.js';

const rules = [adPlacement, binanceAppFeatures, crossPromotion, shareReward, ugcModeration];
const lines = (...text: string[]) => `${text.join('\n')}\n`;

const APP = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/share/index', 'pages/post/index'] }),
  // An order form whose trading pair is written only in the page script.
  'pages/index/index.bxml': lines(
    '<view class="page">',
    '  <view class="row"><text>Price</text><input type="digit" value="{{price}}" bindinput="onPriceInput"/></view>',
    '  <view class="row"><text>Amount</text><input type="digit" value="{{amount}}" bindinput="onAmountInput"/></view>',
    '  <button bindtap="onBuy">Buy</button>',
    '  <button bindtap="onSell">Sell</button>',
    '</view>',
  ),
  'pages/index/index.js': "Page({ data: { symbol: 'GAS', price: '', amount: '' } });\n",
  // The share hook calls a helper in another module.
  'pages/share/index.bxml': '<view class="page"><button open-type="share">Share</button></view>\n',
  'pages/share/index.js': lines(
    "import { onShared } from '../../utils/share.js';",
    'Page({',
    '  onShareAppMessage() {',
    '    onShared();',
    "    return { title: 'Gas Watch' };",
    '  },',
    '});',
  ),
  'pages/share/index.json': '{}\n',
  'utils/share.js': "export function onShared() { console.log('shared'); }\n",
  // A comment box posted as written, and no report entry anywhere.
  'pages/post/index.bxml': '<textarea value="{{content}}" placeholder="Write a comment" bindinput="onInput"/>\n<button bindtap="onSubmit">Send</button>\n',
  'pages/post/index.js': lines(
    'Page({',
    '  onInput(e) { this.setData({ content: e.detail.value }); },',
    "  onSubmit() { bn.request({ url: 'https://api.example.com/v1/posts/42/comments', method: 'POST', data: { content: this.data.content } }); },",
    '});',
  ),
  'pages/post/index.json': '{}\n',
});

const summary = (findings: Finding[]) => findings.map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.file}:${finding.line}:${finding.column}`);

function present(files: Files): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string | Uint8Array] => entry[1] !== null));
}

describe('content rules in a session', () => {
  it('re-check after an edit equals a fresh check, and cross-file findings follow the edited file', async () => {
    const files: Files = { ...APP };
    const session = await openSession(openMemoryBundle(present(files)), { rules });
    const fresh = async () => (await lint(openMemoryBundle(present(files)), { rules })).findings;
    const step = async (path: string, content: string | null) => {
      files[path] = content;
      session.setFile(path, content);
      const findings = (await session.lint()).findings;
      expect(JSON.stringify(findings)).toBe(JSON.stringify(await fresh()));
      return summary(findings);
    };

    const first = summary((await session.lint()).findings);
    expect(JSON.stringify((await session.lint()).findings)).toBe(JSON.stringify(await fresh()));
    expect(first).toEqual([
      'content/ugc-moderation noFilter pages/post/index.js:3:16',
      'content/ugc-moderation noReport pages/post/index.js:3:16',
    ]);

    // The pair in the script completes the template's order form (the template's result read the script).
    const withPair = await step('pages/index/index.js', "Page({ data: { symbol: 'BTCUSDT', price: '', amount: '' } });\n");
    expect(withPair).toContain('content/binance-app-features orderForm pages/index/index.bxml:2:39');

    // A helper in another file starts granting points: the share hook is reported.
    const rewarded = await step('utils/share.js', "export function onShared() { bn.setStorageSync('points', 10); }\n");
    expect(rewarded).toContain('content/share-reward rewardInShareHook pages/share/index.js:3:3');

    // A report entry on another page answers the complaint clause; the filter finding stays.
    const reported = await step('pages/share/index.bxml', '<view class="page"><button open-type="share">Share</button><text bindtap="onReport">Report</text></view>\n');
    expect(reported.filter((line) => line.startsWith('content/ugc-moderation'))).toEqual(['content/ugc-moderation noFilter pages/post/index.js:3:16']);

    // An ad component appears, then the helper and the pair go back: only what is left is reported.
    await step('pages/post/index.bxml', '<textarea value="{{content}}" placeholder="Write a comment" bindinput="onInput"/>\n<button bindtap="onSubmit">Send</button>\n<ad unit-id="x"/>\n');
    await step('utils/share.js', "export function onShared() { console.log('shared'); }\n");
    const last = await step('pages/index/index.js', "Page({ data: { symbol: 'GAS', price: '', amount: '' } });\n");
    expect(last).toEqual([
      'content/ad-placement adComponent pages/post/index.bxml:3:1',
      'content/ugc-moderation noFilter pages/post/index.js:3:16',
    ]);
  });

  it('follows a moderation step and a publishing request across helper files as they change, move and go', async () => {
    const post = lines(
      "import { send } from '../../utils/api.js';",
      'Page({',
      '  onInput(e) { this.setData({ content: e.detail.value }); },',
      '  onSubmit() { send(this.data.content); },',
      '});',
    );
    const request = "bn.request({ url: 'https://api.example.com/v1/comments', method: 'POST', data: { text } });";
    const session = await steppedSession({ rules: [ugcModeration, shareReward] }, present({
      ...APP,
      'pages/post/index.js': post,
      'utils/api.js': `export function send(text) { ${request} }\n`,
      'pages/share/index.bxml': '<view class="page"><text bindtap="onReport">Report</text></view>\n',
    }) as Record<string, string>);
    const ugc = (findings: Finding[]) => summary(findings).filter((line) => line.startsWith('content/ugc-moderation'));
    expect(ugc((await session.check()).findings)).toEqual(['content/ugc-moderation noFilter utils/api.js:1:30']);
    // The helper checks the text first, then no longer does.
    session.set('utils/api.js', `export function send(text) { checkText(text); ${request} }\nfunction checkText(text) { return text; }\n`);
    expect(ugc((await session.check()).findings)).toEqual([]);
    session.set('utils/api.js', `export function send(text) { ${request} }\n`);
    expect(ugc((await session.check()).findings)).toEqual(['content/ugc-moderation noFilter utils/api.js:1:30']);
    // The request moves to another module the helper calls.
    session.set('utils/api.js', "import { post } from './http.js';\nexport function send(text) { post(text); }\n");
    session.set('utils/http.js', `export function post(text) { ${request} }\n`);
    expect(ugc((await session.check()).findings)).toEqual(['content/ugc-moderation noFilter utils/http.js:1:30']);
    // The module is renamed, then it no longer publishes.
    session.set('utils/http.js', null);
    session.set('utils/net.js', `export function post(text) { ${request} }\n`);
    session.set('utils/api.js', "import { post } from './net.js';\nexport function send(text) { post(text); }\n");
    expect(ugc((await session.check()).findings)).toEqual(['content/ugc-moderation noFilter utils/net.js:1:30']);
    session.set('utils/net.js', 'export function post(text) { console.log(text); }\n');
    expect(ugc((await session.check()).findings)).toEqual([]);
  });
});
