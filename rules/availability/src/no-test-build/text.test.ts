import { RuleTester, miniApp as coreMiniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

/** Scripts over this size are checked as text only in these cases. */
const LIMIT = 2000;
const config = { limits: { maxParseBytes: LIMIT } };
const appJson = (pages: string[] = ['pages/index/index']) => JSON.stringify({ pages, window: { navigationBarTitleText: 'Gas Watch' } }, null, 2);

/** `code` on one minified line, padded over the parse limit (after it, so columns are those of `code`). */
const padded = (code: string) => `${code};var pad_=[${'0,'.repeat(LIMIT / 2)}0];`;
/** An app whose page loads `vendor.js`, a script over the parse limit holding `code`. */
const bundle = (code: string, files: Files = {}) =>
  coreMiniApp({ 'app.json': appJson(), 'pages/index/index.js': "require('./vendor.js');\nPage({});\n", 'pages/index/vendor.js': padded(code), ...files });
const col = (code: string, needle: string) => code.indexOf(needle) + 1;

const mocks = 'var m=require("../../mock/blocks"),n=require("lodash");import("mockjs").then(f);Mock.mock("/x",{})';
const calls = '!function(){Mock.mock("/api/gas",{n:1});Mock.setup({timeout:9})}()';
const origins = 'var API="http://192.168.1.20:3000",P="https://api.gaswatch.example";bn.request({url:`https://api.staging.gaswatch.example/${p}`})';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'text only: production origins, and mock words in comments, strings and other calls',
      files: bundle('var a="https://api.gaswatch.example",s="Mock.mock(";/* require("mockjs") Mock.mock() */x.Mock.mock(1);Array.from("../mock/a")// import "mockjs"\n'),
      config,
    },
    { name: 'text only: a vendor script is not read', files: bundle('', { 'miniprogram_npm/dev-kit/index.js': padded('var a="http://localhost:3000";require("mockjs")') }), config },
  ],
  invalid: [
    {
      name: 'text only: mock modules loaded by require and import(); a Mock.mock call beside them is their finding',
      files: bundle(mocks),
      config,
      errors: [
        { messageId: 'mockModule', file: 'pages/index/vendor.js', line: 1, column: col(mocks, '"../../mock'), severity: 'error', data: { what: 'The require', specifier: '../../mock/blocks' } },
        { messageId: 'mockModule', column: col(mocks, '"mockjs"'), severity: 'error', data: { what: 'The dynamic import', specifier: 'mockjs' } },
      ],
    },
    {
      name: 'text only: Mock.mock and Mock.setup without an import',
      files: bundle(calls),
      config,
      errors: [
        { messageId: 'mockCall', column: col(calls, 'Mock.mock'), severity: 'error', data: { call: 'Mock.mock(…)' } },
        { messageId: 'mockCall', column: col(calls, 'Mock.setup'), severity: 'error', data: { call: 'Mock.setup(…)' } },
      ],
    },
    {
      name: 'text only: test servers in strings are warnings (only a parse shows development-only code)',
      files: bundle(origins),
      config,
      errors: [
        { messageId: 'testOrigin', column: col(origins, '"http://192'), severity: 'warning', data: { where: 'The string', origin: 'http://192.168.1.20:3000', reason: 'a private IP address' } },
        { messageId: 'testOrigin', column: col(origins, '`'), severity: 'warning', data: { where: 'The template literal', origin: 'https://api.staging.gaswatch.example', reason: 'a staging environment host' } },
      ],
    },
    {
      name: 'text only: a page the app\'s own script names is one a reviewer can open (its test title is an error)',
      // Over the limit but not minified (short lines): the app's own code, whose strings open pages.
      files: bundle('', {
        'pages/index/index.js': "require('./vendor.js');\nrequire('./routes.js');\nPage({});\n",
        'pages/index/routes.js': `bn.navigateTo({url:"/pages/tools/index?x=1"});\n${'var pad_ = 0;\n'.repeat(LIMIT / 10)}`,
        'app.json': appJson(['pages/index/index', 'pages/tools/index', 'pages/lonely/index']),
        'pages/tools/index.json': '{ "navigationBarTitleText": "Tools demo" }',
        'pages/tools/index.js': 'Page({});\n',
        'pages/tools/index.bxml': '<view/>\n',
        'pages/lonely/index.json': '{ "navigationBarTitleText": "Lonely demo" }',
        'pages/lonely/index.js': 'Page({});\n',
        'pages/lonely/index.bxml': '<view/>\n',
      }),
      config,
      errors: [
        { messageId: 'testName', file: 'pages/lonely/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/lonely/index', text: 'Lonely demo', kind: 'demo' } },
        { messageId: 'testName', file: 'pages/tools/index.json', severity: 'error', data: { where: 'The navigation bar title of pages/tools/index', text: 'Tools demo', kind: 'demo' } },
      ],
    },
    {
      name: 'text only: a page only a minified bundle names is not one the app is known to open (third-party code opens no page: a warning)',
      files: bundle('bn.navigateTo({url:"/pages/tools/index?x=1"})', {
        'app.json': appJson(['pages/index/index', 'pages/tools/index']),
        'pages/tools/index.json': '{ "navigationBarTitleText": "Tools demo" }',
        'pages/tools/index.js': 'Page({});\n',
        'pages/tools/index.bxml': '<view/>\n',
      }),
      config,
      errors: [{ messageId: 'testName', file: 'pages/tools/index.json', severity: 'warning', data: { where: 'The navigation bar title of pages/tools/index', text: 'Tools demo', kind: 'demo' } }],
    },
  ],
});
