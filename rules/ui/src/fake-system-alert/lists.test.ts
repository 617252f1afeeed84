import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { DATA_FILES, LISTS, MATCHER, topicOf } from './lists.js';

/** A neutral sentence around a term, in the list's language. */
const sentence = (language: string, term: string) => (language.startsWith('zh') ? `页面上写着${term}这几个字` : `The page says "${term}" right here`);
/** The text an alternative stands for: `{n}` as a number. */
const sample = (alternative: string) => alternative.replaceAll('{n}', '3');

const termLists = LISTS.filter((list) => list.kind !== 'cues');
const entries = termLists.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));
const cueEntries = LISTS.filter((list) => list.kind === 'cues').flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('ui/fake-system-alert term lists', () => {
  it('registers every data file', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
  });

  it.each(LISTS.map((list) => [list.id, list] as const))('%s: is named after its topic and language and cites its source and clause', (_, list) => {
    const file = Object.keys(DATA_FILES).find((name) => DATA_FILES[name] === (list as unknown));
    expect(file).toBe(`${topicOf(list)}.${list.language}.json`);
    expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
    for (const clause of list.clauses) expect(list.source).toContain(`Operation Rules ${clause}`);
  });

  it('has English and Simplified Chinese for every topic', () => {
    for (const topic of new Set(LISTS.map(topicOf))) {
      expect(LISTS.filter((list) => topicOf(list) === topic).map((list) => list.language).sort(), topic).toEqual(['en', 'zh-Hans']);
    }
  });

  it.each(entries)('%s is found in a neutral sentence', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = MATCHER.scan(text).find((candidate) => candidate.term === alternative);
      expect(match, text).toBeDefined();
      expect(match!.entry).toBe(entry);
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });

  it.each(cueEntries)('%s negates a fake warning in its clause', (_, list, entry) => {
    const claim = list.language.startsWith('zh') ? '手机中毒' : 'your phone is infected';
    for (const alternative of expandTerm(entry.term)) {
      const text = list.language.startsWith('zh')
        ? (entry.position === 'after' ? `“${claim}”弹窗${alternative}` : `${alternative}“${claim}”弹窗`)
        : (entry.position === 'after' ? `"${claim}" pop-ups ${alternative}` : `${alternative} "${claim}" pop-ups`);
      const matches = MATCHER.scan(text, undefined, { keepNegated: true }).filter((match) => topicOf(match.list) === 'fake-alert');
      expect(matches.length, text).toBe(1);
      expect(matches[0].negatedBy?.term, text).toBe(alternative);
    }
  });
});

/** Text an honest mini program shows: nothing may match, or only context-dependent terms that stay silent alone. */
const CLEAN = [
  'Set up Google alerts for BNB news',
  'Scan a QR code to pay',
  '3 risky token approvals found in your wallet',
  'Energy low: wait 5 minutes or watch the tutorial',
  'Found 2 new listings today',
  '网络异常，请稍后重试',
  '发现新版本，是否更新？',
  '检测到网络不稳定',
  '立即领取新人福利',
  'Update now to get the new charts',
];

describe('ui/fake-system-alert precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds no fake warning in "%s"', (text) => {
    expect(MATCHER.scan(text).map((match) => `${match.list.id}: ${match.text}`)).toEqual([]);
  });
});
