import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const appJson = (config: Record<string, unknown>) => JSON.stringify({ entryPagePath: 'pages/index/index', ...config }, null, 2);
const component = (base: string) => ({
  [`${base}.json`]: '{ "component": true }\n',
  [`${base}.bxml`]: '<view class="card"><slot/></view>\n',
  [`${base}.js`]: 'Component({});\n',
});

new RuleTester().run(rule, {
  valid: [
    { name: 'the minimal app', files: miniApp() },
    {
      name: 'components under ignorePatterns still exist: ignored files are not checked, not removed',
      config: { ignorePatterns: ['miniprogram_npm/**'] },
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'van-button': '@vant/weapp/button/index' } }),
        ...component('miniprogram_npm/@vant/weapp/button/index'),
      }),
    },
    {
      name: 'pages without the optional .json and .bxss, in the main package and a subpackage',
      files: miniApp({
        'app.json': appJson({ pages: ['pages/index/index', 'pages/about/index'], subpackages: [{ root: 'packageB/', pages: ['pages/history/index'] }] }),
        'pages/about/index.js': 'Page({});',
        'pages/about/index.bxml': '<view>About</view>',
        'packageB/pages/history/index.js': 'Page({});',
        'packageB/pages/history/index.bxml': '<view>History</view>',
      }),
    },
    {
      name: 'components by absolute, relative and folder path, a bxss-less component and a plugin',
      files: miniApp({
        'app.json': appJson({ pages: ['pages/index/index'], usingComponents: { 'gas-card': '/components/gas-card/index' } }),
        'pages/index/index.json': JSON.stringify({ usingComponents: { badge: '../../components/badge/index', chart: '/components/chart', map: 'plugin://maps/map' } }),
        ...component('components/gas-card/index'),
        ...component('components/badge/index'),
        ...component('components/chart/index'),
      }),
    },
    {
      name: 'a React project whose pages are .tsx and .jsx modules',
      files: {
        'src/app.config.ts': "export default { entryPagePath: 'pages/index/index', pages: ['pages/index/index', 'pages/list'] };",
        'src/app.tsx': 'export default function App(props) { return props.children; }',
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;",
        'src/pages/list.jsx': "import { View } from '@binance/mp-components';\nexport default () => <View>List</View>;",
      },
    },
    {
      name: 'an app inside the folder named by project.config.json',
      files: {
        'project.config.json': JSON.stringify({ miniprogramRoot: 'miniprogram/' }),
        ...Object.fromEntries(Object.entries(miniApp()).map(([path, content]) => [`miniprogram/${path}`, content])),
      },
    },
  ],
  invalid: [
    {
      name: 'no app.json',
      files: miniApp({ 'app.json': null }),
      errors: [{ messageId: 'missingAppConfig', file: 'app.json', line: 1, column: 1, data: { path: 'app.json' } }],
    },
    {
      name: 'project.config.json whose miniprogramRoot names a folder without an app (an unbuilt output)',
      files: {
        'project.config.json': '{\n  "miniprogramRoot": "dist/",\n  "appid": "touristappid"\n}\n',
        'src/app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      },
      errors: [{ messageId: 'missingRootApp', file: 'project.config.json', line: 2, column: 22, data: { root: 'dist/', path: 'dist/app.json' } }],
    },
    {
      name: 'React sources without src/app.config',
      files: {
        'src/app.tsx': 'export default function App(props) { return props.children; }',
        'src/pages/index/index.tsx': "export default () => null;",
      },
      errors: [{ messageId: 'missingAppConfig', file: 'src/app.config.ts', line: 1, column: 1, message: 'src/app.config.ts (or .js) is missing' }],
    },
    {
      name: 'a classic app without app.js',
      files: miniApp({ 'app.js': null }),
      errors: [{ messageId: 'missingAppScript', file: 'app.js', line: 1, column: 1 }],
    },
    {
      name: 'a page whose template is missing',
      files: miniApp({
        'app.json': '{\n  "entryPagePath": "pages/index/index",\n  "pages": [\n    "pages/index/index",\n    "pages/leaderboard/index"\n  ]\n}\n',
        'pages/leaderboard/index.js': 'Page({});',
        'pages/leaderboard/index.json': '{}',
      }),
      errors: [{ messageId: 'missingPageFiles', file: 'app.json', line: 5, column: 5, data: { page: 'pages/leaderboard/index', missing: 'pages/leaderboard/index.bxml' } }],
    },
    {
      name: 'a subpackage page with no files at all, and a main page without its script',
      files: miniApp({
        'app.json': appJson({ pages: ['pages/index/index'], subpackages: [{ root: 'packageB', pages: ['pages/history/index'] }] }),
        'pages/index/index.js': null,
      }),
      errors: [
        { messageId: 'missingPageFiles', file: 'app.json', line: 4, column: 5, data: { page: 'pages/index/index', missing: 'pages/index/index.js' } },
        {
          messageId: 'missingPageFiles', file: 'app.json', line: 10, column: 9,
          message: 'the bundle has no packageB/pages/history/index.js or packageB/pages/history/index.bxml:',
        },
      ],
    },
    {
      name: 'a React page without a module (only its config)',
      files: {
        'src/app.config.ts': "export default {\n  entryPagePath: 'pages/index/index',\n  pages: ['pages/index/index', 'pages/detail/index'],\n};\n",
        'src/app.tsx': 'export default function App(props) { return props.children; }',
        'src/pages/index/index.tsx': 'export default () => null;',
        'src/pages/detail/index.config.ts': "export default { navigationBarTitleText: 'Detail' };",
      },
      errors: [{ messageId: 'missingPageModule', file: 'src/app.config.ts', line: 3, column: 32, data: { page: 'pages/detail/index', expected: 'src/pages/detail/index.tsx' } }],
    },
    {
      name: 'a page json naming a component folder that does not exist',
      files: miniApp({
        'pages/index/index.json': '{\n  "navigationBarTitleText": "Daily Tasks",\n  "usingComponents": {\n    "task-item": "/components/task-item/index"\n  }\n}\n',
      }),
      errors: [
        {
          messageId: 'missingComponent', file: 'pages/index/index.json', line: 4, column: 18,
          message: 'the bundle has no components/task-item/index.json, components/task-item/index.bxml or components/task-item/index.js:',
        },
      ],
    },
    {
      name: 'a component without its script, declared in app.json; one used from a component leaves the app',
      files: miniApp({
        'app.json': '{\n  "pages": ["pages/index/index"],\n  "usingComponents": { "gas-card": "/components/gas-card/index" }\n}\n',
        'components/gas-card/index.json': '{\n  "component": true,\n  "usingComponents": { "icon": "../../../shared/icon" }\n}\n',
        'components/gas-card/index.bxml': '<view><icon/></view>',
      }),
      errors: [
        { messageId: 'missingComponent', file: 'app.json', line: 3, column: 36, data: { tag: 'gas-card', specifier: '/components/gas-card/index', missing: 'components/gas-card/index.js' } },
        { messageId: 'componentOutsideApp', file: 'components/gas-card/index.json', line: 3, column: 32, data: { tag: 'icon', specifier: '../../../shared/icon' } },
      ],
    },
  ],
});
