/**
 * Schema migrations: numbered, applied in order at start, each in its own transaction together
 * with its row in `schema_migrations`, under an advisory lock so several processes starting at
 * once on one PostgreSQL apply each migration exactly once.
 */
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, apps, versions, audits, reviews, events',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        platform_role text CHECK (platform_role IN ('admin', 'reviewer')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE tokens (
        hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        info jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE account_members (
        account_id text NOT NULL REFERENCES accounts(id),
        user_id text NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        PRIMARY KEY (account_id, user_id)
      );
      CREATE TABLE apps (
        id text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts(id),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        logo text,
        category text,
        tags jsonb NOT NULL DEFAULT '[]',
        service_domains jsonb NOT NULL DEFAULT '[]',
        business_domains jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'shutdown', 'archived')),
        online_version_id text,
        experience_version_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX apps_account ON apps(account_id);
      CREATE TABLE app_members (
        app_id text NOT NULL REFERENCES apps(id),
        user_id text NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('owner', 'operator', 'developer')),
        PRIMARY KEY (app_id, user_id)
      );
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY,
        size integer NOT NULL,
        bytes bytea NOT NULL
      );
      CREATE TABLE versions (
        id text PRIMARY KEY,
        app_id text NOT NULL REFERENCES apps(id),
        version text NOT NULL,
        description text NOT NULL DEFAULT '',
        bundle_sha256 text NOT NULL REFERENCES blobs(sha256),
        signature text,
        uploader_id text NOT NULL REFERENCES users(id),
        state text NOT NULL DEFAULT 'develop' CHECK (state IN ('develop', 'review', 'approved', 'online', 'offline')),
        approved_sha256 text,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (app_id, version)
      );
      CREATE TABLE audits (
        id text PRIMARY KEY,
        version_id text NOT NULL UNIQUE REFERENCES versions(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
        errors integer NOT NULL DEFAULT 0,
        warnings integer NOT NULL DEFAULT 0,
        infos integer NOT NULL DEFAULT 0,
        risk real NOT NULL DEFAULT 0,
        runs integer NOT NULL DEFAULT 0,
        result jsonb,
        failure text,
        finished_at timestamptz
      );
      CREATE TABLE findings (
        audit_id text NOT NULL REFERENCES audits(id),
        idx integer NOT NULL,
        rule_id text NOT NULL,
        severity text NOT NULL,
        confidence text,
        clauses jsonb NOT NULL,
        message text NOT NULL,
        file text NOT NULL,
        line integer NOT NULL,
        col integer NOT NULL,
        fingerprint text NOT NULL,
        grp text NOT NULL,
        PRIMARY KEY (audit_id, idx)
      );
      CREATE INDEX findings_fingerprint ON findings(audit_id, fingerprint);
      CREATE TABLE decisions (
        id text PRIMARY KEY,
        version_id text NOT NULL REFERENCES versions(id),
        reviewer_id text NOT NULL REFERENCES users(id),
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        reason text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        action text NOT NULL,
        account_id text,
        app_id text,
        version_id text,
        data jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX events_app ON events(app_id, id);
      -- The log is append-only: the database itself refuses to change or delete an event.
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only';
      END;
      $$;
      CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();
    `,
  },
];

/** Applies the migrations `db` lacks; returns the versions applied. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`).catch(async (error) => {
    // Two processes creating the table at once: one wins, the other finds it there.
    if (!(await tableExists(db))) throw error;
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7428001)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

async function tableExists(db: Db): Promise<boolean> {
  const rows = await db.query(`SELECT to_regclass('schema_migrations') AS name`);
  return rows[0]?.name != null;
}

/**
 * Statements of a migration, split at semicolons outside `$$` bodies, so each runs as a prepared
 * statement on both databases (PGlite's `query` takes one statement).
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('--')) continue;
    current += `${line}\n`;
    if ((trimmed.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && trimmed.endsWith(';')) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
