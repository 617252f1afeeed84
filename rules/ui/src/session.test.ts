import { describe, expect, it } from 'vitest';
import { defineRule, handlerGraph, type Finding, type LintOptions } from '@bmplint/core';
import { miniApp, steppedSession } from '@bmplint/core/testing';
import fakeSystemAlert from './fake-system-alert/index.js';
import homePageShell from './home-page-shell/index.js';
import popupCloseControl from './popup-close-control/index.js';

/** A file rule of another area that builds a page's handler graph while its script is walked (as the privacy rules do). */
const graphFromScript = defineRule({
  meta: { id: 'test/graph-from-script', clauses: ['7.3'], severity: 'info', suppressible: true, docs: { description: 'test' }, messages: { none: 'none' } },
  create(context) {
    return {
      js: {
        Program() {
          const unit = context.project.pages.find((page) => page.files.script === context.file?.path);
          if (unit) handlerGraph(context.project, unit);
        },
      },
    };
  },
});

const options: LintOptions = { rules: [graphFromScript, fakeSystemAlert, homePageShell, popupCloseControl] };

const promo = '<view class="page">Daily rewards</view>\n<view class="promo-mask" bn:if="{{showPromo}}">\n  <view class="promo-dialog">\n    <text>Limited offer</text>\n    <button bindtap="onClaim">Claim 50 USDT</button>\n  </view>\n</view>\n';
const closes = "Page({\n  data: { showPromo: true },\n  onClaim() {\n    this.setData({ showPromo: false });\n  }\n});\n";

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/promo/index'] }),
  'pages/index/index.bxml': '<view class="push-banner">\n  <text>System notice</text>\n</view>\n<view>Gas prices</view>\n',
  'pages/index/index.bxss': '.push-banner { padding: 12rpx; }\n',
  // The script first: its walk builds the handler graph that the template's walk then reuses.
  'pages/promo/index.js': closes,
  'pages/promo/index.bxml': promo,
}) as Record<string, string>;

const summary = (findings: readonly Finding[]) => findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('a session over the ui rules', () => {
  it('gives what a fresh lint() gives after each edit, across the files a finding depends on', async () => {
    const { set, check: lintBoth } = await steppedSession(options, app);
    const check = async () => summary((await lintBoth()).findings);

    expect(await check()).toEqual([]);

    // fake-system-alert: the stylesheet (not the template) pins the banner to the top like a phone notification.
    set('pages/index/index.bxss', '.push-banner { position: fixed; top: 0; left: 0; right: 0; z-index: 100; }\n');
    expect(await check()).toEqual(['ui/fake-system-alert pages/index/index.bxml:2']);
    set('pages/index/index.bxss', '.push-banner { padding: 12rpx; }\n');
    expect(await check()).toEqual([]);

    // popup-close-control: the page's script (not the template) stops the OK button hiding the pop-up.
    set('pages/promo/index.js', "Page({\n  data: { showPromo: true },\n  onClaim() {\n    bn.navigateTo({ url: '/pages/index/index' });\n  }\n});\n");
    expect(await check()).toEqual(['ui/popup-close-control pages/promo/index.bxml:2']);
    set('pages/promo/index.js', closes);
    expect(await check()).toEqual([]);

    // fake-system-alert in a script; home-page-shell when the home page loses its content.
    set('pages/promo/index.js', closes.replace('onClaim() {', "onShow() {\n    bn.showToast({ title: 'Virus detected!' });\n  },\n  onClaim() {"));
    set('pages/index/index.bxml', '<view class="loading"></view>\n');
    expect(await check()).toEqual(['ui/home-page-shell pages/index/index.bxml:1', 'ui/fake-system-alert pages/promo/index.js:4']);
    // Without its script the pop-up's handlers cannot be followed: not reported.
    set('pages/promo/index.js', null);
    set('pages/index/index.bxml', '<view>Gas prices</view>\n');
    expect(await check()).toEqual([]);
  });
});
