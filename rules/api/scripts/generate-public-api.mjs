// Regenerates rules/api/src/data/public-api.json from the installed @binance/mp-service, and
// rules/api/src/data/platform-api.json from the WeChat, Alipay and Douyin type packages.
// Usage (repo root): pnpm gen:api   (= node rules/api/scripts/generate-public-api.mjs)

import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { extractPublicApi, readInstalledPackage, toJsonText } from './extract-public-api.mjs';
import { buildPlatformData, toPlatformJsonText } from './extract-platform-api.mjs';

const outFile = fileURLToPath(new URL('../src/data/public-api.json', import.meta.url));

const { version, dtsText } = readInstalledPackage();
const data = extractPublicApi(dtsText, { version });

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, toJsonText(data));

const bn = data.members.filter((m) => m.origin === 'bn').length;
console.log(
  `Wrote ${path.relative(process.cwd(), outFile)}: ${data.members.length} members ` +
    `(${bn} bn, ${data.members.length - bn} default-export-only) from ${data.source.package}@${version}`,
);

const platformFile = fileURLToPath(new URL('../src/data/platform-api.json', import.meta.url));
const platforms = buildPlatformData();
writeFileSync(platformFile, toPlatformJsonText(platforms));
console.log(`Wrote ${path.relative(process.cwd(), platformFile)}: ${platforms.platforms.map((p) => `${p.names.length} ${p.global}.* names from ${p.package}@${p.version}`).join(', ')}`);
