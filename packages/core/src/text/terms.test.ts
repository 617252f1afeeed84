import { describe, expect, it } from 'vitest';
import { expandTerm, TermMatcher, validateTermList, type TermEntry, type TermList } from './terms.js';
import { normalizeText } from './normalize.js';

function list(terms: Array<string | TermEntry>, extra: Partial<TermList> = {}): TermList {
  return {
    id: 'test-en', clauses: ['5.6'], language: 'en', source: 'test',
    terms: terms.map((term) => (typeof term === 'string' ? { term } : term)),
    ...extra,
  };
}

const cues = list(
  [{ term: '(beware|never|禁止)' }, { term: 'is a scam', position: 'after' }, { term: 'testnet', position: 'around' }],
  { id: 'cues-en', kind: 'cues', clauses: [] },
);

const matcher = new TermMatcher(
  [
    list(['free (bnb|usdt)', 'porn*', 'kill', 'send {n} bnb get {n}', '100% win', { term: '必涨', except: ['(未|不)必涨'] }, '免费送币', '色情']),
    list([{ term: 'guaranteed profit', severity: 'warning' }], { id: 'other-en', severity: 'error' }),
  ],
  { cues: [cues] },
);

/** [matched text as written, term] of each match. */
const found = (text: string) => matcher.scan(text).map((match) => [text.slice(match.start, match.end), match.term]);

describe('expandTerm', () => {
  it('expands groups, including empty alternatives', () => {
    expect(expandTerm('send {n} (bnb|usdt) (and |)get')).toEqual(['send {n} bnb and get', 'send {n} bnb get', 'send {n} usdt and get', 'send {n} usdt get']);
    expect(expandTerm('plain')).toEqual(['plain']);
  });

  it('rejects nested, unclosed and stray syntax, and huge products', () => {
    expect(() => expandTerm('a (b|(c|d))')).toThrow(/nest/);
    expect(() => expandTerm('a (b|c')).toThrow(/unclosed/);
    expect(() => expandTerm('a|b')).toThrow(/only inside a group/);
    expect(() => expandTerm('(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)')).toThrow(/more than/);
  });
});

describe('validateTermList', () => {
  it('accepts a well-formed list and rejects malformed ones', () => {
    expect(validateTermList(list(['a']))).toBeTruthy();
    expect(() => validateTermList({ ...list(['a']), source: '' })).toThrow(/source/);
    expect(() => validateTermList({ ...list(['a']), clauses: [] })).toThrow(/clause/);
    expect(() => validateTermList(list(['a', 'a']))).toThrow(/twice/);
    expect(() => validateTermList(list([{ term: 'a', severity: 'fatal' as 'error' }]))).toThrow(/severity/);
    expect(() => validateTermList(list([{ term: 'a', position: 'after' }]))).toThrow(/cue lists/);
    expect(() => validateTermList(list(['(a|b']))).toThrow(/unclosed/);
  });

  it('rejects an except phrase that does not contain the term', () => {
    expect(() => new TermMatcher([list([{ term: 'kill', except: ['killer feature', 'nothing here'] }])]).compile()).toThrow(/nothing here/);
  });
});

describe('TermMatcher', () => {
  it('finds plain terms at their offsets, with the entry and severity', () => {
    const [match] = matcher.scan('Get free BNB now');
    expect(match).toMatchObject({ start: 4, end: 12, text: 'free BNB', term: 'free bnb', severity: 'error', leet: false });
    const [warning] = matcher.scan('A guaranteed profit!');
    expect(warning.severity).toBe('warning');
  });

  it('finds evasions at their original offsets', () => {
    expect(found('ＦＲＥＥ ＢＮＢ')).toEqual([['ＦＲＥＥ ＢＮＢ', 'free bnb']]);
    expect(found('claim fr\u200Bee b\u00ADnb')).toEqual([['fr\u200Bee b\u00ADnb', 'free bnb']]);
    // Cyrillic е and В
    expect(found('x Frее ВNВ y')).toEqual([['Frее ВNВ', 'free bnb']]);
    expect(found('🔥FREE🔥BNB🔥')).toEqual([['FREE🔥BNB', 'free bnb']]);
    expect(found('free-bnb, free_usdt')).toEqual([['free-bnb', 'free bnb'], ['free_usdt', 'free usdt']]);
    expect(found('p̶o̶r̶n̶ site')).toEqual([['p̶o̶r̶n̶', 'porn*']]);
  });

  it('reads leetspeak only where digits or symbols stand for letters', () => {
    const matches = matcher.scan('fr33 bnb, p0rn, k1ll and $3x');
    expect(matches.map((match) => [match.text, match.leet])).toEqual([['fr33 bnb', true], ['p0rn', true], ['k1ll', true]]);
    // l/i confusions alone are not leetspeak: "kiil" is a typo, not an evasion.
    expect(found('kiil')).toEqual([]);
    expect(found('1337 4040')).toEqual([]);
  });

  it('requires word boundaries for Latin terms (the Scunthorpe problem)', () => {
    expect(found('skill skilled killer')).toEqual([]);
    expect(found('kill')).toEqual([['kill', 'kill']]);
    expect(found('freebnb and free bnbx')).toEqual([]);
    expect(found('kill2')).toEqual([]);
    expect(found('1free bnb')).toEqual([]);
  });

  it('matches longer words for stem terms only', () => {
    expect(found('pornographic')).toEqual([['pornographic', 'porn*']]);
    expect(found('unporn')).toEqual([]);
  });

  it('matches CJK terms inside CJK text, with optional spacing', () => {
    expect(found('今天免费送币啦')).toEqual([['免费送币', '免费送币']]);
    expect(found('免 费 送 币')).toEqual([['免 费 送 币', '免费送币']]);
    expect(found('这是色情内容')).toEqual([['色情', '色情']]);
    expect(found('abc色情def')).toEqual([['色情', '色情']]);
    // A Latin term next to CJK text has its boundary there.
    expect(found('领取free BNB吧')).toEqual([['free BNB', 'free bnb']]);
  });

  it('honours except phrases', () => {
    expect(found('币价未必涨，但这个必涨')).toEqual([['必涨', '必涨']]);
    expect(found('不必涨')).toEqual([]);
  });

  it('matches numbers for {n} and keeps literal numbers exact', () => {
    expect(found('Send 0.5 BNB, get 1,000 back')).toEqual([['Send 0.5 BNB, get 1,000', 'send {n} bnb get {n}']]);
    expect(found('send two bnb get three')).toEqual([]);
    expect(found('100% win rate')).toEqual([['100% win', '100% win']]);
    expect(found('99% win rate')).toEqual([]);
  });

  it('does not match across sentences', () => {
    expect(found('Gas is free. BNB price today')).toEqual([]);
    expect(found('free! bnb')).toEqual([]);
  });

  it('returns leftmost-longest, non-overlapping matches', () => {
    const overlapping = new TermMatcher([list(['free bnb', 'bnb giveaway', 'free bnb giveaway'])]);
    expect(overlapping.scan('free bnb giveaway').map((match) => match.term)).toEqual(['free bnb giveaway']);
    expect(overlapping.scan('free bnb bnb giveaway').map((match) => match.term)).toEqual(['free bnb', 'bnb giveaway']);
  });

  it('drops matches a cue in the same clause warns against', () => {
    expect(found('Beware of anyone offering free BNB')).toEqual([]);
    expect(found('Free BNB is a scam')).toEqual([]);
    expect(found('禁止发布色情内容')).toEqual([]);
    expect(found('Get free BNB on testnet')).toEqual([]);
    // Context cues (`around`) reach across clause punctuation.
    expect(found('Testnet faucet: get free BNB')).toEqual([]);
    // Another clause, the wrong side, or too far: still found.
    expect(found('Beware! Free BNB')).toEqual([['Free BNB', 'free bnb']]);
    expect(found('Free BNB, beware')).toEqual([['Free BNB', 'free bnb']]);
    expect(found(`beware ${'x '.repeat(40)}free BNB`)).toEqual([['free BNB', 'free bnb']]);
    const [kept] = matcher.scan('never send porn', undefined, { keepNegated: true });
    expect(kept.negatedBy).toEqual({ term: 'never', start: 0, end: 5 });
  });

  it('accepts a precomputed normalisation', () => {
    const text = 'free bnb';
    expect(matcher.scan(text, normalizeText(text))).toHaveLength(1);
    expect(matcher.scan('')).toEqual([]);
  });

  it('scans 200 KB of adversarial input in linear time', () => {
    const nasty = new TermMatcher(
      [list(['a', 'a a', 'a a a a a a a a', '(aa|aaa|aaaa) b', 'free {n} (bnb|usdt) get {n}', { term: 'x*', except: ['yx'] }, '必涨'])],
      { cues: [cues] },
    );
    const inputs = [
      'a '.repeat(100_000),
      'a'.repeat(200_000),
      'aaaa'.repeat(50_000) + 'b',
      '1'.repeat(200_000),
      '1.1,'.repeat(50_000),
      'free 1 '.repeat(30_000),
      'never a '.repeat(25_000),
      '\u200B'.repeat(200_000),
      '🔥'.repeat(100_000),
      'a\u0336'.repeat(100_000),
      '必涨'.repeat(100_000),
      'yx '.repeat(66_000),
    ];
    // Warm up first: the bound is about the algorithm, not the JIT.
    for (const input of inputs) {
      nasty.scan(input.slice(0, 2000));
      matcher.scan(input.slice(0, 2000));
    }
    for (const input of inputs) {
      for (const scanner of [nasty, matcher]) {
        const started = performance.now();
        scanner.scan(input);
        expect(performance.now() - started, JSON.stringify(input.slice(0, 12))).toBeLessThan(1000);
      }
    }
  });
});
