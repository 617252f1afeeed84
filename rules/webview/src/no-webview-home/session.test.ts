import { describe, expect, it } from 'vitest';
import type { LintResult } from '@bmplint/core';
import { miniApp, replaySession, type SessionEdit } from '@bmplint/core/testing';
import rule from './index.js';

const appJson = (entry: string) => JSON.stringify({ entryPagePath: entry, pages: ['pages/index/index', 'pages/web/index'], window: { navigationBarTitleText: 'Gas Watch' } }, null, 2);
const app = miniApp({
  'app.json': appJson('pages/index/index'),
  'pages/web/index.js': 'Page({});\n',
  'pages/web/index.bxml': '<web-view src="https://gaswatch.example/app"></web-view>\n',
}) as Record<string, string>;
const described = (result: LintResult) => result.findings.map((finding) => `${finding.messageId} ${finding.file}:${finding.line}`);

describe('webview/no-webview-home in a session', () => {
  it('gives what a fresh lint() gives when the home template or the entry page changes', async () => {
    const steps: Array<[...SessionEdit, string[]]> = [
      ['pages/index/index.bxml', '<view>\n  <web-view src="https://gaswatch.example/home"></web-view>\n</view>\n', ['homeIsWebview pages/index/index.bxml:2']],
      ['pages/index/index.bxml', '<view>Gas prices</view>\n', []],
      // Only the model changes: the web-view page becomes the home page.
      ['app.json', appJson('pages/web/index'), ['homeIsWebview pages/web/index.bxml:1']],
      ['pages/web/index.bxml', '<view>Gas</view>\n<web-view src="https://gaswatch.example/app"></web-view>\n', []],
    ];
    await replaySession({ rules: [rule] }, app, steps.map(([path, content]) => [path, content]), (result, step) => {
      expect(described(result)).toEqual(steps[step][2]);
    });
  });
});
