// A worker thread that lints memory bundles with the built engine and rules (packages/*/dist), so a
// test can time lint() alone and terminate a run that never ends. Messages in: { id, files, only? }
// (only: a rule id to run alone, or PARSE_FLOOR for parsing with no rule); out: { id, ms, findings }
// or { id, error }.
import { parentPort } from 'node:worker_threads';
import { defineRule, lint, openMemoryBundle } from '../../packages/core/dist/index.js';
import { loadRules } from '../../packages/cli/dist/load-rules.js';

const rules = await loadRules();
/** Listens to every file, so bmplint decodes and parses each one, and checks nothing. */
const parseFloor = defineRule({
  meta: { id: 'bench/parse-floor', clauses: ['6.2'], severity: 'info', suppressible: true, docs: { description: 'parses every file, checks nothing' }, messages: { none: 'none' } },
  create: () => ({ file: { enter() {} } }),
});
parentPort.postMessage({ ready: true, ruleIds: rules.map((rule) => rule.meta.id) });
parentPort.on('message', async ({ id, files, only }) => {
  try {
    const active = only === 'PARSE_FLOOR' ? [parseFloor] : only ? rules.filter((rule) => rule.meta.id === only) : rules;
    const bundle = openMemoryBundle(files);
    const started = performance.now();
    const result = await lint(bundle, { rules: active });
    parentPort.postMessage({ id, ms: performance.now() - started, findings: result.findings.length });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
