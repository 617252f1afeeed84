/**
 * Text that is not clean UTF-8: invalid sequences, overlong forms, surrogates, truncated characters,
 * UTF-16 with and without a BOM, in every text kind. No crash, well-formed findings, bounded time,
 * and, when the syntax rule is loaded, one finding naming the unreadable file.
 */
import { describe, expect, it } from 'vitest';
import { baseApp, expectNoInternalErrors, expectWellFormed, hasRule, lintTimed, SYNTAX_RULE, utf16be, utf16le } from './helpers.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

const js = "Page({\n  data: { title: 'caf\u00e9' },\n  onTap() { bn.showToast({ title: 'ok' }) }\n})\n";
const bxml = '<view class="page" bindtap="onTap">{{title}} caf\u00e9</view>\n';
const bxss = '/* caf\u00e9 */\n.page {\n  color: #333;\n  font-family: "PingFang SC";\n}\n';
const json = '{\n  "navigationBarTitleText": "caf\u00e9"\n}\n';

const SOURCES: Record<string, string> = {
  'pages/index/index.js': js,
  'pages/index/index.bxml': bxml,
  'pages/index/index.bxss': bxss,
  'pages/index/index.json': json,
};

/** Ways to spoil a text file; each keeps the rest of the file readable. */
const SPOILERS: Record<string, (text: string) => Uint8Array> = {
  'a lone 0xFF byte': (text) => bytes(text.slice(0, 10), [0xff], text.slice(10)),
  'a stray continuation byte': (text) => bytes(text.slice(0, 10), [0x80, 0xbf], text.slice(10)),
  'an overlong "/" (C0 AF)': (text) => bytes(text.slice(0, 10), [0xc0, 0xaf], text.slice(10)),
  'an encoded surrogate (ED A0 80)': (text) => bytes(text.slice(0, 10), [0xed, 0xa0, 0x80], text.slice(10)),
  'a code point above U+10FFFF (F4 90 80 80)': (text) => bytes(text.slice(0, 10), [0xf4, 0x90, 0x80, 0x80], text.slice(10)),
  'a character cut off at the end of the file': (text) => bytes(text, [0xe6, 0x97]),
  'Latin-1 text (0xE9 for é)': (text) => Buffer.from(text, 'latin1'),
  'a BOM then invalid bytes': (text) => bytes([0xef, 0xbb, 0xbf], text.slice(0, 5), [0xfe, 0xfe], text.slice(5)),
  'UTF-16LE with a BOM': (text) => utf16le(text),
  'UTF-16BE with a BOM': (text) => utf16be(text),
  'UTF-16LE without a BOM': (text) => utf16le(text, false),
  'random binary': () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
};

describe('invalid UTF-8 and UTF-16 files', () => {
  for (const [spoiler, spoil] of Object.entries(SPOILERS)) {
    it(`${spoiler} in a script, a template, a stylesheet and a page json: no crash, bounded time`, async () => {
      const files = baseApp(Object.fromEntries(Object.entries(SOURCES).map(([path, text]) => [path, spoil(text)])));
      const { result, ms } = await lintTimed(files);
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
      if (await hasRule(SYNTAX_RULE)) {
        for (const path of Object.keys(SOURCES)) {
          expect(result.findings.some((finding) => finding.ruleId === SYNTAX_RULE && finding.file === path), `${path}: ${spoiler}`).toBe(true);
        }
      }
    });
  }

  it('app.json and listing.json in UTF-16 or invalid UTF-8: no crash, bounded time', async () => {
    const listing = JSON.stringify({ appId: 'Hx7tKqR3vNx9PmZ2cH4aYe', name: 'Caf\u00e9', description: 'A caf\u00e9 menu.', logo: 'logo.png', category: 'Tools', tags: [], serviceDomains: [], businessDomains: [] });
    for (const spoil of [SPOILERS['UTF-16LE with a BOM'], SPOILERS['a lone 0xFF byte'], SPOILERS['UTF-16LE without a BOM']]) {
      const { result, ms } = await lintTimed(baseApp({ 'app.json': spoil(baseApp()['app.json'] as string), 'listing.json': spoil(listing) }));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it('1 MB of invalid bytes is decoded in bounded time', async () => {
    const junk = Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41 + (i % 26)));
    const { result, ms } = await lintTimed(baseApp({ 'pages/index/index.js': junk, 'pages/index/index.bxml': junk }));
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(10_000);
  });
});
