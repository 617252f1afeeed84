import { jsonKeyNodeAt, jsonNodeAt, type ConfigSource, type JsonFile, type Project } from '@bmplint/core';

export type ConfigKind = 'app' | 'page' | 'component';

/** A config file the user wrote and that parsed, with its value as the platform reads it. */
export interface ConfigFile {
  kind: ConfigKind;
  source: ConfigSource;
  /** The whole value: for json, whatever the file holds (even a non-object); for JS, the static part. */
  value: unknown;
}

/**
 * The app config, every page's config and every used component's json, once each, skipping files
 * that are absent or did not parse (availability/syntax-error reports those) and JS configs whose
 * default export is not a static object.
 */
export function configFiles(project: Project): ConfigFile[] {
  const out: ConfigFile[] = [];
  const seen = new Set<string>();
  const add = (kind: ConfigKind, source: ConfigSource | undefined) => {
    if (!source || seen.has(source.file)) return;
    seen.add(source.file);
    const parsed = project.parsed(source.file);
    if (!parsed || parsed.errors.length) return;
    if (parsed.kind === 'json') out.push({ kind, source, value: parsed.value });
    else if (source.value) out.push({ kind, source, value: source.value });
  };
  add('app', project.appConfig);
  for (const page of project.pages) add('page', project.pageConfig(page));
  for (const use of project.componentUses) {
    const path = use.files.config;
    const file = path ? project.jsonFile(path) : undefined;
    if (file) add('component', jsonSource(file));
  }
  return out;
}

/**
 * A ConfigSource over a json file that the project model does not expose as one (component json).
 * Same lookup as core's `jsonConfigSource`, which `@bmplint/core` does not export.
 */
export function jsonSource(file: JsonFile): ConfigSource {
  const value = file.value && typeof file.value === 'object' && !Array.isArray(file.value) ? (file.value as Record<string, unknown>) : undefined;
  return {
    file: file.path,
    format: 'json',
    value,
    locate(path, options) {
      for (let length = path.length; length >= 0; length--) {
        const prefix = path.slice(0, length);
        const node = options?.key && length === path.length ? jsonKeyNodeAt(file.tree, prefix) : jsonNodeAt(file.tree, prefix);
        if (node) return { file: file.path, start: node.offset, end: node.offset + node.length };
      }
      return { file: file.path, start: 0, end: 0 };
    },
  };
}

/**
 * Whether `key` is written in the object at `path` of the source. For a JS config whose value
 * was read statically, a key can be present in the code but absent from `value` (its value is a
 * call or an import the evaluator could not follow): such a key is not "missing".
 */
export function keyWritten(source: ConfigSource, path: ReadonlyArray<string | number>, key: string): boolean {
  const at = source.locate([...path, key], { key: true });
  const parent = source.locate(path, { key: true });
  const parentValue = source.locate(path);
  const same = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;
  return !same(at, parent) && !same(at, parentValue);
}
