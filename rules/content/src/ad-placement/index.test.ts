import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'fixed headers and buttons, filled banners, names that only contain "ad"',
      files: miniApp({
        'pages/index/index.bxss': [
          '.header { position: fixed; top: 0; }',
          '.add-button { position: fixed; bottom: 24rpx; }',
          '.address-bar, .shadow, .load-more, .head { position: fixed; }',
          '.ad-free-badge { position: fixed; }',
          '.ad-card { position: relative; }',
          '.hero-banner { position: fixed; }',
        ].join('\n'),
        'pages/index/index.bxml': [
          '<view class="header">Gas Watch</view>',
          '<view class="ad-card"><image src="/images/promo.png"/></view>',
          '<view class="banner"></view>',
          '<view class="address"></view>',
          '<view class="no-ads"></view>',
          '<view class="ad-slot" style="background-image: url(/images/own-promo.png)"></view>',
          '<view class="ad-slot">{{promo.title}}</view>',
          '<text>Latest blocks</text>',
        ].join('\n'),
      }),
    },
    {
      name: 'own wording about investing and ads that is not an advertisement',
      files: miniApp({ 'pages/index/index.bxml': '<text>We never show ads. Advertising is not allowed here.</text>\n<text>Invest in yourself: read the docs</text>\n<text>禁止发布高收益理财广告</text>' }),
    },
  ],
  invalid: [
    {
      name: 'a floating ad in the stylesheet and one with an inline style',
      files: miniApp({
        'pages/index/index.bxss': '.page { padding: 24rpx; }\n.float-ad {\n  position: fixed;\n  right: 0;\n  bottom: 120rpx;\n}\n#adBanner .close { position: FIXED !important; }\n',
        'pages/index/index.bxml': '<view class="page">\n  <image class="banner-ad" style="position: fixed; bottom: 0" src="{{ad.image}}"/>\n</view>',
      }),
      errors: [
        { messageId: 'floatingAd', file: 'pages/index/index.bxml', line: 2, column: 28, data: { what: '<image> .banner-ad' } },
        { messageId: 'floatingAd', file: 'pages/index/index.bxss', line: 3, column: 3, data: { what: 'The rule .float-ad' } },
        { messageId: 'floatingAd', file: 'pages/index/index.bxss', line: 7, column: 20, data: { what: 'The rule #adBanner .close' } },
      ],
    },
    {
      name: 'blank ad slots and an ad component',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view class="ad-slot"></view>\n  <view id="adsBox" class="card">\n    <!-- filled later -->\n  </view>\n  <ad unit-id="adunit-123"></ad>\n</view>',
      }),
      errors: [
        { messageId: 'blankAdSlot', file: 'pages/index/index.bxml', line: 2, column: 3, data: { tag: 'view', name: '.ad-slot' } },
        { messageId: 'blankAdSlot', file: 'pages/index/index.bxml', line: 3, column: 3, data: { tag: 'view', name: '#adsBox' } },
        { messageId: 'adComponent', file: 'pages/index/index.bxml', line: 6, column: 3, data: { tag: 'ad' } },
      ],
    },
    {
      name: 'blank advertising space and investment ads in text and data',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view class="promo">Your ad here</view>\n  <button>Invest now</button>\n  <text>广告位招租</text>\n</view>',
        'pages/index/index.js': "Page({ data: { slogan: '高收益理财，立即投资' } });",
      }),
      errors: [
        { messageId: 'adWording', file: 'pages/index/index.bxml', line: 2, column: 23, data: { where: 'Template text', text: 'Your ad here', kind: 'blank advertising space' } },
        { messageId: 'adWording', file: 'pages/index/index.bxml', line: 3, column: 11, data: { where: 'Template text', text: 'Invest now', kind: 'investment advertisement' } },
        { messageId: 'adWording', file: 'pages/index/index.bxml', line: 4, column: 9, data: { where: 'Template text', text: '广告位招租', kind: 'blank advertising space' } },
        { messageId: 'adWording', file: 'pages/index/index.js', line: 1, column: 25, data: { where: 'Page data', text: '高收益理财', kind: 'investment advertisement' } },
        { messageId: 'adWording', file: 'pages/index/index.js', line: 1, column: 31, data: { where: 'Page data', text: '立即投资', kind: 'investment advertisement' } },
      ],
    },
  ],
});
