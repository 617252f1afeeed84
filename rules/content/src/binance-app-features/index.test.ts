import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A spot order form for BTC/USDT (classic). */
const TRADE_BXML = lines(
  '<view class="page">',
  '  <view class="pair">BTC/USDT</view>',
  '  <view class="row"><text>Price</text><input type="digit" value="{{price}}" bindinput="onPriceInput"/></view>',
  '  <view class="row"><text>Amount</text><input type="digit" value="{{amount}}" bindinput="onAmountInput"/></view>',
  '  <button class="buy" bindtap="onBuy">Buy</button>',
  '  <button class="sell" bindtap="onSell">Sell</button>',
  '</view>',
);

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a price ticker with no order form',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <view bn:for="{{tickers}}" bn:key="symbol">{{item.symbol}}: {{item.price}} USDT</view>',
          '  <text>BTC/USDT price, updated every 5 seconds</text>',
          '</view>',
        ),
        'pages/index/index.js': lines(
          'Page({',
          '  data: { tickers: [] },',
          '  onLoad() {',
          "    bn.request({ url: 'https://api.binance.com/api/v3/ticker/price', data: { symbols: '[\"BTCUSDT\",\"ETHUSDT\"]' }, success: (res) => this.setData({ tickers: res.data }) });",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a shop checkout: price and quantity, a Buy button, but no crypto pair',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <text>Hoodie</text><view>Price: {{price}} USDT</view>',
          '  <view><text>Quantity</text><input type="number" value="{{qty}}" bindinput="onQty"/></view>',
          '  <view><text>Price offer</text><input type="digit" value="{{offer}}" bindinput="onOffer"/></view>',
          '  <button bindtap="onBuy">Buy now</button>',
          '</view>',
        ),
      }),
    },
    {
      name: 'an address watchlist (address input, no withdraw) and neutral uses of the label words',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <input placeholder="Address to watch" value="{{address}}" bindinput="onAddress"/>',
          '  <input placeholder="Label" value="{{label}}" bindinput="onLabel"/>',
          '  <text>Profit margin of validators on BNB Chain</text>',
          '  <text>Futures prices are not shown in this app.</text>',
          '  <view class="tab">Gas</view>',
          '</view>',
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'a BTC/USDT order form posting to /api/v3/order',
      files: miniApp({
        'pages/index/index.bxml': TRADE_BXML,
        'pages/index/index.js': lines(
          "const BINANCE = 'https://api.binance.com';",
          'Page({',
          "  data: { price: '', amount: '' },",
          '  onBuy() { this.place("BUY"); },',
          '  onSell() { this.place("SELL"); },',
          '  place(side) {',
          "    bn.request({ url: BINANCE + '/api/v3/order', method: 'POST', data: { symbol: 'BTCUSDT', side, price: this.data.price, quantity: this.data.amount } });",
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'orderForm', file: 'pages/index/index.bxml', line: 3, column: 39, data: { pair: 'BTC/USDT', action: 'buy/sell' } },
        { messageId: 'tradingEndpoint', file: 'pages/index/index.js', line: 7, column: 33, data: { url: '/api/v3/order', kind: 'spot order' } },
      ],
    },
    {
      name: 'futures and kline endpoints in a module, with "Leverage 100x" and a Futures tab',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index'], tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Futures' }] } }),
        'utils/market.js': lines(
          "const FAPI = 'https://fapi.binance.com';",
          'export const klines = (symbol) => bn.request({ url: `https://api.example-data.com/v1/klines?symbol=${symbol}` });',
          'export const position = () => bn.request({ url: `${FAPI}/fapi/v2/positionRisk` });',
        ),
        'pages/index/index.bxml': '<view>\n  <text>Leverage 100x on BTC perpetuals</text>\n</view>\n',
      }),
      errors: [
        { messageId: 'featureWording', file: 'app.json', line: 1, column: 90, data: { where: 'The tab bar text', text: 'Futures', kind: 'futures trading' } },
        { messageId: 'featureWording', file: 'pages/index/index.bxml', line: 2, column: 9, data: { where: 'Template text', text: 'Leverage 100x', kind: 'leveraged trading' } },
        { messageId: 'tradingEndpoint', file: 'utils/market.js', line: 1, column: 14, data: { url: 'https://fapi.binance.com', kind: 'futures' } },
        { messageId: 'marketDataEndpoint', file: 'utils/market.js', line: 2, column: 53, confidence: 'low', data: { url: 'https://api.example-data.com/v1/klines?symbol=${…}', kind: 'candlestick (kline)' } },
        { messageId: 'tradingEndpoint', file: 'utils/market.js', line: 3, column: 49, data: { url: '${…}/fapi/v2/positionRisk', kind: 'futures' } },
      ],
    },
    {
      name: 'a 提币 page: address, amount and network inputs',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <view class="title">提币</view>',
          '  <input placeholder="提币地址" value="{{address}}" bindinput="onAddress"/>',
          '  <picker range="{{networks}}" bindchange="onNetwork"><view>选择网络: {{networks[index]}}</view></picker>',
          '  <input type="digit" placeholder="数量" value="{{amount}}" bindinput="onAmount"/>',
          '</view>',
        ),
      }),
      errors: [
        { messageId: 'featureWording', file: 'pages/index/index.bxml', line: 2, column: 23, data: { where: 'Template text', text: '提币', kind: 'deposit/withdraw' } },
        { messageId: 'withdrawForm', file: 'pages/index/index.bxml', line: 3, column: 3 },
        { messageId: 'featureWording', file: 'pages/index/index.bxml', line: 3, column: 23, data: { where: 'The placeholder attribute', text: '提币地址', kind: 'deposit/withdraw' } },
      ],
    },
    {
      name: 'React: a deposit screen with a network choice, and "Spot trading" in the listing',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'listing.json': JSON.stringify({ name: 'Quick Swap', description: 'Spot trading and deposits in one tap' }),
        'src/pages/index/index.tsx': lines(
          "import { View, Text, Picker, Button } from '@binance/mp-components';",
          'export default function Deposit({ address }: { address: string }) {',
          '  return (',
          '    <View>',
          '      <Text>Deposit USDT</Text>',
          "      <Picker range={['BEP20 (BSC)', 'ERC20']}><Text>Network</Text></Picker>",
          '      <Text>Your address: {address}</Text>',
          '      <Button>Copy</Button>',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [
        { messageId: 'featureWording', file: 'listing.json', line: 1, column: 37, data: { where: 'The listing description', text: 'Spot trading', kind: 'spot trading' } },
        { messageId: 'depositFlow', file: 'src/pages/index/index.tsx', line: 5, column: 7 },
        { messageId: 'featureWording', file: 'src/pages/index/index.tsx', line: 5, column: 13, data: { where: 'Page text', text: 'Deposit USDT', kind: 'deposit/withdraw' } },
      ],
    },
  ],
});
