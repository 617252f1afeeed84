import { RuleTester, miniApp, type InvalidCase } from '@bmplint/core/testing';
import rule from './index.js';

const LISTING = 'listing.json';

/** A realistic listing.json (as JSON.stringify(…, null, 2) writes it): name on line 3, description on line 4. */
function app(fields: { name?: string; description?: string }) {
  const listing = {
    appId: 'mp_9f3kQ2moonswap',
    name: fields.name ?? 'MoonSwap',
    description: fields.description ?? 'Swap BEP-20 tokens on BNB Chain at the best rate.',
    logo: 'assets/logo.png',
    category: 'Tools',
    tags: ['DeFi', 'Swap'],
    serviceDomains: ['https://api.moonswap.io'],
    businessDomains: [],
    testAccount: null,
  };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2), 'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
}

/** `  "description": "` is 18 characters: the text starts in column 19 of line 4. */
const DESCRIPTION_COLUMN = 19;
/** `  "name": "` is 11 characters: the name starts in column 12 of line 3. */
const NAME_COLUMN = 12;

/** One finding in the description at the (first) occurrence of `match`. */
function inDescription(description: string, found: Array<[messageId: string, match: string, kind: string]>): InvalidCase {
  return {
    name: `description: ${description}`,
    files: app({ description }),
    errors: found.map(([messageId, match, kind]) => {
      const index = description.indexOf(match);
      if (index < 0) throw new Error(`"${match}" is not in "${description}"`);
      return {
        messageId,
        file: LISTING,
        line: 4,
        column: DESCRIPTION_COLUMN + index,
        endLine: 4,
        endColumn: DESCRIPTION_COLUMN + index + match.length,
        message: `contains ${kind} "`,
      };
    }),
  };
}

const CLEAN_DESCRIPTIONS = [
  'Track BNB Chain gas fees 24/7',
  'Supports 100+ tokens, v2.0',
  'Win up to 1,000,000 USDT in the weekly trading contest.',
  'Prize pool 1000000 USDT shared by 2000000 users since 2019.',
  'Audited 2021-2023; v1.2.3 released 2024-05-01. Fees from 0.1% to 0.25%.',
  'Built with Node.js and Web3.js: fast, e.g. quotes in 1.5s.',
  'Use your referral code to earn rewards. Invite friends!',
  'Email and phone verification supported. Telegram bot inside the app.',
  'Share your PnL to Binance Square. Open 9:00-18:00, 7 days a week.',
  '支持微信登录，每日签到领取积分，7x24小时在线客服。',
  '币安链上的行情工具，支持 100 多种代币，全球 3000 万用户。',
  'Rewards range 1000-5000 points; scores 98 / 100 from 12,345 reviews.',
  'Bottom line: simple swaps. Discord: join our community soon.',
];

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    ...CLEAN_DESCRIPTIONS.map((description) => ({ name: `description: ${description}`, files: app({ description }) })),
    { name: 'a name with a number and a year', files: app({ name: 'Gas Tracker 2024', description: 'Gas fees for 30+ chains, refreshed every 12s.' }) },
    { name: 'a listing.json that does not parse', files: miniApp({ [LISTING]: '{\n  "name": "MoonSwap",\n  "description": "t.me/moonswap",\n}\n' }) },
    { name: 'contact details outside name and description', files: miniApp({ [LISTING]: JSON.stringify({ name: 'MoonSwap', description: 'Swap tokens.', logo: 'logo.png', serviceDomains: ['https://api.moonswap.io'], testAccount: { id: 'review@moonswap.io', password: 'x' } }, null, 2) }) },
  ],
  invalid: [
    inDescription('Swap tokens. Join t.me/moonswap_official for alpha.', [['socialAccount', 't.me/moonswap_official', 'a Telegram link']]),
    inDescription('Official site: https://moonswap.io/app?ref=7F3K', [['link', 'https://moonswap.io/app?ref=7F3K', 'a URL']]),
    inDescription('More guides on www.moonswap.io and docs.moonswap.xyz.', [['link', 'www.moonswap.io', 'a web address'], ['link', 'docs.moonswap.xyz', 'a web address']]),
    inDescription('Questions? Mail support@moonswap.io', [['email', 'support@moonswap.io', 'an e-mail address']]),
    inDescription('VIP hotline +1 415 555 0100, 24/7.', [['phone', '+1 415 555 0100', 'a phone number']]),
    inDescription('Customer care (415) 555-0100', [['phone', '(415) 555-0100', 'a phone number']]),
    inDescription('Telegram: @moonswap_vip', [['socialAccount', 'Telegram: @moonswap_vip', 'a Telegram account']]),
    inDescription('Chat with us on wa.me/14155550100', [['socialAccount', 'wa.me/14155550100', 'a WhatsApp link']]),
    inDescription('Follow x.com/moonswap and @moonswap_news', [['socialAccount', 'x.com/moonswap', 'an X (Twitter) link'], ['socialAccount', '@moonswap_news', 'a social media handle']]),
    inDescription('Community: discord.gg/moonswap', [['socialAccount', 'discord.gg/moonswap', 'a Discord invite']]),
    inDescription('Sign up with invite code ABC123 to get 10 USDT', [['inviteCode', 'invite code ABC123', 'an invitation code']]),
    inDescription('Referral code: MOONVIP', [['inviteCode', 'Referral code: MOONVIP', 'a referral code']]),
    inDescription('注册时填写邀请码 ABC123，立享手续费八折。', [['inviteCode', '邀请码 ABC123', 'an invitation code']]),
    inDescription('添加微信: moon888 进群领空投', [['socialAccount', '微信: moon888', 'a WeChat account']]),
    inDescription('Visit us at 100 Main Street, Springfield', [['address', '100 Main Street', 'a street address']]),
    inDescription('总部：上海市南京西路1266号', [['address', '上海市南京西路1266号', 'a street address']]),
    inDescription('客服电话 021-6888 8888', [['phone', '021-6888 8888', 'a phone number']]),
    inDescription('LINE ID: moonswap, KakaoTalk: moon_swap', [['socialAccount', 'LINE ID: moonswap', 'a LINE account'], ['socialAccount', 'KakaoTalk: moon_swap', 'a KakaoTalk account']]),
    {
      name: 'a full-width Telegram link: reported at its original characters',
      files: app({ description: '加入ｔ．ｍｅ／moon社区' }),
      errors: [{ messageId: 'socialAccount', file: LISTING, line: 4, column: 21, endLine: 4, endColumn: 30, data: { field: 'description', kind: 'a Telegram link', text: 'ｔ．ｍｅ／moon' } }],
    },
    {
      name: 'a zero-width space hiding a link',
      files: app({ description: 'Alpha at t\u200B.me/moon' }),
      errors: [{ messageId: 'socialAccount', file: LISTING, line: 4, column: 28, endColumn: 38, data: { field: 'description', kind: 'a Telegram link', text: 't\\u200B.me/moon' } }],
    },
    {
      name: 'contact details in the name',
      files: app({ name: 'MoonSwap t.me/moon' }),
      errors: [{ messageId: 'socialAccount', file: LISTING, line: 3, column: NAME_COLUMN + 9, endColumn: NAME_COLUMN + 18, message: 'The listing name contains a Telegram link "t.me/moon"' }],
    },
    {
      name: 'a JSON escape inside the match: the span covers the escape as written',
      files: miniApp({ [LISTING]: '{\n  "name": "MoonSwap",\n  "description": "Write to \\"support\\u0040moonswap.io\\" today",\n  "logo": "logo.png"\n}\n' }),
      // `  "description": "Write to \"` is 29 characters; `support\u0040moonswap.io` is 24 as written.
      errors: [{ messageId: 'email', file: LISTING, line: 3, column: 30, endLine: 3, endColumn: 54, data: { field: 'description', kind: 'an e-mail address', text: 'support@moonswap.io' } }],
    },
    {
      name: 'an external-style listing with CRLF line endings and several findings in order',
      files: miniApp({ [LISTING]: '{\r\n  "name": "Moon 客服 13800138000",\r\n  "description": "Mail hi@moon.io or call +44 20 7946 0958",\r\n  "logo": "logo.png"\r\n}\r\n' }),
      errors: [
        { messageId: 'phone', file: LISTING, line: 2, column: 20, endColumn: 31 },
        { messageId: 'email', file: LISTING, line: 3, column: 24, endColumn: 34 },
        { messageId: 'phone', file: LISTING, line: 3, column: 43, endColumn: 59 },
      ],
    },
  ],
});
