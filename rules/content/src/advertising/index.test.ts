import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'look-alike hosts, analytics, and words that only contain a network name',
      files: miniApp({
        'pages/index/index.js': [
          "const API = 'https://api.notdoubleclick.net/v1';",
          "const GA = 'https://www.google-analytics.com/mp/collect';",
          "const TAG = 'https://www.googletagmanager.com/gtag/js';",
          "const DOC = 'https://docs.example.com/taboola-review';",
          "const { ads } = require('./ads-free');",
          "import unity from './unity';",
          "Page({ data: { note: 'Taboola and Outbrain are not used here', api: API } });",
        ].join('\n'),
        'pages/index/index.bxml': '<image src="https://cdn.gaswatch.example/admob-free.png"/>\n<web-view src="https://docs.gaswatch.example/a-ads"/>',
        'pages/index/index.bxss': '.page { background: url("https://cdn.gaswatch.example/bg.png"); }',
      }),
    },
  ],
  invalid: [
    {
      name: 'ad origins in bn.request, template literals, web-view and image src',
      files: miniApp({
        'pages/index/index.js': [
          "const AD_BASE = 'https://ads.applovin.com';",
          'Page({',
          '  onLoad() {',
          "    bn.request({ url: `${AD_BASE}/v1/ad` });",
          '    bn.request({ url: `https://pagead2.googlesyndication.com/getconfig?id=${this.id}` });',
          '  },',
          '});',
        ].join('\n'),
        'pages/index/index.bxml': '<view>\n  <web-view src="https://acceptable.a-ads.com/1234567"/>\n  <image src="//tpc.googlesyndication.com/simgad/123"/>\n</view>',
      }),
      errors: [
        { messageId: 'adOrigin', file: 'pages/index/index.bxml', line: 2, column: 18, data: { where: 'The src attribute of <web-view>', url: 'https://acceptable.a-ads.com/1234567', network: 'A-Ads', domain: 'a-ads.com' } },
        { messageId: 'adOrigin', file: 'pages/index/index.bxml', line: 3, column: 15, data: { where: 'The src attribute of <image>', url: '//tpc.googlesyndication.com/simgad/123', network: 'Google AdSense / AdMob / Ad Manager', domain: 'googlesyndication.com' } },
        { messageId: 'adOrigin', file: 'pages/index/index.js', line: 1, column: 18, data: { where: 'A string', url: 'https://ads.applovin.com', network: 'AppLovin', domain: 'applovin.com' } },
        { messageId: 'adOrigin', file: 'pages/index/index.js', line: 5, column: 24, data: { where: 'A template string', url: 'https://pagead2.googlesyndication.com/getconfig?id=', network: 'Google AdSense / AdMob / Ad Manager', domain: 'googlesyndication.com' } },
      ],
    },
    {
      name: 'ad SDK modules and a script tag string',
      files: miniApp({
        'pages/index/index.js': [
          "import { AppLovinMAX } from 'react-native-applovin-max';",
          "const ads = require('../../vendor/ironsource/index');",
          "const TAG = '<script async src=\"https://coinzillatag.com/lib/display.js\"></script>';",
          "import('./sdk/unity-ads.js');",
        ].join('\n'),
      }),
      errors: [
        { messageId: 'adSdk', line: 1, column: 29, data: { specifier: 'react-native-applovin-max', network: 'AppLovin', sdk: 'applovin' } },
        { messageId: 'adSdk', line: 2, column: 21, data: { specifier: '../../vendor/ironsource/index', network: 'ironSource', sdk: 'ironsource' } },
        { messageId: 'adOrigin', line: 3, column: 33, data: { where: 'A string', url: 'https://coinzillatag.com/lib/display.js', network: 'Coinzilla', domain: 'coinzillatag.com' } },
        { messageId: 'adSdk', line: 4, column: 8, data: { specifier: './sdk/unity-ads.js', network: 'Unity Ads', sdk: 'unity-ads' } },
      ],
    },
    {
      name: 'ad hosts in styles, JSON config and inline bns, and a bare host string',
      files: miniApp({
        'pages/index/index.bxss': '.banner {\n  background-image: url(https://static.bitmedia.io/banner.png);\n}\n',
        'config/ads.json': '{\n  "endpoint": "https://sdk.pangleglobal.com/api/ad/union/sdk/get_ads/"\n}\n',
        'pages/index/index.bxml': "<bns module=\"ads\">\nvar HOST = 'googleads.g.doubleclick.net';\nmodule.exports = { host: HOST };\n</bns>\n<view>x</view>",
      }),
      errors: [
        { messageId: 'adOrigin', file: 'config/ads.json', line: 2, column: 16, data: { where: 'A JSON value', url: 'https://sdk.pangleglobal.com/api/ad/union/sdk/get_ads/', network: 'Pangle', domain: 'pangleglobal.com' } },
        { messageId: 'adOrigin', file: 'pages/index/index.bxml', line: 2, column: 13, data: { where: 'A string', url: 'googleads.g.doubleclick.net', network: 'Google AdSense / AdMob / Ad Manager', domain: 'doubleclick.net' } },
        { messageId: 'adOrigin', file: 'pages/index/index.bxss', line: 2, column: 3, data: { where: 'The background-image style', url: 'https://static.bitmedia.io/banner.png', network: 'Bitmedia', domain: 'bitmedia.io' } },
      ],
    },
  ],
});
