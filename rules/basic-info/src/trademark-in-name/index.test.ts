import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const LISTING = 'listing.json';

/** A listing.json with the name on line 3; the name's first character is in column 12. */
function app(name: unknown, description = 'Swap BEP-20 tokens on BNB Chain.') {
  const listing = { appId: 'mp_9f3kQ2moonswap', name, description, logo: 'assets/logo.png', category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2) });
}

/** Where `part` of the name is reported. */
const at = (name: string, part: string, from = 0) => {
  const index = name.indexOf(part, from);
  return { file: LISTING, line: 3, column: 12 + index, endLine: 3, endColumn: 12 + index + part.length };
};

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'a name of its own', files: app('MoonSwap') },
    { name: 'the clean fixture app name', files: app('Gas Watch') },
    { name: 'naming the platform it works with: "for Binance"', files: app('Portfolio Tracker for Binance') },
    { name: '"on Binance", "with Binance", "via Binance"', files: app('Pay on Binance') },
    { name: 'the chain name Binance Smart Chain', files: app('Binance Smart Chain Gas') },
    { name: 'BNB, the coin and chain ticker', files: app('BNB Gas Tracker') },
    { name: '适用于币安 and 币安智能链', files: app('适用于币安的行情') },
    { name: 'unofficial and non-official', files: app('Unofficial Moon Fans') },
    { name: '非官方', files: app('月亮非官方社区') },
    { name: 'everyday words that are also brands: visa, apple, ledger', files: app('Visa Checker') },
    { name: 'Apple farm', files: app('Apple Farm Game') },
    { name: 'Expense Ledger', files: app('Expense Ledger') },
    { name: 'a brand in the description only (the name is what 2.2.4 checks here)', files: app('MoonSwap', 'Connect MetaMask or Trust Wallet to swap.') },
    { name: 'a name of the wrong type is basic-info/listing-schema\'s', files: app(42) },
  ],
  invalid: [
    {
      name: 'Binance as the app\'s own brand',
      files: app('Binance Moon Wallet'),
      errors: [{ messageId: 'binance', ...at('Binance Moon Wallet', 'Binance'), data: { text: 'Binance', kind: 'Binance' } }],
    },
    { name: 'BinanceWallet, joined', files: app('BinanceWallet'), errors: [{ messageId: 'binance', ...at('BinanceWallet', 'BinanceWallet') }] },
    { name: 'leetspeak B1nance', files: app('B1nance Earn'), errors: [{ messageId: 'binance', ...at('B1nance Earn', 'B1nance') }] },
    { name: 'Cyrillic look-alike letters', files: app('Вinаnce Pay'), errors: [{ messageId: 'binance', ...at('Вinаnce Pay', 'Вinаnce') }] },
    { name: '币安 as the app\'s own brand', files: app('币安钱包'), errors: [{ messageId: 'binance', ...at('币安钱包', '币安') }] },
    {
      name: 'Binance Official',
      files: app('Binance Official App'),
      errors: [
        { messageId: 'binance', ...at('Binance Official App', 'Binance') },
        { messageId: 'official', ...at('Binance Official App', 'Official'), confidence: 'medium' },
      ],
    },
    {
      name: 'another exchange',
      files: app('Coinbase Helper'),
      errors: [{ messageId: 'brand', ...at('Coinbase Helper', 'Coinbase'), data: { text: 'Coinbase', kind: 'exchange' }, message: 'uses "Coinbase" (exchange)' }],
    },
    { name: 'a wallet brand of two words', files: app('Trust Wallet Pro'), errors: [{ messageId: 'brand', ...at('Trust Wallet Pro', 'Trust Wallet'), data: { text: 'Trust Wallet', kind: 'wallet' } }] },
    { name: 'Ledger Live', files: app('Ledger Live Tips'), errors: [{ messageId: 'brand', ...at('Ledger Live Tips', 'Ledger Live') }] },
    {
      name: 'payment brands',
      files: app('PayPal & Visa Card Pay'),
      errors: [
        { messageId: 'brand', ...at('PayPal & Visa Card Pay', 'PayPal'), data: { text: 'PayPal', kind: 'payment provider' } },
        { messageId: 'brand', ...at('PayPal & Visa Card Pay', 'Visa Card'), data: { text: 'Visa Card', kind: 'payment network' } },
      ],
    },
    { name: 'a messaging app', files: app('Telegram Gifts'), errors: [{ messageId: 'brand', ...at('Telegram Gifts', 'Telegram'), data: { text: 'Telegram', kind: 'messaging or social app' } }] },
    {
      name: 'a popular game: a popular app name, 2.2.3 as well as 2.2.4',
      files: app('Hamster Kombat Tips'),
      errors: [{ messageId: 'popularApp', ...at('Hamster Kombat Tips', 'Hamster Kombat'), data: { text: 'Hamster Kombat', kind: 'popular crypto game' }, message: 'popular app name "Hamster Kombat"' }],
    },
    { name: 'a popular video app in an English name', files: app('TikTok Saver Pro'), errors: [{ messageId: 'popularApp', ...at('TikTok Saver Pro', 'TikTok') }] },
    {
      name: 'Chinese brands',
      files: app('微信支付宝助手'),
      errors: [
        { messageId: 'brand', ...at('微信支付宝助手', '微信'), data: { text: '微信', kind: 'payment or messaging app' } },
        { messageId: 'brand', ...at('微信支付宝助手', '支付宝') },
      ],
    },
    { name: 'a popular app in Chinese', files: app('抖音同款小游戏'), errors: [{ messageId: 'popularApp', ...at('抖音同款小游戏', '抖音'), data: { text: '抖音', kind: 'popular app' } }] },
    { name: 'Official alone', files: app('Moon Official'), errors: [{ messageId: 'official', ...at('Moon Official', 'Official'), data: { text: 'Official', kind: 'official claim' } }] },
    { name: '官方', files: app('月亮官方版'), errors: [{ messageId: 'official', ...at('月亮官方版', '官方') }] },
    { name: 'an authorisation claim', files: app('Moon Authorized Reseller'), errors: [{ messageId: 'official', ...at('Moon Authorized Reseller', 'Authorized Reseller') }] },
    {
      name: 'trademark signs',
      files: app('MoonSwap™ Pro®'),
      errors: [
        { messageId: 'sign', ...at('MoonSwap™ Pro®', '™'), data: { text: '™' }, confidence: 'medium' },
        { messageId: 'sign', ...at('MoonSwap™ Pro®', '®'), data: { text: '®' } },
      ],
    },
    {
      name: 'a name spelled with JSON escapes lands on the escape',
      files: miniApp({ [LISTING]: '{\n  "name": "\\u0042inance Moon",\n  "description": "x",\n  "logo": "logo.png"\n}\n' }),
      errors: [{ messageId: 'binance', file: LISTING, line: 2, column: 12, endLine: 2, endColumn: 24 }],
    },
  ],
});
