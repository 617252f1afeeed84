/**
 * Images: a PNG whose header declares 100,000 × 100,000 pixels (10^10 pixels, ~40 GB decoded) and
 * corrupt PNGs, used as the listing logo, tab bar icons and in templates. None may be decoded past
 * the pixel limit; the run finishes quickly, without a crash, in bounded memory.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredPng, ihdrChunk, PNG_SIGNATURE, pngChunk } from '@bmplint/core/testing';
import { baseApp, expectCleanExit, expectNoInternalErrors, expectWellFormed, lintTimed, repoRoot, runCli, tempDir } from './helpers.js';

/** A well-formed PNG declaring width × height, with 64 KB of real rows as IDAT: far fewer bytes than the header promises. */
const declared = (width: number, height: number) => declaredPng(width, height, 64 * 1024);

const realLogo = () => readFileSync(join(repoRoot, 'fixtures/apps/clean-app/logo.png'));

const CORRUPT: Record<string, () => Uint8Array> = {
  'empty file': () => new Uint8Array(),
  'signature only': () => PNG_SIGNATURE,
  'truncated inside IHDR': () => Buffer.concat([PNG_SIGNATURE, ihdrChunk(81, 81)]).subarray(0, 20),
  'bad IHDR CRC': () => Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', Buffer.alloc(13, 1), 0xdeadbeef), pngChunk('IEND', new Uint8Array())]),
  'zero width and height': () => declared(0, 0),
  'a chunk length of 4 GB': () => {
    const png = Buffer.concat([PNG_SIGNATURE, ihdrChunk(81, 81), pngChunk('IDAT', Buffer.alloc(16))]);
    png.writeUInt32BE(0xffffffff, PNG_SIGNATURE.length + 25); // the IDAT length field
    return png;
  },
  'real logo cut in half': () => realLogo().subarray(0, Math.floor(realLogo().length / 2)),
  'real logo with flipped bytes': () => {
    const logo = Buffer.from(realLogo());
    for (let i = 40; i < logo.length; i += 97) logo[i] ^= 0xff;
    return logo;
  },
  'a JPEG named .png': () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  'text named .png': () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
};

/** An app that uses `image` as its listing logo, both tab bar icons and a template image. */
function appWithImage(image: Uint8Array): Record<string, string | Uint8Array> {
  const app = {
    entryPagePath: 'pages/index/index',
    pages: ['pages/index/index', 'pages/other/index'],
    tabBar: {
      color: '#999999', selectedColor: '#0E9F9A', backgroundColor: '#FFFFFF',
      list: [
        { pagePath: 'pages/index/index', text: 'Home', iconPath: 'images/icon.png', selectedIconPath: 'images/icon.png' },
        { pagePath: 'pages/other/index', text: 'Other', iconPath: 'images/icon.png', selectedIconPath: 'images/icon.png' },
      ],
    },
  };
  return baseApp({
    'app.json': JSON.stringify(app, null, 2),
    'listing.json': JSON.stringify({ appId: 'Hx7tKqR3vNx9PmZ2cH4aYe', name: 'Images', description: 'Shows pictures of the day.', logo: 'logo.png', category: 'Tools', tags: ['photos'], serviceDomains: [], businessDomains: [] }),
    'logo.png': image,
    'images/icon.png': image,
    'pages/index/index.bxml': '<image src="/logo.png" mode="aspectFit"/>\n<view bindtap="onTap">{{n}}</view>\n',
    'pages/other/index.js': 'Page({})\n',
    'pages/other/index.bxml': '<image src="../../images/icon.png"/>\n',
  });
}

describe('a PNG declaring 100,000 × 100,000 pixels', () => {
  it('is never decoded: lint() finishes quickly with well-formed findings', async () => {
    const { result, ms } = await lintTimed(appWithImage(declared(100_000, 100_000)));
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('keeps the whole CLI process small and quick', async () => {
    const root = tempDir('png');
    for (const [name, content] of Object.entries(appWithImage(declared(100_000, 100_000)))) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    const run = await runCli(['check', root, '--format', 'json']);
    expectCleanExit(run);
    expect(run.report!.findings.filter((finding) => finding.ruleId === 'bmplint/internal-error')).toEqual([]);
    expect(run.peakMb).toBeLessThan(250);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('the largest dimensions a PNG can declare (2^31 - 1 each) are handled the same way', async () => {
    const { result, ms } = await lintTimed(appWithImage(declared(0x7fffffff, 0x7fffffff)));
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('corrupt PNGs', () => {
  for (const [what, make] of Object.entries(CORRUPT)) {
    it(`${what}: no crash, no rule failure, bounded time`, async () => {
      const { result, ms } = await lintTimed(appWithImage(make()));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
    });
  }
});
