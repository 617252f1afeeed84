/**
 * Audit jobs on pg-boss, on the store's own database: PostgreSQL through the pool, or PGlite
 * through the same `executeSql` adapter (pg-boss takes any `db` with that method). Jobs are rows
 * claimed with `SKIP LOCKED`; a job whose worker dies stays active until its lease (`expireIn`)
 * runs out, then maintenance fails it and it is retried by whichever worker polls next.
 */
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '@bmplint/store';

export const AUDIT_QUEUE = 'audit';

export interface QueueOptions {
  /** Lease of one audit: a worker silent for this long is taken for dead. */
  expireInSeconds?: number;
  /** Retries after a failure or an expired lease. */
  retryLimit?: number;
  /** How often expired leases are looked for. */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds?: number;
}

export interface AuditJob {
  auditId: string;
  versionId: string;
}

const DEFAULTS: Required<QueueOptions> = { expireInSeconds: 300, retryLimit: 3, maintenanceIntervalSeconds: 30, pollingIntervalSeconds: 1 };

/** Queue options from the environment (`BMPLINT_JOB_*`), for operators and the crash tests. */
export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueOptions {
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    expireInSeconds: number('BMPLINT_JOB_LEASE_SECONDS'),
    retryLimit: number('BMPLINT_JOB_RETRIES'),
    maintenanceIntervalSeconds: number('BMPLINT_JOB_MAINTENANCE_SECONDS'),
    pollingIntervalSeconds: number('BMPLINT_JOB_POLL_SECONDS'),
  };
}

export class AuditQueue {
  private readonly options: Required<QueueOptions>;
  private constructor(readonly boss: PgBoss, options: QueueOptions) {
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  }

  static async start(db: Db, options: QueueOptions = {}): Promise<AuditQueue> {
    const settings = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<QueueOptions>;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => db.executeSql(text, values) },
      schema: 'pgboss',
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      monitorStateIntervalSeconds: Math.max(settings.maintenanceIntervalSeconds, 1),
    });
    // pg-boss reports maintenance hiccups (a lost connection) as events; they must not crash the portal.
    boss.on('error', (error) => {
      if (process.env.BMPLINT_DEBUG) process.stderr.write(`bmplint: job queue: ${error.message}\n`);
    });
    await boss.start();
    const queue = new AuditQueue(boss, options);
    // Creating an existing queue is a no-op; two processes racing to create it may collide once.
    await boss.createQueue(AUDIT_QUEUE).catch(async (error) => {
      if (!(await boss.getQueue(AUDIT_QUEUE))) throw error;
    });
    return queue;
  }

  /** Queues the audit of a version inside the caller's transaction (the upload's), so both commit or neither. */
  async enqueue(tx: Queryable, job: AuditJob): Promise<void> {
    await this.boss.send(AUDIT_QUEUE, job, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) },
      singletonKey: job.auditId,
      retryLimit: this.options.retryLimit,
      expireInSeconds: this.options.expireInSeconds,
    });
  }

  /** Starts `concurrency` pollers that run `handle` on each job; a throw is retried up to the limit. */
  async work(handle: (job: AuditJob, attempt: { retryCount: number; retryLimit: number }) => Promise<void>, concurrency = 1): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<AuditJob>(
        AUDIT_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds, includeMetadata: true },
        async ([job]) => handle(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit }),
      );
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }
}
