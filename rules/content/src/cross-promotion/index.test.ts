import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const GAMES = "[\n  { name: 'Moon Jump', appId: 'cNjQgR7tZB7VffLsQvc3YM', icon: '/images/a.png' },\n  { name: 'Coin Merge', appId: 'hhL98uho2A4sGYSHCEdCCo', icon: '/images/b.png' },\n]";

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'own content with similar words',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>More games coming soon</text>\n  <text>Recommended for you</text>\n  <text>Top 10 tokens by volume</text>\n  <text>This mini program shows gas prices</text>\n  <text>推荐给好友</text>\n  <text>把这个小程序推荐给好友</text>\n  <text>推荐小程序给朋友</text>\n  <text>推荐应用给朋友</text>\n</view>',
      }),
    },
    {
      name: 'a rule text that forbids cross-promotion (negated by a cue)',
      files: miniApp({ 'pages/index/index.bxml': '<text>We never show recommended mini programs.</text><text>禁止展示热门小程序</text>' }),
    },
    {
      name: 'a list with appId fields but no jump anywhere in the app',
      files: miniApp({ 'pages/index/index.js': `const CHAINS = ${GAMES};\nPage({ data: { chains: CHAINS } });` }),
    },
    {
      name: 'a bn:for list whose items open pages of the app',
      files: miniApp({
        'pages/index/index.bxml': '<view bn:for="{{items}}" bindtap="open" data-id="{{item.id}}">{{item.name}}</view>',
        'pages/index/index.js': "Page({ open(e) { bn.navigateTo({ url: '/pages/index/index?id=' + e.currentTarget.dataset.id }); } });",
      }),
    },
    {
      name: 'a single partner button outside a list (the jump itself is api/no-mini-program-jump)',
      files: miniApp({
        'pages/index/index.bxml': '<button bindtap="play">Play</button>',
        'pages/index/index.js': "Page({ play() { bn.navigateToMiniProgram({ appId: 'x' }); } });",
      }),
    },
  ],
  invalid: [
    {
      name: 'promotion wording in template text, attributes and JS strings',
      files: miniApp({
        'pages/index/index.bxml': '<view class="strip">\n  <text>More mini programs</text>\n  <text class="t">热门小程序</text>\n  <view title="Top 10 mini games">x</view>\n</view>',
        'pages/index/index.js': "Page({ data: { header: '更多好玩' } });",
      }),
      errors: [
        { messageId: 'promotionWording', file: 'pages/index/index.bxml', line: 2, column: 9, data: { where: 'Template text', text: 'More mini programs', kind: 'more mini programs' } },
        { messageId: 'promotionWording', file: 'pages/index/index.bxml', line: 3, column: 19, data: { where: 'Template text', text: '热门小程序', kind: 'recommended mini programs' } },
        { messageId: 'promotionWording', file: 'pages/index/index.bxml', line: 4, column: 16, data: { where: 'The title attribute', text: 'Top 10 mini games', kind: 'ranking of mini programs' } },
        { messageId: 'promotionWording', file: 'pages/index/index.js', line: 1, column: 25, data: { where: 'Page data', text: '更多好玩', kind: 'more fun (mini programs)' } },
      ],
    },
    {
      name: 'recommended apps, and the navigation bar title',
      files: miniApp({
        'pages/index/index.json': '{ "navigationBarTitleText": "Recommended Apps" }',
        'pages/index/index.bxml': '<view>推荐小程序</view>',
      }),
      errors: [
        { messageId: 'promotionWording', file: 'pages/index/index.bxml', line: 1, column: 7, data: { where: 'Template text', text: '推荐小程序', kind: 'recommended mini programs' } },
        { messageId: 'promotionWording', file: 'pages/index/index.json', line: 1, column: 30, data: { where: 'The navigation bar title', text: 'Recommended Apps', kind: 'recommended apps' } },
      ],
    },
    {
      name: 'a list of other apps rendered with bn:for, each item opening one with navigateToMiniProgram',
      files: miniApp({
        'pages/index/index.bxml': '<view class="games">\n  <view bn:for="{{games}}" bn:key="appId" class="game" data-app="{{item.appId}}" bindtap="openGame">\n    <image src="{{item.icon}}"/>\n    <text>{{item.name}}</text>\n  </view>\n</view>',
        'pages/index/index.js': `const GAMES = ${GAMES};\nPage({\n  data: { games: GAMES },\n  openGame(e) {\n    this.jump(e.currentTarget.dataset.app);\n  },\n  jump(appId) {\n    bn.navigateToMiniProgram({ appId });\n  },\n});`,
      }),
      errors: [
        { messageId: 'renderedList', file: 'pages/index/index.bxml', line: 2, column: 3 },
      ],
    },
    {
      name: 'a bn:for item handler that opens mini programs through a helper module (the list and the jump are in different files)',
      files: miniApp({
        'pages/index/index.bxml': '<view bn:for="{{games}}" bindtap="openGame">{{item.name}}</view>',
        'pages/index/index.js': "import { openApp } from '../../utils/jump.js';\nPage({\n  data: { games: [] },\n  openGame(e) { openApp(e.currentTarget.dataset.app); },\n});",
        'utils/jump.js': 'export function openApp(appId) {\n  bn.navigateToMiniProgram({ appId });\n}',
      }),
      errors: [
        { messageId: 'renderedList', file: 'pages/index/index.bxml', line: 1, column: 1, data: { via: 'bindtap="openGame" (pages/index/index.bxml:1) → bn.navigateToMiniProgram' } },
      ],
    },
    {
      name: 'the helper that opens mini programs is in a file left out by ignorePatterns: the call flow still follows it',
      files: miniApp({
        'pages/index/index.bxml': '<view bn:for="{{games}}" bindtap="openGame">{{item.name}}</view>',
        'pages/index/index.js': "import { openApp } from '../../vendor-sdk/jump.js';\nPage({\n  data: { games: [] },\n  openGame(e) { openApp(e.currentTarget.dataset.app); },\n});",
        'vendor-sdk/jump.js': 'export function openApp(appId) {\n  bn.navigateToMiniProgram({ appId });\n}',
      }),
      config: { ignorePatterns: ['vendor-sdk/**'] },
      errors: [
        { messageId: 'renderedList', file: 'pages/index/index.bxml', line: 1, column: 1 },
      ],
    },
    {
      name: 'navigators to other mini programs inside a bn:for, and a list of app ids in a shared module',
      files: miniApp({
        'pages/index/index.bxml': '<block bn:for="{{apps}}">\n  <navigator target="miniProgram" app-id="{{item.appId}}">{{item.name}}</navigator>\n</block>',
        'pages/index/index.js': "const { APPS } = require('../../utils/apps');\nPage({ data: { apps: APPS } });",
        'utils/apps.js': `const APPS = ${GAMES};\nmodule.exports = { APPS };`,
      }),
      errors: [
        { messageId: 'renderedList', file: 'pages/index/index.bxml', line: 1, column: 1, data: { via: '<navigator target="miniProgram">' } },
        { messageId: 'appList', file: 'utils/apps.js', line: 1, column: 14, data: { count: 2, key: 'appId', via: '<navigator target="miniProgram">' } },
      ],
    },
    {
      name: 'React: Navigator target="miniProgram" in a map over partner apps',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': [
          "import { Navigator, View } from '@binance/mp-components';",
          `const PARTNERS = ${GAMES};`,
          'export default () => (',
          '  <View>',
          "    {PARTNERS.map((app) => <Navigator key={app.appId} target='miniProgram' appId={app.appId}>{app.name}</Navigator>)}",
          '  </View>',
          ');',
        ].join('\n'),
      },
      errors: [
        { messageId: 'renderedList', file: 'src/pages/index/index.tsx', line: 8, column: 6 },
      ],
    },
  ],
});
