import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { DATA_FILES, FEATURE_LABELS, FEATURE_LISTS, FEATURE_WORDING } from './index.js';

function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

const sample = (alternative: string) => alternative.replaceAll('{n}', '20').replace(/\*$/, '');
const topicOf = (list: TermList) => list.id.slice(0, list.id.length - list.language.length - 1);
const entries = FEATURE_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('binance-app-features term lists', () => {
  it('registers every data file, each topic in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    for (const [name, value] of Object.entries(DATA_FILES)) {
      const list = FEATURE_LISTS.find((candidate) => candidate === (value as unknown))!;
      expect(name).toBe(`${topicOf(list)}.${list.language}.json`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('Operation Rules 2.3.4');
      expect(list.clauses).toEqual(['2.3.4']);
      for (const entry of list.terms) expect(entry.note, entry.term).toBeTruthy();
    }
    for (const topic of ['binance-features', 'binance-feature-labels']) {
      expect(FEATURE_LISTS.filter((list) => topicOf(list) === topic).map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    }
  });

  it.each(entries)('%s: every alternative is found', (_, list, entry) => {
    const label = topicOf(list) === 'binance-feature-labels';
    for (const alternative of expandTerm(entry.term)) {
      // Labels are matched as the whole text of a tab or button; other terms anywhere in a sentence.
      const text = label ? sample(alternative) : sentence(list.language, sample(alternative));
      const match = (label ? FEATURE_LABELS : FEATURE_WORDING).scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });
});

const CLEAN = [
  'BTC/USDT price, updated every 5 seconds',
  'Futures prices are not shown in this app.',
  'Profit margin of validators',
  'Deposit 100 USDT and get a 10 USDT bonus voucher',
  'Withdraw your staking rewards to your wallet',
  'Gas price tracker',
  'Buy a hoodie with Binance Pay',
  '合约地址',
  '智能合约审计',
  '币价行情',
  '充值游戏币',
  '提现到钱包',
];

describe('binance-app-features precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds no feature wording in "%s"', (text) => {
    expect(FEATURE_WORDING.scan(text).map((match) => match.term)).toEqual([]);
  });
});
