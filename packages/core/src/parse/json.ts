import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { makeBase, type JsonFile } from './source-file.js';

const ERROR_TEXT: Record<number, string> = {
  1: 'invalid symbol', 2: 'invalid number format', 3: 'property name expected', 4: 'value expected',
  5: 'colon expected', 6: 'comma expected', 7: 'closing brace expected', 8: 'closing bracket expected',
  9: 'end of file expected', 10: 'comments are not allowed in JSON', 11: 'unexpected end of comment',
  12: 'unexpected end of string', 13: 'unexpected end of number', 14: 'invalid unicode escape',
  15: 'invalid escape character', 16: 'invalid character',
};

// Required, not imported: see parse/js.ts.
const jsonc = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

export const TRAILING_COMMA = 'trailing comma is not allowed in JSON';
export const JSON_COMMENT = ERROR_TEXT[10];

function trailingCommaBefore(text: string, error: Jsonc.ParseError): number | undefined {
  if (error.error !== 3 && error.error !== 4) return undefined;
  if (text[error.offset] !== '}' && text[error.offset] !== ']') return undefined;
  let before = error.offset - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  return text[before] === ',' ? before : undefined;
}

/** Strict JSON (no comments, no trailing commas) with a tree that keeps offsets for every value. */
export function parseJson(path: string, text: string): JsonFile {
  const base = makeBase(path, text);
  const parseErrors: Jsonc.ParseError[] = [];
  let tree: Jsonc.Node | undefined;
  try {
    tree = jsonc.parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    base.errors.push({ message: 'nested too deeply to parse', start: 0, end: 1 });
    return { ...base, kind: 'json', tree: undefined, value: undefined };
  }
  const seen = new Set<number>();
  for (const error of parseErrors) {
    // jsonc-parser reports `{"a": 1,}` twice at the `}`; one error at the comma says what is wrong.
    const comma = trailingCommaBefore(text, error);
    const start = comma ?? error.offset;
    if (seen.has(start)) continue;
    seen.add(start);
    const message = comma !== undefined ? TRAILING_COMMA : (ERROR_TEXT[error.error] ?? 'invalid JSON');
    base.errors.push({ message, start, end: comma !== undefined ? comma + 1 : error.offset + Math.max(1, error.length) });
  }
  if (tree) {
    for (const duplicate of duplicateKeys(tree)) {
      base.errors.push({ message: `duplicate key "${duplicate.value}"`, start: duplicate.offset, end: duplicate.offset + duplicate.length });
    }
  }
  let value: unknown;
  try {
    value = tree && !base.errors.length ? jsonc.getNodeValue(tree) : undefined;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    base.errors.push({ message: 'nested too deeply to parse', start: 0, end: 1 });
  }
  return { ...base, kind: 'json', tree, value };
}

function duplicateKeys(root: Jsonc.Node): Jsonc.Node[] {
  const found: Jsonc.Node[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && seen.has(key.value)) found.push(key);
        else if (key) seen.add(key.value);
      }
    }
    if (node.children) stack.push(...node.children);
  }
  return found;
}

/** The node at a JSON path, e.g. ['tabBar', 'list', 0, 'pagePath']. */
export function jsonNodeAt(tree: Jsonc.Node | undefined, path: ReadonlyArray<string | number>): Jsonc.Node | undefined {
  return tree ? jsonc.findNodeAtLocation(tree, [...path]) : undefined;
}

/** The key node of a property, for pointing at `"key"` rather than its value. */
export function jsonKeyNodeAt(tree: Jsonc.Node | undefined, path: ReadonlyArray<string | number>): Jsonc.Node | undefined {
  const value = jsonNodeAt(tree, path);
  return value?.parent?.type === 'property' ? value.parent.children?.[0] : value;
}
