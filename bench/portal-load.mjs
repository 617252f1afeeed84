#!/usr/bin/env node
/**
 * Load test of the portal on PostgreSQL (not part of the test suite): a portal without workers and
 * two `bmplint worker` processes on a fresh database; 200 uploads from 20 concurrent clients; every
 * audit must run exactly once. Prints audits per minute and the API's p50/p95 latency.
 *
 *   BMPLINT_TEST_DATABASE_URL=postgres://bmplint:bmplint@127.0.0.1:5432/bmplint_test node bench/portal-load.mjs [uploads] [clients]
 *
 * Needs `pnpm run build` first (it runs the built CLI).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import pg from '../packages/store/node_modules/pg/lib/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'packages/cli/bin/bmplint.js');
const UPLOADS = Number(process.argv[2] ?? 200);
const CLIENTS = Number(process.argv[3] ?? 20);
const base = process.env.BMPLINT_TEST_DATABASE_URL;
if (!base) throw new Error('set BMPLINT_TEST_DATABASE_URL (see .ci/run)');

const name = `bmplint_load_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const DATABASE_URL = url.toString();
const TOKEN = 'load-admin';
const children = [];
const start = (args, extra = {}) => {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL, BMPLINT_ADMIN_TOKEN: TOKEN, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stderr.on('data', (chunk) => (child.output += chunk));
  children.push(child);
  return child;
};

try {
  const portal = start(['serve', '--port', '0', '--workers', '0']);
  let server;
  for (let i = 0; i < 600 && !server; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    server = /portal at (http:\/\/\S+)/.exec(portal.output)?.[1];
  }
  if (!server) throw new Error(`portal did not start: ${portal.output}`);
  start(['worker']);
  start(['worker']);

  const latencies = [];
  const call = async (method, path, body, type = 'application/json') => {
    const started = performance.now();
    const response = await fetch(`${server}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, body });
    const json = await response.json();
    latencies.push(performance.now() - started);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const listing = JSON.parse(readFileSync(join(root, 'fixtures/apps/clean-app/listing.json'), 'utf8'));
  const { id: accountId } = await call('POST', '/api/accounts', JSON.stringify({ name: 'Load' }));
  const apps = [];
  for (let i = 0; i < CLIENTS; i++) apps.push((await call('POST', `/api/accounts/${accountId}/apps`, JSON.stringify({ ...listing, name: `Load ${i}` }))).appId);

  const files = {};
  const app = join(root, 'fixtures/apps/clean-app');
  const walk = (dir) => readdirSync(dir).forEach((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else files[relative(app, full)] = readFileSync(full);
  });
  walk(app);

  const began = performance.now();
  const versions = [];
  let next = 0;
  await Promise.all(apps.map(async (appId) => {
    while (next < UPLOADS) {
      const n = next++;
      // Each upload differs by one file, so every version has its own bytes.
      const bytes = zipSync({ ...files, 'build-id.json': new TextEncoder().encode(JSON.stringify({ n })) });
      const created = await call('POST', `/api/apps/${appId}/versions?version=1.0.${n}`, bytes, 'application/zip');
      versions.push([appId, created.versionId]);
    }
  }));
  const uploaded = performance.now();
  for (;;) {
    const pending = await Promise.all(versions.slice(0, CLIENTS).map(([appId, versionId]) => call('GET', `/api/apps/${appId}/versions/${versionId}`)));
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    const { rows } = await db.query(`SELECT count(*) FILTER (WHERE status IN ('done', 'failed'))::int AS finished FROM audits`);
    await db.end();
    if (rows[0].finished >= UPLOADS && pending.length) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const finished = performance.now();

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const audits = (await db.query(`SELECT status, runs FROM audits`)).rows;
  const doneEvents = (await db.query(`SELECT version_id, count(*)::int AS n FROM events WHERE action = 'audit.done' GROUP BY version_id`)).rows;
  const jobs = (await db.query(`SELECT state, count(*)::int AS n FROM pgboss.job GROUP BY state`)).rows;
  await db.end();
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  const report = {
    uploads: UPLOADS, clients: CLIENTS, workers: 2,
    audits: audits.length,
    auditedOnce: audits.filter((a) => a.status === 'done' && a.runs === 1).length,
    failed: audits.filter((a) => a.status === 'failed').length,
    doneEventsPerVersion: [...new Set(doneEvents.map((e) => e.n))],
    jobs,
    uploadSeconds: ((uploaded - began) / 1000).toFixed(1),
    totalSeconds: ((finished - began) / 1000).toFixed(1),
    auditsPerMinute: ((UPLOADS / (finished - began)) * 60_000).toFixed(0),
    apiRequests: latencies.length,
    apiP50ms: pct(50),
    apiP95ms: pct(95),
  };
  console.log(JSON.stringify(report, null, 2));
  if (report.auditedOnce !== UPLOADS || report.doneEventsPerVersion.join() !== '1') process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
