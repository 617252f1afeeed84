/** The output options of `bmplint check`, run as a user runs the built CLI (`pnpm test` builds first). */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodePng } from '@bmplint/core/testing';
import { useColor } from '../../packages/cli/src/report-output.js';
import { HOSTILE, sarifValidator } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/bin/bmplint.js');
const problemApp = 'fixtures/apps/problem-app';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function bmplint(args: string[], env: Record<string, string | undefined> = {}, cwd = root): Promise<Run> {
  const base = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: '1', ...env };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: base as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const SGR = /\u001b\[\d+m/;

describe('bmplint check output options', () => {
  it('writes the report to --output-file, creating folders, and prints nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-out-'));
    const target = join(dir, 'reports', 'ci', 'bmplint.sarif');
    const run = await bmplint(['check', problemApp, '--format', 'sarif', '--output-file', target]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    const written = readFileSync(target, 'utf8');
    const printed = await bmplint(['check', problemApp, '--format', 'sarif']);
    expect(written).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'reports', 'ci'))).toEqual(['bmplint.sarif']);
  });

  it('replaces an existing report whole, and fails clearly when it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-out-'));
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    await bmplint(['check', problemApp, '--format', 'json', '-o', target]);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ tool: { name: 'bmplint' } });
    writeFileSync(join(dir, 'a-file'), '');
    const blocked = await bmplint(['check', problemApp, '-o', join(dir, 'a-file', 'report.txt')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^bmplint: cannot write .*a-file\/report\.txt: (ENOTDIR|EEXIST)\n$/);
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'report.json']);
  });

  it('colours text with --color even into a pipe, and not by default into a pipe', async () => {
    expect((await bmplint(['check', problemApp])).stdout).not.toMatch(SGR);
    expect((await bmplint(['check', problemApp, '--color'])).stdout).toMatch(SGR);
  });

  it('decides colour: the flags first, then FORCE_COLOR, then NO_COLOR, then whether output is a terminal', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
  });

  it('writes SARIF for a real app that the official schema accepts', async () => {
    const run = await bmplint(['check', problemApp, '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarifValidator()(log)).toBeUndefined();
    expect(log.runs[0].results.length).toBeGreaterThan(10);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\/apps\/problem-app\//);
  });

  it('writes GitHub annotations and JUnit XML for a real app', async () => {
    const github = await bmplint(['check', problemApp, '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=fixtures\/apps\/problem-app\/pages\/home\/index\.bxml,line=1,col=1,endLine=1,endColumn=\d+,title=bmplint webview\/no-webview-home \(3\.4\.1\)::The home page/m);
    const junit = await bmplint(['check', problemApp, '--format', 'junit']);
    expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="bmplint" tests="\d+" failures="\d+" errors="0">/);
    expect(junit.stdout).toMatch(/<testcase classname="webview\/no-webview-home" name="fixtures\/apps\/problem-app\/pages\/home\/index\.bxml">\n {6}<failure type="error" message="1 error: The home page/);
    // Every rule of the run is a case: the rules with no finding pass.
    expect(junit.stdout).toMatch(/<testcase classname="ui\/[a-z-]+" name="\(all files\)"\/>/);
  });

  it('refuses an unknown format', async () => {
    const run = await bmplint(['check', problemApp, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, sarif, html, junit, github.");
  });

  it('escapes what a hostile bundle puts in keys, strings and file names, in text and HTML', async () => {
    const app = mkdtempSync(join(tmpdir(), 'bmplint-hostile-'));
    const evilKey = `${HOSTILE.terminal}${HOSTILE.bidi}${HOSTILE.markup}`;
    writeFileSync(join(app, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], [evilKey]: true }));
    mkdirSync(join(app, 'pages/index'), { recursive: true });
    writeFileSync(join(app, 'pages/index/index.bxml'), '<view>hello</view>');
    writeFileSync(join(app, 'pages/index/index.js'), 'Page({})');
    const evilName = `pages/index/\u001b[2J\u202e<b>x\n.js`;
    writeFileSync(join(app, evilName), 'bn.getXrFrameSystem()');
    for (const format of ['text', 'html']) {
      const run = await bmplint(['check', app, '--format', format, '--verbose']);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(run.stdout).toContain('\\u001b[2J');
    }
    const html = (await bmplint(['check', app, '--format', 'html'])).stdout;
    expect(html).not.toContain('<script>window.pwned');
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(html).toContain('\\u001b[2J\\u202e&lt;b&gt;x\\u000a.js');
    const text = (await bmplint(['check', app, '--verbose'])).stdout;
    expect(text).toContain('\\u001b[2J\\u202e<b>x\\u000a.js:1:');
  });

  it('inlines the listing\'s logo in HTML only from inside the listing\'s folder, never through a link', async () => {
    const base = mkdtempSync(join(tmpdir(), 'bmplint-logo-'));
    const app = join(base, 'app');
    mkdirSync(join(app, 'pages/index'), { recursive: true });
    writeFileSync(join(app, 'app.json'), JSON.stringify({ pages: ['pages/index/index'] }));
    writeFileSync(join(app, 'app.js'), 'App({})');
    writeFileSync(join(app, 'pages/index/index.bxml'), '<view>hi</view>');
    writeFileSync(join(app, 'pages/index/index.js'), 'Page({})');
    const png = encodePng(8, 8, () => [240, 185, 11, 255]);
    writeFileSync(join(base, 'outside.png'), png);
    writeFileSync(join(app, 'logo.png'), png);
    symlinkSync(join(base, 'outside.png'), join(app, 'linked.png'));
    const listing = (logo: string) => {
      const file = join(app, `listing-${logo.replace(/\W/g, '')}.json`);
      writeFileSync(file, JSON.stringify({ name: 'Logo Test', description: 'A test app.', logo }));
      return file;
    };
    const html = async (args: string[]) => (await bmplint(['check', app, '--format', 'html', ...args])).stdout;
    expect(await html(['--listing', listing('logo.png')])).toContain('src="data:image/png;base64,');
    for (const logo of ['../outside.png', `${base}/outside.png`, 'linked.png']) {
      const out = await html(['--listing', listing(logo)]);
      expect(out).toContain('<h1>Logo Test</h1>');
      expect(out).not.toContain('data:image/png');
    }
    // The listing inside the bundle: its logo is a bundle path, which cannot climb out.
    writeFileSync(join(app, 'listing.json'), JSON.stringify({ name: 'Logo Test', logo: '../outside.png' }));
    expect(await html([])).not.toContain('data:image/png');
    writeFileSync(join(app, 'listing.json'), JSON.stringify({ name: 'Logo Test', logo: 'logo.png' }));
    expect(await html([])).toContain('src="data:image/png;base64,');
  });
});
