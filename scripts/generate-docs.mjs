#!/usr/bin/env node
// Writes docs/rules/<id>.md and docs/rules/README.md from each rule's meta and README.md.
// Runs on the built packages (`pnpm build` first; `pnpm docs` does both).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDoc, renderRuleIndex, ruleDocPath, ruleFolder } from '../packages/core/dist/index.js';
import { loadRules } from '../packages/cli/dist/load-rules.js';
import { portalRules } from '../rules/store/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The linter's rules and the checks the portal runs with the store.
const rules = [...(await loadRules()), ...portalRules];
for (const rule of rules) {
  const body = readFileSync(join(root, ruleFolder(rule.meta.id), 'README.md'), 'utf8');
  const target = join(root, ruleDocPath(rule.meta.id));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, renderRuleDoc(rule, body));
}
writeFileSync(join(root, 'docs/rules/README.md'), renderRuleIndex(rules));
console.log(`wrote ${rules.length} rule pages and docs/rules/README.md`);
