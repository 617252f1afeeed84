import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a disclaimer and a tool citing an agency are not impersonation',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>本小程序与币安官方无关</text>\n  <text>Estimate your tax refund according to IRS rules</text>\n</view>\n' }),
    },
    { name: 'a plain app', files: miniApp() },
    {
      name: 'references to the real Binance app, disclaimers and agency mentions',
      files: miniApp({
        'pages/index/index.bxml': [
          '<view>',
          '  <text>Open the official Binance app to confirm the payment</text>',
          '  <text>This mini program is not an official Binance product.</text>',
          '  <text>本小程序非币安官方产品</text>',
          '  <text>据币安官方公告，BNB 将于明日升级</text>',
          '  <text>Binance Smart Chain gas tracker</text>',
          '  <text>Tax calculator based on IRS rules</text>',
          '  <text>中国人民银行授权中国外汇交易中心公布汇率</text>',
          '  <text>警惕冒充币安客服的骗子</text>',
          '</view>',
          '',
        ].join('\n'),
      }),
    },
  ],
  invalid: [
    {
      name: 'a notice signed by an agency, found by two cues in one sentence, is a low-confidence warning',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>公安局通知：您涉嫌洗钱，请配合调查</text>\n</view>\n' }),
      errors: [{ messageId: 'pattern', severity: 'warning', line: 2, column: 9, data: { where: 'Template text', text: '公安局通知：您涉嫌洗钱，请配合调查', kind: 'a notice or demand in the name of a government agency or public institution', clause: '5.7.2' } }],
    },
    {
      name: 'posing as Binance in template text and a title attribute (5.7.1)',
      files: miniApp({
        'pages/index/index.bxml': '<navigation-bar title="Official Binance Wallet"/>\n<view>\n  <text>币安官方空投活动</text>\n</view>\n',
      }),
      errors: [
        { messageId: 'binanceOfficial', file: 'pages/index/index.bxml', line: 1, column: 24, data: { where: 'The title attribute', text: 'Official Binance' } },
        { messageId: 'binanceOfficial', line: 3, column: 9, data: { where: 'Template text', text: '币安官方' } },
      ],
    },
    {
      name: 'posing as Binance support, a warning-level term only reported in page text',
      files: miniApp({ 'pages/index/index.js': "Page({ data: { contact: 'Chat with Binance customer service' } });\n" }),
      errors: [{ messageId: 'binanceOfficial', file: 'pages/index/index.js', line: 1, column: 36, data: { where: 'Page data', text: 'Binance customer service' } }],
    },
    {
      name: 'React: a fragment and an expression container',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': "export default () => (\n  <>\n    {'Binance Official App'}\n    Official Binance Pay\n  </>\n);\n",
      },
      errors: [
        { messageId: 'binanceOfficial', file: 'src/pages/index/index.tsx', line: 3, column: 7, data: { where: 'Page text', text: 'Binance Official App' } },
        { messageId: 'binanceOfficial', line: 4, column: 5, data: { where: 'Page text', text: 'Official Binance' } },
      ],
    },
    {
      name: 'posing as an authority (5.7.2) with a homoglyph',
      files: miniApp({ 'pages/index/index.bxml': '<text>This app is оperated by the tax authority</text>\n<text>由公安局运营的查询平台</text>\n' }),
      errors: [
        { messageId: 'authority', line: 1, column: 19, data: { where: 'Template text', text: 'оperated by the tax authority' } },
        { messageId: 'authority', line: 2, column: 7, data: { where: 'Template text', text: '由公安局运营' } },
      ],
    },
  ],
});
