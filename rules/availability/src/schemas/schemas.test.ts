import { describe, it, expect } from 'vitest';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;
type Schema = Json & { properties: Record<string, Json>; definitions?: Record<string, Json & { properties?: Record<string, Json> }> };
type UnsupportedList = Record<'app' | 'window' | 'page', { key: string; note: string }[]>;

const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as T;

const appSchema = readJson<Schema>('./app.schema.json');
const pageSchema = readJson<Schema>('./page.schema.json');
const unsupported = readJson<UnsupportedList>('./unsupported-keys.json');

// ajv is CommonJS: under NodeNext the default import is typed as the module namespace, at runtime it is the class.
const AjvClass = Ajv as unknown as typeof Ajv.default;

// Same options the availability rule uses, plus every strict option so that a schema typo fails here.
const newAjv = () =>
  new AjvClass({ allErrors: true, strict: true, strictTypes: true, strictTuples: true, strictRequired: true });
const validateApp: ValidateFunction = newAjv().compile(appSchema);
const validatePage: ValidateFunction = newAjv().compile(pageSchema);

const errorsOf = (validate: ValidateFunction, data: unknown): ErrorObject[] => {
  validate(data);
  return validate.errors ?? [];
};
const describeErrors = (errors: ErrorObject[]) =>
  errors.map((e) => `${e.instancePath || '(root)'} ${e.keyword} ${JSON.stringify(e.params)}`);

const PAGES = ['pages/index/index'];

// ---------------------------------------------------------------------------------------------
// Real configs from the official demo repo binance/binance-mp-demo (PLATFORM.md source "demo").
// ---------------------------------------------------------------------------------------------

// binance/binance-mp-demo: component-demo-public/app.json (verbatim)
const demoComponentAppJson = {
  darkmode: true,
  entryPagePath: 'pages/tabbar/component/index',
  pages: ['pages/tabbar/component/index', 'pages/tabbar/extended/index', 'pages/tabbar/API/index'],
  preloadRule: {
    'pages/tabbar/component/index': { packages: ['pages/component'] },
    'pages/tabbar/extended/index': { packages: ['pages/extended'], network: 'all' },
    'pages/tabbar/API/index': { packages: ['packageAPI'] },
  },
  tabBar: {
    custom: false,
    color: '@tabFontColor',
    selectedColor: '@tabSelectedColor',
    backgroundColor: '@tabBgColor',
    borderStyle: '@tabBorderStyle',
    position: 'bottom',
    list: [
      { iconPath: 'image/icon_component.png', selectedIconPath: 'image/icon_component_HL.png', pagePath: 'pages/tabbar/component/index', text: 'Component' },
      { iconPath: 'image/icon_component.png', selectedIconPath: 'image/icon_component_HL.png', pagePath: 'pages/tabbar/extended/index', text: 'Extended' },
      { iconPath: 'image/icon_API.png', selectedIconPath: 'image/icon_API_HL.png', pagePath: 'pages/tabbar/API/index', text: 'API' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarTitleText: 'Mini Program',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTextStyle: '@navTxtStyle',
  },
  subpackages: [
    {
      root: 'pages/component',
      pages: [
        'pages/view/view', 'pages/swiper/swiper', 'pages/switch/switch', 'pages/text/text', 'pages/textarea/textarea',
        'pages/video/video', 'pages/web-view/web-view', 'pages/web-view-custom-nav/web-view-custom-nav',
        'pages/picker/picker', 'pages/radio/radio', 'pages/scroll-view/scroll-view', 'pages/slider/slider',
        'pages/rich-text/rich-text', 'pages/checkbox/checkbox', 'pages/cover-view/cover-view', 'pages/form/form',
        'pages/icon/icon', 'pages/image/image', 'pages/native-image/native-image', 'pages/nft-image/nft-image',
        'pages/canvas/canvas', 'pages/canvas/texImage2D/texImage2D', 'pages/canvas/texSubImage2D/texSubImage2D',
        'pages/canvas/shader/shader', 'pages/canvas/clear/clear', 'pages/canvas/bufferData/bufferData',
        'pages/canvas/drawArray/drawArray', 'pages/canvas/drawElements/drawElements',
        'pages/canvas/glsl-model/glsl-model', 'pages/canvas/3d-rendering/3d-rendering',
        'pages/deprecated-canvas/deprecated-canvas',
      ],
    },
    { root: 'pages/extended', name: 'pages/component', pages: ['pages/navigation/navigation', 'pages/promise/promise'] },
    {
      root: 'pages/packageAPI',
      name: 'packageAPI',
      pages: [
        'pages/get-system-info/get-system-info', 'pages/make-phone-call/make-phone-call',
        'pages/navigate-in-mp/navigate-in-mp', 'pages/animation/animation',
        'pages/animation-scroll-view/animation-scroll-view', 'pages/application-onoff-event/application-onoff-event',
        'pages/authorize/authorize', 'pages/get-phone-number/get-phone-number',
        'pages/get-email-address/get-email-address', 'pages/background-fetch/background-fetch',
        'pages/navigate-to-mp-deeplink/navigate-to-mp-deeplink', 'pages/navigation-bar/navigation-bar',
        'pages/network/network', 'pages/page-scroll-reach-bottom/page-scroll-reach-bottom',
        'pages/preview-image/preview-image', 'pages/pull-down-refresh/pull-down-refresh',
        'pages/read-file/read-file', 'pages/request-payment/request-payment',
        'pages/request-subscribe-message/request-subscribe-message',
        'pages/save-image-to-photos-album/save-image-to-photos-album', 'pages/show-toast/show-toast',
        'pages/show-action-sheet/show-action-sheet', 'pages/set-keep-screen-on/set-keep-screen-on',
        'pages/sensor/sensor', 'pages/scan-code/scan-code',
        'pages/create-intersection-observer/create-intersection-observer',
        'pages/canvas-to-temp-file-path/canvas-to-temp-file-path', 'pages/virtual-list/virtual-list',
      ],
    },
    { root: 'pages/about', pages: ['about'], independent: true },
    { root: 'pages/welcome', pages: ['welcome'], independent: true },
  ],
  themeLocation: './theme.json',
};

// binance/binance-mp-demo: webview-demo/app.json (verbatim) — uses the unknown key `entryPage`.
const demoWebviewAppJson = {
  darkmode: true,
  entryPage: 'pages/web-view/web-view',
  pages: ['pages/web-view/web-view', 'pages/web-view-custom-nav/web-view-custom-nav'],
  tabBar: {
    custom: false,
    color: '@tabFontColor',
    selectedColor: '@tabSelectedColor',
    backgroundColor: '@tabBgColor',
    borderStyle: '@tabBorderStyle',
    position: 'bottom',
    list: [
      { iconPath: 'image/icon_component.png', selectedIconPath: 'image/icon_component_HL.png', pagePath: 'pages/web-view/web-view', text: 'normal' },
      { iconPath: 'image/icon_API.png', selectedIconPath: 'image/icon_API_HL.png', pagePath: 'pages/web-view-custom-nav/web-view-custom-nav', text: 'custom-nav' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarTitleText: 'Mini Program',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTextStyle: '@navTxtStyle',
  },
};

// binance/binance-mp-demo: bmp-components-demo/src/app.config.ts (the exported object, as JSON; page list shortened)
const demoReactComponentsAppConfig = {
  darkmode: true,
  entryPagePath: 'pages/component/index',
  pages: [
    'pages/component/index', 'pages/component/pages/button/button', 'pages/component/pages/checkbox/checkbox',
    'pages/API/index', 'pages/packageAPI/pages/navigation-bar/navigation-bar', 'pages/packageAPI/pages/login/login',
    'pages/extended/index', 'pages/extended/pages/navigation/navigation',
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarTitleText: 'Mini Program',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTextStyle: '@navTxtStyle',
  },
  tabBar: {
    color: '@tabFontColor',
    selectedColor: '@tabSelectedColor',
    backgroundColor: '@tabBgColor',
    borderStyle: '@tabBorderStyle',
    list: [
      { iconPath: 'image/icon_component.png', selectedIconPath: 'image/icon_component_HL.png', pagePath: 'pages/component/index', text: 'Component' },
      { iconPath: 'image/icon_component.png', selectedIconPath: 'image/icon_component_HL.png', pagePath: 'pages/extended/index', text: 'Extended' },
      { iconPath: 'image/icon_API.png', selectedIconPath: 'image/icon_API_HL.png', pagePath: 'pages/API/index', text: 'API' },
    ],
  },
  themeLocation: './theme.json',
};

// binance/binance-mp-demo: react-app-to-mp-example/weather-app-mp/src/app.config.js (verbatim, comments dropped)
const demoWeatherAppConfig = {
  entryPagePath: 'pages/IndexPage',
  pages: ['pages/IndexPage'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#fff',
    navigationBarTitleText: 'Weather App',
    navigationBarTextStyle: 'black',
  },
};

// ---------------------------------------------------------------------------------------------
// app.json: valid samples
// ---------------------------------------------------------------------------------------------

const validApps: [string, unknown][] = [
  ['demo component-demo-public/app.json (verbatim)', demoComponentAppJson],
  ['demo bmp-components-demo/src/app.config.ts', demoReactComponentsAppConfig],
  ['demo react-app-to-mp-example/weather-app-mp/src/app.config.js', demoWeatherAppConfig],
  [
    // modelled on webview-demo/app.json, with the `entryPage` typo corrected to entryPagePath
    'webview-demo/app.json with entryPagePath',
    { ...Object.fromEntries(Object.entries(demoWebviewAppJson).filter(([k]) => k !== 'entryPage')), entryPagePath: 'pages/web-view/web-view', themeLocation: 'theme.json' },
  ],
  ['minimal: pages only (entryPagePath missing is a warning elsewhere, not a schema error)', { pages: PAGES }],
  [
    'every Binance window key, #rgb and #rrggbb colours',
    {
      entryPagePath: 'pages/index/index',
      pages: ['pages/index/index', 'pages/logs/logs'],
      window: {
        navigationBarBackgroundColor: '#000000',
        navigationBarButtonColor: '#707A8A',
        navigationBarTitleText: 'Demo',
        navigationBarTextStyle: 'white',
        navigationStyle: 'default',
        backgroundTextStyle: 'dark',
        backgroundColor: '#fff',
        enablePullDownRefresh: false,
        disableScroll: false,
        onReachBottomDistance: 50,
        initialRenderingCache: 'dynamic',
      },
    },
  ],
  [
    // modelled on component-demo-public (custom-tab-bar/ + tabBar.custom) and the runtime TabBar type
    'custom tab bar at the top with redDot, one tab (2-5 tab limit is WeChat-only, not enforced)',
    {
      pages: ['pages/home/home'],
      tabBar: {
        custom: true,
        position: 'top',
        color: '#7A7E83',
        selectedColor: '#3cc51f',
        backgroundColor: '#ffffff',
        borderStyle: 'black',
        list: [{ pagePath: 'pages/home/home', text: 'Home', redDot: true }],
      },
    },
  ],
  [
    'camelCase subPackages, independent package, preloadRule with network wifi and by root',
    {
      pages: PAGES,
      subPackages: [
        { root: 'packageA', name: 'pkgA', pages: ['pages/cat/cat', 'pages/dog/dog'] },
        { root: 'packageB/', pages: ['pages/apple/apple'], independent: true },
        { root: 'packageC' },
      ],
      preloadRule: {
        'pages/index/index': { packages: ['pkgA', 'packageB/'], network: 'wifi' },
        'packageA/pages/cat/cat': { packages: ['__APP__'] },
      },
    },
  ],
  [
    'runtime-only keys: devtool, deviceOrientation, showStatusBar, useExtendedLib',
    {
      pages: PAGES,
      devtool: { debug: false, domainWhitelist: ['https://api.example.com'] },
      deviceOrientation: 'landscapeLeft',
      showStatusBar: true,
      useExtendedLib: { weui: true, kbone: '1.0.0' },
    },
  ],
  [
    'darkmode with an inline theme object instead of themeLocation',
    {
      pages: PAGES,
      darkmode: true,
      theme: { light: { navBgColor: '#f6f6f6' }, dark: { navBgColor: '#191919' } },
      window: { navigationBarBackgroundColor: '@navBgColor' },
    },
  ],
  ['darkmode false needs no themeLocation', { pages: PAGES, darkmode: false }],
  [
    'compiled form with the runtime `page` map',
    { pages: PAGES, page: { 'pages/index/index': { navigationBarTitleText: 'Home', enablePullDownRefresh: true } } },
  ],
  [
    // modelled on a WeChat project ported as-is: these keys are warned about, never schema errors
    'WeChat-only keys are accepted by the schema (the unsupported-key rule warns)',
    {
      pages: PAGES,
      networkTimeout: { request: 10000 },
      permission: { 'scope.userLocation': { desc: 'Show nearby shops' } },
      requiredBackgroundModes: ['audio'],
      usingComponents: { 'van-button': '/components/button/index' },
      sitemapLocation: 'sitemap.json',
      lazyCodeLoading: 'requiredComponents',
      window: { backgroundColorTop: '#ffffff', pageOrientation: 'auto' },
    },
  ],
  ['page path with a dot inside a folder name', { pages: ['pages/v1.2/index'] }],
];

// ---------------------------------------------------------------------------------------------
// app.json: invalid samples — [name, data, instancePath, keyword, params subset]
// The expected error is asserted to be the FIRST ajv error (ajv reports the leaf keyword before
// any if/anyOf/propertyNames wrapper error).
// ---------------------------------------------------------------------------------------------

type Invalid = [string, unknown, string, string, Record<string, unknown>?];

const invalidApps: Invalid[] = [
  // modelled on webview-demo/app.json with a themeLocation added, so that entryPage is its only error
  ['webview-demo/app.json + themeLocation: entryPage is not a key', { ...demoWebviewAppJson, themeLocation: 'theme.json' }, '', 'additionalProperties', { additionalProperty: 'entryPage' }],
  ['pages missing', { entryPagePath: 'pages/index/index' }, '', 'required', { missingProperty: 'pages' }],
  ['pages empty', { pages: [] }, '/pages', 'minItems', { limit: 1 }],
  ['page path with leading slash', { pages: ['/pages/index/index'] }, '/pages/0', 'pattern'],
  ['page path with file extension', { pages: ['pages/index/index.js'] }, '/pages/0', 'pattern'],
  ['page path with ./ segment', { pages: ['./pages/index/index'] }, '/pages/0', 'pattern'],
  ['page path with trailing slash', { pages: ['pages/index/'] }, '/pages/0', 'pattern'],
  ['duplicate page paths', { pages: ['pages/a/a', 'pages/a/a'] }, '/pages', 'uniqueItems'],
  ['pages entry not a string', { pages: [42] }, '/pages/0', 'type', { type: 'string' }],
  ['entryPagePath with leading slash', { pages: PAGES, entryPagePath: '/pages/index/index' }, '/entryPagePath', 'pattern'],
  ['navigationBarTextStyle not black|white', { pages: PAGES, window: { navigationBarTextStyle: 'red' } }, '/window/navigationBarTextStyle', 'enum', { allowedValues: ['black', 'white'] }],
  ['navigationBarTextStyle malformed theme reference', { pages: PAGES, window: { navigationBarTextStyle: '@nav txt' } }, '/window/navigationBarTextStyle', 'pattern'],
  ['backgroundTextStyle not dark|light', { pages: PAGES, window: { backgroundTextStyle: 'grey' } }, '/window/backgroundTextStyle', 'enum'],
  ['navigationStyle not default|custom', { pages: PAGES, window: { navigationStyle: 'transparent' } }, '/window/navigationStyle', 'enum'],
  ['colour name instead of HexColor', { pages: PAGES, window: { navigationBarBackgroundColor: 'red' } }, '/window/navigationBarBackgroundColor', 'pattern'],
  ['5-digit hex colour', { pages: PAGES, window: { backgroundColor: '#12345' } }, '/window/backgroundColor', 'pattern'],
  ['enablePullDownRefresh as string', { pages: PAGES, window: { enablePullDownRefresh: 'true' } }, '/window/enablePullDownRefresh', 'type', { type: 'boolean' }],
  ['initialRenderingCache not static|dynamic', { pages: PAGES, window: { initialRenderingCache: 'always' } }, '/window/initialRenderingCache', 'enum'],
  ['unknown window key (typo)', { pages: PAGES, window: { navigationBarTitle: 'x' } }, '/window', 'additionalProperties', { additionalProperty: 'navigationBarTitle' }],
  ['tabBar without list', { pages: PAGES, tabBar: { color: '#000' } }, '/tabBar', 'required', { missingProperty: 'list' }],
  ['tabBar item without pagePath', { pages: PAGES, tabBar: { list: [{ text: 'Home' }] } }, '/tabBar/list/0', 'required', { missingProperty: 'pagePath' }],
  ['tabBar item without text', { pages: PAGES, tabBar: { list: [{ pagePath: 'pages/index/index' }] } }, '/tabBar/list/0', 'required', { missingProperty: 'text' }],
  ['tabBar item with leading-slash pagePath', { pages: PAGES, tabBar: { list: [{ pagePath: '/pages/index/index', text: 'Home' }] } }, '/tabBar/list/0/pagePath', 'pattern'],
  ['tabBar item unknown key', { pages: PAGES, tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home', icon: 'a.png' }] } }, '/tabBar/list/0', 'additionalProperties', { additionalProperty: 'icon' }],
  ['tabBar position not bottom|top', { pages: PAGES, tabBar: { position: 'left', list: [] } }, '/tabBar/position', 'enum'],
  ['darkmode true without themeLocation', { pages: PAGES, darkmode: true }, '', 'required', { missingProperty: 'themeLocation' }],
  ['subpackage without root', { pages: PAGES, subpackages: [{ pages: ['pages/a/a'] }] }, '/subpackages/0', 'required', { missingProperty: 'root' }],
  ['subpackage root with leading slash', { pages: PAGES, subPackages: [{ root: '/packageA' }] }, '/subPackages/0/root', 'pattern'],
  ['subpackage independent as string', { pages: PAGES, subPackages: [{ root: 'packageA', independent: 'yes' }] }, '/subPackages/0/independent', 'type'],
  ['preloadRule network not wifi|all', { pages: PAGES, preloadRule: { 'pages/index/index': { packages: ['a'], network: '4g' } } }, '/preloadRule/pages~1index~1index/network', 'enum'],
  ['preloadRule without packages', { pages: PAGES, preloadRule: { 'pages/index/index': { network: 'all' } } }, '/preloadRule/pages~1index~1index', 'required', { missingProperty: 'packages' }],
  ['preloadRule keyed by a leading-slash path', { pages: PAGES, preloadRule: { '/pages/index/index': { packages: ['a'] } } }, '/preloadRule', 'pattern'],
  ['deviceOrientation not in enum', { pages: PAGES, deviceOrientation: 'auto' }, '/deviceOrientation', 'enum'],
  ['useExtendedLib value not boolean|string', { pages: PAGES, useExtendedLib: { weui: 1 } }, '/useExtendedLib/weui', 'type'],
  ['theme with an unknown mode', { pages: PAGES, theme: { sepia: {} } }, '/theme', 'additionalProperties', { additionalProperty: 'sepia' }],
  ['devtool.domainWhitelist not an array', { pages: PAGES, devtool: { domainWhitelist: 'https://a.com' } }, '/devtool/domainWhitelist', 'type'],
];

// ---------------------------------------------------------------------------------------------
// page / component .json
// ---------------------------------------------------------------------------------------------

const validPages: [string, unknown][] = [
  // binance/binance-mp-demo: component-demo-public/pages/about/about.json (verbatim)
  ['demo pages/about/about.json', { usingComponents: { 'theme-context': '../../components/theme-context/theme-context' }, navigationBarTitleText: 'About' }],
  // binance/binance-mp-demo: component-demo-public/pages/tabbar/component/index.json (verbatim)
  ['demo pages/tabbar/component/index.json', { usingComponents: { 'theme-context': '../../../components/theme-context/theme-context' }, navigationBarTitleText: 'Components', initialRenderingCache: 'static' }],
  // binance/binance-mp-demo: component-demo-public/pages/packageAPI/pages/pull-down-refresh/pull-down-refresh.json (verbatim)
  ['demo pull-down-refresh.json', { navigationBarTitleText: '下拉刷新', enablePullDownRefresh: true, usingComponents: { head: '../../../../components/head/head', 'theme-context': '../../../../components/theme-context/theme-context' } }],
  // binance/binance-mp-demo: component-demo-public/pages/packageAPI/pages/page-scroll-reach-bottom/page-scroll-reach-bottom.json (verbatim)
  ['demo page-scroll-reach-bottom.json', { usingComponents: { head: '../../../../components/head/head', 'theme-context': '../../../../components/theme-context/theme-context' }, onReachBottomDistance: 200 }],
  // binance/binance-mp-demo: component-demo-public/pages/component/pages/web-view-custom-nav/web-view-custom-nav.json (verbatim)
  ['demo web-view-custom-nav.json', { navigationBarTitleText: 'web-view', usingComponents: { 'theme-context': '../../../../components/theme-context/theme-context' }, navigationStyle: 'custom' }],
  // binance/binance-mp-demo: webview-demo/pages/web-view/web-view.json (verbatim)
  ['demo webview-demo web-view.json (empty usingComponents)', { usingComponents: {}, navigationStyle: 'default' }],
  // binance/binance-mp-demo: component-demo-public/components/with-providers/with-providers.json (verbatim; component json without `component: true`)
  ['demo components/with-providers/with-providers.json', { usingComponents: { 'theme-provider': '../theme-context/theme-context' } }],
  ['custom component json', { component: true, usingComponents: { 'my-button': '/components/my-button/my-button' } }],
  ['empty page json', {}],
  [
    'every Binance window key with theme references',
    {
      navigationBarBackgroundColor: '@navBgColor',
      navigationBarButtonColor: '#707A8A',
      navigationBarTitleText: 'Detail',
      navigationBarTextStyle: '@navTxtStyle',
      navigationStyle: 'custom',
      backgroundTextStyle: '@bgTxtStyle',
      backgroundColor: '#F5F5F5',
      enablePullDownRefresh: true,
      disableScroll: true,
      onReachBottomDistance: 100,
      initialRenderingCache: 'dynamic',
    },
  ],
  ['WeChat-only page keys are accepted (warned elsewhere)', { component: true, styleIsolation: 'apply-shared', componentGenerics: { selectable: true }, enableShareAppMessage: true }],
];

const invalidPages: Invalid[] = [
  // binance/binance-mp-demo: component-demo-public/pages/packageAPI/pages/read-file/text.json is a DATA file; the rule
  // must only apply page.schema.json to the .json of a page or component, otherwise it reports this.
  ['data json validated as page config', { text: 'Hello world' }, '', 'additionalProperties', { additionalProperty: 'text' }],
  ['navigationBarTextStyle not black|white', { navigationBarTextStyle: 'grey' }, '/navigationBarTextStyle', 'enum'],
  ['navigationBarBackgroundColor not HexColor', { navigationBarBackgroundColor: 'rgb(0,0,0)' }, '/navigationBarBackgroundColor', 'pattern'],
  ['usingComponents path not a string', { usingComponents: { head: 42 } }, '/usingComponents/head', 'type', { type: 'string' }],
  ['usingComponents path empty', { usingComponents: { head: '' } }, '/usingComponents/head', 'minLength'],
  ['usingComponents as array', { usingComponents: ['head'] }, '/usingComponents', 'type', { type: 'object' }],
  ['component as string', { component: 'true' }, '/component', 'type', { type: 'boolean' }],
  ['enablePullDownRefresh as string', { enablePullDownRefresh: 'yes' }, '/enablePullDownRefresh', 'type'],
  ['onReachBottomDistance as string', { onReachBottomDistance: '50' }, '/onReachBottomDistance', 'type', { type: 'number' }],
  ['initialRenderingCache not static|dynamic', { initialRenderingCache: 'always' }, '/initialRenderingCache', 'enum'],
  ['Component() options object in json', { component: true, options: { styleIsolation: 'shared' } }, '', 'additionalProperties', { additionalProperty: 'options' }],
  ['app.json keys in a page json', { pages: ['pages/a/a'] }, '', 'additionalProperties', { additionalProperty: 'pages' }],
];

// ---------------------------------------------------------------------------------------------

const expectFirstError = (validate: ValidateFunction, data: unknown, path: string, keyword: string, params?: Record<string, unknown>) => {
  const errors = errorsOf(validate, data);
  expect(errors.length, 'expected the sample to be invalid').toBeGreaterThan(0);
  const first = errors[0];
  expect({ instancePath: first.instancePath, keyword: first.keyword }, describeErrors(errors).join('\n')).toEqual({ instancePath: path, keyword });
  if (params) expect(first.params).toMatchObject(params);
};

describe('app.schema.json', () => {
  it.each(validApps)('accepts: %s', (_name, data) => {
    expect(describeErrors(errorsOf(validateApp, data))).toEqual([]);
  });

  it.each(invalidApps)('rejects: %s', (_name, data, path, keyword, params) => {
    expectFirstError(validateApp, data, path, keyword, params);
  });

  it('reports both real defects of the verbatim demo webview-demo/app.json', () => {
    // The demo sets darkmode: true with no themeLocation (and ships no theme.json), and uses `entryPage`.
    const leafErrors = errorsOf(validateApp, demoWebviewAppJson)
      .filter((e) => e.keyword !== 'if')
      .map((e) => [e.instancePath, e.keyword, e.params]);
    expect(leafErrors).toEqual([
      ['', 'required', { missingProperty: 'themeLocation' }],
      ['', 'additionalProperties', { additionalProperty: 'entryPage' }],
    ]);
  });

  it('has at least 10 valid and 12 invalid samples', () => {
    expect(validApps.length).toBeGreaterThanOrEqual(10);
    expect(invalidApps.length).toBeGreaterThanOrEqual(12);
  });

  it('does not enforce the WeChat-only 2-5 tab limit', () => {
    const list = Array.from({ length: 6 }, (_, i) => ({ pagePath: `pages/t${i}/t${i}`, text: `T${i}` }));
    expect(errorsOf(validateApp, { pages: list.map((t) => t.pagePath), tabBar: { list } })).toEqual([]);
    expect(errorsOf(validateApp, { pages: PAGES, tabBar: { list: [] } })).toEqual([]);
  });
});

describe('page.schema.json', () => {
  it.each(validPages)('accepts: %s', (_name, data) => {
    expect(describeErrors(errorsOf(validatePage, data))).toEqual([]);
  });

  it.each(invalidPages)('rejects: %s', (_name, data, path, keyword, params) => {
    expectFirstError(validatePage, data, path, keyword, params);
  });

  it('has at least 5 valid and 6 invalid samples', () => {
    expect(validPages.length).toBeGreaterThanOrEqual(5);
    expect(invalidPages.length).toBeGreaterThanOrEqual(6);
  });

  it('allows every window key of app.schema.json at the top level of a page json, with the same schema', () => {
    const appWindow = appSchema.definitions!.window.properties!;
    for (const [key, schema] of Object.entries(appWindow)) {
      expect(pageSchema.properties[key], key).toEqual(schema);
    }
  });
});

describe('unsupported-keys.json', () => {
  // Whatever shape a WeChat project gives these keys, the schema rule must stay quiet: the warning rule reports them.
  const anyValues: unknown[] = [true, 0, 'x', {}, [], { nested: { a: 1 } }, null];
  const UNSUPPORTED_MARK = 'Not documented for Binance';

  it('has well-formed, unique entries with a one-line note', () => {
    for (const group of ['app', 'window', 'page'] as const) {
      const keys = unsupported[group].map((e) => e.key);
      expect(new Set(keys).size, group).toBe(keys.length);
      for (const { key, note } of unsupported[group]) {
        expect(key, group).toMatch(/^\S+$/);
        expect(note.length, key).toBeGreaterThan(10);
        expect(note, key).not.toMatch(/\n/);
      }
    }
  });

  it.each(unsupported.app.map((e) => [e.key]))('app key %s is accepted by app.schema.json', (key) => {
    for (const value of anyValues) {
      expect(describeErrors(errorsOf(validateApp, { pages: PAGES, [key]: value })), JSON.stringify(value)).toEqual([]);
    }
  });

  it.each(unsupported.window.map((e) => [e.key]))('window key %s is accepted in app.json window and in page json', (key) => {
    for (const value of anyValues) {
      expect(describeErrors(errorsOf(validateApp, { pages: PAGES, window: { [key]: value } })), JSON.stringify(value)).toEqual([]);
      expect(describeErrors(errorsOf(validatePage, { [key]: value })), JSON.stringify(value)).toEqual([]);
    }
  });

  it.each(unsupported.page.map((e) => [e.key]))('page key %s is accepted by page.schema.json', (key) => {
    for (const value of anyValues) {
      expect(describeErrors(errorsOf(validatePage, { [key]: value })), JSON.stringify(value)).toEqual([]);
    }
  });

  it('lists exactly the keys the schemas accept without checking (no silent gaps for the warning rule)', () => {
    const marked = (props: Record<string, Json>) =>
      Object.entries(props)
        .filter(([, s]) => typeof s.$comment === 'string' && s.$comment.startsWith(UNSUPPORTED_MARK))
        .map(([k]) => k)
        .sort();
    const sorted = (list: { key: string }[]) => list.map((e) => e.key).sort();

    expect(marked(appSchema.properties)).toEqual(sorted(unsupported.app));
    expect(marked(appSchema.definitions!.window.properties!)).toEqual(sorted(unsupported.window));
    expect(marked(pageSchema.properties)).toEqual(sorted([...unsupported.window, ...unsupported.page]));
  });

  it('never lists a key that Binance documents or types', () => {
    const binanceApp = Object.keys(appSchema.properties).filter((k) => !unsupported.app.some((e) => e.key === k));
    const binanceWindow = Object.keys(appSchema.definitions!.window.properties!).filter((k) => !unsupported.window.some((e) => e.key === k));
    for (const { key } of unsupported.app) expect(binanceApp, key).not.toContain(key);
    for (const { key } of [...unsupported.window, ...unsupported.page]) {
      expect(binanceWindow, key).not.toContain(key);
      expect(['usingComponents', 'component'], key).not.toContain(key);
    }
    expect(binanceApp).toEqual(expect.arrayContaining(['entryPagePath', 'pages', 'window', 'tabBar', 'subPackages', 'subpackages', 'preloadRule', 'darkmode', 'theme', 'themeLocation']));
  });
});
