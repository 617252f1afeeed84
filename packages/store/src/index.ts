/** @bmplint/store: the submission/version store behind the review portal. */
export { openDb, openPglite, openPostgres, type Db, type Queryable, type Row } from './db.js';
export { migrate, MIGRATIONS, splitStatements, type Migration } from './migrations.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export * from './permissions.js';
export { riskScore, findingWeight, type RiskInput } from './risk.js';
export {
  Store, hashToken,
  type Principal, type VersionState, type AuditStatus, type Listing, type AppRecord, type AuditSummary, type VersionRecord,
  type StoredFinding, type EventRecord, type AuditHistory, type StoreOptions,
} from './store.js';

import type { Db } from './db.js';
import { openDb } from './db.js';
import { migrate } from './migrations.js';
import { Store, type StoreOptions } from './store.js';

/** Opens the database (PostgreSQL at `databaseUrl`, else PGlite in `dataDir`), migrates it, and returns the store. */
export async function openStore(options: { databaseUrl?: string; dataDir?: string; db?: Db } & StoreOptions): Promise<Store> {
  const db = options.db ?? (await openDb(options));
  await migrate(db);
  return new Store(db, options);
}
