import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A club app: bn.login on the home page through a utils module, and a "me" page. */
function club(files: Files): Files {
  return miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/me/index'] }),
    'utils/session.js': lines(
      'export async function signIn() {',
      '  const { code } = await bn.login();',
      "  const res = await bn.request({ url: 'https://api.club.example/auth/login', method: 'POST', data: { code } });",
      "  bn.setStorageSync('token', res.data.token);",
      '}',
      'export function signOut() {',
      "  bn.removeStorageSync('token');",
      '}',
    ),
    'pages/index/index.js': "import { signIn } from '../../utils/session.js';\nPage({ onLoad() { signIn(); } });\n",
    'pages/me/index.js': "import { signOut } from '../../utils/session.js';\nPage({ onTapAvatar() {}, bye() { signOut(); } });\n",
    ...files,
  });
}

new RuleTester().run(rule, {
  valid: [
    { name: 'no login at all', files: miniApp() },
    {
      name: 'a "Log out" button',
      files: club({ 'pages/me/index.bxml': '<view>\n  <button bindtap="bye">Log out</button>\n</view>\n' }),
    },
    {
      name: 'a Chinese 退出登录 label',
      files: club({ 'pages/me/index.bxml': '<button bindtap="bye">退出登录</button>\n' }),
    },
    {
      name: 'an icon bound to a handler named onLogout',
      files: club({
        'pages/me/index.bxml': '<image src="/icons/power.png" bindtap="onLogout"/>\n',
        'pages/me/index.js': 'Page({ onLogout() {} });\n',
      }),
    },
    {
      name: 'a tap whose flow removes the session token (label from i18n)',
      files: club({ 'pages/me/index.bxml': '<button bindtap="bye">{{i18n.leave}}</button>\n' }),
    },
    {
      name: 'React: <Button onClick={signOut}>Sign out</Button>',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { Button } from '@binance/mp-components';",
          "import { login, clearStorageSync } from '@binance/mp-service';",
          'export default function Index() {',
          '  const signIn = () => login();',
          '  const signOut = () => clearStorageSync();',
          '  return <><Button onClick={signIn}>Log in</Button><Button onClick={signOut}>Sign out</Button></>;',
          '}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'login through a utils module and no exit control anywhere (signOut is never wired to a tap)',
      files: club({ 'pages/me/index.bxml': '<view>\n  <image src="{{avatar}}" bindtap="onTapAvatar"/>\n  <text>{{nickname}}</text>\n</view>\n' }),
      errors: [{ messageId: 'noExit', file: 'utils/session.js', line: 2, column: 26, data: { api: 'bn.login' } }],
    },
    {
      name: 'a tap that only clears an unrelated key does not count',
      files: club({
        'pages/me/index.bxml': '<button bindtap="clear">Clear cache</button>\n',
        'pages/me/index.js': "Page({ clear() { bn.removeStorageSync('price-cache'); bn.setStorageSync('token', 'keep'); } });\n",
      }),
      errors: [{ messageId: 'noExit', file: 'utils/session.js', line: 2, column: 26 }],
    },
    {
      name: 'React: login() with no way out',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { View } from '@binance/mp-components';",
          "import { login, useDidShow } from '@binance/mp-service';",
          'export default function Index() {',
          '  useDidShow(() => { login(); });',
          '  return <View>Welcome back</View>;',
          '}',
        ),
      },
      errors: [{ messageId: 'noExit', file: 'src/pages/index/index.tsx', line: 4, column: 22, data: { api: 'login()' } }],
    },
  ],
});
