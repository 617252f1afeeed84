/** The language server as the extension ships it: one bundle with the engine and the built-in rules. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';
import { serializeTermTables } from '@bmplint/core';
import { startStdioServer } from '@bmplint/language-server';

/** Replaced by the build with the extension's version. */
declare const BMPLINT_EXTENSION_VERSION: string;

/**
 * The rules that decode the listing's logo. sharp (native, built per platform) is not in the .vsix,
 * and without it they would call every logo unreadable: they are left to `bmplint check`.
 */
const IMAGE_RULES = new Set(['basic-info/logo', 'basic-info/brand-lookalike-logo']);

function canDecodeImages(): boolean {
  try {
    createRequire(import.meta.url)('sharp');
    return true;
  } catch {
    return false;
  }
}

const decodesImages = canDecodeImages();

// Run by the client (a node process on this file); imported by the build to save the term tables.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  startStdioServer({
    loadRules: async (config?: LoadedConfig) => (await loadRules(config)).filter((rule) => decodesImages || !IMAGE_RULES.has(rule.meta.id)),
    version: BMPLINT_EXTENSION_VERSION,
    docsDirs: [join(dirname(fileURLToPath(import.meta.url)), 'docs', 'rules')],
  });
}

/**
 * For the build: the built-in rules' term lists compiled by this bundle's own code, saved beside it
 * (dist/term-tables.bin, where loadRules looks), so the server does not compile them at start.
 */
export async function termTables(): Promise<Uint8Array> {
  await loadRules();
  return serializeTermTables();
}
