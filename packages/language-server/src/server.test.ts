/**
 * The real server, as an editor runs it (`bmplint lsp --stdio` from the CLI's bundle; `pnpm test`
 * builds first), driven over stdio with a JSON-RPC client.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { miniApp, type Files } from '@bmplint/core/testing';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Hover, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './test-support/lsp-client.js';
import { removeAppsOnDisk, writeAppOnDisk } from './test-support/app-on-disk.js';

const repo = join(import.meta.dirname, '../../..');
const cliBin = join(repo, 'packages/cli/bin/bmplint.js');
const serverBin = join(repo, 'packages/cli/bin/bmplint-language-server.js');
/** The server's default: a lint starts as soon as the engine is free after a change. */
const DEBOUNCE_MS = 0;
/** One debounce interval plus the check of a small app, with room for a CI machine busy with other tests. */
const BUDGET_MS = DEBOUNCE_MS + 4_000;

const clients: LspClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
  removeAppsOnDisk();
});

const writeApp = (files: Files) => writeAppOnDisk(files, 'bmplint-lsp-');

async function start(dir: string, bin = [cliBin, 'lsp', '--stdio'], options: Record<string, unknown> = {}): Promise<LspClient> {
  const client = LspClient.start(bin);
  clients.push(client);
  await client.initialize(dir, options);
  return client;
}

const uriOf = (dir: string, path: string) => pathToFileURL(join(dir, path)).href;
const ofRule = (ruleId: string) => (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === ruleId);
const none = (diagnostics: Diagnostic[]) => diagnostics.length === 0;

/** The LSP range of `needle` (its first occurrence at or after `from`) in `text`. */
function rangeIn(text: string, needle: string, from = 0) {
  const document = TextDocument.create('file:///x', 'text', 0, text);
  const start = text.indexOf(needle, from);
  expect(start, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
  return { start: document.positionAt(start), end: document.positionAt(start + needle.length) };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'text', 0, text), edits);
}

const payTemplate = '<view>\n  <text>Premium signals</text>\n  <button bindtap="buy">Buy</button>\n</view>\n';
const cleanScript = "Page({\n  data: {},\n  buy() {\n    bn.showToast({ title: 'Soon' });\n  },\n});\n";
const paymentCall = "bn.requestPayment({ orderId: '42' })";
const payingScript = `Page({\n  data: {},\n  buy() {\n    ${paymentCall};\n  },\n});\n`;

describe('bmplint lsp --stdio', () => {
  it('initializes, reports a payment typed into an open page within a debounce interval, clears it when removed, and exits cleanly', async () => {
    const dir = writeApp(miniApp({ 'pages/index/index.bxml': payTemplate, 'pages/index/index.js': cleanScript }));
    const client = await start(dir);
    const uri = uriOf(dir, 'pages/index/index.js');

    await client.open(uri, cleanScript);
    await client.diagnostics(uri, none);
    expect(client.registrations).toEqual([expect.objectContaining({ method: 'workspace/didChangeWatchedFiles' })]);

    const typed = performance.now();
    await client.change(uri, 2, payingScript);
    const found = await client.diagnostics(uri, ofRule('api/payment-confirmation'), typed);
    expect(found.at - typed).toBeLessThan(BUDGET_MS);
    const diagnostic = found.diagnostics.find((item) => item.code === 'api/payment-confirmation')!;
    expect(diagnostic).toMatchObject({
      source: 'bmplint',
      severity: DiagnosticSeverity.Error,
      codeDescription: { href: expect.stringMatching(/docs\/rules\/api\/payment-confirmation\.md$/) },
      message: expect.stringContaining('(4.3.2)'),
      // Exactly the call, not its line.
      range: rangeIn(payingScript, paymentCall),
    });

    const removed = performance.now();
    await client.change(uri, 3, cleanScript);
    const cleared = await client.diagnostics(uri, none, removed);
    expect(cleared.at - removed).toBeLessThan(BUDGET_MS);

    expect(await client.stop()).toBe(0);
  });

  it('reports a <web-view> typed into the home page template at the element, with the rule docs on hover, and clears it', async () => {
    const dir = writeApp(miniApp());
    const client = await start(dir, [serverBin]);
    const uri = uriOf(dir, 'pages/index/index.bxml');
    await client.open(uri, '<view class="page">Hello</view>\n', 'bxml');
    await client.diagnostics(uri, none);

    const webView = '<web-view src="https://h5.example.com/home"/>';
    const template = `<view>\n  ${webView}\n</view>\n`;
    const typed = performance.now();
    await client.change(uri, 2, template);
    const found = await client.diagnostics(uri, ofRule('webview/no-webview-home'), typed);
    expect(found.at - typed).toBeLessThan(BUDGET_MS);
    const diagnostic = found.diagnostics.find((item) => item.code === 'webview/no-webview-home')!;
    expect(diagnostic.range).toEqual(rangeIn(template, webView));
    expect(diagnostic.message).toContain('3.4.1');

    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } });
    const markdown = (hover?.contents as { kind: string; value: string }).value;
    expect(markdown).toContain('# webview/no-webview-home');
    // The clause, quoted, and the hand-written rule details of the docs page.
    expect(markdown).toContain('is not allowed to embed the web page directly on the homepage');
    expect(markdown).toContain('## Bad');
    const nothing = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(nothing).toBeNull();

    // A hard platform rule: no action offers to disable it.
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    expect(actions).toEqual([]);

    const removed = performance.now();
    await client.change(uri, 3, '<view>\n  <text>Gas prices</text>\n</view>\n');
    await client.diagnostics(uri, none, removed);
  });

  it('shows the open file\'s own findings first, from the file and the app\'s configs alone, then the project\'s', async () => {
    const script = "Page({\n  onLoad() {\n    bn.requestPayment({ orderId: '7' });\n    const name = this.options.api;\n    bn[name]();\n  },\n});\n";
    const dir = writeApp(miniApp({ 'pages/index/index.js': script }));
    const client = await start(dir);
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, script);
    const full = await client.diagnostics(uri, ofRule('api/payment-confirmation'));
    const [first] = client.published.get(uri)!;
    // The first look: the per-file rule's finding, and none of a rule that follows flows across files.
    expect(first.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['api/no-dynamic-api-access']);
    expect(first.at).toBeLessThanOrEqual(full.at);
    // The project's check agrees on it, to the character (only its index among the file's diagnostics differs).
    const shown = ({ data, ...diagnostic }: Diagnostic) => ({ ...diagnostic, fingerprint: (data as { fingerprint: string }).fingerprint });
    expect(full.diagnostics.filter((diagnostic) => diagnostic.code === 'api/no-dynamic-api-access').map(shown)).toEqual(first.diagnostics.map(shown));
  });

  it('shows a cross-file finding in the file it points at, and clears it when listing.json changes on disk', async () => {
    const listing = (domains: string[]) => JSON.stringify({ name: 'Gas Watch', description: 'Gas prices on chain', serviceDomains: domains });
    const script = "Page({\n  onLoad() {\n    bn.request({ url: 'https://api.other.com/v1' });\n  },\n});\n";
    const dir = writeApp(miniApp({ 'listing.json': listing(['https://api.example.com']), 'pages/index/index.js': script }));
    const client = await start(dir);
    // Only the template is open: the script's finding is still published.
    await client.open(uriOf(dir, 'pages/index/index.bxml'), '<view class="page">Hello</view>\n', 'bxml');
    const scriptUri = uriOf(dir, 'pages/index/index.js');
    const found = await client.diagnostics(scriptUri, ofRule('network/service-domain'));
    expect(found.diagnostics.find((item) => item.code === 'network/service-domain')!.range).toEqual(rangeIn(script, "'https://api.other.com/v1'"));

    const fixed = performance.now();
    writeFileSync(join(dir, 'listing.json'), listing(['https://api.example.com', 'https://api.other.com']));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'listing.json'), type: 2 }] });
    await client.diagnostics(scriptUri, none, fixed);
  });

  it('re-publishes only the files whose diagnostics changed, and an empty list to one that was fixed', async () => {
    const privateCall = 'bn._internalDump();\n';
    const dir = writeApp(miniApp({ 'pages/index/index.js': cleanScript, 'utils/debug.js': privateCall }));
    const client = await start(dir);
    const pageUri = uriOf(dir, 'pages/index/index.js');
    const utilUri = uriOf(dir, 'utils/debug.js');
    await client.open(pageUri, cleanScript);
    await client.diagnostics(utilUri, ofRule('api/no-private-api'));
    await client.diagnostics(pageUri, none);
    const count = (uri: string) => client.published.get(uri)?.length ?? 0;
    /** Every publish of the lints so far has arrived once a request sent now is answered (the server answers in order). */
    const settled = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pageUri }, position: { line: 0, character: 0 } });
    await settled();
    const utilBefore = count(utilUri);

    // A payment typed into the page: its own publish, nothing for utils/debug.js, whose findings are the same.
    const typed = performance.now();
    await client.change(pageUri, 2, payingScript);
    await client.diagnostics(pageUri, ofRule('api/payment-confirmation'), typed);
    await settled();
    expect(count(utilUri)).toBe(utilBefore);

    // utils/debug.js fixed on disk: it hears an empty list; the unchanged page hears nothing.
    const pageBefore = count(pageUri);
    writeFileSync(join(dir, 'utils/debug.js'), '// nothing private\n');
    const fixed = performance.now();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: utilUri, type: 2 }] });
    expect((await client.diagnostics(utilUri, () => true, fixed)).diagnostics).toEqual([]);
    await settled();
    expect(count(pageUri)).toBe(pageBefore);
    expect(count(utilUri)).toBe(utilBefore + 1);
  });

  it('after changes typed in a row, shows the last content\'s findings', async () => {
    const dir = writeApp(miniApp({ 'pages/index/index.bxml': payTemplate, 'pages/index/index.js': cleanScript }));
    const client = await start(dir);
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, cleanScript);
    await client.diagnostics(uri, none);
    const typed = performance.now();
    // Each arrives while the check of the one before may be running.
    await client.change(uri, 2, `${cleanScript}bn._internalDump();\n`);
    await client.change(uri, 3, cleanScript);
    await client.change(uri, 4, payingScript);
    await client.diagnostics(uri, ofRule('api/payment-confirmation'), typed);
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const last = client.published.get(uri)!.at(-1)!;
    expect(last.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['api/payment-confirmation']);
  });

  it('waits the debounceMs setting after a change before checking', async () => {
    const dir = writeApp(miniApp({ 'pages/index/index.js': cleanScript }));
    const client = await start(dir, undefined, { debounceMs: 600 });
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, cleanScript);
    await client.diagnostics(uri, none);
    const typed = performance.now();
    await client.change(uri, 2, payingScript);
    const found = await client.diagnostics(uri, ofRule('api/payment-confirmation'), typed);
    expect(found.at - typed).toBeGreaterThanOrEqual(600);
  });

  it('links repeats of one problem as related information', async () => {
    const script = "Page({\n  a() { bn.navigateTo({ url: '/pages/vip/index' }); },\n  b() { bn.navigateTo({ url: '/pages/vip/index' }); },\n});\n";
    const dir = writeApp(miniApp({ 'pages/index/index.js': script }));
    const client = await start(dir);
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, script);
    const { diagnostics } = await client.diagnostics(uri, (list) => list.filter((item) => item.code === 'availability/navigation-target').length === 2);
    const [first, second] = diagnostics.filter((item) => item.code === 'availability/navigation-target');
    expect(first.relatedInformation).toEqual([expect.objectContaining({ location: { uri, range: second.range } })]);
    expect(second.relatedInformation).toEqual([expect.objectContaining({ location: { uri, range: first.range } })]);
  });

  it.each([
    ['pages/index/index.js', "Page({\n  go() {\n    bn.navigateTo({ url: '/pages/vip/index' });\n  },\n});\n", '    // bmplint-disable-next-line availability/navigation-target -- <reason>\n'],
    ['pages/index/index.bxml', '<view>\n  <navigator url="/pages/vip/index">VIP</navigator>\n</view>\n', '  <!-- bmplint-disable-next-line availability/navigation-target -- <reason> -->\n'],
  ])('offers to disable a suppressible rule for the line in %s, and the comment it writes works', async (path, text, comment) => {
    const dir = writeApp(miniApp({ [path]: text }));
    const client = await start(dir);
    const uri = uriOf(dir, path);
    await client.open(uri, text, path.endsWith('.js') ? 'javascript' : 'bxml');
    const { diagnostics } = await client.diagnostics(uri, ofRule('availability/navigation-target'));
    const diagnostic = diagnostics.find((item) => item.code === 'availability/navigation-target')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const disable = actions.find((action) => action.title === 'Disable availability/navigation-target for this line (with a reason)');
    expect(disable?.kind).toBe('quickfix');
    const edits = disable!.edit!.changes![uri];
    expect(edits.map((edit) => edit.newText)).toEqual([comment]);
    const since = performance.now();
    await client.change(uri, 2, applyEdits(text, edits));
    await client.diagnostics(uri, none, since);
  });

  it('reports a broken bmplint.config.json on the config file and keeps linting without it', async () => {
    const dir = writeApp(miniApp({ 'bmplint.config.json': '{ "rules": { "api/not-a-rule": "off" } }\n', 'pages/index/index.js': "Page({ go() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n" }));
    const client = await start(dir);
    await client.open(uriOf(dir, 'pages/index/index.js'), "Page({ go() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n");
    const config = await client.diagnostics(uriOf(dir, 'bmplint.config.json'), (list) => list.some((item) => item.code === 'bmplint/config'));
    expect(config.diagnostics[0].message).toContain('api/not-a-rule');
    await client.diagnostics(uriOf(dir, 'pages/index/index.js'), ofRule('availability/navigation-target'));

    // Fixed in the open buffer (not saved): the problem goes, and the config's settings apply.
    const configUri = uriOf(dir, 'bmplint.config.json');
    const since = performance.now();
    await client.open(configUri, '{ "rules": { "availability/navigation-target": "off" } }\n', 'json');
    await client.diagnostics(configUri, none, since);
    await client.diagnostics(uriOf(dir, 'pages/index/index.js'), none, since);
  });

  it('takes in files created on disk; none are reported where the bundle ignores them (ignorePatterns, node_modules)', async () => {
    const dir = writeApp(miniApp({ 'bmplint.config.json': '{ "ignorePatterns": ["mock/**"] }\n' }));
    const client = await start(dir);
    await client.open(uriOf(dir, 'pages/index/index.bxml'), '<view class="page">Hello</view>\n', 'bxml');
    await client.diagnostics(uriOf(dir, 'pages/index/index.bxml'), none);
    const privateCall = 'bn._internalDump();\n';
    for (const path of ['mock/data.js', 'node_modules/lib/index.js', 'utils/debug.js']) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), privateCall);
    }
    const created = performance.now();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: ['mock/data.js', 'node_modules/lib/index.js', 'utils/debug.js'].map((path) => ({ uri: uriOf(dir, path), type: 1 })),
    });
    await client.diagnostics(uriOf(dir, 'utils/debug.js'), ofRule('api/no-private-api'), created);
    expect(client.published.has(uriOf(dir, 'mock/data.js'))).toBe(false);
    expect(client.published.has(uriOf(dir, 'node_modules/lib/index.js'))).toBe(false);

    const deleted = performance.now();
    rmSync(join(dir, 'utils/debug.js'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'utils/debug.js'), type: 3 }] });
    await client.diagnostics(uriOf(dir, 'utils/debug.js'), none, deleted);
  });

  it('reads the config named by the bmplint.configPath setting', async () => {
    const script = "Page({ go() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n";
    const dir = writeApp(miniApp({
      'pages/index/index.js': script,
      // The default config file would report the page; the configured one turns the rule off.
      'bmplint.config.json': '{ "rules": { "availability/navigation-target": "error" } }\n',
      'config/editor.json': '{ "rules": { "availability/navigation-target": "off" } }\n',
    }));
    const client = await start(dir, undefined, { configPath: 'config/editor.json' });
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, script);
    await client.diagnostics(uri, none);
    const switched = performance.now();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bmplint: { configPath: '' } } });
    await client.diagnostics(uri, ofRule('availability/navigation-target'), switched);
  });

  it('checks again when the config path changes, not when only the locale or the quiet time does', async () => {
    const script = "Page({ go() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n";
    const dir = writeApp(miniApp({ 'pages/index/index.js': script, 'config/editor.json': '{ "rules": { "availability/navigation-target": "off" } }\n' }));
    const client = LspClient.start([cliBin, 'lsp', '--stdio'], { BMPLINT_LSP_TIMING: '1' });
    clients.push(client);
    await client.initialize(dir);
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, script);
    await client.diagnostics(uri, ofRule('availability/navigation-target'));
    const checks = () => client.logs.filter((message) => message.startsWith('bmplint timing ')).length;
    const settled = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await settled();
    const before = checks();
    expect(before).toBeGreaterThan(0);
    // The project check's account: the engine's wall and CPU time, the publish, what was sent.
    const timing = JSON.parse(client.logs.filter((message) => message.startsWith('bmplint timing ')).at(-1)!.slice('bmplint timing '.length)) as Record<string, number>;
    expect(timing).toEqual({ lintMs: expect.any(Number), lintCpuMs: expect.any(Number), publishMs: expect.any(Number), sent: expect.any(Number), findings: 1 });
    expect(timing.lintMs).toBeGreaterThan(0);
    expect(timing.lintCpuMs).toBeGreaterThan(0);

    // As VS Code's client does after starting: the settings it gave at initialize, again.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bmplint: { enable: true, configPath: '', locale: 'en', debounceMs: 20 } } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settled();
    expect(checks()).toBe(before);

    const switched = performance.now();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bmplint: { configPath: 'config/editor.json' } } });
    await client.diagnostics(uri, none, switched);
    await settled();
    expect(checks()).toBeGreaterThan(before);
  });

  it('clears every diagnostic when bmplint.enable is turned off, and checks the buffers as they are when it is turned on', async () => {
    const script = "Page({ go() { bn.navigateTo({ url: '/pages/vip/index' }); } });\n";
    const dir = writeApp(miniApp({ 'pages/index/index.js': script }));
    const client = await start(dir);
    const uri = uriOf(dir, 'pages/index/index.js');
    await client.open(uri, script);
    await client.diagnostics(uri, ofRule('availability/navigation-target'));
    const off = performance.now();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bmplint: { enable: false } } });
    await client.diagnostics(uri, none, off);
    // Typed while disabled, seen once enabled again.
    await client.change(uri, 2, `${script}bn._internalDump();\n`);
    const on = performance.now();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bmplint: { enable: true } } });
    await client.diagnostics(uri, (list) => ofRule('availability/navigation-target')(list) && ofRule('api/no-private-api')(list), on);
  });
});

describe('the CLI bundle', () => {
  it('keeps the language server out of what `bmplint check` loads', () => {
    const dist = join(repo, 'packages/cli/dist');
    const entry = readFileSync(join(dist, 'bmplint.mjs'), 'utf8');
    // The protocol library is only in the chunk the lsp command imports on demand.
    expect(entry).not.toContain('vscode-languageserver');
    const lazy = /import\("\.\/(lsp-[A-Z0-9]+\.mjs)"\)/.exec(entry);
    expect(lazy, 'the entry imports the lsp chunk dynamically').not.toBeNull();
    expect(readFileSync(join(dist, lazy![1]), 'utf8')).toContain('vscode-languageserver');
    const staticImports = [...entry.matchAll(/from "\.\/([^"]+\.mjs)";/g)].map((match) => match[1]);
    expect(staticImports.length).toBeGreaterThan(0);
    for (const chunk of staticImports) expect(readFileSync(join(dist, chunk), 'utf8')).not.toContain('vscode-languageserver');
  });
});
