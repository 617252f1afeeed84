#!/usr/bin/env node
/**
 * Latency of the language server on a large project (not a test: run it by hand, after `pnpm run build`).
 *
 *   node bench/lsp-latency.mjs [--pages 1000] [--lines 2000] [--changes 21] [--debounce ms]
 *                              [--profile] [--profile-server] [--repo <checkout>] [--server-only]
 *
 * Generates a mini program of N pages (bench/generate.mjs) whose first page script is padded to
 * `--lines` lines, starts `bmplint lsp --stdio` from the CLI's bundle, and measures over JSON-RPC:
 *   open   didOpen of that script → its first publishDiagnostics (the first look: the file and the
 *          app's configs, by the rules whose findings depend on that file alone), and → the publish
 *          with the project's findings (the project read and checked cold; a payment the script
 *          starts at load, which only the cross-file payment rule reports, marks it);
 *   change didChange (adding, then removing, a private `bn._` call) → the publish that shows it or
 *          clears it, end to end; and the server's own account of each (it logs them when
 *          BMPLINT_LSP_TIMING is set): the engine's lint, the publish (diagnostics built and sent
 *          for the files that changed), and the rest (the debounce, if any, document sync,
 *          JSON-RPC both ways). `--debounce` sets the server's `debounceMs` (default: its own, 0).
 * Then, in this process, where a re-check spends its time: the engine session's lint after one
 * changed file, and with --profile a CPU profile of those lints by area (bench/profile-summary.mjs);
 * --profile-server: a CPU profile of the server process during the changes.
 * `--repo` runs the server and engine of another checkout (built), to compare two branches;
 * `--server-only` leaves out the in-process part.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateApp, writeApp } from './generate.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    lines: { type: 'string', default: '2000' },
    changes: { type: 'string', default: '21' },
    debounce: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'profile-server': { type: 'boolean', default: false },
    repo: { type: 'string' },
    'server-only': { type: 'boolean', default: false },
  },
});
const repo = values.repo ?? fileURLToPath(new URL('..', import.meta.url));
const pages = Number(values.pages);
const targetLines = Number(values.lines);
const changes = Number(values.changes);
/** What a server that reports no timings (built before they existed) waits after a change. */
const OLD_DEBOUNCE_MS = 150;

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
const serverProfiles = join(dir, 'server-profile');
const profileArgs = values['profile-server'] ? ['--cpu-prof', `--cpu-prof-dir=${serverProfiles}`] : [];
const child = spawn(process.execPath, [...profileArgs, join(repo, 'packages/cli/bin/bmplint.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, BMPLINT_LSP_TIMING: '1' } });
const childExited = new Promise((resolve) => child.on('exit', resolve));
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const uri = pathToFileURL(join(dir, scriptPath)).href;
let waiting;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && waiting?.accept(params.diagnostics)) waiting.resolve(performance.now());
});
connection.onRequest('client/registerCapability', () => null);
/** The server's timings, in order: { lintMs, lintCpuMs (servers that report it), publishMs, sent, findings }. */
const timings = [];
let timingWaiter;
connection.onNotification('window/logMessage', ({ message }) => {
  if (!message.startsWith('bmplint timing ')) return;
  timings.push({ ...JSON.parse(message.slice('bmplint timing '.length)), at: performance.now() });
  timingWaiter?.();
});
/** The server's timing of the first lint to end after `time` (it follows that lint's publishes; undefined from a server that reports none). */
const timingAfter = (time) =>
  new Promise((resolve) => {
    const check = () => {
      const timing = timings.find((entry) => entry.at >= time);
      if (timing) resolve(timing);
    };
    timingWaiter = check;
    check();
    setTimeout(() => resolve(undefined), 2_000).unref();
  });
connection.listen();
const published = (accept) => new Promise((resolve) => (waiting = { accept, resolve }));
const hasPrivate = (diagnostics) => diagnostics.some((item) => item.code === 'api/no-private-api');

const spawned = performance.now();
const initializationOptions = values.debounce === undefined ? {} : { debounceMs: Number(values.debounce) };
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {}, initializationOptions });
await connection.sendNotification('initialized', {});
const initialized = performance.now();
let shown = published(() => true);
const opened = performance.now();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: script } });
const openLatency = (await shown) - opened;
shown = published((diagnostics) => diagnostics.some((item) => item.code === 'api/payment-confirmation'));
const projectLatency = (await shown) - opened;
console.log(`open: first diagnostics ${ms(openLatency)} after didOpen (the first look); the project's ${ms(projectLatency)} (server start to initialized: ${ms(initialized - spawned)})`);

const reportsTimings = (await timingAfter(opened)) !== undefined;
const withProblem = `${script}bn._internalDump()\n`;
const latencies = [];
const changeTimings = [];
const changesStarted = performance.now();
for (let i = 0; i < changes; i++) {
  const adding = i % 2 === 0;
  shown = published((diagnostics) => hasPrivate(diagnostics) === adding);
  const sent = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: adding ? withProblem : script }] });
  const at = await shown;
  latencies.push(at - sent);
  changeTimings.push(reportsTimings ? await timingAfter(at) : undefined);
}
const changeMedian = median(latencies);
console.log(`change → publish, end to end: ${ms(changeMedian)} median (min ${ms(Math.min(...latencies))}, max ${ms(Math.max(...latencies))}, ${changes} changes)`);
if (changeTimings.every(Boolean)) {
  const lint = median(changeTimings.map((timing) => timing.lintMs));
  const lintCpu = changeTimings.every((timing) => timing.lintCpuMs !== undefined) ? median(changeTimings.map((timing) => timing.lintCpuMs)) : undefined;
  const publish = median(changeTimings.map((timing) => timing.publishMs));
  const sentUris = median(changeTimings.map((timing) => timing.sent));
  const rest = median(latencies.map((latency, i) => latency - changeTimings[i].lintMs - changeTimings[i].publishMs));
  const debounce = values.debounce === undefined ? 0 : Number(values.debounce);
  console.log(`  the server's work: engine lint ${ms(lint)}${lintCpu === undefined ? '' : ` (CPU ${ms(lintCpu)})`} + publish ${ms(publish)} (${sentUris} URIs sent of ${changeTimings[0].findings} findings) median; the rest ${ms(rest)} (debounce ${debounce} ms, document sync, JSON-RPC both ways)`);
} else {
  console.log(`  (the server reports no timings: it waits ${OLD_DEBOUNCE_MS} ms of quiet, so ${ms(changeMedian - OLD_DEBOUNCE_MS)} of work)`);
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await childExited;
if (values['profile-server']) {
  // The server's profile of the change phase only (the cold check before it would drown it).
  const { summarizeProfile, formatSummary } = await import('./profile-summary.mjs');
  const [name] = readdirSync(serverProfiles);
  const profile = lastMs(JSON.parse(readFileSync(join(serverProfiles, name), 'utf8')), performance.now() - changesStarted);
  const kept = join(tmpdir(), 'bmplint-lsp-changes.cpuprofile');
  writeFileSync(kept, JSON.stringify(profile));
  console.log(`\nserver CPU profile of the ${changes} changes (${kept}):\n${formatSummary(summarizeProfile(profile, 20), 20)}\n`);
}

// --- Where a re-check goes, in this process ---------------------------------------------------

if (values['server-only']) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

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
// What a change costs in hashing: the session keeps each file's hash until `setFile` replaces it,
// so a re-check hashes the changed document alone.
started = performance.now();
createHash('sha1').update(Buffer.from(withProblem)).digest('hex');
const changedHashing = performance.now() - started;
console.log(`engine in-process: cold lint ${ms(cold)}; lint after one changed file ${ms(median(warm))} median (the engine session alone, as the server runs it); hashing for the parse cache: the changed document ${changedHashing.toFixed(1)} ms per change (all ${(bytes / 1024 / 1024).toFixed(1)} MiB, once at the cold lint: ${ms(hashing)})`);
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  const path = join(dir, 'relint.cpuprofile');
  writeFileSync(path, JSON.stringify(profile));
  const summary = spawn(process.execPath, [join(repo, 'bench/profile-summary.mjs'), path, '--top', '15'], { stdio: 'inherit' });
  await new Promise((resolve) => summary.on('exit', resolve));
}
rmSync(dir, { recursive: true, force: true });

/** The profile's samples of its last `windowMs` (the process's clock and ours differ; its end is our exit). */
function lastMs(profile, windowMs) {
  let at = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (at += delta));
  const from = profile.endTime - windowMs * 1000;
  const keep = times.map((time) => time >= from);
  return { ...profile, samples: profile.samples.filter((_, i) => keep[i]), timeDeltas: profile.timeDeltas.filter((_, i) => keep[i]) };
}
