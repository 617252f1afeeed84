import { jsonConfigSource, type ConfigSource, type Project } from '@bmplint/core';

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
    if (file) add('component', jsonConfigSource(file));
  }
  return out;
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
