import { defineRule, jsonEdit, type ParsedFile } from '@bmplint/core';
import unsupported from '../schemas/unsupported-keys.json' with { type: 'json' };
import { configFileOf, configFileVisitors, configPlaces, keyWritten, type ConfigFile } from '../app-json-schema/configs.js';

interface UnsupportedKey {
  key: string;
  note: string;
}

/**
 * Keys the fix removes: those whose note says Binance has no such thing (WeChat-only, Taro-only).
 * A key that is only undocumented (`usingComponents` in app.json) might still be honoured, so it
 * is left to a person.
 */
const SURELY_IGNORED = /WeChat-only|Taro-only|Taro H5|Taro-copied|not a Binance app\.json key|Binance (?:has|documents) no /;

const APP_KEYS: readonly UnsupportedKey[] = unsupported.app;
const WINDOW_KEYS: readonly UnsupportedKey[] = unsupported.window;
/** A page or component .json takes window keys at its top level, and a few page-only ones. */
const PAGE_KEYS: readonly UnsupportedKey[] = [...unsupported.window, ...unsupported.page];

export default defineRule({
  meta: {
    id: 'availability/unsupported-config-key',
    clauses: ['6.3'],
    severity: 'warning',
    suppressible: true,
    fixable: 'code',
    // Visitors record where each key is set; the hook reports each key once, at its first place.
    projectInput: 'facts',
    docs: { description: 'Config keys that WeChat documents but Binance does not have no effect in a Binance mini program: the behaviour they were written for is missing.' },
    messages: {
      unsupportedKey: '"{{key}}" is a setting Binance does not document; it has no effect here: {{note}}',
      unsupportedKeyRepeated: '"{{key}}" is a setting Binance does not document; it has no effect here (also set in {{others}} more config files): {{note}}',
    },
  },
  create(context) {
    /** Records each listed key the walked config sets: a fact, as the report depends on every config. */
    const record = (file: ParsedFile) => {
      const config = configFileOf(context.project, file);
      if (!config) return;
      if (config.kind === 'app') {
        recordKeys(config, [], APP_KEYS);
        recordKeys(config, ['window'], WINDOW_KEYS);
      } else {
        recordKeys(config, [], PAGE_KEYS);
      }
    };
    return {
      ...configFileVisitors(context, record),
      project(project) {
        /** Every place each key is set: a component library sets the same key in a hundred files, so it is reported once. */
        const found = new Map<string, KeyPlace[]>();
        const facts = context.facts();
        // The first place is the first config in the model's order (app, pages, components), not the walk order.
        for (const path of configPlaces(project).keys()) {
          for (const place of (facts.get(path) ?? []) as KeyPlace[]) {
            const name = place.path.join('.');
            const places = found.get(name) ?? [];
            places.push(place);
            found.set(name, places);
          }
        }
        for (const [key, places] of found) {
          const [first] = places;
          const others = places.length - 1;
          const text = first.removable ? project.textOf(first.file)?.text : undefined;
          context.report({
            file: first.file,
            span: first.span,
            messageId: others ? 'unsupportedKeyRepeated' : 'unsupportedKey',
            data: others ? { key, note: first.note, others } : { key, note: first.note },
            // The key has no effect, so removing it changes nothing at run time (the other files' copies go in later passes).
            fix: text === undefined ? undefined : () => jsonEdit(text, first.path, undefined),
          });
        }
      },
    };

    function recordKeys(config: ConfigFile, path: string[], keys: readonly UnsupportedKey[]): void {
      const object = objectAt(config.value, path);
      if (!object) return;
      for (const { key, note } of keys) {
        // In a JS config a key whose value the linter cannot evaluate is missing from the value, not from the code.
        const present = Object.hasOwn(object, key) || (config.source.format === 'js' && keyWritten(config.source, path, key));
        if (!present) continue;
        const span = config.source.locate([...path, key], { key: true });
        const place: KeyPlace = { path: [...path, key], file: config.source.file, span: { start: span.start, end: span.end }, note, removable: config.source.format === 'json' && SURELY_IGNORED.test(note) };
        context.record(place);
      }
    }
  },
});

/** One place a listed key is set (a fact of the config's file). */
interface KeyPlace {
  path: string[];
  file: string;
  span: { start: number; end: number };
  note: string;
  /** The fix may remove it: a JSON config, and a key Binance surely ignores. */
  removable: boolean;
}

function objectAt(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = value;
  for (const segment of path) node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
