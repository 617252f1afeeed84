import { decodeText } from '../text/decode.js';
import { parseBxml } from './bxml.js';
import { parseBxss } from './bxss.js';
import { parseJs } from './js.js';
import { parseJson } from './json.js';
import { fileKindOf, makeBase, type ParsedFile } from './source-file.js';

const PROBLEM_TEXT = {
  utf16: 'the file is UTF-16 encoded; mini program sources must be UTF-8',
  'invalid-utf8': 'the file is not valid UTF-8 text',
  binary: 'the file holds binary data, not text',
} as const;

/** The text a parse of these bytes sees: decoded, without a BOM; empty for binary data. */
export function sourceText(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (decoded.problem === 'binary') return '';
  return decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
}

/** Decodes and parses one file by its kind; returns undefined for kinds that have no parser. */
export function parseFile(path: string, bytes: Uint8Array, maxParseBytes = Infinity): ParsedFile | undefined {
  const kind = fileKindOf(path);
  if (kind === 'image' || kind === 'other') return undefined;
  const decoded = decodeText(bytes);
  const tooLarge = kind !== 'json' && bytes.length > maxParseBytes;
  if (decoded.problem === 'binary' || tooLarge) {
    const base = makeBase(path, tooLarge ? sourceText(bytes) : '');
    if (tooLarge) base.textOnly = true;
    else base.errors.push({ message: PROBLEM_TEXT.binary, start: 0, end: 0 });
    if (kind === 'js') return { ...base, kind, dialect: 'js', ast: null };
    if (kind === 'bxml') return { ...base, kind, document: { type: 'document', children: [], start: 0, end: 0 }, embeddedScripts: [] };
    if (kind === 'bxss') return { ...base, kind, root: null };
    return { ...base, kind, tree: undefined, value: undefined };
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const parsed = kind === 'js' ? parseJs(path, text) : kind === 'bxml' ? parseBxml(path, text) : kind === 'bxss' ? parseBxss(path, text) : parseJson(path, text);
  if (decoded.problem) parsed.errors.unshift({ message: PROBLEM_TEXT[decoded.problem], start: 0, end: 0 });
  return parsed;
}
