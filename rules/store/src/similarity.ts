/**
 * Near-duplicate bundles (Operation Rules 2.1.5: "Bulk registration and repeated submission of
 * numerous similar Mini Programs are prohibited"): MinHash over shingles of normalised tokens.
 *
 * 1. Each source file (JS/TS/BNS, templates, styles, JSON) is tokenised with comments and
 *    whitespace dropped and literals abstracted (see tokenize.ts). Images, binaries, vendor code
 *    (`node_modules/`, `miniprogram_npm/`, `*.min.js`), project metadata and tiny files are left out.
 * 2. Each window of `k` consecutive tokens of a file is one shingle. An identifier in the window is
 *    encoded by the distance back to the previous occurrence of the same name inside the window
 *    (or "new"), so renaming variables consistently gives the same shingles.
 * 3. The bundle's set of shingle hashes is summarised by its minimum under 128 fixed hash
 *    functions. The fraction of equal minima of two signatures estimates the Jaccard similarity of
 *    the two shingle sets (standard error about 0.04 at 128 functions).
 *
 * Cost is linear in the bundle size; a signature is a few hundred bytes and deterministic, so the
 * portal can store one per uploaded version and compare a new upload with all of a developer's apps.
 */
import type { Bundle } from '@bmplint/core';
import { sourceKindOf, tokenize, type TokenStream } from './tokenize.js';

export const SIGNATURE_VERSION = 1;
/** Tokens per shingle. */
export const SHINGLE_SIZE = 9;
/** Hash functions per signature. */
export const HASH_COUNT = 128;
/** Files with fewer tokens are boilerplate every app shares (`Page({})`, a one-key page json). */
export const MIN_FILE_TOKENS = 24;
/** Largest file read (bytes): generated or data files beyond it say nothing about the app's code. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A bundle as path → contents, or a core Bundle (directory, zip or memory). */
export type BundleInput = Bundle | ReadonlyMap<string, string | Uint8Array> | Readonly<Record<string, string | Uint8Array>>;

export interface BundleSignature {
  version: number;
  /** Tokens per shingle. */
  k: number;
  /** Minimum hash per hash function; all 0xffffffff when the bundle has no shingle. */
  minhashes: Uint32Array;
  /** Distinct shingles in the bundle. */
  shingles: number;
  /** Files that contributed shingles. */
  files: number;
}

export interface NearDuplicate {
  id: string;
  /** Estimated Jaccard similarity of the two bundles' shingle sets, in [0, 1]. */
  similarity: number;
}

/** Paths that are not the app's own code: vendor folders, minified libraries, metadata, VCS. */
const SKIPPED_PATH = /(?:^|\/)(?:node_modules|miniprogram_npm|\.git|\.bmp|dist-types)\/|\.min\.[cm]?js$|\.map$|(?:^|\/)(?:project\.config|project\.private\.config|listing|package|package-lock|tsconfig|jsconfig)\.json$/i;

const isBundle = (input: BundleInput): input is Bundle => typeof (input as Bundle).read === 'function' && (input as Bundle).entries instanceof Map;

/** The files of a bundle input, lazily read. */
function* filesOf(input: BundleInput): Generator<[string, () => string | Uint8Array]> {
  if (isBundle(input)) {
    for (const [path, entry] of input.entries) if (entry.size <= MAX_FILE_BYTES) yield [path, () => input.read(path)];
  } else if (input instanceof Map) {
    for (const [path, content] of input) yield [path, () => content];
  } else {
    for (const [path, content] of Object.entries(input)) yield [path, () => content];
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The text of a file, or undefined when it is binary (a NUL byte in its first 8 KiB) or too large. */
function textOf(content: string | Uint8Array): string | undefined {
  if (typeof content === 'string') return content.length <= MAX_FILE_BYTES ? content : undefined;
  if (content.length > MAX_FILE_BYTES) return undefined;
  const head = Math.min(content.length, 8192);
  for (let i = 0; i < head; i++) if (content[i] === 0) return undefined;
  return decoder.decode(content);
}

/** Murmur3's 32-bit finaliser: a bijective mix. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-function seeds, fixed so that signatures are comparable across runs and machines. */
const SEEDS = (() => {
  const seeds = new Uint32Array(HASH_COUNT * 2);
  let state = 0x9e3779b9;
  for (let i = 0; i < seeds.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    seeds[i] = fmix32(state) | 1;
  }
  return seeds;
})();

const IDENTIFIER_NEW = 0x5bd1e995;
const IDENTIFIER_BACK = 0x27d4eb2f;

/** Adds the shingles of one token stream to `out`. */
function addShingles(tokens: TokenStream, k: number, out: Set<number>): void {
  const n = tokens.length;
  if (n < k) return;
  // previous[i]: index of the previous token that is the same identifier (-1: none).
  const previous = new Int32Array(n).fill(-1);
  const last = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (tokens.kind[i] !== 1) continue;
    const seen = last.get(tokens.value[i]);
    if (seen !== undefined) previous[i] = seen;
    last.set(tokens.value[i], i);
  }
  for (let start = 0; start + k <= n; start++) {
    let hash = 0x811c9dc5 ^ k;
    for (let i = start; i < start + k; i++) {
      const code = tokens.kind[i] === 0 ? tokens.value[i] : previous[i] >= start ? IDENTIFIER_BACK + (i - previous[i]) : IDENTIFIER_NEW;
      hash = Math.imul(hash ^ code, 0x01000193);
      hash ^= hash >>> 15;
    }
    out.add(fmix32(hash));
  }
}

/** The set of shingle hashes of a bundle (what the signature summarises), with the number of files that gave any. */
export function bundleShingles(input: BundleInput, k = SHINGLE_SIZE): { shingles: Set<number>; files: number } {
  const shingles = new Set<number>();
  let files = 0;
  for (const [path, read] of filesOf(input)) {
    if (SKIPPED_PATH.test(path)) continue;
    const kind = sourceKindOf(path);
    if (!kind) continue;
    const text = textOf(read());
    if (text === undefined) continue;
    const tokens = tokenize(text, kind);
    if (tokens.length < MIN_FILE_TOKENS) continue;
    const before = shingles.size;
    addShingles(tokens, k, shingles);
    if (shingles.size > before) files++;
  }
  return { shingles, files };
}

/** The MinHash signature of a set of shingle hashes. */
export function signatureOf(shingles: Iterable<number>, files = 0, k = SHINGLE_SIZE): BundleSignature {
  const minhashes = new Uint32Array(HASH_COUNT).fill(0xffffffff);
  let count = 0;
  for (const shingle of shingles) {
    count++;
    for (let i = 0; i < HASH_COUNT; i++) {
      const h = fmix32(Math.imul(shingle ^ SEEDS[2 * i], SEEDS[2 * i + 1]));
      if (h < minhashes[i]) minhashes[i] = h;
    }
  }
  return { version: SIGNATURE_VERSION, k, minhashes, shingles: count, files };
}

/** The MinHash signature of a bundle (a core Bundle, or a map of path → contents). */
export function bundleSignature(input: BundleInput): BundleSignature {
  const { shingles, files } = bundleShingles(input);
  return signatureOf(shingles, files);
}

/** Estimated Jaccard similarity of the two bundles, in [0, 1]; 0 when either has nothing to compare. */
export function similarity(a: BundleSignature, b: BundleSignature): number {
  if (a.version !== b.version || a.k !== b.k || a.minhashes.length !== b.minhashes.length) {
    throw new Error(`signatures are not comparable (version ${a.version}/${b.version}, k ${a.k}/${b.k}, ${a.minhashes.length}/${b.minhashes.length} hashes): sign both bundles with the same bmplint`);
  }
  if (!a.shingles || !b.shingles) return 0;
  let equal = 0;
  for (let i = 0; i < a.minhashes.length; i++) if (a.minhashes[i] === b.minhashes[i]) equal++;
  return equal / a.minhashes.length;
}

/** Exact Jaccard similarity of two shingle sets (for checking the estimate; costs memory per shingle). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

export function isSignature(value: unknown): value is BundleSignature {
  return !!value && typeof value === 'object' && (value as BundleSignature).minhashes instanceof Uint32Array && typeof (value as BundleSignature).k === 'number';
}

const signatureOfInput = (input: BundleSignature | BundleInput) => (isSignature(input) ? input : bundleSignature(input));

/**
 * The bundles among `others` whose estimated similarity to `target` is at least `threshold`, most
 * similar first. `others` holds signatures (as the store keeps them) or bundles, by id.
 */
export function findNearDuplicates(
  target: BundleSignature | BundleInput,
  others: Iterable<readonly [string, BundleSignature | BundleInput]> | ReadonlyMap<string, BundleSignature | BundleInput>,
  threshold = 0.8,
): NearDuplicate[] {
  const signature = signatureOfInput(target);
  const found: NearDuplicate[] = [];
  for (const [id, other] of others) {
    const score = similarity(signature, signatureOfInput(other));
    if (score >= threshold) found.push({ id, similarity: score });
  }
  return found.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
}

/** A compact text form for storage: `v1.k9.s<shingles>.f<files>.<base64 of the minima>`. */
export function encodeSignature(signature: BundleSignature): string {
  const bytes = new Uint8Array(signature.minhashes.length * 4);
  const view = new DataView(bytes.buffer);
  signature.minhashes.forEach((value, index) => view.setUint32(index * 4, value, true));
  return `v${signature.version}.k${signature.k}.s${signature.shingles}.f${signature.files}.${Buffer.from(bytes).toString('base64')}`;
}

export function decodeSignature(text: string): BundleSignature {
  const match = /^v(\d+)\.k(\d+)\.s(\d+)\.f(\d+)\.([A-Za-z0-9+/=]+)$/.exec(text);
  if (!match) throw new Error('not a bundle signature');
  const bytes = Buffer.from(match[5], 'base64');
  if (bytes.length % 4) throw new Error('not a bundle signature: bad length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const minhashes = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < minhashes.length; i++) minhashes[i] = view.getUint32(i * 4, true);
  return { version: Number(match[1]), k: Number(match[2]), shingles: Number(match[3]), files: Number(match[4]), minhashes };
}
