#!/usr/bin/env node
// Usage: node bench/session-edit.mjs <bundle-dir> [rule-id-regex]   (after `pnpm run build`; make a bundle with bench/generate.mjs)
// Opens a session with the built-in rules (all, or those whose id matches the regex), lints once,
// sets a 2,000-line script as pages/alerts-103/big.js (a page folder of bench/generate.mjs's 1,000-page
// bundle, seed 1), then times 5 edits of it and counts the
// files walked on the last edit ("uncached" = re-walked for a rule that is not cacheable).
import { fileURLToPath, pathToFileURL } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
const [dir, pattern] = process.argv.slice(2);
const cli = { ...(await import(pathToFileURL(`${root}/packages/cli/dist/index.js`).href)), ...(await import(pathToFileURL(`${root}/packages/core/dist/index.js`).href)) };
const { Run } = await import(pathToFileURL(`${root}/packages/core/dist/runner/run.js`).href);
const all = await cli.loadRules();
const rules = pattern ? all.filter((r) => new RegExp(pattern).test(r.meta.id)) : all;
const session = await cli.openSession(dir, { rules });
await session.lint();
const page = 'pages/alerts-103/big.js';
const big = (v) => Array.from({ length: 500 }, (_, i) => `helpers.load${i} = function (id) {\n return bn.request({ url: 'https://api.example.com/items/' + id });\n};\nhelpers.x${i}=1;`).join('\n') + `\n// ${v}\nPage({ data: {}, onLoad() {} });\n`;
session.setFile(page, big(0));
await session.lint();
const times = [];
for (let i = 1; i <= 5; i++) { const t = performance.now(); session.setFile(page, big(i)); await session.lint(); times.push(Math.round(performance.now() - t)); }
const orig = Run.prototype.walkFile; const walked = [];
Run.prototype.walkFile = function (file, ...rest) { walked.push(file.path + (rest[1] ? '' : ' (uncached)')); return orig.call(this, file, ...rest); };
session.setFile(page, big(9)); await session.lint();
console.log(JSON.stringify({ rules: rules.length, editMs: times, walkedOnEdit: walked.length, uncachedWalks: walked.filter((w) => w.endsWith('(uncached)')).length }));
