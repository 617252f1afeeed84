import { jsonConfigSource, type ConfigSource, type Page, type ParsedFile, type Project, type RuleContext, type RuleVisitors } from '@bmplint/core';

export type ConfigKind = 'app' | 'page' | 'component';

/** A config file the user wrote and that parsed, with its value as the platform reads it. */
export interface ConfigFile {
  kind: ConfigKind;
  source: ConfigSource;
  /** The whole value: for json, whatever the file holds (even a non-object); for JS, the static part. */
  value: unknown;
}

/** Where a config sits in the project model: its kind, and the page it configures. */
interface ConfigPlace {
  kind: ConfigKind;
  page?: Page;
}

const places = new WeakMap<Project, ReadonlyMap<string, ConfigPlace>>();

/**
 * The config files of the project model, by bundle path, in the order the rules report them: the
 * app config, every page's config, every used component's json (a path is listed once, under its
 * first kind). From the model alone, so a visitor may ask while its file is walked: a change to
 * the model re-walks every file.
 */
export function configPlaces(project: Project): ReadonlyMap<string, ConfigPlace> {
  let known = places.get(project);
  if (!known) {
    const map = new Map<string, ConfigPlace>();
    const add = (path: string | undefined, place: ConfigPlace) => {
      if (path && !map.has(path)) map.set(path, place);
    };
    if (project.appConfig) add(project.appConfig.file, { kind: 'app' });
    for (const page of project.pages) add(page.files.config, { kind: 'page', page });
    for (const use of project.componentUses) if (use.files.config?.endsWith('.json')) add(use.files.config, { kind: 'component' });
    places.set(project, (known = map));
  }
  return known;
}

/**
 * The walked file as a config the user wrote, with its value as the platform reads it; undefined
 * when it is no config of the model, did not parse (availability/syntax-error reports that), or is
 * a JS config whose default export is not a static object.
 */
export function configFileOf(project: Project, file: ParsedFile): ConfigFile | undefined {
  const place = configPlaces(project).get(file.path);
  if (!place || file.errors.length) return undefined;
  const source = place.kind === 'app' ? project.appConfig : place.page ? project.pageConfig(place.page) : file.kind === 'json' ? jsonConfigSource(file) : undefined;
  if (!source) return undefined;
  if (file.kind === 'json') return { kind: place.kind, source, value: file.value };
  return source.value ? { kind: place.kind, source, value: source.value } : undefined;
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

/**
 * Visitors that hand every config file to `onConfig` as it is walked: the JSON configs, and in a
 * React app its config modules (`app.config.ts`). A classic app's scripts are left alone, so a rule
 * of configs stays one (the ESLint plugin offers only rules that read scripts).
 */
export function configFileVisitors(context: RuleContext<unknown>, onConfig: (file: ParsedFile) => void): Pick<RuleVisitors, 'json' | 'js'> {
  if (context.project?.style !== 'react') return { json: { document: onConfig } };
  return {
    json: { document: onConfig },
    js: {
      Program() {
        // An inline <bns> script (walked with its template as the file) is never a config.
        const file = context.file;
        if (file?.kind === 'js') onConfig(file);
      },
    },
  };
}
