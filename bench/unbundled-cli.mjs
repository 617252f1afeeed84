#!/usr/bin/env node
/**
 * The CLI run from its unbundled modules (packages/cli/dist/main.js) rather than the bin's bundle:
 * the same code, but a CPU profile then names each package and rule file. Its term tables do not
 * match the bundle's fingerprint, so this run compiles the term lists itself (~0.1 s).
 */
import { main } from '../packages/cli/dist/main.js';

process.exitCode = await main(process.argv.slice(2));
