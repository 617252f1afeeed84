import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabase } from '@bmplint/store/testing';
import { ADMIN_TOKEN, cleanApp, client, failingApp, LISTING, testPortal, waitForAudit, zip } from './__tests__/support.js';
import type { Portal } from './index.js';

describe.each(testDatabases())('portal API on $kind', ({ kind, setup }) => {
  let database: TestDatabase;
  let portal: Portal & { url: string };
  let admin: ReturnType<typeof client>;
  let owner: ReturnType<typeof client>;
  let ownerId: string;
  let accountId: string;

  beforeAll(async () => {
    database = await setup();
    portal = await testPortal({ databaseUrl: database.url, bodyLimit: 2 * 1024 * 1024 });
    admin = client(portal.url, ADMIN_TOKEN);
    const created = await admin('POST', '/api/users', { email: 'owner@acme.io', name: 'Owner' });
    expect(created.status).toBe(201);
    ownerId = created.body.id;
    owner = client(portal.url, created.body.token);
    const account = await admin('POST', '/api/accounts', { name: 'Acme', ownerId });
    expect(account.status).toBe(201);
    accountId = account.body.id;
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
    await database?.dispose();
  });

  async function newApp(name = 'Gas Watch') {
    const { status, body } = await owner('POST', `/api/accounts/${accountId}/apps`, { ...LISTING, name });
    expect(status).toBe(201);
    return body.appId as string;
  }

  async function upload(appId: string, version: string, bytes: Uint8Array) {
    const { status, body } = await owner('POST', `/api/apps/${appId}/versions?version=${version}&description=test`, bytes);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ version, state: 'develop', audit: { status: 'pending' } });
    return body.versionId as string;
  }

  it('answers 401 without a valid token', async () => {
    expect((await client(portal.url)('GET', '/api/reviews')).status).toBe(401);
    expect((await client(portal.url, 'wrong')('GET', '/api/reviews')).status).toBe(401);
  });

  it('runs upload → audit → submit → approve → release → rollback, with the events logged', async () => {
    const appId = await newApp();
    const first = await upload(appId, '1.0.0', zip(cleanApp()));
    const audited = await waitForAudit(owner, appId, first);
    expect(audited.audit).toMatchObject({ status: 'done', summary: { errors: 0, warnings: 0, infos: 0 } });
    const report = await owner('GET', `/api/apps/${appId}/versions/${first}/report?format=json`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ tool: { name: 'bmplint' }, summary: { errors: 0 } });
    const sarif = await owner('GET', `/api/apps/${appId}/versions/${first}/report?format=sarif`);
    expect([sarif.status, sarif.body.version]).toEqual([200, '2.1.0']);
    const html = await owner('GET', `/api/apps/${appId}/versions/${first}/report?format=html`);
    expect(html.status).toBe(200);
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect((await owner('POST', `/api/apps/${appId}/versions/${first}/submit`)).body.state).toBe('review');
    expect((await admin('GET', '/api/reviews')).body.map((v: any) => v.versionId)).toContain(first);
    expect((await admin('POST', `/api/apps/${appId}/versions/${first}/approve`)).body.state).toBe('approved');
    expect((await owner('POST', `/api/apps/${appId}/versions/${first}/release`)).body.state).toBe('online');

    const second = await upload(appId, '1.1.0', zip(cleanApp({ 'pages/index/index.bxml': '<view class="page">Hello again</view>\n' })));
    await waitForAudit(owner, appId, second);
    expect((await owner('POST', `/api/apps/${appId}/versions/${second}/experience`)).status).toBe(200);
    await owner('POST', `/api/apps/${appId}/versions/${second}/submit`);
    await admin('POST', `/api/apps/${appId}/versions/${second}/approve`);
    await owner('POST', `/api/apps/${appId}/versions/${second}/release`);
    const rolled = await owner('POST', `/api/apps/${appId}/rollback`, { versionId: first });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ versionId: first, state: 'online' });
    expect((await owner('GET', `/api/apps/${appId}/versions/${second}`)).body.state).toBe('offline');
    const shutdown = await owner('POST', `/api/apps/${appId}/shutdown`);
    expect(shutdown.body).toEqual({ status: 'shutdown' });
    const events = (await owner('GET', `/api/apps/${appId}/events`)).body.map((e: any) => e.action);
    expect(events.filter((action: string) => action === 'audit.done')).toHaveLength(2);
    expect(events.slice(-3)).toEqual(['version.release', 'app.rollback', 'app.shutdown']);
  }, 120_000);

  it('refuses to submit a version whose audit has errors (409 with the blocking findings)', async () => {
    const appId = await newApp('Fee Board');
    const versionId = await upload(appId, '1.0.0', zip(failingApp()));
    const audited = await waitForAudit(owner, appId, versionId);
    expect(audited.audit.summary.errors).toBe(1);
    const submitted = await owner('POST', `/api/apps/${appId}/versions/${versionId}/submit`);
    expect(submitted.status).toBe(409);
    expect(submitted.body.findings.map((f: any) => f.ruleId)).toEqual(['network/service-domain']);
    expect((await owner('GET', `/api/apps/${appId}/versions/${versionId}`)).body.state).toBe('develop');
  }, 60_000);

  it('answers 400 for a body that is not a zip or a bad version string, 413 past the limit, 422 for a zip the engine refuses; nothing is stored', async () => {
    const appId = await newApp('Limits');
    const before = (await owner('GET', `/api/apps/${appId}/events`)).body.length;
    const notZip = await owner('POST', `/api/apps/${appId}/versions?version=1.0.0`, new TextEncoder().encode('hello'));
    expect(notZip.status).toBe(400);
    expect(notZip.body.error).toMatch(/not a zip/);
    expect((await owner('POST', `/api/apps/${appId}/versions?version=latest`, zip(cleanApp()))).status).toBe(400);
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await owner('POST', `/api/apps/${appId}/versions?version=1.0.0`, big)).status).toBe(413);
    // Zip magic, then garbage: the engine cannot read a central directory.
    const broken = new Uint8Array(200);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    const refused = await owner('POST', `/api/apps/${appId}/versions?version=1.0.0`, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/engine refuses/);
    expect((await owner('GET', `/api/apps/${appId}/versions`)).body).toEqual([]);
    expect((await owner('GET', `/api/apps/${appId}/events`)).body.length).toBe(before);
    expect((await owner('POST', `/api/apps/${appId}/versions/x/reject`, { reason: 1 })).status).toBe(403);
    expect((await owner('PUT', `/api/apps/${appId}/settings`, { serviceDomains: ['not a url'] })).status).toBe(400);
    expect((await owner('GET', `/api/apps/app_nope`)).status).toBe(404);
    expect((await owner('GET', `/api/apps/${appId}/versions/1/report?format=pdf`)).status).toBe(400);
  }, 60_000);

  it('flags a resubmission after a rejection (5.3.2) and a near-duplicate of another app of the account (2.1.5)', async () => {
    const appId = await newApp('Clone A');
    const bytes = zip(cleanApp({ 'pages/index/index.js': 'Page({ data: { items: [] }, onLoad() { this.setData({ items: [1, 2, 3].map((n) => ({ n, label: "gas " + n })) }); }, onTap(e) { const n = e.currentTarget.dataset.n; this.setData({ selected: n }); } });\n' }));
    const first = await upload(appId, '1.0.0', bytes);
    await waitForAudit(owner, appId, first);
    await owner('POST', `/api/apps/${appId}/versions/${first}/submit`);
    expect((await admin('POST', `/api/apps/${appId}/versions/${first}/reject`, { reason: 'the home page shows no content' })).body.state).toBe('develop');
    const again = await upload(appId, '1.0.1', bytes);
    await waitForAudit(owner, appId, again);
    const findings = (await owner('GET', `/api/apps/${appId}/versions/${again}/findings`)).body.findings;
    expect(findings.map((f: any) => f.ruleId)).toContain('store/resubmission');
    expect(findings.find((f: any) => f.ruleId === 'store/resubmission').message).toContain('the home page shows no content');

    const clone = await newApp('Clone B');
    const copy = await upload(clone, '1.0.0', bytes);
    await waitForAudit(owner, clone, copy);
    const cloneFindings = (await owner('GET', `/api/apps/${clone}/versions/${copy}/findings`)).body.findings;
    expect(cloneFindings.map((f: any) => f.ruleId)).toEqual(['store/near-duplicate']);
    expect(cloneFindings[0].message).toContain('"Clone A"');
  }, 120_000);

  if (kind === 'postgres') {
    it('runs concurrent approvals of one version: exactly one wins over HTTP', async () => {
      const appId = await newApp('Race');
      const versionId = await upload(appId, '1.0.0', zip(cleanApp({ 'pages/index/index.bxml': '<view>race</view>\n' })));
      await waitForAudit(owner, appId, versionId);
      await owner('POST', `/api/apps/${appId}/versions/${versionId}/submit`);
      const results = await Promise.all(Array.from({ length: 4 }, () => admin('POST', `/api/apps/${appId}/versions/${versionId}/approve`)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const releases = await Promise.all(Array.from({ length: 4 }, () => owner('POST', `/api/apps/${appId}/versions/${versionId}/release`)));
      expect(releases.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    }, 60_000);
  }
});
