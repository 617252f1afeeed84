import { describe, expect, it } from 'vitest';
import { findContactDetails, type ContactCategory } from './detectors.js';

/** Each text with the matches it must yield: [category, kind, matched substring of the original text]. */
const CONTACT: Array<[string, Array<[ContactCategory, string, string]>]> = [
  ['Visit https://moonswap.io/app?ref=abc for more.', [['link', 'a URL', 'https://moonswap.io/app?ref=abc']]],
  ['Official site: www.moonswap.io', [['link', 'a web address', 'www.moonswap.io']]],
  ['More at moonswap.io.', [['link', 'a web address', 'moonswap.io']]],
  ['Docs on docs.moon-swap.xyz/guide', [['link', 'a web address', 'docs.moon-swap.xyz/guide']]],
  ['Obfuscated: moonswap[.]com', [['link', 'a web address', 'moonswap[.]com']]],
  ['Node at 192.168.10.20:8080', [['link', 'an IP address', '192.168.10.20:8080']]],
  ['Join t.me/moonswap_official', [['socialAccount', 'a Telegram link', 't.me/moonswap_official']]],
  ['Group: https://telegram.me/moon', [['socialAccount', 'a Telegram link', 'https://telegram.me/moon']]],
  ['Full-width ｔ．ｍｅ／moon link', [['socialAccount', 'a Telegram link', 'ｔ．ｍｅ／moon']]],
  ['Zero-width t\u200B.me/moon', [['socialAccount', 'a Telegram link', 't\u200B.me/moon']]],
  ['Chat wa.me/14155550100', [['socialAccount', 'a WhatsApp link', 'wa.me/14155550100']]],
  ['Follow x.com/moonswap and twitter.com/moon', [['socialAccount', 'an X (Twitter) link', 'x.com/moonswap'], ['socialAccount', 'an X (Twitter) link', 'twitter.com/moon']]],
  ['Community: discord.gg/abc123', [['socialAccount', 'a Discord invite', 'discord.gg/abc123']]],
  ['Invite https://discord.com/invite/moon', [['socialAccount', 'a Discord invite', 'https://discord.com/invite/moon']]],
  ['See instagram.com/moonswap', [['socialAccount', 'an Instagram link', 'instagram.com/moonswap']]],
  ['Like facebook.com/moonswap', [['socialAccount', 'a Facebook link', 'facebook.com/moonswap']]],
  ['Add line.me/ti/p/moon', [['socialAccount', 'a LINE link', 'line.me/ti/p/moon']]],
  ['Chat open.kakao.com/o/moon', [['socialAccount', 'a KakaoTalk link', 'open.kakao.com/o/moon']]],
  ['Telegram: @moonswap', [['socialAccount', 'a Telegram account', 'Telegram: @moonswap']]],
  ['WeChat: moon888', [['socialAccount', 'a WeChat account', 'WeChat: moon888']]],
  ['加微信: moon888 领取', [['socialAccount', 'a WeChat account', '微信: moon888']]],
  ['微信 moon888', [['socialAccount', 'a WeChat account', '微信 moon888']]],
  ['QQ群：12345678', [['socialAccount', 'a QQ account', 'QQ群：12345678']]],
  ['WhatsApp: +1 415 555 0100', [['socialAccount', 'a WhatsApp account', 'WhatsApp: +1 415 555 0100']]],
  ['Discord: MoonSwapHQ', [['socialAccount', 'a Discord account', 'Discord: MoonSwapHQ']]],
  ['LINE ID: moonswap', [['socialAccount', 'a LINE account', 'LINE ID: moonswap']]],
  ['KakaoTalk: moon_swap', [['socialAccount', 'a KakaoTalk account', 'KakaoTalk: moon_swap']]],
  ['Follow @moonswap for news', [['socialAccount', 'a social media handle', '@moonswap']]],
  ['Mail support@moonswap.io', [['email', 'an e-mail address', 'support@moonswap.io']]],
  ['Mail hello [at] moonswap.io', [['email', 'an e-mail address', 'hello [at] moonswap.io']]],
  ['Call +1 415 555 0100', [['phone', 'a phone number', '+1 415 555 0100']]],
  ['Call +86 138-0013-8000 now', [['phone', 'a phone number', '+86 138-0013-8000']]],
  ['Hotline (415) 555-0100', [['phone', 'a phone number', '(415) 555-0100']]],
  ['Support 415.555.0100', [['phone', 'a phone number', '415.555.0100']]],
  ['Phone 555-0100', [['phone', 'a phone number', '555-0100']]],
  ['威信 moon888 咨询', [['socialAccount', 'a WeChat account', '威信 moon888']]],
  ['vx：moon_888', [['socialAccount', 'a WeChat account', 'vx：moon_888']]],
  ['有问题加V咨询', [['socialAccount', 'a WeChat contact', '加V']]],
  ['扣扣 12345678', [['socialAccount', 'a QQ account', '扣扣 12345678']]],
  ['关注公众号「币圈小助手」领取教程', [['socialAccount', 'a WeChat Official Account', '关注公众号「币圈小助手」']]],
  ['客服热线4008208820', [['phone', 'a phone number', '4008208820']]],
  ['咨询 4008208820', [['phone', 'a phone number', '4008208820']]],
  ['联系我 13800138000', [['phone', 'a phone number', '13800138000']]],
  ['电话 021-6888 8888', [['phone', 'a phone number', '021-6888 8888']]],
  ['手机13800138000', [['phone', 'a phone number', '13800138000']]],
  ['Tel: 88888888', [['phone', 'a phone number', '88888888']]],
  ['Use invite code: ABC123', [['inviteCode', 'an invitation code', 'invite code: ABC123']]],
  ['Referral code MOONVIP for a bonus', [['inviteCode', 'a referral code', 'Referral code MOONVIP']]],
  ['ref code=X7Y8Z9', [['inviteCode', 'a referral code', 'ref code=X7Y8Z9']]],
  ['注册填写邀请码 ABC123', [['inviteCode', 'an invitation code', '邀请码 ABC123']]],
  ['推荐码：88MOON', [['inviteCode', 'a referral code', '推荐码：88MOON']]],
  ['Office: 100 Main Street, Springfield', [['address', 'a street address', '100 Main Street']]],
  ['Find us at 221B Baker St. London', [['address', 'a street address', '221B Baker St.']]],
  ['地址：上海市南京西路1266号', [['address', 'a street address', '上海市南京西路1266号']]],
  ['東京都千代田区1丁目2番3号', [['address', 'a street address', '1丁目2番3号']]],
  ['SITE: HTTPS://MOONSWAP.IO/APP', [['link', 'a URL', 'HTTPS://MOONSWAP.IO/APP']]],
  [
    // The README's Bad example.
    'Best rates on BNB Chain. Telegram: @moonswap_vip, support@moonswap.io, VIP hotline +1 415 555 0100. Sign up with invite code ABC123. 添加微信: moon888 进群',
    [
      ['socialAccount', 'a Telegram account', 'Telegram: @moonswap_vip'],
      ['email', 'an e-mail address', 'support@moonswap.io'],
      ['phone', 'a phone number', '+1 415 555 0100'],
      ['inviteCode', 'an invitation code', 'invite code ABC123'],
      ['socialAccount', 'a WeChat account', '微信: moon888'],
    ],
  ],
];

const CLEAN: string[] = [
  'V2 版本更新：支持 VIP 会员',
  '支持微信支付和支付宝',
  '公众号文章排版工具，一键导出',
  '总供应量 4008208820 枚',
  'Track BNB Chain gas fees 24/7',
  'Supports 100+ tokens, v2.0',
  'Win up to 1,000,000 USDT in rewards',
  'Prize pool 1000000 USDT',
  'Over 2000000 users since 2019',
  'Founded 2019. 500 partners and 1 000 000 trades',
  'Audited 2021-2023, v1.2.3 released 2024-05-01',
  'Fees from 0.1% to 0.25%, settles in 1.5s',
  'Built with Node.js and Web3.js; see README.md and logo.png',
  'Open 9:00-18:00, 7 days a week. Top 10 pairs, 3 new listings every week.',
  'Use your referral code to earn rewards. Invite friends!',
  'Bottom line: simple swaps. Discord: join our community soon.',
  'Share to Binance Square, follow the 2024 Crypto Road map',
  'Email and phone verification supported. Telegram bot inside the app.',
  '支持微信登录，每日签到领取积分，7x24小时客服',
  '币安链上的行情工具，支持 100 多种代币',
  'Rewards range 1000-5000 points, ETH/BTC pair, 3x leverage',
  'Version 1.2.3.4 — i.e. faster, e.g. cheaper. Fast.Trade now',
  'Scores: 98 / 100, 4.8★ from 12,345 reviews',
  'Meet @ 5pm, price @2x, @ everyone',
  'MoonSwap is a DEX aggregator on BNB Chain. Swap 300+ tokens at the best rate with 0.05% fees.',
  'Daily check-in, earn points, redeem for NFTs. Season 3 starts 2025-01-01.',
  'The #1 staking dashboard: APY up to 12.5%, TVL $25,000,000, order #12345678',
  'Call of Duty style shooter; call options and put options, strike 65000-70000',
  'Support for Telegram Mini Apps and WhatsApp-style chat. ID verification in 3 steps.',
  'Version 2.10.3 (build 20240501), block 38123456 confirmed',
  '全球 3000 万用户信赖，支持 BTC、ETH 等 200 种资产',
  'BNBで1日3回まで無料。Line chart and candle view.',
  'Mobile-first wallet with 1 000 000 users',
  // The README's Good example.
  'Swap 300+ BEP-20 tokens on BNB Chain with 0.05% fees. Track gas fees 24/7, support inside the app.',
];

describe('findContactDetails', () => {
  it.each(CONTACT)('%s', (text, expected) => {
    const found = findContactDetails(text).map((match) => [match.category, match.kind, text.slice(match.start, match.end)]);
    expect(found).toEqual(expected);
  });

  it.each(CLEAN)('nothing in: %s', (text) => {
    expect(findContactDetails(text).map((match) => text.slice(match.start, match.end))).toEqual([]);
  });
});
