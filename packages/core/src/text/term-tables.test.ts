import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerTermTables } from './term-tables.js';
import { serializeTermTables, TermMatcher, type TermEntry, type TermList } from './terms.js';

const list = (id: string, terms: Array<string | TermEntry>, kind?: TermList['kind']): TermList => ({
  id, language: 'en', clauses: kind === 'cues' ? [] : ['5.6'], source: 'test',
  terms: terms.map((term) => (typeof term === 'string' ? { term } : term)), ...(kind ? { kind } : {}),
});

const fraud = list('tables-fraud', ['free bnb', { term: 'guaranteed (profit|returns)', severity: 'warning' }, 'double your {n} btc', 'airdrop*', { term: 'kill', except: ['killer feature'] }]);
const cues = list('tables-cues', [{ term: 'no', position: 'before' }], 'cues');
const texts = ['Get FREE ＢＮＢ now', 'a guaranteed profit!', 'double your 0.5 BTC', 'airdrops today', 'no free bnb here', 'this killer feature', 'fr33 bnb', '免费 BNB'];
const folder = mkdtempSync(join(tmpdir(), 'bmplint-tables-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('term tables', () => {
  it('a matcher loads the saved tables of one with the same lists and finds the same matches', () => {
    const compiled = new TermMatcher([fraud], { cues: [cues] });
    const expected = texts.map((text) => compiled.scan(text, undefined, { keepNegated: true }));
    expect(compiled.compiledFrom).toBe('lists');
    const path = join(folder, 'tables.bin');
    writeFileSync(path, serializeTermTables());
    registerTermTables(path);

    const loaded = new TermMatcher([fraud], { cues: [cues] });
    expect(texts.map((text) => loaded.scan(text, undefined, { keepNegated: true }))).toEqual(expected);
    expect(loaded.compiledFrom).toBe('table');
    expect(loaded.size).toBe(compiled.size);
    expect(expected.flat().length).toBeGreaterThan(4);
  });

  it('compiles from the lists when they changed since the tables were saved', () => {
    const changed = new TermMatcher([{ ...fraud, terms: [...fraud.terms, { term: 'moon shot' }] }]);
    expect(changed.scan('a moon shot')).toHaveLength(1);
    expect(changed.compiledFrom).toBe('lists');
  });

  it('compiles when a registered file is missing or corrupt', () => {
    registerTermTables(join(folder, 'missing.bin'));
    const corrupt = join(folder, 'corrupt.bin');
    writeFileSync(corrupt, 'not a table');
    registerTermTables(corrupt);
    const matcher = new TermMatcher([list('tables-other', ['lucky draw'])]);
    expect(matcher.scan('a lucky draw')).toHaveLength(1);
    expect(matcher.compiledFrom).toBe('lists');
  });
});
