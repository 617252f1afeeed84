import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule, { auditLength } from './index.js';

const LISTING = 'listing.json';

/** A realistic listing.json with the name on line 3; its value (quotes included) starts in column 11. */
function app(name: unknown) {
  const listing = { appId: 'mp_9f3kQ2moonswap', name, description: 'Swap BEP-20 tokens on BNB Chain.', logo: 'assets/logo.png', category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2) });
}

const at = { file: LISTING, line: 3, column: 11 };

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'an ASCII name', files: app('MoonSwap') },
    { name: 'exactly 3 ASCII characters', files: app('Gas') },
    { name: 'exactly 30 ASCII characters', files: app('MoonSwap Gas Tracker Pro Plus!') },
    { name: 'one CJK character counts 3', files: app('月') },
    { name: 'ten CJK characters count 30', files: app('币安链上行情助手专业') },
    { name: 'mixed ASCII and CJK (9 + 12 + 4 = 25)', files: app('MoonSwap 行情助手 Pro') },
    { name: 'an emoji counts 3 by code point, not 6 by UTF-16 unit (5 + 8 × 3 = 29)', files: app('Moon 🚀🚀🚀🚀🚀🚀🚀🚀') },
    { name: 'a name of the wrong type is left to basic-info/listing-schema', files: app(42) },
  ],
  invalid: [
    { name: 'two ASCII characters', files: app('Ab'), errors: [{ messageId: 'tooShort', ...at, endColumn: 15, data: { name: 'Ab', length: 2 } }] },
    { name: 'an empty name', files: app(''), errors: [{ messageId: 'empty', ...at, endColumn: 13 }] },
    { name: 'a whitespace-only name', files: app('   '), errors: [{ messageId: 'empty', ...at }] },
    { name: 'surrounding spaces do not count', files: app('  Ab  '), errors: [{ messageId: 'tooShort', ...at, data: { name: '  Ab  ', length: 2 } }] },
    {
      name: '31 ASCII characters',
      files: app('MoonSwap Gas Tracker Pro Plus!!'),
      errors: [{ messageId: 'tooLong', ...at, message: 'The listing name "MoonSwap Gas Tracker Pro Plus!!" counts 31 characters: a name may have at most 30, each non-ASCII character counting 3 (2.2.6).' }],
    },
    { name: 'eleven CJK characters count 33', files: app('币安链上行情助手专业版'), errors: [{ messageId: 'tooLong', ...at, data: { name: '币安链上行情助手专业版', length: 33 } }] },
    { name: 'nine emoji after an ASCII word (5 + 27 = 32)', files: app('Moon 🚀🚀🚀🚀🚀🚀🚀🚀🚀'), errors: [{ messageId: 'tooLong', ...at, data: { name: 'Moon 🚀🚀🚀🚀🚀🚀🚀🚀🚀', length: 32 } }] },
    {
      name: 'a listing.json with the name on its own line further down',
      files: miniApp({ [LISTING]: '{\n  "logo": "assets/logo.png",\n  "description": "Swap tokens.",\n\n  "name":\n    "Mo"\n}\n' }),
      errors: [{ messageId: 'tooShort', file: LISTING, line: 6, column: 5, endLine: 6, endColumn: 9, data: { name: 'Mo', length: 2 } }],
    },
  ],
});

describe('auditLength', () => {
  it.each([
    ['MoonSwap', 8],
    ['币安', 6],
    ['🚀', 3],
    ['👨‍👩‍👧', 15], // five code points: three people and two zero-width joiners
    ['Cafe\u0301', 6], // e + combining acute is one character after NFC
    ['  Gas  ', 3],
    ['ｍｏｏｎ', 12], // full-width letters are not ASCII
  ])('%s → %i', (name, expected) => expect(auditLength(name)).toBe(expected));
});
