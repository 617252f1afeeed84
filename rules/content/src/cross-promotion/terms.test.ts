import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { DATA_FILES, PROMOTION_LISTS, PROMOTION_WORDING } from './index.js';

/** A neutral sentence around a term, in the list's language. */
function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

const sample = (alternative: string) => alternative.replaceAll('{n}', '3').replace(/\*$/, '');
const entries = PROMOTION_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('cross-promotion term lists', () => {
  it('registers every data file, in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    expect(PROMOTION_LISTS.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of PROMOTION_LISTS) {
      expect(list.id).toBe(`cross-promotion-${list.language}`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('5.5');
      expect(list.clauses).toEqual(['5.5', '2.3.5']);
    }
  });

  it.each(entries)('%s: every alternative is found in a neutral sentence', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = PROMOTION_WORDING.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });

  it.each(entries.filter(([, , entry]) => entry.except?.length))('%s: its except phrases are not found', (_, list, entry) => {
    for (const phrase of entry.except!) expect(PROMOTION_WORDING.scan(sentence(list.language, phrase)).filter((match) => match.entry === entry), phrase).toEqual([]);
  });
});

/** Wording a legitimate app uses about its own content. */
const CLEAN = [
  'More games coming soon',
  'Recommended for you',
  'Top 10 tokens by volume',
  'Top gainers',
  'This mini program shows live gas prices',
  'Open the mini program again to refresh',
  'Share this mini program with friends',
  'Download the app to continue? No: everything works here.',
  'The latest blocks',
  '推荐给好友',
  '把这个小程序推荐给好友',
  '推荐应用给朋友',
  '小程序使用说明',
  '更多设置',
  '热门代币',
  '本小程序不展示其他小程序',
];

const FOUND: Array<[string, string]> = [
  ['More mini programs', 'more mini programs'],
  ['MORE MINI-APPS', 'more mini apps'],
  ['Recommended Apps', 'recommended apps'],
  ['Trending mini games this week', 'trending mini games'],
  ['Top 10 mini programs', 'top {n} mini programs'],
  ['Top10 mini games', 'top{n} mini games'],
  ['Mini program rankings', 'mini program rankings'],
  ['Explore more mini apps', 'explore more mini apps'],
  ['Apps you may like', 'apps you may like'],
  ['热门小程序', '热门小程序'],
  ['推荐小程序', '推荐小程序'],
  ['更多好玩', '更多好玩'],
  ['小游戏排行榜', '小游戏排行榜'],
  ['小程序TOP 10', '小程序top {n}'],
  ['大家都在玩', '大家都在玩'],
];

describe('cross-promotion precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds nothing in "%s"', (text) => {
    expect(PROMOTION_WORDING.scan(text).map((match) => match.term)).toEqual([]);
  });

  it.each(FOUND)('finds "%s"', (text, term) => {
    expect(PROMOTION_WORDING.scan(text).map((match) => match.term)).toContain(term);
  });
});
