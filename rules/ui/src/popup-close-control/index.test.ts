import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** A rewards page whose promotion pop-up can only be "claimed", never closed. */
const forcedPromo = `<view class="page">
  <text class="title">Daily rewards</text>
  <view bn:for="{{tasks}}" bn:key="id" class="task">{{item.name}}</view>
</view>
<view class="promo-mask" bn:if="{{showPromo}}">
  <view class="promo-dialog">
    <image class="promo-banner" src="/images/promo.png"/>
    <text class="promo-title">Limited offer</text>
    <button class="primary" bindtap="onClaim">Claim 50 USDT bonus</button>
  </view>
</view>
`;

const forcedPromoScript = `Page({
  data: { tasks: [], showPromo: true },
  onClaim() {
    bn.navigateTo({ url: '/pages/deposit/index' });
  }
});
`;

const overlayStyle = `.overlay {
  position: fixed;
  top: 0;
  left: 0;
  right: 0;
  bottom: 0;
  z-index: 999;
  background: rgba(0, 0, 0, 0.6);
}
`;

new RuleTester().run(rule, {
  valid: [
    { name: 'a page without pop-ups', files: miniApp() },
    {
      name: 'an empty full-screen backdrop whose dialog and close button are the elements beside it',
      files: miniApp({
        'pages/index/index.bxml': '<block bn:if="{{showPoster}}">\n  <view class="poster-mask"></view>\n  <view class="poster"><image src="{{poster}}"/></view>\n  <view class="poster-btn">\n    <button bindtap="save">Save</button>\n    <button bindtap="hidePoster">关闭</button>\n  </view>\n</block>\n',
        'pages/index/index.js': 'Page({ data: { showPoster: false }, save() {}, hidePoster() { this.setData({ showPoster: false }); } });\n',
        'pages/index/index.bxss': '.poster-mask { position: fixed; top: 0; left: 0; width: 100%; height: 100%; z-index: 99; background: rgba(0,0,0,.6); }\n',
      }),
    },
    {
      name: 'a close control bound in the Alipay dialect (onTap) is a close control; the binding itself is another finding',
      files: miniApp({
        'pages/index/index.bxml': '<view class="order-modal" bn:if="{{showConfirm}}">\n  <view class="modal-close" onTap="closeConfirm">✕</view>\n  <text>Confirm the order</text>\n</view>\n',
        'pages/index/index.js': 'Page({ data: { showConfirm: false }, closeConfirm() { this.setData({ showConfirm: false }); } });\n',
      }),
    },
    {
      name: 'a normal modal with a close button that hides it',
      files: miniApp({
        'pages/index/index.bxml': `<view class="page"><button bindtap="openRules">Rules</button></view>
<view class="modal-mask" bn:if="{{showRules}}">
  <view class="modal">
    <view class="modal-header">
      <text>Rules</text>
      <text class="modal-close" bindtap="onCloseRules">×</text>
    </view>
    <view class="modal-body">Earn points by checking in every day.</view>
  </view>
</view>
`,
        'pages/index/index.js': `Page({
  data: { showRules: false },
  openRules() { this.setData({ showRules: true }); },
  onCloseRules() { this.setData({ showRules: false }); }
});
`,
      }),
    },
    {
      name: 'a dialog closed by tapping its sibling mask',
      files: miniApp({
        'pages/index/index.bxml': `<view class="page">Wallet</view>
<view class="mask" bn:if="{{visible}}" bindtap="dismiss"></view>
<view class="dialog" bn:if="{{visible}}">
  <text>Network fee changed</text>
</view>
`,
        'pages/index/index.js': "Page({ data: { visible: true }, dismiss() { this.setData({ visible: false }); } });\n",
      }),
    },
    {
      name: 'an acknowledgement button labelled 知道了, whatever its handler is called',
      files: miniApp({
        'pages/index/index.bxml': `<view class="notice-popup" hidden="{{!notice}}">
  <text>本周六 02:00-04:00 系统维护</text>
  <button bindtap="onTapNotice">知道了</button>
</view>
`,
        'pages/index/index.js': "Page({ data: { notice: true }, onTapNotice() { bn.setStorageSync('noticeSeen', 1); } });\n",
      }),
    },
    {
      name: 'a handler with a neutral name whose body hides the sheet',
      files: miniApp({
        'pages/index/index.bxml': `<view class="action-sheet {{sheetOpen ? 'action-sheet-open' : ''}}">
  <view class="item" bindtap="pick" data-id="1">Copy address</view>
  <view class="item" bindtap="pick" data-id="2">Share</view>
</view>
`,
        'pages/index/index.js': `Page({
  data: { sheetOpen: false },
  pick(e) {
    this.setData({ sheetOpen: false, picked: e.currentTarget.dataset.id });
  }
});
`,
      }),
    },
    {
      name: 'a toast that hides itself on a timer',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">Home</view>\n<view class="toast" bn:if="{{toast}}">{{toast}}</view>\n',
        'pages/index/index.js': `Page({
  data: { toast: '' },
  showToast(text) {
    this.setData({ toast: text });
    setTimeout(() => this.setData({ toast: '' }), 2000);
  }
});
`,
      }),
    },
    {
      name: 'a full-screen loading mask',
      files: miniApp({
        'pages/index/index.bxml': '<view class="loading-mask" bn:if="{{loading}}"><view class="spinner"/></view>\n<view class="page">Prices</view>\n',
        'pages/index/index.bxss': '.loading-mask { position: fixed; inset: 0; z-index: 10; }\n',
      }),
    },
    {
      name: 'a conditional element whose class only contains a pop-up word inside another word (player)',
      files: miniApp({ 'pages/index/index.bxml': '<view class="player" bn:if="{{video}}"><video src="{{video}}"/></view>\n' }),
    },
    {
      name: 'a layer that is neither conditional nor an overlay',
      files: miniApp({ 'pages/index/index.bxml': '<view class="layer-list"><view>Layer 1</view><view>Layer 2</view></view>\n' }),
    },
    {
      name: 'a modal component whose content comes from a slot',
      files: miniApp({
        'pages/index/index.json': '{ "usingComponents": { "app-modal": "/components/app-modal/index" } }',
        'components/app-modal/index.json': '{ "component": true }',
        'components/app-modal/index.js': "Component({ properties: { show: Boolean } });\n",
        'components/app-modal/index.bxml': '<view class="app-modal" bn:if="{{show}}"><slot></slot></view>\n',
      }),
    },
    {
      name: 'a component modal that tells its parent to close',
      files: miniApp({
        'pages/index/index.json': '{ "usingComponents": { "confirm-box": "/components/confirm-box/index" } }',
        'components/confirm-box/index.json': '{ "component": true }',
        'components/confirm-box/index.js': "Component({ properties: { show: Boolean }, methods: { onMask() { this.triggerEvent('close'); } } });\n",
        'components/confirm-box/index.bxml': '<view class="box-mask" bn:if="{{show}}" catchtap="onMask"><view class="box">Saved</view></view>\n',
      }),
    },
    {
      name: 'a popup closed by a BNS handler (cannot be followed, so not reported)',
      files: miniApp({
        'pages/index/index.bxml': '<bns module="ui">module.exports = { tap: function (e, ins) { ins.selectComponent(".popup").setStyle({ display: "none" }); } };</bns>\n<view class="popup" bn:if="{{show}}"><view bindtap="ui.tap">Tap</view></view>\n',
      }),
    },
  ],
  invalid: [
    {
      name: 'a promotion pop-up that can only be claimed',
      files: miniApp({ 'pages/index/index.bxml': forcedPromo, 'pages/index/index.js': forcedPromoScript }),
      errors: [{ messageId: 'noCloseControl', file: 'pages/index/index.bxml', line: 5, column: 1, data: { element: 'view class="promo-mask"', how: 'shown by bn:if="{{showPromo}}"' } }],
    },
    {
      name: 'a full-screen fixed overlay (styled in the page bxss) with no close control',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">Home</view>\n<view class="overlay">\n  <text>Follow us to continue</text>\n  <button bindtap="follow">Follow</button>\n</view>\n',
        'pages/index/index.bxss': overlayStyle,
        'pages/index/index.js': "Page({ follow() { bn.navigateTo({ url: '/pages/follow/index' }); } });\n",
      }),
      errors: [{ messageId: 'noCloseControl', file: 'pages/index/index.bxml', line: 2, column: 1, data: { element: 'view class="overlay"', how: 'a full-screen fixed overlay' } }],
    },
    {
      name: 'an overlay styled by app.bxss with inset: 0 and no handler at all',
      files: miniApp({
        'app.bxss': '.sheet-layer { position: fixed; inset: 0; z-index: 100; }\n',
        'pages/index/index.bxml': '<view class="page">Home</view>\n<view class="sheet-layer"><text>Upgrade to VIP to keep reading</text></view>\n',
      }),
      errors: [{ messageId: 'noCloseControl', file: 'pages/index/index.bxml', line: 2, column: 1 }],
    },
    {
      name: 'a hidden-toggled dialog whose only button does not hide it',
      files: miniApp({
        'pages/index/index.bxml': '<view class="page">\n  <view id="upgrade-dialog" hidden="{{!askUpgrade}}">\n    <text>New version</text>\n    <button bindtap="download">Download</button>\n  </view>\n</view>\n',
        'pages/index/index.js': "Page({ data: { askUpgrade: true }, download() { this.setData({ downloading: true }); } });\n",
      }),
      errors: [{ messageId: 'noCloseControl', file: 'pages/index/index.bxml', line: 2, column: 3, data: { element: 'view id="upgrade-dialog"', how: 'shown by hidden="{{!askUpgrade}}"' } }],
    },
    {
      name: 'a second dialog beside one that can be closed',
      files: miniApp({
        'pages/index/index.bxml': '<view class="rules-dialog" bn:if="{{showRules}}"><text bindtap="closeRules">×</text>Rules</view>\n<view class="vip-dialog" bn:if="{{showVip}}"><button bindtap="buyVip">Buy VIP</button></view>\n',
        'pages/index/index.js': "Page({ closeRules() { this.setData({ showRules: false }); }, buyVip() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n",
      }),
      errors: [{ messageId: 'noCloseControl', file: 'pages/index/index.bxml', line: 2, column: 1, data: { element: 'view class="vip-dialog"', how: 'shown by bn:if="{{showVip}}"' } }],
    },
    {
      name: 'a pop-up in a component template, shown by a property, with a tap that only triggers a purchase',
      files: miniApp({
        'pages/index/index.json': '{ "usingComponents": { "vip-popup": "/components/vip-popup/index" } }',
        'components/vip-popup/index.json': '{ "component": true }',
        'components/vip-popup/index.js': "Component({ properties: { show: Boolean }, methods: { buy() { bn.navigateTo({ url: '/pages/vip/index' }); } } });\n",
        'components/vip-popup/index.bxml': '<view class="vip-popup" bn:if="{{show}}">\n  <button bindtap="buy">Buy VIP</button>\n</view>\n',
      }),
      errors: [{ messageId: 'noCloseControl', file: 'components/vip-popup/index.bxml', line: 1, column: 1 }],
    },
  ],
});
