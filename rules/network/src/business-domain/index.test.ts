import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** listing.json with the Business Domains the Management Portal holds for the app. */
const listing = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png', businessDomains: ['https://h5.example.com'], ...fields });

/** A classic app with a second page, pages/h5/index, whose template is `bxml`. */
const webPage = (bxml: string, files: Record<string, string | null> = {}) =>
  miniApp({
    'listing.json': listing(),
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/h5/index'] }),
    'pages/h5/index.js': 'Page({ data: { url: "", host: "", id: 1 } });\n',
    'pages/h5/index.bxml': bxml,
    ...files,
  });

/** A React app whose index page is `code`. */
const react = (code: string, files: Record<string, string | null> = {}) => ({
  'listing.json': listing(),
  'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
  'src/pages/index/index.tsx': code,
  ...files,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a web-view of a listed https origin', files: webPage('<web-view src="https://h5.example.com/app?from=mp"></web-view>\n') },
    { name: 'default port and case do not matter', files: webPage('<web-view src="https://H5.Example.com:443/app"/>\n', { 'listing.json': listing({ businessDomains: ['https://h5.example.com:443/'] }) }) },
    { name: 'a web-view-component showing a local .html file', files: webPage('<view><web-view-component id="w" src="/pages/h5/test.html"/></view>\n') },
    { name: 'a src bound to page data is not followed', files: webPage('<web-view src="{{url}}"/>\n') },
    { name: 'a known start that stops inside the host', files: webPage('<web-view src="https://{{host}}/app"/>\n') },
    { name: 'a binding folded from literals on a listed origin', files: webPage('<web-view src="{{ \'https://h5.example.com\' + \'/app\' }}"/>\n') },
    { name: 'a src that is not a web URL is out of scope', files: webPage('<web-view src="about:blank"/>\n<web-view-component src="./local.html"/>\n') },
    {
      name: 'bn.navigateTo with a web URL does not open a web-view',
      files: miniApp({ 'listing.json': listing(), 'pages/index/index.js': "Page({ onLoad() { bn.navigateTo({ url: 'http://10.0.0.1/page' }); } });\n" }),
    },
    {
      name: 'without a listing, membership is not checked',
      files: webPage('<web-view src="https://docs.unlisted.org/guide"/>\n', { 'listing.json': null }),
    },
    {
      name: 'a React WebView of a listed origin held in an imported const',
      files: react(
        "import { WebView } from '@binance/mp-components';\nimport { H5 } from '../../config';\nexport default function Index() {\n  return <WebView src={`${H5}/app`} />;\n}\n",
        { 'src/config.ts': "export const H5 = 'https://h5.example.com';\n" },
      ),
    },
    {
      name: 'a React WebView whose src is a prop',
      files: react("import { WebView } from '@binance/mp-components';\nexport default function Page(props: { url: string }) {\n  return <WebView src={props.url} />;\n}\n"),
    },
    {
      name: 'other React components with a src',
      files: react("import { Image } from '@binance/mp-components';\nexport default () => <Image src=\"http://img.example.com/a.png\" />;\n"),
    },
  ],
  invalid: [
    {
      name: 'an http web-view',
      files: webPage('<view>\n  <web-view src="http://h5.example.com/app"></web-view>\n</view>\n'),
      errors: [{ messageId: 'insecureScheme', file: 'pages/h5/index.bxml', line: 2, column: 18, data: { url: 'http://h5.example.com/app', scheme: 'http', origin: 'http://h5.example.com' } }],
    },
    {
      name: 'a web-view of an unlisted origin',
      files: webPage('<web-view src="https://docs.other.com/guide"/>\n'),
      errors: [{ messageId: 'notListed', file: 'pages/h5/index.bxml', line: 1, column: 16, message: 'add https://docs.other.com to the Business Domain list in the Management Portal' }],
    },
    {
      name: 'a {{ }} template literal folded to an unlisted origin',
      files: webPage("<web-view src=\"{{ `https://docs.other.com/${'guide'}` }}\"/>\n"),
      errors: [{ messageId: 'notListed', line: 1, column: 16, data: { url: 'https://docs.other.com/guide', origin: 'https://docs.other.com' } }],
    },
    {
      name: 'a static http:// start before page data',
      files: webPage('<web-view src="http://{{host}}/app"/>\n'),
      errors: [{ messageId: 'insecureScheme', line: 1, column: 16, data: { url: 'http://…', scheme: 'http' } }],
    },
    {
      name: 'a static origin followed by page data',
      files: webPage('<web-view src="https://docs.other.com/item?id={{id}}"/>\n'),
      errors: [{ messageId: 'notListed', line: 1, column: 16, data: { url: 'https://docs.other.com/item?id=…', origin: 'https://docs.other.com' } }],
    },
    {
      name: 'an IP origin and localhost',
      files: webPage('<web-view src="https://10.0.0.2/app"/>\n<web-view-component src="https://localhost:8080/a.html"/>\n'),
      errors: [
        { messageId: 'ipOrLocal', line: 1, column: 16, data: { url: 'https://10.0.0.2/app', host: '10.0.0.2', what: 'an IP address' } },
        { messageId: 'ipOrLocal', line: 2, column: 26, data: { url: 'https://localhost:8080/a.html', host: 'localhost', what: 'a local or private host' } },
      ],
    },
    {
      name: 'an explicit non-default port is a different origin',
      files: webPage('<web-view src="https://h5.example.com:8443/app"/>\n'),
      errors: [{ messageId: 'notListed', line: 1, column: 16, data: { url: 'https://h5.example.com:8443/app', origin: 'https://h5.example.com:8443' } }],
    },
    {
      name: 'a web-view-component with an absolute http URL',
      files: webPage('<view>\n  <web-view-component src="http://h5.example.com/a.html"/>\n</view>\n'),
      errors: [{ messageId: 'insecureScheme', line: 2, column: 28 }],
    },
    {
      name: 'without a listing, scheme and host are still checked',
      files: webPage('<web-view src="http://docs.unlisted.org/guide"/>\n', { 'listing.json': null }),
      errors: [{ messageId: 'insecureScheme', line: 1, column: 16 }],
    },
    {
      name: 'a listing without businessDomains lists nothing',
      files: webPage('<web-view src="https://h5.example.com/app"/>\n', { 'listing.json': JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png' }) }),
      errors: [{ messageId: 'notListed', line: 1, column: 16, data: { url: 'https://h5.example.com/app', origin: 'https://h5.example.com' } }],
    },
    {
      name: 'a React WebView with a literal http src',
      files: react("import { View, WebView } from '@binance/mp-components';\nexport default function Index() {\n  return <View><WebView src=\"http://h5.example.com/app\" /></View>;\n}\n"),
      errors: [{ messageId: 'insecureScheme', file: 'src/pages/index/index.tsx', line: 3, column: 29, data: { url: 'http://h5.example.com/app', scheme: 'http', origin: 'http://h5.example.com' } }],
    },
    {
      name: 'a React WebView with a const from the same file, concatenated',
      files: react("import { WebView } from '@binance/mp-components';\nconst DOCS = 'https://docs.other.com';\nexport default function Index() {\n  return <WebView src={DOCS + '/guide'} />;\n}\n"),
      errors: [{ messageId: 'notListed', file: 'src/pages/index/index.tsx', line: 4, column: 24, data: { url: 'https://docs.other.com/guide', origin: 'https://docs.other.com' } }],
    },
    {
      name: 'a React WebView imported under another name, src from CommonJS',
      files: react(
        "import { WebView as Web } from '@binance/mp-components';\nconst { H5 } = require('../../config');\nexport default () => <Web src={H5} />;\n",
        { 'src/config.js': "module.exports = { H5: 'https://192.168.0.8' };\n" },
      ),
      errors: [{ messageId: 'ipOrLocal', file: 'src/pages/index/index.tsx', line: 3, column: 32, data: { url: 'https://192.168.0.8', host: '192.168.0.8', what: 'an IP address' } }],
    },
  ],
});
