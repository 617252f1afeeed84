import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A sports page offering bets: the template and its script. */
const BETS_BXML = lines(
  '<view class="page">',
  '  <text class="title">World Cup betting</text>',
  '  <view bn:for="{{matches}}" class="match">{{item.home}} vs {{item.away}}</view>',
  '  <button bindtap="onBet">Place your bet</button>',
  '</view>',
);

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a lottery word in a neutral sentence, and rules that forbid gambling',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <text>Lottery results of the community draw are announced every Friday.</text>',
          '  <text>Gambling is prohibited in this community.</text>',
          '  <text>以下注意事项请仔细阅读</text>',
          '</view>',
        ),
      }),
    },
    {
      name: 'betting with an 18+ notice in a modal',
      files: miniApp({
        'pages/index/index.bxml': BETS_BXML,
        'pages/index/index.js': "Page({ onLoad() { bn.showModal({ title: 'Notice', content: 'This page is 18+ only.' }); }, onBet() {} });\n",
      }),
    },
    {
      name: 'a wine shop with a birth-date picker',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <text>Red wine of the month</text>',
          '  <picker mode="date" bindchange="onBirthdayChange"><view>Select date</view></picker>',
          '</view>',
        ),
        'pages/index/index.js': 'Page({ onBirthdayChange() {} });\n',
      }),
    },
    {
      name: 'a Chinese notice in the listing description',
      files: miniApp({
        'pages/index/index.bxml': '<view>精酿啤酒外卖</view>\n',
        'listing.json': JSON.stringify({ name: 'Beer Club', description: '精酿啤酒配送。未满18岁禁止购买。' }),
      }),
    },
  ],
  invalid: [
    {
      name: 'a betting page with no age notice anywhere',
      files: miniApp({
        'pages/index/index.bxml': BETS_BXML,
        'pages/index/index.js': "Page({ data: { matches: [] }, onBet() { bn.showToast({ title: 'Bet placed' }); } });\n",
      }),
      errors: [
        { messageId: 'gambling', file: 'pages/index/index.bxml', line: 2, column: 33, data: { where: 'Template text', text: 'betting' } },
        { messageId: 'gambling', file: 'pages/index/index.bxml', line: 4, column: 27, data: { where: 'Template text', text: 'Place your bet' } },
      ],
    },
    {
      name: 'Chinese casino wording set with setData, alcohol in a toast',
      files: miniApp({
        'pages/index/index.bxml': '<view><text>{{banner}}</text></view>\n',
        'pages/index/index.js': lines(
          'Page({',
          "  data: { banner: '' },",
          '  onLoad() {',
          "    this.setData({ banner: '线上赌场，百家乐天天开' });",
          "    bn.showToast({ title: '下单送啤酒' });",
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'gambling', file: 'pages/index/index.js', line: 4, column: 31, data: { where: 'Text set by setData', text: '赌场' } },
        { messageId: 'gambling', file: 'pages/index/index.js', line: 4, column: 34, data: { where: 'Text set by setData', text: '百家乐' } },
        { messageId: 'alcohol', file: 'pages/index/index.js', line: 5, column: 31, data: { where: 'The bn.showToast title', text: '啤酒' } },
      ],
    },
    {
      name: 'React: an NSFW gallery; its only input is a search box',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { View, Text, Input } from '@binance/mp-components';",
          'export default function Index() {',
          '  return (',
          '    <View>',
          '      <Input placeholder="Search" />',
          '      <Text>NSFW gallery</Text>',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [{ messageId: 'adult', file: 'src/pages/index/index.tsx', line: 6, column: 13, data: { where: 'Page text', text: 'NSFW' } }],
    },
  ],
});
