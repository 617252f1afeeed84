import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const PAGE = 'pages/index/index.js';
const page = (code: string) => miniApp({ [PAGE]: code });

new RuleTester().run(rule, {
  valid: [
    {
      name: 'APIs used only behind a feature check (multi-platform component libraries)',
      files: miniApp({
        'pages/index/index.js': [
          'const tick = (cb) => (bn.nextTick ? bn.nextTick(cb) : setTimeout(cb, 33));',
          'if (bn.getMenuButtonBoundingClientRect) { const rect = bn.getMenuButtonBoundingClientRect(); }',
          "if (bn.canIUse('chooseMedia')) bn.chooseMedia({});",
          "typeof bn.createAnimation === 'function' && bn.createAnimation({});",
          'function later(cb) { if (canIUseNextTick()) { bn.nextTick(cb); } else { setTimeout(cb, 33); } }',
          'Page({ tick });',
        ].join('\n'),
      }),
    },
    {
      name: 'optional calls and members, negated reads, flags and helpers named for the check',
      files: miniApp({
        'pages/index/index.js': [
          'const rect = bn.getMenuButtonBoundingClientRect?.();',
          'const ctx = bn.router?.getRouteContext(this);',
          'const useWorklet = !!bn.worklet;',
          'if (!bn.createAnimation) throw new Error("no animation");',
          'Page({',
          '  onLoad() {',
          "    this._useWorklet = this.renderer === 'skyline' && !!bn.worklet;",
          '    if (this._useWorklet) { this.top = bn.worklet.shared(0); }',
          '    if ((0, version_1.canIUseNextTick)()) { bn.nextTick(() => {}); }',
          '    if (utils.isSupportChooseMedia()) bn.chooseMedia({});',
          "    const canIUse = bn.canIUse('bn.createMediaContainer()');",
          '    if (canIUse) { this.container = bn.createMediaContainer(); }',
          '  },',
          '  skyline() {',
          '    if (!bn.getSkylineInfoSync) return false;',
          '    const { isSupported } = bn.getSkylineInfoSync();',
          '    return isSupported;',
          '  },',
          '});',
        ].join('\n'),
      }),
    },
    {
      name: 'the app storing its own values on the bn object, read in another file',
      files: miniApp({
        'components/share.js': 'Component({ lifetimes: { attached() { bn.xrScene = this.scene; bn.xrTitle = this.data.title; } } });',
        'pages/index/index.js': 'Page({ onShow() { const scene = bn.xrScene; this.setData({ title: bn.xrTitle, scene }); } });',
      }),
    },
    { name: 'a page calling public APIs as bn members', files: page("Page({\n  onLoad() {\n    bn.showToast({ title: 'Hi' });\n    bn.navigateTo({ url: '/pages/a/index' });\n  },\n});\n") },
    { name: 'a public API under a constant computed key', files: page("const KEY = 'request';\nbn['setStorageSync']('k', 1);\nbn[KEY]({ url: 'https://api.example.com' });\n") },
    { name: 'public APIs destructured from bn and aliased', files: page('const { showModal, getSystemInfoSync: info } = bn;\nconst request = bn.request;\nshowModal({});\ninfo();\nrequest({});\n') },
    {
      name: 'named imports of bn members and of default-export-only hooks',
      files: page("import { navigateTo, useDidShow, getCurrentInstance } from '@binance/mp-service';\nuseDidShow(() => navigateTo({ url: '/pages/a/index' }));\ngetCurrentInstance();\n"),
    },
    {
      name: 'members of the default import and of require()',
      files: page("import mp from '@binance/mp-service';\nconst api = require('@binance/mp-service');\nmp.useDidShow(() => {});\nmp.eventCenter.on('x', () => {});\napi.login();\n"),
    },
    { name: 'documented open-data APIs the type package lacks', files: page('bn.getPhoneNumber();\nbn.getEmailAddress();\nbn.getOpenId();\nbn.getUserOpenId();\n') },
    { name: 'APIs used by the official demo that the type package lacks', files: page("bn.requestBinanceCardInfo();\nbn.checkBinanceCardAvailable();\nbn.openWidget({ path: 'widgets/clock/index' });\nbn.toast({ title: 'no more data' });\nbn.offAddToFavorites(() => {});\n") },
    { name: 'a local variable named bn (vendor BigNumber)', files: page("import BN from 'bn.js';\nconst bn = new BN(1);\nbn.toString();\nbn._strip();\nbn.imuln(2);\n") },
    { name: 'a parameter named bn', files: page('function add(bn, other) {\n  return bn.iadd(other)._normSign();\n}\nadd(1, 2);\n') },
    { name: 'type-only imports from @binance/mp-service', files: miniApp({ 'utils/types.ts': "import type { RequestOption } from '@binance/mp-service';\nimport { type ShowToastOption } from '@binance/mp-service';\nexport type A = RequestOption | ShowToastOption;\n" }) },
    { name: 'an Object.prototype feature check', files: page("if (bn.hasOwnProperty('getOpenId')) bn.getOpenId();\n") },
    {
      name: 'module interop: the default export reached through require() and a namespace import',
      files: page("import * as ns from '@binance/mp-service';\nimport { default as mp } from '@binance/mp-service';\nconst api = require('@binance/mp-service');\napi.default.navigateTo({ url: '/pages/a/index' });\nns.default.showToast({ title: 'Hi' });\nif (api.__esModule) mp.login();\n"),
    },
    { name: 'dynamic access is left to api/no-dynamic-api-access', files: page('export function call(name) {\n  return bn[name]();\n}\n') },
  ],
  invalid: [
    {
      name: 'a private bridge member',
      files: page('Page({\n  onLoad() {\n    bn._bridge();\n  },\n});\n'),
      errors: [{ messageId: 'privateMember', file: PAGE, line: 3, column: 5, endLine: 3, endColumn: 15, data: { name: '_bridge', api: 'bn._bridge' } }],
    },
    {
      name: 'a WeChat-only API: named as such, with the failure at run time',
      files: page('const system = bn.getXrFrameSystem();\n'),
      errors: [{
        messageId: 'otherPlatformApi', file: PAGE, line: 1, column: 16,
        data: { name: 'getXrFrameSystem', api: 'bn.getXrFrameSystem', platform: 'a WeChat', spelled: 'wx.getXrFrameSystem', instead: '' },
        message: 'bn.getXrFrameSystem is a WeChat API (wx.getXrFrameSystem), not a Binance one: it is undefined on Binance, so the code using it fails at run time (4.1.1).',
      }],
    },
    {
      name: 'an Alipay API with a Binance replacement, and a WeChat API with one',
      files: page("bn.alert({ content: 'Saved' });\nbn.showNavigationBarLoading();\n"),
      errors: [
        { messageId: 'otherPlatformApi', file: PAGE, line: 1, column: 1, data: { name: 'alert', api: 'bn.alert', platform: 'an Alipay', spelled: 'my.alert', instead: '; use bn.showModal({ showCancel: false }) instead' }, message: 'fails at run time; use bn.showModal({ showCancel: false }) instead' },
        { messageId: 'otherPlatformApi', file: PAGE, line: 2, column: 1, message: 'bn.showNavigationBarLoading is a WeChat, Alipay and Douyin (ByteDance) API (wx.showNavigationBarLoading), not a Binance one: it is undefined on Binance, so the code using it fails at run time; use bn.showLoading instead (4.1.1).' },
      ],
    },
    {
      name: 'a call in a branch guarded by another API is still reported',
      files: page("if (bn.canIUse('showToast')) bn.chooseMedia({});\nif (this.duration) bn.nextTick(() => {});\nif (showAlert) bn.alert({});\nfunction dark() {\n  if (!bn.onThemeChange) return;\n  bn.setTabBarStyle({});\n}\n"),
      errors: [
        { messageId: 'otherPlatformApi', file: PAGE, line: 1, column: 30 },
        { messageId: 'otherPlatformApi', file: PAGE, line: 2, column: 20 },
        { messageId: 'otherPlatformApi', file: PAGE, line: 3, column: 16 },
        { messageId: 'otherPlatformApi', file: PAGE, line: 6, column: 3 },
      ],
    },
    {
      name: 'a private member destructured from bn',
      files: page('const { _x } = bn;\n_x();\n'),
      errors: [{ messageId: 'privateMember', file: PAGE, line: 1, column: 9 }],
    },
    {
      name: 'an unknown named import from @binance/mp-service',
      files: page("import { navigateTo, fakeApi } from '@binance/mp-service';\nfakeApi();\nnavigateTo({ url: '/pages/a/index' });\n"),
      errors: [{ messageId: 'unknownApi', file: PAGE, line: 1, column: 22, message: '"fakeApi" (imported from @binance/mp-service) is not a public' }],
    },
    {
      name: 'a private member under a string key',
      files: page("const internal = bn['_x'];\n"),
      errors: [{ messageId: 'privateMember', file: PAGE, line: 1, column: 18, endColumn: 26, data: { name: '_x', api: 'bn._x' } }],
    },
    {
      name: 'a private member under a constant key',
      files: page("const KEY = '__secret';\nbn[KEY]();\n"),
      errors: [{ messageId: 'privateMember', file: PAGE, line: 2, column: 1, data: { name: '__secret', api: 'bn.__secret' } }],
    },
    {
      name: 'a typo of a public API, with a suggestion',
      files: page("Page({\n  go() {\n    bn.navigatTo({ url: '/pages/a/index' });\n  },\n});\n"),
      errors: [{ messageId: 'unknownApi', file: PAGE, line: 3, column: 5, data: { name: 'navigatTo', api: 'bn.navigatTo', hint: ' (did you mean bn.navigateTo?)' }, message: 'did you mean bn.navigateTo?' }],
    },
    {
      name: 'a transposition typo and a case slip',
      files: page("bn.shwoToast({ title: 'x' });\nbn.SetStorageSync('k', 1);\n"),
      errors: [
        { messageId: 'unknownApi', file: PAGE, line: 1, column: 1, message: 'did you mean bn.showToast?' },
        { messageId: 'unknownApi', file: PAGE, line: 2, column: 1, message: 'did you mean bn.setStorageSync?' },
      ],
    },
    {
      name: 'private plugin APIs declared in the d.ts but not public (via require and the default import)',
      files: page("const api = require('@binance/mp-service');\nimport mp from '@binance/mp-service';\napi.getDeviceId();\nmp.setUserToken('t');\n"),
      errors: [
        { messageId: 'unknownApi', file: PAGE, line: 3, column: 1 },
        { messageId: 'unknownApi', file: PAGE, line: 4, column: 1 },
      ],
    },
    {
      name: 'a private member read through an alias of bn and a constant computed destructuring key',
      files: page("const b = bn;\nb._native.invoke('x');\nconst { ['_y']: y } = bn;\n"),
      errors: [
        { messageId: 'privateMember', file: PAGE, line: 2, column: 1, endColumn: 10 },
        { messageId: 'privateMember', file: PAGE, line: 3, column: 10 },
      ],
    },
    {
      name: 'a private member in an inline <bns> module of a template',
      files: miniApp({ 'pages/index/index.bxml': '<bns module="m">\nvar hidden = bn._inner;\nmodule.exports = { hidden: hidden };\n</bns>\n<view>{{m.hidden}}</view>\n' }),
      errors: [{ messageId: 'privateMember', file: 'pages/index/index.bxml', line: 2, column: 14, endLine: 2, endColumn: 23 }],
    },
    {
      name: 'names destructured from require() and re-exported from @binance/mp-service',
      files: miniApp({ 'utils/bn.ts': "const { request, _request } = require('@binance/mp-service');\nexport { navigateTo, getDeviceId } from '@binance/mp-service';\nexport type { RequestOption } from '@binance/mp-service';\n" }),
      errors: [
        { messageId: 'privateMember', file: 'utils/bn.ts', line: 1, column: 18 },
        { messageId: 'unknownApi', file: 'utils/bn.ts', line: 2, column: 22, data: { name: 'getDeviceId', api: '"getDeviceId" (imported from @binance/mp-service)', hint: '' } },
      ],
    },
    {
      name: 'an API no platform declares',
      files: page('bn.launchRocket();\n'),
      errors: [{ messageId: 'unknownApi', file: PAGE, line: 1, column: 1, message: 'bn.launchRocket is not a public Binance mini program API: where the runtime lacks it the code using it fails' }],
    },
    {
      name: 'an unknown API in a React-style TypeScript page',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nimport { useDidShow, chooseMedia } from '@binance/mp-service';\nexport default function Index() {\n  useDidShow(() => chooseMedia({ count: 1 }));\n  return <View />;\n}\n",
      },
      errors: [{ messageId: 'otherPlatformApi', file: 'src/pages/index/index.tsx', line: 2, column: 22, data: { name: 'chooseMedia', api: '"chooseMedia" (imported from @binance/mp-service)', platform: 'a WeChat and Douyin (ByteDance)', spelled: 'wx.chooseMedia', instead: '; use bn.chooseImage (images) instead' } }],
    },
  ],
});
