#!/usr/bin/env node
/**
 * Latency of the language server on a large project (not a test: run it by hand, after `pnpm run build`).
 *
 *   node bench/lsp-latency.mjs [--pages 1000] [--lines 2000] [--changes 21] [--profile]
 *
 * Generates a mini program of N pages (bench/generate.mjs) whose first page script is padded to
 * `--lines` lines, starts `bmplint lsp --stdio` from the CLI's bundle, and measures over JSON-RPC:
 *   open   didOpen of that script → its first publishDiagnostics (the first look: the file and the
 *          app's configs, by the rules whose findings depend on that file alone), and → the publish
 *          with the project's findings (the project read and checked cold; a payment the script
 *          starts at load, which only the cross-file payment rule reports, marks it);
 *   change didChange (adding, then removing, a private `bn._` call) → the publish that shows it or
 *          clears it; the server waits 150 ms of quiet before linting, reported apart.
 * Then, in this process, where a re-check spends its time: the engine session's lint after one
 * changed file, and with --profile a CPU profile of those lints by area (bench/profile-summary.mjs).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApp, writeApp } from './generate.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, lines: { type: 'string', default: '2000' }, changes: { type: 'string', default: '21' }, profile: { type: 'boolean', default: false } } });
const pages = Number(values.pages);
const targetLines = Number(values.lines);
const changes = Number(values.changes);
const DEBOUNCE_MS = 150;

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

// The project, with its first page script padded to the target length.
const dir = mkdtempSync(join(tmpdir(), 'bmplint-lsp-bench-'));
const files = generateApp({ pages, seed: 1, problems: true });
writeApp(dir, files);
const entry = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')).pages[0];
const scriptPath = `${entry}.js`;
let script = readFileSync(join(dir, scriptPath), 'utf8');
for (let i = 0; script.split('\n').length < targetLines; i++) script += `\nfunction helper${i}(value) {\n  const scaled = value * ${i + 2}\n  return scaled + ${i}\n}\n`;
script += "bn.requestPayment({ orderId: 'bench' });\n";
writeFileSync(join(dir, scriptPath), script);
const fileCount = Object.keys(files).length;
console.log(`project: ${pages} pages, ${fileCount} files; ${scriptPath}: ${script.split('\n').length} lines`);

// --- The server, over stdio -------------------------------------------------------------------

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import(
  pathToFileURL(join(repo, 'packages/language-server/node_modules/vscode-languageserver-protocol/lib/node/main.js')).href
);
const child = spawn(process.execPath, [join(repo, 'packages/cli/bin/bmplint.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const uri = pathToFileURL(join(dir, scriptPath)).href;
let waiting;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && waiting?.accept(params.diagnostics)) waiting.resolve(performance.now());
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const published = (accept) => new Promise((resolve) => (waiting = { accept, resolve }));
const hasPrivate = (diagnostics) => diagnostics.some((item) => item.code === 'api/no-private-api');

const spawned = performance.now();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {} });
await connection.sendNotification('initialized', {});
const initialized = performance.now();
let shown = published(() => true);
const opened = performance.now();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: script } });
const openLatency = (await shown) - opened;
shown = published((diagnostics) => diagnostics.some((item) => item.code === 'api/payment-confirmation'));
const projectLatency = (await shown) - opened;
console.log(`open: first diagnostics ${ms(openLatency)} after didOpen (the first look); the project's ${ms(projectLatency)} (server start to initialized: ${ms(initialized - spawned)})`);

const withProblem = `${script}bn._internalDump()\n`;
const latencies = [];
for (let i = 0; i < changes; i++) {
  const adding = i % 2 === 0;
  shown = published((diagnostics) => hasPrivate(diagnostics) === adding);
  const sent = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: adding ? withProblem : script }] });
  latencies.push((await shown) - sent);
}
const changeMedian = median(latencies);
console.log(`change: re-published after ${ms(changeMedian)} median (min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}, ${changes} changes), of which ${DEBOUNCE_MS} ms is the debounce: ${ms(changeMedian - DEBOUNCE_MS)} of work`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

// --- Where a re-check goes, in this process ---------------------------------------------------

const { openSession } = await import(pathToFileURL(join(repo, 'packages/language-server/dist/session.js')).href);
const { loadRules } = await import(pathToFileURL(join(repo, 'packages/cli/dist/bmplint.mjs')).href);
const rules = await loadRules();
const session = await openSession(dir, { rules });
let started = performance.now();
await session.lint();
const cold = performance.now() - started;
const profiler = values.profile ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const warm = [];
for (let i = 0; i < changes; i++) {
  session.setFile(scriptPath, i % 2 === 0 ? withProblem : script);
  started = performance.now();
  await session.lint();
  warm.push(performance.now() - started);
}
let bytes = 0;
started = performance.now();
for (const [path, content] of Object.entries(files)) {
  const data = path === scriptPath ? Buffer.from(script) : typeof content === 'string' ? Buffer.from(content) : content;
  bytes += data.length;
  createHash('sha1').update(data).digest('hex');
}
const hashing = performance.now() - started;
console.log(`engine in-process: cold lint ${ms(cold)}; lint after one changed file ${ms(median(warm))} median (every file re-walked by every rule, parses reused); hashing all ${(bytes / 1024 / 1024).toFixed(1)} MiB for the parse cache: ${ms(hashing)}`);
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  const path = join(dir, 'relint.cpuprofile');
  writeFileSync(path, JSON.stringify(profile));
  const summary = spawn(process.execPath, [join(repo, 'bench/profile-summary.mjs'), path, '--top', '15'], { stdio: 'inherit' });
  await new Promise((resolve) => summary.on('exit', resolve));
}
rmSync(dir, { recursive: true, force: true });
