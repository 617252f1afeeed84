import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle } from '@bmplint/core';
import { RuleTester, miniApp as coreMiniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const appJson = (extra: Record<string, unknown>) => JSON.stringify({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'Gas Watch' }, ...extra }, null, 2);
/** The harness's minimal app is titled "Demo", which this rule reports: start from a finished title. */
const miniApp = (files: Files = {}) => coreMiniApp({ 'app.json': appJson({}), ...files });

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'names and titles with words that contain "test" or are a test product',
      files: miniApp({
        'listing.json': JSON.stringify({ name: 'Latest Contest', testAccount: { id: 'reviewer@gaswatch.example', password: 'x' } }),
        'app.json': appJson({ window: { navigationBarTitleText: 'Speed Test' } }),
        'pages/index/index.json': '{ "navigationBarTitleText": "BNB Testnet Faucet" }',
      }),
    },
    {
      name: 'Chinese titles about a test as the product, and the testnet',
      files: miniApp({ 'listing.json': JSON.stringify({ name: '性格测试' }), 'pages/index/index.json': '{ "navigationBarTitleText": "测试网水龙头" }' }),
    },
    {
      name: 'production origins, public IPs, testnet and developer hosts, and devtool.debug false',
      files: miniApp({
        'app.json': appJson({ devtool: { debug: false, domainWhitelist: ['https://api.gaswatch.example'] } }),
        'pages/index/index.js': [
          "const API = 'https://api.gaswatch.example';",
          "const RPC = 'https://data-seed-prebsc-1-s1.binance.org:8545';",
          "const EXPLORER = 'https://testnet.bscscan.com';",
          "const DOCS = 'https://developer.gaswatch.example/latest';",
          "const EDGE = 'https://203.0.113.7:8443/v1';",
          'bn.request({ url: `${API}/v1/gas` });',
          "bn.request({ url: EDGE + '/leaderboard' });",
        ].join('\n'),
      }),
    },
    {
      name: 'the WeChat top-level "debug": true, which Binance ignores (availability/unsupported-config-key reports it)',
      files: miniApp({ 'app.json': appJson({ debug: true }) }),
    },
    {
      name: 'titles whose test word only appears across a word break, or inside another word',
      files: miniApp({
        'app.json': appJson({ window: { navigationBarTitleText: 'Testimonials & Attestation' } }),
        'pages/index/index.json': '{ "navigationBarTitleText": "实时鞋部检测-试鞋案例" }',
        'listing.json': JSON.stringify({ name: '新冠检测试剂' }),
      }),
    },
    {
      name: 'test URLs only in development-only branches',
      files: miniApp({
        'pages/index/index.js': [
          "const base = App.systemInfo.platform === 'devtools' ? 'http://localhost:5757' : 'https://api.gaswatch.example';",
          "if (process.env.NODE_ENV !== 'production') { bn.request({ url: 'http://localhost:3000/mock' }); }",
          "const api = __DEV__ ? 'http://192.168.1.20:3000' : 'https://api.gaswatch.example';",
          "const { envVersion } = bn.getAccountInfoSync().miniProgram;",
          "const host = envVersion === 'develop' ? 'https://dev.gaswatch.example' : 'https://api.gaswatch.example';",
          "const root = process.env.NODE_ENV === 'production' ? 'https://api.gaswatch.example' : 'http://localhost:8080';",
          "isDev && bn.request({ url: 'http://localhost:3000/debug' });",
          "let server; switch (envVersion) { case 'develop': server = 'http://192.168.1.2:8080'; break; case 'trial': server = 'https://staging.gaswatch.example'; break; default: server = 'https://api.gaswatch.example'; }",
          'bn.request({ url: base + api + host + root });',
        ].join('\n'),
      }),
    },
    {
      name: "an SDK's table of environments whose production entry is what ships",
      files: miniApp({
        'utils/sdk.js': [
          "const SERVERS = { dev: 'http://localhost', test: 'https://test.api.gaswatch.example', prod: 'https://api.gaswatch.example' };",
          "const LAYERS = { PRODUCTION: { COMMON: 'https://im.gaswatch.example' }, SANDBOX: { COMMON: 'https://sandbox.im.gaswatch.example' }, TEST: { COMMON: 'https://test.im.gaswatch.example' } };",
          'module.exports = { SERVERS, LAYERS };',
        ].join('\n'),
      }),
    },
    {
      name: 'hosts with words that only look like test markers',
      files: miniApp({ 'pages/index/index.js': "bn.request({ url: 'https://latest.gaswatch.example/v1' });\nbn.request({ url: 'https://contest.gaswatch.example/v1' });\nbn.request({ url: 'https://attestation.gaswatch.example/v1' });" }),
    },
    {
      name: 'mock modules that nothing in the app imports, mock words inside other words, and vendor code',
      files: miniApp({
        'mock/blocks.js': "module.exports = require('mockjs').mock({ 'list|10': [{}] });",
        'utils/mockup-frame.js': 'module.exports = {};',
        'pages/index/index.js': "const frame = require('../../utils/mockup-frame');\nconst testAccount = { id: 'x' };\nPage({ data: { frame, testAccount } });",
        'miniprogram_npm/sdk/index.js': "const DEV = 'http://localhost:8080';\nmodule.exports = { DEV };",
        'utils/api.test.js': "const BASE = 'http://localhost:3000';",
      }),
    },
  ],
  invalid: [
    {
      name: 'test, demo and debug in the listing name and titles',
      files: miniApp({
        'listing.json': '{\n  "name": "Gas Watch Test"\n}\n',
        'app.json': appJson({ window: { navigationBarTitleText: 'Demo' } }),
        'pages/index/index.json': '{ "navigationBarTitleText": "调试页面" }',
      }),
      errors: [
        { messageId: 'testName', file: 'app.json', line: 6, column: 32, data: { where: 'The app\'s navigation bar title', text: 'Demo', kind: 'demo' } },
        { messageId: 'testName', file: 'listing.json', line: 2, column: 22, data: { where: 'The listing name', text: 'Gas Watch Test', kind: 'test' } },
        { messageId: 'testName', file: 'pages/index/index.json', line: 1, column: 30, data: { where: 'The navigation bar title of pages/index/index', text: '调试页面', kind: 'debug' } },
      ],
    },
    {
      name: 'a React page config title and a listing name in Chinese',
      files: {
        'listing.json': JSON.stringify({ name: '链上工具内测版' }),
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.config.ts': "export default { navigationBarTitleText: 'Debug panel' };",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;",
      },
      errors: [
        { messageId: 'testName', file: 'listing.json', line: 1, column: 14, data: { where: 'The listing name', text: '链上工具内测版', kind: 'test' } },
        { messageId: 'testName', file: 'src/pages/index/index.config.ts', line: 1, column: 43, data: { where: 'The navigation bar title of pages/index/index', text: 'Debug panel', kind: 'debug' } },
      ],
    },
    {
      name: 'local, private and staging origins in network calls (resolved through constants) and a web-view',
      files: miniApp({
        'utils/config.js': "export const API_BASE = 'http://192.168.1.20:3000';",
        'pages/index/index.js': [
          "import { API_BASE } from '../../utils/config';",
          "const STAGING = 'https://api-staging.gaswatch.example';",
          'Page({',
          '  onLoad() {',
          '    bn.request({ url: `${API_BASE}/v1/gas` });',
          "    bn.request({ url: STAGING + '/v1/blocks' });",
          "    bn.connectSocket({ url: 'ws://localhost:8080/stream' });",
          '  },',
          '});',
        ].join('\n'),
        'pages/index/index.bxml': '<web-view src="https://h5.uat.gaswatch.example/app?x=1"/>',
      }),
      errors: [
        { messageId: 'testOrigin', file: 'pages/index/index.bxml', line: 1, column: 11, data: { where: 'The src attribute of <web-view>', origin: 'https://h5.uat.gaswatch.example', reason: 'a uat environment host' } },
        { messageId: 'testOrigin', file: 'pages/index/index.js', line: 2, column: 17, data: { where: 'The string', origin: 'https://api-staging.gaswatch.example', reason: 'a staging environment host' } },
        { messageId: 'testOrigin', file: 'pages/index/index.js', line: 7, column: 29, data: { where: 'The string', origin: 'ws://localhost:8080', reason: 'localhost' } },
        { messageId: 'testOrigin', file: 'utils/config.js', line: 1, column: 25, data: { where: 'The string', origin: 'http://192.168.1.20:3000', reason: 'a private IP address' } },
      ],
    },
    {
      name: 'a test URL that no API is seen to use is reported with medium confidence',
      files: miniApp({ 'pages/index/index.js': "const OLD_API = 'http://localhost:3000';\nconst API = 'https://api.gaswatch.example';\nbn.request({ url: API + '/v1' });" }),
      errors: [{ messageId: 'testOrigin', line: 1, column: 17, confidence: 'medium', data: { where: 'The string', origin: 'http://localhost:3000', reason: 'localhost' } }],
    },
    {
      name: 'the entry of an environment table that a request is seen to use',
      files: miniApp({ 'pages/index/index.js': "const ENV = {\n  dev: 'http://localhost:3000',\n  prod: 'https://api.gaswatch.example',\n};\nbn.request({ url: ENV.dev + '/v1' });" }),
      errors: [{ messageId: 'testOrigin', line: 2, column: 8, data: { where: 'The string', origin: 'http://localhost:3000', reason: 'localhost' } }],
    },
    {
      name: 'a localhost root in an exported config object, used by a request in another module, is certain',
      files: miniApp({
        'config.js': "var WxApiRoot = 'http://localhost:8080/wx/';\nmodule.exports = {\n  IndexUrl: WxApiRoot + 'home/index',\n};",
        'utils/request.js': "const { root } = require('./settings');\nmodule.exports = (path) => bn.request({ url: `${root}${path}` });",
        'utils/settings.js': "module.exports = { root: 'http://192.168.1.3:3000' };",
        'pages/index/index.js': "const api = require('../../config.js');\nPage({ onLoad() { bn.request({ url: api.IndexUrl }); } });",
      }),
      errors: [
        { messageId: 'testOrigin', file: 'config.js', line: 1, column: 17, data: { where: 'The string', origin: 'http://localhost:8080', reason: 'localhost' } },
        { messageId: 'testOrigin', file: 'utils/settings.js', line: 1, column: 26, data: { where: 'The string', origin: 'http://192.168.1.3:3000', reason: 'a private IP address' } },
      ],
    },
    {
      name: '.test hosts, dev ports and a dev. host',
      files: miniApp({
        'pages/index/index.js': "const A = 'https://api.gaswatch.test/v1';\nconst B = `https://api.gaswatch.example:8080/${path}`;\nconst C = 'https://dev.gaswatch.example';\nbn.request({ url: A });\nbn.request({ url: B });\nbn.downloadFile({ url: C + '/f' });",
      }),
      errors: [
        { messageId: 'testOrigin', line: 1, column: 11, data: { where: 'The string', origin: 'https://api.gaswatch.test', reason: 'a .test host, which is not on the public internet' } },
        { messageId: 'testOrigin', line: 2, column: 11, data: { where: 'The template literal', origin: 'https://api.gaswatch.example:8080', reason: 'a development server port (:8080)' } },
        { messageId: 'testOrigin', line: 3, column: 11, data: { where: 'The string', origin: 'https://dev.gaswatch.example', reason: 'a dev environment host' } },
      ],
    },
    {
      name: 'a test word in the title of a page the app opens (home, tab, linked, listed in a menu) is an error; of a page nothing opens (also one linked only from such a page), a warning',
      files: miniApp({
        'app.json': JSON.stringify({
          pages: ['pages/index/index', 'pages/tab/index', 'pages/linked/index', 'pages/nav/index', 'pages/canvas/glsl/glsl', 'pages/lonely/index', 'pages/lonely/more', 'pages/unused/index', 'pages/self/index'],
          tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home' }, { pagePath: 'pages/tab/index', text: 'Tab' }] },
        }),
        'pages/index/index.json': '{ "navigationBarTitleText": "Home demo" }',
        'pages/tab/index.json': '{ "navigationBarTitleText": "Tab demo" }',
        'pages/linked/index.json': '{ "navigationBarTitleText": "Linked demo" }',
        'pages/nav/index.json': '{ "navigationBarTitleText": "Nav demo" }',
        'pages/canvas/glsl/glsl.json': '{ "navigationBarTitleText": "GLSL demo" }',
        'pages/lonely/index.json': '{ "navigationBarTitleText": "Lonely demo" }',
        // Linked only from a page nothing opens, and named only by a module nothing loads.
        'pages/lonely/index.bxml': '<navigator url="/pages/lonely/more">More</navigator>',
        'pages/lonely/more.json': '{ "navigationBarTitleText": "More demo" }',
        'utils/unused.js': "module.exports = () => bn.navigateTo({ url: '/pages/unused/index' });",
        'pages/unused/index.json': '{ "navigationBarTitleText": "Unused demo" }',
        'pages/self/index.json': '{ "navigationBarTitleText": "Self demo" }',
        // A <navigator>, a bn.navigateTo in a helper of another folder, and a menu that builds the URL from a folder name.
        'pages/index/index.bxml': '<navigator url="/pages/linked/index?from=home">More</navigator>\n<navigator url="/pages/canvas/{{item}}/{{item}}">{{item}}</navigator>',
        'pages/index/index.js': "const go = require('../../utils/go');\nPage({ data: { item: '' }, menu: ['glsl'], go });",
        'utils/go.js': "module.exports = () => bn.navigateTo({ url: '../nav/index' });",
        // Naming itself does not open a page.
        'pages/self/index.js': "Page({ again() { bn.redirectTo({ url: '/pages/self/index' }); } });",
      }),
      errors: [
        { messageId: 'testName', file: 'pages/canvas/glsl/glsl.json', severity: 'error', data: { where: 'The navigation bar title of pages/canvas/glsl/glsl', text: 'GLSL demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/index/index.json', severity: 'error', data: { where: 'The navigation bar title of pages/index/index', text: 'Home demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/linked/index.json', severity: 'error', data: { where: 'The navigation bar title of pages/linked/index', text: 'Linked demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/lonely/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/lonely/index', text: 'Lonely demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/lonely/more.json', severity: 'warning', data: { where: 'The navigation bar title of pages/lonely/more', text: 'More demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/nav/index.json', severity: 'error', data: { where: 'The navigation bar title of pages/nav/index', text: 'Nav demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/self/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/self/index', text: 'Self demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/tab/index.json', severity: 'error', data: { where: 'The navigation bar title of pages/tab/index', text: 'Tab demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/unused/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/unused/index', text: 'Unused demo', kind: 'demo' } },
      ],
    },
    {
      name: 'what does not open a page: a bare "index", a lone folder name of a page not laid out as name/name, a unit test, vendor code, a URL in a comment',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/pricing/day', 'pages/demo/index'] }),
        'pages/pricing/day.json': '{ "navigationBarTitleText": "按天定价演示" }',
        'pages/demo/index.json': '{ "navigationBarTitleText": "Demo" }',
        'pages/index/index.js': "// bn.navigateTo({ url: '/pages/demo/index' })\nconst UNIT = 'day';\nconst TAB = 'index';\nPage({ data: { UNIT, TAB } });",
        'pages/index/index.bxml': '<view data-unit="day">Today</view>',
        'utils/nav.test.js': "test('opens', () => bn.navigateTo({ url: '/pages/demo/index' }));",
        'miniprogram_npm/router/index.js': "module.exports = { home: '/pages/pricing/day' };",
      }),
      errors: [
        { messageId: 'testName', file: 'pages/demo/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/demo/index', text: 'Demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/pricing/day.json', severity: 'warning', data: { where: 'The navigation bar title of pages/pricing/day', text: '按天定价演示', kind: 'demo' } },
      ],
    },
    {
      name: "the app's title stays an error whatever opens its pages",
      files: miniApp({ 'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/other/index'], window: { navigationBarTitleText: '演示' } }) }),
      errors: [{ messageId: 'testName', file: 'app.json', severity: 'error', data: { where: 'The app\'s navigation bar title', text: '演示', kind: 'demo' } }],
    },
    {
      name: 'debug mode in the app config',
      files: miniApp({ 'app.json': appJson({ devtool: { debug: true } }) }),
      errors: [
        { messageId: 'debugConfig', file: 'app.json', line: 9, column: 5, data: { key: 'devtool.debug' } },
      ],
    },
    {
      name: 'mock data modules in use and Mock.mock calls',
      files: miniApp({
        'mock/blocks.js': 'module.exports = { blocks: [] };',
        'utils/data.mock.js': 'module.exports = {};',
        'pages/index/index.js': [
          "const { blocks } = require('../../mock/blocks');",
          "import fake from '../../utils/data.mock.js';",
          "import Mock from 'mockjs';",
          "Mock.mock('https://api.gaswatch.example/v1/gas', { tiers: [] });",
          'Page({ data: { blocks, fake } });',
        ].join('\n'),
        'pages/index/other.js': "Mock.mock(/\\/v1\\/blocks/, { list: [] });",
      }),
      errors: [
        { messageId: 'mockModule', file: 'pages/index/index.js', line: 1, column: 28, data: { what: 'The require', specifier: '../../mock/blocks' } },
        { messageId: 'mockModule', file: 'pages/index/index.js', line: 2, column: 18, data: { what: 'The import', specifier: '../../utils/data.mock.js' } },
        { messageId: 'mockModule', file: 'pages/index/index.js', line: 3, column: 18, data: { what: 'The import', specifier: 'mockjs' } },
        { messageId: 'mockCall', file: 'pages/index/other.js', line: 1, column: 1, data: { call: 'Mock.mock(…)' } },
      ],
    },
  ],
});

describe('availability/no-test-build grouping', () => {
  it('makes one test host written in several strings one problem', async () => {
    const files = miniApp({
      'pages/index/index.js': "bn.request({ url: 'https://test.gaswatch.example/a' });\nbn.request({ url: 'https://test.gaswatch.example/b' });\nbn.request({ url: 'http://localhost:3000/c' });\n",
    });
    const { findings } = await lint(openMemoryBundle(files as Record<string, string>), { rules: [rule] });
    expect(findings).toHaveLength(3);
    expect(findings[0].group).toBe(findings[1].group);
    expect(findings[2].group).not.toBe(findings[0].group);
  });
});
