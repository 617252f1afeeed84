/**
 * Databases for tests: every test file gets fresh ones, PGlite in memory and a new PostgreSQL
 * database created on the server at `BMPLINT_TEST_DATABASE_URL` (dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Db } from '../db.js';

export const TEST_DATABASE_ENV = 'BMPLINT_TEST_DATABASE_URL';

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_ENV];
  if (!url) throw new Error(`${TEST_DATABASE_ENV} is not set: these tests need PostgreSQL. Run them through .ci/run, or start PostgreSQL and export ${TEST_DATABASE_ENV}=postgres://user:pass@127.0.0.1:5432/db`);
  return url;
}

/** Creates an empty PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(prefix = 'bmplint_t'): Promise<{ url: string; drop(): Promise<void> }> {
  const base = testDatabaseUrl();
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgres(base, { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = await openPostgres(base, { max: 1 });
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    },
  };
}

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  open(): Promise<Db>;
  url?: string;
  dispose(): Promise<void>;
}

/** Both kinds, for `describe.each`: open() gives a connection to this file's database. */
export function testDatabases(): Array<{ kind: 'pglite' | 'postgres'; setup(): Promise<TestDatabase> }> {
  return [
    {
      kind: 'pglite',
      async setup() {
        const db = await openPglite();
        return { kind: 'pglite', open: async () => db, dispose: () => db.close() };
      },
    },
    {
      kind: 'postgres',
      async setup() {
        const created = await createPostgresDatabase();
        const opened: Db[] = [];
        return {
          kind: 'postgres',
          url: created.url,
          async open() {
            const db = await openPostgres(created.url);
            opened.push(db);
            return db;
          },
          async dispose() {
            await Promise.all(opened.map((db) => db.close()));
            await created.drop();
          },
        };
      },
    },
  ];
}
