import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const page = (template: string, script: string, files: Record<string, string> = {}) =>
  miniApp({ 'pages/index/index.bxml': template, 'pages/index/index.js': script, ...files });

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a search field that filters a local list',
      files: page(
        '<input type="search" placeholder="Filter coins" bindinput="onFilter"/>\n<view bn:for="{{shown}}">{{item}}</view>',
        "Page({\n  data: { coins: ['BNB', 'BTC'], shown: [] },\n  onFilter(e) {\n    const q = e.detail.value.toLowerCase();\n    this.setData({ shown: this.data.coins.filter((c) => c.toLowerCase().includes(q)) });\n  },\n});\n",
      ),
    },
    {
      name: 'an ordinary input that sends its value is not a search',
      files: page('<input placeholder="Amount" bindconfirm="onAmount"/>', "Page({ onAmount(e) { bn.request({ url: 'https://api.example.com/quote', data: { amount: e.detail.value } }); } });\n"),
    },
    {
      name: 'a search field without a handler',
      files: page('<input confirm-type="search" value="{{q}}"/>', 'Page({ data: { q: "" } });\n'),
    },
  ],
  invalid: [
    {
      name: 'confirm-type="search" whose confirm handler queries the server',
      files: page(
        '<view class="bar">\n  <input confirm-type="search" placeholder="Token name" bindconfirm="onSearch"/>\n</view>\n',
        "const API = 'https://api.example.com';\nPage({\n  onSearch(e) {\n    bn.request({ url: `${API}/search`, data: { q: e.detail.value } });\n  },\n});\n",
      ),
      errors: [{
        messageId: 'searchFeature', file: 'pages/index/index.bxml', line: 2, column: 3,
        data: { how: 'confirm-type="search"', handler: 'onSearch', api: 'request', target: 'https://api.example.com' },
      }],
    },
    {
      name: 'a 搜索 placeholder whose input handler calls a method, then a helper in another file',
      files: page(
        '<input placeholder="搜索代币" bindinput="onInput"/>',
        "import { searchTokens } from '../../api/search';\nPage({\n  onInput(e) { this.runSearch(e.detail.value); },\n  runSearch(q) { searchTokens(q).then((list) => this.setData({ list })); },\n});\n",
        { 'api/search.js': "export function searchTokens(q) {\n  return bn.request({ url: 'https://api.example.com/tokens?q=' + encodeURIComponent(q) });\n}\n" },
      ),
      errors: [{ messageId: 'searchFeature', file: 'pages/index/index.bxml', line: 1, column: 1, message: 'placeholder "搜索代币"' }],
    },
    {
      name: 'a React SearchBar-like Input with an inline handler',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': [
          "import { request } from '@binance/mp-service';",
          "import { Input, View } from '@binance/mp-components';",
          'export default function Index() {',
          '  return (',
          '    <View>',
          "      <Input type=\"search\" onConfirm={(e) => request({ url: 'https://api.example.com/find', data: { q: e.detail.value } })} />",
          '    </View>',
          '  );',
          '}',
        ].join('\n'),
      },
      errors: [{ messageId: 'searchFeature', file: 'src/pages/index/index.tsx', line: 6, column: 7, data: { how: 'type="search"', handler: 'onConfirm', api: 'request', target: 'https://api.example.com' } }],
    },
  ],
});
