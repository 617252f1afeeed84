import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList, type TermMatcher } from '@bmplint/core';
import { AD_WORDING, DATA_FILES, FEATURES, GENERIC_WORDS, LISTS, POPULAR_APPS, POPULAR_KEYWORDS, PROHIBITED, PROHIBITED_TOPICS, TRADEMARKS, topicOf, type Topic } from './lists.js';

/** The matchers that report each topic's terms (every one of them must find every term). */
const MATCHERS: Record<Exclude<Topic, 'cues'>, TermMatcher[]> = {
  sexual: [PROHIBITED],
  violence: [PROHIBITED],
  terror: [PROHIBITED],
  hate: [PROHIBITED],
  political: [PROHIBITED],
  vulgar: [PROHIBITED],
  illegal: [PROHIBITED],
  brands: [TRADEMARKS],
  binance: [TRADEMARKS],
  official: [TRADEMARKS],
  'popular-apps': [TRADEMARKS, POPULAR_APPS],
  'ad-wording': [AD_WORDING],
  'popular-keywords': [POPULAR_KEYWORDS],
  'generic-words': [GENERIC_WORDS],
  features: [FEATURES],
};

/** A neutral sentence around a term, in the list's language. */
function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面标题是“${term}”。`;
  return `The page title is "${term}".`;
}

/** The text a term alternative stands for: a stem as written. */
const sample = (alternative: string) => alternative.replace(/\*$/, '');

const termLists = LISTS.filter((list) => list.kind !== 'cues');
const entries = termLists.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('basic-info term lists', () => {
  it('registers every data file', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
  });

  it.each(LISTS.map((list) => [list.id, list] as const))('%s: names its topic and language, and cites its source and clauses', (_, list) => {
    const file = Object.keys(DATA_FILES).find((name) => DATA_FILES[name] === (list as unknown));
    expect(file).toBe(`${topicOf(list)}.${list.language}.json`);
    expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
    for (const clause of list.clauses) expect(list.source).toContain(`Operation Rules ${clause}`);
    if (list.kind !== 'cues') expect(list.category, 'a category for messages').toBeTruthy();
  });

  it('has English and Simplified Chinese for every topic', () => {
    for (const topic of new Set(LISTS.map(topicOf))) {
      const languages = LISTS.filter((list) => topicOf(list) === topic).map((list) => list.language);
      expect(languages.sort(), topic).toEqual(['en', 'zh-Hans']);
    }
  });

  it('cites 2.2.1 for every prohibited topic', () => {
    for (const list of LISTS.filter((candidate) => PROHIBITED_TOPICS.includes(topicOf(candidate)))) expect(list.clauses).toEqual(['2.2.1']);
  });

  it.each(entries)('%s is found in a neutral sentence by the matchers that report it', (_, list, entry) => {
    const matchers = MATCHERS[topicOf(list) as Exclude<Topic, 'cues'>];
    expect(matchers, 'a matcher reports this topic').toBeDefined();
    for (const matcher of matchers) {
      for (const alternative of expandTerm(entry.term)) {
        const text = sentence(list.language, sample(alternative));
        const at = text.search(/["“]/) + 1;
        const match = matcher.scan(text).find((candidate) => candidate.term === alternative && candidate.start === at);
        expect(match, `${alternative} in ${text}`).toBeDefined();
        expect(match!.entry).toBe(entry);
        expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
      }
    }
  });
});

/** Listing names and descriptions of legitimate mini programs: none may match a reporting matcher. */
const CLEAN = [
  'Gas Watch',
  'RPC Pulse',
  'Live BNB Chain gas fee tiers, the latest blocks with block details, and a watchlist of addresses kept on your device.',
  'Status and latency of public BNB Chain RPC endpoints, with a detail page for each endpoint.',
  'Portfolio Tracker for Binance',
  'Gas prices on Binance Smart Chain',
  'Pay with Binance Pay in two taps',
  'Unofficial community fan app',
  'Not official: built by the community',
  'A non-official schedule of BNB Chain events',
  'Shows the best bid and best ask of every pair',
  'Finds the best route and the best price for your swap',
  'Top up your balance; top 10 gainers today',
  'Travel visa checker and passport photo tool',
  'Apple harvest: a farm game',
  'Expense ledger for small teams',
  'Phantom of the Opera quiz',
  'Kraken adventure: a sea monster game',
  'White power bank comparison',
  'Food porn: dishes from our town',
  'Essex and Middlesex weather',
  'Scunthorpe United fan club',
  'Shitcoin scanner: spot rug pulls early',
  'Sexual health education for teens',
  'Killer feature: dark mode',
  'Assassin\'s Creed wallpapers',
  'The therapist is in',
  'Report scam tokens and block phishing sites',
  'Filters porn and violence for family devices',
  'Number of holders, top holders and their share',
  'First, connect your wallet. Then pick a token.',
  '币安智能链 Gas 查询',
  '适用于币安的资产助手',
  '非官方社区工具',
  '特色情侣套餐推荐',
  '平台独家活动，收藏独家周边',
  '心情日记',
  '台湾独立游戏推荐',
  '亚马逊雨林探险',
  '小米粥食谱',
  '苹果园采摘',
  '黄色主题皮肤',
  '第一步：连接钱包；第一次使用请先备份助记词',
  '最好不要泄露助记词，最佳路径兑换',
  '违反共同约定的用户将被封禁',
  '拒绝色情暴力，举报恐怖组织',
  '实时行情与区块浏览',
  // Near misses of the terms added with the development sets.
  'Ultimate Frisbee scores and the Las Vegas Strip shows tonight',
  'Accident photos for your insurance claim; task execution photos for the team',
  'Nude lipstick shades and comic strips',
  'A fake ID detector and a counterfeit banknotes checker',
  'You must have an account first',
  'Flame retardant test log; fukuoka travel notes',
  '最佳拍档双人游戏，配色图与调色图',
  '玉米棒子炖排骨，黑皮鞋护理',
  '冰球比赛直播，美女写真摄影棚预约',
];

describe('clean listings', () => {
  const reporting: Array<[string, TermMatcher]> = [['prohibited', PROHIBITED], ['trademarks', TRADEMARKS], ['ad wording', AD_WORDING], ['popular apps', POPULAR_APPS]];
  it.each(CLEAN)('%s matches nothing', (text) => {
    for (const [name, matcher] of reporting) expect(matcher.scan(text).map((match) => `${name}: ${match.text} (${match.term})`)).toEqual([]);
  });

  it('reads evasions as the word they imitate', () => {
    expect(TRADEMARKS.scan('B1nance Wallet').map((match) => match.text)).toEqual(['B1nance']);
    expect(TRADEMARKS.scan('ＢＩＮＡＮＣＥ Earn').map((match) => match.text)).toEqual(['ＢＩＮＡＮＣＥ']);
    expect(PROHIBITED.scan('p0rn videos').map((match) => match.text)).toEqual(['p0rn']);
    expect(TRADEMARKS.scan('BinanceWallet').map((match) => match.text)).toEqual(['BinanceWallet']);
  });
});
