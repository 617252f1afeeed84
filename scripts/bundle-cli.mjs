#!/usr/bin/env node
/**
 * Bundles the CLI with core and the built-in rule packages into one file,
 * packages/cli/dist/bmplint.mjs, which the bin runs. Node's ESM loader costs a few tenths of a
 * millisecond per module and the unbundled CLI loads ~500 files, so this halves the start of a run.
 * Parsers and libraries core loads with `require` on first use (Babel, postcss, jsonc, yauzl, ajv)
 * and sharp (native) stay outside: @bmplint/cli depends on them, so they resolve from the bundle.
 * Commands loaded on demand (`bmplint lsp`) are split into chunks beside it, so `check` does not
 * load the language server.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}packages/cli/dist`;

// Chunks of earlier builds (their names carry a content hash) would pile up.
for (const name of readdirSync(dist)) if (/-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name)) rmSync(`${dist}/${name}`);

await build({
  entryPoints: [{ in: `${root}packages/cli/dist/bundle.js`, out: 'bmplint' }],
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  // Chunks sit beside the entry: modules that find files next to themselves keep working.
  chunkNames: '[name]-[hash]',
  splitting: true,
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
