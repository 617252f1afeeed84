import { createRequire } from 'node:module';
import type { ParserPlugin } from '@babel/parser';
import type { File as BabelFile, Node } from '@babel/types';
import { linearize, walkJs } from '../analysis/walk.js';
import { jsDialectOf, makeBase, type JsDialect, type JsFile, type ParseError } from './source-file.js';

// Required rather than imported: Node reads a CommonJS package imported from ESM with a lexer first
// (cjs-module-lexer), which costs more at startup than the require itself.
const babelParser = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');
const { parse } = babelParser;
export const { parseExpression } = babelParser;

const PLUGINS: Record<JsDialect, ParserPlugin[]> = {
  // Mini program .js may be written with JSX by React-style projects; Babel accepts both.
  js: ['jsx', 'decorators-legacy'],
  jsx: ['jsx', 'decorators-legacy'],
  ts: ['typescript', 'decorators-legacy'],
  tsx: ['typescript', 'jsx', 'decorators-legacy'],
  bns: [],
};

interface Offset {
  startIndex: number;
  startLine: number;
  /** 0-based, as Babel takes it. */
  startColumn: number;
}

export function parseJsText(text: string, dialect: JsDialect, offset?: Offset): { ast: BabelFile | null; errors: ParseError[] } {
  const errors: ParseError[] = [];
  try {
    const ast = parse(text, {
      sourceType: dialect === 'bns' ? 'script' : 'unambiguous',
      plugins: PLUGINS[dialect],
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      attachComment: false,
      ...offset,
    });
    for (const comment of ast.comments ?? []) comment.loc = undefined;
    linearize(ast, dropLocation);
    for (const error of ast.errors ?? []) errors.push(toParseError(error, offset));
    return { ast, errors };
  } catch (error) {
    if (error instanceof RangeError) {
      errors.push({ message: 'nested too deeply to parse', start: offset?.startIndex ?? 0, end: (offset?.startIndex ?? 0) + 1 });
    } else {
      errors.push(toParseError(error, offset));
    }
    return { ast: null, errors };
  }
}

/**
 * Babel gives every node a `loc` (three objects: about 40% of an AST's memory) and has no option to
 * leave it out. bmplint locates nodes by their `start`/`end` offsets and the file's line index, so
 * the locations are dropped at once, before they survive a garbage collection.
 */
const dropLocation = (node: Node) => {
  node.loc = null;
};

/** Drops the locations of a parsed expression (a file's are dropped as it is linearised). */
export function dropLocations(root: Node): void {
  walkJs(root, { enter: dropLocation });
}

function toParseError(error: unknown, offset?: Offset): ParseError {
  const pos = (error as { pos?: number }).pos ?? offset?.startIndex ?? 0;
  const message = String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
  return { message, start: pos, end: pos + 1 };
}

export function parseJs(path: string, text: string): JsFile {
  const base = makeBase(path, text);
  const dialect = jsDialectOf(path);
  const { ast, errors } = parseJsText(text, dialect);
  base.errors.push(...errors);
  return { ...base, kind: 'js', dialect, ast };
}
