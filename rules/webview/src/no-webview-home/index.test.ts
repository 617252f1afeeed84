import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'a native home page', files: miniApp() },
    {
      name: 'a web-view on a page other than the home page',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/about/index'] }),
        'pages/about/index.js': 'Page({});',
        'pages/about/index.bxml': '<web-view src="https://docs.example.com/about"/>',
      }),
    },
    {
      name: 'a home page with native content beside an inline web-view',
      files: miniApp({ 'pages/index/index.bxml': '<view><text>Latest gas prices</text><web-view src="https://h5.example.com"/></view>' }),
    },
    {
      name: 'a React home page with native components',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': "import { View, Text } from '@binance/mp-components';\nexport default () => <View><Text>Hi</Text></View>;",
      },
    },
  ],
  invalid: [
    {
      name: 'the home page template is only a web-view',
      files: miniApp({ 'pages/index/index.bxml': '<view class="wrap">\n  <web-view src="https://h5.example.com/app"></web-view>\n</view>\n' }),
      errors: [{ messageId: 'homeIsWebview', file: 'pages/index/index.bxml', line: 2, column: 3, data: { page: 'pages/index/index', src: 'https://h5.example.com/app' } }],
    },
    {
      name: 'entryPagePath names a web-view page that is not pages[0]',
      files: miniApp({
        'app.json': JSON.stringify({ entryPagePath: 'pages/h5/index', pages: ['pages/index/index', 'pages/h5/index'] }),
        'pages/h5/index.js': 'Page({});',
        'pages/h5/index.bxml': '<web-view src="{{url}}"/>',
      }),
      errors: [{ messageId: 'homeIsWebview', file: 'pages/h5/index.bxml', line: 1, column: 1 }],
    },
    {
      name: 'a React home page that renders only a WebView',
      files: {
        'src/app.config.ts': "const home = 'pages/index/index';\nexport default { entryPagePath: home, pages: [home] };",
        'src/pages/index/index.tsx': "import { View, WebView } from '@binance/mp-components';\nexport default function Index() {\n  return <View><WebView src=\"https://h5.example.com\" /></View>;\n}\n",
      },
      errors: [{ messageId: 'homeIsWebview', file: 'src/pages/index/index.tsx', line: 3, column: 16, data: { page: 'pages/index/index', src: 'https://h5.example.com' } }],
    },
  ],
});
