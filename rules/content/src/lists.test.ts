import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, termSeverity, type TermEntry, type TermList, type TermMatcher } from '@bmplint/core';
import { DATA_FILES, FALSE_ADVERTISING, FRAUD, IMPERSONATION, LISTS, PROHIBITED, reportingRule, topicOf } from './lists.js';

const MATCHER_OF_RULE: Record<string, TermMatcher> = {
  'content/prohibited-page-text': PROHIBITED,
  'content/fraud-wording': FRAUD,
  'content/false-advertising': FALSE_ADVERTISING,
  'content/impersonation': IMPERSONATION,
  'content/impersonation-listing': IMPERSONATION,
};
const ALL = [PROHIBITED, FRAUD, FALSE_ADVERTISING, IMPERSONATION];

/** A neutral sentence around a term, in the list's language. */
function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

/** The text a term alternative stands for: `{n}` as a number, a stem as written. */
const sample = (alternative: string) => alternative.replaceAll('{n}', '2').replace(/\*$/, '');

const termLists = LISTS.filter((list) => list.kind !== 'cues');
const entries: Array<[string, TermList, TermEntry]> = termLists.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('term lists', () => {
  it('registers every data file', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
  });

  it.each(LISTS.map((list) => [list.id, list] as const))('%s: names its topic and language, and cites its source and clauses', (_, list) => {
    const file = Object.keys(DATA_FILES).find((name) => DATA_FILES[name] === (list as unknown));
    expect(file).toBe(`${topicOf(list)}.${list.language}.json`);
    expect(list.id).toBe(`${topicOf(list)}-${list.language}`);
    expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
    for (const clause of list.clauses) expect(list.source).toContain(`Operation Rules ${clause}`);
  });

  it('covers English and Simplified Chinese for every topic', () => {
    const topics = new Set(LISTS.map(topicOf));
    for (const topic of topics) {
      const languages = LISTS.filter((list) => topicOf(list) === topic).map((list) => list.language);
      expect(languages.sort(), topic).toEqual(['en', 'zh-Hans']);
    }
  });

  it.each(entries)('%s is found in a neutral sentence by the rule that reports it', (_, list, entry) => {
    const severity = termSeverity(list, entry);
    const rule = reportingRule(list, severity, 'page');
    expect(rule, 'a rule reports this term in page text').toBeDefined();
    const matcher = MATCHER_OF_RULE[rule!];
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const matches = matcher.scan(text);
      expect(matches.map((match) => match.term), text).toContain(alternative);
      const match = matches.find((candidate) => candidate.term === alternative)!;
      expect(match.entry).toBe(entry);
      expect(text.slice(match.start, match.end)).toBe(sample(alternative));
    }
  });
});

/** Text a legitimate mini program shows, which must match nothing. */
const CLEAN = [
  // Crypto wallets and tools
  'Binance Smart Chain gas tracker',
  'BNB Chain gas tracker: free, open source',
  'Red packet history',
  'Send a red packet to your friends',
  'Open red packet',
  'Airdrop history',
  'Claim your BNB Chain airdrop allocation',
  'Pay with Binance Pay',
  'Open the official Binance app to confirm the payment',
  'Download the official Binance app',
  'This mini program is not an official Binance product.',
  'Unofficial Binance listing tracker',
  'Contact our support team',
  'Powered by BNB Chain',
  'Price prediction chart for BTC and ETH',
  'Guaranteed delivery within 3 days',
  'Risk-free trial for 30 days',
  'Free shipping on orders over 50 USDT',
  'Free trial',
  'Deposit 100 USDT and get a 10 USDT bonus voucher',
  'Your funds will be locked for 30 days while staked',
  'Your account will be deleted after 30 days',
  'Earn up to 5% APY on flexible savings',
  'Win rate: 55% over the last 30 days',
  'Double-check the address before you send',
  'Double tap to like',
  'Testnet faucet: get free BNB for testing on testnet',
  'Beware of fake airdrops promising free BNB',
  'Never share your seed phrase. Binance staff will never ask for it.',
  'Report scams: anyone offering to double your crypto is a fraud',
  'Trading on insider information is illegal',
  'Gas is free. BNB price today: 600 USDT',
  // Everyday English
  'Killer feature: dark mode',
  'Shoot a photo of your receipt',
  'Scunthorpe United fan club',
  'Essex and Middlesex weather',
  'The therapist is in',
  'Analyst reports and classic charts',
  'Assassin\'s Creed wallpapers',
  'Skill tree and skilled players',
  'Food porn: the best dishes in town',
  'White power bank, 10000 mAh',
  'Nude lipstick shades',
  'Adult ticket 20 USDT, child ticket 10 USDT',
  'Call of Duty ammo guide',
  'Buy ammo and grenades in the shop',
  'Police station finder',
  'Tax calculator based on IRS rules',
  'The central bank raised interest rates today',
  'Visit the official government website for forms',
  'BNB Chain was originally developed by Binance',
  'Sexual health education for teens',
  'Kill the process with Ctrl+C',
  'Christianity and Islam: a history course',
  'Bible study group every Sunday',
  'Porn is prohibited in comments.',
  'Do not post porn or gore.',
  // Everyday Chinese
  '币安智能链 Gas 追踪',
  '红包记录',
  '发红包给好友',
  '空投历史',
  '使用币安支付',
  '打开币安官方 App 完成支付',
  '本小程序非币安官方产品',
  '本小程序并非币安官方出品',
  '据币安官方公告，BNB 将于明日升级',
  '杀手级功能：深色模式',
  '拍照上传小票',
  '免费试用七天',
  '新用户免费领取优惠券',
  '首充100元送10元',
  '成人票 20 元，儿童票 10 元',
  '成人电影票八折',
  '找小姐姐一起玩游戏',
  '币价未必涨，请理性投资',
  '不一定会上涨，投资有风险',
  '中国人民银行授权中国外汇交易中心公布汇率',
  '附近的派出所和公安局查询',
  '个人所得税计算器',
  '禁止发布色情、暴力、赌博等违法内容',
  '谨防诈骗：免费送币都是骗局',
  '警惕冒充币安客服的骗子',
  '假冒币安官方的小程序',
  '理财有风险，投资需谨慎',
  '枪战游戏：购买枪械皮肤和弹药',
  '狼人杀游戏规则',
  '圣经学习小组',
  '黄色主题皮肤',
  '无码率设置',
  '双倍积分活动',
];

/** Evasions a scammer would use: each must be found. */
const EVASIONS: Array<[string, string]> = [
  ['Ｆｒｅｅ ＢＮＢ for everyone', 'free bnb'],
  ['Fr\u200Bee B\u200BNB for everyone', 'free bnb'],
  ['Frее ВNВ for everyone', 'free bnb'],
  ['fr33 bnb for everyone', 'free bnb'],
  ['🔥FREE🔥USDT🔥', 'free usdt'],
  ['Ｓｅｎｄ 0.1 ＢＮＢ and receive 0.2 BNB', 'send {n} bnb and receive {n}'],
  ['免 费 送 币', '免费送币'],
  ['p0rn videos', 'porn'],
  ['ＯＦＦＩＣＩＡＬ ＢＩＮＡＮＣＥ wallet', 'official binance'],
  ['稳 赚 不 赔', '稳赚不赔'],
  ['guaranteed pr0fit', 'guaranteed profit'],
];

describe('precision', () => {
  it.each(CLEAN.map((text) => [text]))('matches nothing in "%s"', (text) => {
    const found = ALL.flatMap((matcher) => matcher.scan(text).map((match) => `${match.list.id}: ${match.text}`));
    expect(found).toEqual([]);
  });

  it.each(EVASIONS)('finds the evasion "%s"', (text, term) => {
    const found = ALL.flatMap((matcher) => matcher.scan(text).map((match) => match.term));
    expect(found).toContain(term);
  });
});
