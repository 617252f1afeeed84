/**
 * The HTML report in a real headless Chromium (Debian's, never a downloaded one): it loads with no
 * console error and no request, its filters work, and a screenshot is kept in test-artifacts/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '@bmplint/core/testing';
import { formatReport, loadRules } from '@bmplint/cli';
import { finding, HOSTILE, resultOf } from './helpers.js';

const artifacts = join(import.meta.dirname, '../../test-artifacts');

const SOURCES: Record<string, string> = {
  'app.json': '{\n  "pages": ["pages/index/index", "pages/pay/pay"],\n  "window": { "navigationBarTitleText": "Moon Rewards Demo" },\n  "debug": true\n}\n',
  'pages/index/index.js': [
    "import { api } from '../../lib/api';",
    '',
    'Page({',
    '  onLoad() {',
    "    bn.getXrFrameSystem().start();",
    "    const token = 'sk_live_51HxAbCdEfGh';",
    '    api.login(token);',
    '  },',
    '  share() {',
    "    bn.navigateToMiniProgram({ appId: 'wx0123456789' });",
    '  },',
    '});',
  ].join('\n'),
  'pages/pay/pay.bxml': `<view class="pay">\n  <web-view src="http://pay.example.com/checkout"></web-view>\n  <text>${HOSTILE.markup}</text>\n</view>\n`,
  'listing.json': '{\n  "name": "Moon Rewards",\n  "description": "Earn moon points. 100% guaranteed returns!"\n}\n',
};

function reportResult() {
  return resultOf(
    [
      finding({ file: 'app.json', line: 3, column: 46, endLine: 3, endColumn: 65, ruleId: 'availability/no-test-build', clauses: ['6.1'], message: 'The app\'s navigation bar title "Moon Rewards Demo" marks this as a demo build (6.1).', data: { title: 'Demo' } }),
      finding({ file: 'app.json', line: 4, column: 3, endLine: 4, endColumn: 10, ruleId: 'availability/unsupported-config-key', clauses: ['6.3'], severity: 'warning', message: '"debug" is a setting Binance does not document; it has no effect here.', data: { key: 'debug' } }),
      finding({ file: 'listing.json', line: 3, column: 19, endLine: 3, endColumn: 60, ruleId: 'content/no-guaranteed-returns', clauses: ['5.8.2'], message: 'The description promises "100% guaranteed returns" (5.8.2).', data: { term: 'guaranteed' } }),
      finding({ file: 'pages/index/index.js', line: 5, column: 5, endLine: 5, endColumn: 25 }),
      finding({ file: 'pages/index/index.js', line: 6, column: 19, endLine: 6, endColumn: 41, ruleId: 'privacy/no-secrets', clauses: ['5.2.14'], message: 'token is set to a hard-coded secret (5.2.14).', data: { name: 'token' } }),
      finding({ file: 'pages/index/index.js', line: 10, column: 5, endLine: 10, endColumn: 56, ruleId: 'api/no-mini-program-jump', clauses: ['2.3.5'], message: 'bn.navigateToMiniProgram opens another mini program (2.3.5).', data: { appId: 'wx0123456789' }, baselined: true }),
      finding({ file: 'pages/pay/pay.bxml', line: 2, column: 3, endLine: 2, endColumn: 58, ruleId: 'network/https-only', clauses: ['5.2.9'], message: 'The web-view loads http://pay.example.com/checkout over plain HTTP (5.2.9).', data: { url: 'http' } }),
      finding({ file: 'pages/pay/pay.bxml', line: 3, column: 9, endLine: 3, endColumn: 40, ruleId: 'content/hostile-text', clauses: ['5.1'], severity: 'info', confidence: 'low', message: `Text ${HOSTILE.markup}${HOSTILE.bidi}${HOSTILE.terminal}`, data: { t: 1 } }),
      finding({ file: 'miniprogram_npm/vendor-sdk/index.js', line: 1, column: 1, endLine: 1, endColumn: 20, vendor: 'vendor-sdk', severity: 'warning', ruleId: 'api/no-dynamic-api-access', clauses: ['4.1.1'], message: 'bn[name] reaches a bn API through a key that cannot be resolved statically (4.1.1).', data: {} }),
    ],
    42,
  );
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

const visibleRows = () => page.locator('.finding:visible').count();

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.BMPLINT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const logo = encodePng(96, 96, (x, y) => ((x - 48) ** 2 + (y - 48) ** 2 < 40 ** 2 ? [240, 185, 11, 255] : [24, 26, 32, 255]));
  const html = formatReport(reportResult(), 'html', {
    rules: await loadRules(),
    root: 'apps/moon-rewards',
    readFile: (path) => SOURCES[path],
    listing: {
      name: 'Moon Rewards',
      description: 'Earn moon points every day. 100% guaranteed returns!',
      category: 'Finance / Rewards',
      appId: 'bn-mp-0042',
      tags: ['rewards', 'points'],
      serviceDomains: ['https://api.moonrewards.example'],
      businessDomains: ['https://h5.moonrewards.example'],
      logo,
    },
  });
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'report.html'), html);
  await page.setContent(html, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in Chromium', () => {
  it('loads with no console error, no request and no script from the bundle', async () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.title()).toBe('Moon Rewards: bmplint report');
  });

  it('shows the listing with its logo, the summary and the code around findings', async () => {
    await expect(page.locator('.listing h1').textContent()).resolves.toBe('Moon Rewards');
    const logo = page.locator('img.logo');
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(96);
    expect(await page.locator('.card.error .n').textContent()).toBe('5');
    expect(await page.locator('table tbody tr').count()).toBe(7); // clauses of live findings: the baselined 2.3.5 is not counted
    const secret = page.locator('.finding[data-rule="privacy/no-secrets"]');
    expect(await secret.locator('pre.code mark').textContent()).toBe("'sk_live_51HxAbCdEfGh'");
    expect(await secret.locator('pre.code .no').allTextContents()).toEqual(['4', '5', '6', '7', '8']);
    expect(await secret.locator('a.rule').getAttribute('href')).toBe('https://github.com/bmplint/bmplint/blob/main/docs/rules/privacy/no-secrets.md');
    const hostile = page.locator('.finding[data-rule="content/hostile-text"]');
    expect(await hostile.locator('.msg').textContent()).toContain('<script>window.pwned = 1</script>');
    expect(await hostile.locator('.msg').textContent()).toContain('\\u202e');
    expect(await hostile.locator('pre.code').textContent()).toContain('<img src=x onerror="window.pwned = 2">');
  });

  it('filters by severity, clause and rule, and shows baselined findings on request', async () => {
    expect(await visibleRows()).toBe(8); // the baselined one is hidden
    expect(await page.locator('#f-count').textContent()).toBe('8 of 9 shown');
    await page.click('[data-severity-filter="error"]');
    expect(await visibleRows()).toBe(3);
    expect(await page.locator('.finding:visible[data-severity="error"]').count()).toBe(0);
    await page.click('[data-severity-filter="warning"]');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('.clause:visible').count()).toBe(1);
    await page.click('[data-severity-filter="error"]');
    await page.click('[data-severity-filter="warning"]');
    expect(await visibleRows()).toBe(8);

    await page.selectOption('#f-clause', '4.1.1');
    expect(await visibleRows()).toBe(2);
    await page.selectOption('#f-rule', 'api/no-private-api');
    expect(await visibleRows()).toBe(1);
    await page.selectOption('#f-clause', '');
    await page.selectOption('#f-rule', '');
    await page.check('#f-marked');
    expect(await visibleRows()).toBe(9);
    expect(await page.locator('.finding:visible[data-state="baselined"] .tag').textContent()).toBe('baselined');
    await page.uncheck('#f-marked');

    await page.selectOption('#f-rule', 'privacy/no-secrets');
    await page.click('[data-severity-filter="error"]');
    expect(await visibleRows()).toBe(0);
    expect(await page.locator('#f-empty').isVisible()).toBe(true);
    await page.click('[data-severity-filter="error"]');
    await page.selectOption('#f-rule', '');

    await page.click('button[data-clause-filter="6.3"]');
    expect(await page.locator('#f-clause').inputValue()).toBe('6.3');
    expect(await visibleRows()).toBe(1);
    await page.selectOption('#f-clause', '');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('keeps a screenshot as a test artifact', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
  });
});
