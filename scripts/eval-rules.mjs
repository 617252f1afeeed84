#!/usr/bin/env node
/**
 * Runs the built-in rules over the evaluation sets of the content clauses
 * (rules/content/eval/<clause>.jsonl and <clause>-<set>.jsonl: one `{"text", "positive", "lang"}` a line, written apart from the
 * rules' tests) and prints recall and precision per clause and per rule that cites the clause.
 *
 * Each text is the page text of its own page in one in-memory app (`<view><text>…</text></view>`).
 * A text counts as found for a clause when any rule citing the clause reports on its page; rules of
 * other clauses that report on the texts are listed apart, for information.
 * A line may say where the text goes: `"where": "page"` (the default, as above), `"listing-name"` or
 * `"listing-description"`: then the text is that field of the listing (`listing.json`, the other field
 * neutral) of its own one-page bundle, run with the rules of the basic-info, content and ui areas, and it
 * counts as found when a rule citing the clause reports in `listing.json`.
 * At the end, one table row per `<clause>-independent` set: recall and precision overall and per rule.
 * Run after `pnpm run build`: `node scripts/eval-rules.mjs [--misses] [--only=<set suffix>]`; `--only=dev` runs
 * only the `<clause>-dev` sets (and never reads the others), so misses can be listed without seeing a held-out set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { lint, loadRules } = await import(pathToFileURL(`${root}packages/cli/dist/bmplint.mjs`).href);
const { openMemoryBundle } = await import(pathToFileURL(`${root}packages/core/dist/index.js`).href);
const showMisses = process.argv.includes('--misses');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const evalDir = `${root}rules/content/eval/`;
const rules = await loadRules();
/** The rules that read page text: every rule of the content and UI areas. */
const contentRules = rules.filter((rule) => /^(content|ui)\//.test(rule.meta.id));
/** The rules that read the listing: the basic-info, content and UI areas. */
const listingRules = rules.filter((rule) => /^(basic-info|content|ui)\//.test(rule.meta.id));
const NEUTRAL = { name: 'Inkwell Notes', description: 'Write, organise and search your daily notes.' };
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A 256×256 PNG logo (a two-colour gradient), so the listing has a decodable logo. */
const LOGO = (() => {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const size = 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set([x, 120, y], y * (size * 3 + 1) + 1 + x * 3);
  }
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
})();
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

/** The `<clause>-independent` sets, for the table at the end. */
const summary = [];
const setFiles = readdirSync(evalDir).filter((file) => file.endsWith('.jsonl') && (!only || file.endsWith(`-${only}.jsonl`)));
for (const name of setFiles.sort()) {
  // `4.4.jsonl`, or a further set of the same clause: `4.4-holdout.jsonl`.
  const set = name.replace(/\.jsonl$/, '');
  const clause = set.split('-')[0];
  const items = readFileSync(evalDir + name, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const where = (item) => item.where ?? 'page';
  // The rules run on the set: the page rules, and the listing rules when a text goes in the listing.
  const pool = items.some((item) => where(item) !== 'page') ? [...new Set([...contentRules, ...listingRules])] : contentRules;
  // A set of `3.1` counts the rules citing 3.1 or any of its sub-clauses (3.1.1 … 3.1.5).
  const cites = (rule) => rule.meta.clauses.some((cited) => cited === clause || cited.startsWith(`${clause}.`));
  const citing = pool.filter(cites);
  /** rule id → set of item indexes it reported on */
  const hits = new Map(citing.map((rule) => [rule.meta.id, new Set()]));
  /** Rules of other clauses that also report on these texts (shown apart, not counted for the clause). */
  const others = new Map();
  const record = (ruleId, index) => {
    const target = hits.has(ruleId) ? hits : others;
    if (!target.has(ruleId)) target.set(ruleId, new Set());
    target.get(ruleId).add(index);
  };
  const pageItems = items.map((item, index) => index).filter((index) => where(items[index]) === 'page');
  if (pageItems.length) {
    const pages = pageItems.map((index) => `pages/p${index}/index`);
    const files = {
      'app.json': JSON.stringify({ pages }),
      'app.js': 'App({});\n',
    };
    pageItems.forEach((index, n) => {
      files[`${pages[n]}.bxml`] = `<view>\n  <text>${escape(items[index].text)}</text>\n</view>\n`;
      files[`${pages[n]}.js`] = 'Page({});\n';
      files[`${pages[n]}.json`] = '{}\n';
    });
    const result = await lint(openMemoryBundle(files), { rules: contentRules });
    for (const finding of result.findings) {
      const match = /^pages\/p(\d+)\/index\.bxml$/.exec(finding.file);
      if (match) record(finding.ruleId, Number(match[1]));
    }
  }
  for (const [index, item] of items.entries()) {
    const field = where(item);
    if (field === 'page') continue;
    if (field !== 'listing-name' && field !== 'listing-description') throw new Error(`${name}: unknown where "${field}"`);
    const listing = {
      appId: 'Hx7tKqR3vNx9PmZ2cH4aYe',
      name: field === 'listing-name' ? item.text : NEUTRAL.name,
      description: field === 'listing-description' ? item.text : NEUTRAL.description,
      logo: 'logo.png',
      category: 'Tools',
      tags: ['tools'],
      serviceDomains: [],
      businessDomains: [],
    };
    const files = {
      'listing.json': JSON.stringify(listing, null, 2),
      'logo.png': LOGO,
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.js': 'App({});\n',
      'pages/index/index.bxml': '<view>\n  <text>My notes</text>\n</view>\n',
      'pages/index/index.js': 'Page({});\n',
      'pages/index/index.json': '{}\n',
    };
    const result = await lint(openMemoryBundle(files), { rules: listingRules });
    for (const finding of result.findings) if (finding.file === 'listing.json') record(finding.ruleId, index);
  }
  const any = new Set([...hits.values()].flatMap((set) => [...set]));
  if (set.endsWith('-independent')) summary.push({ clause, items, any, hits });
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
      if (item.positive !== any.has(index)) {
        const place = where(item) === 'page' ? '' : ` [${where(item)}]`;
        console.log(`    ${item.positive ? 'missed' : 'false positive'}${place}: ${item.text}`);
      }
    }
  }
}

if (summary.length) {
  const counts = (items, found) => {
    const positives = items.filter((item) => item.positive).length;
    const tp = items.filter((item, index) => item.positive && found.has(index)).length;
    const fp = items.filter((item, index) => !item.positive && found.has(index)).length;
    return { recall: `${pct(tp, positives)} (${tp}/${positives})`, precision: `${pct(tp, tp + fp)} (${tp}/${tp + fp})` };
  };
  console.log('\nindependent sets');
  console.log(`${'clause'.padEnd(8)} ${'rule'.padEnd(44)} ${'recall'.padEnd(16)} precision`);
  for (const { clause, items, any, hits } of summary) {
    const all = counts(items, any);
    console.log(`${clause.padEnd(8)} ${'(all rules citing it)'.padEnd(44)} ${all.recall.padEnd(16)} ${all.precision}`);
    for (const [id, found] of hits) {
      const one = counts(items, found);
      console.log(`${''.padEnd(8)} ${id.padEnd(44)} ${one.recall.padEnd(16)} ${one.precision}`);
    }
  }
}
