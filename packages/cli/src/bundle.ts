/**
 * Entry of the CLI's single-file bundle (dist/bmplint.mjs, built by scripts/bundle-cli.mjs): the
 * bin runs `main` from it, and the build saves the term tables of the built-in rules with the
 * bundle's own code, so their fingerprints match what the bundle computes at run time.
 */
export { main } from './main.js';
export { loadRules } from './load-rules.js';
export { serializeTermTables, termMatcherSources } from '@bmplint/core';
// For the benchmark's startup breakdown (bench/run.mjs): the steps of a run, from the bundle.
export { lint } from '@bmplint/core';
// For the benchmark's incremental row (bench/incremental.mjs).
export { openSession } from '@bmplint/core';
export { formatReport } from './formatters/index.js';
