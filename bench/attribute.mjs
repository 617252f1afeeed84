#!/usr/bin/env node
/**
 * Attributes lint() time on one bundle to the engine and to each rule package, in one process
 * (modules loaded and warmed first; each number is the best of `--runs`, default 2):
 *
 *   node bench/attribute.mjs <dir> [--runs 2] [--json]
 *
 * - engine floor: a rule that listens to every file and checks nothing, so each file is decoded,
 *   parsed and line-indexed (no walk, no analysis);
 * - each rule package alone, and each of its rules alone when --rules is given;
 * - all rules (what `bmplint check` runs).
 * Needs the build (packages/ and rules/ dist).
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const core = await import(pathToFileURL(join(ROOT, 'packages/core/dist/index.js')).href);
const { loadRules } = await import(pathToFileURL(join(ROOT, 'packages/cli/dist/load-rules.js')).href);

const parseFloor = core.defineRule({
  meta: { id: 'bench/parse-floor', clauses: ['6.2'], severity: 'info', suppressible: true, docs: { description: 'parses every file, checks nothing' }, messages: { none: 'none' } },
  create: () => ({ file: { enter() {} } }),
});

export async function attribute(dir, { runs = 2, perRule = false } = {}) {
  const rules = await loadRules();
  const packages = [];
  for (const name of readdirSync(join(ROOT, 'rules'))) {
    const entry = join(ROOT, 'rules', name, 'dist/index.js');
    if (!existsSync(entry)) continue;
    const ids = new Set(((await import(pathToFileURL(entry).href)).default ?? []).map((rule) => rule.meta.id));
    packages.push({ name: `rules/${name}`, rules: rules.filter((rule) => ids.has(rule.meta.id)) });
  }
  const time = async (active) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await core.lint(dir, { rules: active });
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  await time(rules); // warm up: JIT, lazily built term lists, file cache
  const rows = [];
  const floor = await time([parseFloor]);
  rows.push({ what: 'engine floor (decode + parse + line index, no rule)', ms: floor });
  for (const pkg of packages) {
    if (!pkg.rules.length) continue;
    rows.push({ what: `${pkg.name} alone (${pkg.rules.length} rules)`, ms: await time(pkg.rules) });
    if (perRule) for (const rule of pkg.rules) rows.push({ what: `  ${rule.meta.id}`, ms: await time([rule]) });
  }
  rows.push({ what: `all ${rules.length} rules`, ms: await time(rules) });
  return { floor, rows };
}

export function formatAttribution({ floor, rows }) {
  // A package that reads only some file kinds parses fewer files than the floor: a negative difference.
  const lines = ['| lint() with | ms | against the engine floor |', '|---|---:|---:|'];
  const signed = (delta) => `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(0)}`;
  for (const row of rows) lines.push(`| ${row.what} | ${row.ms.toFixed(0)} | ${row.ms === floor ? '–' : signed(row.ms - floor)} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--runs');
  if (!dir) {
    process.stderr.write('usage: node bench/attribute.mjs <dir> [--runs 2] [--rules] [--json]\n');
    process.exit(2);
  }
  const runsIndex = args.indexOf('--runs');
  const result = await attribute(dir, { runs: runsIndex >= 0 ? Number(args[runsIndex + 1]) : 2, perRule: args.includes('--rules') });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${formatAttribution(result)}\n`);
}
