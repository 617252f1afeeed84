import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const LISTING = 'listing.json';

/** A listing.json with the name on line 3 (first character in column 12) and the description on line 4 (column 19). */
function app(name: string, description = 'Swap BEP-20 tokens on BNB Chain.') {
  const listing = { appId: 'mp_9f3kQ2moonswap', name, description, logo: 'assets/logo.png', category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2) });
}

const inName = (name: string, part: string) => {
  const index = name.indexOf(part);
  return { file: LISTING, line: 3, column: 12 + index, endLine: 3, endColumn: 12 + index + part.length };
};
const inDescription = (description: string, part: string) => {
  const index = description.indexOf(part);
  return { file: LISTING, line: 4, column: 19 + index, endLine: 4, endColumn: 19 + index + part.length };
};

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'the clean fixture app listing', files: app('Gas Watch', 'Live BNB Chain gas fee tiers, the latest blocks with block details, and a watchlist of addresses kept on your device.') },
    { name: 'the React fixture app listing', files: app('RPC Pulse', 'Status and latency of public BNB Chain RPC endpoints, with a detail page for each endpoint.') },
    { name: 'the problem fixture app listing', files: app('Moon Rewards 月亮奖励中心', 'Do daily tasks, collect moon points. Join t.me/moonrewards, see https://moonrewards.example or call +1 415 555 0100') },
    { name: 'trading terms with "best" and everyday "top"', files: app('Depth Board', 'Shows the best bid and best ask of every pair. Top up in two taps; see the top 10 gainers.') },
    { name: 'a DEX aggregator finding the best route', files: app('RouteFinder', 'Finds the best route and the best price for your swap.') },
    { name: 'integrations named in the description (exchanges and wallets are not popular-app lures)', files: app('MoonSwap', 'Connect MetaMask or Trust Wallet; alerts via Telegram.') },
    { name: 'Chinese ordinals and advice', files: app('月亮钱包', '第一步：创建钱包。最好不要截图助记词。') },
    { name: '"best" in a proper name and in a ranking that is not a claim', files: app('Best Friends Birthday Reminder', 'Sort your runs from best to worst and beat your personal best.') },
    { name: '最好 and 最佳 as a personal record', files: app('跑步记录', '记录个人最好成绩和赛季最佳。') },
    { name: 'three emoji', files: app('Moon 🚀🚀🚀', 'To the moon 🌙✨') },
    { name: 'a few popular terms in sentences', files: app('MoonSwap', 'Swap BNB, ETH and USDT on BNB Chain, and track your airdrop history.') },
  ],
  invalid: [
    {
      name: 'a ranking claim in the name',
      files: app('#1 Crypto Wallet'),
      errors: [{ messageId: 'adWording', ...inName('#1 Crypto Wallet', '#1'), data: { field: 'name', text: '#1', kind: 'ranking claim' }, confidence: 'medium' }],
    },
    {
      name: 'superlatives and free money in the description',
      files: app('MoonSwap', 'The best wallet: free money every day!'),
      errors: [
        { messageId: 'adWording', ...inDescription('The best wallet: free money every day!', 'best'), data: { field: 'description', text: 'best', kind: 'superlative' } },
        { messageId: 'adWording', ...inDescription('The best wallet: free money every day!', 'free money'), data: { field: 'description', text: 'free money', kind: 'free-money lure' } },
      ],
    },
    { name: 'No.1 and 100% free', files: app('No.1 Swap', '100% free.'), errors: [{ messageId: 'adWording', ...inName('No.1 Swap', 'No.1') }, { messageId: 'adWording', ...inDescription('100% free.', '100% free') }] },
    {
      name: 'Chinese ranking and superlative wording',
      files: app('月亮钱包', '全网第一的钱包，最好用的工具'),
      errors: [
        { messageId: 'adWording', ...inDescription('全网第一的钱包，最好用的工具', '全网第一'), data: { field: 'description', text: '全网第一', kind: 'ranking claim' } },
        { messageId: 'adWording', ...inDescription('全网第一的钱包，最好用的工具', '最好'), data: { field: 'description', text: '最好', kind: 'superlative' } },
      ],
    },
    {
      name: 'a popular app in the description',
      files: app('MoonDance', 'Dance videos like TikTok.'),
      errors: [{ messageId: 'popularApp', ...inDescription('Dance videos like TikTok.', 'TikTok'), data: { field: 'description', text: 'TikTok' }, confidence: 'low' }],
    },
    { name: 'a popular Chinese mini game', files: app('月亮消除', '羊了个羊同款玩法'), errors: [{ messageId: 'popularApp', ...inDescription('羊了个羊同款玩法', '羊了个羊') }] },
    {
      name: 'a pile of popular search terms',
      files: app('MoonSwap', 'Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme, free'),
      errors: [{ messageId: 'keywordPile', ...inDescription('Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme, free', 'Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme, free'), data: { field: 'description', count: 8, text: 'Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme, free' }, confidence: 'low' }],
    },
    {
      name: 'a term repeated three times',
      files: app('MoonSwap', 'Airdrop hunter: airdrop alerts and airdrop history.'),
      errors: [{ messageId: 'repeated', ...inDescription('Airdrop hunter: airdrop alerts and airdrop history.', 'Airdrop'), data: { field: 'description', text: 'Airdrop', count: 3 }, confidence: 'low' }],
    },
    {
      name: 'a run of emoji in the name',
      files: app('Moon 🚀🚀🚀🚀'),
      errors: [{ messageId: 'symbols', ...inName('Moon 🚀🚀🚀🚀', '🚀🚀🚀🚀'), data: { field: 'name', text: '🚀🚀🚀🚀', count: 4 } }],
    },
    {
      name: 'a run of stars in the description',
      files: app('MoonSwap', '★★★★★ rated swap'),
      errors: [{ messageId: 'symbols', ...inDescription('★★★★★ rated swap', '★★★★★'), data: { field: 'description', text: '★★★★★', count: 5 } }],
    },
  ],
});
