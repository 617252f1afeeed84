/**
 * @bmplint/eslint-plugin: bmplint's rules that check JavaScript and TypeScript, as ESLint rules, so
 * a team's ESLint setup (editor included) shows the same findings as `bmplint check`.
 *
 * The checks are bmplint's own, run by its engine over the whole mini program (flows into other
 * files, the app config, the listing's domains), not over ESLint's tree: so they behave the same
 * under any ESLint parser, and each rule reports the findings that fall in the linted file at the
 * engine's exact range. The project is read and checked once per ESLint run.
 */
import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import type { AnyRule, Severity } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';
import { findingsFor } from './engine-client.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Rules that look at JavaScript (`js` visitors, or a hook that follows the flow through scripts): the ones an ESLint user can be shown. */
function checksScripts(rule: AnyRule): boolean {
  if (rule.meta.checksScripts) return true;
  const stub = { id: rule.meta.id, options: rule.meta.defaultOptions ?? {}, ancestors: [], report() {}, bnApi() {} };
  try {
    return 'js' in rule.create(stub as never);
  } catch {
    return false;
  }
}

const scriptRules = (await loadRules()).filter(checksScripts);
const ruleIds = scriptRules.map((rule) => rule.meta.id);

function eslintRule(rule: AnyRule): Rule.RuleModule {
  const { meta } = rule;
  return {
    meta: {
      type: 'problem',
      docs: { description: `${meta.docs.description} (${meta.clauses.join(', ')})`, url: meta.docs.url },
      messages: meta.messages,
      schema: [],
    },
    create(context) {
      return {
        Program() {
          for (const finding of findingsFor(context.filename, context.sourceCode.text, ruleIds)) {
            if (finding.ruleId !== meta.id || !(finding.messageId in meta.messages)) continue;
            context.report({
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId: finding.messageId,
              data: finding.data,
            });
          }
        },
      };
    },
  };
}

const LEVEL: Record<Severity, Linter.RuleSeverity> = { error: 'error', warning: 'warn', info: 'warn' };

interface BmplintPlugin extends ESLint.Plugin {
  rules: Record<string, Rule.RuleModule>;
  configs: { recommended: Linter.Config };
}

const plugin: BmplintPlugin = {
  meta: { name: '@bmplint/eslint-plugin', version },
  rules: Object.fromEntries(scriptRules.map((rule) => [rule.meta.id, eslintRule(rule)])),
  configs: {} as BmplintPlugin['configs'],
};

/** Every script rule at bmplint's default severity (infos as warnings: ESLint has no info level). */
plugin.configs.recommended = {
  name: '@bmplint/recommended',
  plugins: { bmplint: plugin },
  rules: Object.fromEntries(scriptRules.map((rule) => [`bmplint/${rule.meta.id}`, LEVEL[rule.meta.severity]])),
};

export default plugin;
export const rules: BmplintPlugin['rules'] = plugin.rules;
export const configs: BmplintPlugin['configs'] = plugin.configs;
