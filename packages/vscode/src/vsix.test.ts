/**
 * Builds the .vsix as CI does (`pnpm --filter bmplint-vscode package`: esbuild, then @vscode/vsce
 * offline), unpacks it, and runs the server entry it ships over stdio: initialize → diagnostics.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng, miniApp, rgba } from '@bmplint/core/testing';
import { LspClient } from '../../language-server/src/test-support/lsp-client.js';
import { removeAppsOnDisk, writeAppOnDisk } from '../../language-server/src/test-support/app-on-disk.js';

const here = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'bmplint-vsix-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  removeAppsOnDisk();
});

function unpack(vsix: string, into: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(vsix)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
}

describe('the .vsix', () => {
  it('builds offline, declares its activation and settings, and its server reports findings over stdio', async () => {
    await promisify(execFile)('pnpm', ['--filter', 'bmplint-vscode', 'package'], { cwd: here, env: { ...process.env, NO_COLOR: '1' } });
    const unpacked = join(scratch, 'unpacked');
    unpack(join(here, 'dist/bmplint.vsix'), unpacked);

    const manifest = JSON.parse(readFileSync(join(unpacked, 'extension/package.json'), 'utf8'));
    expect(manifest.main).toBe('./dist/extension.cjs');
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/app.json', 'workspaceContains:**/project.config.json']);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(['bmplint.enable', 'bmplint.configPath', 'bmplint.locale', 'bmplint.debounceMs']);
    // Everything the server needs is in its bundle: no node_modules are shipped.
    expect(Object.keys(unzipSync(readFileSync(join(here, 'dist/bmplint.vsix')))).some((name) => name.includes('node_modules'))).toBe(false);

    const listing = JSON.stringify({ name: 'Gas Watch', description: 'Gas prices on chain', logo: 'logo.png', serviceDomains: ['https://api.example.com'] });
    const files = miniApp({ 'listing.json': listing, 'logo.png': encodePng(144, 144, () => rgba('#3366ff')), 'pages/index/index.bxml': '<web-view src="https://h5.example.com/home"/>\n' });
    const app = writeAppOnDisk(files, 'bmplint-vsix-app-');
    // As VS Code starts it: without the NODE_PATH into the monorepo's packages that pnpm gives tests.
    const client = LspClient.start([join(unpacked, 'extension/dist/server.mjs'), '--stdio'], { NODE_PATH: '' });
    try {
      const init = await client.initialize(app);
      expect(init.serverInfo).toEqual({ name: 'bmplint', version: manifest.version });
      const uri = pathToFileURL(join(app, 'pages/index/index.bxml')).href;
      const webView = '<web-view src="https://h5.example.com/home"/>';
      await client.open(uri, `${webView}\n`, 'bxml');
      const { diagnostics } = await client.diagnostics(uri, (list) => list.some((item) => item.code === 'webview/no-webview-home'), 0, 30_000);
      expect(diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: webView.length } });
      // The hover reads the docs pages shipped in the package.
      const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      expect(hover.contents.value).toContain('## Bad');
      // Without sharp in the package, the logo rules stay quiet rather than call the logo unreadable.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const listingUri = pathToFileURL(join(app, 'listing.json')).href;
      expect((client.published.get(listingUri) ?? []).flatMap((entry) => entry.diagnostics).filter((item) => String(item.code).startsWith('basic-info/logo'))).toEqual([]);
      expect(await client.stop()).toBe(0);
    } finally {
      client.kill();
    }
  }, 120_000);
});
