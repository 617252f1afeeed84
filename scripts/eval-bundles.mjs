#!/usr/bin/env node
/**
 * Runs the built-in rules over the small-bundle evaluation sets of the rules that read code, configs
 * and images (`rules/<area>/eval/bundles/<rule-name>.json`, written apart from the rules' tests by
 * someone who saw neither the rules' code, their tests nor their term lists) and prints recall and
 * precision per rule and per clause.
 *
 * A set file: `{ "rule": "<area>/<name>", "author": "…", "cases": [case, …] }`. A case:
 * - `name`, `expect` (`"positive"`: the rule should report; `"negative"`: a near miss it should not),
 *   `varies` (what this case changes against the rule's usual example);
 * - `files`: bundle path → text, or `{ "png": { "width", "height", "color": "#rrggbb" } }` for a
 *   solid PNG, or `{ "base64": "…" }` for other bytes;
 * - `base`: `"app"` (default: a one-page app — app.json, app.js and pages/index/index.{js,bxml,json,bxss}
 *   — under the case's files) or `"none"` (only the case's files);
 * - `listing`: fields merged over a neutral listing.json (name, description, a 256 px logo, no
 *   domains), or `null` for no listing; `config`: a bmplint.config.json object.
 * Every rule runs, as `bmplint check` does (so overlapping rules defer as they would); a case counts
 * as found when the set's rule reports anything on it, at any severity (errors are counted apart).
 *
 * Run after `pnpm run build`: `node scripts/eval-bundles.mjs [--misses] [--json]`. `--check` (for the
 * sets' writers, who must not see how the rules do) only reports cases whose files do not parse or
 * whose bundle is refused, and prints no results.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { lint, loadRules } = await import(pathToFileURL(`${root}packages/cli/dist/bmplint.mjs`).href);
const { openMemoryBundle } = await import(pathToFileURL(`${root}packages/core/dist/index.js`).href);
const { encodePng, rgba } = await import(pathToFileURL(`${root}packages/core/dist/testing/png.js`).href);
const showMisses = process.argv.includes('--misses');
const asJson = process.argv.includes('--json');
const checkOnly = process.argv.includes('--check');

const BASE_APP = {
  'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index'], window: { navigationBarTitleText: 'Inkwell Notes' } }, null, 2),
  'app.js': 'App({});\n',
  'pages/index/index.js': 'Page({ data: {} });\n',
  'pages/index/index.bxml': '<view class="page">My notes</view>\n',
  'pages/index/index.json': '{}\n',
  'pages/index/index.bxss': '.page { padding: 24rpx; }\n',
};
const NEUTRAL_LISTING = {
  appId: 'Hx7tKqR3vNx9PmZ2cH4aYe',
  name: 'Inkwell Notes',
  description: 'Write, organise and search your daily notes.',
  logo: 'logo.png',
  category: 'Tools',
  tags: ['tools'],
  serviceDomains: [],
  businessDomains: [],
};
/** A 256×256 two-colour logo that no logo rule objects to. */
const NEUTRAL_LOGO = encodePng(256, 256, (x, y) => rgba(((x >> 5) + (y >> 5)) % 2 ? '#2f6fdf' : '#f4f6fa'));

/** Every set file, as `{ path, set }`. */
export function evaluationSets() {
  const sets = [];
  for (const area of readdirSync(join(root, 'rules'))) {
    const dir = join(root, 'rules', area, 'eval', 'bundles');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      const path = join(dir, name);
      sets.push({ path: path.slice(root.length), set: JSON.parse(readFileSync(path, 'utf8')) });
    }
  }
  return sets;
}

function bytesOf(content, where) {
  if (typeof content === 'string') return content;
  if (content && typeof content === 'object' && content.png) {
    const { width, height, color } = content.png;
    return encodePng(width, height, () => rgba(color ?? '#2f6fdf'));
  }
  if (content && typeof content === 'object' && typeof content.base64 === 'string') return Buffer.from(content.base64, 'base64');
  throw new Error(`${where}: a file is text, { png: { width, height, color } } or { base64 }`);
}

/** The bundle of one case. */
function filesOf(testCase, where) {
  const files = testCase.base === 'none' ? {} : { ...BASE_APP };
  if (testCase.listing !== null) {
    files['listing.json'] = JSON.stringify({ ...NEUTRAL_LISTING, ...testCase.listing }, null, 2);
    files['logo.png'] = NEUTRAL_LOGO;
  }
  if (testCase.config) files['bmplint.config.json'] = JSON.stringify(testCase.config);
  for (const [path, content] of Object.entries(testCase.files ?? {})) files[path] = bytesOf(content, `${where} ${path}`);
  return files;
}

const rules = await loadRules();
const known = new Map(rules.map((rule) => [rule.meta.id, rule]));
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const perRule = [];
const misses = [];

for (const { path, set } of evaluationSets()) {
  const rule = known.get(set.rule);
  if (!rule) throw new Error(`${path}: no rule ${set.rule}`);
  const counts = { positives: 0, negatives: 0, tp: 0, fp: 0, tpErrors: 0, fpErrors: 0 };
  for (const testCase of set.cases) {
    const where = `${path} "${testCase.name}"`;
    const files = filesOf(testCase, where);
    const config = testCase.config;
    if (checkOnly) {
      // Only syntax-error runs here, so a case's settings for other rules are left out (the config would name unknown rules).
      const checkConfig = config ? Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'rules')) : undefined;
      const parsed = await lint(openMemoryBundle(files), { rules: rules.filter((candidate) => candidate.meta.id === 'availability/syntax-error'), ...(checkConfig ? { config: checkConfig } : {}) });
      for (const problem of parsed.findings.filter((finding) => finding.ruleId === 'availability/syntax-error' || finding.ruleId.startsWith('bmplint/'))) {
        console.log(`${where}: ${problem.file}:${problem.line}: ${problem.message}`);
      }
      continue;
    }
    const result = await lint(openMemoryBundle(files), { rules, ...(config ? { config } : {}) });
    const own = result.findings.filter((finding) => finding.ruleId === set.rule);
    const found = own.length > 0;
    const asError = own.some((finding) => finding.severity === 'error');
    if (testCase.expect === 'positive') {
      counts.positives++;
      if (found) counts.tp++;
      if (asError) counts.tpErrors++;
      if (!found) misses.push({ rule: set.rule, kind: 'missed', name: testCase.name, varies: testCase.varies });
    } else {
      counts.negatives++;
      if (found) counts.fp++;
      if (asError) counts.fpErrors++;
      if (found) misses.push({ rule: set.rule, kind: 'false alarm', name: testCase.name, varies: testCase.varies, message: own[0].message });
    }
  }
  perRule.push({ rule: set.rule, clauses: rule.meta.clauses, severity: rule.meta.severity, path, author: set.author, ...counts });
}

if (checkOnly) {
  console.log('checked the sets\' files (no results are shown in --check mode)');
} else if (asJson) {
  process.stdout.write(`${JSON.stringify({ rules: perRule, misses }, null, 2)}\n`);
} else {
  const lines = [];
  const row = (label, c) =>
    `${label.padEnd(40)} ${String(c.positives).padStart(3)} pos ${String(c.negatives).padStart(3)} neg  recall ${pct(c.tp, c.positives).padStart(6)} (${c.tp}/${c.positives}, ${c.tpErrors} as errors)  precision ${pct(c.tp, c.tp + c.fp).padStart(6)} (${c.fp} false alarms, ${c.fpErrors} as errors)`;
  lines.push('Per rule:');
  for (const entry of perRule) lines.push(row(entry.rule, entry));
  const byClause = new Map();
  for (const entry of perRule) {
    for (const clause of entry.clauses) {
      const sum = byClause.get(clause) ?? { positives: 0, negatives: 0, tp: 0, fp: 0, tpErrors: 0, fpErrors: 0 };
      for (const key of Object.keys(sum)) sum[key] += entry[key];
      byClause.set(clause, sum);
    }
  }
  lines.push('', 'Per clause (the rules citing it, summed):');
  for (const [clause, sum] of [...byClause].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) lines.push(row(clause, sum));
  const total = perRule.reduce((sum, entry) => {
    for (const key of Object.keys(sum)) sum[key] += entry[key];
    return sum;
  }, { positives: 0, negatives: 0, tp: 0, fp: 0, tpErrors: 0, fpErrors: 0 });
  lines.push('', row('all sets', total));
  if (showMisses) {
    lines.push('', 'Misses and false alarms:');
    for (const miss of misses) lines.push(`  ${miss.rule} ${miss.kind}: ${miss.name} (${miss.varies})${miss.message ? ` — ${miss.message}` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
