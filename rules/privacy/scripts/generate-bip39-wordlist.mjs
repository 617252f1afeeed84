#!/usr/bin/env node
// Regenerates rules/privacy/src/no-secrets/data/bip39-english.json from the installed npm package
// @scure/bip39 (its wordlists/english.js), so the word list is never typed by hand.
//   node rules/privacy/scripts/generate-bip39-wordlist.mjs [path/to/@scure/bip39]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '../src/no-secrets/data/bip39-english.json');
/** sha256 of the 2048 words joined with "\n" plus a final "\n": the published english.txt. */
const EXPECTED_SHA256 = '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda';

const packageDir = process.argv[2]
  ? resolve(process.argv[2])
  : dirname(createRequire(import.meta.url).resolve('@scure/bip39/package.json'));
const { version, license } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const { wordlist } = await import(pathToFileURL(join(packageDir, 'wordlists/english.js')).href);
const words = [...wordlist];
const sha256 = createHash('sha256').update(`${words.join('\n')}\n`).digest('hex');
if (words.length !== 2048 || sha256 !== EXPECTED_SHA256) {
  console.error(`unexpected word list: ${words.length} words, sha256 ${sha256}`);
  process.exit(1);
}
const out = {
  description: JSON.parse(readFileSync(target, 'utf8')).description,
  source: { package: '@scure/bip39', version, file: 'wordlists/english.js', license },
  sha256OfNewlineJoinedList: sha256,
  words,
};
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${target} (${words.length} words from @scure/bip39@${version})`);
