import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, registerTermTables, type AnyRule, type LoadedConfig } from '@bmplint/core';
import api from '@bmplint/rules-api';
import availability from '@bmplint/rules-availability';
import basicInfo from '@bmplint/rules-basic-info';
import content from '@bmplint/rules-content';
import network from '@bmplint/rules-network';
import privacy from '@bmplint/rules-privacy';
import ui from '@bmplint/rules-ui';
import webview from '@bmplint/rules-webview';

/**
 * The rule packages that ship with bmplint, one per area of the Operation Rules. Imported
 * statically, so the CLI's bundle holds them (plugins are still imported by name at run time).
 */
const BUILT_IN: Array<[name: string, rules: unknown]> = [
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

export async function loadRules(config?: LoadedConfig): Promise<AnyRule[]> {
  const builtIn = BUILT_IN.map(([name, rules]) => rulesOf(name, { default: rules }));
  const plugins = await Promise.all((config?.config.plugins ?? []).map((name) => loadPlugin(name, config!.baseDir)));
  const rules = [...builtIn.flat(), ...plugins.flat()];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.meta.id)) throw new InputError(`two rules have the id ${rule.meta.id}`);
    seen.add(rule.meta.id);
  }
  return rules;
}

async function loadPlugin(name: string, baseDir: string): Promise<AnyRule[]> {
  let resolved: string;
  try {
    resolved = createRequire(`${baseDir}/`).resolve(name);
  } catch {
    throw new InputError(`cannot find rule package "${name}" (from ${baseDir})`);
  }
  return rulesOf(name, await import(pathToFileURL(resolved).href));
}

function rulesOf(name: string, module: { default?: unknown; rules?: unknown }): AnyRule[] {
  const rules = module.default ?? module.rules;
  if (!Array.isArray(rules) || !rules.every((rule) => rule && typeof rule === 'object' && 'meta' in rule && 'create' in rule)) {
    throw new InputError(`"${name}" does not export an array of rules`);
  }
  return rules as AnyRule[];
}
