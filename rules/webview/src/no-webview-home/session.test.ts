import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type LintOptions, type LintResult } from '@bmplint/core';
import { miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const options: LintOptions = { rules: [rule] };
const appJson = (entry: string) => JSON.stringify({ entryPagePath: entry, pages: ['pages/index/index', 'pages/web/index'], window: { navigationBarTitleText: 'Gas Watch' } }, null, 2);
const app = miniApp({
  'app.json': appJson('pages/index/index'),
  'pages/web/index.js': 'Page({});\n',
  'pages/web/index.bxml': '<web-view src="https://gaswatch.example/app"></web-view>\n',
}) as Record<string, string>;

const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
const fresh = async (files: Record<string, string>) => plain(await lint(openMemoryBundle(files), options));
const described = (result: LintResult) => result.findings.map((finding) => `${finding.messageId} ${finding.file}:${finding.line}`);

describe('webview/no-webview-home in a session', () => {
  it('gives what a fresh lint() gives when the home template or the entry page changes', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    expect(plain(await session.lint())).toEqual(await fresh(files));
    const steps: Array<[path: string, content: string | null, present: string[]]> = [
      ['pages/index/index.bxml', '<view>\n  <web-view src="https://gaswatch.example/home"></web-view>\n</view>\n', ['homeIsWebview pages/index/index.bxml:2']],
      ['pages/index/index.bxml', '<view>Gas prices</view>\n', []],
      // Only the model changes: the web-view page becomes the home page.
      ['app.json', appJson('pages/web/index'), ['homeIsWebview pages/web/index.bxml:1']],
      ['pages/web/index.bxml', '<view>Gas</view>\n<web-view src="https://gaswatch.example/app"></web-view>\n', []],
    ];
    for (const [path, content, present] of steps) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = plain(await session.lint());
      expect(incremental).toEqual(await fresh(files));
      expect(described(incremental)).toEqual(present);
    }
  });
});
