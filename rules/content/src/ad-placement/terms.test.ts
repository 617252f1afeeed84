import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { AD_LISTS, AD_WORDING, DATA_FILES, adNameInSelector, isAdName } from './index.js';

/** A neutral sentence around a term, in the list's language. */
function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

const sample = (alternative: string) => alternative.replaceAll('{n}', '3').replace(/\*$/, '');
const entries = AD_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('ad-wording term lists', () => {
  it('registers every data file, in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    expect(AD_LISTS.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of AD_LISTS) {
      expect(list.id).toBe(`ad-wording-${list.language}`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('5.11.1');
      expect(list.clauses).toEqual(['5.11.1']);
    }
  });

  it.each(entries)('%s: every alternative is found in a neutral sentence', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = AD_WORDING.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });
});

const CLEAN = [
  'We never show ads.',
  'Advertising is not allowed here',
  'Invest in yourself: read the docs',
  'Investment returns are never guaranteed',
  'High gas prices right now',
  'Add to watchlist',
  'Your address here',
  '禁止发布高收益理财广告',
  '投资有风险，入市需谨慎',
  '理财知识',
  '广告',
];

const FOUND: Array<[string, string]> = [
  ['Advertise here', 'advertise here'],
  ['YOUR AD HERE', 'your ad here'],
  ['Ad space available', 'ad space available'],
  ['Invest now!', 'invest now'],
  ['High-yield investment products', 'high yield investment products'],
  ['Start investing today', 'start investing today'],
  ['广告位招租', '广告位招租'],
  ['此处可投放广告', '此处可投放广告'],
  ['高收益理财', '高收益理财'],
  ['理财产品推荐', '理财产品推荐'],
  ['马上投资', '马上投资'],
];

describe('ad-wording precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds nothing in "%s"', (text) => {
    expect(AD_WORDING.scan(text).map((match) => match.term)).toEqual([]);
  });

  it.each(FOUND)('finds "%s"', (text, term) => {
    expect(AD_WORDING.scan(text).map((match) => match.term)).toContain(term);
  });
});

describe('ad class and id names', () => {
  it.each(['ad', 'ads', 'ad-slot', 'float-ad', 'banner-ad', 'bannerAd', 'adSlot', 'AD_BANNER', 'advert-box', 'advertisement', 'adslot', 'adsbox', 'top-ads-wrap'])('%s names an ad', (name) => {
    expect(isAdName(name)).toBe(true);
  });

  it.each(['add', 'add-button', 'address', 'head', 'header', 'shadow', 'load-more', 'badge', 'gradient', 'adapter', 'admin', 'advanced', 'ad-free', 'no-ads', 'adjust', 'banner', 'hero-banner', 'grad'])('%s does not', (name) => {
    expect(isAdName(name)).toBe(false);
  });

  it('finds ad classes and ids in selectors', () => {
    expect(adNameInSelector('.page .float-ad > .close')).toBe('.float-ad');
    expect(adNameInSelector('#adBanner')).toBe('#adBanner');
    expect(adNameInSelector('.header, .address')).toBeUndefined();
    expect(adNameInSelector('view[data-ad]')).toBeUndefined();
  });
});
