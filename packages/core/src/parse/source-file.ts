import type { File as BabelFile, Expression } from '@babel/types';
import type { Root as CssRoot } from 'postcss';
import type { Node as JsonNode } from 'jsonc-parser';
import { LineIndex } from '../text/line-index.js';
import { memoize } from '../memo.js';
import type { BxmlDocument } from './bxml-ast.js';

export type FileKind = 'js' | 'bxml' | 'bxss' | 'json' | 'image' | 'other';
export type JsDialect = 'js' | 'jsx' | 'ts' | 'tsx' | 'bns';

/** A syntax problem, with offsets into the file's text. */
export interface ParseError {
  message: string;
  start: number;
  end: number;
}

interface FileBase {
  /** Posix path relative to the bundle root. */
  path: string;
  text: string;
  lines: LineIndex;
  errors: ParseError[];
  /** Set when the file was over the parse limit: it has its text, but no syntax tree. */
  textOnly?: true;
}

export interface JsFile extends FileBase {
  kind: 'js';
  dialect: JsDialect;
  ast: BabelFile | null;
}

/** JavaScript inside a template: an inline `<bns>` module. */
export interface EmbeddedJs {
  ast: BabelFile | null;
  start: number;
  end: number;
}

export interface BxmlFile extends FileBase {
  kind: 'bxml';
  document: BxmlDocument;
  embeddedScripts: EmbeddedJs[];
}

export interface BxssFile extends FileBase {
  kind: 'bxss';
  root: CssRoot | null;
}

export interface JsonFile extends FileBase {
  kind: 'json';
  tree: JsonNode | undefined;
  value: unknown;
}

export type ParsedFile = JsFile | BxmlFile | BxssFile | JsonFile;
export type TemplateExpression = Expression;

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js', bns: 'js',
  bxml: 'bxml',
  bxss: 'bxss', css: 'bxss',
  json: 'json',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', svg: 'image', bmp: 'image',
};

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Rules ask the kind of every bundle path on every run (a session's re-runs too): each path's is found once. */
const kindOfPath = memoize((path: string): FileKind => KIND_BY_EXTENSION[extensionOf(path)] ?? 'other', 1 << 16);

export function fileKindOf(path: string): FileKind {
  return kindOfPath(path);
}

export function jsDialectOf(path: string): JsDialect {
  const ext = extensionOf(path);
  if (ext === 'bns') return 'bns';
  if (ext === 'tsx') return 'tsx';
  if (ext === 'ts' || ext === 'mts' || ext === 'cts') return 'ts';
  if (ext === 'jsx') return 'jsx';
  return 'js';
}

export function makeBase(path: string, text: string): FileBase {
  return { path, text, lines: new LineIndex(text), errors: [] };
}
