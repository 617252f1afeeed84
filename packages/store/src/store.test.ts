import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type TestDatabase } from '@bmplint/store/testing';
import { migrate, MIGRATIONS, openPglite, Store, StoreError, type Principal, type StoredFinding } from './index.js';

const BUNDLE = new TextEncoder().encode('PK fake zip bytes');
const finding = (severity: string, fingerprint: string): StoredFinding => ({
  ruleId: 'x/y', severity, clauses: ['2.1.1'], message: 'm', file: 'app.json', line: 1, column: 1, fingerprint, group: fingerprint,
});
const summaryOf = (findings: StoredFinding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length, infos: 0,
});

async function expectError(promise: Promise<unknown>, code: StoreError['code']) {
  const error = await promise.then(() => undefined, (caught) => caught);
  expect(error, `expected a ${code} error`).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

describe.each(testDatabases())('store on $kind', ({ setup }) => {
  let database: TestDatabase;
  let store: Store;
  let admin: Principal;
  let reviewer: Principal;
  let owner: Principal;
  let outsider: Principal;

  const principal = async (token: string) => (await store.authenticate(token))!;

  beforeAll(async () => {
    database = await setup();
    const db = await database.open();
    await migrate(db);
    store = new Store(db);
    admin = await store.ensureAdmin('admin-token');
    reviewer = await principal((await store.createUser(admin, { email: 'r@x.io', name: 'Rita', platformRole: 'reviewer' })).token);
    owner = await principal((await store.createUser(admin, { email: 'o@x.io', name: 'Otto' })).token);
    outsider = await principal((await store.createUser(admin, { email: 'z@x.io', name: 'Zed' })).token);
  }, 60_000);
  afterAll(() => database.dispose());

  it('applies each migration once and records it', async () => {
    const db = await database.open();
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('stores tokens hashed and authenticates by them', async () => {
    const db = await database.open();
    const rows = await db.query('SELECT hash FROM tokens');
    expect(rows.some((row) => row.hash === 'admin-token')).toBe(false);
    expect(await store.authenticate('admin-token')).toMatchObject({ id: admin.id, platformRole: 'admin' });
    expect(await store.authenticate('nope')).toBeUndefined();
    expect((await store.ensureAdmin('admin-token')).id).toBe(admin.id);
  });

  async function newApp() {
    const { id: accountId } = await store.createAccount(admin, { name: 'Acme', ownerId: owner.id });
    const { appId } = await store.createApp(owner, accountId, { name: 'Shop', description: 'd', serviceDomains: ['https://api.acme.io'] });
    return { accountId, appId };
  }

  async function audited(appId: string, version: string, findings: StoredFinding[], bytes = BUNDLE) {
    const { versionId, auditId } = await store.createVersion(owner, appId, { version, bytes });
    await store.startAudit(auditId);
    expect(await store.finishAudit(auditId, { result: { findings: findings.length }, findings, summary: summaryOf(findings) })).toBe(true);
    return { versionId, auditId };
  }

  it('moves a version develop → review → approved → online, rejects back to develop, rolls back and shuts down', async () => {
    const { appId } = await newApp();
    const first = await audited(appId, '1.0.0', [finding('warning', 'w1')]);
    expect((await store.getVersion(owner, appId, first.versionId)).state).toBe('develop');
    await store.submit(owner, appId, first.versionId);
    await store.reject(reviewer, appId, first.versionId, { reason: 'the logo is blurry' });
    expect((await store.getVersion(owner, appId, first.versionId)).state).toBe('develop');
    await store.submit(owner, appId, first.versionId);
    await store.approve(reviewer, appId, first.versionId);
    await store.release(owner, appId, first.versionId);
    expect((await store.getApp(owner, appId)).onlineVersionId).toBe(first.versionId);

    const second = await audited(appId, '1.1.0', [finding('warning', 'w1'), finding('warning', 'w2')], new TextEncoder().encode('other'));
    const report = await store.getReport(owner, appId, second.versionId);
    expect(report.baseline?.versionId).toBe(first.versionId);
    expect(report.findings.map((f) => [f.fingerprint, f.isNew])).toEqual([['w1', false], ['w2', true]]);
    await store.setExperience(owner, appId, second.versionId);
    expect((await store.getVersion(owner, appId, second.versionId)).experience).toBe(true);
    await store.submit(owner, appId, second.versionId);
    await store.approve(reviewer, appId, second.versionId);
    await store.release(owner, appId, second.versionId);
    expect((await store.getVersion(owner, appId, first.versionId)).state).toBe('offline');

    await store.rollback(owner, appId, { versionId: first.versionId });
    expect((await store.getVersion(owner, appId, first.versionId)).state).toBe('online');
    expect((await store.getVersion(owner, appId, second.versionId)).state).toBe('offline');
    await store.shutdown(owner, appId);
    const app = await store.getApp(owner, appId);
    expect([app.status, app.onlineVersionId]).toEqual(['shutdown', null]);

    const actions = (await store.events(owner, appId)).map((event) => event.action);
    expect(actions).toEqual([
      'app.create', 'version.upload', 'audit.start', 'audit.done', 'version.submit', 'version.reject', 'version.submit', 'version.approve', 'version.release',
      'version.upload', 'audit.start', 'audit.done', 'version.experience', 'version.submit', 'version.approve', 'version.release', 'app.rollback', 'app.shutdown',
    ]);
  });

  it('refuses to submit while the audit has errors or is not done, listing the blocking findings', async () => {
    const { appId } = await newApp();
    const pending = await store.createVersion(owner, appId, { version: '0.1.0', bytes: BUNDLE });
    await expectError(store.submit(owner, appId, pending.versionId), 'conflict');
    const failing = await audited(appId, '0.2.0', [finding('error', 'e1'), finding('warning', 'w1')]);
    const error = await expectError(store.submit(owner, appId, failing.versionId), 'conflict');
    expect((error.details?.findings as StoredFinding[]).map((f) => f.fingerprint)).toEqual(['e1']);
    expect((await store.getVersion(owner, appId, failing.versionId)).state).toBe('develop');
  });

  it('stores bundle bytes once by sha256 and refuses a repeated version string', async () => {
    const { appId } = await newApp();
    const a = await store.createVersion(owner, appId, { version: '1.0.0', bytes: BUNDLE });
    const b = await store.createVersion(owner, appId, { version: '1.0.1', bytes: BUNDLE });
    expect(a.sha256).toBe(b.sha256);
    const db = await database.open();
    const [row] = await db.query('SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [a.sha256]);
    expect(row.n).toBe(1);
    expect(Buffer.from((await store.bundleOf(b.versionId)).bytes).toString()).toBe('PK fake zip bytes');
    await expectError(store.createVersion(owner, appId, { version: '1.0.0', bytes: BUNDLE }), 'conflict');
    await expectError(store.createVersion(owner, appId, { version: 'v1; drop', bytes: BUNDLE }), 'invalid');
  });

  it('finishes an audit once: a late second completion changes nothing', async () => {
    const { appId } = await newApp();
    const { versionId, auditId } = await audited(appId, '1.0.0', [finding('warning', 'w1')]);
    expect(await store.finishAudit(auditId, { result: {}, findings: [finding('error', 'e9')], summary: { errors: 1, warnings: 0, infos: 0 } })).toBe(false);
    expect(await store.startAudit(auditId)).toBeUndefined();
    const version = await store.getVersion(owner, appId, versionId);
    expect(version.audit.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
    expect((await store.events(owner, appId)).filter((e) => e.action === 'audit.done')).toHaveLength(1);
  });

  it('keeps the event log append-only', async () => {
    const db = await database.open();
    await expect(db.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE events SET action = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('hides apps from outsiders (404) and refuses reviews by members (403)', async () => {
    const { appId } = await newApp();
    const { versionId } = await audited(appId, '1.0.0', []);
    await expectError(store.getApp(outsider, appId), 'not_found');
    await expectError(store.getVersion(outsider, appId, versionId), 'not_found');
    await store.submit(owner, appId, versionId);
    await expectError(store.approve(owner, appId, versionId), 'forbidden');
    await expectError(store.approve(outsider, appId, versionId), 'not_found');
    await expectError(store.reviewQueue(owner), 'forbidden');
    expect((await store.reviewQueue(reviewer)).map((v) => v.versionId)).toContain(versionId);
  });

  it('sorts the review queue by risk', async () => {
    const { appId } = await newApp();
    const calm = await audited(appId, '1.0.0', [finding('info', 'i1')]);
    const risky = await audited(appId, '1.0.1', [finding('warning', 'w1'), finding('warning', 'w2'), finding('warning', 'w3')], new TextEncoder().encode('b'));
    await store.submit(owner, appId, calm.versionId);
    await store.submit(owner, appId, risky.versionId);
    const queue = (await store.reviewQueue(reviewer)).filter((v) => v.appId === appId);
    expect(queue.map((v) => v.versionId)).toEqual([risky.versionId, calm.versionId]);
    expect(queue[0].audit.risk).toBeGreaterThan(queue[1].audit.risk);
  });

  it('lets exactly one of two concurrent approvals, and of two concurrent releases, win', async () => {
    const db2 = database.kind === 'postgres' ? await database.open() : undefined;
    const other = db2 ? new Store(db2) : store;
    const { appId } = await newApp();
    const { versionId } = await audited(appId, '1.0.0', []);
    await store.submit(owner, appId, versionId);
    const approvals = await Promise.allSettled([store.approve(reviewer, appId, versionId), other.approve(admin, appId, versionId)]);
    expect(approvals.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((approvals.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code).toBe('conflict');
    const releases = await Promise.allSettled([store.release(owner, appId, versionId), other.release(owner, appId, versionId)]);
    expect(releases.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const actions = (await store.events(owner, appId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'version.approve')).toHaveLength(1);
    expect(actions.filter((a) => a === 'version.release')).toHaveLength(1);
    const db = await database.open();
    expect(await db.query(`SELECT 1 FROM decisions WHERE version_id = $1`, [versionId])).toHaveLength(1);
  });

  it('refuses to release bytes other than the approved ones (5.1)', async () => {
    const { appId } = await newApp();
    const { versionId } = await audited(appId, '1.0.0', []);
    await store.submit(owner, appId, versionId);
    await store.approve(reviewer, appId, versionId);
    const db = await database.open();
    // A tampered row: the bundle pointer moved after approval.
    await db.query(`INSERT INTO blobs (sha256, size, bytes) VALUES ('f00d', 1, '\\x00')`);
    await db.query(`UPDATE versions SET bundle_sha256 = 'f00d' WHERE id = $1`, [versionId]);
    await expectError(store.release(owner, appId, versionId), 'conflict');
    expect((await store.getVersion(owner, appId, versionId)).state).toBe('approved');
  });

  it('gives audits the history: rejected versions with their error fingerprints, the last approval, sibling apps', async () => {
    const { accountId, appId } = await newApp();
    const { appId: sibling } = await store.createApp(owner, accountId, { name: 'Sibling' });
    const s = await store.createVersion(owner, sibling, { version: '1.0.0', bytes: BUNDLE });
    await store.setSignature(s.versionId, 'sig-1');
    const rejected = await audited(appId, '1.0.0', [finding('warning', 'w1')]);
    await store.submit(owner, appId, rejected.versionId);
    await store.reject(reviewer, appId, rejected.versionId, { reason: 'no' });
    const next = await store.createVersion(owner, appId, { version: '1.0.1', bytes: BUNDLE });
    const context = await store.auditContext(next.versionId);
    expect(context.app.serviceDomains).toEqual(['https://api.acme.io']);
    expect(context.history.rejected).toMatchObject([{ versionId: rejected.versionId, reason: 'no', bundleSha256: next.sha256, errorFingerprints: [] }]);
    expect(context.history.lastApproved).toBeNull();
    expect(context.history.otherApps).toEqual([{ appId: sibling, name: 'Sibling', versionId: s.versionId, signature: 'sig-1' }]);
  });
});

describe('PGlite data directory', () => {
  it('keeps the data across restarts', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-store-'));
    try {
      let db = await openPglite(dir);
      await migrate(db);
      await new Store(db).ensureAdmin('t');
      await db.close();
      db = await openPglite(dir);
      expect(await migrate(db)).toEqual([]);
      expect(await new Store(db).authenticate('t')).toMatchObject({ platformRole: 'admin' });
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
