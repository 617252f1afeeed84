import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type LintOptions, type LintResult } from '@bmplint/core';
import { miniApp } from '@bmplint/core/testing';
import rules from './index.js';

const options: LintOptions = { rules };
const listing = `${JSON.stringify({ name: 'Signal Pro', logo: 'logo.png', description: 'Live gas fee tiers.' }, null, 2)}\n`;

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/login/index'] }),
  'listing.json': listing,
  'config.js': "export const AUTH = 'https://api.example.com/session';\n",
  'pages/index/index.js': "Page({ onLoad() { bn.xrScene = 1; }, pay() { bn.showModal({ success: (res) => { if (res.confirm) bn.requestPayment({}); } }); } });\n",
  'pages/index/index.bxml': '<button bindtap="pay">Continue</button>\n',
  'pages/login/index.js': "import { AUTH } from '../../config';\nPage({ signIn() { bn.request({ url: AUTH + '?next=home' }); }, scene() { return bn.xrScene; } });\n",
  'pages/login/index.bxml': '<button bindtap="signIn">Sign in</button>\n',
}) as Record<string, string>;

const fresh = async (files: Record<string, string>) => lint(openMemoryBundle(files), options);
const problems = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('the api rules in a session', () => {
  it('give what a fresh lint() gives as files change, the edited file\'s findings and those it causes in other files', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    const step = async (path: string, content: string | null) => {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = await session.lint();
      expect(JSON.parse(JSON.stringify(incremental))).toEqual(JSON.parse(JSON.stringify(await fresh(files))));
      return problems(incremental);
    };

    const first = problems(await session.lint());
    expect(first).toEqual(problems(await fresh(files)));
    // The app pays and the description says nothing about it; xrScene is the app's own store.
    expect(first).toContain('api/payment-disclosure listing.json:4');
    expect(first).toContain('api/test-account listing.json:1');
    expect(first.filter((problem) => problem.startsWith('api/no-private-api'))).toEqual([]);
    expect(first.filter((problem) => problem.startsWith('api/third-party-login'))).toEqual([]);

    // A constant in another file makes the unchanged login page reach Google's sign-in endpoint.
    let now = await step('config.js', "export const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';\n");
    expect(now).toContain('api/third-party-login pages/login/index.js:2');
    now = await step('config.js', "export const AUTH = 'https://api.example.com/session';\n");
    expect(now.filter((problem) => problem.startsWith('api/third-party-login'))).toEqual([]);

    // The page that stored xrScene no longer does: the other page's read of it is reported.
    now = await step('pages/index/index.js', 'Page({ pay() { bn.showModal({ success: (res) => { if (res.confirm) bn.requestPayment({}); } }); } });\n');
    expect(now).toContain('api/no-private-api pages/login/index.js:2');

    // The payment loses its confirmation, then goes away: the payment findings follow.
    now = await step('pages/index/index.js', 'Page({ pay() { bn.requestPayment({}); } });\n');
    expect(now).toContain('api/payment-confirmation pages/index/index.js:1');
    now = await step('pages/index/index.js', 'Page({ pay() {} });\n');
    expect(now.filter((problem) => /payment/.test(problem))).toEqual([]);
    expect(now).not.toContain('api/test-account listing.json:1');

    // A login without a way out, then a logout button in another file.
    now = await step('pages/login/index.js', "Page({ signIn() { bn.login({}); }, subscribe() { bn.requestSubscribeMessage({ tmplIds: ['a'] }); }, onShow() { this.subscribe(); } });\n");
    expect(now).toEqual(expect.arrayContaining(['api/login-exit pages/login/index.js:1', 'api/subscribe-message-gesture pages/login/index.js:1', 'api/test-account listing.json:1']));
    now = await step('pages/index/index.bxml', '<button bindtap="logout">Log out</button>\n');
    expect(now).not.toContain('api/login-exit pages/login/index.js:1');
  });
});
