import { defineRule } from '@bmplint/core';
import unsupported from '../schemas/unsupported-keys.json' with { type: 'json' };
import { configFiles, keyWritten, type ConfigFile } from '../app-json-schema/configs.js';

interface UnsupportedKey {
  key: string;
  note: string;
}

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
    docs: { description: 'Config keys that WeChat documents but Binance does not have no effect in a Binance mini program: the behaviour they were written for is missing.' },
    messages: {
      unsupportedKey: '"{{key}}" is a setting Binance does not document; it has no effect here: {{note}}',
      unsupportedKeyRepeated: '"{{key}}" is a setting Binance does not document; it has no effect here (also set in {{others}} more config files): {{note}}',
    },
  },
  create(context) {
    /** Every place each key is set: a component library sets the same key in a hundred files, so it is reported once. */
    const found = new Map<string, Array<{ file: string; span: { start: number; end: number }; note: string }>>();
    return {
      project(project) {
        for (const config of configFiles(project)) {
          if (config.kind === 'app') {
            check(config, [], APP_KEYS);
            check(config, ['window'], WINDOW_KEYS);
          } else {
            check(config, [], PAGE_KEYS);
          }
        }
        for (const [key, places] of found) {
          const [first] = places;
          const others = places.length - 1;
          context.report({
            file: first.file,
            span: first.span,
            messageId: others ? 'unsupportedKeyRepeated' : 'unsupportedKey',
            data: others ? { key, note: first.note, others } : { key, note: first.note },
          });
        }
      },
    };

    /** Records each listed key that the object at `path` of the config sets. */
    function check(config: ConfigFile, path: string[], keys: readonly UnsupportedKey[]): void {
      const object = objectAt(config.value, path);
      if (!object) return;
      for (const { key, note } of keys) {
        // In a JS config a key whose value the linter cannot evaluate is missing from the value, not from the code.
        const present = Object.hasOwn(object, key) || (config.source.format === 'js' && keyWritten(config.source, path, key));
        if (!present) continue;
        const span = config.source.locate([...path, key], { key: true });
        const name = [...path, key].join('.');
        const places = found.get(name) ?? [];
        places.push({ file: config.source.file, span: { start: span.start, end: span.end }, note });
        found.set(name, places);
      }
    }
  },
});

function objectAt(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = value;
  for (const segment of path) node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
