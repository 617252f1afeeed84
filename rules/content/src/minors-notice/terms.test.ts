import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { AGE_NOTICE, DATA_FILES, MINORS_LISTS, UNSUITABLE, isAgeField } from './index.js';

function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

const sample = (alternative: string) => alternative.replaceAll('{n}', '5').replace(/\*$/, '');
const entries = MINORS_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));
const topicOf = (list: TermList) => list.id.slice(0, list.id.length - list.language.length - 1);

describe('minors-notice term lists', () => {
  it('registers every data file, each topic in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    for (const [name, value] of Object.entries(DATA_FILES)) {
      const list = MINORS_LISTS.find((candidate) => candidate === (value as unknown))!;
      expect(name).toBe(`${topicOf(list)}.${list.language}.json`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('Operation Rules 2.3.6');
      expect(list.clauses).toEqual(['2.3.6']);
    }
    const topics = new Set(MINORS_LISTS.map(topicOf));
    expect([...topics].sort()).toEqual(['adult', 'age-notice', 'alcohol', 'gambling']);
    for (const topic of topics) expect(MINORS_LISTS.filter((list) => topicOf(list) === topic).map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
  });

  it.each(entries)('%s: every alternative is found in a neutral sentence', (_, list, entry) => {
    const matcher = topicOf(list) === 'age-notice' ? AGE_NOTICE : UNSUITABLE;
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = matcher.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });
});

const CLEAN = [
  'Lottery results are announced every Friday',
  'Lucky draw: win a hoodie',
  'Book a time slot',
  'Available slots: 3',
  'Adult ticket 20 USDT',
  'Hotel booking',
  'Bet on yourself and keep learning',
  'Gambling is prohibited in this community',
  '彩票开奖结果',
  '幸运抽奖',
  '以下注意事项请仔细阅读',
  '成人票 20 元',
  '酒店预订',
  '禁止赌博',
];

describe('minors-notice precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds no unsuitable content in "%s"', (text) => {
    expect(UNSUITABLE.scan(text).map((match) => match.term)).toEqual([]);
  });

  it.each([
    ['Online casino: spin the slot machines', 'casino*'],
    ['Place your bets on the World Cup', 'place your bets'],
    ['Craft beer delivery', 'beer*'],
    ['真人荷官在线发牌', '真人荷官'],
    ['体育投注', '投注'],
  ])('finds "%s"', (text, term) => {
    expect(UNSUITABLE.scan(text).map((match) => match.term)).toContain(term);
  });

  it.each([['18+ only'], ['You must be 18 or older to enter'], ['Age verification required'], ['未满18岁禁止参与'], ['请先完成年龄验证']])('finds the age notice in "%s"', (text) => {
    expect(AGE_NOTICE.scan(text).length).toBeGreaterThan(0);
  });

  it('knows age and birth-date fields', () => {
    expect(isAgeField(['placeholder', 'Date of birth'])).toBe(true);
    expect(isAgeField(['onBirthdayChange'])).toBe(true);
    expect(isAgeField(['请输入年龄'])).toBe(true);
    expect(isAgeField(['placeholder', 'Search pages', 'onPageInput', 'image'])).toBe(false);
  });
});
