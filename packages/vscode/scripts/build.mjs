#!/usr/bin/env node
/**
 * Bundles the extension (dist/extension.cjs, CommonJS, as VS Code loads it) and the language server
 * with the engine, the built-in rules and their parsers (dist/server.mjs), and copies the rule docs
 * pages for hovers (dist/docs/rules), and saves the rules' compiled term tables (dist/term-tables.bin). The .vsix holds no node_modules: everything is in the bundles,
 * except sharp (native, per platform): rules that read images are left to `bmplint check`.
 * Runs on the built packages (`pnpm run build` first).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));

/**
 * Core and the rule packages load CommonJS libraries with `createRequire(import.meta.url)(…)`, which
 * a bundler cannot follow; in the bundle they become plain `require` calls that esbuild resolves.
 */
const inlineRequires = {
  name: 'inline-requires',
  setup(build) {
    build.onLoad({ filter: /[\\/](packages|rules)[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('createRequire(import.meta.url)')) return undefined;
      const contents = source
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
        .replaceAll('createRequire(import.meta.url)(', 'require(');
      return { contents, loader: 'js' };
    });
  },
};

for (const built of ['extension.cjs', 'server.mjs', 'term-tables.bin', 'docs', 'bmplint.vsix']) rmSync(`${here}dist/${built}`, { recursive: true, force: true });

await build({
  entryPoints: [`${here}src/extension.ts`],
  outfile: `${here}dist/extension.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});

await build({
  entryPoints: [`${here}src/server.ts`],
  outfile: `${here}dist/server.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp'],
  // jsonc-parser's "main" is a UMD build whose requires a bundler cannot see; its ES build is fine.
  mainFields: ['module', 'main'],
  define: { BMPLINT_EXTENSION_VERSION: JSON.stringify(version) },
  plugins: [inlineRequires],
  // Bundled CommonJS requires Node's built-ins: give the ESM bundle a `require`.
  banner: { js: "import { createRequire as bmplintCreateRequire } from 'node:module';\nconst require = bmplintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

cpSync(`${repo}docs/rules`, `${here}dist/docs/rules`, { recursive: true });
const { termTables } = await import(pathToFileURL(`${here}dist/server.mjs`).href);
writeFileSync(`${here}dist/term-tables.bin`, await termTables());
console.log('wrote packages/vscode/dist/extension.cjs, dist/server.mjs, dist/term-tables.bin and dist/docs/rules');
