import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle } from '@bmplint/core';
import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';
import appJsonSchema from '../app-json-schema/index.js';
import noTestBuild from '../no-test-build/index.js';
import entryPagePath from '../entry-page-path/index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'a minimal classic app', files: miniApp() },
    {
      name: 'only documented keys, with a Binance devtool.debug',
      files: miniApp({
        'app.json': lines(
          '{',
          '  "entryPagePath": "pages/index/index",',
          '  "pages": ["pages/index/index"],',
          '  "window": { "navigationBarTitleText": "Demo", "backgroundColor": "#ffffff", "enablePullDownRefresh": false },',
          '  "tabBar": { "list": [{ "pagePath": "pages/index/index", "text": "style" }] },',
          '  "devtool": { "debug": true },',
          '  "deviceOrientation": "portrait"',
          '}',
        ),
        'pages/index/index.json': '{ "navigationBarTitleText": "Home", "usingComponents": { "permission-tip": "/components/tip/index" } }\n',
        'components/tip/index.json': '{ "component": true }\n',
        'components/tip/index.js': 'Component({});\n',
        'components/tip/index.bxml': '<view>tip</view>\n',
      }),
    },
    {
      name: 'WeChat key names in a data file that is not a config',
      files: miniApp({ 'data/settings.json': '{ "networkTimeout": 5000, "permission": "read" }\n' }),
    },
    {
      name: 'an app.json that does not parse is left to availability/syntax-error',
      files: miniApp({ 'app.json': '{ "pages": ["pages/index/index"], "networkTimeout": {}, }\n' }),
    },
  ],
  invalid: [
    {
      name: 'a key set in many component configs is reported once, at its first place, with the count',
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { a: '/c/a/index', b: '/c/b/index', c: '/c/c/index' } }),
        'c/a/index.json': '{ "component": true, "styleIsolation": "shared" }',
        'c/a/index.bxml': '<view/>', 'c/a/index.js': 'Component({});',
        'c/b/index.json': '{ "component": true, "styleIsolation": "shared" }',
        'c/b/index.bxml': '<view/>', 'c/b/index.js': 'Component({});',
        'c/c/index.json': '{ "component": true, "styleIsolation": "apply-shared" }',
        'c/c/index.bxml': '<view/>', 'c/c/index.js': 'Component({});',
      }),
      errors: [{ messageId: 'unsupportedKeyRepeated', file: 'c/a/index.json', line: 1, column: 22, data: { key: 'styleIsolation', others: 2, note: 'WeChat allows styleIsolation in component .json; Binance types list it only as a Component() option (options.styleIsolation).' } }],
    },
    {
      name: 'the first place is the first config of the app (its pages before their components), not the first path: facts of several files meet',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
        'pages/index/index.json': JSON.stringify({ homeButton: true, usingComponents: { a: '/a/card/index' } }),
        'a/card/index.json': '{ "component": true, "homeButton": true }',
        'a/card/index.bxml': '<view/>', 'a/card/index.js': 'Component({});',
      }),
      errors: [{ messageId: 'unsupportedKeyRepeated', file: 'pages/index/index.json', line: 1, column: 2, data: { key: "homeButton", others: 1, note: "WeChat home button switch; not documented for Binance (bn.hideHomeButton is the API)." } }],
    },
    {
      name: 'WeChat keys at the top of app.json and in its window',
      files: miniApp({
        'app.json': lines(
          '{',
          '  "pages": ["pages/index/index"],',
          '  "networkTimeout": { "request": 10000 },',
          '  "permission": { "scope.userLocation": { "desc": "Find nearby stores" } },',
          '  "window": {',
          '    "navigationBarTitleText": "Demo",',
          '    "backgroundColorTop": "#ffffff",',
          '    "pageOrientation": "auto"',
          '  }',
          '}',
        ),
      }),
      errors: [
        {
          messageId: 'unsupportedKey', file: 'app.json', line: 3, column: 3, endLine: 3, endColumn: 19,
          data: { key: 'networkTimeout', note: 'WeChat-only; Binance documents no network timeout setting (pass timeout per bn.request/uploadFile/downloadFile/connectSocket call instead).' },
        },
        { messageId: 'unsupportedKey', file: 'app.json', line: 4, column: 3, message: '"permission" is a setting Binance does not document; it has no effect here: WeChat permission purpose strings' },
        { messageId: 'unsupportedKey', file: 'app.json', line: 7, column: 5, data: { key: 'window.backgroundColorTop', note: 'WeChat iOS-only top background colour; Binance documents backgroundColor only.' } },
        { messageId: 'unsupportedKey', file: 'app.json', line: 8, column: 5, message: '"window.pageOrientation"' },
      ],
    },
    {
      name: 'global usingComponents in app.json',
      files: miniApp({ 'app.json': '{ "pages": ["pages/index/index"], "usingComponents": {} }\n' }),
      errors: [{ messageId: 'unsupportedKey', file: 'app.json', line: 1, column: 35, message: 'Binance documents usingComponents in page/component .json only' }],
    },
    {
      name: 'page-only and window keys in a page json',
      files: miniApp({
        'pages/index/index.json': lines(
          '{',
          '  "navigationBarTitleText": "Home",',
          '  "enableShareAppMessage": true,',
          '  "backgroundColorTop": "#000000",',
          '  "disableSwipeBack": true',
          '}',
        ),
      }),
      errors: [
        { messageId: 'unsupportedKey', file: 'pages/index/index.json', line: 3, column: 3, message: 'onShareAppMessage / bn.showShareMenu' },
        { messageId: 'unsupportedKey', file: 'pages/index/index.json', line: 4, column: 3, data: { key: 'backgroundColorTop', note: 'WeChat iOS-only top background colour; Binance documents backgroundColor only.' } },
        { messageId: 'unsupportedKey', file: 'pages/index/index.json', line: 5, column: 3, message: '"disableSwipeBack"' },
      ],
    },
    {
      name: 'component options written as .json keys in a component used by a page',
      files: miniApp({
        'pages/index/index.json': '{ "usingComponents": { "price-card": "/components/price-card/index" } }\n',
        'components/price-card/index.json': lines('{', '  "component": true,', '  "styleIsolation": "apply-shared",', '  "addGlobalClass": true', '}'),
        'components/price-card/index.js': 'Component({});\n',
        'components/price-card/index.bxml': '<view>card</view>\n',
      }),
      errors: [
        { messageId: 'unsupportedKey', file: 'components/price-card/index.json', line: 3, column: 3, message: 'options.styleIsolation' },
        { messageId: 'unsupportedKey', file: 'components/price-card/index.json', line: 4, column: 3, message: '"addGlobalClass"' },
      ],
    },
    {
      name: 'a React app.config.ts with a key whose value is computed, and a React page config',
      files: {
        'src/app.config.ts': lines(
          "import { backgroundModes } from './modes';",
          'export default {',
          "  pages: ['pages/index/index'],",
          '  requiredBackgroundModes: backgroundModes(),',
          "  window: { navigationBarTitleText: 'Demo', homeButton: true },",
          '};',
        ),
        'src/modes.ts': "export const backgroundModes = () => ['audio'];\n",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;\n",
        'src/pages/index/index.config.ts': lines('export default {', "  navigationBarTitleText: 'Home',", '  enableShareTimeline: true,', '};'),
      },
      errors: [
        { messageId: 'unsupportedKey', file: 'src/app.config.ts', line: 4, column: 3, data: { key: 'requiredBackgroundModes', note: 'WeChat background audio/location declaration; not documented for Binance.' } },
        { messageId: 'unsupportedKey', file: 'src/app.config.ts', line: 5, column: 45, message: '"window.homeButton"' },
        { messageId: 'unsupportedKey', file: 'src/pages/index/index.config.ts', line: 3, column: 3, message: '"enableShareTimeline"' },
      ],
    },
  ],
});

describe('one root cause, one finding', () => {
  it('reports a top-level "debug": true once, as a key Binance ignores (devtool.debug is the test-build marker)', async () => {
    const files = miniApp({
      'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "debug": true,', '  "sitemapLocation": "sitemap.json",', '  "window": { "defaultTitle": "Shop" }', '}'),
    }) as Record<string, string>;
    const result = await lint(openMemoryBundle(files), { rules: [rule, appJsonSchema, noTestBuild] });
    expect(result.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.severity}`)).toEqual([
      '3 availability/unsupported-config-key warning',
      '4 availability/unsupported-config-key warning',
      '5 availability/unsupported-config-key warning',
    ]);
  });

  it('reports a misspelt entryPagePath once, as the misspelling, not also as a missing entry page', async () => {
    const files = miniApp({
      'app.json': lines('{', '  "entryPage": "pages/index/index",', '  "pages": ["pages/index/index"]', '}'),
    }) as Record<string, string>;
    const result = await lint(openMemoryBundle(files), { rules: [rule, appJsonSchema, entryPagePath] });
    expect(result.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.messageId}`)).toEqual(['2 availability/app-json-schema unknownKeyTypo']);
    // Without the misspelling, the missing entry page is reported.
    const plain = miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"]', '}') }) as Record<string, string>;
    const alone = await lint(openMemoryBundle(plain), { rules: [rule, appJsonSchema, entryPagePath] });
    expect(alone.findings.map((finding) => finding.ruleId)).toEqual(['availability/entry-page-path']);
  });
});
