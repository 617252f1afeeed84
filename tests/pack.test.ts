// The CLI as a user outside this repository gets it: `pnpm pack` in packages/cli, then
// `npm install -g` of the tarball into a fresh prefix, with nothing from the workspace. The
// tarball's bin runs the single-file bundle (core and the built-in rules inside it); everything
// else it needs must come from the npm registry as its declared dependencies.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../packages/language-server/src/test-support/lsp-client.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bmplint-pack-'));
const prefix = join(work, 'prefix');
const installedBin = join(prefix, 'bin', 'bmplint');

async function installed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // An empty cwd and HOME outside the repository: nothing of the workspace can be resolved.
    const { stdout, stderr } = await run(installedBin, args, { cwd: work, env: { PATH: process.env.PATH, HOME: work, NO_COLOR: '1' }, maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the packed CLI', () => {
  let manifest: { dependencies?: Record<string, string>; exports?: unknown };

  beforeAll(async () => {
    await run('pnpm', ['pack', '--pack-destination', work], { cwd: join(root, 'packages/cli') });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const { stdout } = await run('tar', ['xzf', join(work, tarball!), '-O', 'package/package.json']);
    manifest = JSON.parse(stdout);
    await run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(work, tarball!)], { cwd: work, env: { ...process.env, npm_config_update_notifier: 'false' } });
  }, 240_000);

  it('declares only registry packages, and exports the bundle', () => {
    const dependencies = Object.entries(manifest.dependencies ?? {});
    expect(dependencies.length).toBeGreaterThan(0);
    expect(dependencies.filter(([name, version]) => name.startsWith('@bmplint/') || version.startsWith('workspace:'))).toEqual([]);
    expect(manifest.exports).toEqual({ '.': { default: './dist/bmplint.mjs' } });
  });

  it('puts bmplint on PATH and checks an app folder', async () => {
    const clean = await installed(['check', join(root, 'fixtures/apps/clean-app')]);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toContain('No problems found');
    expect(clean.code).toBe(0);
    const problems = await installed(['check', join(root, 'fixtures/apps/problem-app'), '--format', 'json']);
    expect(problems.code).toBe(1);
    const report = JSON.parse(problems.stdout) as { findings: Array<{ ruleId: string }>; summary: { errors: number } };
    expect(report.summary.errors).toBeGreaterThan(0);
    // The logo rules read the PNG through sharp: the native dependency installed from the registry.
    expect(report.findings.some((finding) => finding.ruleId.startsWith('basic-info/'))).toBe(true);
  });

  it('checks a zip, through the zip reader it depends on', async () => {
    const zip = join(work, 'app.zip');
    const files: Record<string, Uint8Array> = {};
    const app = join(root, 'fixtures/apps/clean-app');
    for (const entry of readdirSync(app, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files[`clean-app/${path.slice(app.length + 1)}`] = readFileSync(path);
    }
    writeFileSync(zip, zipSync(files));
    const result = await installed(['check', zip, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).bundle.files).toBeGreaterThan(5);
  });

  it('runs the language server from its own binary (the lsp chunk of the bundle)', async () => {
    const app = join(root, 'fixtures/apps/problem-app');
    const client = LspClient.start([join(prefix, 'bin', 'bmplint-language-server')], { NODE_PATH: '' });
    try {
      await client.initialize(app);
      const uri = pathToFileURL(join(app, 'pages/home/index.bxml')).href;
      await client.open(uri, readFileSync(join(app, 'pages/home/index.bxml'), 'utf8'), 'bxml');
      await client.diagnostics(uri, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'webview/no-webview-home'));
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
