import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_LIMITS, type BundleLimits } from '../bundle/bundle.js';
import { InputError } from '../bundle/open.js';
import { SEVERITIES, type Severity } from '../findings.js';
import type { AnyRule } from '../rules/rule.js';
import { registerCompiledSchema, validateWithSchema } from '../analysis/json-schema.js';
import validateConfig from './config.validate.generated.js';
import { parseJson } from '../parse/json.js';

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>?];

export interface Config {
  rules?: Record<string, RuleSetting>;
  /** Packages exporting arrays of rules (e.g. `bmplint-rules-acme`), resolved from the config file's folder. */
  plugins?: string[];
  ignorePatterns?: string[];
  limits?: Partial<BundleLimits>;
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
  },
  additionalProperties: false,
} as const;
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
  const problems = validateWithSchema(CONFIG_SCHEMA, json.value);
  if (problems.length) {
    throw new InputError(`${path}: ${problems.map((problem) => `${problem.instancePath || '/'} ${problem.message}`).join('; ')}`);
  }
  return { config: json.value as Config, baseDir: dirname(resolve(path)), path };
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
    if (!byId.has(id)) throw new InputError(`config names an unknown rule: ${id}`);
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
    // Defaults are checked against the schema by the catalog test; only configured options need it here.
    if (rule.meta.schema && options !== undefined) {
      const problems = validateWithSchema(rule.meta.schema, merged);
      if (problems.length) {
        throw new InputError(`invalid options for ${rule.meta.id}: ${problems.map((problem) => `${problem.instancePath || '/'} ${problem.message}`).join('; ')}`);
      }
    }
    active.push({ rule, severity, options: merged });
  }
  return active;
}
