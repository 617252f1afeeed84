import { describe, expect, it } from 'vitest';
import type { Finding, LintOptions } from '@bmplint/core';
import { miniApp, steppedSession } from '@bmplint/core/testing';
import noWebViewHome from './no-webview-home/index.js';
import runtimeContentSwitch from './runtime-content-switch/index.js';
import webViewBypass from './webview-bypass/index.js';

const options: LintOptions = { rules: [noWebViewHome, runtimeContentSwitch, webViewBypass] };

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/webview/index', 'pages/casino/index'] }),
  'pages/index/index.bxml': '<view bindtap="openTerms">Terms</view>\n',
  'pages/index/index.js': "Page({\n  openTerms() {\n    bn.navigateTo({ url: '/pages/webview/index?url=' + encodeURIComponent('https://example.com/terms') });\n  },\n  onShow() {\n    bn.request({ url: 'https://api.example.com/cfg', success: (res) => { if (res.data.showCasino) bn.navigateTo({ url: '/pages/casino/index' }); } });\n  }\n});\n",
  'pages/webview/index.bxml': '<web-view src="{{url}}"></web-view>\n',
  'pages/webview/index.js': "Page({\n  data: { url: '' },\n  onLoad(options) {\n    this.setData({ url: decodeURIComponent(options.url) });\n  }\n});\n",
  'pages/casino/index.bxml': '<view>Lucky spin</view>\n',
  'pages/casino/index.js': 'Page({});\n',
}) as Record<string, string>;

const summary = (findings: readonly Finding[]) => findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('a session over the webview rules', () => {
  it('gives what a fresh lint() gives after each edit, across the files a finding depends on', async () => {
    const { files, set, check: lintBoth } = await steppedSession(options, app);
    const check = async () => summary((await lintBoth()).findings);

    expect(await check()).toEqual([]);

    // webview-bypass: a navigation in another page now passes a response value to the web-view page's route parameter.
    set('pages/index/index.js', files['pages/index/index.js'].replace("encodeURIComponent('https://example.com/terms')", 'encodeURIComponent(getApp().cfg.link)').replace("openTerms() {\n", "openTerms() {\n    bn.request({ url: 'https://api.example.com/link', success: (res) => bn.navigateTo({ url: '/pages/webview/index?url=' + res.data.link }) });\n"));
    expect(await check()).toEqual(['webview/webview-bypass pages/webview/index.bxml:1']);

    // No navigation passes it any more: any link decides it.
    set('pages/index/index.js', "Page({\n  onShow() {\n    bn.request({ url: 'https://api.example.com/cfg', success: (res) => { if (res.data.showCasino) bn.navigateTo({ url: '/pages/casino/index' }); } });\n  }\n});\n");
    const { findings: unset } = await lintBoth();
    expect(unset[0]?.message).toContain('that no page of the bundle sets');
    expect(summary(unset)).toEqual(['webview/webview-bypass pages/webview/index.bxml:1']);

    // runtime-content-switch: the page the flag opens becomes a web-view page (another file of the script's finding).
    set('pages/casino/index.bxml', '<web-view src="https://casino.example.com"></web-view>\n');
    expect(await check()).toEqual(['webview/runtime-content-switch pages/index/index.js:3', 'webview/webview-bypass pages/webview/index.bxml:1']);
    set('pages/casino/index.bxml', '<view>Lucky spin</view>\n');
    expect(await check()).toEqual(['webview/webview-bypass pages/webview/index.bxml:1']);

    // no-webview-home: the home page becomes a lone web-view, then native again.
    set('pages/index/index.bxml', '<web-view src="https://www.example.com"></web-view>\n');
    expect(await check()).toEqual(['webview/no-webview-home pages/index/index.bxml:1', 'webview/webview-bypass pages/webview/index.bxml:1']);
    set('pages/index/index.bxml', '<view>Terms</view>\n');
    expect(await check()).toEqual(['webview/webview-bypass pages/webview/index.bxml:1']);

    // The web-view page takes a constant again.
    set('pages/webview/index.js', "Page({ data: { url: 'https://example.com/help' } });\n");
    expect(await check()).toEqual([]);
  });
});
