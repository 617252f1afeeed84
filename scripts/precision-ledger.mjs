#!/usr/bin/env node
// The precision ledger (docs/precision.md): runs the built CLI over the real-world corpus, counts
// each rule's findings by severity, picks a deterministic sample of each error rule's distinct
// problems for judging, and joins the verdicts kept in docs/precision/judgments.json.
//
//   node scripts/precision-ledger.mjs --corpus DIR [--sample-out FILE]
//
// DIR is the folder ../shared/corpus/build.sh wrote (one app per folder). --sample-out writes the
// sample with the code around each finding, for a judge; it holds corpus code, so it must be
// written outside the repository. Verdicts are keyed by app and fingerprint: a finding whose
// fingerprint changed (its rule, subject or flagged line changed) is unjudged until judged again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_PER_RULE = 10;
const CONTEXT_LINES = 3;

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpus = option('--corpus');
const sampleOut = option('--sample-out');
if (!corpus) {
  console.error('usage: precision-ledger.mjs --corpus DIR [--sample-out FILE]');
  process.exit(2);
}
if (sampleOut && resolve(sampleOut).startsWith(`${root}/`)) {
  console.error('--sample-out holds corpus code: write it outside the repository');
  process.exit(2);
}

const bin = join(root, 'packages/cli/bin/bmplint.js');
const apps = readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const judgmentsPath = join(root, 'docs/precision/judgments.json');
const judgments = existsSync(judgmentsPath) ? JSON.parse(readFileSync(judgmentsPath, 'utf8')) : {};

/** ruleId → { error, warning, info, groups:Set, apps:Set, problems: Map<key, finding[]> } */
const rules = new Map();
let crashes = 0;
for (const app of apps) {
  let output;
  try {
    output = execFileSync(process.execPath, [bin, 'check', join(corpus, app), '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // Exit 1 means errors were found; anything else is a crash of the run.
    if (error.status !== 1 && error.status !== 3) {
      crashes++;
      console.error(`${app}: exit ${error.status}: ${String(error.stderr).slice(0, 500)}`);
      continue;
    }
    output = error.stdout;
  }
  const report = JSON.parse(output);
  for (const finding of report.findings) {
    let entry = rules.get(finding.ruleId);
    if (!entry) rules.set(finding.ruleId, (entry = { error: 0, warning: 0, info: 0, groups: new Set(), apps: new Set(), problems: new Map() }));
    entry[finding.severity]++;
    entry.apps.add(app);
    entry.groups.add(`${app}:${finding.group}`);
    if (finding.severity !== 'error') continue;
    const key = `${app}:${finding.group}`;
    const list = entry.problems.get(key) ?? [];
    list.push({ app, ...finding });
    entry.problems.set(key, list);
  }
}

const hash = (text) => createHash('sha256').update(text).digest('hex');

/** Up to SAMPLE_PER_RULE distinct problems, spread over apps, in a stable order. */
function sampleOf(entry) {
  const byApp = new Map();
  for (const [key, list] of entry.problems) {
    const first = list[0];
    const items = byApp.get(first.app) ?? [];
    items.push({ key, finding: first, repeats: list.length });
    byApp.set(first.app, items);
  }
  for (const items of byApp.values()) items.sort((a, b) => (hash(a.finding.fingerprint) < hash(b.finding.fingerprint) ? -1 : 1));
  const queues = [...byApp.keys()].sort().map((app) => byApp.get(app));
  const out = [];
  while (out.length < SAMPLE_PER_RULE && queues.some((queue) => queue.length)) {
    for (const queue of queues) if (queue.length && out.length < SAMPLE_PER_RULE) out.push(queue.shift());
  }
  return out;
}

function contextOf(app, finding) {
  try {
    const lines = readFileSync(join(corpus, app, finding.file), 'utf8').split('\n');
    const from = Math.max(0, finding.line - 1 - CONTEXT_LINES);
    return lines.slice(from, finding.line + CONTEXT_LINES).map((text, index) => `${String(from + index + 1).padStart(5)}| ${text.slice(0, 300)}`).join('\n');
  } catch {
    return '';
  }
}

const ruleIds = [...rules.keys()].sort();
const samples = [];
const rows = [];
const details = [];
for (const ruleId of ruleIds) {
  const entry = rules.get(ruleId);
  const sample = entry.error ? sampleOf(entry) : [];
  const verdicts = { right: 0, wrong: 0, debatable: 0, unjudged: 0 };
  for (const item of sample) {
    const judgment = judgments[`${item.finding.app}:${item.finding.fingerprint}`];
    verdicts[judgment?.verdict ?? 'unjudged']++;
    samples.push({ ruleId, app: item.finding.app, fingerprint: item.finding.fingerprint, repeats: item.repeats, file: item.finding.file, line: item.finding.line, message: item.finding.message, confidence: item.finding.confidence, vendor: item.finding.vendor, context: contextOf(item.finding.app, item.finding) });
    details.push({ ruleId, item, judgment });
  }
  const judged = verdicts.right + verdicts.wrong + verdicts.debatable;
  const right = judged ? Math.round((100 * verdicts.right) / judged) : undefined;
  rows.push({ ruleId, entry, sample: sample.length, verdicts, right });
}

if (sampleOut) {
  writeFileSync(sampleOut, `${JSON.stringify(samples, null, 2)}\n`);
  console.log(`wrote ${samples.length} sampled problems to ${sampleOut}`);
}

const totals = rows.reduce((sum, row) => ({ error: sum.error + row.entry.error, warning: sum.warning + row.entry.warning, info: sum.info + row.entry.info }), { error: 0, warning: 0, info: 0 });
const md = [];
md.push('# Precision ledger', '');
md.push('Every rule\'s findings on the 24 real mini programs of `../shared/corpus`, and a judged sample of each error rule\'s distinct problems (one problem = one app + one finding group; repeats are judged once). Verdicts are given against the clause text by a reviewer who did not write the rule, and kept in `docs/precision/judgments.json` (keyed by app and fingerprint).', '');
md.push('Rebuild (after `pnpm install`, with the corpus built by `../shared/corpus/build.sh MIRROR OUT`):', '');
md.push('```sh', 'node scripts/precision-ledger.mjs --corpus OUT --sample-out /tmp/precision-sample.json', '```', '');
md.push(`Totals: ${totals.error} errors, ${totals.warning} warnings, ${totals.info} infos over ${apps.length} apps; ${crashes} crashed runs. "Right" is the share of judged problems a reviewer would reject the app for; the bar for an error rule is 90%.`, '');
md.push('| rule | errors | warnings | infos | distinct problems | apps | judged (right / wrong / debatable) | right |', '|---|---:|---:|---:|---:|---:|---|---:|');
for (const row of rows) {
  const { entry, verdicts } = row;
  const judged = row.sample ? `${verdicts.right} / ${verdicts.wrong} / ${verdicts.debatable}${verdicts.unjudged ? ` (${verdicts.unjudged} unjudged)` : ''}` : '—';
  md.push(`| \`${row.ruleId}\` | ${entry.error} | ${entry.warning} | ${entry.info} | ${entry.groups.size} | ${entry.apps.size} | ${judged} | ${row.right === undefined ? '—' : `${row.right}%`} |`);
}
// Recall and precision on the evaluation sets of the content clauses (scripts/eval-rules.mjs); the
// `-independent` sets were written by someone who had seen neither the rules nor their lists.
const evaluation = execFileSync(process.execPath, [join(root, 'scripts/eval-rules.mjs')], { encoding: 'utf8', maxBuffer: 64 << 20 });
md.push('', '## Evaluation sets (content clauses)', '');
md.push('`rules/content/eval/<clause>[-<set>].jsonl`, run by `node scripts/eval-rules.mjs` (add `--misses` to list what each rule missed). The `-independent` sets were written by a reviewer who had seen neither the rules, their tests nor their term lists, and no rule was tuned on them; the other sets were written by the rules\' author (optimistic). The goal is 90% recall at 95% precision.', '');
md.push('```', evaluation.trimEnd(), '```');
// Recall and precision of the other rules on small-bundle evaluation sets (scripts/eval-bundles.mjs),
// written by someone who had seen neither the rules' code nor their tests.
const bundleEvaluation = execFileSync(process.execPath, [join(root, 'scripts/eval-bundles.mjs')], { encoding: 'utf8', maxBuffer: 64 << 20 });
md.push('', '## Evaluation sets (small bundles, the other rules)', '');
md.push('`rules/<area>/eval/bundles/<rule>.json`, run by `node scripts/eval-bundles.mjs` (add `--misses` to list each miss and false alarm). Each set holds at least 5 bundles the rule should report and 5 near misses it should not, varying what the rule\'s own tests hold constant (where the code lives, how it is spelled, a helper in another file, a component instead of a page, styles instead of markup, a listing instead of a page); written by reviewers who had seen neither the rule\'s code, its tests nor its term lists, and no rule was tuned on them. Every rule runs, as `bmplint check` does; a bundle counts as found when the set\'s rule reports on it at any severity.', '');
md.push('```', bundleEvaluation.trimEnd(), '```');
// What was decided about rules under the bar: kept by hand beside the verdicts.
const notesPath = join(root, 'docs/precision/notes.md');
if (existsSync(notesPath)) md.push('', readFileSync(notesPath, 'utf8').trim());
md.push('', '## Judged problems', '');
let current;
for (const { ruleId, item, judgment } of details) {
  if (ruleId !== current) {
    md.push('', `### \`${ruleId}\``, '');
    current = ruleId;
  }
  const where = `${item.finding.app} \`${item.finding.file}:${item.finding.line}\`${item.repeats > 1 ? ` (×${item.repeats})` : ''}`;
  const verdict = judgment ? `**${judgment.verdict}**: ${judgment.reason}` : '_unjudged_';
  md.push(`- ${where}: ${item.finding.message.replace(/\s+/g, ' ').slice(0, 240)}  `, `  ${verdict}`);
}
writeFileSync(join(root, 'docs/precision.md'), `${md.join('\n')}\n`);
console.log(`wrote docs/precision.md (${rows.length} rules, ${samples.length} sampled problems)`);
