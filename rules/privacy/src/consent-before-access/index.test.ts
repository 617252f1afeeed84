import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, runRule } from '@bmplint/core/testing';
import rule from './index.js';

/** A classic page: `script` is pages/index/index.js, `template` its bxml. */
const page = (script: string, template = '<view class="page">Hello</view>\n', files: Record<string, string> = {}) =>
  miniApp({ 'pages/index/index.js': script, 'pages/index/index.bxml': template, ...files });

/** A React-style app whose index page is `code`. */
const react = (code: string, files: Record<string, string> = {}) => ({
  'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
  'src/pages/index/index.tsx': code,
  ...files,
});

new RuleTester().run(rule, {
  valid: [
    {
      name: 'getPhoneNumber from the authorize event of an open-type="getAuthorize" button (the platform asked first)',
      files: page(
        "Page({\n  onPhoneAuthorized() {\n    bn.getPhoneNumber({ success: (res) => this.setData({ token: res }) });\n  },\n});\n",
        '<button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onPhoneAuthorized">Bind phone number</button>\n',
      ),
    },
    {
      name: 'chooseLocation (the user picks a place on a map) from a control that says it picks a location',
      files: page(
        "Page({\n  pick() {\n    bn.chooseLocation({ success: (res) => this.setData({ address: res.address }) });\n  },\n});\n",
        '<view>\n  <view class="cell" title="GPS定位" bindtap="pick">{{ address || \'点击定位\' }}</view>\n  <button bindtap="pick">Choose address on map</button>\n</view>\n',
      ),
    },
    {
      name: 'icon controls say what they do by their icon or class: a scan icon, an uploader tile, a poster button',
      files: page(
        "Page({\n  scan() { bn.scanCode({}); },\n  add() { bn.chooseImage({ count: 9 }); },\n  keep() { bn.saveImageToPhotosAlbum({ filePath: this.data.poster }); },\n});\n",
        '<view>\n  <van-icon name="scan" bind:click="scan"/>\n  <view class="weui-uploader__input" bindtap="add"></view>\n  <button bindtap="keep">生成海报</button>\n</view>\n',
        { 'pages/index/index.json': JSON.stringify({ usingComponents: { 'van-icon': '/components/icon/index' } }), 'components/icon/index.json': '{"component": true}', 'components/icon/index.js': 'Component({ properties: { name: String } });', 'components/icon/index.bxml': '<text class="icon-{{name}}"/>' },
      ),
    },
    {
      name: 'getLocation inside the success callback of bn.authorize, from a tap',
      files: page(
        [
          'Page({',
          '  data: { city: "" },',
          '  onNearby() {',
          "    bn.authorize({ scope: 'scope.userLocation', success: () => {",
          "      bn.getLocation({ type: 'wgs84', success: (res) => this.setData({ lat: res.latitude }) });",
          '    } });',
          '  },',
          '});',
        ].join('\n'),
        '<view><button bindtap="onNearby">Find stores near me</button></view>',
      ),
    },
    {
      name: 'await bn.authorize before bn.getLocation in onLoad',
      files: page("Page({\n  async onLoad() {\n    await bn.authorize({ scope: 'scope.userLocation' });\n    const loc = await bn.getLocation();\n    this.setData({ loc });\n  },\n});\n"),
    },
    {
      name: 'a bn.getSetting check, then authorize when not yet granted',
      files: page([
        'Page({',
        '  async onShow() {',
        '    const { authSetting } = await bn.getSetting();',
        "    if (!authSetting['scope.userLocation']) await bn.authorize({ scope: 'scope.userLocation' });",
        '    bn.startLocationUpdate();',
        '  },',
        '});',
      ].join('\n')),
    },
    {
      name: 'a bn.showModal whose confirm gates the call (early return)',
      files: page([
        'Page({',
        '  async onLoad() {',
        "    const { confirm } = await bn.showModal({ title: 'Use your location?', content: 'We show gas stations near you.' });",
        '    if (!confirm) return;',
        '    const loc = await bn.getLocation();',
        '  },',
        '});',
      ].join('\n')),
    },
    {
      name: 'a bn.showModal success callback that checks res.confirm',
      files: page("Page({\n  onLoad() {\n    bn.showModal({ title: 'Email', content: 'We send receipts to your email.', success(res) {\n      if (res.confirm) bn.getEmailAddress();\n    } });\n  },\n});\n"),
    },
    {
      name: 'scanCode from a tap on a button that says what it does',
      files: page("Page({\n  scan() {\n    bn.scanCode({ scanType: ['qrCode'] }).then((res) => this.setData({ code: res.result }));\n  },\n});\n", '<view>\n  <button bindtap="scan">Scan QR code</button>\n</view>\n'),
    },
    {
      name: 'chooseImage from a tap on an upload control, through a helper method',
      files: page(
        "Page({\n  onAvatarTap() { this.pickImage(); },\n  pickImage() { bn.chooseImage({ count: 1 }); },\n});\n",
        '<view bindtap="onAvatarTap" class="avatar"><text>Change avatar</text></view>\n',
      ),
    },
    {
      name: 'chooseImage from the select event of a custom action sheet titled with its purpose',
      files: page("Page({\n  onPick(e) {\n    bn.chooseImage({ count: 1, sourceType: [e.detail.source] });\n  },\n});\n", '<ui-sheet title="Upload a photo" bind:select="onPick"/>'),
    },
    {
      name: 'chooseImage limited to the album in onLoad does not reach the camera',
      files: page("Page({\n  onLoad() {\n    bn.chooseImage({ count: 3, sourceType: ['album'] });\n  },\n});\n"),
    },
    {
      name: 'getPhoneNumber from the open-type button event (the platform asks the user)',
      files: page(
        'Page({\n  onPhone(e) {\n    bn.getPhoneNumber().then((res) => bn.request({ url: "https://api.example.com/phone", data: { token: res.data_token } }));\n  },\n});\n',
        '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">Verify phone</button>\n',
      ),
    },
    {
      name: 'a permission helper imported from another file runs first',
      files: page(
        "import { ensureLocation } from '../../utils/permission';\nPage({\n  async onLoad() {\n    await ensureLocation();\n    const loc = await bn.getLocation();\n  },\n});\n",
        undefined,
        { 'utils/permission.js': "export async function ensureLocation() {\n  const { authSetting } = await bn.getSetting();\n  if (!authSetting['scope.userLocation']) await bn.authorize({ scope: 'scope.userLocation' });\n}\n" },
      ),
    },
    {
      name: 'getUserProfile on a tap: the platform shows its own prompt',
      files: page("Page({\n  onAvatar() {\n    bn.getUserProfile({ desc: 'Show your avatar on the leaderboard' }).then((res) => this.setData({ user: res.userInfo }));\n  },\n});\n", '<button bindtap="onAvatar">Use my Binance avatar</button>'),
    },
    {
      name: 'a stored consent flag gates the call',
      files: page("Page({\n  onShow() {\n    if (this.data.agreedPrivacy) bn.getLocation();\n  },\n});\n"),
    },
    {
      name: 'saveImageToPhotosAlbum from a tap on "Save to album"',
      files: page("Page({\n  save() { bn.saveImageToPhotosAlbum({ filePath: this.data.poster }); },\n});\n", '<button bindtap="save">Save poster to album</button>'),
    },
    {
      name: 'a React page: scanCode from a button that says Scan',
      files: react([
        "import { scanCode } from '@binance/mp-service';",
        "import { Button, View } from '@binance/mp-components';",
        'export default function Index() {',
        '  const handleScan = async () => { await scanCode({}); };',
        '  return <View><Button onClick={handleScan}>Scan ticket QR</Button></View>;',
        '}',
      ].join('\n')),
    },
    {
      name: 'a React page: useEffect asks with authorize before reading the location',
      files: react([
        "import bn from '@binance/mp-service';",
        "import { useEffect } from 'react';",
        'export default function Index() {',
        "  useEffect(() => { bn.authorize({ scope: 'scope.userLocation' }).then(() => bn.getLocation()); }, []);",
        '  return null;',
        '}',
      ].join('\n')),
    },
  ],
  invalid: [
    {
      name: 'getLocation in onLoad with no consent',
      files: page("Page({\n  onLoad() {\n    bn.getLocation({ success: (res) => this.setData({ lat: res.latitude }) });\n  },\n});\n"),
      errors: [{ messageId: 'noConsent', file: 'pages/index/index.js', line: 3, column: 5, message: 'onLoad lifecycle hook' }],
    },
    {
      name: 'a tap is not consent for the location',
      files: page(
        "Page({\n  locate() {\n    bn.getLocation();\n  },\n});\n",
        '<view>\n  <button bindtap="locate">Find stores near me</button>\n</view>\n',
      ),
      errors: [{ messageId: 'tapIsNotConsent', file: 'pages/index/index.js', line: 3, column: 5, data: { api: 'getLocation', what: "the user's location", element: '<button>', handler: 'locate', how: "bn.authorize({ scope: 'scope.userLocation' }) (or check bn.getSetting) or a bn.showModal that says why and gates the call on confirm" } }],
    },
    {
      name: 'a tap on a control whose own label asks for the location ("获取位置", "Use my location") is a warning, not an error',
      files: page(
        "Page({\n  getLocation() {\n    bn.getLocation({ success: (res) => this.setData({ res }) });\n  },\n  locate() {\n    bn.getLocation();\n  },\n});\n",
        '<view>\n  <button type="primary" bindtap="getLocation">获取位置</button>\n  <view bindtap="locate" class="link">Use my location</view>\n</view>\n',
      ),
      errors: [
        { messageId: 'labelledTap', file: 'pages/index/index.js', line: 3, column: 5, severity: 'warning', data: { api: 'getLocation', what: "the user's location", element: '<button>', handler: 'getLocation', label: '"获取位置"', how: "bn.authorize({ scope: 'scope.userLocation' }) (or check bn.getSetting) or a bn.showModal that says why and gates the call on confirm" } },
        { messageId: 'labelledTap', file: 'pages/index/index.js', line: 6, column: 5, severity: 'warning', message: 'labelled "Use my location"' },
      ],
    },
    {
      name: 'chooseImage (camera by default) from a tap on a control whose label says nothing about it',
      files: page("Page({\n  next() {\n    bn.chooseImage({ count: 1 });\n  },\n});\n", '<view bindtap="next" class="cta">Next</view>\n'),
      errors: [{ messageId: 'purposeUnclear', file: 'pages/index/index.js', line: 3, column: 5, message: 'label ("Next")', confidence: 'low' }],
    },
    {
      name: 'chooseLocation from a control that does not say it picks a place; getLocation from a tap is still no consent',
      files: page(
        "Page({\n  go() {\n    bn.chooseLocation({});\n  },\n  near() {\n    bn.getLocation();\n  },\n});\n",
        '<view>\n  <button bindtap="go">Next</button>\n  <button bindtap="near">Choose address on map</button>\n</view>\n',
      ),
      errors: [
        { messageId: 'purposeUnclear', file: 'pages/index/index.js', line: 3, column: 5, confidence: 'low' },
        { messageId: 'tapIsNotConsent', file: 'pages/index/index.js', line: 6, column: 5 },
      ],
    },
    {
      name: 'a bn.showModal whose answer is ignored is not consent',
      files: page("Page({\n  async onShow() {\n    await bn.showModal({ title: 'Tip', content: 'Welcome!' });\n    bn.getLocation();\n  },\n});\n"),
      errors: [{ messageId: 'noConsent', file: 'pages/index/index.js', line: 4, column: 5, message: 'onShow lifecycle hook' }],
    },
    {
      name: 'authorize for another scope does not cover the location',
      files: page("Page({\n  async onLoad() {\n    await bn.authorize({ scope: 'scope.camera' });\n    await bn.getLocation();\n  },\n});\n"),
      errors: [{ messageId: 'noConsent', file: 'pages/index/index.js', line: 4, column: 11 }],
    },
    {
      name: 'a chain of methods from onLoad',
      files: page("Page({\n  onLoad() { this.init(); },\n  init() { const that = this; that.locate(); },\n  locate() { return bn.startLocationUpdate(); },\n});\n"),
      errors: [{ messageId: 'noConsent', file: 'pages/index/index.js', line: 4, column: 21, message: 'onLoad lifecycle hook' }],
    },
    {
      name: 'a helper in another file called from a component lifetime',
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { profile: '/components/profile/index' } }),
        'pages/index/index.bxml': '<profile/>',
        'components/profile/index.json': '{"component": true}',
        'components/profile/index.bxml': '<view>{{nick}}</view>',
        'components/profile/index.js': "const { loadProfile } = require('../../utils/user.js');\nComponent({\n  lifetimes: {\n    attached() { loadProfile(this); },\n  },\n});\n",
        'utils/user.js': 'function loadProfile(comp) {\n  bn.getUserInfo().then((res) => comp.setData({ nick: res.userInfo.nickName }));\n}\nmodule.exports = { loadProfile };\n',
      }),
      errors: [{ messageId: 'noConsent', file: 'utils/user.js', line: 2, column: 3, message: 'lifetimes.attached lifecycle hook' }],
    },
    {
      name: 'a React page reading the user profile in useEffect',
      files: react([
        "import { getUserInfo } from '@binance/mp-service';",
        "import { useEffect, useState } from 'react';",
        'export default function Index() {',
        '  const [user, setUser] = useState(null);',
        '  useEffect(() => {',
        '    getUserInfo().then(setUser);',
        '  }, []);',
        '  return null;',
        '}',
      ].join('\n')),
      errors: [{ messageId: 'noConsent', file: 'src/pages/index/index.tsx', line: 6, column: 5, message: 'useEffect lifecycle hook' }],
    },
    {
      name: 'a plain tap on a phone button that is not an open-type button',
      files: page("Page({\n  bindPhone() {\n    bn.getPhoneNumber();\n  },\n});\n", '<button bindtap="bindPhone">Bind phone</button>'),
      errors: [{ messageId: 'tapIsNotConsent', file: 'pages/index/index.js', line: 3, column: 5 }],
    },
    {
      name: 'an image load event is not a user gesture',
      files: page("Page({\n  onBanner() {\n    bn.getLocation();\n  },\n});\n", '<image src="/banner.png" bindload="onBanner"/>'),
      errors: [{ messageId: 'noConsent', file: 'pages/index/index.js', line: 3, column: 5, message: 'the "load" event handler onBanner' }],
    },
    {
      name: 'code that runs when app.js loads',
      files: miniApp({ 'app.js': "bn.getLocation({ success(res) { getApp().globalData.loc = res; } });\nApp({ globalData: {} });\n" }),
      errors: [{ messageId: 'noConsent', file: 'app.js', line: 1, column: 1, message: 'runs when the script loads' }],
    },
    {
      name: 'a component registered through a library wrapper, with the handler picked in an expression',
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'store-finder': '/components/finder/index' } }),
        'pages/index/index.bxml': '<store-finder/>',
        'components/finder/index.json': '{"component": true}',
        'components/finder/index.bxml': '<button bindtap="{{ disabled ? \'\' : \'onLocate\' }}">Stores near me</button>',
        'components/finder/index.js': "import { BaseComponent } from '../base';\nBaseComponent({\n  methods: {\n    onLocate() { bn.getLocation(); },\n  },\n});\n",
        'components/base.js': 'export function BaseComponent(options) { return Component(options); }\n',
      }),
      errors: [{ messageId: 'tapIsNotConsent', file: 'components/finder/index.js', line: 4, column: 18 }],
    },
    {
      name: 'an exported helper that nothing visible calls is reported with low confidence',
      files: miniApp({ 'utils/geo.js': 'export function currentPosition() {\n  return bn.getLocation();\n}\n' }),
      errors: [{ messageId: 'unresolved', file: 'utils/geo.js', line: 2, column: 10 }],
    },
  ],
});

describe('privacy/consent-before-access confidence', () => {
  it('reports unresolved paths with low confidence and lifecycle paths with high confidence', async () => {
    const findings = await runRule(rule, miniApp({
      'utils/geo.js': 'export function currentPosition() {\n  return bn.getLocation();\n}\n',
      'pages/index/index.js': 'Page({ onLoad() { bn.scanCode(); } });\n',
    }));
    expect(findings.map((finding) => [finding.file, finding.messageId, finding.confidence])).toEqual([
      ['pages/index/index.js', 'noConsent', 'high'],
      ['utils/geo.js', 'unresolved', 'low'],
    ]);
  });
});
