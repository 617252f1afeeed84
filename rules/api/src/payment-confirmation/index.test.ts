import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, runRule, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A shop: home page, a product page with a template, page script and a utils module that pays. */
function shop(files: Files): Files {
  return miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/product/index', 'pages/pay/index'] }),
    'pages/product/index.json': '{}\n',
    'utils/pay.js': lines(
      "import { API } from './config.js';",
      'export function createOrder(sku) {',
      "  return bn.request({ url: `${API}/orders`, method: 'POST', data: { sku } }).then((res) => res.data);",
      '}',
      'export function payOrder(order) {',
      '  return bn.requestPayment(order.payParams);',
      '}',
    ),
    'utils/config.js': "export const API = 'https://api.shop.example';\n",
    ...files,
  });
}

const productTemplate = lines(
  '<view class="product">',
  '  <text class="name">Premium signals</text>',
  '  <button bindtap="buy">Buy</button>',
  '</view>',
);

const react = (page: string, extra: Files = {}): Files => ({
  'src/app.config.ts': "export default { pages: ['pages/index/index', 'pages/shop/index'] };\n",
  'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Home</View>;\n",
  'src/pages/shop/index.tsx': page,
  ...extra,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'an app without payments', files: miniApp({ 'pages/index/index.js': "Page({ onLoad() { bn.showToast({ title: 'hi' }); } });\n" }) },
    {
      name: 'await showModal, then an early return unless res.confirm',
      files: shop({
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import { createOrder, payOrder } from '../../utils/pay.js';",
          'Page({',
          '  async buy() {',
          "    const res = await bn.showModal({ title: 'Buy Premium', content: 'Pay 9.99 USDT for one month?' });",
          '    if (!res.confirm) return;',
          "    const order = await createOrder('premium');",
          '    await payOrder(order);',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'the success callback checks res.confirm before calling the paying method',
      files: shop({
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "const { createOrder, payOrder } = require('../../utils/pay.js');",
          'Page({',
          '  buy() {',
          '    const that = this;',
          '    bn.showModal({',
          "      title: 'Buy Premium',",
          "      content: 'Pay 9.99 USDT?',",
          '      success(res) {',
          '        if (res.confirm) {',
          "          that.checkout('premium');",
          '        }',
          '      },',
          '    });',
          '  },',
          '  checkout(sku) {',
          '    createOrder(sku).then(payOrder);',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'showModal().then(res => { if (res.confirm) … })',
      files: shop({
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import * as pay from '../../utils/pay.js';",
          'Page({',
          '  buy() {',
          "    bn.showModal({ title: 'Pay 9.99 USDT?' }).then((res) => {",
          '      if (res.confirm) pay.createOrder("premium").then((order) => pay.payOrder(order));',
          '    });',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a confirmation helper in a utils module guards the payment',
      files: shop({
        'utils/ui.js': lines(
          'export function confirmDialog(content) {',
          '  return new Promise((resolve) => {',
          "    bn.showModal({ title: 'Please confirm', content, success: (res) => resolve(res.confirm), fail: () => resolve(false) });",
          '  });',
          '}',
        ),
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import { confirmDialog } from '../../utils/ui.js';",
          "import { createOrder, payOrder } from '../../utils/pay.js';",
          'Page({',
          '  async buy() {',
          "    const ok = await confirmDialog('Pay 9.99 USDT for Premium?');",
          '    if (ok) await payOrder(await createOrder("premium"));',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a checkout page: the amount on screen and a "Confirm and pay" button bound to the paying method',
      files: shop({
        'pages/pay/index.bxml': lines(
          '<view class="checkout">',
          '  <text>Premium, 1 month</text>',
          '  <text>Total: {{order.amount}} USDT</text>',
          '  <button type="primary" bindtap="pay">Confirm and pay</button>',
          '</view>',
        ),
        'pages/pay/index.js': lines(
          "import { payOrder } from '../../utils/pay.js';",
          'Page({',
          '  data: { order: null },',
          '  pay() { payOrder(this.data.order); },',
          '});',
        ),
      }),
    },
    {
      name: 'explicit pay controls on pages that show the amount: "Start Payment", a component button, an amount bound after its currency',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/sheet/index'] }),
        'pages/index/index.bxml': lines(
          '<view>',
          '  <view>Payment Total</view>',
          '  <view class="price">1</view>',
          '  <button type="primary" bindtap="requestPayment">',
          '    Start Payment',
          '  </button>',
          '</view>',
        ),
        'pages/index/index.js': 'Page({ requestPayment() { bn.requestPayment({}); } });\n',
        'pages/sheet/index.bxml': lines(
          '<view class="amount"><text>￥</text>{{ money }}</view>',
          '<pay-button type="primary" bind:click="submit">立即支付</pay-button>',
        ),
        'pages/sheet/index.js': 'Page({ submit() { bn.requestPayment({}); } });\n',
        'pages/sheet/index.json': '{ "usingComponents": { "pay-button": "/components/pay-button/index" } }\n',
        'components/pay-button/index.bxml': '<button class="btn" bindtap="onClick"><slot /></button>\n',
        'components/pay-button/index.js': "Component({ methods: { onClick() { this.triggerEvent('click'); } } });\n",
        'components/pay-button/index.json': '{ "component": true }\n',
      }),
    },
    {
      name: 'a page opened only from the checkout confirmation pays in onLoad',
      files: shop({
        'pages/product/index.bxml': lines('<view>', '  <text>Price: 9.99 USDT</text>', '  <button bindtap="next">Confirm order</button>', '</view>'),
        'pages/product/index.js': "Page({ next() { bn.navigateTo({ url: '/pages/pay/index?sku=premium' }); } });\n",
        'pages/pay/index.bxml': '<view>Processing payment…</view>\n',
        'pages/pay/index.js': lines(
          "import { createOrder, payOrder } from '../../utils/pay.js';",
          'Page({',
          '  async onLoad(query) {',
          '    payOrder(await createOrder(query.sku));',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'an action sheet choice starts the payment',
      files: shop({
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import { payOrder } from '../../utils/pay.js';",
          'Page({',
          '  buy() {',
          "    bn.showActionSheet({ itemList: ['Pay 9.99 USDT with Binance Pay'], success: () => payOrder({}) });",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a custom pay-sheet component shows the amount and a Confirm button; the page pays on its confirm event',
      files: shop({
        'pages/product/index.json': JSON.stringify({ usingComponents: { 'pay-sheet': '/components/pay-sheet/index' } }),
        'pages/product/index.bxml': '<pay-sheet amount="{{price}}" bindconfirm="onConfirm"/>\n',
        'pages/product/index.js': "import { payOrder } from '../../utils/pay.js';\nPage({ onConfirm() { payOrder({}); } });\n",
        'components/pay-sheet/index.json': '{ "component": true }\n',
        'components/pay-sheet/index.bxml': '<view>Amount: {{amount}} USDT <button bindtap="confirm">Confirm</button></view>\n',
        'components/pay-sheet/index.js': "Component({ methods: { confirm() { this.triggerEvent('confirm'); } } });\n",
      }),
    },
    {
      name: 'a helper that rejects on cancel, awaited in try/catch that returns',
      files: shop({
        'utils/ui.js': lines(
          'export function confirmOrThrow(content) {',
          '  return bn.showModal({ title: "Confirm", content }).then((res) => {',
          "    if (!res.confirm) throw new Error('cancelled');",
          '  });',
          '}',
        ),
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import { confirmOrThrow } from '../../utils/ui.js';",
          "import { payOrder } from '../../utils/pay.js';",
          'Page({',
          '  async buy() {',
          "    try { await confirmOrThrow('Pay 9.99 USDT?'); } catch (e) { return; }",
          '    await payOrder({});',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'React: destructured confirm from await showModal guards requestPayment',
      files: react(lines(
        "import { View, Button, Text } from '@binance/mp-components';",
        "import { requestPayment, showModal } from '@binance/mp-service';",
        "import { createOrder } from '../../services/order';",
        'export default function Shop() {',
        '  async function buy() {',
        "    const { confirm } = await showModal({ title: 'Premium', content: 'Pay 9.99 USDT?' });",
        '    if (!confirm) return;',
        "    const order = await createOrder('premium');",
        '    await requestPayment(order.payParams);',
        '  }',
        '  return <View><Text>Premium</Text><Button onClick={buy}>Buy</Button></View>;',
        '}',
      ), { 'src/services/order.ts': "export async function createOrder(sku: string) { return { payParams: { sku } } as any; }\n" }),
    },
    {
      name: 'React: a checkout screen whose Pay button shows the amount',
      files: react(lines(
        "import { View, Button } from '@binance/mp-components';",
        "import { requestPayment } from '@binance/mp-service';",
        'export default function Checkout({ order }: { order: any }) {',
        '  const pay = () => requestPayment(order.payParams);',
        '  return <View><View>Total {order.total} USDT</View><Button onClick={pay}>Pay now</Button></View>;',
        '}',
      )),
    },
  ],
  invalid: [
    {
      name: 'tap → page method → this.x() → imported helper pays with no confirmation',
      files: shop({
        'pages/product/index.bxml': productTemplate,
        'pages/product/index.js': lines(
          "import { createOrder, payOrder } from '../../utils/pay.js';",
          'Page({',
          '  buy() {',
          "    this.startPayment('premium');",
          '  },',
          '  async startPayment(sku) {',
          '    const order = await createOrder(sku);',
          '    await payOrder(order);',
          '  },',
          '});',
        ),
      }),
      errors: [{
        messageId: 'unconfirmedPayment',
        file: 'utils/pay.js',
        line: 6,
        column: 10,
        data: {
          api: 'bn.requestPayment',
          trigger: 'bindtap="buy" (pages/product/index.bxml:3)',
          path: 'buy → this.startPayment() → payOrder() → bn.requestPayment',
        },
      }],
    },
    {
      name: 'onLoad pays as the page opens',
      files: shop({
        'pages/pay/index.bxml': '<view>Paying…</view>\n',
        'pages/pay/index.js': lines(
          "const pay = require('../../utils/pay.js');",
          'Page({',
          '  onLoad(query) {',
          '    pay.payOrder({ payParams: query });',
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'lifecyclePayment', file: 'utils/pay.js', line: 6, column: 10, message: 'onLoad of pages/pay/index' }],
    },
    {
      name: 'onLoad pays only when the opener passes a launch option: a warning; paying outside that test stays an error',
      files: shop({
        'pages/pay/index.bxml': '<view>{{amount}}</view>\n',
        'pages/pay/index.js': lines(
          'Page({',
          '  onLoad(options) {',
          "    const autoPay = options.autoPay === 'Y';",
          '    this.setData({ amount: options.amount });',
          '    if (autoPay) {',
          '      this.donate();',
          '    }',
          '  },',
          '  donate() {',
          "    bn.requestPayment({ orderInfo: this.data.amount });",
          '  },',
          '});',
        ),
        'pages/renew/index.bxml': '<view>Renewing</view>\n',
        'pages/renew/index.js': lines(
          'Page({',
          '  onLoad(options) {',
          '    if (options.plan) this.setData({ plan: options.plan });',
          "    bn.requestPayment({ orderInfo: 'renew' });",
          '  },',
          '});',
        ),
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/pay/index', 'pages/renew/index'] }),
        'utils/pay.js': null,
      }),
      errors: [
        { messageId: 'openerPayment', file: 'pages/pay/index.js', line: 10, severity: 'warning', data: { api: 'bn.requestPayment', trigger: 'onLoad of pages/pay/index', path: 'onLoad → this.donate() → bn.requestPayment', condition: 'autoPay' } },
        { messageId: 'lifecyclePayment', file: 'pages/renew/index.js', line: 4, severity: 'error' },
      ],
    },
    {
      name: 'the showModal success callback pays without reading res.confirm (pays on cancel too)',
      files: miniApp({
        'pages/index/index.bxml': '<button bindtap="buy">Buy</button>\n',
        'pages/index/index.js': lines(
          'Page({',
          '  buy() {',
          "    bn.showModal({ title: 'Pay 9.99 USDT?', success: () => { bn.requestPayment({ certSn: 'x' }); } });",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 3, column: 62 }],
    },
    {
      name: 'showModal().then pays without checking confirm; the payment after an if on confirm is outside it',
      files: miniApp({
        'pages/index/index.bxml': '<button bindtap="buy">Buy</button>\n<button bindtap="renew">Renew</button>\n',
        'pages/index/index.js': lines(
          'Page({',
          '  buy() {',
          "    bn.showModal({ title: 'Pay?' }).then(() => bn.requestPayment({}));",
          '  },',
          '  async renew() {',
          "    const res = await bn.showModal({ title: 'Renew for 9.99 USDT?' });",
          "    if (res.confirm) bn.showToast({ title: 'Thanks' });",
          '    bn.requestPayment({});',
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 3, column: 48 },
        { messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 8, column: 5 },
      ],
    },
    {
      name: 'a "Pay" button on a page that shows no amount, or a button stating the price, is not a confirmation, but the user asked to pay: low confidence',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/donate/index'] }),
        'pages/index/index.bxml': '<view><text>Unlock all features</text><button bindtap="pay">Pay</button><view bindtap="retry">重新付款</view></view>\n',
        'pages/index/index.js': "Page({ pay() { bn.requestPayment({}); }, retry() { bn.requestPayment({}); } });\n",
        'pages/donate/index.bxml': '<view><text>Thanks for reading</text><view bindtap="donate">Upgrade to VIP for 9.99 USDT</view></view>\n',
        'pages/donate/index.js': 'Page({ donate() { bn.requestPayment({}); } });\n',
        'pages/donate/index.json': '{}\n',
      }),
      errors: [
        { messageId: 'unconfirmedPayment', file: 'pages/donate/index.js', line: 1, column: 19, confidence: 'low' },
        { messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 1, column: 16, confidence: 'low', data: { api: 'bn.requestPayment', trigger: 'bindtap="pay" (pages/index/index.bxml:1)', path: 'pay → bn.requestPayment' } },
        { messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 1, column: 52, confidence: 'low' },
      ],
    },
    {
      name: 'a "Buy" button on a page that shows no price pays at once: certain',
      files: miniApp({
        'pages/index/index.bxml': '<view><text>Premium signals</text><button bindtap="buy">Buy now</button></view>\n',
        'pages/index/index.js': "Page({ buy() { bn.requestPayment({}); } });\n",
      }),
      errors: [{ messageId: 'unconfirmedPayment', file: 'pages/index/index.js', line: 1, column: 16, confidence: undefined }],
    },
    {
      name: 'a page that pays in onLoad and is also opened from an unconfirmed tap',
      files: shop({
        'pages/index/index.bxml': '<button bindtap="go">Go premium</button>\n',
        'pages/index/index.js': "Page({ go() { bn.navigateTo({ url: '/pages/pay/index' }); } });\n",
        'pages/product/index.bxml': lines('<view>', '  <text>Price: 9.99 USDT</text>', '  <button bindtap="next">Confirm order</button>', '</view>'),
        'pages/product/index.js': "Page({ next() { bn.navigateTo({ url: '/pages/pay/index?sku=premium' }); } });\n",
        'pages/pay/index.bxml': '<view>Processing payment…</view>\n',
        'pages/pay/index.js': "import { payOrder } from '../../utils/pay.js';\nPage({ onLoad() { payOrder({}); } });\n",
      }),
      errors: [{ messageId: 'lifecyclePayment', file: 'utils/pay.js', line: 6, column: 10 }],
    },
    {
      name: 'React: a Buy button whose onClick handler pays via the imported requestPayment',
      files: react(lines(
        "import { View, Button, Text } from '@binance/mp-components';",
        "import { requestPayment } from '@binance/mp-service';",
        "import { createOrder } from '../../services/order';",
        'export default function Shop() {',
        '  const buy = async () => {',
        "    const order = await createOrder('premium');",
        '    await requestPayment(order.payParams);',
        '  };',
        '  return <View><Text>Premium</Text><Button onClick={buy}>Buy</Button></View>;',
        '}',
      ), { 'src/services/order.ts': "export async function createOrder(sku: string) { return { payParams: { sku } } as any; }\n" }),
      errors: [{
        messageId: 'unconfirmedPayment',
        file: 'src/pages/shop/index.tsx',
        line: 7,
        column: 11,
        data: { api: 'requestPayment()', trigger: 'onClick={buy} (src/pages/shop/index.tsx:9)', path: 'buy → requestPayment()' },
      }],
    },
    {
      name: 'React: useEffect pays on mount',
      files: react(lines(
        "import { useEffect } from 'react';",
        "import { View } from '@binance/mp-components';",
        "import mp from '@binance/mp-service';",
        'export default function Shop() {',
        '  useEffect(() => { mp.requestPayment({}); }, []);',
        '  return <View>Paying</View>;',
        '}',
      )),
      errors: [{ messageId: 'lifecyclePayment', file: 'src/pages/shop/index.tsx', line: 5, column: 21, message: 'useEffect (src/pages/shop/index.tsx:5)' }],
    },
    {
      name: 'React class component: onClick={this.handlePay} → this.pay() with no confirmation',
      files: react(lines(
        "import React, { Component } from 'react';",
        "import { View, Button } from '@binance/mp-components';",
        "import bn from '@binance/mp-service';",
        'export default class Shop extends Component {',
        '  handlePay = () => { this.pay(); };',
        '  pay() { bn.requestPayment({}); }',
        '  render() { return <View><Button onClick={this.handlePay}>Buy</Button></View>; }',
        '}',
      )),
      errors: [{ messageId: 'unconfirmedPayment', file: 'src/pages/shop/index.tsx', line: 6, column: 11, data: { api: 'bn.requestPayment', trigger: 'onClick={this.handlePay} (src/pages/shop/index.tsx:7)', path: 'handlePay → this.pay() → bn.requestPayment' } }],
    },
    {
      name: 'a component pays in its attached lifetime; the app pays in onLaunch through getApp-style methods',
      files: miniApp({
        'app.js': 'App({\n  onLaunch() { this.renew(); },\n  renew() { bn.requestPayment({}); },\n});\n',
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'vip-card': '/components/vip/index' } }),
        'pages/index/index.bxml': '<vip-card/>\n',
        'components/vip/index.json': '{ "component": true }\n',
        'components/vip/index.bxml': '<view>VIP</view>\n',
        'components/vip/index.js': 'var autoPay = function () { bn.requestPayment({}); };\nComponent({ lifetimes: { attached() { setTimeout(autoPay, 100); } } });\n',
      }),
      errors: [
        { messageId: 'lifecyclePayment', file: 'app.js', line: 3, column: 13, message: 'onLaunch of the app (app.js)' },
        { messageId: 'lifecyclePayment', file: 'components/vip/index.js', line: 1, column: 29, message: 'attached of components/vip/index' },
      ],
    },
    {
      name: 'a payment in a helper no trigger reaches is reported with low confidence',
      files: miniApp({ 'utils/legacy.js': 'export function quickPay(params) {\n  return bn.requestPayment(params);\n}\n' }),
      errors: [{ messageId: 'unresolvedFlow', file: 'utils/legacy.js', line: 2, column: 10, data: { api: 'bn.requestPayment', fn: 'quickPay() (utils/legacy.js:2)' } }],
    },
  ],
});

describe('api/payment-confirmation confidence', () => {
  it('marks findings on flows it could not follow as low confidence', async () => {
    const findings = await runRule(rule, miniApp({ 'utils/legacy.js': 'export const quickPay = (p) => bn.requestPayment(p);\n' }));
    expect(findings.map((finding) => [finding.messageId, finding.confidence])).toEqual([['unresolvedFlow', 'low']]);
  });

  it('lowers confidence to medium when a custom component event starts the payment', async () => {
    const findings = await runRule(rule, react(lines(
      "import { View } from '@binance/mp-components';",
      "import { requestPayment } from '@binance/mp-service';",
      "import PayButton from '../../components/PayButton';",
      'export default function Shop() {',
      '  const pay = () => requestPayment({});',
      '  return <View><PayButton onPay={pay} /></View>;',
      '}',
    ), { 'src/components/PayButton.tsx': 'export default (props: any) => <button onClick={props.onPay}>Pay</button>;\n' }));
    expect(findings.map((finding) => [finding.messageId, finding.line, finding.confidence])).toEqual([['unconfirmedPayment', 5, 'medium']]);
  });

  it('gives followed flows the default confidence', async () => {
    const findings = await runRule(rule, miniApp({ 'pages/index/index.js': 'Page({ onShow() { bn.requestPayment({}); } });\n' }));
    expect(findings.map((finding) => [finding.messageId, finding.confidence])).toEqual([['lifecyclePayment', undefined]]);
  });
});
