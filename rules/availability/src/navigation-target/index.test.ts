import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

/** Home and watchlist are tabs; block is a plain page; history is in the packageB subpackage. The watchlist tab links both. */
const app = (files: Files = {}) =>
  miniApp({
    'app.json': JSON.stringify({
      entryPagePath: 'pages/index/index',
      pages: ['pages/index/index', 'pages/watchlist/index', 'pages/block/index'],
      tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Gas' }, { pagePath: 'pages/watchlist/index', text: 'Watchlist' }] },
      subpackages: [{ root: 'packageB', pages: ['pages/history/index'] }],
    }),
    'pages/watchlist/index.js': 'Page({});\n',
    'pages/watchlist/index.bxml': '<navigator url="/pages/block/index">Block</navigator>\n<navigator url="/packageB/pages/history/index">History</navigator>\n',
    'pages/block/index.js': 'Page({});\n',
    'pages/block/index.bxml': '<view>Block</view>\n',
    'packageB/pages/history/index.js': 'Page({});\n',
    'packageB/pages/history/index.bxml': '<view>History</view>\n',
    ...files,
  });

const page = (body: string) => `Page({\n  open(id, name, url) {\n${body}\n  },\n});\n`;

/** The app above plus a page, pages/promo/index, that no file of the app names (and the `more` pages declared after it). */
const withPromo = (files: Files = {}, links: Files = {}, more: string[] = []) => {
  const bundle = app({ 'pages/promo/index.js': 'Page({});\n', ...links, ...files });
  const config = JSON.parse(bundle['app.json'] as string) as { pages: string[] };
  config.pages.push('pages/promo/index', ...more);
  return { ...bundle, 'app.json': JSON.stringify(config) };
};
/** The home page: a list of blocks filled by `fill` (a statement of `onLoad`), its rows open a page that does not exist. */
const listPage = (fill: string, template = '<view bn:for="{{blocks}}" data-id="{{item.id}}" bindtap="toBlock">{{item.height}}</view>\n', files: Files = {}) =>
  app({
    'pages/index/index.js': [
      'Page({',
      '  data: { blocks: [], vip: false },',
      '  onLoad() {',
      `    ${fill}`,
      '  },',
      '  toBlock(e) {',
      "    bn.navigateTo({ url: '/pages/blocks/detail?id=' + e.currentTarget.dataset.id });",
      '  },',
      '});',
    ].join('\n'),
    'pages/index/index.bxml': template,
    ...files,
  });
/** Fills the list only in callbacks of WeChat's cloud API, which Binance does not have. */
const CLOUD_FILL = "const db = bn.cloud.database(); db.collection('blocks').where({ mine: true }).get({ success: (res) => { this.setData({ blocks: res.data }); } });";

new RuleTester().run(rule, {
  valid: [
    {
      name: 'navigations to declared pages with the right API',
      files: app({
        'pages/index/index.js': page(
          [
            "    bn.navigateTo({ url: '/pages/block/index?height=' + id })",
            "    bn.redirectTo({ url: `/packageB/pages/history/index?range=${name}` })",
            "    bn.switchTab({ url: '/pages/watchlist/index' })",
            "    bn.reLaunch({ url: '/pages/index/index' })",
            "    bn.navigateTo({ url: '../block/index' })",
          ].join('\n'),
        ),
      }),
    },
    {
      name: 'dynamic URLs whose route part is not known are not judged',
      files: app({
        'pages/index/index.js': page(
          [
            "    bn.navigateTo({ url: '/pages/' + name + '/index' })",
            '    bn.navigateTo({ url })',
            "    bn.redirectTo({ url: `/pages/${name}` })",
            '    bn.navigateTo(options)',
          ].join('\n'),
        ),
      }),
    },
    {
      name: 'a relative URL in a shared module resolves against the page at run time: not judged',
      files: app({ 'utils/nav.js': "export const openBlock = () => bn.navigateTo({ url: '../block/index' });\n" }),
    },
    {
      name: 'navigators to pages, to web URLs, to other mini programs, and dynamic ones',
      files: app({
        'pages/index/index.bxml': [
          '<navigator url="/pages/block/index?height=1">Block</navigator>',
          '<navigator url="../block/index">Block</navigator>',
          '<navigator open-type="switchTab" url="/pages/watchlist/index">Watchlist</navigator>',
          '<navigator open-type="reLaunch" url="/pages/index/index">Home</navigator>',
          '<navigator target="miniProgram" app-id="cNjQgR7tZB7VffLsQvc3YM" url="/pages/other/index">Partner</navigator>',
          '<navigator url="https://docs.example.com/gas">Docs</navigator>',
          '<navigator url="{{detailUrl}}">Detail</navigator>',
          '<navigator url="/pages/{{name}}/index">Dynamic</navigator>',
          '<navigator open-type="navigateBack" delta="1">Back</navigator>',
        ].join('\n'),
      }),
    },
    {
      name: 'a tab bar without a list (Alipay items): which pages are tabs is not known, so switchTab is not judged',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index'], tabBar: { items: [{ pagePath: 'pages/index/index', name: 'Home' }] } }),
        'pages/index/index.js': page("    bn.switchTab({ url: '/pages/index/index' })"),
      }),
    },
    {
      name: 'a React app.config.ts whose page list is not static is not judged',
      files: {
        'src/app.config.ts': "import { pages } from '@acme/routes';\nexport default { pages: ['pages/index/index', ...pages] };",
        'src/pages/index/index.tsx': "import { navigateTo } from '@binance/mp-service';\nexport default () => { navigateTo({ url: '/pages/market/index' }); return null; };",
      },
    },
  ],
  invalid: [
    {
      name: 'a broken navigation on a page nothing in the app opens is a warning that says so',
      files: withPromo({
        'pages/promo/index.js': page("    bn.navigateTo({ url: '/pages/live/client' })\n    bn.switchTab({ url: '/pages/block/index' })"),
        'pages/promo/index.bxml': '<navigator url="/pages/watchlist/index">Watchlist</navigator>\n',
      }),
      errors: [
        { messageId: 'tabPageNeedsSwitchTabOnUnopenedPage', file: 'pages/promo/index.bxml', line: 1, severity: 'warning' },
        {
          messageId: 'unknownPageOnUnopenedPage', line: 3, severity: 'warning',
          message: 'bn.navigateTo to "/pages/live/client" fails: there is no page pages/live/client in the app config (6.3). — on pages/promo/index, which nothing in the app opens (not the home page or a tab, and neither a page a user can reach nor the app\'s shared code names it)',
        },
        { messageId: 'switchTabToNonTabOnUnopenedPage', line: 4, severity: 'warning' },
      ],
    },
    {
      name: 'the same navigation stays an error once another file links the page, or the page is the home page',
      files: withPromo(
        { 'pages/promo/index.js': page("    bn.navigateTo({ url: '/pages/live/client' })") },
        { 'pages/block/index.js': "Page({ more() { bn.navigateTo({ url: '/pages/promo/index?from=block' }) } });\n" },
      ),
      errors: [{ messageId: 'unknownPage', line: 3, severity: 'error' }],
    },
    {
      name: 'a page that only names itself, or is named only by vendored code, is still a page nothing opens',
      files: withPromo(
        { 'pages/promo/index.js': page("    bn.navigateTo({ url: '/pages/live/client' })\n    this.share('/pages/promo/index')") },
        { 'miniprogram_npm/banner/index.js': "module.exports = { home: '/pages/promo/index' };\n" },
      ),
      errors: [{ messageId: 'unknownPageOnUnopenedPage', line: 3, severity: 'warning' }],
    },
    {
      name: 'a page that only pages nothing opens link to is itself a page nothing opens',
      files: withPromo(
        {
          'pages/promo/index.bxml': '<navigator url="/pages/promo/detail">Detail</navigator>\n',
          'pages/promo/detail.js': page("    bn.navigateTo({ url: '/pages/live/client' })"),
          'pages/promo/detail.bxml': '<button bindtap="open">Open</button>\n',
        },
        // Named only by a module that nothing loads.
        { 'utils/unused-menu.js': "module.exports = ['/pages/promo/index'];\n" },
        ['pages/promo/detail'],
      ),
      errors: [{ messageId: 'unknownPageOnUnopenedPage', file: 'pages/promo/detail.js', line: 3, severity: 'warning', message: '— on pages/promo/detail, which nothing in the app opens' }],
    },
    {
      name: 'a page named only by a UI kit copied into the app (its build ships declarations beside its scripts) is still a page nothing opens',
      files: withPromo(
        { 'pages/promo/index.js': page("    bn.navigateTo({ url: '/pages/live/client' })"), 'pages/promo/index.bxml': '<button bindtap="open">Open</button>\n' },
        {
          'pages/index/index.json': '{ "usingComponents": { "t-tab-panel": "/components/tdesign-miniprogram/tab-panel/tab-panel" } }\n',
          'components/tdesign-miniprogram/tab-panel/tab-panel.js': "Component({ relations: { '../promo/index': { type: 'parent' } } });\n",
          'components/tdesign-miniprogram/tab-panel/tab-panel.d.ts': 'export {};\n',
          'components/tdesign-miniprogram/tab-panel/tab-panel.json': '{ "component": true }\n',
        },
      ),
      errors: [{ messageId: 'unknownPageOnUnopenedPage', line: 3, severity: 'warning' }],
    },
    {
      name: 'a page that a page reached from a tab links to, or that a component the app uses names, is opened: errors',
      files: withPromo(
        {
          'pages/promo/index.bxml': '<navigator url="/pages/promo/detail">Detail</navigator>\n<navigator url="/pages/gone/index">Gone</navigator>\n',
          'pages/promo/detail.js': page("    bn.navigateTo({ url: '/pages/live/client' })"),
          'pages/promo/detail.bxml': '<button bindtap="open">Open</button>\n',
        },
        {
          // The watchlist tab links pages/block/index (see app()), which links the promo page.
          'pages/block/index.bxml': '<navigator url="/pages/promo/index">Promo</navigator>\n',
          'pages/index/index.json': '{ "usingComponents": { "banner": "/components/banner/banner" } }\n',
          'components/banner/banner.js': "Component({ methods: { more() { bn.navigateTo({ url: '/pages/promo/detail' }); } } });\n",
          'components/banner/banner.json': '{ "component": true }\n',
        },
        ['pages/promo/detail'],
      ),
      errors: [
        { messageId: 'unknownPage', file: 'pages/promo/detail.js', line: 3, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/promo/index.bxml', line: 2, severity: 'error' },
      ],
    },
    {
      name: 'a handler bound only to rows of a list the page fills only in callbacks of an API Binance does not have: a warning that says why',
      files: listPage(
        [
          CLOUD_FILL,
          "bn.cloud.callFunction({ name: 'latest' }).then((res) => this.setData({ [`blocks[${res.result.index}]`]: res.result.block }));",
          "const that = this; bn.cloud.database().collection('blocks').add({ data: {}, complete() { that.setData({ 'blocks[0].seen': true }); } });",
          "this.setData({ blocks: [] });",
        ].join('\n    '),
        '<view bn:if="{{vip}}">VIP</view>\n<block bn:if="{{blocks.length > 0}}"><view bn:for="{{blocks}}" bn:for-item="block" bindtap="toBlock">{{block.height}}</view></block>\n',
      ),
      errors: [{
        messageId: 'unknownPageOnDataFromMissingApi', line: 10, severity: 'warning', data: { via: 'bn.navigateTo', url: '/pages/blocks/detail?id=', route: 'pages/blocks/detail', key: 'blocks', api: 'cloud' },
        message: '— it can run only from markup shown when blocks has a value, and this page gives blocks one only in callbacks of bn.cloud, which Binance does not have: the call fails before any callback runs',
      }],
    },
    {
      name: 'a navigator and a handler shown only while data the page never sets has a value: warnings',
      files: listPage(
        "bn.request({ url: 'https://api.gaswatch.example/blocks', success: (res) => this.setData({ blocks: res.data }) });",
        '<navigator bn:if="{{vip && blocks.length}}" url="/pages/vip/index">VIP</navigator>\n<view bn:elif="{{referrer}}" bindtap="toBlock">Latest</view>\n',
      ),
      errors: [
        { messageId: 'unknownPageOnNeverSetData', file: 'pages/index/index.bxml', line: 1, severity: 'warning', data: { via: '<navigator>', url: '/pages/vip/index', route: 'pages/vip/index', key: 'vip' }, message: '— it can run only from markup shown when vip has a value, and this page never gives vip one' },
        { messageId: 'unknownPageOnNeverSetData', file: 'pages/index/index.js', line: 7, severity: 'warning', data: { via: 'bn.navigateTo', url: '/pages/blocks/detail?id=', route: 'pages/blocks/detail', key: 'referrer' } },
      ],
    },
    {
      name: 'the list is filled where Binance has the API, or from another page, or the app defines bn.cloud itself: errors',
      files: listPage(CLOUD_FILL, undefined, {
        'pages/block/index.js': "Page({ back(blocks) { const pages = getCurrentPages(); pages[pages.length - 2].setData({ blocks }); } });\n",
        'pages/watchlist/index.js': "Page({ onLoad() { this.setData({ vip: true }); } });\n",
        'pages/watchlist/index.bxml': '<navigator url="/pages/block/index">Block</navigator>\n<view bn:if="{{vip}}"><navigator url="/pages/vip/index">VIP</navigator></view>\n',
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 7, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/watchlist/index.bxml', line: 2, severity: 'error' },
      ],
    },
    {
      name: 'a polyfilled missing API, a handler also bound outside the gate or called by the script, a page handed to a helper: errors',
      files: {
        ...listPage(CLOUD_FILL, '<view bn:for="{{blocks}}" bindtap="toBlock">{{item.height}}</view>\n'),
        'app.js': "bn.cloud = require('./utils/cloud-shim');\nApp({});\n",
        'utils/cloud-shim.js': 'module.exports = { database: () => null };\n',
        'pages/watchlist/index.js': [
          "Page({ data: { rows: [] }, onShow() { const db = bn.cloud2.database(); db.get({ success: (res) => this.setData({ rows: res.data }) }); },",
          "  open() { bn.navigateTo({ url: '/pages/gone/open' }); },",
          '  again() { this.open(); },',
          '});',
        ].join('\n'),
        'pages/watchlist/index.bxml': '<navigator url="/pages/block/index">Block</navigator>\n<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n<button bindtap="again">Again</button>\n',
        'pages/block/index.js': "const load = require('../../utils/load');\nPage({ data: { rows: [] }, onLoad() { load(this); }, open() { bn.navigateTo({ url: '/pages/gone/block' }); } });\n",
        'pages/block/index.bxml': '<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n',
        'utils/load.js': "module.exports = (page) => bn.request({ url: 'https://api.gaswatch.example/rows', success: (res) => page.setData.call(page, { rows: res.data }) });\n",
      },
      errors: [
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 2, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 7, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/watchlist/index.js', line: 2, severity: 'error' },
      ],
    },
    {
      name: 'an app that wraps Page may give every page data: errors',
      files: {
        ...listPage(CLOUD_FILL),
        'app.js': "const register = Page;\nPage = (options) => register({ ...options, data: { ...options.data, blocks: [{ id: 1 }] } });\nApp({});\n",
      },
      errors: [{ messageId: 'unknownPage', file: 'pages/index/index.js', line: 7, severity: 'error' }],
    },
    {
      name: 'a list tested with bn:if, whose empty value [] is true; a key the user types (model:); a binding in an imported template outside the gate: errors',
      files: listPage(CLOUD_FILL, '<view bn:if="{{blocks}}"><view bindtap="toBlock">Latest</view></view>\n', {
        'pages/watchlist/index.js': "Page({ data: { code: '' }, redeem() { bn.navigateTo({ url: '/pages/gone/redeem' }); } });\n",
        'pages/watchlist/index.bxml': '<navigator url="/pages/block/index">Block</navigator>\n<input model:value="{{code}}"/>\n<button bn:if="{{code}}" bindtap="redeem">Redeem</button>\n',
        'pages/block/index.js': "Page({ data: { rows: [] }, open() { bn.navigateTo({ url: '/pages/gone/block' }); } });\n",
        'pages/block/index.bxml': '<import src="/templates/row.bxml"/>\n<view bn:for="{{rows}}" bindtap="open">{{item}}</view>\n<template is="row"/>\n',
        'templates/row.bxml': '<template name="row"><view bindtap="open">Open</view></template>\n',
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 1, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 7, severity: 'error' },
        { messageId: 'unknownPage', file: 'pages/watchlist/index.js', line: 1, severity: 'error' },
      ],
    },
    {
      name: 'a broken navigation on the home page, in a component or in a shared module stays an error',
      files: app({
        'app.json': JSON.stringify({ entryPagePath: 'pages/block/index', pages: ['pages/index/index', 'pages/block/index'] }),
        'pages/block/index.js': "Page({\n  onLoad() {\n    bn.navigateTo({ url: '/pages/gone/index' })\n  },\n});\n",
        'pages/watchlist/index.bxml': '<view>Watchlist</view>\n',
        'components/card/card.bxml': '<navigator url="/pages/gone/card">Card</navigator>\n',
        'components/card/card.js': 'Component({});\n',
        'components/card/card.json': '{ "component": true }\n',
        'pages/block/index.json': '{ "usingComponents": { "card": "/components/card/card" } }\n',
      }),
      errors: [
        { messageId: 'unknownPage', line: 1, severity: 'error', file: 'components/card/card.bxml' },
        { messageId: 'unknownPage', line: 3, severity: 'error', file: 'pages/block/index.js' },
      ],
    },
    {
      name: 'bn.navigateTo to a page that does not exist',
      files: app({ 'pages/index/index.js': page("    bn.navigateTo({ url: '/pages/vip/index' })") }),
      errors: [{ messageId: 'unknownPage', file: 'pages/index/index.js', line: 3, column: 26, data: { via: 'bn.navigateTo', url: '/pages/vip/index', route: 'pages/vip/index' } }],
    },
    {
      name: 'URLs built from consts, template literals and concatenation, a query after a dynamic part, and a relative URL',
      files: app({
        'pages/index/index.js': [
          "const PAGES = '/pages';",
          "const VIP = `${PAGES}/vip/index`;",
          'Page({',
          '  open(id) {',
          '    bn.redirectTo({ url: VIP })',
          "    bn.navigateTo({ url: PAGES + '/wallet/index?id=' + id })",
          '    bn.navigateTo({ url: `../market/index?id=${id}` })',
          '  },',
          '});',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 5, column: 26, data: { via: 'bn.redirectTo', url: '/pages/vip/index', route: 'pages/vip/index' } },
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 6, column: 26, data: { via: 'bn.navigateTo', url: '/pages/wallet/index?id=', route: 'pages/wallet/index' } },
        { messageId: 'unknownPage', file: 'pages/index/index.js', line: 7, column: 26, data: { via: 'bn.navigateTo', url: '../market/index?id=', route: 'pages/market/index' } },
      ],
    },
    {
      name: 'aliased spellings: destructured and computed',
      files: app({
        'pages/block/index.js': "const { reLaunch } = bn;\nreLaunch({ url: '/pages/gone/index' });\nbn['navigateTo']({ url: '/pages/gone/index' });\n",
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 2, column: 17, data: { via: 'bn.reLaunch', url: '/pages/gone/index', route: 'pages/gone/index' } },
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 3, column: 25 },
      ],
    },
    {
      name: 'switchTab to a page that is not a tab, navigateTo and redirectTo to tab pages',
      files: app({
        'pages/block/index.js': page(
          [
            "    bn.switchTab({ url: '/pages/block/index' })",
            "    bn.navigateTo({ url: '/pages/watchlist/index' })",
            "    bn.redirectTo({ url: '/pages/index/index?tab=1' })",
          ].join('\n'),
        ),
      }),
      errors: [
        { messageId: 'switchTabToNonTab', file: 'pages/block/index.js', line: 3, column: 25, message: 'Use bn.navigateTo or bn.redirectTo instead' },
        { messageId: 'tabPageNeedsSwitchTab', file: 'pages/block/index.js', line: 4, column: 26, message: 'pages/watchlist/index is a tabBar page' },
        { messageId: 'tabPageNeedsSwitchTab', file: 'pages/block/index.js', line: 5, column: 26, data: { via: 'bn.redirectTo', url: '/pages/index/index?tab=1', route: 'pages/index/index', fix: 'bn.switchTab (or bn.reLaunch)' } },
      ],
    },
    {
      name: 'navigators to an unknown page, with a dynamic query, and with the wrong open-type',
      files: app({
        'pages/index/index.bxml': [
          '<view class="links">',
          '  <navigator class="muted" url="/pages/missing/index">Invite rules</navigator>',
          '  <navigator url="/pages/vip/index?from={{source}}">VIP</navigator>',
          '  <navigator open-type="switchTab" url="../block/index">Block</navigator>',
          '  <navigator url="/pages/watchlist/index">Watchlist</navigator>',
          '  <navigator target="self" open-type="redirect" url="/pages/watchlist/index?tab=2">Watchlist</navigator>',
          '</view>',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/index/index.bxml', line: 2, column: 28, data: { via: '<navigator>', url: '/pages/missing/index', route: 'pages/missing/index' } },
        { messageId: 'unknownPage', file: 'pages/index/index.bxml', line: 3, column: 14, data: { via: '<navigator>', url: '/pages/vip/index?from=', route: 'pages/vip/index' } },
        { messageId: 'switchTabToNonTab', file: 'pages/index/index.bxml', line: 4, column: 36, message: 'Use open-type="navigate" or "redirect" instead' },
        { messageId: 'tabPageNeedsSwitchTab', file: 'pages/index/index.bxml', line: 5, column: 14, message: '<navigator> to "/pages/watchlist/index" fails' },
        { messageId: 'tabPageNeedsSwitchTab', file: 'pages/index/index.bxml', line: 6, column: 49, message: '<navigator open-type="redirect">' },
      ],
    },
    {
      name: 'a URL with neither "./" nor "/" that names a page only from the app root: low confidence',
      files: app({
        'packageB/pages/history/index.js': page(["    bn.reLaunch({ url: 'pages/block/index' })", "    bn.navigateTo({ url: 'pages/nowhere/index' })"].join('\n')),
        // Bound, so the navigation runs (an error in a method nothing calls is lowered).
        'packageB/pages/history/index.bxml': '<button bindtap="open">Open</button>\n',
      }),
      errors: [
        { messageId: 'rootRelative', line: 3, column: 24, confidence: 'low', severity: 'warning', data: { via: 'bn.reLaunch', url: 'pages/block/index', route: 'packageB/pages/history/pages/block/index', rootRoute: 'pages/block/index' } },
        { messageId: 'unknownPage', line: 4, column: 26, severity: 'error' },
      ],
    },
    {
      name: 'a tab page navigating to itself with navigateTo fails without a visible break: a warning; to another tab page: an error',
      files: app({
        'pages/index/index.js': "Page({\n  onLoad(options) {\n    if (options.scene === 'unknown') bn.navigateTo({ url: '../index/index' });\n    if (options.scene === 'list') bn.navigateTo({ url: '../watchlist/index' });\n  },\n});\n",
      }),
      errors: [
        { messageId: 'tabPageIsThisPage', line: 3, severity: 'warning', data: { via: 'bn.navigateTo', url: '../index/index', route: 'pages/index/index', fix: 'bn.switchTab (or bn.reLaunch)' } },
        { messageId: 'tabPageNeedsSwitchTab', line: 4, severity: 'error' },
      ],
    },
    {
      name: 'a navigator in a <template name> that no template instantiates is lowered; one a literal data value names is not',
      files: app({
        'components/nav.bxml': [
          '<template name="m-home">',
          '  <navigator url="/pages/gone/index">Home</navigator>',
          '</template>',
          '<template name="m-share">',
          '  <navigator url="/pages/refer/index">Share</navigator>',
          '</template>',
          '<template name="m-static">',
          '  <navigator url="/pages/static/index">Static</navigator>',
          '</template>',
          '<template name="m-comment">',
          '  <navigator url="/pages/comment/index">Comment</navigator>',
          '</template>',
        ].join('\n'),
        'pages/index/index.bxml': [
          '<import src="../../components/nav.bxml"/>',
          '<template bn:if="{{ icon }}" is="m-{{icon}}"></template>',
          '<template is="m-static"/>',
          '<!-- <template is="m-comment"/> -->',
        ].join('\n'),
        // Every value the page gives `icon` is a literal, and none of them is "share".
        'pages/index/index.js': "Page({\n  onLoad(options) {\n    this.icon = '';\n    if (options.referrer) this.icon = 'home';\n    this.setData({ icon: this.icon });\n  },\n});\n",
      }),
      errors: [
        { messageId: 'unknownPage', file: 'components/nav.bxml', line: 2, severity: 'error' },
        { messageId: 'unknownPage', file: 'components/nav.bxml', line: 5, severity: 'warning', confidence: 'low', message: '— in <template name="m-share">, which no template uses' },
        { messageId: 'unknownPage', file: 'components/nav.bxml', line: 8, severity: 'error' },
        { messageId: 'unknownPage', file: 'components/nav.bxml', line: 11, severity: 'warning', confidence: 'low', message: '— in <template name="m-comment">, which no template uses' },
      ],
    },
    {
      name: 'a template name taken from data the page does not spell out may be any template: not lowered',
      files: app({
        'components/nav.bxml': '<template name="m-share">\n  <navigator url="/pages/refer/index">Share</navigator>\n</template>\n',
        'pages/index/index.bxml': '<import src="../../components/nav.bxml"/>\n<template is="m-{{icon}}"/>\n<view bn:for="{{items}}"><template is="{{item.kind}}"/></view>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    this.setData({ icon: 'home' });\n    bn.request({ url: 'https://api.gaswatch.example/icon', success: (res) => this.setData({ icon: res.data.icon }) });\n  },\n});\n",
      }),
      errors: [{ messageId: 'unknownPage', file: 'components/nav.bxml', line: 2, severity: 'error' }],
    },
    {
      name: 'a navigation after an early return never runs: lowered; the one before it is not',
      files: app({
        'pages/block/index.js': [
          'Page({',
          '  toLive(e) {',
          "    bn.navigateTo({ url: '/pages/gone/index' });",
          '    return;',
          "    bn.navigateTo({ url: '/pages/live/index?id=' + e.currentTarget.dataset.id });",
          '  },',
          '  pick(type) {',
          '    switch (type) {',
          "      case 'a': throw new Error('no'); bn.navigateTo({ url: '/pages/a/index' });",
          "      default: bn.navigateTo({ url: '/pages/b/index' });",
          '    }',
          '  },',
          '});',
        ].join('\n'),
        'pages/block/index.bxml': '<view bindtap="toLive">Live</view>\n<view bindtap="pick">Pick</view>\n',
      }),
      errors: [
        { messageId: 'unknownPage', line: 3, severity: 'error' },
        { messageId: 'unknownPage', line: 5, severity: 'warning', confidence: 'low', message: '— after a return, where it never runs' },
        { messageId: 'unknownPage', line: 9, severity: 'warning', confidence: 'low', message: '— after a throw, where it never runs' },
        { messageId: 'unknownPage', line: 10, severity: 'error' },
      ],
    },
    {
      name: 'a method whose name appears only in a path, a class, a comment or commented-out markup is never called: lowered',
      files: app({
        'pages/block/index.js': [
          'Page({',
          '  // setting() and share() are kept for the next release',
          '  setting() {',
          "    bn.navigateTo({ url: '../setting/setting' });",
          '  },',
          '  share() {',
          "    bn.navigateTo({ url: '/pages/share/index' });",
          '  },',
          '  invite() {',
          "    bn.navigateTo({ url: '/pages/invite/index' });",
          '  },',
          '});',
        ].join('\n'),
        'pages/block/index.bxml': [
          '<navigator url="../block/index?from=my-setting/setting" class="setting">Settings</navigator>',
          '<!-- <button bindtap="share">Share</button> -->',
          '<button bindtap="invite">Invite</button>',
          '<view bindtap="">Nothing happens</view>',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 4, severity: 'warning', confidence: 'low', message: '— in setting(), which nothing in the app calls' },
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 7, severity: 'warning', confidence: 'low', message: '— in share(), which nothing in the app calls' },
        { messageId: 'unknownPage', file: 'pages/block/index.js', line: 10, severity: 'error' },
      ],
    },
    {
      name: 'a behavior method bound only by commented-out markup is lowered; one the component binds is not',
      files: app({
        'pages/block/marker.js': [
          'export default function markerBehavior() {',
          '  return Behavior({',
          '    methods: {',
          '      addMarker() {',
          "        console.log('[addMarker] start');",
          "        bn.navigateTo({ url: '/pages/marker/index' });",
          '      },',
          '      clearMarkers() {',
          "        bn.navigateTo({ url: '/pages/cleared/index' });",
          '      },',
          '    },',
          '  });',
          '}',
        ].join('\n'),
        'pages/block/index.js': "import markerBehavior from './marker';\nComponent({ behaviors: [markerBehavior()], methods: {} });\n",
        'pages/block/index.bxml': '<!-- <button bindtap="addMarker">Add</button> -->\n<button bindtap="clearMarkers">Clear</button>\n',
      }),
      errors: [
        { messageId: 'unknownPage', file: 'pages/block/marker.js', line: 6, severity: 'warning', confidence: 'low', message: '— in addMarker(), which nothing in the app calls' },
        { messageId: 'unknownPage', file: 'pages/block/marker.js', line: 9, severity: 'error' },
      ],
    },
    {
      name: 'a React page calling the named import navigateTo',
      files: {
        'src/app.config.ts': "export default { entryPagePath: 'pages/index/index', pages: ['pages/index/index', 'pages/detail/index'] };",
        'src/app.tsx': 'export default (props) => props.children;',
        'src/pages/index/index.tsx': [
          "import { navigateTo } from '@binance/mp-service';",
          "import { View } from '@binance/mp-components';",
          'export default function Index() {',
          "  const open = () => navigateTo({ url: '/pages/details/index?id=1' });",
          "  const back = () => navigateTo({ url: '../detail/index' });",
          '  return <View onClick={open}>Open</View>;',
          '}',
        ].join('\n'),
        'src/pages/detail/index.tsx': 'export default () => null;',
      },
      errors: [{ messageId: 'unknownPage', file: 'src/pages/index/index.tsx', line: 4, column: 40, data: { via: 'bn.navigateTo', url: '/pages/details/index?id=1', route: 'pages/details/index' } }],
    },
  ],
});
