import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_LOCALES, InputError, mergeCatalogs, registerTermTables, type AnyRule, type LoadedConfig, type MessageCatalog } from '@bmplint/core';
import * as api from '@bmplint/rules-api';
import * as availability from '@bmplint/rules-availability';
import * as basicInfo from '@bmplint/rules-basic-info';
import * as content from '@bmplint/rules-content';
import * as network from '@bmplint/rules-network';
import * as privacy from '@bmplint/rules-privacy';
import * as ui from '@bmplint/rules-ui';
import * as webview from '@bmplint/rules-webview';

/**
 * The rule packages that ship with bmplint, one per area of the Operation Rules. Imported
 * statically, so the CLI's bundle holds them (plugins are still imported by name at run time).
 */
const BUILT_IN: Array<[name: string, module: RulePackage]> = [
  ['@bmplint/rules-availability', availability],
  ['@bmplint/rules-basic-info', basicInfo],
  ['@bmplint/rules-webview', webview],
  ['@bmplint/rules-api', api],
  ['@bmplint/rules-network', network],
  ['@bmplint/rules-content', content],
  ['@bmplint/rules-privacy', privacy],
  ['@bmplint/rules-ui', ui],
];

// The built-in rules' term lists, compiled when the CLI is built (scripts/build-term-tables.mjs).
registerTermTables(fileURLToPath(new URL('./term-tables.bin', import.meta.url)));

/** A rule package's module: its rules (`default` or `rules`) and, optionally, its translations. */
interface RulePackage {
  default?: unknown;
  rules?: unknown;
  /** Locale → rule id → message id → template (see @bmplint/core's locale.ts). */
  locales?: MessageCatalog;
}

export interface RuleSet {
  rules: AnyRule[];
  /** Translations of every loaded rule's messages and of the tool's own. */
  catalog: MessageCatalog;
}

export async function loadRules(config?: LoadedConfig): Promise<AnyRule[]> {
  return (await loadRuleSet(config)).rules;
}

export async function loadRuleSet(config?: LoadedConfig): Promise<RuleSet> {
  const packages = [
    ...BUILT_IN,
    ...(await Promise.all((config?.config.plugins ?? []).map(async (name) => [name, await loadPlugin(name, config!.baseDir)] as [string, RulePackage]))),
  ];
  const rules = packages.flatMap(([name, module]) => rulesOf(name, module));
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.meta.id)) throw new InputError(`two rules have the id ${rule.meta.id}`);
    seen.add(rule.meta.id);
  }
  return { rules, catalog: mergeCatalogs(CORE_LOCALES, ...packages.map(([, module]) => module.locales)) };
}

async function loadPlugin(name: string, baseDir: string): Promise<RulePackage> {
  let resolved: string;
  try {
    resolved = createRequire(`${baseDir}/`).resolve(name);
  } catch {
    throw new InputError(`cannot find rule package "${name}" (from ${baseDir})`);
  }
  return (await import(pathToFileURL(resolved).href)) as RulePackage;
}

function rulesOf(name: string, module: RulePackage): AnyRule[] {
  const rules = module.default ?? module.rules;
  if (!Array.isArray(rules) || !rules.every((rule) => rule && typeof rule === 'object' && 'meta' in rule && 'create' in rule)) {
    throw new InputError(`"${name}" does not export an array of rules`);
  }
  return rules as AnyRule[];
}
