import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const react = (page: string) => ({
  'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
  'src/pages/index/index.tsx': page,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain page', files: miniApp() },
    {
      name: 'a real error dialog titled 系统提示',
      files: miniApp({
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.showModal({ title: '系统提示', content: '网络异常，请稍后重试', showCancel: false });\n  }\n});\n",
      }),
    },
    {
      name: 'an anti-scam notice quoting a fake warning',
      files: miniApp({ 'pages/index/index.bxml': '<view class="tips">Beware of fake "Your phone is infected" pop-ups: they are scams.</view>\n' }),
    },
    {
      name: 'a maintenance notice bar that scrolls with the page',
      files: miniApp({
        'pages/index/index.bxml': '<view class="notice-bar">系统通知：本周六 02:00 系统维护</view>\n<view class="page">Gas prices</view>\n',
        'pages/index/index.bxss': '.notice-bar { padding: 12rpx; background: #fff7e6; }\n',
      }),
    },
    {
      name: 'a message centre listing "System notification" items',
      files: miniApp({ 'pages/index/index.bxml': '<view class="notification-item" bn:for="{{messages}}">\n  <text class="title">System notification</text>\n  <text>{{item.body}}</text>\n</view>\n' }),
    },
    {
      name: 'a hardware-wallet guide mentioning a low battery without any lure',
      files: miniApp({ 'pages/index/index.bxml': '<view class="card"><text>Battery low on your hardware wallet? Charge it over USB-C before signing.</text></view>\n' }),
    },
    {
      name: 'a call of a bn member named like an Object.prototype method (no crash)',
      files: miniApp({ 'pages/index/index.js': "Page({ onLoad() { if (bn.hasOwnProperty('showModal')) bn.showModal({ title: 'Tip', content: 'Saved' }); } });\n" }),
    },
    {
      name: 'a React page with ordinary text',
      files: react("import { View, Text } from '@binance/mp-components';\nexport default () => <View><Text>Set up Google alerts for BNB news</Text></View>;\n"),
    },
  ],
  invalid: [
    {
      name: 'template text claiming the phone is infected',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view class="warning-card">\n    <text>Warning! Your phone is infected with 3 viruses.</text>\n    <button bindtap="clean">Clean now</button>\n  </view>\n</view>\n',
      }),
      errors: [{ messageId: 'fakeWarning', file: 'pages/index/index.bxml', line: 3, column: 20, data: { where: 'Template text', text: 'Your phone is infected', kind: 'scareware claim' } }],
    },
    {
      name: 'a showModal titled 系统提示 that claims the battery is low and offers to clean it',
      files: miniApp({
        'pages/index/index.js': "Page({\n  onShow() {\n    bn.showModal({\n      title: '系统提示',\n      content: '您的手机电量不足，点击确定立即清理',\n      showCancel: false\n    });\n  }\n});\n",
      }),
      errors: [
        { messageId: 'imitatesSystem', file: 'pages/index/index.js', line: 4, column: 15, data: { where: 'The bn.showModal title', text: '系统提示', why: 'is shown with the call to action "立即清理", as fake system warnings are' } },
        { messageId: 'imitatesSystem', file: 'pages/index/index.js', line: 5, column: 21, data: { where: 'The bn.showModal content', text: '电量不足', why: 'is shown with the call to action "立即清理", as fake system warnings are' } },
      ],
    },
    {
      name: 'a banner pinned to the top like an OS notification, saying "System notice"',
      files: miniApp({
        'pages/index/index.bxml': '<view class="push-banner" bindtap="goReward">\n  <text class="push-title">System notice</text>\n  <text>You have 1 unclaimed reward</text>\n</view>\n',
        'pages/index/index.bxss': '.push-banner {\n  position: fixed;\n  top: 20rpx;\n  left: 0;\n  right: 0;\n  z-index: 1000;\n  border-radius: 24rpx;\n}\n',
      }),
      errors: [{ messageId: 'imitatesSystem', file: 'pages/index/index.bxml', line: 2, column: 28, data: { where: 'Template text', text: 'System notice', why: 'is shown in <view class="push-banner">, named or styled like a status bar or notification of the phone itself' } }],
    },
    {
      name: 'an element named like an iOS alert',
      files: miniApp({ 'pages/index/index.bxml': '<view class="ios-alert">\n  <view class="ios-alert-title">Security warning</view>\n</view>\n' }),
      errors: [{ messageId: 'imitatesSystem', file: 'pages/index/index.bxml', line: 2, column: 33, data: { where: 'Template text', text: 'Security warning', why: 'is shown in <view class="ios-alert-title">, named or styled like a status bar or notification of the phone itself' } }],
    },
    {
      name: 'a toast announcing a virus',
      files: miniApp({ 'pages/index/index.js': "Page({ scan() { bn.showToast({ title: 'Virus detected!', icon: 'error' }); } });\n" }),
      errors: [{ messageId: 'fakeWarning', file: 'pages/index/index.js', line: 1, column: 40, data: { where: 'The bn.showToast title', text: 'Virus detected', kind: 'fake virus scan' } }],
    },
    {
      name: 'page data pairing a device state with a lure',
      files: miniApp({ 'pages/index/index.js': "Page({\n  data: {\n    headline: 'Battery low - tap to fix',\n  }\n});\n" }),
      errors: [{ messageId: 'imitatesSystem', file: 'pages/index/index.js', line: 3, column: 16, data: { where: 'Page data', text: 'Battery low', why: 'is shown with the call to action "tap to fix", as fake system warnings are' } }],
    },
    {
      name: 'a React page claiming a virus was found, in Chinese',
      files: react("import { View, Text } from '@binance/mp-components';\nexport default function Index() {\n  return <View><Text>检测到手机病毒，请立即查杀</Text></View>;\n}\n"),
      errors: [{ messageId: 'fakeWarning', file: 'src/pages/index/index.tsx', line: 3, column: 22, data: { where: 'Page text', text: '检测到手机病毒', kind: 'fake virus scan' } }],
    },
  ],
});
