// Regenerates rules/api/src/data/platform-api.json from the WeChat, Alipay and Douyin type packages.
// Usage (repo root): pnpm gen:api   (also regenerates core's public-api.json)

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildPlatformData, toPlatformJsonText } from './extract-platform-api.mjs';

const platformFile = fileURLToPath(new URL('../src/data/platform-api.json', import.meta.url));
const platforms = buildPlatformData();
writeFileSync(platformFile, toPlatformJsonText(platforms));
console.log(`Wrote ${path.relative(process.cwd(), platformFile)}: ${platforms.platforms.map((p) => `${p.names.length} ${p.global}.* names from ${p.package}@${p.version}`).join(', ')}`);
