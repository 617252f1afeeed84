#!/usr/bin/env node
/**
 * Bundles the CLI with core and the built-in rule packages into one file,
 * packages/cli/dist/bmplint.mjs, which the bin runs. Node's ESM loader costs a few tenths of a
 * millisecond per module and the unbundled CLI loads ~500 files, so this halves the start of a run.
 * Parsers and libraries core loads with `require` on first use (Babel, postcss, jsonc, yauzl, ajv)
 * and sharp (native) stay outside: @bmplint/cli depends on them, so they resolve from the bundle.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}packages/cli/dist/bundle.js`],
  outfile: `${root}packages/cli/dist/bmplint.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The portal (serve, worker) is imported on demand from its own package, with its database and
  // HTTP libraries: `check` never loads it.
  external: ['sharp', '@bmplint/server'],
  sourcemap: 'linked',
  // Bundled CommonJS code (commander) requires Node's built-ins: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as bmplintCreateRequire } from 'node:module';\nconst require = bmplintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log('wrote packages/cli/dist/bmplint.mjs');
