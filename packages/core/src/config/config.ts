import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_LIMITS, type BundleLimits } from '../bundle/bundle.js';
import { InputError } from '../bundle/open.js';
import { SEVERITIES, type Severity } from '../findings.js';
import type { AnyRule } from '../rules/rule.js';
import { describeSchemaError, registerCompiledSchema, schemaErrorPath, validateWithSchema } from '../analysis/json-schema.js';
import { closestName } from '../text/closest.js';
import validateConfig from './config.validate.generated.js';
import { parseJson } from '../parse/json.js';

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>?];

export interface Config {
  rules?: Record<string, RuleSetting>;
  /** Packages exporting arrays of rules (e.g. `bmplint-rules-acme`), resolved from the config file's folder. */
  plugins?: string[];
  ignorePatterns?: string[];
  limits?: Partial<BundleLimits>;
  /** As ESLint's: how inline `bmplint-disable` comments are read. */
  linterOptions?: LinterOptions;
}

export interface LinterOptions {
  /** Ignore every `bmplint-disable` comment (`--no-inline-config`). */
  noInlineConfig?: boolean;
  /** Report disable comments that suppress nothing, name no rule, or name a hard rule (`--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: boolean;
}

export interface LoadedConfig {
  config: Config;
  /** Folder plugins resolve from. */
  baseDir: string;
  path?: string;
}

export const CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          { enum: [...SEVERITIES, 'off'] },
          { type: 'array', items: [{ enum: [...SEVERITIES, 'off'] }, { type: 'object' }], minItems: 1, maxItems: 2 },
        ],
      },
    },
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    ignorePatterns: { type: 'array', items: { type: 'string', minLength: 1 } },
    limits: {
      type: 'object',
      properties: Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((key) => [key, { type: 'integer', minimum: 1 }])),
      additionalProperties: false,
    },
    linterOptions: {
      type: 'object',
      properties: { noInlineConfig: { type: 'boolean' }, reportUnusedDisableDirectives: { type: 'boolean' } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const SETTINGS = [...SEVERITIES, 'off'] as const;
registerCompiledSchema(CONFIG_SCHEMA, validateConfig);

export const CONFIG_FILE_NAME = 'bmplint.config.json';

/** Reads and validates a config file; any problem is an InputError (exit 2) naming the file and line. */
export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  const json = parseJson(path, text);
  if (json.errors.length) {
    const error = json.errors[0];
    const at = json.lines.positionAt(error.start);
    throw new InputError(`${path}:${at.line}:${at.column}: ${error.message}`);
  }
  const problems = configProblems(json.value);
  if (problems.length) throw new InputError(`${path}: ${problems.join('; ')}`);
  return { config: json.value as Config, baseDir: dirname(resolve(path)), path };
}

/**
 * What is wrong with a config value, in words: the key, the allowed values and, for a misspelt
 * key, the closest one. Rule settings are checked here rather than through the schema's `anyOf`,
 * whose errors say only "must match a schema in anyOf".
 */
export function configProblems(value: unknown): string[] {
  const problems: string[] = [];
  const rules = value && typeof value === 'object' && !Array.isArray(value) ? (value as { rules?: unknown }).rules : undefined;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, setting] of Object.entries(rules)) {
      const level = Array.isArray(setting) ? setting[0] : setting;
      const allowed = `allowed: ${SETTINGS.map((item) => `"${item}"`).join(', ')}, or ["<severity>", { options }]`;
      if (typeof level !== 'string' || !(SETTINGS as readonly string[]).includes(level)) {
        const hint = level === 'warn' ? '; did you mean "warning"?' : typeof level === 'string' && closestName(level, SETTINGS) ? `; did you mean "${closestName(level, SETTINGS)}"?` : '';
        problems.push(`rules["${id}"]: ${JSON.stringify(level) ?? 'nothing'} is not a rule setting (${allowed})${hint}`);
      } else if (Array.isArray(setting) && (setting.length > 2 || (setting.length === 2 && (typeof setting[1] !== 'object' || setting[1] === null || Array.isArray(setting[1]))))) {
        problems.push(`rules["${id}"]: options must be one object, as in ["${level}", { … }]`);
      }
    }
  }
  for (const error of validateWithSchema(CONFIG_SCHEMA, value)) {
    const path = schemaErrorPath(error);
    if (path[0] === 'rules' && path.length > 1) continue;
    let message = describeSchemaError(error);
    if (error.keyword === 'additionalProperties') {
      const parent = path.slice(0, -1);
      const allowedKeys = Object.keys((parent.length ? (CONFIG_SCHEMA.properties as Record<string, { properties?: object }>)[parent[0]]?.properties : CONFIG_SCHEMA.properties) ?? {});
      const typo = closestName(String(path[path.length - 1]), allowedKeys);
      message += ` (allowed: ${allowedKeys.join(', ')})${typo ? `; did you mean "${typo}"?` : ''}`;
    }
    problems.push(message);
  }
  return problems;
}

export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * Applies config to the rules. Unknown rule ids and bad options are InputErrors; turning off or
 * weakening a non-suppressible rule is refused with a warning, since the reviewer will apply it anyway.
 */
export function activateRules(rules: readonly AnyRule[], config: Config, warn: (message: string) => void): ActiveRule[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  for (const id of Object.keys(config.rules ?? {})) {
    if (byId.has(id)) continue;
    const closest = closestName(id, byId.keys());
    throw new InputError(`config names an unknown rule: ${id}${closest ? `; did you mean ${closest}?` : ''}`);
  }
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = config.rules?.[rule.meta.id];
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    let severity: Severity | 'off' = level ?? rule.meta.severity;
    if (!rule.meta.suppressible && (severity === 'off' || SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(rule.meta.severity))) {
      warn(`${rule.meta.id} is a hard platform rule: it cannot be turned off or lowered, so it stays at "${rule.meta.severity}"`);
      severity = rule.meta.severity;
    }
    if (severity === 'off') continue;
    const merged = { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) };
    if (!rule.meta.schema && options !== undefined && Object.keys(options).length) {
      throw new InputError(`${rule.meta.id} takes no options, but the config gives it ${Object.keys(options).map((key) => `"${key}"`).join(', ')}`);
    }
    // Defaults are checked against the schema by the catalog test; only configured options need it here.
    if (rule.meta.schema && options !== undefined) {
      const problems = validateWithSchema(rule.meta.schema, merged);
      if (problems.length) {
        throw new InputError(`invalid options for ${rule.meta.id}: ${problems.map(describeSchemaError).join('; ')}`);
      }
    }
    active.push({ rule, severity, options: merged });
  }
  return active;
}
