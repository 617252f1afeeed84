/**
 * Bad input from issue #10, through the built CLI: macOS zips, corrupt zips, unreadable files and
 * listing logos that point out of the listing's folder.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, type Run } from './run-cli.js';
import { zipSync } from 'fflate';
import { encodePng, rgba } from '@bmplint/core/testing';



const bmplint = (args: string[], node: string[] = []): Promise<Run> => runCli(args, { env: { LANG: 'C' }, node });

const APP: Record<string, string> = {
  'app.json': '{\n  "entryPagePath": "pages/index/index",\n  "pages": ["pages/index/index"]\n}\n',
  'app.js': 'App({});\n',
  'pages/index/index.js': 'Page({ data: {} });\n',
  'pages/index/index.bxml': '<view class="page">Gas prices, block by block</view>\n',
  'pages/index/index.json': '{}\n',
};

/** These apps have no listing.json on purpose: the one info naming the checks that need it is not what these tests are about. */
const withoutListingNote = <T extends { ruleId: string }>(findings: T[]): T[] => findings.filter((finding) => finding.ruleId !== 'bmplint/missing-input');

function writeTree(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'bmplint-bad-'));

describe('zips', () => {
  it('reads a macOS "Compress" zip (__MACOSX/ and ._ files) as the single folder it wraps', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const [path, content] of Object.entries(APP)) {
      entries[`Gas Watch/${path}`] = new TextEncoder().encode(content);
      // AppleDouble files: binary, named like the source files.
      entries[`__MACOSX/Gas Watch/${dirname(path) === '.' ? '' : `${dirname(path)}/`}._${path.split('/').pop()}`] = new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]);
    }
    entries['Gas Watch/._app.js'] = new Uint8Array([0, 5, 22, 7]);
    const zip = join(tmp(), 'Gas Watch.zip');
    writeFileSync(zip, zipSync(entries));
    const run = await bmplint(['check', zip, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string }>; bundle: { files: number } };
    expect(withoutListingNote(report.findings)).toEqual([]);
    expect(report.bundle.files).toBe(Object.keys(APP).length);
    expect(run.code).toBe(0);
  });

  it('a corrupt zip is one clear message and exit 2', async () => {
    const dir = tmp();
    const truncated = zipSync({ 'app.json': new TextEncoder().encode(APP['app.json']) }).slice(0, 40);
    writeFileSync(join(dir, 'broken.zip'), truncated);
    const run = await bmplint(['check', join(dir, 'broken.zip')]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^bmplint: .*broken\.zip is not a readable zip archive \(.+\)\n$/);
    expect(run.stderr).not.toMatch(/app\.json|at .*\.js:\d+/);
  });
});

describe('project root', () => {
  it('a miniprogramRoot that holds no app is named as such, at that setting', async () => {
    const dir = writeTree(tmp(), { 'project.config.json': '{ "miniprogramRoot": "build/" }', ...Object.fromEntries(Object.entries(APP).map(([path, content]) => [`dist/${path}`, content])) });
    const run = await bmplint(['check', dir, '--format', 'json']);
    const findings = withoutListingNote((JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> }).findings);
    expect(findings.map((finding) => [finding.ruleId, finding.file])).toEqual([['availability/missing-file', 'project.config.json']]);
    expect(findings[0].message).toContain('project.config.json sets miniprogramRoot to "build/", but the bundle has no build/app.json');
    expect(run.code).toBe(1);
  });
});

describe('unreadable files', () => {
  it('a file the user cannot read is a finding naming it, not an internal error', async () => {
    const dir = writeTree(tmp(), { ...APP, 'utils/secret.js': 'module.exports = 1;\n' });
    chmodSync(join(dir, 'utils/secret.js'), 0o000);
    chmodSync(dir, 0o755);
    // Root reads anything: run the CLI as nobody then, which is what a user without the permission sees.
    const asUser = process.getuid?.() === 0 ? ['--import', `data:text/javascript,process.setgid(65534);process.setuid(65534);`] : [];
    const run = await bmplint(['check', dir, '--format', 'json'], asUser);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; message: string; severity: string }> };
    expect(withoutListingNote(report.findings).map((finding) => [finding.ruleId, finding.file, finding.message])).toEqual([['bmplint/bundle', 'utils/secret.js', expect.stringContaining('EACCES')]]);
    // No errors, but part of the bundle was not checked.
    expect(run.code).toBe(3);
  });
});

describe('listing logo', () => {
  it('refuses a logo outside the listing\'s folder without opening it, and names no host path', async () => {
    const base = tmp();
    // A real image outside the app: opened, it would be checked (and reported as too small).
    writeTree(base, { 'outside/real.png': encodePng(10, 10, () => rgba('#336699')) });
    for (const logo of ['../outside/real.png', '../../../../../etc/passwd', '/etc/passwd', `${base}/outside/real.png`]) {
      const dir = writeTree(join(base, `app-${Math.random().toString(36).slice(2)}`), {
        ...APP,
        'listing.json': JSON.stringify({ name: 'Gas Watch', description: 'Live gas prices.', logo }),
      });
      const run = await bmplint(['check', dir, '--format', 'json']);
      const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; messageId: string; message: string }> };
      const logoFindings = report.findings.filter((finding) => finding.ruleId.startsWith('basic-info/') && finding.message.includes('logo'));
      expect(logoFindings.map((finding) => finding.messageId), logo).toEqual(['logoMissing']);
      expect(logoFindings[0].message).toContain('points outside the folder of listing.json, so it is not read');
      for (const finding of report.findings) expect(finding.message.replace(logo, '')).not.toContain(base);
    }
  });

  it('a missing logo of a --listing elsewhere is named relative to the listing', async () => {
    const dir = writeTree(tmp(), APP);
    const listingDir = tmp();
    writeFileSync(join(listingDir, 'listing.json'), JSON.stringify({ name: 'Gas Watch', description: 'Live gas prices.', logo: 'logo.png' }));
    const run = await bmplint(['check', dir, '--listing', join(listingDir, 'listing.json'), '--format', 'json']);
    const messages = (JSON.parse(run.stdout) as { findings: Array<{ message: string }> }).findings.map((finding) => finding.message);
    expect(messages).toContain('The logo "logo.png" does not exist beside listing.json: the listing needs its logo image (2.2.6).');
    for (const message of messages) expect(message).not.toContain(listingDir);
  });
});
