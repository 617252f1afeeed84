import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A full classic app: tab bar, subpackage, preloading, dark mode with theme.json, components. */
const fullApp = miniApp({
  'app.json': lines(
    '{',
    '  "entryPagePath": "pages/index/index",',
    '  "pages": ["pages/index/index", "pages/market/index"],',
    '  "darkmode": true,',
    '  "themeLocation": "theme.json",',
    '  "window": {',
    '    "navigationBarTitleText": "Gas Tracker",',
    '    "navigationBarBackgroundColor": "@navBgColor",',
    '    "navigationBarTextStyle": "@navTxtStyle",',
    '    "backgroundTextStyle": "light",',
    '    "backgroundColor": "#fff"',
    '  },',
    '  "tabBar": {',
    '    "color": "#707A8A",',
    '    "selectedColor": "#F0B90B",',
    '    "backgroundColor": "@tabBgColor",',
    '    "borderStyle": "@tabBorderStyle",',
    '    "list": [',
    '      { "pagePath": "pages/index/index", "text": "Home", "iconPath": "image/home.png" },',
    '      { "pagePath": "pages/market/index", "text": "Market", "redDot": true }',
    '    ]',
    '  },',
    '  "subpackages": [{ "root": "packageA/", "pages": ["pages/detail/index"], "independent": true }],',
    '  "preloadRule": { "pages/market/index": { "packages": ["packageA/"] } },',
    '  "useExtendedLib": { "weui": true }',
    '}',
  ),
  'theme.json': '{ "light": { "navBgColor": "#ffffff" }, "dark": { "navBgColor": "#000000" } }\n',
  'pages/index/index.json': '{ "navigationBarTitleText": "Home", "enablePullDownRefresh": true, "usingComponents": { "price-card": "/components/price-card/index" } }\n',
  'pages/market/index.js': 'Page({});\n',
  'pages/market/index.bxml': '<view>Market</view>\n',
  'pages/market/index.json': '{ "navigationStyle": "custom", "navigationBarTextStyle": "black", "onReachBottomDistance": 80 }\n',
  'packageA/pages/detail/index.js': 'Page({});\n',
  'packageA/pages/detail/index.bxml': '<view>Detail</view>\n',
  'components/price-card/index.json': '{ "component": true, "usingComponents": {} }\n',
  'components/price-card/index.js': 'Component({});\n',
  'components/price-card/index.bxml': '<view>card</view>\n',
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a minimal classic app', files: miniApp() },
    { name: 'a full app.json with tab bar, subpackages, preloading and dark mode; page and component json', files: fullApp },
    {
      name: 'WeChat-only keys are left to availability/unsupported-config-key',
      files: miniApp({
        'app.json': '{ "pages": ["pages/index/index"], "networkTimeout": { "request": 10000 }, "window": { "backgroundColorTop": "#fff" } }\n',
        'pages/index/index.json': '{ "enableShareAppMessage": true, "styleIsolation": "apply-shared" }\n',
      }),
    },
    {
      name: 'an app.json that does not parse is left to availability/syntax-error',
      files: miniApp({ 'app.json': '{ "pages": ["pages/index/index"], "entryPage": "x", }\n' }),
    },
    {
      name: 'a page without json and a data json file that is not a config',
      files: miniApp({ 'pages/index/index.json': null, 'data/coins.json': '{ "btc": { "symbol": "BTC" }, "pages": 3 }\n' }),
    },
    {
      name: 'a React app.config.ts whose pages come from a call the linter cannot evaluate',
      files: {
        'src/app.config.ts': "import { routes } from './routes';\nexport default { pages: routes.map((route) => route.path), window: { navigationBarTitleText: 'Demo' } };\n",
        'src/routes.ts': "export const routes = [{ path: 'pages/index/index' }];\n",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;\n",
        'src/pages/index/index.config.ts': "export default { navigationBarTitleText: 'Home', enablePullDownRefresh: true };\n",
      },
    },
  ],
  invalid: [
    {
      name: 'entryPage instead of entryPagePath (the official webview demo)',
      files: miniApp({ 'app.json': lines('{', '  "entryPage": "pages/index/index",', '  "pages": ["pages/index/index"]', '}') }),
      errors: [{
        messageId: 'unknownKeyTypo', file: 'app.json', line: 2, column: 3, endLine: 2, endColumn: 14,
        data: { config: 'app config', detail: '"entryPage" is not a known property', suggestion: 'entryPagePath' },
      }],
    },
    {
      name: 'a misspelt window key, a colour name and a text style outside the enum',
      files: miniApp({
        'app.json': lines(
          '{',
          '  "pages": ["pages/index/index"],',
          '  "window": {',
          '    "navigationBarTitleTxt": "Demo",',
          '    "navigationBarTextStyle": "blue",',
          '    "backgroundColor": "red"',
          '  }',
          '}',
        ),
      }),
      errors: [
        { messageId: 'unknownKeyTypo', severity: 'warning', file: 'app.json', line: 4, column: 5, data: { config: 'app config', detail: '"window.navigationBarTitleTxt" is not a known property', suggestion: 'navigationBarTitleText' } },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 5, column: 31, data: { config: 'app config', detail: '"window.navigationBarTextStyle" must be one of "black", "white"' } },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 6, column: 24, message: '"window.backgroundColor" ("red") must be a hex colour ("#rgb" or "#rrggbb") or a theme.json reference ("@name")' },
      ],
    },
    {
      name: 'a text style of the wrong type is one finding, not three',
      files: miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "window": { "navigationBarTextStyle": 1 }', '}') }),
      errors: [{ messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 3, column: 41, data: { config: 'app config', detail: '"window.navigationBarTextStyle" must be of type string' } }],
    },
    {
      name: 'a malformed theme reference',
      files: miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "window": { "backgroundTextStyle": "@bg style" }', '}') }),
      errors: [{ messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 3, column: 38, message: '"window.backgroundTextStyle" ("@bg style") must be a theme.json reference such as "@navTxtStyle"' }],
    },
    {
      name: 'darkmode without themeLocation (no extra if/then finding)',
      files: miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "darkmode": true', '}') }),
      errors: [{ messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 1, column: 1, data: { config: 'app config', detail: 'the file is missing the required property "themeLocation"' } }],
    },
    {
      name: 'no pages at all (so no page config is reached either)',
      files: miniApp({ 'app.json': '{ "window": { "navigationBarTitleText": "Demo" } }\n', 'pages/index/index.json': '[]\n' }),
      errors: [
        { messageId: 'invalidConfig', severity: 'error', file: 'app.json', line: 1, column: 1, message: 'the file is missing the required property "pages"' },
      ],
    },
    {
      name: 'an empty pages list',
      files: miniApp({ 'app.json': lines('{', '  "pages": [],', '  "window": { "navigationBarTitleText": "Demo" }', '}') }),
      errors: [{ messageId: 'invalidConfig', file: 'app.json', line: 2, column: 12, data: { config: 'app config', detail: '"pages" must not be empty' } }],
    },
    {
      name: 'a React app.config.ts that really has no pages',
      files: {
        'src/app.config.ts': lines("const title = 'Demo';", 'export default { window: { navigationBarTitleText: title } };'),
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;\n",
      },
      errors: [{ messageId: 'invalidConfig', file: 'src/app.config.ts', line: 2, column: 16, message: 'the file is missing the required property "pages"' }],
    },
    {
      name: 'a page json that is an array',
      files: miniApp({ 'pages/index/index.json': '[]\n' }),
      errors: [{ messageId: 'invalidConfig', file: 'pages/index/index.json', line: 1, column: 1, data: { config: 'page config', detail: 'the file must be of type object' } }],
    },
    {
      name: 'page paths with a leading slash, an extension and a repeat',
      files: miniApp({
        'app.json': lines('{', '  "pages": [', '    "pages/index/index",', '    "/pages/about/index.js",', '    "pages/index/index"', '  ]', '}'),
      }),
      errors: [
        { messageId: 'invalidConfig', severity: 'error', file: 'app.json', line: 4, column: 5, message: '"pages.1" ("/pages/about/index.js") must be a page path such as "pages/index/index"' },
        { messageId: 'invalidConfig', file: 'app.json', line: 5, column: 5, data: { config: 'app config', detail: '"pages" lists "pages/index/index" more than once' } },
      ],
    },
    {
      name: 'a useExtendedLib value that is neither boolean nor string',
      files: miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "useExtendedLib": { "weui": 2 }', '}') }),
      errors: [{ messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 3, column: 31, data: { config: 'app config', detail: '"useExtendedLib.weui" must be of type boolean or string' } }],
    },
    {
      name: 'a preloadRule keyed by a URL path, and a rule without packages',
      files: miniApp({
        'app.json': lines(
          '{',
          '  "pages": ["pages/index/index"],',
          '  "preloadRule": {',
          '    "/pages/index/index": { "packages": ["sub"] },',
          '    "pages/index/index": { "network": "wifi" }',
          '  }',
          '}',
        ),
      }),
      errors: [
        { messageId: 'invalidConfig', file: 'app.json', line: 4, column: 5, message: '"preloadRule" has an invalid key "/pages/index/index": it must be a page path' },
        { messageId: 'invalidConfig', file: 'app.json', line: 5, column: 26, data: { config: 'app config', detail: '"preloadRule.pages/index/index" is missing the required property "packages"' } },
      ],
    },
    {
      name: 'a tab without text and a misspelt tabBar key',
      files: miniApp({
        'app.json': lines(
          '{',
          '  "pages": ["pages/index/index"],',
          '  "tabBar": {',
          '    "selectedColour": "#F0B90B",',
          '    "list": [{ "pagePath": "pages/index/index" }]',
          '  }',
          '}',
        ),
      }),
      errors: [
        { messageId: 'unknownKeyTypo', file: 'app.json', line: 4, column: 5, data: { config: 'app config', detail: '"tabBar.selectedColour" is not a known property', suggestion: 'selectedColor' } },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'app.json', line: 5, column: 14, message: '"tabBar.list.0" is missing the required property "text"' },
      ],
    },
    {
      name: 'an Alipay tab bar (items, not list): the tab bar cannot load, an error; its unknown keys are warnings',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index'], tabBar: { textColor: '#333333', items: [{ pagePath: 'pages/index/index', name: 'Home' }] } }, null, 2),
      }),
      errors: [
        { messageId: 'invalidConfig', severity: 'error', file: 'app.json', line: 5, message: '"tabBar" is missing the required property "list"' },
        { messageId: 'unknownKey', severity: 'warning', file: 'app.json', line: 6 },
        { messageId: 'unknownKey', severity: 'warning', file: 'app.json', line: 7 },
      ],
    },
    {
      name: 'page json: an unknown key with no close match, a bad enum and an empty component path',
      files: miniApp({
        'pages/index/index.json': lines(
          '{',
          '  "options": { "multipleSlots": true },',
          '  "navigationStyle": "hidden",',
          '  "usingComponents": { "price-card": "" }',
          '}',
        ),
      }),
      errors: [
        { messageId: 'unknownKey', severity: 'warning', file: 'pages/index/index.json', line: 2, column: 3, data: { config: 'page config', detail: '"options" is not a known property' } },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'pages/index/index.json', line: 3, column: 22, message: '"navigationStyle" must be one of "default", "custom"' },
        { messageId: 'invalidConfig', file: 'pages/index/index.json', line: 4, column: 38, data: { config: 'page config', detail: '"usingComponents.price-card" must not be empty' } },
      ],
    },
    {
      name: 'a component json with a misspelt key, reached from a page',
      files: miniApp({
        'pages/index/index.json': '{ "usingComponents": { "card": "../../components/card/index" } }\n',
        'components/card/index.json': lines('{', '  "componet": true', '}'),
        'components/card/index.js': 'Component({});\n',
        'components/card/index.bxml': '<view>card</view>\n',
      }),
      errors: [{ messageId: 'unknownKeyTypo', severity: 'error', file: 'components/card/index.json', line: 2, column: 3, data: { config: 'component config', detail: '"componet" is not a known property', suggestion: 'component' } }],
    },
    {
      name: 'a React app.config.ts and page config',
      files: {
        'src/app.config.ts': lines(
          "const home = 'pages/index/index';",
          'export default {',
          '  entryPage: home,',
          '  pages: [home],',
          "  window: { navigationBarTextStyle: 'blue' },",
          '};',
        ),
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;\n",
        'src/pages/index/index.config.ts': lines('export default {', '  navigationBarTitleText: 42,', '};'),
      },
      errors: [
        { messageId: 'unknownKeyTypo', file: 'src/app.config.ts', line: 3, column: 3, data: { config: 'app config', detail: '"entryPage" is not a known property', suggestion: 'entryPagePath' } },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'src/app.config.ts', line: 5, column: 37, message: '"window.navigationBarTextStyle" must be one of "black", "white"' },
        { messageId: 'cosmeticValue', severity: 'warning', file: 'src/pages/index/index.config.ts', line: 2, column: 27, data: { config: 'page config', detail: '"navigationBarTitleText" must be of type string' } },
      ],
    },
  ],
});
