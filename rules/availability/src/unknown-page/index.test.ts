import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const page = (route: string) => ({ [`${route}.js`]: 'Page({});\n', [`${route}.bxml`]: `<view>${route}</view>\n` });

/** A tabbed app with a subpackage, as the official demo writes it. */
const fullApp = (config: Record<string, unknown> = {}) =>
  miniApp({
    'app.json': JSON.stringify(
      {
        entryPagePath: 'pages/index/index',
        pages: ['pages/index/index', 'pages/watchlist/index'],
        tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Gas' }, { pagePath: 'pages/watchlist/index', text: 'Watchlist' }] },
        subpackages: [{ root: 'packageB/', name: 'history', pages: ['pages/history/index'] }],
        preloadRule: { 'pages/index/index': { network: 'all', packages: ['history'] } },
        ...config,
      },
      null,
      2,
    ),
    ...page('pages/watchlist/index'),
    ...page('packageB/pages/history/index'),
  });

new RuleTester().run(rule, {
  valid: [
    { name: 'the minimal app', files: miniApp() },
    { name: 'tabBar, subpackage and preloadRule that all match', files: fullApp() },
    {
      name: 'preloadRule naming packages by root (with or without slash), by name and __APP__, from a subpackage page',
      files: fullApp({
        preloadRule: {
          'pages/index/index': { packages: ['packageB', 'packageB/'] },
          'packageB/pages/history/index': { network: 'wifi', packages: ['__APP__', 'history'] },
        },
      }),
    },
    {
      name: 'entryPagePath naming a subpackage page (the spelling subPackages)',
      files: miniApp({
        'app.json': JSON.stringify({ entryPagePath: 'packageA/pages/start/index', pages: ['pages/index/index'], subPackages: [{ root: 'packageA', pages: ['pages/start/index'] }] }),
        ...page('packageA/pages/start/index'),
      }),
    },
    {
      name: 'a React app.config.ts built from consts',
      files: {
        'src/app.config.ts': [
          "const HOME = 'pages/index/index';",
          "const MARKET = 'pages/market/index';",
          'export default {',
          '  entryPagePath: HOME,',
          '  pages: [HOME, MARKET],',
          "  tabBar: { list: [{ pagePath: HOME, text: 'Home' }, { pagePath: MARKET, text: 'Market' }] },",
          '};',
        ].join('\n'),
        'src/pages/index/index.tsx': 'export default () => null;',
        'src/pages/market/index.tsx': 'export default () => null;',
      },
    },
    {
      name: 'a React page list that is not static (spread of an imported list) is not judged',
      files: {
        'src/app.config.ts': [
          "import { marketPages } from '@acme/market';",
          "const HOME = 'pages/index/index';",
          'export default {',
          '  pages: [HOME, ...marketPages],',
          "  tabBar: { list: [{ pagePath: HOME, text: 'Home' }, { pagePath: 'pages/market/index', text: 'Market' }] },",
          "  preloadRule: { 'pages/market/index': { packages: ['market'] } },",
          '};',
        ].join('\n'),
        'src/pages/index/index.tsx': 'export default () => null;',
      },
    },
    {
      name: 'an unreadable app.json is left to the syntax rule',
      files: miniApp({ 'app.json': '{ "entryPagePath": "pages/nope/index", }' }),
    },
  ],
  invalid: [
    {
      name: 'entryPagePath not among the pages',
      files: miniApp({ 'app.json': '{\n  "entryPagePath": "pages/home/index",\n  "pages": ["pages/index/index"]\n}\n' }),
      errors: [{ messageId: 'unknownEntryPage', file: 'app.json', line: 2, column: 20, data: { path: 'pages/home/index' } }],
    },
    {
      name: 'a tab that is not a page and a tab in a subpackage',
      files: fullApp({
        tabBar: {
          list: [
            { pagePath: 'pages/index/index', text: 'Gas' },
            { pagePath: 'packageB/pages/history/index', text: 'History' },
            { pagePath: 'pages/wallet/index', text: 'Wallet' },
          ],
        },
      }),
      errors: [
        { messageId: 'tabPageInSubpackage', file: 'app.json', line: 14, column: 21, data: { index: 1, path: 'packageB/pages/history/index', subpackage: 'packageB' } },
        { messageId: 'unknownTabPage', file: 'app.json', line: 18, column: 21, data: { index: 2, path: 'pages/wallet/index' } },
      ],
    },
    {
      name: 'a preloadRule key that is not a page, and packages that do not exist',
      files: fullApp({
        preloadRule: {
          'pages/index/index': { network: 'all', packages: ['history', 'packageC'] },
          'pages/market/index': { network: 'wifi', packages: ['history'] },
        },
      }),
      errors: [
        { messageId: 'unknownPreloadPackage', file: 'app.json', line: 33, column: 9, data: { path: 'pages/index/index', name: 'packageC' } },
        { messageId: 'unknownPreloadPage', file: 'app.json', line: 36, column: 5, data: { path: 'pages/market/index' } },
      ],
    },
    {
      name: 'a React app.config.ts whose tab names a page that is not declared',
      files: {
        'src/app.config.ts': [
          "const HOME = 'pages/index/index';",
          'export default {',
          '  pages: [HOME],',
          "  tabBar: { list: [{ pagePath: HOME, text: 'Home' }, { pagePath: 'pages/market/index', text: 'Market' }] },",
          '};',
        ].join('\n'),
        'src/pages/index/index.tsx': 'export default () => null;',
      },
      errors: [{ messageId: 'unknownTabPage', file: 'src/app.config.ts', line: 4, column: 66, data: { index: 1, path: 'pages/market/index' } }],
    },
  ],
});
