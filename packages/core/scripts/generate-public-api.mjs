// Regenerates packages/core/src/analysis/data/public-api.json from the installed @binance/mp-service.
// Usage (repo root): pnpm gen:api   (also regenerates rules/api's platform-api.json)

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { extractPublicApi, readInstalledPackage, toJsonText } from './extract-public-api.mjs';

const outFile = fileURLToPath(new URL('../src/analysis/data/public-api.json', import.meta.url));

const { version, dtsText } = readInstalledPackage();
const data = extractPublicApi(dtsText, { version });

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, toJsonText(data));

const bn = data.members.filter((m) => m.origin === 'bn').length;
console.log(
  `Wrote ${path.relative(process.cwd(), outFile)}: ${data.members.length} members ` +
    `(${bn} bn, ${data.members.length - bn} default-export-only) from ${data.source.package}@${version}`,
);
