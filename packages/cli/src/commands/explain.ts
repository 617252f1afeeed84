/** `bmplint explain <rule-id>`: a rule's docs page in the terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestName, InputError, renderRuleDoc, ruleDocPath, type AnyRule } from '@bmplint/core';

/**
 * The generated page (`docs/rules/<id>.md`, copied into the CLI's dist by the build, or the
 * repository's when run from a checkout); a plugin rule without one is rendered from its meta.
 */
export function explainRule(id: string, rules: readonly AnyRule[]): string {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    const closest = closestName(id, rules.map((candidate) => candidate.meta.id));
    throw new InputError(`there is no rule "${id}"${closest ? `; did you mean ${closest}?` : ''} (bmplint rules lists them)`);
  }
  const page = findDocPage(rule.meta.id) ?? renderRuleDoc(rule, `See ${rule.meta.docs.url ?? 'the rule package'}.`);
  return `${page.replace(/^<!--[^]*?-->\s*/, '').trimEnd()}\n`;
}

function findDocPage(id: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    for (const candidate of [join(dir, ruleDocPath(id)), join(dir, 'dist', ruleDocPath(id))]) {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    }
    dir = dirname(dir);
  }
  return undefined;
}
