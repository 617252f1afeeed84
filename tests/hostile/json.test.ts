/**
 * JSON with duplicate keys (which JSON.parse silently resolves to the last one, so the config a
 * reviewer reads may not be the one bmplint reads) and with 1 MB strings, keys and escapes, in
 * app.json, page json, component json and listing.json. No crash, no rule failure, bounded time;
 * duplicates are reported when the syntax rule is loaded.
 */
import { describe, expect, it } from 'vitest';
import { baseApp, expectNoInternalErrors, expectWellFormed, hasRule, lintTimed, SYNTAX_RULE } from './helpers.js';

const MB = 1024 * 1024;
const big = (unit = 'a') => unit.repeat(Math.ceil(MB / unit.length));

const listing = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ appId: 'Hx7tKqR3vNx9PmZ2cH4aYe', name: 'Json', description: 'Shows the weather.', logo: 'logo.png', category: 'Tools', tags: ['weather'], serviceDomains: ['https://api.weather.example'], businessDomains: [], ...fields });

describe('duplicate keys', () => {
  const cases: Record<string, Record<string, string>> = {
    'app.json `pages` twice (the second names a page that does not exist)': {
      'app.json': '{\n  "entryPagePath": "pages/index/index",\n  "pages": ["pages/index/index"],\n  "pages": ["pages/missing/index"]\n}\n',
    },
    'app.json `window` twice': {
      'app.json': '{\n  "entryPagePath": "pages/index/index",\n  "pages": ["pages/index/index"],\n  "window": {"navigationBarTextStyle": "white"},\n  "window": {"navigationBarTextStyle": "red"}\n}\n',
    },
    'page json `usingComponents` twice': {
      'pages/index/index.json': '{\n  "usingComponents": {},\n  "usingComponents": {"card": "/components/missing/index"}\n}\n',
    },
    'listing.json `serviceDomains` twice': {
      'listing.json': listing().replace('"serviceDomains":', '"serviceDomains":["http://10.0.0.1"],"serviceDomains":'),
    },
    '10,000 duplicates of one key': {
      'pages/index/index.json': `{${Array.from({ length: 10_000 }, (_, i) => `"navigationBarTitleText": "t${i}"`).join(',')}}`,
    },
  };
  for (const [what, files] of Object.entries(cases)) {
    it(`${what}: no crash, bounded time, reported`, async () => {
      const { result, ms } = await lintTimed(baseApp(files));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
      if (await hasRule(SYNTAX_RULE)) {
        const file = Object.keys(files)[0];
        expect(result.findings.some((finding) => finding.ruleId === SYNTAX_RULE && finding.file === file && /duplicate/i.test(finding.message)), file).toBe(true);
      }
    });
  }
});

// Adversarial shapes of text (digits, dots, at-signs…) are in text-patterns.test.ts, at two sizes.
describe('1 MB strings', () => {
  const cases: Record<string, Record<string, string>> = {
    'listing name': { 'listing.json': listing({ name: big() }) },
    'listing description of words': { 'listing.json': listing({ description: big('crypto prices and alerts ') }) },
    'listing tags': { 'listing.json': listing({ tags: [big(), big('b')] }) },
    'listing serviceDomains': { 'listing.json': listing({ serviceDomains: [`https://${big('a.')}example`] }) },
    'listing logo path': { 'listing.json': listing({ logo: `${big('../')}logo.png` }) },
    'app.json window title': { 'app.json': JSON.stringify({ entryPagePath: 'pages/index/index', pages: ['pages/index/index'], window: { navigationBarTitleText: big() } }) },
    'app.json page route of slashes': { 'app.json': JSON.stringify({ pages: ['pages/index/index', `${big('/')}x`] }) },
    'app.json page route': { 'app.json': JSON.stringify({ pages: ['pages/index/index', big('pages/')] }) },
    'app.json entryPagePath': { 'app.json': JSON.stringify({ entryPagePath: big('a/'), pages: ['pages/index/index'] }) },
    'page json key': { 'pages/index/index.json': `{"${big()}": 1}` },
    'page json component path': { 'pages/index/index.json': JSON.stringify({ usingComponents: { card: big('../') } }) },
    'string of \\u escapes': { 'pages/index/index.json': `{"navigationBarTitleText": "${big('\\u0041')}"}` },
    'unterminated string': { 'pages/index/index.json': `{"navigationBarTitleText": "${big()}` },
  };
  for (const [what, files] of Object.entries(cases)) {
    it(`${what}: no crash, no rule failure, bounded time`, async () => {
      const { result, ms } = await lintTimed(baseApp(files));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      // Generous: a rule's "did you mean" over a 1 MB key takes ~4 s today (see docs/performance.md).
      expect(ms).toBeLessThan(10_000);
    });
  }
});
