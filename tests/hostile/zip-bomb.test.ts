/**
 * Zip bombs and lying archives: entries with a huge expansion ratio, headers that under-declare what
 * they inflate to, and archives that declare far more than the total limit. None may be inflated
 * beyond the limits; each is refused with a `bmplint/bundle` finding in bounded time and memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@bmplint/core';
import { baseApp, bundleIssues, expectCleanExit, expectNoInternalErrors, expectWellFormed, lintTimed, runCli, strToU8, tempDir, zipSync, type Zippable } from './helpers.js';

const MiB = 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

function zipOf(first: Record<string, Uint8Array>, level: 0 | 6 | 9 = 9): Buffer {
  const files: Zippable = { ...first };
  for (const [name, content] of Object.entries(baseApp())) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(files, { level }));
}

function writeZip(bytes: Uint8Array): string {
  const path = join(tempDir('bomb'), 'bundle.zip');
  writeFileSync(path, bytes);
  return path;
}

/** Offsets of every local and central header, in archive order. */
function headers(zip: Buffer): { local: number[]; central: number[] } {
  const local: number[] = [];
  const central: number[] = [];
  // Local headers chain from offset 0 (fflate writes sizes in them, no data descriptors).
  for (let at = 0; zip.readUInt32LE(at) === LOCAL_HEADER; ) {
    local.push(at);
    const compressed = zip.readUInt32LE(at + 18);
    at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28) + compressed;
  }
  for (let at = local.length ? zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) : -1; at >= 0 && zip.readUInt32LE(at) === CENTRAL_HEADER; ) {
    central.push(at);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { local, central };
}

/** Rewrites the declared uncompressed size of the first `count` entries (local and central headers). */
function declareSize(zip: Buffer, size: number, count = 1): Buffer {
  const { local, central } = headers(zip);
  for (let i = 0; i < count; i++) {
    zip.writeUInt32LE(size >>> 0, local[i] + 22);
    zip.writeUInt32LE(size >>> 0, central[i] + 24);
  }
  return zip;
}

/** Incompressible bytes from a fixed seed (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('zip bombs', () => {
  it('refuses an entry that expands 40 MiB of zeros from ~40 KiB (ratio ~1000:1), without inflating it', async () => {
    const zip = zipOf({ 'pages/index/bomb.js': new Uint8Array(40 * MiB) });
    expect(zip.length).toBeLessThan(200 * 1024);
    const path = writeZip(zip);
    const { result, ms } = await lintTimed(path);
    expect(bundleIssues(result.findings)).toEqual(['compression-ratio pages/index/bomb.js']);
    expect(result.findings.find((finding) => finding.messageId === 'compression-ratio')?.message).toMatch(/zip bomb/);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);

    // The whole process stays small: the entry was never inflated.
    const run = await runCli(['check', path, '--format', 'json']);
    const report = expectCleanExit(run);
    expect(bundleIssues(report.findings)).toEqual(['compression-ratio pages/index/bomb.js']);
    expect(run.peakMb).toBeLessThan(200);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('stops reading an entry that inflates past the size its header declares (40 MiB declared as 1,000 bytes)', async () => {
    const zip = declareSize(zipOf({ 'pages/index/liar.js': new Uint8Array(40 * MiB) }), 1000);
    const path = writeZip(zip);
    const { result, ms } = await lintTimed(path);
    const issues = bundleIssues(result.findings);
    expect(issues.filter((issue) => issue.endsWith(' pages/index/liar.js'))).toHaveLength(1);
    expect(issues.find((issue) => issue.endsWith(' pages/index/liar.js'))).toMatch(/^(unreadable|corrupt-archive|compression-ratio) /);
    expect(ms).toBeLessThan(5_000);

    const run = await runCli(['check', path, '--format', 'json']);
    expectCleanExit(run);
    expect(run.peakMb).toBeLessThan(200);
  });

  it('refuses an entry declaring 4 GiB from 100 KiB of data', async () => {
    const zip = declareSize(zipOf({ 'images/huge.png': noise(100 * 1024, 7) }, 6), 0xfffffff0);
    const { result, ms } = await lintTimed(writeZip(zip));
    expect(bundleIssues(result.findings)).toEqual(['compression-ratio images/huge.png']);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('stops at the total limit when 20 entries each declare 15 MiB (300 MiB in all) under the per-file and ratio limits', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) entries[`data/chunk-${String(i).padStart(2, '0')}.json`] = noise(100 * 1024, i + 1);
    const declared = 15 * MiB;
    expect(declared).toBeLessThan(DEFAULT_LIMITS.maxFileBytes);
    const zip = declareSize(zipOf(entries, 6), declared, 20);
    const path = writeZip(zip);
    const { result, ms } = await lintTimed(path);
    const issues = bundleIssues(result.findings);
    const allowed = Math.floor(DEFAULT_LIMITS.maxTotalBytes / declared);
    expect(issues).toContain(`total-too-large data/chunk-${String(allowed).padStart(2, '0')}.json`);
    // The accepted ones inflate to far less than declared: refused as unreadable, never parsed.
    expect(issues.filter((issue) => issue.startsWith('unreadable '))).toHaveLength(allowed);
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(10_000);

    const run = await runCli(['check', path, '--format', 'json']);
    expectCleanExit(run);
    expect(run.peakMb).toBeLessThan(250);
  });

  it('does not open a zip nested in the bundle', async () => {
    const inner = zipSync({ 'bomb.bin': new Uint8Array(20 * MiB) }, { level: 9 });
    const { result, ms } = await lintTimed(writeZip(zipOf({ 'assets/inner.zip': inner })));
    expect(bundleIssues(result.findings)).toEqual([]);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('reports a truncated or garbled archive as corrupt, not as a crash', async () => {
    const zip = zipOf({});
    for (const bytes of [zip.subarray(0, zip.length - 30), Buffer.concat([zip.subarray(0, 64), Buffer.from(noise(4096, 3))])]) {
      const path = writeZip(bytes);
      const { result, ms } = await lintTimed(path);
      expect(bundleIssues(result.findings).some((issue) => issue.startsWith('corrupt-archive ') || issue.startsWith('unreadable '))).toBe(true);
      expectWellFormed(result.findings);
      expect(ms).toBeLessThan(5_000);
    }
  });
});
