import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const listing = (fields: Record<string, unknown>) => `${JSON.stringify({ name: 'Club', description: 'Members club. Premium costs 4.99 USDT.', logo: 'logo.png', ...fields }, null, 2)}\n`;

/** Login on the home page through a utils module. */
function club(files: Files): Files {
  return miniApp({
    'utils/session.js': 'export async function signIn() {\n  const { code } = await bn.login();\n  return code;\n}\n',
    'pages/index/index.js': "import { signIn } from '../../utils/session.js';\nPage({ onLoad() { signIn(); } });\n",
    ...files,
  });
}

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing', files: club({}) },
    { name: 'a test account is given', files: club({ 'listing.json': listing({ testAccount: { id: 'review@club.example', password: 'Review-2024' } }) }) },
    { name: 'no login and no payments', files: miniApp({ 'listing.json': listing({}), 'pages/index/index.js': "Page({ onLoad() { bn.request({ url: 'https://api.club.example/news' }); } });\n" }) },
  ],
  invalid: [
    {
      name: 'bn.login but no testAccount: reported at the listing root',
      files: club({ 'listing.json': listing({}) }),
      errors: [{ messageId: 'noTestAccount', file: 'listing.json', line: 1, column: 1, endLine: 1, endColumn: 2, data: { what: 'Binance login', where: 'bn.login in utils/session.js:2' } }],
    },
    {
      name: 'React: requestPayment and "testAccount": null',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { requestPayment } from '@binance/mp-service';\nexport default () => <button onClick={() => requestPayment({})}>Buy</button>;\n",
        'listing.json': listing({ testAccount: null }),
      },
      errors: [{ messageId: 'nullTestAccount', file: 'listing.json', line: 5, column: 3, data: { what: 'paid content', where: 'requestPayment() in src/pages/index/index.tsx:2' } }],
    },
    {
      name: 'third-party sign-in counts as accounts',
      files: miniApp({
        'listing.json': listing({}),
        'pages/index/index.js': "Page({ onLoad() { bn.request({ url: 'https://discord.com/api/oauth2/token', method: 'POST' }); } });\n",
      }),
      errors: [{ messageId: 'noTestAccount', file: 'listing.json', line: 1, column: 1, data: { what: 'Discord sign-in', where: 'bn.request in pages/index/index.js:1' } }],
    },
    {
      name: 'an own username+password login counts as accounts',
      files: miniApp({
        'listing.json': listing({}),
        'pages/index/index.bxml': lines('<form bindsubmit="login">', '  <input name="user"/>', '  <input name="pwd" type="password"/>', '  <button form-type="submit">Log in</button>', '</form>'),
        'pages/index/index.js': "Page({ login(e) { bn.request({ url: 'https://api.club.example/login', method: 'POST', data: e.detail.value }); } });\n",
      }),
      errors: [{ messageId: 'noTestAccount', file: 'listing.json', line: 1, column: 1, data: { what: 'its own password login', where: 'pages/index/index.bxml:3' } }],
    },
  ],
});
