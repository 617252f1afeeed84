import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'entryPagePath is set', files: miniApp() },
    {
      name: 'entryPagePath naming a page other than the first',
      files: miniApp({
        'app.json': JSON.stringify({ entryPagePath: 'pages/about/index', pages: ['pages/index/index', 'pages/about/index'] }),
        'pages/about/index.js': 'Page({});',
        'pages/about/index.bxml': '<view>About</view>',
      }),
    },
    {
      name: 'a React entryPagePath whose value is not static',
      files: {
        'src/app.config.ts': "import { routes } from '@acme/routes';\nexport default { entryPagePath: routes.home, pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': 'export default () => null;',
      },
    },
    {
      name: 'no pages to fall back to (left to the schema rule)',
      files: miniApp({ 'app.json': JSON.stringify({ pages: [] }) }),
    },
    { name: 'an unreadable app.json (left to the syntax rule)', files: miniApp({ 'app.json': '{ "pages": ["pages/index/index"], }' }) },
  ],
  invalid: [
    {
      name: 'app.json without entryPagePath',
      files: miniApp({ 'app.json': '{\n  "pages": [\n    "pages/index/index",\n    "pages/about/index"\n  ],\n  "window": { "navigationBarTitleText": "Demo" }\n}\n' }),
      errors: [{ messageId: 'missingEntryPagePath', file: 'app.json', line: 2, column: 3, data: { page: 'pages/index/index' } }],
    },
    {
      name: 'app.json without entryPagePath whose pages come after a subpackage',
      files: miniApp({
        'app.json': '{\n  "subpackages": [{ "root": "packageB", "pages": ["pages/history/index"] }],\n  "pages": ["pages/index/index"]\n}\n',
      }),
      errors: [{ messageId: 'missingEntryPagePath', file: 'app.json', line: 3, column: 3, message: 'opens the first page, pages/index/index' }],
    },
    {
      name: 'a React app.config.ts without entryPagePath',
      files: {
        'src/app.config.ts': "const HOME = 'pages/home/index';\nexport default defineAppConfig({\n  pages: [HOME, 'pages/list/index'],\n});\n",
        'src/pages/home/index.tsx': 'export default () => null;',
        'src/pages/list/index.tsx': 'export default () => null;',
      },
      errors: [{ messageId: 'missingEntryPagePath', file: 'src/app.config.ts', line: 3, column: 3, data: { page: 'pages/home/index' } }],
    },
  ],
});
