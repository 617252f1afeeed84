#!/usr/bin/env node
/**
 * Compiles the term lists of the built-in rules and saves them beside the CLI
 * (packages/cli/dist/term-tables.bin), which loads them instead of compiling ~15k patterns at
 * every start. Run after the bundle is built (`pnpm run build` does): the tables are made by the
 * bundle's own code, whose fingerprint the bundle checks. A matcher whose lists or compiling code
 * changed has another fingerprint and compiles at run time, so a stale file is never wrong.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadRules, serializeTermTables } = await import(pathToFileURL(`${root}packages/cli/dist/bmplint.mjs`).href);

await loadRules();
const bytes = serializeTermTables();
const out = `${root}packages/cli/dist/term-tables.bin`;
// Written beside and renamed: a reader never sees half a file.
writeFileSync(`${out}.tmp`, bytes);
renameSync(`${out}.tmp`, out);
console.log(`wrote packages/cli/dist/term-tables.bin (${(bytes.length / 1024).toFixed(0)} KB)`);
