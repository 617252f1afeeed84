#!/usr/bin/env node
/**
 * The incremental API in one process: `node bench/incremental.mjs <dir> [edits]`.
 * Opens a session on <dir> with the built-in rules, lints once, then adds a 2,000-line script to a
 * page's folder and, for each of [edits] (default 7) edits of that script, times `setFile` +
 * `lint()`. Prints JSON: the first lint's ms, the edit lints' median (wall and CPU time) and each, and the findings
 * count (checked against a fresh lint of the same files by the tests, not here).
 *
 * With `--page`, the edited file is instead the first page's own script (by app.json), padded to
 * 2,000 lines as `bench/lsp-latency.mjs` pads it, and each edit adds or removes a private
 * `bn._internalDump()` call as that bench's changes do: a page script's edit, whose flow rules
 * re-explore the page's triggers.
 *
 * `--repo <checkout>` runs another (built) checkout's engine, to compare two branches.
 *
 * With `--profile <file.cpuprofile>`, the edit lints (only) are CPU-profiled from the unbundled
 * modules, so `bench/profile-summary.mjs` can name the rules and core modules they spend time in.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profileFile = profileAt >= 0 ? args.splice(profileAt, 2)[1] : undefined;
const pageAt = args.indexOf('--page');
const pageEdits = pageAt >= 0 && args.splice(pageAt, 1).length > 0;
const repoAt = args.indexOf('--repo');
const repo = repoAt >= 0 ? pathToFileURL(`${args.splice(repoAt, 2)[1]}/`) : new URL('..', import.meta.url);
const cli = profileFile
  ? { ...(await import(new URL('packages/cli/dist/index.js', repo).href)), ...(await import(new URL('packages/core/dist/index.js', repo).href)) }
  : await import(new URL('packages/cli/dist/bmplint.mjs', repo).href);
const [dir, editsArg] = args;
const edits = Number(editsArg) || 7;

/** A page-like script of `lines` lines: handlers calling bn APIs, data, strings. */
export function script(lines, variant) {
  const out = [`// variant ${variant}`, 'const helpers = {};'];
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(
      `helpers.load${i} = function (id) {`,
      `  return bn.request({ url: 'https://api.example.com/items/' + id, method: 'GET', data: { page: ${i} } });`,
      '};',
      `helpers.show${i} = function () { bn.showToast({ title: 'Saved ${i}' }); };`,
    );
  }
  out.push('Page({ data: { title: "Items" }, onLoad() { helpers.load0(1); } });');
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** A page script padded to `lines` lines with helper functions, as bench/lsp-latency.mjs pads it. */
function paddedPageScript(text, lines) {
  let out = text;
  for (let i = 0; out.split('\n').length < lines; i++) out += `\nfunction helper${i}(value) {\n  const scaled = value * ${i + 2}\n  return scaled + ${i}\n}\n`;
  return `${out}bn.requestPayment({ orderId: 'bench' });\n`;
}

/** The folder of the first page script (by path): `pages/x`, or inside a subpackage. */
function firstPageFolder(root) {
  const scripts = [];
  const walk = (sub) => {
    for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (/(^|\/)pages\/.*\.js$/.test(path)) scripts.push(path);
    }
  };
  walk('');
  if (!scripts.length) throw new Error(`no page script in ${root}`);
  const first = scripts.sort()[0];
  return first.slice(0, first.lastIndexOf('/'));
}

const rules = await cli.loadRules();
const session = await cli.openSession(dir, { rules });
let started = performance.now();
await session.lint();
const first = performance.now() - started;
/** The edited file and its content for edit i (0: the state before the timed edits). */
let path;
let edit;
if (pageEdits) {
  path = `${JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')).pages[0]}.js`;
  const padded = paddedPageScript(readFileSync(join(dir, path), 'utf8'), 2000);
  edit = (i) => (i % 2 ? `${padded}bn._internalDump()\n` : padded);
} else {
  path = `${firstPageFolder(dir)}/big.js`;
  edit = (i) => script(2000, i);
}
session.setFile(path, edit(0));
await session.lint();
const times = [];
/** CPU time of each edit's lint (user + system): steadier than wall time on a shared machine. */
const cpuTimes = [];
let findings = 0;
const inspector = profileFile ? new Session() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
for (let i = 1; i <= edits; i++) {
  started = performance.now();
  const cpu = process.cpuUsage();
  session.setFile(path, edit(i));
  const result = await session.lint();
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  findings = result.findings.length;
}
if (inspector) writeFileSync(profileFile, JSON.stringify((await inspector.post('Profiler.stop')).profile));
const medianOf = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
process.stdout.write(`${JSON.stringify({ first, median: medianOf(times), cpuMedian: medianOf(cpuTimes), times, findings, file: path, rss: process.memoryUsage().rss })}\n`);
