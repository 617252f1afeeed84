import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pixelFraction, readImage, statistics } from './image.js';
import { DEFAULT_LIMITS } from '../bundle/bundle.js';
import { declaredPng, PNG_SIGNATURE } from '../testing/png.js';

const maxPixels = DEFAULT_LIMITS.maxImagePixels;
const solid = (width: number, height: number, background: string | { r: number; g: number; b: number; alpha: number }) =>
  sharp({ create: { width, height, channels: 4, background } });

/** A 200×200 white square with a black 100×100 square in its middle: a quarter of the pixels are black. */
async function squareOnWhite(format: 'png' | 'jpeg'): Promise<Buffer> {
  const inner = await solid(100, 100, '#000000').png().toBuffer();
  const image = solid(200, 200, '#ffffff').composite([{ input: inner, left: 50, top: 50 }]);
  return format === 'png' ? image.png().toBuffer() : image.flatten({ background: '#ffffff' }).jpeg({ quality: 95 }).toBuffer();
}

describe('readImage', () => {
  it('reads a PNG: format, size, alpha and pixel statistics', async () => {
    const info = await readImage(await squareOnWhite('png'), { maxPixels });
    expect(info).toMatchObject({ format: 'png', width: 200, height: 200, hasAlpha: true });
    expect(info.error).toBeUndefined();
    const pixels = info.pixels!;
    expect(pixels.sampleWidth).toBe(128);
    expect(pixels.sampleHeight).toBe(128);
    expect(pixels.transparent).toBe(0);
    expect(pixels.dominant[0]).toMatchObject({ hex: '#FFFFFF' });
    expect(pixels.dominant[0].fraction).toBeCloseTo(0.75, 1);
    // A bin's colour is the mean of its pixels, edge blends included.
    expect(pixels.dominant[1].r + pixels.dominant[1].g + pixels.dominant[1].b).toBeLessThan(16);
    expect(pixels.uniform).toBeCloseTo(0.75, 1);
    expect(pixelFraction(pixels, (r, g, b) => r + g + b < 60)).toBeCloseTo(0.25, 1);
  });

  it('reads a JPEG', async () => {
    const info = await readImage(await squareOnWhite('jpeg'), { maxPixels });
    expect(info).toMatchObject({ format: 'jpeg', width: 200, height: 200, hasAlpha: false });
    expect(info.pixels!.transparent).toBe(0);
    expect(info.pixels!.dominant[0].r).toBeGreaterThan(245);
  });

  it('measures transparency and blankness', async () => {
    const clear = await readImage(await solid(160, 160, { r: 0, g: 0, b: 0, alpha: 0 }).png().toBuffer(), { maxPixels });
    expect(clear.pixels).toMatchObject({ transparent: 1, uniform: 1, dominant: [] });
    const flat = await readImage(await solid(160, 160, '#F0B90B').png().toBuffer(), { maxPixels });
    expect(flat.pixels).toMatchObject({ transparent: 0, uniform: 1 });
    expect(flat.pixels!.dominant).toEqual([{ hex: '#F0B90B', r: 240, g: 185, b: 11, fraction: 1 }]);
  });

  it('does not take a one-colour glyph on a transparent ground for a blank image', async () => {
    const glyph = await solid(80, 80, '#F0B90B').png().toBuffer();
    const info = await readImage(await solid(160, 160, { r: 0, g: 0, b: 0, alpha: 0 }).composite([{ input: glyph, left: 40, top: 40 }]).png().toBuffer(), { maxPixels });
    expect(info.pixels!.transparent).toBeCloseTo(0.75, 1);
    expect(info.pixels!.uniform).toBeCloseTo(0.75, 1);
    expect(info.pixels!.dominant[0]).toMatchObject({ hex: '#F0B90B' });
    expect(info.pixels!.dominant[0].fraction).toBeGreaterThan(0.9);
  });

  it('never enlarges a small image for its sample', async () => {
    const info = await readImage(await solid(16, 8, '#123456').png().toBuffer(), { maxPixels });
    expect(info).toMatchObject({ width: 16, height: 8 });
    expect(info.pixels).toMatchObject({ sampleWidth: 16, sampleHeight: 8 });
  });

  it('reports the displayed size of a rotated JPEG (EXIF orientation)', async () => {
    const rotated = await solid(300, 150, '#336699').flatten().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const info = await readImage(rotated, { maxPixels });
    expect(info).toMatchObject({ format: 'jpeg', width: 150, height: 300 });
  });

  it('reads the header only with decode: false, and leaves vector images undecoded', async () => {
    const header = await readImage(await squareOnWhite('png'), { maxPixels, decode: false });
    expect(header).toMatchObject({ format: 'png', width: 200, height: 200 });
    expect(header.pixels).toBeUndefined();
    const svg = await readImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100"/></svg>'), { maxPixels });
    expect(svg).toMatchObject({ format: 'svg', width: 200, height: 100 });
    expect(svg.pixels).toBeUndefined();
    expect(svg.error).toBeUndefined();
  });

  it('refuses to decode a PNG whose header declares 100000×100000 pixels, quickly', async () => {
    const started = performance.now();
    const info = await readImage(declaredPng(100_000, 100_000), { maxPixels });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(info).toMatchObject({ format: 'png', width: 100_000, height: 100_000, error: { code: 'too-large' } });
    expect(info.error!.message).toMatch(/^too large to decode/);
    expect(info.pixels).toBeUndefined();
  });

  it('applies the pixel limit it is given', async () => {
    const info = await readImage(await squareOnWhite('png'), { maxPixels: 100 * 100 });
    expect(info.error).toMatchObject({ code: 'too-large' });
  });

  it.each([
    ['an empty file', () => new Uint8Array(), 'empty'],
    ['text', () => Buffer.from('not an image at all'), 'unreadable'],
    ['a PNG signature only', () => PNG_SIGNATURE, 'unreadable'],
    ['a JPEG start and end marker only', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]), 'unreadable'],
  ] as const)('returns an error for %s', async (_, bytes, code) => {
    const info = await readImage(bytes(), { maxPixels });
    expect(info.error?.code).toBe(code);
    expect(info.pixels).toBeUndefined();
  });

  it('returns an error, not a throw, for a PNG cut in half or with corrupt data', async () => {
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    const cut = await readImage(png.subarray(0, Math.floor(png.length / 2)), { maxPixels });
    expect(cut).toMatchObject({ format: 'png', width: 300, height: 300, error: { code: 'undecodable' } });
    const corrupt = Buffer.from(png);
    for (let i = 60; i < corrupt.length; i += 50) corrupt[i] ^= 0xff;
    const result = await readImage(corrupt, { maxPixels });
    expect(result.error?.code).toMatch(/^(unreadable|undecodable)$/);
    expect(result.pixels).toBeUndefined();
  });
});

describe('statistics', () => {
  it('counts only visible pixels for colours, and all pixels for transparency', () => {
    // Four pixels: opaque red, opaque red, half-transparent blue (neither), fully transparent.
    const sample = Uint8Array.from([255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 255, 100, 0, 0, 0, 0]);
    const stats = statistics(sample, 2, 2);
    expect(stats.transparent).toBe(0.25);
    expect(stats.dominant).toEqual([{ hex: '#FF0000', r: 255, g: 0, b: 0, fraction: 1 }]);
    // Two of four pixels are the most common colour; one is transparent.
    expect(stats.uniform).toBe(0.5);
    expect(pixelFraction(stats, (r) => r === 255)).toBe(1);
  });
});
