import type { Node, ObjectExpression } from '@babel/types';
import type { JsonFile, JsFile } from '../parse/source-file.js';
import { jsonKeyNodeAt, jsonNodeAt } from '../parse/json.js';

/** Offsets in one file: what rules report against when no AST node is at hand. */
export interface SourceSpan {
  file: string;
  start: number;
  end: number;
}

/**
 * A configuration object (app.json, page json, app.config.ts, listing.json) with a way to point at
 * any of its values, so a finding on `tabBar.list[2].pagePath` lands on that line whichever form
 * the config was written in.
 */
export interface ConfigSource {
  file: string;
  format: 'json' | 'js';
  /** The configuration value; undefined when it could not be read (syntax error, not static). */
  value: Record<string, unknown> | undefined;
  /** The span of the value at `path` (or of its key with `key: true`); the nearest enclosing value when absent. */
  locate(path: ReadonlyArray<string | number>, options?: { key?: boolean }): SourceSpan;
}

/** A json config's source depends on its parse alone: one per parse, reused by every run that sees it. */
const jsonSources = new WeakMap<JsonFile, ConfigSource>();

export function jsonConfigSource(file: JsonFile): ConfigSource {
  let source = jsonSources.get(file);
  if (!source) jsonSources.set(file, (source = newJsonConfigSource(file)));
  return source;
}

function newJsonConfigSource(file: JsonFile): ConfigSource {
  const value = file.value && typeof file.value === 'object' && !Array.isArray(file.value) ? (file.value as Record<string, unknown>) : undefined;
  // Rules locate the same values run after run (page titles, tab bar items): each path is looked up once.
  const spans = new Map<string, SourceSpan>();
  return {
    file: file.path,
    format: 'json',
    value,
    locate(path, options) {
      let key = options?.key ? 'k' : 'v';
      for (const segment of path) key += typeof segment === 'number' ? `\0n${segment}` : `\0s${segment}`;
      let span = spans.get(key);
      if (!span) spans.set(key, (span = locateJson(file, path, options)));
      return { ...span };
    },
  };
}

function locateJson(file: JsonFile, path: ReadonlyArray<string | number>, options: { key?: boolean } | undefined): SourceSpan {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const node = options?.key && length === path.length ? jsonKeyNodeAt(file.tree, prefix) : jsonNodeAt(file.tree, prefix);
    if (node) return { file: file.path, start: node.offset, end: node.offset + node.length };
  }
  return { file: file.path, start: 0, end: 0 };
}

export function jsConfigSource(file: JsFile, object: ObjectExpression | undefined, value: Record<string, unknown> | undefined): ConfigSource {
  return {
    file: file.path,
    format: 'js',
    value,
    locate(path, options) {
      let node: Node | undefined = object;
      let keyNode: Node | undefined;
      for (const segment of path) {
        const child = childOf(node, segment);
        if (!child) break;
        node = child.value;
        keyNode = child.key;
      }
      const target = options?.key && keyNode ? keyNode : node;
      return target ? { file: file.path, start: target.start ?? 0, end: target.end ?? 0 } : { file: file.path, start: 0, end: 0 };
    },
  };
}

function childOf(node: Node | undefined, segment: string | number): { key?: Node; value: Node } | undefined {
  if (!node) return undefined;
  if (node.type === 'ObjectExpression') {
    for (const property of node.properties) {
      if (property.type !== 'ObjectProperty' || property.computed) continue;
      const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
      if (name === String(segment)) return { key: property.key, value: property.value };
    }
  }
  if (node.type === 'ArrayExpression' && typeof segment === 'number') {
    const element = node.elements[segment];
    if (element) return { value: element };
  }
  return undefined;
}
