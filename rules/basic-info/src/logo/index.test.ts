import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '@bmplint/core';
import { declaredPng, encodePng, RuleTester, miniApp, rgba, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const LISTING = 'listing.json';

/** A realistic listing.json with the logo on line 5; its value (quotes included) starts in column 11. */
function app(logo: Uint8Array | null, logoName = 'logo.png', extra: Files = {}): Files {
  const listing = { appId: 'mp_9f3kQ2moonswap', name: 'MoonSwap', description: 'Swap BEP-20 tokens on BNB Chain.', logo: logoName, category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2), [logoName]: logo, ...extra });
}

const at = { file: LISTING, line: 5, column: 11, endLine: 5, endColumn: 21 };

const TEAL = rgba('#0E9F9A');
const WHITE = rgba('#FFFFFF');
const CLEAR = rgba('#000000', 0);
/** A white disc on teal: a plain, valid logo. */
const disc = (size: number) => encodePng(size, size, (x, y) => ((x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2 ? WHITE : TEAL));
const flat = (width: number, height: number, colour = TEAL) => encodePng(width, height, () => colour);

/** 160×160 JPEG, left half blue, right half white (made with sharp: `.jpeg({ quality: 50 })`). */
const JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCACgAKADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAcF/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABUBAQEAAAAAAAAAAAAAAAAAAAAF/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AywFVMAAAAAAAAVQBKUwAAAAAAAErAVUwAAAAAAABVAEpTAAAAAAAASsBVTAAAAAAAAFUASlMAAAAAAABKwFVMAAAAAAAAVQBKUwAAAAAAAErAVUwAAAAAAABVAEpTAAAAAAAASsBVTAAAAAAAAFUASlMAAAAAAABKwFVMAAAAAAAAVQBKUwAAAAAAAErAVUwAAAAAAABVAEpTAAAAAAAASsBVTAAAAAAAAFUASlMAAAAAAABKwFVMAAAAAAAAVQBKUwAAAAAAAH/2Q==',
  'base64',
);
/** The classic 1×1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="80" fill="#0E9F9A"/></svg>');
const cleanFixtureLogo = readFileSync(new URL('../../../../fixtures/apps/clean-app/logo.png', import.meta.url));

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'a listing without a logo (basic-info/listing-schema reports it)', files: miniApp({ [LISTING]: JSON.stringify({ name: 'MoonSwap', description: 'Swap tokens.' }) }) },
    { name: 'a logo file that is not in the bundle (basic-info/listing-schema reports it)', files: app(null) },
    { name: 'a 256×256 PNG', files: app(disc(256)) },
    { name: 'exactly 144×144', files: app(disc(144)) },
    { name: 'a JPEG logo', files: app(JPEG, 'assets/logo.jpg') },
    { name: 'the clean fixture app logo', files: app(cleanFixtureLogo) },
    {
      name: 'a one-colour glyph on a transparent ground (75% transparent, not blank)',
      files: app(encodePng(200, 200, (x, y) => (x >= 50 && x < 150 && y >= 50 && y < 150 ? TEAL : CLEAR))),
    },
    { name: 'a logo whose name does not say its format (a PNG named .jpg)', files: app(disc(200), 'logo.jpg') },
  ],
  invalid: [
    {
      name: 'text saved as logo.png',
      files: app(Buffer.from('not an image')),
      errors: [{ messageId: 'unreadable', ...at, message: 'cannot be read as an image (not a readable image:' }],
    },
    {
      name: 'a PNG cut in half',
      files: app(disc(256).subarray(0, 200)),
      errors: [{ messageId: 'unreadable', ...at, message: 'cannot decode the pixels' }],
    },
    {
      name: 'a PNG header declaring 100000×100000 pixels is not decoded',
      files: app(declaredPng(100_000, 100_000)),
      errors: [{ messageId: 'tooLarge', ...at, message: 'too large to decode: 100000×100000' }],
    },
    { name: 'an SVG logo', files: app(SVG, 'logo.svg'), errors: [{ messageId: 'format', ...at, data: { logo: 'logo.svg', format: 'SVG' } }] },
    {
      name: 'a 1×1 transparent GIF: wrong format, too small, transparent',
      files: app(GIF, 'logo.gif'),
      errors: [
        { messageId: 'transparent', ...at, data: { logo: 'logo.gif', percent: 100 } },
        { messageId: 'tooSmall', ...at, data: { logo: 'logo.gif', width: 1, height: 1 }, confidence: 'medium' },
        { messageId: 'format', ...at, data: { logo: 'logo.gif', format: 'GIF' } },
      ],
    },
    { name: 'a 300×200 logo', files: app(encodePng(300, 200, (x) => (x < 150 ? TEAL : WHITE))), errors: [{ messageId: 'notSquare', ...at, data: { logo: 'logo.png', width: 300, height: 200 } }] },
    { name: 'a 143×143 logo', files: app(disc(143)), errors: [{ messageId: 'tooSmall', ...at, data: { logo: 'logo.png', width: 143, height: 143 } }] },
    { name: 'a fully transparent logo', files: app(flat(200, 200, CLEAR)), errors: [{ messageId: 'transparent', ...at, data: { logo: 'logo.png', percent: 100 } }] },
    {
      name: 'a logo 95% transparent with a small mark',
      files: app(encodePng(200, 200, (x, y) => (x < 40 && y < 50 ? TEAL : CLEAR))),
      errors: [{ messageId: 'transparent', ...at, data: { logo: 'logo.png', percent: 95 } }],
    },
    { name: 'a blank white logo', files: app(flat(512, 512, WHITE)), errors: [{ messageId: 'blank', ...at, data: { logo: 'logo.png', percent: 100, colour: '#FFFFFF' } }] },
    {
      name: 'a logo in a folder, with the listing pointing at it',
      files: app(flat(256, 256, TEAL), 'assets/images/logo.png'),
      errors: [{ messageId: 'blank', file: LISTING, line: 5, column: 11, endColumn: 35, data: { logo: 'assets/images/logo.png', percent: 100, colour: '#0E9F9A' } }],
    },
  ],
});

describe('basic-info/logo outside the bundle', () => {
  const root = mkdtempSync(join(tmpdir(), 'bmplint-logo-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a logo beside an external listing.json from disk', async () => {
    const bundle = join(root, 'app');
    const outside = join(root, 'store');
    mkdirSync(join(bundle, 'pages/index'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    for (const [path, content] of Object.entries(miniApp())) writeFileSync(join(bundle, path), content as string);
    writeFileSync(join(outside, 'listing.json'), JSON.stringify({ name: 'MoonSwap', description: 'Swap tokens.', logo: 'logo.png' }, null, 2));
    writeFileSync(join(outside, 'logo.png'), encodePng(100, 100, () => WHITE));
    const result = await lint(bundle, { rules: [rule], listingPath: join(outside, 'listing.json') });
    expect(result.findings.map((finding) => [finding.file, finding.messageId])).toEqual([
      ['../store/listing.json', 'tooSmall'],
      ['../store/listing.json', 'blank'],
    ]);
  });
});
