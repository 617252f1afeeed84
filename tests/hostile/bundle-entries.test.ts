/**
 * Hostile bundle entries: paths that escape the root, links, duplicate names. Each is refused with a
 * `bmplint/bundle` finding (its messageId is the issue code) and nothing outside the bundle is read.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_RULE, baseApp, bundleIssues, expectCleanExit, expectNoInternalErrors, expectWellFormed, lintTimed, runCli, strToU8, tempDir, zipSync,
  type Zippable,
} from './helpers.js';

const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

function zipOf(files: Record<string, string | Uint8Array | [Uint8Array, { os?: number; attrs?: number }]>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: 6 });
}

function writeZip(bytes: Uint8Array, name = 'bundle.zip'): string {
  const path = join(tempDir('zip'), name);
  writeFileSync(path, bytes);
  return path;
}

/** Replaces every occurrence of an ASCII string in the archive's bytes (names in local and central headers). */
function patchName(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('same length only');
  const bytes = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) Buffer.from(to).copy(bytes, at);
  return bytes;
}

const app = () => Object.fromEntries(Object.entries(baseApp()).map(([name, content]) => [name, content as string]));

describe('zip entries that escape the bundle root', () => {
  const hostileNames = ['../evil.js', '../../../../tmp/bmplint-escape.js', 'pages/../../escape.json', '/etc/passwd.js', '/absolute/app.json', 'C:/Windows/win.ini.js', 'C:\\evil\\x.js', '..\\..\\backslash.js'];

  it('refuses each `../`, absolute and drive-letter entry with a bmplint/bundle error, reading only the safe entries', async () => {
    const files: Record<string, string> = app();
    for (const name of hostileNames) files[name] = "bn.request({ url: 'http://evil.example' })\n";
    const path = writeZip(zipOf(files));
    const { result, ms } = await lintTimed(path);
    const refused = result.findings.filter((finding) => finding.ruleId === BUNDLE_RULE && finding.messageId === 'unsafe-path');
    expect(refused.map((finding) => finding.file).sort()).toEqual([...hostileNames].sort());
    for (const finding of refused) expect(finding.severity).toBe('error');
    // Only the app's own files were read: none of the hostile contents reached a rule.
    expect(result.bundle.files).toBe(Object.keys(app()).length);
    expect(result.findings.filter((finding) => finding.ruleId === 'network/service-domain')).toEqual([]);
    expectNoInternalErrors(result.findings);
    expectWellFormed(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('reports them from the CLI too: exit 1, valid JSON, nothing written outside', async () => {
    const files: Record<string, string> = app();
    files['../../bmplint-should-not-exist.js'] = 'x';
    const path = writeZip(zipOf(files));
    const run = await runCli(['check', path, '--format', 'json']);
    const report = expectCleanExit(run);
    expect(run.code).toBe(1);
    expect(bundleIssues(report.findings)).toEqual(['unsafe-path ../../bmplint-should-not-exist.js']);
    expect(() => readFileSync(join(path, '../../bmplint-should-not-exist.js'))).toThrow();
    expect(run.ms).toBeLessThan(10_000);
  });

  it('refuses unsafe names in a memory bundle the same way', async () => {
    const { result } = await lintTimed({ ...baseApp(), '../up.js': 'x', '/abs.js': 'x', 'a/\0b.js': 'x' });
    expect(bundleIssues(result.findings).sort()).toEqual(['unsafe-path ../up.js', 'unsafe-path /abs.js', 'unsafe-path a/\0b.js'].sort());
    expectNoInternalErrors(result.findings);
  });
});

describe('symbolic links', () => {
  it('refuses links to a file and to a directory outside the bundle, and a link loop, without following them', async () => {
    const outside = tempDir('outside');
    mkdirSync(join(outside, 'secret'));
    writeFileSync(join(outside, 'secret/keys.js'), "bn.request({ url: 'http://leak.example' })\n");
    writeFileSync(join(outside, 'secret.json'), '{"token": "s3cr3t"}');
    const root = tempDir('links');
    for (const [name, content] of Object.entries(baseApp())) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    symlinkSync(join(outside, 'secret.json'), join(root, 'pages/index/linked.json'));
    symlinkSync(join(outside, 'secret'), join(root, 'vendor'), 'dir');
    symlinkSync('.', join(root, 'loop'), 'dir');
    symlinkSync('/etc/passwd', join(root, 'passwd.js'));
    symlinkSync(join(root, 'missing-target'), join(root, 'dangling.js'));
    const { result, ms } = await lintTimed(root);
    expect(bundleIssues(result.findings).sort()).toEqual(
      ['link dangling.js', 'link loop', 'link pages/index/linked.json', 'link passwd.js', 'link vendor'].sort(),
    );
    for (const finding of result.findings.filter((f) => f.ruleId === BUNDLE_RULE)) expect(finding.severity).toBe('error');
    expect(result.findings.some((finding) => finding.file.startsWith('vendor/') || finding.file.startsWith('loop/'))).toBe(false);
    expect(result.bundle.files).toBe(Object.keys(baseApp()).length);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses symlink entries of a zip (Unix mode 120000), whatever their target', async () => {
    const link = (target: string): [Uint8Array, { os: number; attrs: number }] => [strToU8(target), { os: 3, attrs: ((S_IFLNK | 0o777) << 16) >>> 0 }];
    const zip = zipOf({ ...app(), 'pages/index/passwd.js': link('/etc/passwd'), 'utils': link('../../..'), 'up.json': link('../app.json') });
    const { result, ms } = await lintTimed(writeZip(zip));
    expect(bundleIssues(result.findings).sort()).toEqual(['link pages/index/passwd.js', 'link up.json', 'link utils'].sort());
    expect(result.bundle.files).toBe(Object.keys(app()).length);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('skips directory entries and refuses special files of a zip', async () => {
    const fifo = (): [Uint8Array, { os: number; attrs: number }] => [strToU8(''), { os: 3, attrs: ((0o010000 | 0o644) << 16) >>> 0 }];
    const dir = (): [Uint8Array, { os: number; attrs: number }] => [strToU8('not really a dir'), { os: 3, attrs: ((S_IFDIR | 0o755) << 16) >>> 0 }];
    const { result } = await lintTimed(writeZip(zipOf({ ...app(), 'pipe.js': fifo(), 'fake-dir.js': dir() })));
    expect(bundleIssues(result.findings).sort()).toEqual(['special-file fake-dir.js', 'special-file pipe.js']);
    expectNoInternalErrors(result.findings);
  });
});

describe('duplicate entry names', () => {
  it('refuses the second of two zip entries with the same name', async () => {
    const files = app();
    files['pages/index/dup1.js'] = "module.exports = 'first'\n";
    files['pages/index/dup2.js'] = "bn.request({ url: 'http://second.example' })\n";
    const zip = patchName(zipOf(files), 'pages/index/dup2.js', 'pages/index/dup1.js');
    const { result, ms } = await lintTimed(writeZip(zip));
    expect(bundleIssues(result.findings)).toEqual(['duplicate pages/index/dup1.js']);
    expect(result.findings.find((finding) => finding.messageId === 'duplicate')?.severity).toBe('error');
    // The first entry is the one that is read: the second's http:// request is never seen.
    expect(result.findings.filter((finding) => finding.ruleId === 'network/service-domain')).toEqual([]);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses names that are the same path once normalised (`./a`, `a//b`, `a\\b`)', async () => {
    const files = app();
    files['pages/index/util.js'] = 'module.exports = 1\n';
    files['./pages/index/util.js'] = 'module.exports = 2\n';
    files['pages//index/util.js'] = 'module.exports = 3\n';
    files['pages\\index\\util.js'] = 'module.exports = 4\n';
    const { result } = await lintTimed(writeZip(zipOf(files)));
    expect(bundleIssues(result.findings)).toEqual(['duplicate pages/index/util.js', 'duplicate pages/index/util.js', 'duplicate pages/index/util.js']);
    expectNoInternalErrors(result.findings);
  });

  it('reports a zip of 2,000 copies of one name once each, in bounded time', async () => {
    const files = app();
    for (let i = 0; i < 2000; i++) files[`d/x${String(i).padStart(4, '0')}.js`] = 'module.exports = 1\n';
    let zip = zipOf(files);
    for (let i = 1; i < 2000; i++) zip = patchName(zip, `d/x${String(i).padStart(4, '0')}.js`, 'd/x0000.js');
    const { result, ms } = await lintTimed(writeZip(zip));
    expect(result.findings.filter((finding) => finding.messageId === 'duplicate')).toHaveLength(1999);
    expect(ms).toBeLessThan(10_000);
  });
});
