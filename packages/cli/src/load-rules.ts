import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError, registerTermTables, type AnyRule, type LoadedConfig } from '@bmplint/core';

/** The rule packages that ship with bmplint, one per area of the Operation Rules. */
const BUILT_IN = [
  '@bmplint/rules-availability',
  '@bmplint/rules-basic-info',
  '@bmplint/rules-webview',
  '@bmplint/rules-api',
  '@bmplint/rules-network',
  '@bmplint/rules-content',
  '@bmplint/rules-privacy',
  '@bmplint/rules-ui',
] as const;

// The built-in rules' term lists, compiled when the CLI is built (scripts/build-term-tables.mjs).
registerTermTables(fileURLToPath(new URL('./term-tables.bin', import.meta.url)));

export async function loadRules(config?: LoadedConfig): Promise<AnyRule[]> {
  const builtIn = await Promise.all(BUILT_IN.map(async (name) => rulesOf(name, await import(name))));
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
