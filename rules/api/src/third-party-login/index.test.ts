import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';
import { matchOauth, PROVIDERS } from './detect.js';
import data from './providers.json' with { type: 'json' };

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A login page with its template, its script and an api module. */
function loginPage(files: Files): Files {
  return miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/login/index'] }),
    'utils/api.js': lines(
      "export const API = 'https://api.club.example';",
      'export function post(path, data) {',
      "  return bn.request({ url: API + path, method: 'POST', data });",
      '}',
    ),
    ...files,
  });
}

const passwordForm = lines(
  '<form bindsubmit="onSubmit">',
  '  <input name="username" placeholder="Username"/>',
  '  <input name="password" password placeholder="Password"/>',
  '  <button form-type="submit">Log in</button>',
  '</form>',
);

new RuleTester().run(rule, {
  valid: [
    {
      name: 'Binance login: bn.login, then the code goes to the app back end',
      files: loginPage({
        'pages/login/index.bxml': '<button bindtap="login">Log in with Binance</button>\n',
        'pages/login/index.js': lines(
          'Page({',
          '  async login() {',
          '    const { code } = await bn.login();',
          "    await bn.request({ url: 'https://api.club.example/auth/login', method: 'POST', data: { code } });",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a payment password page that does not log in, and a Binance OAuth URL',
      files: loginPage({
        'pages/login/index.bxml': '<input password bindconfirm="setPin"/>\n<web-view src="https://accounts.binance.com/en/oauth/authorize?client_id=x"/>\n',
        'pages/login/index.js': "import { post } from '../../utils/api.js';\nPage({ setPin(e) { post('/wallet/pin', { pin: e.detail.value }); } });\n",
      }),
    },
    {
      name: 'Google APIs that are not sign-in, and a relative URL',
      files: miniApp({
        'pages/index/index.js': lines(
          "Page({ onLoad() {",
          "  bn.request({ url: 'https://www.googleapis.com/youtube/v3/videos?id=1' });",
          "  bn.request({ url: '/oauth/token' });",
          '} });',
        ),
      }),
    },
    {
      name: 'a password input bound to nothing that logs in',
      files: miniApp({ 'pages/index/index.bxml': '<input type="password" placeholder="Wi-Fi password"/>\n' }),
    },
  ],
  invalid: [
    {
      name: 'Google token endpoint through a const in another module',
      files: miniApp({
        'utils/oauth.js': "export const GOOGLE_TOKEN = 'https://oauth2.googleapis.com/token';\n",
        'pages/index/index.js': lines(
          "import { GOOGLE_TOKEN } from '../../utils/oauth.js';",
          'Page({',
          '  exchange(code) {',
          "    bn.request({ url: GOOGLE_TOKEN, method: 'POST', data: { code, grant_type: 'authorization_code' } });",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'thirdPartyOauth', file: 'pages/index/index.js', line: 4, column: 23, data: { via: 'bn.request', url: 'https://oauth2.googleapis.com/token', provider: 'Google' } }],
    },
    {
      name: 'WeChat authorize page in a web-view, GitHub token via template literal',
      files: miniApp({
        'pages/index/index.bxml': '<web-view src="https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&amp;scope=snsapi_userinfo"/>\n',
        'pages/index/index.js': "const GH = 'https://github.com';\nPage({ onLoad() { bn.request({ url: `${GH}/login/oauth/access_token?code=${this.code}` }); } });\n",
      }),
      errors: [
        { messageId: 'thirdPartyOauth', file: 'pages/index/index.bxml', line: 1, column: 11, data: { via: '<web-view src>', url: 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&amp;scope=snsapi_userinfo', provider: 'WeChat' } },
        { messageId: 'thirdPartyOauth', file: 'pages/index/index.js', line: 2, column: 37, message: 'https://github.com/login/oauth/access_token?code=…' },
      ],
    },
    {
      name: 'React: Sign in with Apple via the imported request',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { Button } from '@binance/mp-components';",
          "import { request } from '@binance/mp-service';",
          "const APPLE = 'https://appleid.apple.com/auth/token';",
          'export default function Index() {',
          '  const login = () => request({ url: APPLE, method: "POST" });',
          '  return <Button onClick={login}>Sign in with Apple</Button>;',
          '}',
        ),
      },
      errors: [{ messageId: 'thirdPartyOauth', file: 'src/pages/index/index.tsx', line: 5, column: 38, data: { via: 'request()', url: 'https://appleid.apple.com/auth/token', provider: 'Sign in with Apple' } }],
    },
    {
      name: 'a generic OAuth token path on another host is reported with low confidence',
      files: miniApp({ 'pages/index/index.js': "Page({ onLoad() { bn.request({ url: 'https://sso.partner.example/oauth2/token' }); } });\n" }),
      errors: [{ messageId: 'genericOauth', file: 'pages/index/index.js', line: 1, column: 37, data: { via: 'bn.request', url: 'https://sso.partner.example/oauth2/token', host: 'sso.partner.example' } }],
    },
    {
      name: 'own username+password form: submit → page method → utils module posts the password to /user/login',
      files: loginPage({
        'pages/login/index.bxml': passwordForm,
        'pages/login/index.js': lines(
          "import { post } from '../../utils/api.js';",
          'Page({',
          '  onSubmit(e) {',
          '    const { username, password } = e.detail.value;',
          '    this.signIn(username, password);',
          '  },',
          '  signIn(username, password) {',
          "    return post('/user/login', { username, password });",
          '  },',
          '});',
        ),
      }),
      errors: [{
        messageId: 'passwordLogin',
        file: 'pages/login/index.bxml',
        line: 3,
        column: 3,
        data: { trigger: 'bindsubmit="onSubmit" (pages/login/index.bxml:1)', url: 'https://api.club.example…' },
      }],
    },
    {
      name: 'React: a password Input whose onClick handler posts to /api/auth/login',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { useState } from 'react';",
          "import { View, Input, Button } from '@binance/mp-components';",
          "import { request } from '@binance/mp-service';",
          'export default function Login() {',
          "  const [form, setForm] = useState({ user: '', pwd: '' });",
          '  async function submit() {',
          "    await request({ url: 'https://api.club.example/api/auth/login', method: 'POST', data: form });",
          '  }',
          '  return (',
          '    <View>',
          '      <Input placeholder="User" onInput={(e) => setForm({ ...form, user: e.detail.value })} />',
          '      <Input password placeholder="Password" onInput={(e) => setForm({ ...form, pwd: e.detail.value })} />',
          '      <Button onClick={submit}>Log in</Button>',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [{ messageId: 'passwordLogin', file: 'src/pages/index/index.tsx', line: 12, column: 7, message: 'sends it to https://api.club.example/api/auth/login' }],
    },
  ],
});

describe('providers.json', () => {
  it('gives every provider a source note and at least one endpoint', () => {
    for (const provider of data.providers) {
      expect(provider.source, provider.id).toMatch(/https:\/\//);
      expect(provider.endpoints.length, provider.id).toBeGreaterThan(0);
    }
  });

  const examples: Record<string, string> = {
    google: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1',
    'firebase-auth': 'https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k',
    apple: 'https://appleid.apple.com/auth/authorize',
    facebook: 'https://graph.facebook.com/v19.0/oauth/access_token',
    x: 'https://twitter.com/i/oauth2/authorize',
    github: 'https://github.com/login/oauth/authorize',
    wechat: 'https://open.weixin.qq.com/connect/qrconnect?appid=a',
    discord: 'https://discord.com/api/oauth2/token',
    microsoft: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    telegram: 'https://oauth.telegram.org/auth?bot_id=1',
    line: 'https://access.line.me/oauth2/v2.1/authorize',
    kakao: 'https://kauth.kakao.com/oauth/token',
    auth0: 'https://club.eu.auth0.com/oauth/token',
  };

  it.each(PROVIDERS.map((provider) => [provider.id]))('matches a sign-in URL of %s', (id) => {
    expect(examples[id], `add an example for ${id}`).toBeDefined();
    expect(matchOauth(examples[id], true)?.provider?.id).toBe(id);
  });

  it.each([
    ['https://graph.facebook.com/v19.0/me?fields=id'],
    ['https://github.com/binance/binance-mp-demo'],
    ['https://accounts.binance.com/en/oauth/authorize'],
    ['https://api.example.com/v1/prices'],
    ['/oauth2/token'],
  ])('does not match %s', (url) => expect(matchOauth(url, true)).toBeUndefined());

  it('waits for the host to end before matching a partial URL', () => {
    expect(matchOauth('https://accounts.google', false)).toBeUndefined();
    expect(matchOauth('https://accounts.google.com/', false)?.provider?.id).toBe('google');
  });
});
