/**
 * The portal process: the store, the HTTP API and web UI, and (by default) audit workers in the
 * same process. `startWorker` runs workers alone, for `bmplint worker` processes on PostgreSQL.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { migrate, openDb, Store, StoreError, type Db } from '@bmplint/store';
import { registerApi, type ReportFormatter } from './api.js';
import { runAudit, type AuditEngine } from './audit.js';
import { AuditQueue, queueOptionsFromEnv, type QueueOptions } from './jobs.js';
import { registerUi } from './ui.js';

export interface DatabaseOptions {
  /** PostgreSQL (`DATABASE_URL`); without it, PGlite in `dataDir` (in memory when both are absent). */
  databaseUrl?: string;
  dataDir?: string;
}

export interface PortalOptions extends DatabaseOptions {
  engine: AuditEngine;
  formatReport: ReportFormatter;
  /** Token of the first platform admin (`BMPLINT_ADMIN_TOKEN`). */
  adminToken?: string;
  /** Audit workers in this process (default 1; 0 leaves audits to `bmplint worker` processes). */
  workers?: number;
  queue?: QueueOptions;
  /** Largest bundle accepted, in bytes (default 50 MiB). */
  bodyLimit?: number;
  /** Called with each audit's outcome (logs, tests). */
  onAudit?(auditId: string, outcome: string): void;
}

export interface Portal {
  app: FastifyInstance;
  store: Store;
  queue: AuditQueue;
  db: Db;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const db = await openDb(options);
  await migrate(db);
  const queue = await AuditQueue.start(db, { ...queueOptionsFromEnv(), ...options.queue });
  const store = new Store(db, { onVersionCreated: (tx, version) => queue.enqueue(tx, { auditId: version.auditId, versionId: version.versionId }) });
  if (options.adminToken) await store.ensureAdmin(options.adminToken);
  const app = Fastify({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: false });
  app.setErrorHandler((error: FastifyError | StoreError, _request, reply) => {
    if (error instanceof StoreError) return reply.code(error.status).send({ error: error.message, ...error.details });
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = status === 413 ? `the body is larger than the limit of ${options.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes` : error.message;
      return reply.code(status).send({ error: message });
    }
    process.stderr.write(`bmplint serve: internal error: ${error.stack ?? error.message}\n`);
    return reply.code(500).send({ error: 'internal error' });
  });
  registerApi(app, store, options.formatReport);
  registerUi(app, store);
  if ((options.workers ?? 1) > 0) await startAuditWorkers(queue, store, options.engine, options.workers ?? 1, options.onAudit);
  return {
    app, store, queue, db,
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      await app.close();
      await queue.stop();
      await db.close();
    },
  };
}

/** Runs audits from the queue with `concurrency` pollers. */
export async function startAuditWorkers(queue: AuditQueue, store: Store, engine: AuditEngine, concurrency: number, onAudit?: (auditId: string, outcome: string) => void) {
  await queue.work(async (job, attempt) => {
    try {
      const outcome = await runAudit(store, job.auditId, engine);
      onAudit?.(job.auditId, outcome);
    } catch (error) {
      // The last attempt records the failure on the audit; earlier ones let pg-boss retry.
      if (attempt.retryCount >= attempt.retryLimit) {
        await store.failAudit(job.auditId, `the audit failed: ${(error as Error).message}`);
        onAudit?.(job.auditId, 'failed');
        return;
      }
      throw error;
    }
  }, concurrency);
}

/** A worker process: no HTTP, just audits from the shared queue. */
export async function startWorker(options: DatabaseOptions & { engine: AuditEngine; concurrency?: number; queue?: QueueOptions; onAudit?(auditId: string, outcome: string): void }) {
  const db = await openDb(options);
  await migrate(db);
  const queue = await AuditQueue.start(db, { ...queueOptionsFromEnv(), ...options.queue });
  const store = new Store(db);
  await startAuditWorkers(queue, store, options.engine, options.concurrency ?? 1, options.onAudit);
  return {
    async close() {
      await queue.stop();
      await db.close();
    },
  };
}
