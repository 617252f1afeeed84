/**
 * The availability rules' fixes (`--fix`): each invalid case gives the files as they read after
 * fixing; the tester also checks that nothing of the rule is left and that a second fix is a no-op.
 */
import { RuleTester, miniApp } from '@bmplint/core/testing';
import entryPagePath from './entry-page-path/index.js';
import unsupportedConfigKey from './unsupported-config-key/index.js';
import appJsonSchema from './app-json-schema/index.js';
import noTestBuild from './no-test-build/index.js';

const tester = new RuleTester();
const lines = (...text: string[]) => `${text.join('\n')}\n`;

tester.run(entryPagePath, {
  valid: [{ name: 'entryPagePath set', files: miniApp() }],
  invalid: [
    {
      name: 'entryPagePath is added as the first page, keeping the indentation',
      files: miniApp({ 'app.json': lines('{', '  "pages": [', '    "pages/index/index"', '  ],', '  "window": { "navigationBarTitleText": "Demo" }', '}') }),
      errors: [{ messageId: 'missingEntryPagePath' }],
      output: { 'app.json': lines('{', '  "pages": [', '    "pages/index/index"', '  ],', '  "window": { "navigationBarTitleText": "Demo" },', '  "entryPagePath": "pages/index/index"', '}') },
    },
    {
      name: 'a tab-indented app.json',
      files: miniApp({ 'app.json': '{\n\t"pages": ["pages/index/index"]\n}' }),
      errors: [{ messageId: 'missingEntryPagePath' }],
      output: { 'app.json': '{\n\t"pages": ["pages/index/index"],\n\t"entryPagePath": "pages/index/index"\n}' },
    },
    {
      name: 'no fix beside a misspelt entry key (the schema rule renames it; adding one would duplicate it)',
      files: miniApp({ 'app.json': lines('{', '  "entryPage": "pages/index/index",', '  "pages": ["pages/index/index"]', '}') }),
      errors: [{ messageId: 'missingEntryPagePath' }],
      output: null,
    },
    {
      name: 'no fix for an app.config.ts (the code is not rewritten)',
      files: { 'src/app.config.ts': "export default { pages: ['pages/index/index'] };", 'src/pages/index/index.tsx': 'export default () => null;' },
      errors: [{ messageId: 'missingEntryPagePath' }],
      output: null,
    },
  ],
});

tester.run(unsupportedConfigKey, {
  valid: [{ name: 'no unsupported key', files: miniApp() }],
  invalid: [
    {
      name: 'the key is removed with its comma',
      files: miniApp({ 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "networkTimeout": { "request": 5000 }', '}') }),
      errors: [{ messageId: 'unsupportedKey', message: '"networkTimeout" is a setting Binance does not document' }],
      output: { 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"]', '}') },
    },
    {
      name: 'a key set in two files is removed from both, over two passes',
      files: miniApp({
        'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index", "pages/about/index"]', '}'),
        'pages/index/index.json': lines('{', '  "pullRefresh": true,', '  "navigationBarTitleText": "Home"', '}'),
        'pages/about/index.json': lines('{ "pullRefresh": true }'),
        'pages/about/index.js': 'Page({});\n',
        'pages/about/index.bxml': '<view>About</view>\n',
      }),
      errors: [{ messageId: 'unsupportedKeyRepeated' }],
      output: {
        'pages/about/index.json': lines('{}'),
        'pages/index/index.json': lines('{', '  "navigationBarTitleText": "Home"', '}'),
      },
    },
    {
      name: 'a key that is only undocumented is left alone (the runtime may still honour it)',
      files: miniApp({ 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "usingComponents": {}', '}') }),
      errors: [{ messageId: 'unsupportedKey' }],
      output: null,
    },
  ],
});

tester.run(appJsonSchema, {
  valid: [{ name: 'a valid app.json', files: miniApp() }],
  invalid: [
    {
      name: 'a misspelt key is renamed to the key it is closest to',
      files: miniApp({ 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "window": { "navigationBarTitleTxt": "Demo" }', '}') }),
      errors: [{ messageId: 'unknownKeyTypo', data: { config: 'app config', detail: '"window.navigationBarTitleTxt" is not a known property', suggestion: 'navigationBarTitleText' } }],
      output: { 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "window": { "navigationBarTitleText": "Demo" }', '}') },
    },
    {
      name: 'no rename when the right key is also there (it would be a duplicate)',
      files: miniApp({ 'app.json': lines('{', '  "pages": ["pages/index/index"],', '  "entryPagePath": "pages/index/index",', '  "entryPage": "pages/index/index"', '}') }),
      errors: [{ messageId: 'unknownKeyTypo' }],
      output: null,
    },
  ],
});

tester.run(noTestBuild, {
  valid: [{ name: 'no debug flag', files: miniApp() }],
  invalid: [
    {
      name: 'devtool.debug true is removed',
      files: miniApp({ 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "devtool": { "debug": true, "domainWhitelist": [] }', '}') }),
      errors: [{ messageId: 'debugConfig', data: { key: 'devtool.debug' } }],
      output: { 'app.json': lines('{', '  "entryPagePath": "pages/index/index",', '  "pages": ["pages/index/index"],', '  "devtool": { "domainWhitelist": [] }', '}') },
    },
  ],
});
