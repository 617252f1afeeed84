import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle } from '@bmplint/core';
import { RuleTester, miniApp } from '@bmplint/core/testing';
import businessDomain from '../business-domain/index.js';
import rule from './index.js';

/** listing.json with the Service Domains the Management Portal holds for the app. */
const listing = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png', serviceDomains: ['https://api.example.com', 'wss://ws.example.com'], ...fields });

/** A classic app whose index page runs `code` in onLoad (on line 3). */
const page = (code: string, files: Record<string, string | null> = {}) =>
  miniApp({ 'listing.json': listing(), 'pages/index/index.js': `Page({\n  onLoad() {\n    ${code}\n  },\n});\n`, ...files });

/** A React app whose index page is `code`. */
const react = (code: string, files: Record<string, string | null> = {}) => ({
  'listing.json': listing(),
  'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
  'src/pages/index/index.tsx': code,
  ...files,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a literal https URL on a listed domain', files: page("bn.request({ url: 'https://api.example.com/v1/prices' });") },
    { name: 'uploadFile and downloadFile on a listed domain', files: page("bn.uploadFile({ url: 'https://api.example.com/up', filePath: p, name: 'f' }); bn.downloadFile({ url: 'https://api.example.com/f.zip' });") },
    { name: 'a wss socket on a listed domain', files: page("bn.connectSocket({ url: 'wss://ws.example.com/stream' });") },
    {
      name: 'default ports and case do not matter',
      files: page("bn.request({ url: 'https://API.Example.com:443/v1' }); bn.connectSocket({ url: 'wss://ws.example.com:443' });", {
        'listing.json': listing({ serviceDomains: ['https://api.example.com:443/', 'WSS://WS.EXAMPLE.COM'] }),
      }),
    },
    {
      name: 'a const in the same file on a listed domain',
      files: miniApp({ 'listing.json': listing(), 'pages/index/index.js': "const API = 'https://api.example.com';\nPage({ onLoad() { bn.request({ url: `${API}/v1/x` }); } });\n" }),
    },
    {
      name: 'an unresolvable URL is not reported',
      files: page("bn.request({ url: this.data.endpoint }); bn.request({ url: 'https://' + this.data.host + '/x' }); bn.request({ url: makeUrl() });"),
    },
    {
      name: 'a known start that stops inside the host is not enough to judge the origin',
      files: miniApp({
        'listing.json': listing(),
        'pages/index/index.js': "const BASE = 'https://cdn.other.com';\nfunction get(path) { return bn.request({ url: BASE + path }); }\nPage({ onLoad() { get('/x'); } });\n",
      }),
    },
    { name: 'bn members that are not network APIs, even Object.prototype names', files: page("bn.constructor({ url: 'http://x.com' }); bn.toString({ url: 'http://x.com' });") },
    { name: 'a relative URL is not an origin', files: page("bn.request({ url: '/api/prices' });") },
    { name: 'other APIs are not network calls', files: page("bn.navigateTo({ url: 'http://10.0.0.1/page' }); bn.previewImage({ urls: ['http://x.com/a.png'], current: 'http://x.com/a.png' });") },
    {
      name: 'without a listing, membership is not checked',
      files: page("bn.request({ url: 'https://unlisted.example.org/v1' });", { 'listing.json': null }),
    },
    {
      name: 'a serviceDomains field of the wrong type is left to the listing schema',
      files: page("bn.request({ url: 'https://unlisted.example.org/v1' });", { 'listing.json': listing({ serviceDomains: 'https://api.example.com' }) }),
    },
    {
      name: 'a vendor file whose local `bn` is not the API',
      files: page("bn.request({ url: 'https://api.example.com/v1' });", {
        'utils/bignumber.js': "function f(bn) { return bn.request({ url: 'http://10.0.0.1' }); }\nvar bn = require('bn.js');\nbn.request({ url: 'http://localhost' });\nmodule.exports = f;\n",
      }),
    },
    {
      name: 'a React page calling a listed domain through an imported const',
      files: react(
        "import { request } from '@binance/mp-service';\nimport { API } from '../../config';\nexport default function Index() {\n  request({ url: API + '/v1' });\n  return null;\n}\n",
        { 'src/config.ts': "export const API = 'https://api.example.com';\n" },
      ),
    },
  ],
  invalid: [
    {
      name: 'a literal http URL',
      files: page("bn.request({ url: 'http://api.example.com/v1/prices' });"),
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.js', line: 3, column: 23, data: { api: 'request', url: 'http://api.example.com/v1/prices', scheme: 'http', expected: 'https', origin: 'http://api.example.com' } }],
    },
    {
      name: 'a literal URL on an unlisted domain',
      files: page("bn.request({ url: 'https://api.other.com/v1' });"),
      errors: [{ messageId: 'notListed', file: 'pages/index/index.js', line: 3, column: 23, message: 'add https://api.other.com to the Service Domain list in the Management Portal' }],
    },
    {
      name: 'a const in the same file, concatenated',
      files: miniApp({ 'listing.json': listing(), 'pages/index/index.js': "const API = 'https://api.other.com';\nPage({\n  onLoad() { bn.request({ url: API + '/v1/x' }); },\n});\n" }),
      errors: [{ messageId: 'notListed', file: 'pages/index/index.js', line: 3, column: 32, data: { api: 'request', url: 'https://api.other.com/v1/x', origin: 'https://api.other.com' } }],
    },
    {
      name: 'a const imported from another module (ESM) in a template literal',
      files: page('bn.request({ url: `${API_BASE}/v1/x` });', {
        'pages/index/index.js': "import { API_BASE } from '../../utils/config';\nPage({\n  onLoad() {\n    bn.request({ url: `${API_BASE}/v1/x`, method: 'POST' });\n  },\n});\n",
        'utils/config.js': "export const API_BASE = 'https://staging.example.net';\n",
      }),
      errors: [{ messageId: 'notListed', file: 'pages/index/index.js', line: 4, column: 23, data: { api: 'request', url: 'https://staging.example.net/v1/x', origin: 'https://staging.example.net' } }],
    },
    {
      name: 'a const imported with require from a CommonJS module',
      files: page('', {
        'pages/index/index.js': "const { API } = require('../../utils/config');\nPage({\n  onLoad() {\n    bn.downloadFile({ url: API + '/file.zip' });\n  },\n});\n",
        'utils/config.js': "const API = 'http://api.example.com';\nmodule.exports = { API };\n",
      }),
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.js', line: 4, column: 28, data: { api: 'downloadFile', url: 'http://api.example.com/file.zip', scheme: 'http', expected: 'https', origin: 'http://api.example.com' } }],
    },
    {
      name: 'getApp().globalData from app.js',
      files: page("bn.uploadFile({ url: getApp().globalData.apiBase + '/upload', filePath: p, name: 'f' });", {
        'app.js': "App({\n  globalData: { apiBase: 'https://upload.other.com' },\n  onLaunch() {},\n});\n",
      }),
      errors: [{ messageId: 'notListed', file: 'pages/index/index.js', line: 3, column: 26, data: { api: 'uploadFile', url: 'https://upload.other.com/upload', origin: 'https://upload.other.com' } }],
    },
    {
      name: 'a destructured `const { request } = bn`',
      files: page('', { 'pages/index/index.js': "const { request } = bn;\nPage({ onLoad() { request({ url: 'http://api.example.com/a' }); } });\n" }),
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.js', line: 2, column: 34 }],
    },
    {
      name: 'a named import from @binance/mp-service in a React page',
      files: react("import { request } from '@binance/mp-service';\nexport default function Index() {\n  request({ url: 'https://api.other.com/v1' });\n  return null;\n}\n"),
      errors: [{ messageId: 'notListed', file: 'src/pages/index/index.tsx', line: 3, column: 18, data: { api: 'request', url: 'https://api.other.com/v1', origin: 'https://api.other.com' } }],
    },
    {
      name: 'a default import `mpService.request`',
      files: react("import mpService from '@binance/mp-service';\nconst BASE = 'http://api.example.com';\nexport default function Index() {\n  mpService.request({ url: `${BASE}/v1` });\n  return null;\n}\n"),
      errors: [{ messageId: 'insecureScheme', file: 'src/pages/index/index.tsx', line: 4, column: 28 }],
    },
    {
      name: "a computed `bn['request']`",
      files: page("bn['request']({ url: 'https://api.other.com/v1' });"),
      errors: [{ messageId: 'notListed', file: 'pages/index/index.js', line: 3, column: 26 }],
    },
    {
      name: 'options in a const object are reported where the url is written',
      files: page('', { 'pages/index/index.js': "const options = {\n  url: 'http://api.example.com/v1',\n};\nPage({ onLoad() { bn.request(options); } });\n" }),
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.js', line: 2, column: 8 }],
    },
    {
      name: 'a ws:// socket, and an https:// URL given to connectSocket',
      files: page("bn.connectSocket({ url: 'ws://ws.example.com/stream' }); bn.connectSocket({ url: 'https://ws.example.com' });"),
      errors: [
        { messageId: 'insecureScheme', file: 'pages/index/index.js', line: 3, column: 29, data: { api: 'connectSocket', url: 'ws://ws.example.com/stream', scheme: 'ws', expected: 'wss', origin: 'ws://ws.example.com' } },
        { messageId: 'wrongScheme', file: 'pages/index/index.js', line: 3, column: 86, data: { api: 'connectSocket', url: 'https://ws.example.com', scheme: 'https', expected: 'wss', origin: 'https://ws.example.com' } },
      ],
    },
    {
      name: 'a wss:// URL given to request',
      files: page("bn.request({ url: 'wss://ws.example.com/x' });"),
      errors: [{ messageId: 'wrongScheme', line: 3, column: 23, data: { api: 'request', url: 'wss://ws.example.com/x', scheme: 'wss', expected: 'https', origin: 'wss://ws.example.com' } }],
    },
    {
      name: 'an IP origin',
      files: page("bn.request({ url: 'https://203.0.113.7/v1' });"),
      errors: [{ messageId: 'ipOrLocal', line: 3, column: 23, data: { api: 'request', url: 'https://203.0.113.7/v1', host: '203.0.113.7', what: 'an IP address' } }],
    },
    {
      name: 'a private IP over http is one problem: the host (a dev server brings its http:// with it)',
      files: page("bn.request({ url: 'http://192.168.1.10:8080/api' });"),
      errors: [
        { messageId: 'ipOrLocal', line: 3, column: 23, data: { api: 'request', url: 'http://192.168.1.10:8080/api', host: '192.168.1.10', what: 'an IP address' } },
      ],
    },
    {
      name: 'a URL held in an exported config object, read through require() and destructuring',
      files: miniApp({
        'listing.json': listing(),
        'config.js': "module.exports = { root: 'http://localhost:8080', cdn: 'http://cdn.example.com' };",
        'pages/index/index.js': "const { root } = require('../../config');\nconst config = require('../../config');\nPage({ onLoad() {\n  bn.request({ url: `${root}/x` });\n  bn.downloadFile({ url: config.cdn + '/a.png' });\n} });\n",
      }),
      errors: [
        { messageId: 'ipOrLocal', file: 'pages/index/index.js', line: 4, column: 21, data: { api: 'request', url: 'http://localhost:8080/x', host: 'localhost', what: 'a local or private host' } },
        { messageId: 'insecureScheme', file: 'pages/index/index.js', line: 5, column: 26, data: { api: 'downloadFile', url: 'http://cdn.example.com/a.png', scheme: 'http', expected: 'https', origin: 'http://cdn.example.com' } },
      ],
    },
    {
      name: 'localhost',
      files: page("bn.request({ url: 'https://localhost:3000/api' });"),
      errors: [{ messageId: 'ipOrLocal', line: 3, column: 23, data: { api: 'request', url: 'https://localhost:3000/api', host: 'localhost', what: 'a local or private host' } }],
    },
    {
      name: 'an explicit non-default port is a different origin',
      files: page("bn.request({ url: 'https://api.example.com:8443/v1' });"),
      errors: [{ messageId: 'notListed', line: 3, column: 23, data: { api: 'request', url: 'https://api.example.com:8443/v1', origin: 'https://api.example.com:8443' } }],
    },
    {
      name: 'a known http:// start is insecure even when the host is not known',
      files: page("bn.request({ url: 'http://' + this.data.host + '/v1' });"),
      errors: [{ messageId: 'insecureScheme', line: 3, column: 23, data: { api: 'request', url: 'http://…', scheme: 'http', expected: 'https' } }],
    },
    {
      name: 'a known origin followed by an unknown path',
      files: page("bn.request({ url: 'https://api.other.com/v1/' + this.data.path });"),
      errors: [{ messageId: 'notListed', line: 3, column: 23, data: { api: 'request', url: 'https://api.other.com/v1/…', origin: 'https://api.other.com' } }],
    },
    {
      name: 'without a listing, scheme and host are still checked',
      files: page("bn.request({ url: 'http://api.unlisted.org/v1' }); bn.request({ url: 'https://127.0.0.1/v1' }); bn.request({ url: 'https://api.unlisted.org' });", { 'listing.json': null }),
      errors: [
        { messageId: 'insecureScheme', line: 3, column: 23 },
        { messageId: 'ipOrLocal', line: 3, column: 74, data: { api: 'request', url: 'https://127.0.0.1/v1', host: '127.0.0.1', what: 'an IP address' } },
      ],
    },
    {
      name: 'a listing without serviceDomains lists nothing',
      files: page("bn.request({ url: 'https://api.example.com/v1' });", { 'listing.json': JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png' }) }),
      errors: [{ messageId: 'notListed', line: 3, column: 23, data: { api: 'request', url: 'https://api.example.com/v1', origin: 'https://api.example.com' } }],
    },
    {
      name: 'a vendor function with a parameter named bn beside a real call',
      files: page('', {
        'pages/index/index.js': "function wrap(bn) { return bn.request({ url: 'http://10.0.0.1' }); }\nPage({ onLoad() { bn.request({ url: 'http://api.example.com' }); } });\n",
      }),
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.js', line: 2, column: 37 }],
    },
  ],
});

// The runner walks a template's inline <bns> scripts only when some active rule visits templates
// (see the core note in the report), so this case runs beside network/business-domain, as in a real run.
describe('network/service-domain in an inline <bns> module', () => {
  it('is evaluated against the script inside the template', async () => {
    const files = page('', { 'pages/index/index.bxml': '<view>Hi</view>\n<bns module="m">\nconst BASE = "http://api.example.com";\nbn.request({ url: BASE + "/v1" });\n</bns>\n' });
    const present = Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== null));
    const { findings } = await lint(openMemoryBundle(present), { rules: [rule, businessDomain] });
    expect(findings.map(({ ruleId, messageId, file, line, column }) => ({ ruleId, messageId, file, line, column }))).toEqual([
      { ruleId: 'network/service-domain', messageId: 'insecureScheme', file: 'pages/index/index.bxml', line: 4, column: 19 },
    ]);
  });
});

describe('network/service-domain grouping', () => {
  it('makes every request to one host one problem, and another host another', async () => {
    const files = miniApp({
      'listing.json': listing(),
      'config.js': "module.exports = { root: 'http://localhost:8080/wx/' };",
      'pages/index/index.js': "const { root } = require('../../config');\nPage({ onLoad() { bn.request({ url: root + 'home' }); bn.uploadFile({ url: `${root}upload`, filePath: 'a', name: 'f' }); bn.request({ url: 'http://api.example.com/a' }); } });\n",
      'pages/index/other.js': "const api = require('../../config');\nbn.request({ url: api.root + 'cart' });\nbn.request({ url: 'http://api.example.com/b' });\n",
    });
    const present = Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== null));
    const { findings } = await lint(openMemoryBundle(present), { rules: [rule] });
    const groups = new Map<string, number>();
    for (const finding of findings) groups.set(`${finding.messageId} ${finding.group}`, (groups.get(`${finding.messageId} ${finding.group}`) ?? 0) + 1);
    expect(findings).toHaveLength(5);
    expect([...groups.entries()].map(([key, count]) => [key.split(' ')[0], count]).sort()).toEqual([['insecureScheme', 2], ['ipOrLocal', 3]]);
  });
});
