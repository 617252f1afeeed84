/**
 * End to end in Chromium (playwright-core with the system browser): sign in, upload, audit,
 * submit, approve, release, upload again, release, roll back; the version page keeps a
 * screenshot in test-artifacts/. And the UI escapes what bundles and users write.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, cleanApp, client, LISTING, testPortal, zip } from './__tests__/support.js';
import type { Portal } from './index.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

describe('web UI in Chromium', () => {
  let portal: Portal & { url: string };
  let browser: Browser;
  let page: Page;
  let appId: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bmplint-ui-'));
    portal = await testPortal();
    const admin = client(portal.url, ADMIN_TOKEN);
    const { body: account } = await admin('POST', '/api/accounts', { name: 'Acme' });
    appId = (await admin('POST', `/api/accounts/${account.id}/apps`, LISTING)).body.appId;
    browser = await chromium.launch({
      executablePath: process.env.BMPLINT_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    // Nothing may leave the machine: any request off the portal fails the test.
    const offsite: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(portal.url) && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    page.on('close', () => expect(offsite).toEqual([]));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function uploadThroughUi(version: string, files: Record<string, string | Uint8Array>) {
    const path = join(dir, `${version}.zip`);
    writeFileSync(path, zip(files));
    await page.goto(`${portal.url}/apps/${appId}`);
    await page.setInputFiles('#upload input[name=bundle]', path);
    await page.fill('#upload input[name=version]', version);
    await page.click('#upload button');
    await page.waitForURL(/\/versions\/ver_/);
    // The version page shows the audit once it is done.
    for (let i = 0; i < 120 && !(await page.textContent('main'))!.includes('error(s)'); i++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    return page.url();
  }

  const click = async (label: string) => {
    await Promise.all([page.waitForLoadState('load'), page.click(`button:has-text("${label}")`)]);
    const flash = page.locator('.flash');
    expect(await flash.count(), `no error after "${label}": ${await flash.allTextContents()}`).toBe(0);
  };
  const stateOf = async (version: string) => (await page.locator(`tr[data-version="${version}"] .state`).first().textContent())?.trim();

  it('signs in, uploads, audits, submits, approves, releases and rolls back', async () => {
    await page.goto(portal.url);
    await page.fill('input[name=token]', ADMIN_TOKEN);
    await click('Sign in');
    await expect(page.textContent('main')).resolves.toContain('Gas Watch');

    const firstPage = await uploadThroughUi('1.0.0', cleanApp());
    await expect(page.textContent('main')).resolves.toContain('0 error(s)');
    await click('Submit for review');
    await page.goto(`${portal.url}/reviews`);
    await expect(page.textContent('main')).resolves.toContain('1.0.0');
    await page.click('a:has-text("1.0.0")');
    await click('Approve');
    await click('Release');
    await page.goto(`${portal.url}/apps/${appId}`);
    expect(await stateOf('1.0.0')).toBe('online');

    // A second version with a warning-free change and a finding to show beside its code.
    await uploadThroughUi('1.1.0', cleanApp({ 'pages/index/index.js': `Page({ onLoad() {\n  const note = "<b>not bold</b>";\n  bn.request({ url: 'https://api.gaswatch.io/v1/fees' });\n} });\n` }));
    await click('Submit for review');
    await click('Approve');
    await click('Release');
    await page.goto(`${portal.url}/apps/${appId}`);
    expect(await stateOf('1.1.0')).toBe('online');
    expect(await stateOf('1.0.0')).toBe('offline');
    await click('Roll back to this');
    expect(await stateOf('1.0.0')).toBe('online');
    expect(await stateOf('1.1.0')).toBe('offline');

    await page.goto(firstPage);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'version-page.png'), fullPage: true });
    const events = (await client(portal.url, ADMIN_TOKEN)('GET', `/api/apps/${appId}/events`)).body.map((e: any) => e.action);
    expect(events.slice(-1)).toEqual(['app.rollback']);
  }, 180_000);

  it('shows findings beside their code, marks the new ones, and escapes bundle text', async () => {
    const url = await uploadThroughUi('2.0.0', cleanApp({
      'pages/index/index.js': `Page({ onLoad() {\n  // <script>window.pwned = 1</script>\n  bn.request({ url: 'https://evil.example.com/<img src=x onerror=alert(1)>' });\n} });\n`,
    }));
    await page.goto(url);
    const finding = page.locator('.finding', { hasText: 'network/service-domain' });
    await expect(finding.locator('.new').count()).resolves.toBe(1);
    await expect(finding.locator('pre.code .hit').textContent()).resolves.toContain("bn.request({ url: 'https://evil.example.com/<img src=x onerror=alert(1)>' })");
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'version-page-findings.png'), fullPage: true });
  }, 120_000);
});
