import { defineRule } from '@bmplint/core';

const MAX_KEY_TEXT = 40;

export default defineRule({
  meta: {
    id: 'api/no-dynamic-api-access',
    clauses: ['4.1.1'],
    severity: 'warning',
    suppressible: true,
    confidence: 'medium',
    docs: { description: 'bn APIs should be reached by name: bn[expr] with a key that cannot be resolved hides which API is called.' },
    messages: {
      dynamicAccess: 'bn[{{key}}] reaches a bn API through a key that cannot be resolved statically, so it cannot be checked against the public API list; call the API by name (4.1.1).',
    },
  },
  create(context) {
    return {
      js: {
        bnDynamic({ key, expression }) {
          const text = context.file && key.start != null && key.end != null ? context.file.text.slice(key.start, key.end).replace(/\s+/g, ' ') : 'expr';
          context.report({ node: expression, messageId: 'dynamicAccess', data: { key: text.length > MAX_KEY_TEXT ? `${text.slice(0, MAX_KEY_TEXT - 1)}…` : text } });
        },
      },
    };
  },
});
