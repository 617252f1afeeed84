/**
 * Crashes with real processes on PostgreSQL: `kill -9` of a worker mid-audit (the job's lease
 * runs out, another worker retries it, the audit completes once, no event is lost), of the portal
 * mid-audit (the same, for the workers it runs in process), of the portal mid-upload (no partial
 * version) and of the portal amid state changes (every version's state is what its event log says).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '@bmplint/store/testing';
import { ADMIN_TOKEN, cleanApp, client, LISTING, testPortal, waitForAudit, zip } from './__tests__/support.js';
import type { Portal } from './index.js';

const BIN = fileURLToPath(new URL('../../cli/bin/bmplint.js', import.meta.url));
const FAST_LEASES = { BMPLINT_JOB_LEASE_SECONDS: '3', BMPLINT_JOB_MAINTENANCE_SECONDS: '1', BMPLINT_JOB_POLL_SECONDS: '0.5', BMPLINT_JOB_RETRIES: '3' };

function bmplint(args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A bundle big enough that its audit takes a while: many pages of real code. */
function bigApp() {
  const pages = Array.from({ length: 120 }, (_, i) => `pages/p${i}/index`);
  const files: Record<string, string | Uint8Array> = cleanApp({ 'app.json': JSON.stringify({ pages: ['pages/index/index', ...pages] }) });
  for (const page of pages) {
    files[`${page}.js`] = `Page({ data: { rows: [] }, onLoad() { const rows = []; for (let i = 0; i < 50; i++) rows.push({ id: i, label: 'Row ' + i }); this.setData({ rows }); },\n${Array.from({ length: 40 }, (_, k) => `  handler${k}(event) { const value = event.detail.value + ${k}; this.setData({ selected: value, label: 'Picked ' + value }); },`).join('\n')}\n});\n`;
    files[`${page}.bxml`] = `<view class="list">${Array.from({ length: 30 }, (_, k) => `<view class="row" bindtap="handler${k}">{{rows[${k}].label}}</view>`).join('')}</view>\n`;
    files[`${page}.json`] = '{}\n';
  }
  return zip(files);
}

describe('crashes on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let portal: Portal & { url: string };
  let owner: ReturnType<typeof client>;
  let appId: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase();
    // The test's own portal, without workers: audits run only in the child processes. The lease is
    // a job's own setting, given when the upload queues it.
    portal = await testPortal({ databaseUrl: database.url, workers: 0, queue: { expireInSeconds: 8, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5 } });
    const admin = client(portal.url, ADMIN_TOKEN);
    const { body: user } = await admin('POST', '/api/users', { email: 'o@acme.io', name: 'O' });
    const { body: account } = await admin('POST', '/api/accounts', { name: 'Acme', ownerId: user.id });
    owner = client(portal.url, user.token);
    appId = (await owner('POST', `/api/accounts/${account.id}/apps`, LISTING)).body.appId;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(children.map(killed));
    await portal?.close();
    await database?.drop();
  });

  /** A child process of `bmplint`, killed when the tests end. */
  const child = (args: string[], env: Record<string, string>) => {
    const started = bmplint(args, env);
    children.push(started);
    return started;
  };

  /** `bmplint serve` in a child process, once it listens. */
  const serve = async (args: string[], env: Record<string, string>) => {
    const serving = child(['serve', '--port', '0', ...args], env);
    const url = await until('the portal to listen', async () => /portal at (http:\/\/\S+)/.exec(serving.output())?.[1], 120_000, 100);
    return { serving, url };
  };

  const auditStatus = async (versionId: string): Promise<string> => (await portal.db.query(`SELECT status FROM audits WHERE version_id = $1`, [versionId]))[0].status as string;

  /** The finished audit of a version, after checking that each of its runs left its events and that one run's findings are stored, once. */
  const completeAudit = async (versionId: string) => {
    const [audit] = await portal.db.query(`SELECT status, runs, errors, errors + warnings + infos AS total FROM audits WHERE version_id = $1`, [versionId]);
    const events = (await portal.db.query(`SELECT action FROM events WHERE version_id = $1 ORDER BY id`, [versionId])).map((row) => row.action);
    expect(events).toEqual(['version.upload', ...Array(audit.runs).fill('audit.start'), 'audit.done']);
    expect(await portal.db.query(`SELECT count(*)::int AS n FROM findings f JOIN audits a ON a.id = f.audit_id WHERE a.version_id = $1`, [versionId])).toEqual([{ n: audit.total }]);
    return audit;
  };

  it('retries an audit whose worker was killed; it completes exactly once and its events are all there', async () => {
    const upload = await owner('POST', `/api/apps/${appId}/versions?version=1.0.0`, bigApp());
    expect(upload.status).toBe(201);
    const { versionId } = upload.body;
    const env = { DATABASE_URL: database.url, ...FAST_LEASES };
    const first = child(['worker'], env);
    await until('the first worker to start the audit', async () => ((await auditStatus(versionId)) === 'running' ? true : undefined));
    await killed(first);
    expect(await auditStatus(versionId), first.output()).toBe('running');

    const second = child(['worker'], env);
    await until('the audit to finish', async () => {
      const status = await auditStatus(versionId);
      return status === 'done' || status === 'failed' ? status : undefined;
    });
    const job = await until('the job to complete', async () => {
      const [row] = await portal.db.query(`SELECT state, retry_count FROM pgboss.job WHERE data->>'versionId' = $1`, [versionId]);
      return row.state === 'completed' ? row : undefined;
    });
    await killed(second);
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    const audit = await completeAudit(versionId);
    expect(audit).toMatchObject({ status: 'done', errors: 0 });
    // Started once per attempt that got that far (two, unless a slow machine outran a lease), done once.
    expect(audit.runs).toBeGreaterThanOrEqual(2);
    expect(second.output()).toMatch(/audit aud_\S+ done/);
  }, 180_000);

  it('finishes an audit whose portal (running its workers in process) was killed mid-audit, on a worker started after', async () => {
    const env = { DATABASE_URL: database.url, BMPLINT_ADMIN_TOKEN: ADMIN_TOKEN, ...FAST_LEASES };
    const { serving, url } = await serve([], env);
    const upload = await client(url, ADMIN_TOKEN)('POST', `/api/apps/${appId}/versions?version=3.0.0`, bigApp());
    expect(upload.status).toBe(201);
    const { versionId } = upload.body;
    await until('the portal\'s worker to start the audit', async () => ((await auditStatus(versionId)) === 'running' ? true : undefined));
    await killed(serving);
    const worker = child(['worker'], { DATABASE_URL: database.url, ...FAST_LEASES });
    await until('the audit to finish', async () => ((await auditStatus(versionId)) === 'done' ? true : undefined));
    await killed(worker);
    await completeAudit(versionId);
  }, 180_000);

  it('leaves no partial version when the portal is killed during uploads', async () => {
    const env = { DATABASE_URL: database.url, BMPLINT_ADMIN_TOKEN: ADMIN_TOKEN };
    const { serving, url } = await serve(['--workers', '0'], env);
    const bytes = zip(cleanApp({ 'pages/index/index.bxml': '<view>crash</view>\n' }));
    const token = (await client(portal.url, ADMIN_TOKEN)('POST', '/api/users', { email: 'k@acme.io', name: 'K' })).body.token;
    // Make the new user an owner of the app, so its uploads are allowed.
    const { body: account } = await client(portal.url, ADMIN_TOKEN)('GET', `/api/apps/${appId}`);
    const newcomer = (await portal.store.authenticate(token))!;
    await client(portal.url, ADMIN_TOKEN)('POST', `/api/accounts/${account.accountId}/members`, { userId: newcomer.id, role: 'viewer' });
    await client(portal.url, ADMIN_TOKEN)('POST', `/api/apps/${appId}/members`, { userId: newcomer.id, role: 'owner' });

    // One upload whose body stops halfway, and a burst of complete ones, then kill -9.
    const half = request(`${url}/api/apps/${appId}/versions?version=9.9.9`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip', 'content-length': String(bytes.length) } });
    half.on('error', () => {});
    half.write(bytes.subarray(0, bytes.length >> 1));
    const burst = Array.from({ length: 12 }, (_, i) => fetch(`${url}/api/apps/${appId}/versions?version=5.0.${i}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' }, body: bytes,
    }).then((response) => response.status, () => 'cut'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await killed(serving);
    const statuses = await Promise.all(burst);

    // Every stored version is whole: its bytes, its audit, its upload event and its job.
    const versions = await portal.db.query(`SELECT v.id, v.version, (SELECT count(*)::int FROM blobs b WHERE b.sha256 = v.bundle_sha256) AS blobs,
      (SELECT count(*)::int FROM audits a WHERE a.version_id = v.id) AS audits,
      (SELECT count(*)::int FROM events e WHERE e.version_id = v.id AND e.action = 'version.upload') AS uploads,
      (SELECT count(*)::int FROM pgboss.job j WHERE j.data->>'versionId' = v.id) AS jobs
      FROM versions v WHERE v.app_id = $1 AND v.version <> '1.0.0'`, [appId]);
    for (const version of versions) expect(version).toMatchObject({ blobs: 1, audits: 1, uploads: 1, jobs: 1 });
    expect(versions.map((v) => v.version)).not.toContain('9.9.9');
    // Each upload answered 201 is stored; none answered otherwise is.
    const stored = new Set(versions.map((v) => v.version));
    statuses.forEach((status, i) => {
      if (status === 201) expect(stored.has(`5.0.${i}`)).toBe(true);
    });
    const orphans = await portal.db.query(`SELECT count(*)::int AS n FROM events e WHERE e.action = 'version.upload' AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = e.version_id)`);
    expect(orphans[0].n).toBe(0);
  }, 180_000);

  it('keeps states, decisions and the event log in step when the portal is killed amid state changes', async () => {
    const env = { DATABASE_URL: database.url, BMPLINT_ADMIN_TOKEN: ADMIN_TOKEN, ...FAST_LEASES };
    const { serving, url } = await serve([], env);
    // The platform admin may do every action, reviews included.
    const admin = client(url, ADMIN_TOKEN);
    const { body: account } = await admin('POST', '/api/accounts', { name: 'Crash states' });
    const { body: app } = await admin('POST', `/api/accounts/${account.id}/apps`, LISTING);
    const versions: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { status, body } = await admin('POST', `/api/apps/${app.appId}/versions?version=2.0.${i}`, zip(cleanApp({ 'pages/index/index.bxml': `<view>states ${i}</view>\n` })));
      expect(status, JSON.stringify(body)).toBe(201);
      versions.push(body.versionId);
    }
    for (const versionId of versions) expect((await waitForAudit(admin, app.appId, versionId, 120_000)).audit.status).toBe('done');

    // Each loop drives its own version round the states; the releases and rollbacks of the loops
    // contend for the app's row. The portal is killed while requests are in flight.
    const base = `/api/apps/${app.appId}`;
    const cycle = (n: number) => n % 2
      ? [['submit'], ['reject', { reason: 'crash test' }]]
      : [['submit'], ['approve'], ['release'], ['experience']];
    let inFlight = 0;
    let stop = false;
    let answered = 0;
    const loops = versions.map(async (versionId, n) => {
      for (let round = 0; !stop; round++) {
        const steps = round === 0 ? cycle(n) : [['submit'], ['reject', { reason: `again ${round}` }]];
        for (const [action, body] of steps as Array<[string, unknown?]>) {
          if (stop) return;
          inFlight++;
          try {
            await admin('POST', `${base}/versions/${versionId}/${action}`, body ?? {});
            answered++;
          } catch {
            return; // the portal is gone
          } finally {
            inFlight--;
          }
        }
        if (n === 0 && round > 0) {
          inFlight++;
          await admin('POST', `${base}/rollback`, { versionId: versions[2] }).catch(() => undefined);
          inFlight--;
        }
      }
    });
    await until('some state changes to be answered', async () => (answered >= 12 ? true : undefined), 60_000, 5);
    const pending = inFlight;
    await killed(serving);
    stop = true;
    await Promise.all(loops);
    expect(pending, 'requests in flight when the portal died').toBeGreaterThan(0);

    // Replay the event log: it must give exactly the states and the online version stored.
    const events = await portal.db.query(`SELECT action, version_id, data FROM events WHERE app_id = $1 ORDER BY id`, [app.appId]);
    const replayed = new Map<string, string>();
    let online: string | null = null;
    for (const event of events) {
      const id = event.version_id as string;
      if (event.action === 'version.upload') {
        replayed.set(id, 'develop');
        continue;
      }
      const data = event.data as { from?: string; to?: string };
      if (!data.to) continue;
      expect(data.from, `${event.action} of ${id} starts where the log left it`).toBe(replayed.get(id));
      if (data.to === 'online') {
        for (const [other, state] of replayed) if (state === 'online') replayed.set(other, 'offline');
        online = id;
      }
      replayed.set(id, data.to);
    }
    const stored = await portal.db.query(`SELECT id, state FROM versions WHERE app_id = $1`, [app.appId]);
    expect(Object.fromEntries(stored.map((row) => [row.id, row.state]))).toEqual(Object.fromEntries(replayed));
    const [appRow] = await portal.db.query(`SELECT online_version_id FROM apps WHERE id = $1`, [app.appId]);
    expect(appRow.online_version_id).toBe(online);
    expect(stored.filter((row) => row.state === 'online').length).toBeLessThanOrEqual(1);
    // One decision per approve/reject event, and no more.
    const [decisions] = await portal.db.query(`SELECT count(*)::int AS n FROM decisions d JOIN versions v ON v.id = d.version_id WHERE v.app_id = $1`, [app.appId]);
    expect(decisions.n).toBe(events.filter((event) => event.action === 'version.approve' || event.action === 'version.reject').length);
  }, 240_000);
});
