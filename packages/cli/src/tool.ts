import { createRequire } from 'node:module';

// Resolves from dist/tool.js and from the single-file bundle dist/bmplint.mjs alike.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The tool as reports name it. */
export const TOOL = { name: 'bmplint', version, informationUri: 'https://github.com/bmplint/bmplint' } as const;
