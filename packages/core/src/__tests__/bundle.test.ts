import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openBundle, InputError } from '../bundle/open.js';
import { openZipBundle } from '../bundle/zip.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { DEFAULT_LIMITS, safeRelativePath } from '../bundle/bundle.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'bmplint-bundle-'));

describe('safeRelativePath', () => {
  it.each([
    ['pages/index/index.js', 'pages/index/index.js'],
    ['./a//b/./c.js', 'a/b/c.js'],
    ['a\\b.js', 'a/b.js'],
  ])('keeps %s as %s', (input, expected) => expect(safeRelativePath(input)).toBe(expected));
  it.each(['../evil.js', 'a/../../evil.js', '/etc/passwd', 'C:/windows/x', 'C:\\x', 'a\0b'])('refuses %s', (input) => {
    expect(safeRelativePath(input)).toBeUndefined();
  });
});

describe('directory bundles', () => {
  it('lists files with posix paths, skipping node_modules and .git', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'pages/index'), { recursive: true });
    mkdirSync(join(root, 'node_modules/x'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'app.json'), '{}');
    writeFileSync(join(root, 'pages/index/index.js'), 'Page({})');
    writeFileSync(join(root, 'node_modules/x/index.js'), '');
    writeFileSync(join(root, '.git/HEAD'), '');
    const bundle = await openBundle(root);
    expect([...bundle.entries.keys()].sort()).toEqual(['app.json', 'pages/index/index.js']);
    expect(bundle.read('pages/index/index.js').toString()).toBe('Page({})');
  });

  it('refuses symbolic links instead of following them', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.json'), '{}');
    symlinkSync('/etc/passwd', join(root, 'passwd.js'));
    const bundle = await openBundle(root);
    expect(bundle.has('passwd.js')).toBe(false);
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'link', path: 'passwd.js' })]);
  });

  it('applies the per-file limit', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'mock'));
    writeFileSync(join(root, 'mock/data.js'), 'x');
    writeFileSync(join(root, 'big.js'), 'x'.repeat(2048));
    const bundle = await openBundle(root, { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1024 } });
    // Ignore patterns are applied when checking, not when reading: ignored files still resolve.
    expect(bundle.has('mock/data.js')).toBe(true);
    expect(bundle.has('big.js')).toBe(false);
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'file-too-large', path: 'big.js' })]);
  });

  it('throws an InputError for a missing path or a file that is not a zip', async () => {
    await expect(openBundle('/no/such/dir')).rejects.toBeInstanceOf(InputError);
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello');
    await expect(openBundle(file)).rejects.toThrow(/not a directory or a zip/);
  });
});

describe('zip bundles', () => {
  it('reads entries and refuses unsafe names, links and duplicates', async () => {
    const zip = zipSync({
      'app.json': strToU8('{"pages":[]}'),
      '../evil.js': strToU8('x'),
      '/abs.js': strToU8('x'),
      'link.js': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    const bundle = await openZipBundle(Buffer.from(zip), DEFAULT_LIMITS);
    expect([...bundle.entries.keys()]).toEqual(['app.json']);
    expect(bundle.read('app.json').toString()).toBe('{"pages":[]}');
    expect(bundle.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unsafe-path', '../evil.js'],
      ['unsafe-path', '/abs.js'],
      ['link', 'link.js'],
    ]);
  });

  it('refuses an entry with a zip-bomb compression ratio before inflating it', async () => {
    const zip = zipSync({ 'bomb.js': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    const bundle = await openZipBundle(Buffer.from(zip), DEFAULT_LIMITS);
    expect(bundle.has('bomb.js')).toBe(false);
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'compression-ratio', path: 'bomb.js' })]);
  });

  it('reports a corrupt archive as an issue, not an exception', async () => {
    const bundle = await openZipBundle(Buffer.from('PK\u0003\u0004 this is not really a zip'), DEFAULT_LIMITS);
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'corrupt-archive' })]);
  });

  it('stops at the file-count limit', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`f${i}.js`] = strToU8('1');
    const bundle = await openZipBundle(Buffer.from(zipSync(files)), { ...DEFAULT_LIMITS, maxFiles: 5 });
    expect(bundle.entries.size).toBe(5);
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'too-many-files' })]);
  });
});

describe('memory bundles', () => {
  it('refuses duplicate normalised paths', () => {
    const bundle = openMemoryBundle({ 'a/b.js': '1', 'a//b.js': '2' });
    expect(bundle.read('a/b.js').toString()).toBe('1');
    expect(bundle.issues).toEqual([expect.objectContaining({ code: 'duplicate', path: 'a/b.js' })]);
  });
});
