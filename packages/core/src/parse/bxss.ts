import { createRequire } from 'node:module';
import { makeBase, type BxssFile } from './source-file.js';

// Required, not imported: see parse/js.ts.
const postcss = createRequire(import.meta.url)('postcss') as typeof import('postcss').default;

export function parseBxss(path: string, text: string): BxssFile {
  const base = makeBase(path, text);
  try {
    return { ...base, kind: 'bxss', root: postcss.parse(text, { from: path }) };
  } catch (error) {
    const { line, column, reason } = error as { line?: number; column?: number; reason?: string };
    const start = line && column ? base.lines.offsetAt({ line, column }) : 0;
    base.errors.push({ message: reason ?? String(error), start, end: start + 1 });
    return { ...base, kind: 'bxss', root: null };
  }
}
