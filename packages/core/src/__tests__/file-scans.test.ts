import { beforeEach, describe, expect, it } from 'vitest';
import type { LintOptions, LintResult } from '../runner/lint.js';
import { defineRule } from '../rules/rule.js';
import { optionValue } from '../analysis/bn-api.js';
import { walkJs } from '../analysis/walk.js';
import { scanFiles } from '../analysis/file-scans.js';
import { miniApp, steppedSession } from '../testing/index.js';

/** The files each run's hook scanned, one list per run (a check runs the session, then a fresh lint). */
let runs: string[][] = [];
/** What the session's run of the last check scanned. */
const sessionScanned = () => [...runs[runs.length - 2]!].sort();

/** A project hook over one scan: every `bn.request` whose URL (evaluated, maybe from another file's constant) is Google's sign-in. */
const rule = defineRule({
  meta: {
    id: 'test/scan', clauses: ['4.2.1'], severity: 'error', suppressible: true, projectInput: 'asts', checksScripts: true, docs: { description: 'test' },
    messages: { signIn: 'requests {{url}}', templates: '{{count}} templates with a web view' },
  },
  create(context) {
    return {
      project(project) {
        const scanned: string[] = [];
        runs.push(scanned);
        const requests = scanFiles(project, 'test/sign-in', (file, scan) => {
          scanned.push(file.path);
          if (file.kind === 'bxml') return file.text.includes('<web-view') ? [] : undefined;
          const bn = file.kind === 'js' && file.ast ? scan.bnApi(file) : undefined;
          if (!bn || file.kind !== 'js') return undefined;
          const out: Array<{ node: { start: number; end: number }; url: string }> = [];
          walkJs(file.ast!, {
            enter(node) {
              const call = node.type === 'CallExpression' ? bn.call(node) : undefined;
              const url = call?.name === 'request' ? optionValue(call.options, 'url') : undefined;
              const value = url ? scan.evaluator.stringPrefix(url, file) : undefined;
              if (value && value.prefix.startsWith('https://accounts.google.com/')) out.push({ node: { start: node.start!, end: node.end! }, url: value.value ?? value.prefix });
            },
          });
          return out.length ? out : undefined;
        });
        for (const { path, value } of requests) {
          for (const request of value) context.report({ file: path, span: request.node, messageId: 'signIn', data: { url: request.url } });
        }
        const templates = requests.filter(({ path }) => path.endsWith('.bxml')).length;
        if (templates) context.report({ file: 'app.json', messageId: 'templates', data: { count: templates }, severity: 'info' });
      },
    };
  },
});

const options: LintOptions = { rules: [rule] };
const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/login/index'] }),
  'config.js': "export const AUTH = 'https://api.example.com/session';\n",
  'pages/index/index.js': "Page({ onLoad() { bn.request({ url: 'https://accounts.google.com/o/oauth2/auth' }); } });\n",
  'pages/index/index.bxml': '<view>Home</view>\n',
  'pages/login/index.js': "import { AUTH } from '../../config';\nPage({ signIn() { bn.request({ url: AUTH }); } });\n",
  'pages/login/index.bxml': '<button bindtap="signIn">Sign in</button>\n',
}) as Record<string, string>;

const found = (result: LintResult) => result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`);

describe('scanFiles in a session', () => {
  beforeEach(() => {
    runs = [];
  });

  it('scans again only the edited file, and a file whose scan read it; results equal a fresh lint()', async () => {
    const session = await steppedSession(options, app);
    expect(found(await session.check())).toEqual(['pages/index/index.js:1 requests https://accounts.google.com/o/oauth2/auth']);
    expect(sessionScanned()).toContain('pages/login/index.js');

    // An edit of a file no scan read: that file alone.
    session.set('pages/index/index.js', "Page({ onLoad() { bn.request({ url: 'https://api.example.com/feed' }); } });\n");
    expect(found(await session.check())).toEqual([]);
    expect(sessionScanned()).toEqual(['pages/index/index.js']);

    // The constant the login page's URL is built from: the unchanged login page is scanned again.
    session.set('config.js', "export const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';\n");
    expect(found(await session.check())).toEqual(['pages/login/index.js:2 requests https://accounts.google.com/o/oauth2/v2/auth']);
    expect(sessionScanned()).toEqual(['config.js', 'pages/login/index.js']);
    session.set('config.js', "export const AUTH = 'https://api.example.com/session';\n");
    expect(found(await session.check())).toEqual([]);
    expect(sessionScanned()).toEqual(['config.js', 'pages/login/index.js']);

    // Nothing changed: nothing scanned.
    await session.check();
    expect(sessionScanned()).toEqual([]);
  });

  it('follows templates appearing in and leaving the merged list, deletions and renames', async () => {
    const session = await steppedSession(options, app);
    await session.check();
    session.set('pages/index/index.bxml', '<web-view src="https://example.com" />\n');
    expect(found(await session.check())).toContain('app.json:1 1 templates with a web view');
    session.set('pages/login/index.bxml', '<web-view src="https://example.com/login" />\n');
    expect(found(await session.check())).toContain('app.json:1 2 templates with a web view');
    session.set('pages/index/index.bxml', '<view>Home</view>\n');
    expect(found(await session.check())).toContain('app.json:1 1 templates with a web view');
    // A rename (delete and add) changes the bundle's paths: everything is scanned again.
    session.set('pages/index/index.js', null);
    session.set('pages/index/main.js', "Page({ onLoad() { bn.request({ url: 'https://accounts.google.com/o/oauth2/auth' }); } });\n");
    expect(found(await session.check())).toEqual(['app.json:1 1 templates with a web view', 'pages/index/main.js:1 requests https://accounts.google.com/o/oauth2/auth — in code nothing in the app loads']);
    expect(sessionScanned()).toContain('pages/login/index.js');
    session.set('config.js', null);
    expect(found(await session.check())).toEqual(['app.json:1 1 templates with a web view', 'pages/index/main.js:1 requests https://accounts.google.com/o/oauth2/auth — in code nothing in the app loads']);
  });
});
