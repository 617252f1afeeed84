import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const twoPages = JSON.stringify({ pages: ['pages/index/index', 'pages/market/index'] });
const react = (home: string, extra: Record<string, string> = {}) => ({
  'src/app.config.ts': "export default { pages: ['pages/index/index', 'pages/market/index'] };\n",
  'src/pages/index/index.tsx': home,
  'src/pages/market/index.tsx': "import { View, Text } from '@binance/mp-components';\nexport default () => <View><Text>Market</Text></View>;\n",
  ...extra,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a home page with content', files: miniApp() },
    {
      name: 'a loading spinner on a page that is not the home page',
      files: miniApp({
        'app.json': twoPages,
        'pages/market/index.js': 'Page({});\n',
        'pages/market/index.bxml': '<view class="loading"><view class="spinner"></view><text>Loading...</text></view>\n',
      }),
    },
    {
      name: 'a home page that shows a spinner while its content loads',
      files: miniApp({
        'pages/index/index.bxml': `<view class="page">
  <view bn:if="{{loading}}" class="loading-state"><view class="spinner"/><text>Loading...</text></view>
  <view bn:else class="tiers">
    <view bn:for="{{tiers}}" bn:key="id" class="tier">{{item.label}}: {{item.price}} gwei</view>
  </view>
</view>
`,
        'pages/index/index.js': "Page({ data: { loading: true, tiers: [] }, onLoad() { this.setData({ loading: false }); } });\n",
      }),
    },
    {
      name: 'a home page that sends only logged-out users to the login page',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/login/index'] }),
        'pages/login/index.bxml': '<view>Log in</view>',
        'pages/index/index.js': "Page({\n  onLoad() {\n    if (!bn.getStorageSync('token')) {\n      bn.redirectTo({ url: '/pages/login/index' });\n    }\n  }\n});\n",
      }),
    },
    {
      name: 'a redirect after an early return',
      files: miniApp({
        'app.json': twoPages,
        'pages/index/index.js': "Page({\n  onShow() {\n    const seen = bn.getStorageSync('onboarded');\n    if (seen) return;\n    bn.navigateTo({ url: '/pages/market/index' });\n  }\n});\n",
      }),
    },
    {
      name: 'a navigation on tap, not on load',
      files: miniApp({
        'app.json': twoPages,
        'pages/index/index.bxml': '<view class="page"><button bindtap="openMarket">Open market</button></view>\n',
        'pages/index/index.js': "Page({ openMarket() { bn.navigateTo({ url: '/pages/market/index' }); } });\n",
      }),
    },
    {
      name: 'a redirect only when login fails',
      files: miniApp({
        'app.json': twoPages,
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.login({\n      success: (res) => this.setData({ code: res.code }),\n      fail: () => bn.redirectTo({ url: '/pages/market/index' })\n    });\n  }\n});\n",
      }),
    },
    {
      name: 'a React home page with content and a loading state',
      files: react("import { useState } from 'react';\nimport { View, Text } from '@binance/mp-components';\nimport Loading from '../../components/Loading';\nexport default function Index() {\n  const [prices, setPrices] = useState(null);\n  if (!prices) return <Loading />;\n  return <View>{prices.map((p) => <Text key={p.id}>{p.label}</Text>)}</View>;\n}\n"),
    },
    {
      name: 'a React home page that navigates only when a condition holds',
      files: react("import { useEffect } from 'react';\nimport { navigateTo } from '@binance/mp-service';\nimport { View, Text } from '@binance/mp-components';\nexport default function Index({ first }) {\n  useEffect(() => { if (first) navigateTo({ url: '/pages/market/index' }); }, [first]);\n  return <View><Text>Portfolio</Text></View>;\n}\n"),
    },
  ],
  invalid: [
    {
      name: 'an empty home page template',
      files: miniApp({ 'pages/index/index.bxml': '<view class="container">\n  <view class="body"></view>\n</view>\n' }),
      errors: [{ messageId: 'emptyHome', file: 'pages/index/index.bxml', line: 1, column: 1, data: { page: 'pages/index/index', source: 'template' } }],
    },
    {
      name: 'a home page that is only a spinner and "加载中"',
      files: miniApp({ 'pages/index/index.bxml': '<view class="page">\n  <image class="spinner" src="/images/spinner.gif"/>\n  <text>加载中...</text>\n</view>\n' }),
      errors: [{ messageId: 'loadingShell', file: 'pages/index/index.bxml', line: 2, column: 3, data: { page: 'pages/index/index', indicator: '<image class="spinner">' } }],
    },
    {
      name: 'a splash home page that switches to another tab after a delay',
      files: miniApp({
        'app.json': twoPages,
        'pages/index/index.bxml': '<view class="splash"><image src="/images/logo.png"/><text>Moon Rewards</text></view>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    setTimeout(() => {\n      bn.switchTab({ url: '/pages/market/index' });\n    }, 1500);\n  }\n});\n",
      }),
      errors: [{ messageId: 'redirectShell', file: 'pages/index/index.js', line: 4, column: 7, data: { page: 'pages/index/index', target: '/pages/market/index', api: 'bn.switchTab', hook: 'onLoad' } }],
    },
    {
      name: 'a redirect reached through a page method',
      files: miniApp({
        'app.json': twoPages,
        'pages/index/index.js': "Page({\n  onShow() {\n    this.enter();\n  },\n  enter() {\n    bn.reLaunch({ url: '/pages/market/index?from=home' });\n  }\n});\n",
      }),
      errors: [{ messageId: 'redirectShell', file: 'pages/index/index.js', line: 6, column: 5, data: { page: 'pages/index/index', target: '/pages/market/index?from=home', api: 'bn.reLaunch', hook: 'onShow' } }],
    },
    {
      name: "the app's onLaunch relaunching away from the home page",
      files: miniApp({
        'app.json': twoPages,
        'app.js': "App({\n  onLaunch() {\n    bn.reLaunch({ url: '/pages/market/index' });\n  }\n});\n",
      }),
      errors: [{ messageId: 'redirectShell', file: 'app.js', line: 3, column: 5, data: { page: 'pages/index/index', target: '/pages/market/index', api: 'bn.reLaunch', hook: "the app's onLaunch" } }],
    },
    {
      name: 'a React home page that renders a loader and navigates away on mount',
      files: react("import { useEffect } from 'react';\nimport { navigateTo } from '@binance/mp-service';\nimport { Loading } from '../../components/Loading';\nexport default function Index() {\n  useEffect(() => {\n    navigateTo({ url: '/pages/market/index' });\n  }, []);\n  return <Loading />;\n}\n"),
      errors: [
        { messageId: 'redirectShell', file: 'src/pages/index/index.tsx', line: 6, column: 5, data: { page: 'pages/index/index', target: '/pages/market/index', api: 'bn.navigateTo', hook: 'useEffect()' } },
        { messageId: 'loadingShell', file: 'src/pages/index/index.tsx', line: 8, column: 10, data: { page: 'pages/index/index', indicator: '<Loading>' } },
      ],
    },
    {
      name: 'a React home page that renders an empty view',
      files: react("import { View } from '@binance/mp-components';\nexport default function Index() {\n  return <View className=\"home\"></View>;\n}\n"),
      errors: [{ messageId: 'emptyHome', file: 'src/pages/index/index.tsx', line: 3, column: 10, data: { page: 'pages/index/index', source: 'JSX' } }],
    },
  ],
});
