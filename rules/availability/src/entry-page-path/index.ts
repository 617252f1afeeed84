import { defineRule, jsonEdit, type ConfigSource } from '@bmplint/core';

export default defineRule({
  meta: {
    id: 'availability/entry-page-path',
    clauses: ['6.3'],
    severity: 'warning',
    suppressible: true,
    fixable: 'code',
    // Reads only the project model (the app config, pages, components): nothing per file.
    projectInput: 'facts',
    // A misspelt entry key (`entryPage`) is the root cause: the schema rule names it, with the fix.
    defersTo: ['availability/app-json-schema'],
    docs: { description: 'The app config should set entryPagePath: the docs mark it required; without it the first page becomes the home page.' },
    messages: {
      missingEntryPagePath:
        'entryPagePath is not set, so the runtime opens the first page, {{page}}. Set entryPagePath so that reordering pages cannot change the home page (6.3).',
    },
  },
  create(context) {
    return {
      project(project) {
        const config = project.appConfig;
        if (!config?.value || config.value.entryPagePath !== undefined || isWritten(config, 'entryPagePath')) return;
        // No main page to fall back to: the schema rule reports the empty `pages`.
        const first = project.pages.find((page) => !page.subpackage);
        if (!first) return;
        // Reported at a key that looks meant to be it (`entryPage`), else at `pages`.
        const meant = Object.keys(config.value).find((key) => /^entry/i.test(key));
        const at = config.locate([meant ?? 'pages'], { key: true });
        // The fix writes down what the runtime does now: the first page stays the home page. Not with a
        // misspelt entry key: the schema rule's fix renames that one.
        const text = config.format === 'json' && !meant ? project.textOf(at.file)?.text : undefined;
        context.report({
          file: at.file, span: at, messageId: 'missingEntryPagePath', data: { page: first.route },
          fix: text === undefined ? undefined : () => jsonEdit(text, ['entryPagePath'], first.route),
        });
      },
    };
  },
});

/**
 * Whether the key is written in the config even though its value is not known statically
 * (`entryPagePath: routes.home` in app.config.ts): `locate` falls back to the enclosing object
 * when the key is absent.
 */
function isWritten(config: ConfigSource, key: string): boolean {
  const whole = config.locate([]);
  const value = config.locate([key]);
  return value.start !== whole.start || value.end !== whole.end;
}
