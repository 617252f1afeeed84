import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm } from '@bmplint/core';
import { WORDING, WORDING_FILES, isLoadingText } from './wording.js';

const entries = WORDING.flatMap((list) => list.terms.map((entry) => [`${list.id}: ${entry.term}`, list, entry] as const));

describe('loading wording', () => {
  it('registers every data file, one per language, each citing 2.3.2', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(WORDING_FILES).sort()).toEqual(files);
    expect(WORDING.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of WORDING) expect(list.source).toMatch(/^Curated by the bmplint maintainers.*Operation Rules 2\.3\.2/s);
  });

  it.each(entries)('%s alone (with dots) is loading text', (_, _list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      expect(isLoadingText(`${alternative}...`), alternative).toBe(true);
      expect(isLoadingText(` ${alternative}…`), alternative).toBe(true);
    }
  });

  it('does not take text with other words for loading text', () => {
    expect(['Loading the latest gas prices is free', '加载中的数据来自 BscScan', 'Market', 'Welcome to Gas Watch'].filter(isLoadingText)).toEqual([]);
  });
});
