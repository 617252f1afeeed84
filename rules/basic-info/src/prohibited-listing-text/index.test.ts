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
    { name: 'the problem fixture app listing', files: app('Moon Rewards 月亮奖励中心', 'Do daily tasks, collect moon points.') },
    { name: 'a safety tool naming what it blocks', files: app('SafeSurf', 'Blocks porn and terror propaganda sites on family devices.') },
    { name: 'a refusal in Chinese', files: app('清朗社区', '拒绝色情暴力，举报恐怖组织。') },
    { name: 'near misses of the added phrases', files: app('Hook Up Wallet', 'Hook up your wallet; women are welcome; a massage with a happy ending to your week; 激情澎湃的比赛直播。') },
    { name: 'words that contain a listed word', files: app('Scunthorpe Fans', 'Essex and Middlesex weather, plus a Shitcoin scanner.') },
    { name: 'food porn and a white power bank', files: app('Snack Shots', 'Food porn from our town; win a white power bank.') },
    { name: 'Chinese compounds that contain a listed word', files: app('平台独家', '特色情侣套餐，台湾独立游戏推荐，成人电影票预订。') },
    { name: 'drugs and forged documents named without an offer', files: app('Clean Start', 'Anti-drug lessons for schools; a fake ID detector for bar staff; 禁毒知识，识别假币。') },
    { name: 'masked near misses: a hole in one, a bastard sword', files: app('Golf Log', 'Log a hole in one and your bastard sword collection.') },
    { name: 'a politician\'s name alone (meme-coin trackers)', files: app('TRUMP Coin Tracker', 'Price of the TRUMP meme coin.') },
  ],
  invalid: [
    {
      name: 'a demeaning generalisation and sexual services in Chinese',
      files: app('同城交友', '外地人都是骗子，美女上门。'),
      errors: [
        { messageId: 'prohibited', ...inDescription('外地人都是骗子，美女上门。', '外地人都是骗子'), data: { field: 'description', category: 'hateful', text: '外地人都是骗子' } },
        { messageId: 'prohibited', ...inDescription('外地人都是骗子，美女上门。', '美女上门'), data: { field: 'description', category: 'sexual', text: '美女上门' } },
      ],
    },
    {
      name: 'pornographic wording in the description',
      files: app('MoonCam', 'Live sex chat and nude photos.'),
      errors: [
        { messageId: 'prohibited', ...inDescription('Live sex chat and nude photos.', 'sex chat'), data: { field: 'description', category: 'sexual', text: 'sex chat' } },
        { messageId: 'prohibited', ...inDescription('Live sex chat and nude photos.', 'nude photos'), data: { field: 'description', category: 'sexual', text: 'nude photos' } },
      ],
    },
    {
      name: 'a vulgar name',
      files: app('WTF Coin'),
      errors: [{ messageId: 'prohibited', ...inName('WTF Coin', 'WTF'), data: { field: 'name', category: 'vulgar', text: 'WTF' }, message: 'The listing name contains vulgar wording "WTF": the basic info must not (2.2.1).' }],
    },
    {
      name: 'leetspeak and starred-out words are found, with medium confidence',
      files: app('F*ck Fees', 'Sh1t happens.'),
      errors: [
        { messageId: 'prohibited', ...inName('F*ck Fees', 'F*ck'), confidence: 'medium' },
        { messageId: 'prohibited', ...inDescription('Sh1t happens.', 'Sh1t'), confidence: 'medium' },
      ],
    },
    { name: 'terror-related wording', files: app('Moon', 'Support jihad with your BNB.'), errors: [{ messageId: 'prohibited', ...inDescription('Support jihad with your BNB.', 'Support jihad'), data: { field: 'description', category: 'terror-related', text: 'Support jihad' } }] },
    { name: 'gore', files: app('Moon', 'Real gore, daily.'), errors: [{ messageId: 'prohibited', ...inDescription('Real gore, daily.', 'Real gore'), data: { field: 'description', category: 'gory or violent', text: 'Real gore' } }] },
    { name: 'a Nazi salute', files: app('Sieg Heil Club'), errors: [{ messageId: 'prohibited', ...inName('Sieg Heil Club', 'Sieg Heil'), data: { field: 'name', category: 'hateful', text: 'Sieg Heil' } }] },
    { name: 'politically sensitive wording', files: app('Moon', '支持台独势力的社区'), errors: [{ messageId: 'prohibited', ...inDescription('支持台独势力的社区', '台独势力'), data: { field: 'description', category: 'politically sensitive', text: '台独势力' } }] },
    { name: 'Chinese vulgar slang in the name', files: app('牛逼钱包'), errors: [{ messageId: 'prohibited', ...inName('牛逼钱包', '牛逼'), data: { field: 'name', category: 'vulgar', text: '牛逼' } }] },
    { name: 'Chinese sexual wording', files: app('Moon', '同城约炮'), errors: [{ messageId: 'prohibited', ...inDescription('同城约炮', '约炮'), data: { field: 'description', category: 'sexual', text: '约炮' } }] },
    {
      name: 'illegal goods offered (2.2.1: in violation of local laws)',
      files: app('Night Market', 'Order MDMA online; 冰毒到家。'),
      errors: [
        { messageId: 'prohibited', ...inDescription('Order MDMA online; 冰毒到家。', 'Order MDMA'), data: { field: 'description', category: 'illegal goods or services', text: 'Order MDMA' } },
        { messageId: 'prohibited', ...inDescription('Order MDMA online; 冰毒到家。', '冰毒到家'), data: { field: 'description', category: 'illegal goods or services', text: '冰毒到家' } },
      ],
    },
    { name: 'full-width letters', files: app('ＰＯＲＮ Hub'), errors: [{ messageId: 'prohibited', ...inName('ＰＯＲＮ Hub', 'ＰＯＲＮ'), data: { field: 'name', category: 'sexual', text: 'ＰＯＲＮ' } }] },
  ],
});
