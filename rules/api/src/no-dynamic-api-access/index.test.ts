import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const PAGE = 'pages/index/index.js';
const page = (code: string) => miniApp({ [PAGE]: code });

new RuleTester().run(rule, {
  valid: [
    { name: 'APIs called by name', files: page("bn.request({ url: 'https://api.example.com' });\nbn['showToast']({ title: 'Hi' });\n") },
    { name: 'a key that folds to a constant', files: page("const METHOD = 'navigate' + 'To';\nconst PREFIX = 'set';\nbn[METHOD]({ url: '/pages/a/index' });\nbn[`${PREFIX}StorageSync`]('k', 1);\n") },
    { name: 'computed access on other objects', files: page('const handlers = { a() {} };\nexport function run(name) {\n  return handlers[name]();\n}\n') },
    { name: 'a local bn that is not the API', files: page('export function digit(bn, i) {\n  return bn.words[i] + bn[i];\n}\n') },
    { name: 'a constant computed destructuring key', files: page("const { ['showModal']: ask } = bn;\nask({});\n") },
  ],
  invalid: [
    {
      name: 'bn[name] with a name from a parameter',
      files: page('export function call(name, options) {\n  return bn[name](options);\n}\n'),
      errors: [{ messageId: 'dynamicAccess', file: PAGE, line: 2, column: 10, endColumn: 18, data: { key: 'name' } }],
    },
    {
      name: 'a template-literal key built from runtime data, through an alias of bn',
      files: page("import mp from '@binance/mp-service';\nPage({\n  onTap(e) {\n    mp[`get${e.currentTarget.dataset.api}`]();\n  },\n});\n"),
      errors: [{ messageId: 'dynamicAccess', file: PAGE, line: 4, column: 5, message: 'bn[`get${e.currentTarget.dataset.api}`] reaches a bn API' }],
    },
    {
      name: 'optional dynamic access',
      files: page('const api = globalThis.apiName;\nbn?.[api]?.();\n'),
      errors: [{ messageId: 'dynamicAccess', file: PAGE, line: 2, column: 1 }],
    },
    {
      name: 'a computed destructuring key that cannot be resolved',
      files: page('export function pick(key) {\n  const { [key]: fn } = bn;\n  return fn;\n}\n'),
      errors: [{ messageId: 'dynamicAccess', file: PAGE, line: 2, column: 12, data: { key: 'key' } }],
    },
  ],
});
