/** The language server as the extension ships it: one bundle with the engine and the built-in rules. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';
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

startStdioServer({
  loadRules: async (config?: LoadedConfig) => (await loadRules(config)).filter((rule) => decodesImages || !IMAGE_RULES.has(rule.meta.id)),
  version: BMPLINT_EXTENSION_VERSION,
  docsDirs: [join(dirname(fileURLToPath(import.meta.url)), 'docs', 'rules')],
});
