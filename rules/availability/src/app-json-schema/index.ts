import { defineRule, describeSchemaError, registerCompiledSchema, schemaErrorPath, validateWithSchema, type ConfigSource, type ParsedFile, type SchemaError } from '@bmplint/core';
import appSchema from '../schemas/app.schema.json' with { type: 'json' };
import pageSchema from '../schemas/page.schema.json' with { type: 'json' };
import validateApp from '../schemas/app.validate.generated.js';
import validatePage from '../schemas/page.validate.generated.js';
import { configFileOf, configFileVisitors, keyWritten, type ConfigKind } from './configs.js';

/** The parts of a JSON Schema this rule walks to find the keys known at a place. */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  definitions?: Record<string, SchemaNode>;
}

const SCHEMAS: Record<ConfigKind, SchemaNode> = { app: appSchema as SchemaNode, page: pageSchema as SchemaNode, component: pageSchema as SchemaNode };
registerCompiledSchema(appSchema, validateApp);
registerCompiledSchema(pageSchema, validatePage);
const LABELS: Record<ConfigKind, string> = { app: 'app config', page: 'page config', component: 'component config' };

/** What a value matching a named pattern looks like (ajv would print the regular expression). */
const PATTERN_HINTS: Record<string, string> = {
  pagePath: 'must be a page path such as "pages/index/index": relative to the app root, with no leading "/", no "./" or "../", no query string and no file extension',
  color: 'must be a hex colour ("#rgb" or "#rrggbb") or a theme.json reference ("@name")',
  themeRef: 'must be a theme.json reference such as "@navTxtStyle"',
  root: 'must be a folder path relative to the app root, with no leading "/" and no "./" or "../"',
};

/** Unknown keys closer than this to a known key get a "did you mean" hint. */
const MAX_TYPO_DISTANCE = 2;

export default defineRule({
  meta: {
    id: 'availability/app-json-schema',
    clauses: ['6.2', '6.3'],
    severity: 'error',
    suppressible: false,
    fixable: 'code',
    docs: { description: 'app.json (or app.config.ts), page and component configs must match the schema of the Binance mini program configuration.' },
    messages: {
      invalidConfig: 'Invalid {{config}}: {{detail}}. The pages, components or packages it declares cannot load as written: the mini program may fail to build or start (6.2).',
      unknownKey: 'Unknown {{config}} key: {{detail}}. Binance does not document it, so the runtime ignores it and whatever it was written for does not happen (6.3).',
      unknownKeyTypo: 'Invalid {{config}}: {{detail}}; did you mean "{{suggestion}}"? The setting is ignored as written (6.2).',
      cosmeticValue: 'Invalid {{config}}: {{detail}}. The runtime ignores the value and falls back to its default (6.3).',
    },
  },
  create(context) {
    /** Each config is checked when its own file is walked, so its findings are cached with the file. */
    const check = (file: ParsedFile) => {
      const config = configFileOf(context.project, file);
      if (!config) return;
      const schema = SCHEMAS[config.kind];
      for (const problem of problemsOf(schema, config.value, config.source)) {
        const span = config.source.locate(problem.path, { key: problem.key });
        const data: Record<string, string> = { config: LABELS[config.kind], detail: problem.detail };
        if (problem.suggestion) data.suggestion = problem.suggestion;
        const kind = kindOf(problem);
        context.report({
          file: config.source.file,
          span: { start: span.start, end: span.end },
          messageId: problem.suggestion ? 'unknownKeyTypo' : kind === 'unknown' ? 'unknownKey' : kind === 'cosmetic' ? 'cosmeticValue' : 'invalidConfig',
          // Keys the runtime ignores and values it falls back from are warnings (docs/severity.md).
          severity: kind === 'structural' ? undefined : 'warning',
          data,
          suggestion: problem.suggestion ? `Rename "${String(problem.path[problem.path.length - 1])}" to "${problem.suggestion}".` : undefined,
          fix: problem.suggestion ? renameKey(config.source, file.text, span, problem.path, problem.suggestion) : undefined,
        });
      }
    };
    return configFileVisitors(context, check);
  },
});

interface Problem {
  path: Array<string | number>;
  /** Point at the key rather than the value. */
  key: boolean;
  detail: string;
  suggestion?: string;
  /** An unknown key (the last of `path`). */
  unknown?: boolean;
  /** A required key that is absent. */
  missing?: string;
}

/**
 * Keys whose values say what the platform loads: pages, subpackages, the tab bar's list and pages,
 * preloads, components. A wrong one breaks loading; a wrong value of any other key (colours,
 * titles, styles, theme) is cosmetic: the runtime ignores it and uses its default.
 */
const STRUCTURAL_KEYS = new Set(['pages', 'subPackages', 'subpackages', 'root', 'list', 'pagePath', 'preloadRule', 'packages', 'usingComponents', 'component', 'page']);

/** structural: an error; unknown: a key the runtime ignores; cosmetic: a value it falls back from. */
function kindOf(problem: Problem): 'structural' | 'unknown' | 'cosmetic' {
  // A misspelt structural key leaves that key missing as written.
  if (problem.suggestion) return STRUCTURAL_KEYS.has(problem.suggestion) ? 'structural' : 'unknown';
  if (problem.unknown) return 'unknown';
  const keys = problem.path.filter((segment): segment is string => typeof segment === 'string');
  if (problem.missing) return STRUCTURAL_KEYS.has(problem.missing) ? 'structural' : 'cosmetic';
  if (!keys.length || keys.some((key) => STRUCTURAL_KEYS.has(key))) return 'structural';
  return 'cosmetic';
}

/** One problem per distinct ajv error, with the cascades ajv adds around the real one removed. */
function problemsOf(schema: SchemaNode, value: unknown, source: ConfigSource): Problem[] {
  let errors = validateWithSchema(schema, value).filter((error) => error.keyword !== 'if');
  // A `propertyNames` failure comes with the failure of the name's own schema: keep one.
  errors = errors.filter((error) => (error as SchemaError & { propertyName?: string }).propertyName === undefined);
  // An `anyOf` failure comes after each branch's failure: keep the anyOf, described by its branches.
  const branches = new Map<SchemaError, SchemaError[]>();
  for (const error of errors.filter((candidate) => candidate.keyword === 'anyOf' || candidate.keyword === 'oneOf')) {
    const own = errors.filter((other) => other !== error && other.schemaPath.startsWith(`${error.schemaPath}/`) && other.instancePath.startsWith(error.instancePath));
    branches.set(error, own);
  }
  const inBranch = new Set([...branches.values()].flat());
  errors = errors.filter((error) => !inBranch.has(error));
  // A value of the wrong type also fails its enum or pattern: the type error says it all.
  const typeErrorAt = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  errors = errors.filter((error) => error.keyword === 'type' || !typeErrorAt.has(error.instancePath));

  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = toProblem(error, schema, value, source, branches.get(error));
    if (!problem) continue;
    const id = `${JSON.stringify(problem.path)}\0${problem.detail}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: SchemaError, schema: SchemaNode, value: unknown, source: ConfigSource, branches: SchemaError[] | undefined): Problem | undefined {
  const path = schemaErrorPath(error);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      // A key the evaluator could not read in a JS config is written, not missing.
      if (source.format === 'js' && keyWritten(source, path, String(params.missingProperty))) return undefined;
      return { path, key: false, detail: describeSchemaError(error), missing: String(params.missingProperty) };
    }
    case 'additionalProperties': {
      const unknownKey = String(params.additionalProperty);
      const known = Object.keys(schemaAt(schema, path.slice(0, -1))?.properties ?? {});
      return { path, key: true, detail: describeSchemaError(error), suggestion: closestKey(unknownKey, known), unknown: true };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      // Both schemas constrain key names only to page paths (`preloadRule`, `page`); the path ends at the key.
      return { path, key: true, detail: `${where(path.slice(0, -1))} has an invalid key "${name}": it ${PATTERN_HINTS.pagePath}` };
    }
    case 'pattern': {
      const hint = patternHint(error.schemaPath);
      if (!hint) return { path, key: false, detail: describeSchemaError(error) };
      return { path, key: false, detail: `${where(path)} (${JSON.stringify(valueAt(value, path))}) ${hint}` };
    }
    case 'uniqueItems': {
      const later = Number(params.i);
      return { path: [...path, later], key: false, detail: `${where(path)} lists ${JSON.stringify(valueAt(value, [...path, later]))} more than once` };
    }
    case 'anyOf':
    case 'oneOf': {
      const types = (branches ?? []).filter((branch) => branch.keyword === 'type' && branch.instancePath === error.instancePath);
      if (branches?.length && types.length === branches.length) {
        return { path, key: false, detail: `${where(path)} must be of type ${types.map((branch) => String((branch.params as { type: unknown }).type)).join(' or ')}` };
      }
      return { path, key: false, detail: describeSchemaError(error) };
    }
    case 'minLength':
    case 'minItems':
      if (params.limit === 1) return { path, key: false, detail: `${where(path)} must not be empty` };
      return { path, key: false, detail: describeSchemaError(error) };
    default:
      return { path, key: false, detail: describeSchemaError(error) };
  }
}

/** As core's describeSchemaError names a place: `"window.navigationBarTextStyle"`, or the file. */
function where(path: ReadonlyArray<string | number>): string {
  return path.length ? `"${path.join('.')}"` : 'the file';
}

/** A readable form of a pattern, found by the schema definition or property that holds it. */
function patternHint(schemaPath: string): string | undefined {
  const named = /\/(?:definitions|properties)\/([^/]+)\/pattern$/.exec(schemaPath)?.[1];
  return named && Object.hasOwn(PATTERN_HINTS, named) ? PATTERN_HINTS[named] : undefined;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = value;
  for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}

/** The schema that applies at a value path (following local `$ref`s), as far as properties, items and additionalProperties go. */
function schemaAt(root: SchemaNode, path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of path) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    if (typeof segment === 'number' && node.items) next = node.items;
    else if (node.properties && Object.hasOwn(node.properties, segment)) next = node.properties[segment];
    else if (typeof node.additionalProperties === 'object') next = node.additionalProperties;
    node = next && deref(root, next);
  }
  return node;
}

function deref(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let depth = 0; current?.$ref && depth < 16; depth++) {
    const match = /^#\/definitions\/([^/]+)$/.exec(current.$ref);
    current = match ? root.definitions?.[match[1]] : undefined;
  }
  return current;
}

/** The known key an unknown one was probably meant to be: a typo, a different case, or a truncation (`entryPage`). */
function closestKey(unknownKey: string, known: readonly string[]): string | undefined {
  const lower = unknownKey.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    // Lengths further apart than the allowed distance cannot be a typo; skipping them keeps a
    // 1 MB unknown key from costing a 1 MB × n edit-distance table.
    if (Math.abs(key.length - unknownKey.length) > MAX_TYPO_DISTANCE) continue;
    const distance = editDistance(lower, key.toLowerCase());
    if (distance <= MAX_TYPO_DISTANCE && (!best || distance < best.distance)) best = { key, distance };
  }
  if (best) return best.key;
  // `entryPage` for `entryPagePath`: a known key that starts with the unknown one.
  if (unknownKey.length >= 5) {
    const prefixed = known.filter((key) => key.toLowerCase().startsWith(lower)).sort((a, b) => a.length - b.length);
    return prefixed[0];
  }
  return undefined;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Renames a misspelt key of a JSON config to the key it is one or two edits from, unless the
 * object already has that key (a rename would then duplicate it).
 */
function renameKey(source: ConfigSource, text: string, keySpan: { start: number; end: number }, path: ReadonlyArray<string | number>, to: string) {
  if (source.format !== 'json') return undefined;
  const parent = valueAt(source.value, path.slice(0, -1));
  if (text[keySpan.start] !== '"' || (parent && typeof parent === 'object' && Object.hasOwn(parent, to))) return undefined;
  return () => ({ range: [keySpan.start, keySpan.end] as [number, number], text: JSON.stringify(to) });
}
