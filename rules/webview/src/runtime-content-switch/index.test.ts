import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const withH5Page = (files: Record<string, string>) => miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/h5/index', 'pages/casino/index'] }),
  'pages/h5/index.bxml': '<web-view src="https://h5.example.com/app"></web-view>\n',
  'pages/h5/index.js': 'Page({});\n',
  'pages/casino/index.bxml': '<view>Lucky spin</view>\n',
  'pages/casino/index.js': 'Page({});\n',
  ...files,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'an app without flags', files: miniApp() },
    {
      name: 'a web-view shown by a value the page computes itself, not one fetched',
      files: miniApp({
        'pages/index/index.bxml': '<web-view bn:if="{{ visible }}" src="https://h5.example.com/help"></web-view>\n',
        'pages/index/index.js': "Page({\n  onLoad(query) {\n    const visible = Date.now() > 0;\n    this.setData({ visible });\n  },\n});\n",
      }),
    },
    {
      name: 'a feature flag from the server that toggles a banner (no web-view)',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view bn:if="{{showBanner}}" class="banner">New: flexible staking</view>\n  <text>Gas prices</text>\n</view>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.request({\n      url: 'https://api.example.com/flags',\n      success: (res) => {\n        if (res.data.showBanner) this.setData({ showBanner: true });\n      }\n    });\n  }\n});\n",
      }),
    },
    {
      name: 'the environment choosing the API server',
      files: miniApp({
        'utils/api.js': "const { envVersion } = bn.getAccountInfoSync().miniProgram;\nconst BASE = envVersion === 'release' ? 'https://api.example.com' : 'https://dev-api.example.com';\nexport const fetchTiers = () => bn.request({ url: BASE + '/v1/tiers' });\n",
      }),
    },
    {
      name: 'a debug panel shown in the development version',
      files: miniApp({
        'pages/index/index.bxml': '<view>Home</view>\n<view bn:if="{{showDebug}}" class="debug">{{logs}}</view>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    const info = bn.getAccountInfoSync();\n    if (info.miniProgram.envVersion === 'develop') this.setData({ showDebug: true });\n  }\n});\n",
      }),
    },
    {
      name: 'product reviews from the server (a list, not a review flag)',
      files: miniApp({
        'pages/index/index.bxml': '<view bn:if="{{reviews.length}}" class="reviews"><view bn:for="{{reviews}}">{{item.text}}</view></view>\n',
        'pages/index/index.js': "Page({ onLoad() { bn.request({ url: 'https://api.example.com/reviews', success: (res) => { if (res.data.reviews) this.setData({ reviews: res.data.reviews }); } }); } });\n",
      }),
    },
    {
      name: 'a navigation to a native page on a generic flag',
      files: withH5Page({
        'pages/index/index.js': "Page({ onShow() { bn.request({ url: 'https://api.example.com/cfg', success: (res) => { if (res.data.showCasino) bn.navigateTo({ url: '/pages/casino/index' }); } }); } });\n",
      }),
    },
  ],
  invalid: [
    {
      name: 'a web-view switched on by a data flag of any name from remote config fetched in a helper of another file',
      files: miniApp({
        'utils/config.js': "export function fetchConfig() {\n  return new Promise((resolve) => bn.request({ url: 'https://api.example.com/remote-config', success: (res) => resolve(res.data) }));\n}\n",
        'pages/index/index.bxml': '<view bn:if="{{ !visible }}">Gas prices</view>\n<web-view bn:if="{{ visible }}" src="https://h5.example.com/promo"></web-view>\n',
        'pages/index/index.js': "import { fetchConfig } from '../../utils/config';\nPage({\n  data: { visible: false },\n  async onLoad() {\n    const cfg = await fetchConfig();\n    this.setData({ visible: cfg.v });\n  },\n});\n",
      }),
      errors: [{ messageId: 'flagSwitchesWebView', file: 'pages/index/index.js', line: 6, message: 'cfg.v' }],
    },
    {
      name: 'a whole response copied into page data decides whether the web-view shows',
      files: miniApp({
        'pages/index/index.bxml': '<view bn:if="{{ !showWeb }}">Gas prices</view>\n<web-view bn:if="{{ showWeb }}" src="{{ url }}"></web-view>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.request({ url: 'https://api.example.com/cfg', success: (res) => { this.setData(res.data); } });\n  },\n});\n",
      }),
      errors: [{ messageId: 'flagSwitchesWebView', file: 'pages/index/index.js', line: 3, message: 'res.data' }],
    },
    {
      name: 'an audit flag from the server choosing the web-view URL',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{url}}"></web-view>\n',
        'pages/index/index.js': "const SAFE = 'https://h5.example.com/calculator';\nPage({\n  onLoad() {\n    bn.request({\n      url: 'https://api.example.com/v1/config',\n      success: (res) => {\n        if (res.data.isAudit) this.setData({ url: SAFE });\n        else this.setData({ url: res.data.realUrl });\n      }\n    });\n  }\n});\n",
      }),
      errors: [{ messageId: 'flagHidesContent', file: 'pages/index/index.js', line: 7, column: 13, confidence: 'medium', data: { flag: 'res.data.isAudit', source: 'a network response', effect: 'which page the web-view opens (src reads "url", pages/index/index.bxml:1)' } }],
    },
    {
      name: 'a generic switch from the server redirecting to a web-view page',
      files: withH5Page({
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.request({ url: 'https://api.example.com/cfg' }).then((res) => {\n      if (res.data.switch) bn.redirectTo({ url: '/pages/h5/index' });\n    });\n  }\n});\n",
      }),
      errors: [{ messageId: 'flagSwitchesWebView', file: 'pages/index/index.js', line: 4, column: 11, confidence: 'medium', data: { flag: 'res.data.switch', source: 'a network response', effect: 'a navigation to the web-view page pages/h5/index' } }],
    },
    {
      name: 'an in-review flag copied into page data that hides template content',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view bn:if="{{!inReview}}" class="games">Lucky spin</view>\n  <view>Calculator</view>\n</view>\n',
        'pages/index/index.js': "Page({\n  data: { inReview: true },\n  async onLoad() {\n    const res = await bn.request({ url: 'https://api.example.com/status' });\n    this.setData({ inReview: res.data.inReview });\n  }\n});\n",
      }),
      errors: [{ messageId: 'flagHidesContent', file: 'pages/index/index.js', line: 5, column: 30, data: { flag: 'res.data.inReview', source: 'a network response', effect: 'what the page shows (bn:if="{{!inReview}}" in pages/index/index.bxml:2)' } }],
    },
    {
      name: 'the trial (review) version detected to swap the web-view URL',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{url}}"/>\n',
        'pages/index/index.js': "const { envVersion } = bn.getAccountInfoSync().miniProgram;\nPage({\n  onLoad() {\n    this.setData({ url: envVersion === 'release' ? 'https://real.example.com' : 'https://demo.example.com' });\n  }\n});\n",
      }),
      errors: [{ messageId: 'reviewEnvSwitch', file: 'pages/index/index.js', line: 4, column: 25, confidence: 'medium', data: { flag: "envVersion === 'release'", source: 'the environment version', effect: 'which page the web-view opens (src reads "url", pages/index/index.bxml:1)' } }],
    },
    {
      name: 'an audit flag kept in storage gating a navigation',
      files: withH5Page({
        'pages/index/index.js': "Page({\n  onShow() {\n    if (bn.getStorageSync('isAudit')) return;\n    bn.navigateTo({ url: '/pages/casino/index' });\n  }\n});\n",
      }),
      errors: [{ messageId: 'flagHidesContent', file: 'pages/index/index.js', line: 3, column: 9, data: { flag: "bn.getStorageSync('isAudit')", source: 'local storage', effect: 'a navigation to pages/casino/index' } }],
    },
    {
      name: 'a React page that renders a WebView when the server says showReal',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { useEffect, useState } from 'react';\nimport { request } from '@binance/mp-service';\nimport { View, WebView } from '@binance/mp-components';\nexport default function Index() {\n  const [showReal, setShowReal] = useState(false);\n  useEffect(() => {\n    request({ url: 'https://api.example.com/cfg' }).then((res) => setShowReal(res.data.showReal));\n  }, []);\n  return showReal ? <WebView src=\"https://real.example.com\" /> : <View>Calculator</View>;\n}\n",
      },
      errors: [{ messageId: 'flagSwitchesWebView', file: 'src/pages/index/index.tsx', line: 9, column: 10, confidence: 'medium', data: { flag: 'showReal', source: 'a network response', effect: 'whether a <WebView> is rendered (src/pages/index/index.tsx)' } }],
    },
  ],
});
