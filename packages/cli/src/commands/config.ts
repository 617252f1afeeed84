/** `--rule`, `--no-inline-config`, `--report-unused-disable-directives` and `--print-config`. */
import { activateRules, closestName, DEFAULT_LIMITS, InputError, SEVERITIES, type AnyRule, type Config, type LoadedConfig, type RuleSetting, type Severity } from '@bmplint/core';

export interface ConfigOptions {
  /** `id:severity`, repeatable. */
  rule?: string[];
  /** False with `--no-inline-config`. */
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

/** Collects a repeatable option's values (commander calls it once per occurrence). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The config a run uses: the file's, then `--rule` overrides (keeping the file's options for that
 * rule), then the command line's linter options.
 */
export function effectiveConfig(loaded: LoadedConfig | undefined, options: ConfigOptions, rules: readonly AnyRule[]): Config {
  const config: Config = { ...(loaded?.config ?? {}) };
  const overrides = (options.rule ?? []).map((value) => parseRuleOverride(value, rules));
  if (overrides.length) {
    const settings: Record<string, RuleSetting> = { ...config.rules };
    for (const { id, severity } of overrides) {
      const current = settings[id];
      settings[id] = Array.isArray(current) && current[1] ? [severity, current[1]] : severity;
    }
    config.rules = settings;
  }
  const linterOptions = { ...config.linterOptions };
  if (options.inlineConfig === false) linterOptions.noInlineConfig = true;
  if (options.reportUnusedDisableDirectives) linterOptions.reportUnusedDisableDirectives = true;
  if (Object.keys(linterOptions).length) config.linterOptions = linterOptions;
  return config;
}

/**
 * `--rule id:severity`. An unknown id gets the closest one; a hard platform rule cannot be turned
 * off or lowered, since the reviewer applies it anyway: that is refused, not silently kept.
 */
function parseRuleOverride(value: string, rules: readonly AnyRule[]): { id: string; severity: Severity | 'off' } {
  const colon = value.lastIndexOf(':');
  const id = colon < 0 ? value : value.slice(0, colon);
  const level = colon < 0 ? '' : value.slice(colon + 1);
  const allowed = [...SEVERITIES, 'off'];
  if (!allowed.includes(level)) {
    const hint = level === 'warn' ? '; did you mean "warning"?' : '';
    throw new InputError(`--rule ${value}: write it as <rule-id>:<severity>, with a severity of ${allowed.join(', ')}${hint}`);
  }
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    const closest = closestName(id, rules.map((candidate) => candidate.meta.id));
    throw new InputError(`--rule ${value}: there is no rule "${id}"${closest ? `; did you mean ${closest}?` : ''} (bmplint rules lists them)`);
  }
  const severity = level as Severity | 'off';
  if (!rule.meta.suppressible && (severity === 'off' || SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(rule.meta.severity))) {
    throw new InputError(`--rule ${value}: ${id} is a hard platform rule; it cannot be turned off or lowered below "${rule.meta.severity}", since the reviewer applies it anyway`);
  }
  return { id, severity };
}

/** `--print-config`: every rule's effective severity and options, and the other settings, as JSON. */
export function printConfig(loaded: LoadedConfig | undefined, config: Config, rules: readonly AnyRule[]): string {
  const active = new Map(activateRules(rules, config, () => {}).map((entry) => [entry.rule.meta.id, entry]));
  const ruleSettings = Object.fromEntries(
    [...rules]
      .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
      .map(({ meta }) => {
        const entry = active.get(meta.id);
        if (!entry) return [meta.id, 'off'];
        return [meta.id, Object.keys(entry.options).length ? [entry.severity, entry.options] : entry.severity];
      }),
  );
  return `${JSON.stringify(
    {
      configFile: loaded?.path ?? null,
      rules: ruleSettings,
      plugins: config.plugins ?? [],
      ignorePatterns: config.ignorePatterns ?? [],
      limits: { ...DEFAULT_LIMITS, ...config.limits },
      linterOptions: { noInlineConfig: false, reportUnusedDisableDirectives: false, ...config.linterOptions },
    },
    null,
    2,
  )}\n`;
}
