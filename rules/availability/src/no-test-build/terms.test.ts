import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { DATA_FILES, TEST_BUILD_LISTS, TEST_BUILD_WORDING, isMockModule } from './index.js';

/** A name around a term, in the list's language. */
function title(language: string, term: string): string {
  if (language.startsWith('zh')) return `链上工具${term}页面`;
  return `Gas Watch ${term} build`;
}

const entries = TEST_BUILD_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('test-build term lists', () => {
  it('registers every data file, in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    expect(TEST_BUILD_LISTS.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of TEST_BUILD_LISTS) {
      expect(list.id).toBe(`test-build-${list.language}`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('6.1');
      expect(list.clauses).toEqual(['6.1']);
    }
  });

  it.each(entries)('%s: every alternative is found in a title', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = title(list.language, alternative);
      const match = TEST_BUILD_WORDING.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(alternative);
    }
  });

  it.each(entries.filter(([, , entry]) => entry.except?.length))('%s: its except phrases are not found', (_, list, entry) => {
    for (const phrase of entry.except!) expect(TEST_BUILD_WORDING.scan(title(list.language, phrase)), phrase).toEqual([]);
  });
});

const CLEAN = [
  'Latest blocks',
  'Contest',
  'Attestation',
  'Testnet Faucet',
  'Protest tracker',
  'Demolition game',
  'Debunked crypto myths',
  'Speed Test',
  'IQ Test',
  'Test your typing speed',
  'Demo trading',
  'testAccount',
  '性格测试',
  '测试网水龙头',
  '测试你的反应速度',
  '演示交易',
  '检测',
];

const FOUND: Array<[string, string]> = [
  ['Test', 'test'],
  ['Gas Watch (test)', 'test'],
  ['TEST build', 'test'],
  ['My App Demo', 'demo'],
  ['debug', 'debug'],
  ['Ｔｅｓｔ', 'test'],
  ['Gas-Watch-Testing', 'testing'],
  ['测试', '测试'],
  ['链上工具测试版', '测试版'],
  ['调试', '调试'],
  ['演示版', '演示版'],
  ['内测', '内测'],
];

describe('test-build precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds nothing in "%s"', (text) => {
    expect(TEST_BUILD_WORDING.scan(text).map((match) => match.term)).toEqual([]);
  });

  it.each(FOUND)('finds "%s"', (text, term) => {
    expect(TEST_BUILD_WORDING.scan(text).map((match) => match.term)).toContain(term);
  });
});

describe('mock modules', () => {
  it.each(['mockjs', 'better-mock', 'mockjs/dist/mock', '../../mock/blocks', './mocks/index.js', '../utils/data.mock.js', './mockData', './mock-data.json', '@/mock', '../__mocks__/api'])('%s is mock data', (specifier) => {
    expect(isMockModule(specifier)).toBe(true);
  });

  it.each(['./mockup-frame', '../../utils/api', 'hammock', './testAccount', './mocking-bird', '@binance/mp-service'])('%s is not', (specifier) => {
    expect(isMockModule(specifier)).toBe(false);
  });
});
