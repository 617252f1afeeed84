/**
 * Image facts for rules (logo checks, brand look-alikes): the header read first, pixels decoded
 * only under a pixel limit, and statistics taken from a small downscaled sample so their cost does
 * not grow with the image. sharp is loaded lazily: a run without image rules never loads it.
 * Corrupt or unsupported input is a result (`error`), never a throw.
 */
import { createRequire } from 'node:module';

export interface DominantColour {
  /** `#rrggbb`: the mean colour of the pixels in this colour bin. */
  hex: string;
  r: number;
  g: number;
  b: number;
  /** Share of the visible pixels of the sample in this bin (0–1). */
  fraction: number;
}

export interface ImagePixels {
  /** Size of the sample the statistics were taken from (the image scaled to fit, never enlarged). */
  sampleWidth: number;
  sampleHeight: number;
  /** The sample, RGBA, 8 bits per channel, row by row: for rules' own colour tests (see pixelFraction). */
  sample: Uint8Array;
  /** Share of all sample pixels that are (almost) fully transparent: alpha below 16. */
  transparent: number;
  /**
   * Share of all sample pixels that look like the image's most common appearance — fully
   * transparent, or within 8 levels per channel of the most common visible colour, whichever
   * covers more: 1 for a flat, blank image; low for a one-colour glyph on a transparent ground.
   */
  uniform: number;
  /** The most common colours of the visible pixels, most first (at most five). */
  dominant: DominantColour[];
}

export type ImageErrorCode = 'empty' | 'unreadable' | 'too-large' | 'undecodable';

export interface ImageError {
  code: ImageErrorCode;
  message: string;
}

export interface ImageInfo {
  /** sharp's decoder name (`png`, `jpeg`, `webp`, `gif`, `svg`…); undefined when the header was not recognised. */
  format: string | undefined;
  /** As displayed (EXIF orientation applied); 0 when unknown. */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Pixel statistics; absent when the image was not decoded (an error, or a vector format). */
  pixels?: ImagePixels;
  error?: ImageError;
}

export interface ReadImageOptions {
  /** Largest width × height decoded (see BundleLimits.maxImagePixels); larger images are not decoded. */
  maxPixels: number;
  /** Longest side of the statistics sample (default 128). */
  sampleSize?: number;
  /** False to read the header only (default true). */
  decode?: boolean;
}

const DEFAULT_SAMPLE_SIZE = 128;
const TRANSPARENT_BELOW = 16;
const VISIBLE_FROM = 128;
const UNIFORM_TOLERANCE = 8;
const DOMINANT_COUNT = 5;
/** Vector formats are not rasterised: their pixels depend on a renderer, and rendering is unbounded work. */
const VECTOR_FORMATS = new Set(['svg', 'pdf']);

type SharpModule = typeof import('sharp');

let sharpModule: Promise<SharpModule['default']> | undefined;

/** Required (sharp's CommonJS build), not imported: its ES module build takes twice as long to load. */
function loadSharp(): Promise<SharpModule['default']> {
  sharpModule ??= new Promise((resolve) => resolve(createRequire(import.meta.url)('sharp') as SharpModule['default']));
  return sharpModule;
}

/** The first line of an error message, without sharp's or libvips' noise. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/^(VipsForeignLoad\w*|vips\w*):\s*/i, '').replace(/[\s:]+$/, '').trim() || 'unknown error';
}

/**
 * Reads an image: its header first (format, size), then, when width × height is within
 * `maxPixels`, statistics of its pixels.
 */
export function readImage(bytes: Uint8Array, options: ReadImageOptions): Promise<ImageInfo> {
  // Read once per bytes object and options: a session keeps an unchanged logo's bytes between runs.
  const key = `${options.maxPixels}\0${options.sampleSize ?? DEFAULT_SAMPLE_SIZE}\0${options.decode ?? true}`;
  let byOptions = imagesByContent.get(bytes);
  if (!byOptions) imagesByContent.set(bytes, (byOptions = new Map()));
  let image = byOptions.get(key);
  if (!image) byOptions.set(key, (image = decodeImage(bytes, options)));
  return image;
}

const imagesByContent = new WeakMap<Uint8Array, Map<string, Promise<ImageInfo>>>();

async function decodeImage(bytes: Uint8Array, options: ReadImageOptions): Promise<ImageInfo> {
  const info: ImageInfo = { format: undefined, width: 0, height: 0, hasAlpha: false };
  if (!bytes.length) return { ...info, error: { code: 'empty', message: 'the file is empty' } };
  let sharp: SharpModule['default'];
  try {
    sharp = await loadSharp();
  } catch (error) {
    return { ...info, error: { code: 'unreadable', message: `image support is not available: ${describe(error)}` } };
  }
  const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // The header only: no pixel limit here, the size is checked below before any decoding.
  try {
    const metadata = await sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata();
    info.format = metadata.format;
    info.width = metadata.autoOrient?.width ?? metadata.width ?? 0;
    info.height = metadata.autoOrient?.height ?? metadata.height ?? 0;
    info.hasAlpha = metadata.hasAlpha;
  } catch (error) {
    return { ...info, error: { code: 'unreadable', message: `not a readable image: ${describe(error)}` } };
  }
  if (!info.width || !info.height) return { ...info, error: { code: 'unreadable', message: 'the image declares no size' } };
  const pixelCount = info.width * info.height;
  if (pixelCount > options.maxPixels) {
    return {
      ...info,
      error: { code: 'too-large', message: `too large to decode: ${info.width}×${info.height} is ${pixelCount} pixels, over the limit of ${options.maxPixels}` },
    };
  }
  if (options.decode === false || VECTOR_FORMATS.has(info.format ?? '')) return info;

  const size = Math.max(1, Math.floor(options.sampleSize ?? DEFAULT_SAMPLE_SIZE));
  try {
    const { data, info: raw } = await sharp(input, { limitInputPixels: Math.max(1, Math.floor(options.maxPixels)), failOn: 'error', sequentialRead: true, autoOrient: true })
      // Filling a square keeps every colour's share of the area.
      .resize(size, size, { fit: 'fill', withoutEnlargement: true })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (raw.channels !== 4 || data.length < raw.width * raw.height * 4) {
      return { ...info, error: { code: 'undecodable', message: `unexpected pixel layout (${raw.channels} channels)` } };
    }
    info.pixels = statistics(new Uint8Array(data.buffer, data.byteOffset, raw.width * raw.height * 4), raw.width, raw.height);
    return info;
  } catch (error) {
    return { ...info, error: { code: 'undecodable', message: `cannot decode the pixels: ${describe(error)}` } };
  }
}

/** Statistics of an RGBA sample. */
export function statistics(sample: Uint8Array, width: number, height: number): ImagePixels {
  const total = width * height;
  let transparent = 0;
  let visible = 0;
  // 4 bits per channel: 4096 bins, each with its count and channel sums.
  const counts = new Uint32Array(4096);
  const sums = new Float64Array(4096 * 3);
  for (let i = 0; i < total * 4; i += 4) {
    const alpha = sample[i + 3];
    if (alpha < TRANSPARENT_BELOW) transparent++;
    if (alpha < VISIBLE_FROM) continue;
    visible++;
    const bin = ((sample[i] >> 4) << 8) | ((sample[i + 1] >> 4) << 4) | (sample[i + 2] >> 4);
    counts[bin]++;
    sums[bin * 3] += sample[i];
    sums[bin * 3 + 1] += sample[i + 1];
    sums[bin * 3 + 2] += sample[i + 2];
  }
  const bins: number[] = [];
  for (let bin = 0; bin < counts.length; bin++) if (counts[bin]) bins.push(bin);
  bins.sort((a, b) => counts[b] - counts[a] || a - b);
  const dominant = bins.slice(0, DOMINANT_COUNT).map((bin): DominantColour => {
    const r = Math.round(sums[bin * 3] / counts[bin]);
    const g = Math.round(sums[bin * 3 + 1] / counts[bin]);
    const b = Math.round(sums[bin * 3 + 2] / counts[bin]);
    return { hex: toHex(r, g, b), r, g, b, fraction: counts[bin] / visible };
  });
  let near = 0;
  if (visible) {
    const top = dominant[0];
    for (let i = 0; i < total * 4; i += 4) {
      if (sample[i + 3] < VISIBLE_FROM) continue;
      if (Math.abs(sample[i] - top.r) <= UNIFORM_TOLERANCE && Math.abs(sample[i + 1] - top.g) <= UNIFORM_TOLERANCE && Math.abs(sample[i + 2] - top.b) <= UNIFORM_TOLERANCE) near++;
    }
  }
  const uniform = total ? Math.max(near, transparent) / total : 1;
  return { sampleWidth: width, sampleHeight: height, sample, transparent: total ? transparent / total : 0, uniform, dominant };
}

/** Share of the visible pixels (alpha 128 or more) of the sample for which `test` holds; 0 when none is visible. */
export function pixelFraction(pixels: ImagePixels, test: (r: number, g: number, b: number, a: number) => boolean): number {
  const { sample } = pixels;
  let visible = 0;
  let passing = 0;
  for (let i = 0; i + 3 < sample.length; i += 4) {
    if (sample[i + 3] < VISIBLE_FROM) continue;
    visible++;
    if (test(sample[i], sample[i + 1], sample[i + 2], sample[i + 3])) passing++;
  }
  return visible ? passing / visible : 0;
}

function toHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
