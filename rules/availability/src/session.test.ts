import { describe, expect, it } from 'vitest';
import type { LintOptions, LintResult } from '@bmplint/core';
import { miniApp, replaySession, type SessionEdit } from '@bmplint/core/testing';
import rules from './index.js';

/** The project rules of this area, all reading facts and the project model (issue #9). */
const ids = ['app-json-schema', 'unsupported-config-key', 'missing-file', 'unknown-page', 'entry-page-path', 'no-test-build'].map((name) => `availability/${name}`);
const options: LintOptions = { rules: rules.filter((rule) => ids.includes(rule.meta.id)) };

const app = miniApp({
  'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index', 'pages/about/index'], window: { navigationBarTitleText: 'Gas Watch' } }, null, 2),
  'config.js': "export const API = 'https://api.gaswatch.example';\n",
  'pages/index/index.js': "import { API } from '../../config';\nPage({ onLoad() { bn.request({ url: API + '/v1/gas' }); } });\n",
  'pages/index/index.json': JSON.stringify({ usingComponents: { card: '/components/card/index' } }),
  'pages/about/index.js': 'Page({});\n',
  'pages/about/index.bxml': '<view>About</view>\n',
  'pages/about/index.json': '{ "navigationBarTitleText": "About" }\n',
  'components/card/index.json': '{ "component": true }\n',
  'components/card/index.bxml': '<view>Card</view>\n',
  'components/card/index.js': 'Component({});\n',
}) as Record<string, string>;

const described = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`).sort();
const about = 'availability/no-test-build pages/about/index.json:1';
const card = ['availability/app-json-schema components/card/index.json:1', 'availability/unsupported-config-key components/card/index.json:1'];

describe('availability rules in a session', () => {
  it('give what a fresh lint() gives after each edit, with problems appearing and disappearing', async () => {
    const steps: Array<[...SessionEdit, string[]]> = [
      // A constant in one file reaches a request in another: facts of two files meet.
      ['config.js', "export const API = 'https://staging.gaswatch.example';\n", ['availability/no-test-build config.js:1']],
      // A title read from its page config's facts.
      ['pages/about/index.json', '{ "navigationBarTitleText": "About (demo)" }\n', ['availability/no-test-build config.js:1', about]],
      ['config.js', "export const API = 'https://api.gaswatch.example';\n", [about]],
      // Nothing opened the page, so its title was a warning; a link from another file makes it an error.
      ['pages/index/index.bxml', '<navigator url="/pages/about/index">About</navigator>\n', [about]],
      ['pages/index/index.bxml', '<view>Gas prices</view>\n', [about]],
      // A key Binance ignores, in a component's config; a schema problem in the same file.
      ['components/card/index.json', '{ "component": true, "styleIsolation": "shared", "usingComponents": [] }\n', [...card, about].sort()],
      ['pages/about/index.json', '{ "navigationBarTitleText": "About" }\n', card],
      ['components/card/index.json', '{ "component": true }\n', []],
      // The model changes: a page without files, an entry page that is not declared.
      ['app.json', JSON.stringify({ entryPagePath: 'pages/home/index', pages: ['pages/index/index', 'pages/about/index', 'pages/news/index'] }, null, 2), [
        'availability/missing-file app.json:6',
        'availability/unknown-page app.json:2',
      ]],
      ['app.json', app['app.json'], []],
    ];
    await replaySession(options, app, steps.map(([path, content]) => [path, content]), (result, step, files) => {
      expect(described(result)).toEqual(steps[step][2]);
      const title = result.findings.find((finding) => finding.file === 'pages/about/index.json');
      if (title) expect(title.severity).toBe(files['pages/index/index.bxml'].includes('/pages/about/index') ? 'error' : 'warning');
    });
  });
});

describe('availability/navigation-target in a session', () => {
  const navigation = { rules: rules.filter((rule) => rule.meta.id === 'availability/navigation-target') };
  const files = miniApp({
    'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index', 'pages/promo/index', 'pages/promo/detail'] }),
    'pages/index/index.js': 'Page({});\n',
    'pages/index/index.bxml': '<view>Gas prices</view>\n',
    'pages/index/index.json': '{ "usingComponents": { "panel": "/components/kit/panel/panel" } }\n',
    'pages/promo/index.js': 'Page({});\n',
    'pages/promo/index.bxml': '<navigator url="/pages/promo/detail">Detail</navigator>\n',
    'pages/promo/detail.js': "Page({ open() { bn.navigateTo({ url: '/pages/live/client' }); } });\n",
    'pages/promo/detail.bxml': '<button bindtap="open">Open</button>\n',
    'components/kit/panel/panel.js': "Component({ relations: { '../promo/index': { type: 'parent' } } });\n",
    'components/kit/panel/panel.json': '{ "component": true }\n',
  }) as Record<string, string>;
  const severity = (result: LintResult) => result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity}`);

  it('follows links from page to page, and which code is a copied library, after each edit', async () => {
    const steps: Array<[...SessionEdit, string[]]> = [
      // The panel names the promo page, which links the detail page: both opened.
      ['pages/index/index.bxml', '<panel/>\n', ['pages/promo/detail.js:1 error']],
      // Its declaration file shows the panel is a library's build: the page is no longer opened by the app's code.
      ['components/kit/panel/panel.d.ts', 'export {};\n', ['pages/promo/detail.js:1 warning']],
      // The home page links the promo page: detail is reached through it.
      ['pages/index/index.bxml', '<navigator url="/pages/promo/index">Promo</navigator>\n', ['pages/promo/detail.js:1 error']],
      // The promo page stops linking the detail page.
      ['pages/promo/index.bxml', '<view>Promo</view>\n', ['pages/promo/detail.js:1 warning']],
      ['components/kit/panel/panel.d.ts', null, ['pages/promo/detail.js:1 warning']],
      ['pages/promo/index.bxml', files['pages/promo/index.bxml'], ['pages/promo/detail.js:1 error']],
    ];
    await replaySession(navigation, files, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(severity(result)).toEqual(steps[step][2]);
    });
  });

  it('weighs a navigation by the data that shows its markup, as script, template and app script change', async () => {
    const cloudFill = "Page({\n  data: { rows: [] },\n  onLoad() { bn.cloud.database().collection('rows').get({ success: (res) => this.setData({ rows: res.data }) }); },\n  open() { bn.navigateTo({ url: '/pages/gone/index' }); },\n});\n";
    const list = miniApp({
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'pages/index/index.js': cloudFill,
      'pages/index/index.bxml': '<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n',
    }) as Record<string, string>;
    const steps: Array<[...SessionEdit, string[]]> = [
      // The rows also come from a request Binance has.
      ['pages/index/index.js', cloudFill.replace("onLoad() {", "onLoad() { bn.request({ url: 'https://api.gaswatch.example/rows', success: (res) => this.setData({ rows: res.data }) });"), ['pages/index/index.js:4 error']],
      ['pages/index/index.js', cloudFill, ['pages/index/index.js:4 warning']],
      // A button outside the list starts the same method.
      ['pages/index/index.bxml', '<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n<button bindtap="open">Open</button>\n', ['pages/index/index.js:4 error']],
      ['pages/index/index.bxml', list['pages/index/index.bxml'], ['pages/index/index.js:4 warning']],
      // The app defines bn.cloud itself.
      ['app.js', "bn.cloud = { database: () => ({ collection: () => ({ get: () => null }) }) };\nApp({});\n", ['pages/index/index.js:4 error']],
      ['app.js', 'App({});\n', ['pages/index/index.js:4 warning']],
    ];
    await replaySession(navigation, list, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(severity(result)).toEqual(steps[step][2]);
    });
  });

  it('reads each file\'s facts again only when that file changes: failing navigations, writes from other pages, a wrapped Page', async () => {
    const list = miniApp({
      'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/other/index'] }),
      'pages/index/index.js': "Page({\n  data: { rows: [] },\n  open() { bn.navigateTo({ url: '/pages/gone/index' }); },\n});\n",
      'pages/index/index.bxml': '<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n',
      'pages/other/index.js': 'Page({});\n',
      'pages/other/index.bxml': '<view>Other</view>\n',
    }) as Record<string, string>;
    const steps: Array<[...SessionEdit, string[]]> = [
      // Another page writes the rows: the list can show, so its navigation fails for real.
      ['pages/other/index.js', 'Page({ onLoad() { const pages = getCurrentPages(); pages[0].setData({ rows: [1] }); } });\n', ['pages/index/index.js:3 error']],
      ['pages/other/index.js', 'Page({});\n', ['pages/index/index.js:3 warning']],
      // The app wraps Page, which may give every page data.
      ['app.js', 'const page = Page;\nPage = function (options) { return page(options); };\n', ['pages/index/index.js:3 error']],
      ['app.js', 'App({});\n', ['pages/index/index.js:3 warning']],
      // A second failing navigation, on a page nothing opens; a link from the home page opens it; then it goes.
      ['pages/other/index.js', "Page({ onLoad() { bn.redirectTo({ url: '/pages/none/index' }); } });\n", ['pages/index/index.js:3 warning', 'pages/other/index.js:1 warning']],
      ['pages/index/index.bxml', `${list['pages/index/index.bxml']}<navigator url="/pages/other/index">Other</navigator>\n`, ['pages/index/index.js:3 warning', 'pages/other/index.js:1 error']],
      ['pages/other/index.js', 'Page({});\n', ['pages/index/index.js:3 warning']],
    ];
    await replaySession(navigation, list, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(severity(result)).toEqual(steps[step][2]);
    });
  });

  it('reads which pages a string names from the page list after an edit of app.json (kept while the model is the same)', async () => {
    const appJson = (pages: string[]) => JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index', ...pages] });
    const named = miniApp({
      'app.json': appJson(['pages/card/card']),
      'pages/index/index.js': "import { items } from '../../utils/menu';\nPage({ data: { items } });\n",
      'utils/menu.js': "export const items = ['deals/deals'];\n",
      'pages/card/card.js': "Page({ onLoad() { bn.navigateTo({ url: '/pages/gone/index' }); } });\n",
    }) as Record<string, string>;
    const steps: Array<[...SessionEdit, string[]]> = [
      // Shared code names the card page by the end of its route: it is opened.
      ['utils/menu.js', "export const items = ['card/card'];\n", ['pages/card/card.js:1 error']],
      ['utils/menu.js', named['utils/menu.js'], ['pages/card/card.js:1 warning']],
      // A script that is no page yet (nothing loads it), then a page that the menu's string names.
      ['pages/deals/deals.js', "Page({ onLoad() { bn.redirectTo({ url: '/pages/none/index' }); } });\n", ['pages/card/card.js:1 warning', 'pages/deals/deals.js:1 warning']],
      ['app.json', appJson(['pages/card/card', 'pages/deals/deals']), ['pages/card/card.js:1 warning', 'pages/deals/deals.js:1 error']],
      // The card page leaves the page list (its script is loaded by nothing), then comes back.
      ['app.json', appJson(['pages/deals/deals']), ['pages/card/card.js:1 warning', 'pages/deals/deals.js:1 error']],
      ['app.json', appJson(['pages/card/card', 'pages/deals/deals']), ['pages/card/card.js:1 warning', 'pages/deals/deals.js:1 error']],
      ['utils/menu.js', "export const items = ['nothing/here'];\n", ['pages/card/card.js:1 warning', 'pages/deals/deals.js:1 warning']],
    ];
    await replaySession(navigation, named, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(severity(result)).toEqual(steps[step][2]);
    });
  });
});
