import postcss from 'postcss';
import { makeBase, type BxssFile } from './source-file.js';

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
