import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** An app with a reusable web-view page at pages/webview/index. */
const withWebViewPage = (files: Record<string, string>) => miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/webview/index'] }),
  'pages/webview/index.bxml': '<web-view src="{{url}}"></web-view>\n',
  'pages/webview/index.js': "Page({\n  data: { url: '' },\n  onLoad(options) {\n    this.setData({ url: decodeURIComponent(options.url) });\n  }\n});\n",
  ...files,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'an app without web-views', files: miniApp() },
    {
      name: 'a web-view with a constant src',
      files: miniApp({ 'pages/index/index.bxml': '<view>Docs</view>\n<web-view src="https://docs.example.com/about"></web-view>\n' }),
    },
    {
      name: 'a bound src set from a constant imported from the config module',
      files: miniApp({
        'utils/config.js': "export const HELP_URL = 'https://help.example.com/faq';\n",
        'pages/index/index.bxml': '<web-view src="{{helpUrl}}"/>\n',
        'pages/index/index.js': "import { HELP_URL } from '../../utils/config';\nPage({ data: { helpUrl: HELP_URL } });\n",
      }),
    },
    {
      name: 'a reusable web-view page that every navigation opens with a constant URL',
      files: withWebViewPage({
        'pages/index/index.bxml': '<view bindtap="openTerms">Terms</view>\n<navigator url="/pages/webview/index?url=https%3A%2F%2Fexample.com%2Fprivacy">Privacy</navigator>\n',
        'pages/index/index.js': "const TERMS = 'https://example.com/terms';\nPage({\n  openTerms() {\n    bn.navigateTo({ url: '/pages/webview/index?url=' + encodeURIComponent(TERMS) });\n  }\n});\n",
      }),
    },
    {
      name: 'a src whose origin is written in the template',
      files: miniApp({ 'pages/index/index.bxml': '<web-view src="https://h5.example.com/article?id={{id}}"/>\n' }),
    },
    {
      name: 'a src built on a constant origin with a route parameter after it',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{url}}"/>\n',
        'pages/index/index.js': "Page({ onLoad(options) { this.setData({ url: 'https://h5.example.com/articles/' + options.id }); } });\n",
      }),
    },
    {
      name: 'a React WebView with a constant src',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { WebView } from '@binance/mp-components';\nconst DOCS = 'https://docs.example.com';\nexport default () => <WebView src={DOCS} />;\n",
      },
    },
  ],
  invalid: [
    {
      name: 'a src set from a request response',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <web-view src="{{link}}"></web-view>\n</view>\n',
        'pages/index/index.js': "Page({\n  data: { link: '' },\n  onLoad() {\n    bn.request({\n      url: 'https://api.example.com/v1/entry',\n      success: (res) => {\n        this.setData({ link: res.data.link });\n      }\n    });\n  }\n});\n",
      }),
      errors: [{ messageId: 'runtimeSrc', file: 'pages/index/index.bxml', line: 2, column: 13, confidence: 'medium', data: { src: '{{link}}', source: 'a network response (res.data.link in pages/index/index.js:7)' } }],
    },
    {
      name: 'a route parameter that no page of the bundle sets',
      files: withWebViewPage({}),
      errors: [{ messageId: 'runtimeSrc', file: 'pages/webview/index.bxml', line: 1, column: 11, confidence: 'medium', data: { src: '{{url}}', source: 'a route parameter (decodeURIComponent(options.url) in pages/webview/index.js:4) that no page of the bundle sets, so any link opening pages/webview/index decides it' } }],
    },
    {
      name: 'a route parameter that a page fills from a response',
      files: withWebViewPage({
        'utils/api.js': "export function getBanner() {\n  return new Promise((resolve) => bn.request({ url: 'https://api.example.com/banner', success: resolve }));\n}\n",
        'pages/index/index.js': "import { getBanner } from '../../utils/api';\nPage({\n  onShow() {\n    getBanner().then((res) => {\n      bn.navigateTo({ url: `/pages/webview/index?url=${encodeURIComponent(res.data.target)}` });\n    });\n  }\n});\n",
      }),
      errors: [{ messageId: 'runtimeSrc', file: 'pages/webview/index.bxml', line: 1, column: 11, message: 'that pages/index/index.js:5 fills from a network response (res.data.target in pages/index/index.js:5)' }],
    },
    {
      name: 'a src read from storage',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{entry}}"/>\n',
        'pages/index/index.js': "Page({ onLoad() { this.setData({ entry: bn.getStorageSync('entryUrl') }); } });\n",
      }),
      errors: [{ messageId: 'runtimeSrc', file: 'pages/index/index.bxml', line: 1, column: 11, confidence: 'medium', message: 'comes from local storage' }],
    },
    {
      name: 'a src that cannot be resolved, reported with low confidence',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{target}}"/>\n',
        'pages/index/index.js': "Page({\n  onLoad() { this.setData({ target: this.pick(this.data.routes) }); },\n  pick(list) { return list[Math.floor(Math.random() * list.length)]; }\n});\n",
      }),
      errors: [{ messageId: 'runtimeSrc', file: 'pages/index/index.bxml', line: 1, column: 11, confidence: 'low' }],
    },
    {
      name: 'a web-view on an HTML5 game portal',
      files: miniApp({ 'pages/index/index.bxml': '<view>Play</view>\n<web-view src="https://html5.gamedistribution.com/2f6e1a/"></web-view>\n' }),
      errors: [{ messageId: 'gameSrc', file: 'pages/index/index.bxml', line: 2, column: 11, data: { url: 'https://html5.gamedistribution.com/2f6e1a/', why: 'gamedistribution.com is a HTML5 game distribution network' } }],
    },
    {
      name: 'a constant URL whose path says it is a game',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="{{gameUrl}}"/>\n',
        'pages/index/index.js': "const CDN = 'https://cdn.example.com';\nPage({ data: { gameUrl: `${CDN}/h5game/2048/index.html` } });\n",
      }),
      errors: [{ messageId: 'gameSrc', file: 'pages/index/index.bxml', line: 1, column: 11, data: { url: 'https://cdn.example.com/h5game/2048/index.html', why: '"h5game" in the URL: game URL word' } }],
    },
    {
      name: 'a React WebView whose src state is set from a request',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { useEffect, useState } from 'react';\nimport { request } from '@binance/mp-service';\nimport { WebView } from '@binance/mp-components';\nexport default function Index() {\n  const [url, setUrl] = useState('');\n  useEffect(() => {\n    request({ url: 'https://api.example.com/config' }).then((res) => setUrl(res.data.h5));\n  }, []);\n  return <WebView src={url} />;\n}\n",
      },
      errors: [{ messageId: 'runtimeSrc', file: 'src/pages/index/index.tsx', line: 9, column: 19, confidence: 'medium', message: 'a network response (res.data.h5' }],
    },
  ],
});
