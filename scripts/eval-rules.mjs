#!/usr/bin/env node
/**
 * Runs the built-in rules over the evaluation sets of the content clauses
 * (rules/content/eval/<clause>.jsonl and <clause>-<set>.jsonl: one `{"text", "positive", "lang"}` a line, written apart from the
 * rules' tests) and prints recall and precision per clause and per rule that cites the clause.
 *
 * Each text is the page text of its own page in one in-memory app (`<view><text>…</text></view>`).
 * A text counts as found for a clause when any rule citing the clause reports on its page; rules of
 * other clauses that report on the texts are listed apart, for information.
 * Run after `pnpm run build`: `node scripts/eval-rules.mjs [--misses]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { lint, loadRules } = await import(pathToFileURL(`${root}packages/cli/dist/bmplint.mjs`).href);
const { openMemoryBundle } = await import(pathToFileURL(`${root}packages/core/dist/index.js`).href);
const showMisses = process.argv.includes('--misses');

const evalDir = `${root}rules/content/eval/`;
const rules = await loadRules();
/** The rules that read page text: every rule of the content and UI areas. */
const contentRules = rules.filter((rule) => /^(content|ui)\//.test(rule.meta.id));
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

for (const name of readdirSync(evalDir).filter((file) => file.endsWith('.jsonl')).sort()) {
  // `4.4.jsonl`, or a further set of the same clause: `4.4-holdout.jsonl`.
  const set = name.replace(/\.jsonl$/, '');
  const clause = set.split('-')[0];
  const items = readFileSync(evalDir + name, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const citing = contentRules.filter((rule) => rule.meta.clauses.includes(clause));
  const pages = items.map((_, index) => `pages/p${index}/index`);
  const files = {
    'app.json': JSON.stringify({ pages }),
    'app.js': 'App({});\n',
  };
  items.forEach((item, index) => {
    files[`${pages[index]}.bxml`] = `<view>\n  <text>${escape(item.text)}</text>\n</view>\n`;
    files[`${pages[index]}.js`] = 'Page({});\n';
    files[`${pages[index]}.json`] = '{}\n';
  });
  const result = await lint(openMemoryBundle(files), { rules: contentRules });
  /** rule id → set of item indexes it reported on */
  const hits = new Map(citing.map((rule) => [rule.meta.id, new Set()]));
  /** Rules of other clauses that also report on these texts (shown apart, not counted for the clause). */
  const others = new Map();
  for (const finding of result.findings) {
    const match = /^pages\/p(\d+)\/index\.bxml$/.exec(finding.file);
    if (!match) continue;
    const target = hits.has(finding.ruleId) ? hits : others;
    if (!target.has(finding.ruleId)) target.set(finding.ruleId, new Set());
    target.get(finding.ruleId).add(Number(match[1]));
  }
  const any = new Set([...hits.values()].flatMap((set) => [...set]));
  const row = (label, found, subset = items.map((_, index) => index)) => {
    const positives = subset.filter((index) => items[index].positive);
    const tp = positives.filter((index) => found.has(index)).length;
    const fp = subset.filter((index) => !items[index].positive && found.has(index)).length;
    return `${label.padEnd(34)} recall ${pct(tp, positives.length).padStart(6)} (${tp}/${positives.length})  precision ${pct(tp, tp + fp).padStart(6)} (${tp}/${tp + fp})`;
  };
  const byLang = (lang) => items.map((_, index) => index).filter((index) => items[index].lang === lang);
  console.log(`clause ${clause} (${name}): ${items.filter((item) => item.positive).length} positive, ${items.filter((item) => !item.positive).length} near-miss negative texts`);
  console.log(`  ${row('all rules citing it', any)}`);
  for (const lang of ['en', 'zh']) console.log(`  ${row(`  ${lang}`, any, byLang(lang))}`);
  for (const [id, found] of hits) console.log(`  ${row(id, found)}`);
  for (const [id, found] of others) console.log(`  ${row(`(other clauses) ${id}`, found)}`);
  if (showMisses) {
    for (const [index, item] of items.entries()) {
      if (item.positive !== any.has(index)) console.log(`    ${item.positive ? 'missed' : 'false positive'}: ${item.text}`);
    }
  }
}
