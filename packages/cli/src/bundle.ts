/**
 * Entry of the CLI's single-file bundle (dist/bmplint.mjs, built by scripts/bundle-cli.mjs): the
 * bin runs `main` from it, and the build saves the term tables of the built-in rules with the
 * bundle's own code, so their fingerprints match what the bundle computes at run time.
 */
export { main } from './main.js';
export { loadRules } from './load-rules.js';
export { serializeTermTables } from '@bmplint/core';
