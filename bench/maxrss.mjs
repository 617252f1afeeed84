#!/usr/bin/env node
/**
 * Runs a Node script in this process and prints its peak RSS on exit, for machines without
 * `/usr/bin/time -v`:
 *
 *   node bench/maxrss.mjs <script> [args…]   →  stderr ends with "Maximum resident set size (kbytes): N"
 *
 * (the same line GNU time prints, so bench/run.mjs parses both alike).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bench/maxrss.mjs <script> [args…]\n');
  process.exit(2);
}
process.on('exit', () => {
  process.stderr.write(`\n\tMaximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`);
});
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
