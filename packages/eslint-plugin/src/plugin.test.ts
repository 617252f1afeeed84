/**
 * The plugin under ESLint's RuleTester (default parser) and typescript-eslint's (its parser). The
 * mini programs are written to disk, since the rules read the project around the linted file; the
 * code under test is what ESLint holds, which may differ from the disk (an unsaved buffer).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESLint, RuleTester } from 'eslint';
import { RuleTester as TsRuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { miniApp, type Files } from '@bmplint/core/testing';
import plugin from '@bmplint/eslint-plugin';
import { removeAppsOnDisk, writeAppOnDisk } from '../../language-server/src/test-support/app-on-disk.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
TsRuleTester.afterAll = afterAll;
TsRuleTester.describe = describe;
TsRuleTester.it = it;
TsRuleTester.itOnly = it.only;

afterAll(removeAppsOnDisk);
const writeApp = (files: Files) => writeAppOnDisk(files, 'bmplint-eslint-');

const listing = JSON.stringify({ name: 'Gas Watch', description: 'Gas prices on chain', serviceDomains: ['https://api.example.com'] });
const template = '<view>\n  <text>Premium signals</text>\n  <button bindtap="buy">Buy</button>\n</view>\n';
/** On disk the page script is clean: findings come from the code ESLint is given. */
const shop = writeApp(miniApp({ 'listing.json': listing, 'pages/index/index.bxml': template, 'pages/index/index.js': 'Page({});\n' }));
const tsShop = writeApp(miniApp({ 'listing.json': listing, 'pages/index/index.bxml': template, 'pages/index/index.js': null, 'pages/index/index.ts': 'Page({});\n' }));
const outside = writeAppOnDisk({}, 'bmplint-eslint-outside-');

const pageJs = join(shop, 'pages/index/index.js');
const pageTs = join(tsShop, 'pages/index/index.ts');

describe('the plugin', () => {
  it('exposes the rules that check scripts, and a recommended preset at their severities', () => {
    expect(Object.keys(plugin.rules)).toEqual(expect.arrayContaining(['api/payment-confirmation', 'network/service-domain', 'api/no-private-api']));
    // Rules that only read templates, the listing or images are bmplint check's, not ESLint's.
    expect(Object.keys(plugin.rules)).not.toContain('webview/no-webview-home');
    expect(Object.keys(plugin.rules)).not.toContain('basic-info/logo');
    expect(plugin.configs.recommended.plugins).toEqual({ bmplint: plugin });
    expect(plugin.configs.recommended.rules).toMatchObject({ 'bmplint/api/payment-confirmation': 'error', 'bmplint/api/no-dynamic-api-access': 'warn' });
    expect(plugin.rules['api/payment-confirmation'].meta?.docs?.url).toMatch(/docs\/rules\/api\/payment-confirmation\.md$/);
  });

  it('runs under ESLint with the recommended preset, on several files of one project', async () => {
    const eslint = new ESLint({ cwd: shop, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const [page, app] = await eslint.lintText("Page({\n  buy() {\n    bn.requestPayment({ orderId: 'o1' });\n  },\n});\n", { filePath: pageJs }).then(async (first) => [...first, ...(await eslint.lintFiles(['app.js']))]);
    expect(page.messages.map((message) => [message.ruleId, message.line, message.column, message.endColumn])).toEqual([['bmplint/api/payment-confirmation', 3, 5, 41]]);
    expect(app.messages).toEqual([]);
  });
});

new RuleTester().run('api/payment-confirmation', plugin.rules['api/payment-confirmation'], {
  valid: [
    { name: 'confirmed with showModal first', filename: pageJs, code: "Page({\n  async buy() {\n    const res = await bn.showModal({ title: 'Pay 9.99 USDT?' });\n    if (!res.confirm) return;\n    bn.requestPayment({ orderId: 'o1' });\n  },\n});\n" },
    { name: 'a file outside any mini program', filename: join(outside, 'pay.js'), code: "bn.requestPayment({ orderId: 'o1' });\n" },
  ],
  invalid: [
    {
      name: 'paying straight from a tap handler (the handler is bound in the template on disk)',
      filename: pageJs,
      code: "Page({\n  buy() {\n    bn.requestPayment({ orderId: 'o1' });\n  },\n});\n",
      errors: [{ messageId: 'unconfirmedPayment', line: 3, column: 5, endLine: 3, endColumn: 41 }],
    },
  ],
});

new RuleTester().run('network/service-domain', plugin.rules['network/service-domain'], {
  valid: [{ name: 'a domain on the listing', filename: pageJs, code: "Page({ onLoad() { bn.request({ url: 'https://api.example.com/v1' }); } });\n" }],
  invalid: [
    {
      name: 'a domain missing from listing.json',
      filename: pageJs,
      code: "Page({\n  onLoad() {\n    bn.request({ url: 'https://api.other.com/v1' });\n  },\n});\n",
      errors: [{ messageId: 'notListed', line: 3, column: 23, endLine: 3, endColumn: 49 }],
    },
  ],
});

new TsRuleTester({ languageOptions: { parser: tsParser } }).run('service-domain-typescript', plugin.rules['network/service-domain'] as never, {
  valid: [{ name: 'typed code on a listed domain', filename: pageTs, code: "const base: string = 'https://api.example.com';\nPage({ onLoad(): void { bn.request({ url: `${base}/v1` }); } });\n" }],
  invalid: [
    {
      name: 'typed code on an unlisted domain',
      filename: pageTs,
      code: "interface Prices { usd: number }\nconst API = 'https://api.other.com' as const;\nPage({\n  onLoad(): void {\n    bn.request<Prices>({ url: API + '/v1' });\n  },\n});\n",
      errors: [{ messageId: 'notListed', line: 5, column: 31, endLine: 5, endColumn: 42 }],
    },
  ],
});

new TsRuleTester({ languageOptions: { parser: tsParser } }).run('no-private-api-typescript', plugin.rules['api/no-private-api'] as never, {
  valid: [{ name: 'a public API', filename: pageTs, code: "Page({ onShow(): void { bn.showToast({ title: 'hi' }); } });\n" }],
  invalid: [
    {
      name: 'a private member',
      filename: pageTs,
      code: "Page({\n  onShow(): void {\n    (bn as any)._internalCall();\n  },\n});\n",
      errors: [{ messageId: 'privateMember', line: 3, column: 5 }],
    },
  ],
});
