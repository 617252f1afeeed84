import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule, { isGenericOnly } from './index.js';

const LISTING = 'listing.json';

/** A listing.json with the name on line 3 (value in column 11) and the description on line 4 (first character in column 19). */
function app(name: string, description: unknown = 'Live gas prices and the latest blocks.', files: Files = {}) {
  const listing = { appId: 'mp_9f3kQ2moonswap', name, description, logo: 'assets/logo.png', category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2), ...files });
}

const inDescription = (description: string, part: string) => {
  const index = description.indexOf(part);
  return { file: LISTING, line: 4, column: 19 + index, endLine: 4, endColumn: 19 + index + part.length };
};

const CLEAN_DESCRIPTION = 'Live BNB Chain gas fee tiers, the latest blocks with block details, and a watchlist of addresses kept on your device.';
const LONG = `${'Track gas fees on BNB Chain. '.repeat(4)}Set alerts and see the latest blocks.`;
const SWAP_PAGE = { 'pages/index/index.js': "Page({ onSwap() { bn.showToast({ title: 'Swapped' }); } });\n" };

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'the clean fixture app listing', files: app('Gas Watch', CLEAN_DESCRIPTION) },
    { name: 'the React fixture app listing', files: app('RPC Pulse', 'Status and latency of public BNB Chain RPC endpoints, with a detail page for each endpoint.') },
    { name: 'the problem fixture app listing', files: app('Moon Rewards 月亮奖励中心', 'Do daily tasks, collect moon points.') },
    { name: 'a generic word with a distinctive one', files: app('Moon Wallet') },
    { name: 'a number makes a generic name distinctive', files: app('Game 2048') },
    { name: 'a Chinese name with a distinctive word', files: app('月光钱包') },
    { name: 'exactly 120 characters', files: app('MoonSwap', 'x'.repeat(120)) },
    { name: '120 CJK characters count 120', files: app('MoonSwap', '月'.repeat(120)) },
    { name: 'surrounding spaces do not count', files: app('MoonSwap', `  ${'x'.repeat(120)}  `) },
    { name: 'a feature the pages have (swap in a script)', files: app('MoonSwap', 'Swap tokens on BNB Chain.', SWAP_PAGE) },
    { name: 'a feature in a template\'s text', files: app('MoonNFT', 'Browse your NFT collection.', { 'pages/index/index.bxml': '<view>My NFTs</view>\n' }) },
    { name: 'a payment API is evidence of payments', files: app('MoonShop', 'Pay with crypto at checkout.', { 'pages/index/index.js': 'Page({ buy() { bn.requestPayment({}); } });\n' }) },
    { name: 'a Chinese feature word with Chinese page text', files: app('月亮兑换', '快速兑换代币。', { 'pages/index/index.bxml': '<view>兑换</view>\n' }) },
    { name: '交易记录 (transaction history) is not a trading feature', files: app('月亮浏览器', '查看交易记录和区块。') },
    { name: 'an empty or non-string description is basic-info/listing-schema\'s when it is not a string', files: app('MoonSwap', 42) },
  ],
  invalid: [
    { name: 'a name made only of generic words', files: app('Crypto Wallet'), errors: [{ messageId: 'genericName', file: LISTING, line: 3, column: 11, endColumn: 26, data: { name: 'Crypto Wallet' }, confidence: 'medium' }] },
    { name: 'generic words in Chinese', files: app('钱包助手'), errors: [{ messageId: 'genericName', file: LISTING, line: 3, column: 11, data: { name: '钱包助手' } }] },
    { name: 'generic words with symbols', files: app('My Crypto Tools 🚀'), errors: [{ messageId: 'genericName', data: { name: 'My Crypto Tools 🚀' } }] },
    { name: 'an empty description', files: app('MoonSwap', ''), errors: [{ messageId: 'emptyDescription', file: LISTING, line: 4, column: 18, endColumn: 20 }] },
    { name: 'a whitespace-only description', files: app('MoonSwap', '   '), errors: [{ messageId: 'emptyDescription', file: LISTING, line: 4, column: 18 }] },
    {
      name: 'a description over 120 characters, reported from the 121st',
      files: app('MoonSwap', LONG),
      errors: [{ messageId: 'longDescription', file: LISTING, line: 4, column: 19 + 120, endColumn: 19 + LONG.length, data: { length: LONG.length }, message: `has ${LONG.length} characters: keep it to 120` }],
    },
    { name: '121 CJK characters', files: app('MoonSwap', '月'.repeat(121)), errors: [{ messageId: 'longDescription', file: LISTING, line: 4, column: 139, data: { length: 121 } }] },
    {
      name: 'a feature no page has',
      files: app('MoonSwap', 'Swap and stake tokens on BNB Chain.', SWAP_PAGE),
      errors: [{ messageId: 'missingFeature', ...inDescription('Swap and stake tokens on BNB Chain.', 'stake'), data: { text: 'stake', feature: 'staking' }, confidence: 'low' }],
    },
    {
      name: 'each missing feature once, at its first mention',
      files: app('MoonSwap', 'NFT minting and NFT lending.'),
      errors: [
        { messageId: 'missingFeature', ...inDescription('NFT minting and NFT lending.', 'NFT'), data: { text: 'NFT', feature: 'nft' } },
        { messageId: 'missingFeature', ...inDescription('NFT minting and NFT lending.', 'minting'), data: { text: 'minting', feature: 'mint' } },
        { messageId: 'missingFeature', ...inDescription('NFT minting and NFT lending.', 'lending'), data: { text: 'lending', feature: 'lending' } },
      ],
    },
    {
      name: 'the listing itself is not evidence',
      files: app('MoonSwap', 'Stake BNB.', { 'project.config.json': JSON.stringify({ appid: 'x', description: 'Stake BNB.' }) }),
      errors: [{ messageId: 'missingFeature', ...inDescription('Stake BNB.', 'Stake'), data: { text: 'Stake', feature: 'staking' } }],
    },
    { name: 'a Chinese feature', files: app('月亮', '质押赚取收益。'), errors: [{ messageId: 'missingFeature', ...inDescription('质押赚取收益。', '质押'), data: { text: '质押', feature: 'staking' } }] },
  ],
});

describe('isGenericOnly', () => {
  it.each([
    ['Crypto Tool', true],
    ['Game', true],
    ['工具', true],
    ['Wallet', true],
    ['BNB Gas Tracker', true],
    ['Smart Wallet Pro', true],
    ['小游戏', true],
    ['Gas Watch', false],
    ['RPC Pulse', false],
    ['MoonSwap', false],
    ['Moon Rewards 月亮奖励中心', false],
    ['币安钱包', false],
    ['Game 2048', false],
  ])('%s → %s', (name, expected) => expect(isGenericOnly(name)).toBe(expected));
});
