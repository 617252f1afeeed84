import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const page = (bxml: string) => miniApp({ 'pages/index/index.bxml': bxml });

new RuleTester().run(rule, {
  valid: [
    { name: 'Binance directives, bindings and a bns module', files: page('<bns module="fmt" src="./fmt.bns"/>\n<view bn:for="{{items}}" bn:key="id" bn:if="{{show}}" bindtap="open" catch:longpress="hold">{{fmt.price(item)}}</view>') },
    { name: 'an on- property of a custom component, which the component reads', files: miniApp({
      'pages/index/index.json': JSON.stringify({ usingComponents: { 'price-input': '/components/price-input/index' } }),
      'pages/index/index.bxml': '<price-input onChange="onPrice" value="{{price}}"/>',
      'components/price-input/index.json': '{"component": true}',
      'components/price-input/index.bxml': '<input/>',
      'components/price-input/index.js': 'Component({ properties: { onChange: String } })',
    }) },
    { name: 'attributes that only look like directives or events', files: page('<view wx:id="{{id}}" data-on="x" once="{{true}}" online="yes" onTap="{{ handler }}">x</view>') },
  ],
  invalid: [
    {
      name: 'Alipay event attributes: one kind, shown at low confidence',
      files: page('<view>\n  <button onTap="buy">Buy</button>\n  <view catchTap="close" onLongPress="hold"/>\n</view>'),
      errors: [
        { messageId: 'alipayEvent', line: 2, column: 11, confidence: 'low', severity: 'warning', data: { kind: 'event', attribute: 'onTap', handler: 'buy', binding: 'bindtap' } },
        { messageId: 'alipayEvent', line: 3, column: 9, data: { kind: 'event', attribute: 'catchTap', handler: 'close', binding: 'catchtap' } },
        { messageId: 'alipayEvent', line: 3, column: 26, message: 'Write bindlongpress="hold"' },
      ],
    },
    {
      name: 'directives of other dialects',
      files: page('<view a:if="{{ok}}">\n  <text wx:for="{{list}}" wx:key="id" s-if="x">{{item}}</text>\n  <view tt:else>no</view>\n</view>'),
      errors: [
        { messageId: 'foreignDirective', line: 1, column: 7, severity: 'error', data: { kind: 'directive', attribute: 'a:if', dialect: 'Alipay', directive: 'if' } },
        { messageId: 'foreignDirective', line: 2, column: 9, message: 'wx:for is a WeChat directive' },
        { messageId: 'foreignDirective', line: 2, column: 27, message: 'Write bn:key' },
        { messageId: 'foreignDirective', line: 2, column: 39, message: 'Baidu' },
        { messageId: 'foreignDirective', line: 3, column: 9, message: 'tt:else' },
      ],
    },
    {
      name: 'script modules loaded the WeChat or Alipay way',
      files: page('<import-sjs name="util" from="./util.bns"/>\n<wxs module="fmt" src="./fmt.wxs"></wxs>\n<view>{{util.a(fmt.b)}}</view>'),
      errors: [
        { messageId: 'foreignModule', line: 1, column: 1, severity: 'error', data: { kind: 'module', tag: 'import-sjs', dialect: 'Alipay' } },
        { messageId: 'foreignModule', line: 2, column: 1, data: { kind: 'module', tag: 'wxs', dialect: 'WeChat' } },
      ],
    },
  ],
});
