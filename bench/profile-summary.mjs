#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per area
 * (parser packages, bmplint core, rules, Node internals, GC).
 *
 *   node bench/profile-summary.mjs <file.cpuprofile>… [--top 25]   (several files: their mean)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The area a frame's script belongs to. */
export function areaOf(url, functionName) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return functionName;
    return 'V8 builtins';
  }
  if (url.startsWith('node:')) return 'Node internals';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pnpm) return pnpm[1];
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (plain) return plain[1];
  const relative = path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path;
  const core = /^packages\/core\/dist\/([^/]+)/.exec(relative);
  if (core) return `@bmplint/core ${core[1].replace(/\.js$/, '')}`;
  const rule = /^rules\/([^/]+)\/dist\/([^/]+)/.exec(relative);
  if (rule) return `rules/${rule[1]}/${rule[2].replace(/\.js$/, '')}`;
  if (relative.startsWith('packages/cli/')) return '@bmplint/cli';
  return relative;
}

function shortUrl(url) {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(`${repoRoot}/`, '');
}

/** Self time (ms) per function and per area, and the total sampled time, averaged over one or more profiles. */
export function summarizeProfile(profiles, top = 25) {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const functions = new Map();
  const areas = new Map();
  const inclusive = new Map();
  const packages = new Map();
  let total = 0;
  for (const profile of list) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map();
    const deltas = profile.timeDeltas ?? [];
    profile.samples.forEach((id, index) => {
      const ms = (deltas[index + 1] ?? deltas[index] ?? 0) / 1000 / list.length;
      self.set(id, (self.get(id) ?? 0) + ms);
      total += ms;
    });
    for (const [id, ms] of self) {
      const { callFrame } = byId.get(id);
      const name = callFrame.functionName || '(anonymous)';
      const key = `${name} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
      const area = areaOf(callFrame.url, callFrame.functionName);
      const entry = functions.get(key) ?? { name, where: callFrame.url ? `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}` : '', area, ms: 0 };
      entry.ms += ms;
      functions.set(key, entry);
      areas.set(area, (areas.get(area) ?? 0) + ms);
    }
    for (const [name, ms] of packageTimes(profile, byId, self)) packages.set(name, (packages.get(name) ?? 0) + ms);
    for (const entry of inclusiveTimes(profile, byId, self)) {
      const key = `${entry.name} ${entry.where}`;
      const sum = inclusive.get(key) ?? { ...entry, ms: 0 };
      sum.ms += entry.ms;
      inclusive.set(key, sum);
    }
  }
  return {
    profiles: list.length,
    totalMs: total,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
    inclusive: [...inclusive.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
    packages: [...packages].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
  };
}

/**
 * Time under each rule package: a sample counts for every rules/<area> package with a frame on its
 * stack (including core helpers the rule called); samples under no rule are the engine's, GC apart.
 */
function packageTimes(profile, byId, self) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map();
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(garbage collector)') {
      totals.set('garbage collection (all)', (totals.get('garbage collection (all)') ?? 0) + ms);
      continue;
    }
    if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      const rule = /^rules\/([^/]+)\//.exec(areaOf(frame.url, frame.functionName));
      if (rule) seen.add(`rules/${rule[1]}`);
    }
    if (!seen.size) seen.add('engine, startup and output (no rule on the stack)');
    for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + ms);
  }
  return totals;
}

/** Total (inclusive) time of bmplint's own functions: each sample counts once per function on its stack. */
function inclusiveTimes(profile, byId, self) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = byId.get(at);
      const area = areaOf(callFrame.url, callFrame.functionName);
      if (!/^(@bmplint|rules\/)/.test(area)) continue;
      const key = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = totals.get(key) ?? { name: callFrame.functionName || '(anonymous)', where: `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`, area, ms: 0 };
      entry.ms += ms;
      totals.set(key, entry);
    }
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

export function formatSummary(summary, top = 25) {
  const pct = (ms) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  const lines = [`Sampled ${summary.totalMs.toFixed(0)} ms${summary.profiles > 1 ? ` (mean of ${summary.profiles} profiles)` : ''}.`, '', 'Self time by area:', '', '| area | self ms | share |', '|---|---:|---:|'];
  for (const { area, ms } of summary.areas.slice(0, 15)) lines.push(`| ${area} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', 'Time with each rule package on the stack (a rule\'s calls into core helpers count for the rule):', '', '| where | ms | share |', '|---|---:|---:|');
  for (const { name, ms } of summary.packages) lines.push(`| ${name} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', `Top ${top} functions by self time:`, '', '| function | where | area | self ms | share |', '|---|---|---|---:|---:|');
  for (const fn of summary.functions.slice(0, top)) lines.push(`| ${fn.name.replace(/\|/g, '\\|')} | ${fn.where} | ${fn.area} | ${fn.ms.toFixed(0)} | ${pct(fn.ms)} |`);
  lines.push('', `bmplint's own functions by total (inclusive) time, top ${Math.min(top, 15)}:`, '', '| function | where | total ms | share |', '|---|---|---:|---:|');
  for (const fn of summary.inclusive.slice(0, 15)) lines.push(`| ${fn.name.replace(/\|/g, '\\|')} | ${fn.where} | ${fn.ms.toFixed(0)} | ${pct(fn.ms)} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const files = args.filter((arg, index) => arg !== '--top' && index !== topIndex + 1);
  if (!files.length) {
    process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]\n');
    process.exit(2);
  }
  const summary = summarizeProfile(files.map((file) => JSON.parse(readFileSync(file, 'utf8'))), top);
  process.stdout.write(`${formatSummary(summary, top)}\n`);
}
