import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type LintOptions, type LintResult } from '@bmplint/core';
import { miniApp } from '@bmplint/core/testing';
import rules from './index.js';

/** The project rules of this area, all reading facts and the project model (issue #9). */
const ids = ['app-json-schema', 'unsupported-config-key', 'missing-file', 'unknown-page', 'entry-page-path', 'no-test-build'].map((name) => `availability/${name}`);
const options: LintOptions = { rules: rules.filter((rule) => ids.includes(rule.meta.id)) };

const app = miniApp({
  'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index', 'pages/about/index'], window: { navigationBarTitleText: 'Gas Watch' } }, null, 2),
  'config.js': "export const API = 'https://api.gaswatch.example';\n",
  'pages/index/index.js': "import { API } from '../../config';\nPage({ onLoad() { bn.request({ url: API + '/v1/gas' }); } });\n",
  'pages/index/index.json': JSON.stringify({ usingComponents: { card: '/components/card/index' } }),
  'pages/about/index.js': 'Page({});\n',
  'pages/about/index.bxml': '<view>About</view>\n',
  'pages/about/index.json': '{ "navigationBarTitleText": "About" }\n',
  'components/card/index.json': '{ "component": true }\n',
  'components/card/index.bxml': '<view>Card</view>\n',
  'components/card/index.js': 'Component({});\n',
}) as Record<string, string>;

const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
const fresh = async (files: Record<string, string>) => plain(await lint(openMemoryBundle(files), options));
const described = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`).sort();

describe('availability rules in a session', () => {
  it('give what a fresh lint() gives after each edit, with problems appearing and disappearing', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    expect(plain(await session.lint())).toEqual(await fresh(files));
    expect(described(await session.lint())).toEqual([]);

    const steps: Array<[path: string, content: string | null, present: string[]]> = [
      // A constant in one file reaches a request in another: facts of two files meet.
      ['config.js', "export const API = 'https://staging.gaswatch.example';\n", ['availability/no-test-build config.js:1']],
      // A title read from its page config's facts.
      ['pages/about/index.json', '{ "navigationBarTitleText": "About (demo)" }\n', ['availability/no-test-build config.js:1', 'availability/no-test-build pages/about/index.json:1']],
      ['config.js', "export const API = 'https://api.gaswatch.example';\n", ['availability/no-test-build pages/about/index.json:1']],
      // Nothing opened the page, so its title was a warning; a link from another file makes it an error.
      ['pages/index/index.bxml', '<navigator url="/pages/about/index">About</navigator>\n', ['availability/no-test-build pages/about/index.json:1']],
      ['pages/index/index.bxml', '<view>Gas prices</view>\n', ['availability/no-test-build pages/about/index.json:1']],
      // A key Binance ignores, in a component's config; a schema problem in the same file.
      ['components/card/index.json', '{ "component": true, "styleIsolation": "shared", "usingComponents": [] }\n', [
        'availability/app-json-schema components/card/index.json:1',
        'availability/no-test-build pages/about/index.json:1',
        'availability/unsupported-config-key components/card/index.json:1',
      ]],
      ['pages/about/index.json', '{ "navigationBarTitleText": "About" }\n', ['availability/app-json-schema components/card/index.json:1', 'availability/unsupported-config-key components/card/index.json:1']],
      ['components/card/index.json', '{ "component": true }\n', []],
      // The model changes: a page without files, an entry page that is not declared.
      ['app.json', JSON.stringify({ entryPagePath: 'pages/home/index', pages: ['pages/index/index', 'pages/about/index', 'pages/news/index'] }, null, 2), [
        'availability/missing-file app.json:6',
        'availability/unknown-page app.json:2',
      ]],
      ['app.json', app['app.json'], []],
    ];
    for (const [path, content, present] of steps) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = plain(await session.lint());
      expect(incremental).toEqual(await fresh(files));
      expect(described(incremental)).toEqual(present);
      const title = incremental.findings.find((finding) => finding.file === 'pages/about/index.json');
      if (title) expect(title.severity).toBe(files['pages/index/index.bxml'].includes('/pages/about/index') ? 'error' : 'warning');
    }
  });
});
