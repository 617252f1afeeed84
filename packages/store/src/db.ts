/**
 * One small SQL interface over the two databases the store runs on: PGlite (PostgreSQL compiled to
 * WebAssembly, in-process, in a data directory) and PostgreSQL through `pg`. The store writes one
 * SQL dialect, PostgreSQL's, and runs it unchanged on both.
 */
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs SQL for a job library (pg-boss's `db.executeSql`): statements without parameters may be
   * several separated by semicolons.
   */
  executeSql(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  close(): Promise<void>;
}

/** PGlite in `dataDir` (created when missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite: PGlite = await PGlite.create(dataDir);
  const run = async <T extends Row>(target: PGlite | PgliteTransaction, sql: string, params: readonly unknown[] = []) =>
    (await target.query<T>(sql, params as unknown[])).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    transaction: (work) => pglite.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    async executeSql(sql, params) {
      if (!params?.length) {
        const results = await pglite.exec(sql);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as Row[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      }
      const result = await pglite.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    close: () => pglite.close(),
  };
}

/** PostgreSQL at `url` through a connection pool. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pg = (await import('pg')).default;
  // int8 (counts, bigserial ids) as numbers: the store's counters stay far below 2^53.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const pool: Pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const run = async <T extends Row>(client: Pool | PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, params as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async executeSql(sql, params) {
      const result = await pool.query(sql, params as unknown[] | undefined);
      // A multi-statement query returns one result per statement: pg-boss reads the last.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last.rows ?? [], rowCount: last.rowCount ?? 0 };
    },
    close: () => pool.end(),
  };
}

/** `DATABASE_URL` when given, else PGlite in `dataDir`. */
export function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
