/**
 * Images: a PNG whose header declares 100,000 × 100,000 pixels (10^10 pixels, ~40 GB decoded) and
 * corrupt PNGs, used as the listing logo, tab bar icons and in templates. None may be decoded past
 * the pixel limit; the run finishes quickly, without a crash, in bounded memory.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { baseApp, expectCleanExit, expectNoInternalErrors, expectWellFormed, lintTimed, repoRoot, runCli, tempDir } from './helpers.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array, crc?: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc ?? crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

function ihdr(width: number, height: number, colorType = 6): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = colorType; // RGBA
  return chunk('IHDR', data);
}

/** A well-formed PNG header declaring width × height, with a few real rows of zeros as IDAT. */
function declaredPng(width: number, height: number): Buffer {
  const rows = deflateSync(Buffer.alloc(64 * 1024)); // far fewer bytes than the header promises
  return Buffer.concat([SIGNATURE, ihdr(width, height), chunk('IDAT', rows), chunk('IEND', new Uint8Array())]);
}

const realLogo = () => readFileSync(join(repoRoot, 'fixtures/apps/clean-app/logo.png'));

const CORRUPT: Record<string, () => Uint8Array> = {
  'empty file': () => new Uint8Array(),
  'signature only': () => SIGNATURE,
  'truncated inside IHDR': () => Buffer.concat([SIGNATURE, ihdr(81, 81)]).subarray(0, 20),
  'bad IHDR CRC': () => Buffer.concat([SIGNATURE, chunk('IHDR', Buffer.alloc(13, 1), 0xdeadbeef), chunk('IEND', new Uint8Array())]),
  'zero width and height': () => declaredPng(0, 0),
  'a chunk length of 4 GB': () => {
    const png = Buffer.concat([SIGNATURE, ihdr(81, 81), chunk('IDAT', Buffer.alloc(16))]);
    png.writeUInt32BE(0xffffffff, SIGNATURE.length + 25); // the IDAT length field
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
    const { result, ms } = await lintTimed(appWithImage(declaredPng(100_000, 100_000)));
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('keeps the whole CLI process small and quick', async () => {
    const root = tempDir('png');
    for (const [name, content] of Object.entries(appWithImage(declaredPng(100_000, 100_000)))) {
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
    const { result, ms } = await lintTimed(appWithImage(declaredPng(0x7fffffff, 0x7fffffff)));
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
