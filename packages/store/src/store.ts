/**
 * The submission store: every operation checks the caller's permission, then reads and writes in
 * one transaction with the rows it changes locked (`FOR UPDATE`, app before version), and appends
 * its event in that same transaction. A refused call changes nothing and logs nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable, Row } from './db.js';
import { conflict, forbidden, invalid, notFound, StoreError } from './errors.js';
import {
  accountAllows, appAllows, isAccountRole, isAppRole,
  type AccountAction, type AccountRole, type AppAction, type AppRole, type PlatformRole,
} from './permissions.js';
import { riskScore } from './risk.js';

export interface Principal {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
}

export type VersionState = 'develop' | 'review' | 'approved' | 'online' | 'offline';
export type AuditStatus = 'pending' | 'running' | 'done' | 'failed';

export interface Listing {
  name: string;
  description: string;
  logo: string | null;
  category: string | null;
  tags: string[];
}

export interface AppRecord extends Listing {
  id: string;
  accountId: string;
  status: 'active' | 'shutdown' | 'archived';
  serviceDomains: string[];
  businessDomains: string[];
  onlineVersionId: string | null;
  experienceVersionId: string | null;
}

export interface AuditSummary {
  status: AuditStatus;
  summary: { errors: number; warnings: number; infos: number };
  risk: number;
  failure?: string;
}

export interface VersionRecord {
  versionId: string;
  appId: string;
  version: string;
  description: string;
  state: VersionState;
  bundleSha256: string;
  approvedSha256: string | null;
  uploaderId: string;
  createdAt: string;
  releasedAt: string | null;
  experience: boolean;
  audit: AuditSummary;
}

export interface StoredFinding {
  ruleId: string;
  severity: string;
  confidence?: string | null;
  clauses: string[];
  message: string;
  file: string;
  line: number;
  column: number;
  fingerprint: string;
  group: string;
}

export interface EventRecord {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  accountId: string | null;
  appId: string | null;
  versionId: string | null;
  data: Record<string, unknown>;
}

/** What an audit needs to know of the app's past (the engine gets it as data, never the store). */
export interface AuditHistory {
  /** Earlier versions of this app that were rejected, newest first, with their errors' fingerprints. */
  rejected: Array<{ versionId: string; version: string; bundleSha256: string; reason: string; errorFingerprints: string[] }>;
  /** Fingerprints of the findings of the app's last approved (or released) version. */
  lastApproved: { versionId: string; version: string; fingerprints: string[] } | null;
  /** The newest signed version of each other app of the same developer account. */
  otherApps: Array<{ appId: string; name: string; versionId: string; signature: string }>;
}

export interface StoreOptions {
  /** Called inside the upload's transaction, so the audit job is queued if and only if the version is stored. */
  onVersionCreated?(tx: Queryable, version: { versionId: string; appId: string; auditId: string }): Promise<void>;
}

const VERSION_STRING = /^\d{1,6}(\.\d{1,6}){0,3}(-[0-9A-Za-z.-]{1,32})?$/;
const DOMAIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;
const newToken = () => `bmp_${randomBytes(24).toString('base64url')}`;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));
const json = (value: unknown) => JSON.stringify(value);

interface AppAccess {
  app: Row;
  appRole?: AppRole;
  accountRole?: AccountRole;
}

export class Store {
  constructor(readonly db: Db, private readonly options: StoreOptions = {}) {}

  // ── users and tokens ─────────────────────────────────────────────────────────────────────────

  /** The user a token belongs to, or undefined. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const rows = await this.db.query(
      'SELECT u.id, u.email, u.name, u.platform_role FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1',
      [hashToken(token)],
    );
    return rows[0] && principalOf(rows[0]);
  }

  /** The first platform admin, whose token the operator chose (`BMPLINT_ADMIN_TOKEN`); idempotent. */
  async ensureAdmin(token: string, email = 'admin@localhost'): Promise<Principal> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7428002)');
      const existing = await tx.query('SELECT u.* FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1', [hashToken(token)]);
      if (existing[0]) return principalOf(existing[0]);
      const id = newId('usr');
      await tx.query(`INSERT INTO users (id, email, name, platform_role) VALUES ($1, $2, 'Platform admin', 'admin')`, [id, email]);
      await tx.query('INSERT INTO tokens (hash, user_id) VALUES ($1, $2)', [hashToken(token), id]);
      await logEvent(tx, null, 'user.create', { data: { userId: id, platformRole: 'admin' } });
      return { id, email, name: 'Platform admin', platformRole: 'admin' };
    });
  }

  async createUser(actor: Principal, input: { email?: unknown; name?: unknown; platformRole?: unknown }): Promise<{ id: string; token: string }> {
    if (actor.platformRole !== 'admin') throw forbidden('creating users');
    const email = requireString(input.email, 'email', 320);
    if (!EMAIL.test(email)) throw invalid('email must look like name@host');
    const name = requireString(input.name, 'name', 200);
    const role = input.platformRole ?? null;
    if (role !== null && role !== 'admin' && role !== 'reviewer') throw invalid('platformRole must be "admin", "reviewer" or absent');
    return this.db.transaction(async (tx) => {
      if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [email])).length) throw conflict(`a user with email ${email} exists`);
      const id = newId('usr');
      const token = newToken();
      await tx.query('INSERT INTO users (id, email, name, platform_role) VALUES ($1, $2, $3, $4)', [id, email, name, role]);
      await tx.query('INSERT INTO tokens (hash, user_id) VALUES ($1, $2)', [hashToken(token), id]);
      await logEvent(tx, actor.id, 'user.create', { data: { userId: id, email, platformRole: role } });
      return { id, token };
    });
  }

  // ── developer accounts ───────────────────────────────────────────────────────────────────────

  /** Developer accounts are opened by the platform (the document's onboarding); the owner is `ownerId` or the caller. */
  async createAccount(actor: Principal, input: { name?: unknown; ownerId?: unknown }): Promise<{ id: string }> {
    if (actor.platformRole !== 'admin') throw forbidden('creating developer accounts');
    const name = requireString(input.name, 'name', 200);
    const ownerId = input.ownerId === undefined ? actor.id : requireString(input.ownerId, 'ownerId', 100);
    return this.db.transaction(async (tx) => {
      if (!(await tx.query('SELECT 1 FROM users WHERE id = $1', [ownerId])).length) throw new StoreError('unprocessable', `no user ${ownerId}`);
      const id = newId('acc');
      await tx.query('INSERT INTO accounts (id, name) VALUES ($1, $2)', [id, name]);
      await tx.query(`INSERT INTO account_members (account_id, user_id, role) VALUES ($1, $2, 'owner')`, [id, ownerId]);
      await logEvent(tx, actor.id, 'account.create', { accountId: id, data: { name, ownerId } });
      return { id };
    });
  }

  async getAccount(actor: Principal, accountId: string) {
    const role = await this.accountRole(this.db, actor, accountId, 'account.login');
    const [account] = await this.db.query('SELECT id, name, info FROM accounts WHERE id = $1', [accountId]);
    const members = await this.db.query(
      'SELECT m.user_id, m.role, u.email, u.name FROM account_members m JOIN users u ON u.id = m.user_id WHERE account_id = $1 ORDER BY u.email',
      [accountId],
    );
    return {
      id: account.id as string, name: account.name as string, info: account.info as Record<string, unknown>, role: role ?? null,
      members: members.map((m) => ({ userId: m.user_id as string, role: m.role as AccountRole, email: m.email as string, name: m.name as string })),
    };
  }

  /** The accounts the caller belongs to (all of them for platform staff). */
  async listAccounts(actor: Principal) {
    const rows = actor.platformRole
      ? await this.db.query('SELECT a.id, a.name, NULL AS role FROM accounts a ORDER BY a.name')
      : await this.db.query('SELECT a.id, a.name, m.role FROM accounts a JOIN account_members m ON m.account_id = a.id WHERE m.user_id = $1 ORDER BY a.name', [actor.id]);
    return rows.map((row) => ({ id: row.id as string, name: row.name as string, role: (row.role as AccountRole | null) ?? null }));
  }

  async updateAccountInfo(actor: Principal, accountId: string, input: { name?: unknown; info?: unknown }) {
    return this.db.transaction(async (tx) => {
      await this.accountRole(tx, actor, accountId, 'account.info');
      const name = input.name === undefined ? undefined : requireString(input.name, 'name', 200);
      if (input.info !== undefined && (typeof input.info !== 'object' || input.info === null || Array.isArray(input.info))) throw invalid('info must be an object');
      await tx.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      if (name !== undefined) await tx.query('UPDATE accounts SET name = $2 WHERE id = $1', [accountId, name]);
      if (input.info !== undefined) await tx.query('UPDATE accounts SET info = $2::jsonb WHERE id = $1', [accountId, json(input.info)]);
      await logEvent(tx, actor.id, 'account.update', { accountId, data: { name, info: input.info } });
    });
  }

  /** Adds a user, or changes a member's role. */
  async setAccountMember(actor: Principal, accountId: string, input: { userId?: unknown; role?: unknown }) {
    const userId = requireString(input.userId, 'userId', 100);
    if (!isAccountRole(input.role)) throw invalid('role must be "owner", "editor" or "viewer"');
    const role = input.role;
    return this.db.transaction(async (tx) => {
      const actorRole = await this.accountRole(tx, actor, accountId, 'account.login');
      await tx.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      const [current] = await tx.query('SELECT role FROM account_members WHERE account_id = $1 AND user_id = $2', [accountId, userId]);
      const need: AccountAction = current ? 'account.roles' : 'account.members';
      const staff = actor.platformRole === 'admin';
      if (!staff && !accountAllows(actorRole, need)) throw forbidden(current ? "changing users' roles" : 'adding users');
      // Making or unmaking an Owner is a transfer of ownership: the Owner's alone.
      if ((role === 'owner' || current?.role === 'owner') && !staff && !accountAllows(actorRole, 'account.transfer')) throw forbidden('changing the owner');
      if (!(await tx.query('SELECT 1 FROM users WHERE id = $1', [userId])).length) throw new StoreError('unprocessable', `no user ${userId}`);
      if (current?.role === 'owner' && role !== 'owner' && (await countOwners(tx, accountId)) <= 1) throw conflict('an account keeps at least one owner');
      await tx.query(
        'INSERT INTO account_members (account_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (account_id, user_id) DO UPDATE SET role = EXCLUDED.role',
        [accountId, userId, role],
      );
      await logEvent(tx, actor.id, current ? 'account.member.role' : 'account.member.add', { accountId, data: { userId, role, previous: current?.role ?? null } });
    });
  }

  async removeAccountMember(actor: Principal, accountId: string, userId: string) {
    return this.db.transaction(async (tx) => {
      const actorRole = await this.accountRole(tx, actor, accountId, 'account.login');
      const staff = actor.platformRole === 'admin';
      if (!staff && !accountAllows(actorRole, 'account.members')) throw forbidden('removing users');
      await tx.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      const [current] = await tx.query('SELECT role FROM account_members WHERE account_id = $1 AND user_id = $2', [accountId, userId]);
      if (!current) throw notFound('member');
      if (current.role === 'owner' && !staff && !accountAllows(actorRole, 'account.transfer')) throw forbidden('removing the owner');
      if (current.role === 'owner' && (await countOwners(tx, accountId)) <= 1) throw conflict('an account keeps at least one owner');
      // App roles hang on account membership ("first in the Developer Account").
      await tx.query('DELETE FROM app_members WHERE user_id = $2 AND app_id IN (SELECT id FROM apps WHERE account_id = $1)', [accountId, userId]);
      await tx.query('DELETE FROM account_members WHERE account_id = $1 AND user_id = $2', [accountId, userId]);
      await logEvent(tx, actor.id, 'account.member.remove', { accountId, data: { userId, role: current.role } });
    });
  }

  /** The Owner hands the account to another member, and stays on as an Editor. */
  async transferAccount(actor: Principal, accountId: string, input: { userId?: unknown }) {
    const userId = requireString(input.userId, 'userId', 100);
    return this.db.transaction(async (tx) => {
      const actorRole = await this.accountRole(tx, actor, accountId, 'account.login');
      if (!accountAllows(actorRole, 'account.transfer')) throw forbidden('transferring the account');
      await tx.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      const [target] = await tx.query('SELECT role FROM account_members WHERE account_id = $1 AND user_id = $2', [accountId, userId]);
      if (!target) throw new StoreError('unprocessable', 'the new owner must be a member of the account');
      await tx.query(`UPDATE account_members SET role = 'owner' WHERE account_id = $1 AND user_id = $2`, [accountId, userId]);
      if (userId !== actor.id) await tx.query(`UPDATE account_members SET role = 'editor' WHERE account_id = $1 AND user_id = $2`, [accountId, actor.id]);
      await logEvent(tx, actor.id, 'account.transfer', { accountId, data: { from: actor.id, to: userId } });
    });
  }

  // ── applications ─────────────────────────────────────────────────────────────────────────────

  async listApps(actor: Principal, accountId: string): Promise<AppRecord[]> {
    const role = await this.accountRole(this.db, actor, accountId, 'account.login');
    if (!actor.platformRole && !accountAllows(role, 'account.apps.list')) throw forbidden('listing applications');
    const rows = await this.db.query(`SELECT * FROM apps WHERE account_id = $1 AND status <> 'archived' ORDER BY name`, [accountId]);
    return rows.map(appOf);
  }

  /** The apps the caller is a member of (the document's Viewers see just these). */
  async myApps(actor: Principal): Promise<Array<AppRecord & { role: AppRole }>> {
    const rows = await this.db.query(
      `SELECT a.*, m.role AS member_role FROM apps a JOIN app_members m ON m.app_id = a.id WHERE m.user_id = $1 AND a.status <> 'archived' ORDER BY a.name`,
      [actor.id],
    );
    return rows.map((row) => ({ ...appOf(row), role: row.member_role as AppRole }));
  }

  async createApp(actor: Principal, accountId: string, input: Record<string, unknown>): Promise<{ appId: string }> {
    const listing = readListing(input, true) as Listing;
    const domains = readDomains(input);
    return this.db.transaction(async (tx) => {
      const role = await this.accountRole(tx, actor, accountId, 'account.login');
      if (actor.platformRole !== 'admin' && !accountAllows(role, 'account.apps.manage')) throw forbidden('creating applications');
      const appId = newId('app');
      await tx.query(
        `INSERT INTO apps (id, account_id, name, description, logo, category, tags, service_domains, business_domains)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
        [appId, accountId, listing.name, listing.description ?? '', listing.logo ?? null, listing.category ?? null, json(listing.tags ?? []),
          json(domains.serviceDomains ?? []), json(domains.businessDomains ?? [])],
      );
      // The creator administers the new app.
      if (role) await tx.query(`INSERT INTO app_members (app_id, user_id, role) VALUES ($1, $2, 'owner')`, [appId, actor.id]);
      await logEvent(tx, actor.id, 'app.create', { accountId, appId, data: { ...listing, ...domains } });
      return { appId };
    });
  }

  async archiveApp(actor: Principal, appId: string) {
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      if (actor.platformRole !== 'admin' && !accountAllows(access.accountRole, 'account.apps.manage')) throw forbidden('archiving applications');
      if (access.app.status === 'archived') throw conflict('the app is archived already');
      await tx.query(`UPDATE apps SET status = 'archived', online_version_id = NULL WHERE id = $1`, [appId]);
      await tx.query(`UPDATE versions SET state = 'offline' WHERE app_id = $1 AND state = 'online'`, [appId]);
      await logEvent(tx, actor.id, 'app.archive', { accountId: access.app.account_id as string, appId });
    });
  }

  async getApp(actor: Principal, appId: string) {
    const access = await this.appAccess(this.db, actor, appId);
    this.requireApp(actor, access, 'app.view');
    const members = await this.db.query(
      'SELECT m.user_id, m.role, u.email, u.name FROM app_members m JOIN users u ON u.id = m.user_id WHERE app_id = $1 ORDER BY u.email',
      [appId],
    );
    return {
      ...appOf(access.app),
      role: access.appRole ?? null,
      accountRole: access.accountRole ?? null,
      members: members.map((m) => ({ userId: m.user_id as string, role: m.role as AppRole, email: m.email as string, name: m.name as string })),
    };
  }

  /** Listing fields need "Update the settings"; domain lists need "Update development settings". */
  async updateSettings(actor: Principal, appId: string, input: Record<string, unknown>) {
    const listing = readListing(input, false);
    const domains = readDomains(input);
    if (!Object.keys(listing).length && !Object.keys(domains).length) throw invalid('nothing to update: give listing fields (name, description, logo, category, tags) or serviceDomains/businessDomains');
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      const changesListing = Object.keys(listing).length > 0;
      const admin = actor.platformRole === 'admin';
      if (changesListing && !admin && !appAllows(access.appRole, 'app.settings') && !accountAllows(access.accountRole, 'account.apps.manage')) {
        throw forbidden("updating the application's settings");
      }
      if (Object.keys(domains).length && !admin && !appAllows(access.appRole, 'app.devsettings')) throw forbidden('updating development settings');
      const columns: Array<[string, unknown, string]> = [
        ['name', listing.name, ''], ['description', listing.description, ''], ['logo', listing.logo, ''], ['category', listing.category, ''],
        ['tags', listing.tags && json(listing.tags), '::jsonb'],
        ['service_domains', domains.serviceDomains && json(domains.serviceDomains), '::jsonb'],
        ['business_domains', domains.businessDomains && json(domains.businessDomains), '::jsonb'],
      ];
      const set = columns.filter(([, value]) => value !== undefined);
      await tx.query(
        `UPDATE apps SET ${set.map(([column, , cast], i) => `${column} = $${i + 2}${cast}`).join(', ')} WHERE id = $1`,
        [appId, ...set.map(([, value]) => value)],
      );
      await logEvent(tx, actor.id, 'app.settings', { accountId: access.app.account_id as string, appId, data: { ...listing, ...domains } });
    });
  }

  async setAppMember(actor: Principal, appId: string, input: { userId?: unknown; role?: unknown }) {
    const userId = requireString(input.userId, 'userId', 100);
    if (!isAppRole(input.role)) throw invalid('role must be "owner", "operator" or "developer"');
    const role = input.role;
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      this.requireApp(actor, access, 'app.members');
      // "the user can only be added to the Application's Membership if he is first in the Developer Account"
      const inAccount = await tx.query('SELECT 1 FROM account_members WHERE account_id = $1 AND user_id = $2', [access.app.account_id, userId]);
      if (!inAccount.length) throw new StoreError('unprocessable', 'the user must first be a member of the developer account');
      const [current] = await tx.query('SELECT role FROM app_members WHERE app_id = $1 AND user_id = $2', [appId, userId]);
      await tx.query(
        'INSERT INTO app_members (app_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (app_id, user_id) DO UPDATE SET role = EXCLUDED.role',
        [appId, userId, role],
      );
      await logEvent(tx, actor.id, current ? 'app.member.role' : 'app.member.add', { accountId: access.app.account_id as string, appId, data: { userId, role, previous: current?.role ?? null } });
    });
  }

  async removeAppMember(actor: Principal, appId: string, userId: string) {
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      this.requireApp(actor, access, 'app.members');
      const [current] = await tx.query('DELETE FROM app_members WHERE app_id = $1 AND user_id = $2 RETURNING role', [appId, userId]);
      if (!current) throw notFound('member');
      await logEvent(tx, actor.id, 'app.member.remove', { accountId: access.app.account_id as string, appId, data: { userId, role: current.role } });
    });
  }

  // ── versions ─────────────────────────────────────────────────────────────────────────────────

  /** Checks what an upload may be before its bytes are read into a transaction. */
  async authorizeUpload(actor: Principal, appId: string, version: unknown): Promise<string> {
    const access = await this.appAccess(this.db, actor, appId);
    this.requireApp(actor, access, 'version.upload');
    return checkVersionString(version);
  }

  /**
   * Stores a version: the bytes once per sha256, the version row, its pending audit and the audit
   * job (through `onVersionCreated`), all or nothing.
   */
  async createVersion(actor: Principal, appId: string, input: { version: unknown; description?: unknown; bytes: Uint8Array; signature?: string }) {
    const version = checkVersionString(input.version);
    const description = input.description === undefined ? '' : requireString(input.description, 'description', 2000, true);
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      this.requireApp(actor, access, 'version.upload');
      if (access.app.status === 'archived') throw conflict('the app is archived');
      if ((await tx.query('SELECT 1 FROM versions WHERE app_id = $1 AND version = $2', [appId, version])).length) {
        throw conflict(`version ${version} exists already`);
      }
      await tx.query('INSERT INTO blobs (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, input.bytes.length, input.bytes]);
      const versionId = newId('ver');
      const auditId = newId('aud');
      await tx.query(
        'INSERT INTO versions (id, app_id, version, description, bundle_sha256, signature, uploader_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [versionId, appId, version, description, sha256, input.signature ?? null, actor.id],
      );
      await tx.query('INSERT INTO audits (id, version_id) VALUES ($1, $2)', [auditId, versionId]);
      await logEvent(tx, actor.id, 'version.upload', { accountId: access.app.account_id as string, appId, versionId, data: { version, sha256, size: input.bytes.length } });
      await this.options.onVersionCreated?.(tx, { versionId, appId, auditId });
      return { versionId, auditId, sha256 };
    });
  }

  async getVersion(actor: Principal, appId: string, versionId: string): Promise<VersionRecord> {
    const access = await this.appAccess(this.db, actor, appId);
    this.requireApp(actor, access, 'app.view');
    const [row] = await this.db.query(`${VERSION_SELECT} WHERE v.id = $1 AND v.app_id = $2`, [versionId, appId]);
    if (!row) throw notFound('version');
    return versionOf(row);
  }

  async listVersions(actor: Principal, appId: string): Promise<VersionRecord[]> {
    const access = await this.appAccess(this.db, actor, appId);
    this.requireApp(actor, access, 'app.view');
    const rows = await this.db.query(`${VERSION_SELECT} WHERE v.app_id = $1 ORDER BY v.created_at DESC, v.id`, [appId]);
    return rows.map(versionOf);
  }

  /** The stored audit result (the engine's JSON) and the findings new since the last approved version. */
  async getReport(actor: Principal, appId: string, versionId: string) {
    const version = await this.getVersion(actor, appId, versionId);
    const [audit] = await this.db.query('SELECT a.id, a.result FROM audits a WHERE a.version_id = $1', [versionId]);
    const findings = await this.findingsOf(audit.id as string);
    const baseline = await this.lastApprovedBefore(this.db, appId, versionId);
    const known = new Set(baseline ? (await this.findingsOf(baseline.auditId)).map((finding) => finding.fingerprint) : []);
    const decisions = await this.db.query(
      'SELECT d.decision, d.reason, d.created_at, u.email FROM decisions d JOIN users u ON u.id = d.reviewer_id WHERE d.version_id = $1 ORDER BY d.created_at',
      [versionId],
    );
    return {
      version,
      result: (audit.result ?? null) as Record<string, unknown> | null,
      findings: findings.map((finding) => ({ ...finding, isNew: baseline ? !known.has(finding.fingerprint) : true })),
      baseline: baseline ? { versionId: baseline.versionId, version: baseline.version } : null,
      decisions: decisions.map((d) => ({ decision: d.decision as string, reason: d.reason as string, at: iso(d.created_at), reviewer: d.email as string })),
    };
  }

  /** The bundle bytes of a version: what auditors and workers read, on any machine. */
  async bundleOf(versionId: string): Promise<{ bytes: Uint8Array; sha256: string }> {
    const [row] = await this.db.query('SELECT b.bytes, b.sha256 FROM versions v JOIN blobs b ON b.sha256 = v.bundle_sha256 WHERE v.id = $1', [versionId]);
    if (!row) throw notFound('version');
    return { bytes: row.bytes as Uint8Array, sha256: row.sha256 as string };
  }

  async submit(actor: Principal, appId: string, versionId: string) {
    return this.transition(actor, appId, versionId, 'version.submit', async (tx, version, access) => {
      if (version.state !== 'develop') throw conflict(`a version in ${version.state} cannot be submitted`);
      const [audit] = await tx.query('SELECT id, status, errors FROM audits WHERE version_id = $1 FOR UPDATE', [versionId]);
      if (audit.status !== 'done') throw conflict(`the audit is ${audit.status}: submit once it is done`, { audit: audit.status });
      if ((audit.errors as number) > 0) {
        const blocking = (await this.findingsOf(audit.id as string, tx)).filter((finding) => finding.severity === 'error');
        throw conflict(`the audit found ${blocking.length} error(s): fix them before submitting`, { findings: blocking });
      }
      await tx.query(`UPDATE versions SET state = 'review' WHERE id = $1`, [versionId]);
      return { action: 'version.submit', state: 'review', access };
    });
  }

  async approve(actor: Principal, appId: string, versionId: string, input: { reason?: unknown } = {}) {
    return this.review(actor, appId, versionId, 'approved', () => (input.reason === undefined ? '' : requireString(input.reason, 'reason', 4000, true)));
  }

  /** A rejection needs its reason: the developer reads it. */
  async reject(actor: Principal, appId: string, versionId: string, input: { reason?: unknown }) {
    return this.review(actor, appId, versionId, 'rejected', () => requireString(input.reason, 'reason', 4000));
  }

  private async review(actor: Principal, appId: string, versionId: string, decision: 'approved' | 'rejected', readReason: () => string) {
    if (!actor.platformRole) {
      // Members may see the version, but reviewing is the platform's: 403; others get 404 as usual.
      const access = await this.appAccess(this.db, actor, appId);
      this.requireApp(actor, access, 'app.view');
      throw forbidden('reviewing versions');
    }
    const reason = readReason();
    return this.transition(actor, appId, versionId, null, async (tx, version) => {
      if (version.state !== 'review') throw conflict(`a version in ${version.state} cannot be ${decision}`);
      if (decision === 'approved') {
        // Freeze the approved bytes: release publishes exactly these (5.1).
        await tx.query(`UPDATE versions SET state = 'approved', approved_sha256 = bundle_sha256 WHERE id = $1`, [versionId]);
      } else {
        await tx.query(`UPDATE versions SET state = 'develop' WHERE id = $1`, [versionId]);
      }
      await tx.query('INSERT INTO decisions (id, version_id, reviewer_id, decision, reason) VALUES ($1, $2, $3, $4, $5)', [newId('dec'), versionId, actor.id, decision, reason]);
      return { action: decision === 'approved' ? 'version.approve' : 'version.reject', state: decision === 'approved' ? 'approved' : 'develop', data: { reason } };
    });
  }

  async release(actor: Principal, appId: string, versionId: string) {
    return this.transition(actor, appId, versionId, 'version.release', async (tx, version) => {
      if (version.state !== 'approved') throw conflict(`only an approved version can be released (this one is in ${version.state})`);
      const [blob] = await tx.query('SELECT sha256 FROM blobs WHERE sha256 = $1', [version.bundle_sha256]);
      // 5.1: what goes online is byte for byte what the reviewer approved.
      if (!blob || version.approved_sha256 !== version.bundle_sha256) throw conflict('the bundle differs from the approved bytes: it cannot be released');
      await tx.query(`UPDATE versions SET state = 'offline' WHERE app_id = $1 AND state = 'online'`, [appId]);
      await tx.query(`UPDATE versions SET state = 'online', released_at = now() WHERE id = $1`, [versionId]);
      await tx.query(`UPDATE apps SET online_version_id = $2, status = 'active' WHERE id = $1`, [appId, versionId]);
      return { action: 'version.release', state: 'online', data: { sha256: version.bundle_sha256 } };
    });
  }

  async setExperience(actor: Principal, appId: string, versionId: string) {
    return this.transition(actor, appId, versionId, 'version.release', async (tx, version) => {
      if (version.state === 'offline') throw conflict('an offline version cannot be the experience version');
      await tx.query('UPDATE apps SET experience_version_id = $2 WHERE id = $1', [appId, versionId]);
      return { action: 'version.experience', state: version.state as VersionState };
    });
  }

  /** Puts an earlier released version back online. */
  async rollback(actor: Principal, appId: string, input: { versionId?: unknown }) {
    const versionId = requireString(input.versionId, 'versionId', 100);
    return this.transition(actor, appId, versionId, 'version.release', async (tx, version, access) => {
      if (version.state !== 'offline' || version.released_at == null) throw conflict('only a version that was online before can be rolled back to');
      if (version.approved_sha256 !== version.bundle_sha256) throw conflict('the bundle differs from the approved bytes: it cannot go online');
      const previous = access.app.online_version_id as string | null;
      await tx.query(`UPDATE versions SET state = 'offline' WHERE app_id = $1 AND state = 'online'`, [appId]);
      await tx.query(`UPDATE versions SET state = 'online', released_at = now() WHERE id = $1`, [versionId]);
      await tx.query(`UPDATE apps SET online_version_id = $2, status = 'active' WHERE id = $1`, [appId, versionId]);
      return { action: 'app.rollback', state: 'online', data: { previousOnline: previous } };
    });
  }

  async shutdown(actor: Principal, appId: string) {
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      this.requireApp(actor, access, 'version.release');
      if (access.app.status !== 'active' || !access.app.online_version_id) throw conflict('the app is not online');
      await tx.query(`UPDATE versions SET state = 'offline' WHERE app_id = $1 AND state = 'online'`, [appId]);
      await tx.query(`UPDATE apps SET status = 'shutdown', online_version_id = NULL WHERE id = $1`, [appId]);
      await logEvent(tx, actor.id, 'app.shutdown', { accountId: access.app.account_id as string, appId, versionId: access.app.online_version_id as string });
      return { status: 'shutdown' as const };
    });
  }

  async events(actor: Principal, appId: string, options: { after?: number; limit?: number } = {}): Promise<EventRecord[]> {
    const access = await this.appAccess(this.db, actor, appId);
    this.requireApp(actor, access, 'app.view');
    const rows = await this.db.query('SELECT * FROM events WHERE app_id = $1 AND id > $2 ORDER BY id LIMIT $3', [appId, options.after ?? 0, Math.min(options.limit ?? 500, 5000)]);
    return rows.map(eventOf);
  }

  /** Versions waiting for review, riskiest first (platform reviewers and admins). */
  async reviewQueue(actor: Principal) {
    if (!actor.platformRole) throw forbidden('the review queue');
    const rows = await this.db.query(
      `${VERSION_SELECT.replace('FROM versions v', ', p.name AS app_name, p.account_id FROM versions v JOIN apps p ON p.id = v.app_id')}
       WHERE v.state = 'review' ORDER BY a.risk DESC, v.created_at`,
    );
    return rows.map((row) => ({ ...versionOf(row), appName: row.app_name as string, accountId: row.account_id as string }));
  }

  // ── audits (workers) ─────────────────────────────────────────────────────────────────────────

  /** Marks an audit running; false when it is already done (a retried job finding its work finished). */
  async startAudit(auditId: string): Promise<{ versionId: string; appId: string } | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `UPDATE audits a SET status = 'running', runs = runs + 1 FROM versions v WHERE a.id = $1 AND v.id = a.version_id AND a.status <> 'done'
         RETURNING a.version_id, v.app_id, a.runs`,
        [auditId],
      );
      if (!row) return undefined;
      await logEvent(tx, null, 'audit.start', { appId: row.app_id as string, versionId: row.version_id as string, data: { auditId, run: row.runs } });
      return { versionId: row.version_id as string, appId: row.app_id as string };
    });
  }

  /**
   * Stores an audit's result and findings and marks it done, once: a second completion of the
   * same audit (a worker thought dead finishing late) changes nothing and returns false.
   */
  async finishAudit(auditId: string, outcome: { result: unknown; findings: StoredFinding[]; summary: { errors: number; warnings: number; infos: number } }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [audit] = await tx.query(
        'SELECT a.status, a.version_id, v.app_id FROM audits a JOIN versions v ON v.id = a.version_id WHERE a.id = $1 FOR UPDATE OF a',
        [auditId],
      );
      if (!audit) throw notFound('audit');
      if (audit.status === 'done') return false;
      const risk = riskScore(outcome.findings);
      await insertFindings(tx, auditId, outcome.findings);
      await tx.query(
        `UPDATE audits SET status = 'done', errors = $2, warnings = $3, infos = $4, risk = $5, result = $6::jsonb, failure = NULL, finished_at = now() WHERE id = $1`,
        [auditId, outcome.summary.errors, outcome.summary.warnings, outcome.summary.infos, risk, json(outcome.result)],
      );
      await logEvent(tx, null, 'audit.done', { appId: audit.app_id as string, versionId: audit.version_id as string, data: { auditId, ...outcome.summary, risk } });
      return true;
    });
  }

  async failAudit(auditId: string, failure: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `UPDATE audits a SET status = 'failed', failure = $2, finished_at = now() FROM versions v WHERE a.id = $1 AND v.id = a.version_id AND a.status <> 'done'
         RETURNING a.version_id, v.app_id`,
        [auditId, failure.slice(0, 2000)],
      );
      if (row) await logEvent(tx, null, 'audit.failed', { appId: row.app_id as string, versionId: row.version_id as string, data: { auditId, failure: failure.slice(0, 2000) } });
    });
  }

  /** The app and history an audit needs: listing, domains, rejected versions, last approval, sibling apps. */
  async auditContext(versionId: string): Promise<{ app: AppRecord; version: VersionRecord; history: AuditHistory }> {
    const [row] = await this.db.query(`${VERSION_SELECT} WHERE v.id = $1`, [versionId]);
    if (!row) throw notFound('version');
    const version = versionOf(row);
    const [appRow] = await this.db.query('SELECT * FROM apps WHERE id = $1', [version.appId]);
    const app = appOf(appRow);
    const rejectedRows = await this.db.query(
      `SELECT DISTINCT ON (v.id) v.id, v.version, v.bundle_sha256, d.reason, d.created_at, a.id AS audit_id
       FROM decisions d JOIN versions v ON v.id = d.version_id JOIN audits a ON a.version_id = v.id
       WHERE v.app_id = $1 AND v.id <> $2 AND d.decision = 'rejected' ORDER BY v.id, d.created_at DESC`,
      [version.appId, versionId],
    );
    rejectedRows.sort((a, b) => String(iso(b.created_at)).localeCompare(String(iso(a.created_at))));
    const rejected = [];
    for (const rejection of rejectedRows) {
      const fingerprints = await this.db.query(`SELECT fingerprint FROM findings WHERE audit_id = $1 AND severity = 'error' ORDER BY idx`, [rejection.audit_id]);
      rejected.push({
        versionId: rejection.id as string, version: rejection.version as string, bundleSha256: rejection.bundle_sha256 as string,
        reason: rejection.reason as string, errorFingerprints: fingerprints.map((f) => f.fingerprint as string),
      });
    }
    const baseline = await this.lastApprovedBefore(this.db, version.appId, versionId);
    const lastApproved = baseline
      ? { versionId: baseline.versionId, version: baseline.version, fingerprints: (await this.findingsOf(baseline.auditId)).map((f) => f.fingerprint) }
      : null;
    const others = await this.db.query(
      `SELECT DISTINCT ON (p.id) p.id, p.name, v.id AS version_id, v.signature FROM apps p JOIN versions v ON v.app_id = p.id
       WHERE p.account_id = $1 AND p.id <> $2 AND v.signature IS NOT NULL AND p.status <> 'archived' ORDER BY p.id, v.created_at DESC`,
      [app.accountId, app.id],
    );
    return {
      app, version,
      history: {
        rejected, lastApproved,
        otherApps: others.map((o) => ({ appId: o.id as string, name: o.name as string, versionId: o.version_id as string, signature: o.signature as string })),
      },
    };
  }

  async setSignature(versionId: string, signature: string): Promise<void> {
    await this.db.query('UPDATE versions SET signature = $2 WHERE id = $1', [versionId, signature]);
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  private async findingsOf(auditId: string, q: Queryable = this.db): Promise<StoredFinding[]> {
    const rows = await q.query('SELECT * FROM findings WHERE audit_id = $1 ORDER BY idx', [auditId]);
    return rows.map((row) => ({
      ruleId: row.rule_id as string, severity: row.severity as string, confidence: (row.confidence as string | null) ?? undefined,
      clauses: row.clauses as string[], message: row.message as string, file: row.file as string, line: row.line as number,
      column: row.col as number, fingerprint: row.fingerprint as string, group: row.grp as string,
    }));
  }

  /** The newest version approved before `versionId` was uploaded (approved, online or offline after release). */
  private async lastApprovedBefore(q: Queryable, appId: string, versionId: string) {
    const [row] = await q.query(
      `SELECT v.id, v.version, a.id AS audit_id FROM versions v JOIN audits a ON a.version_id = v.id
       WHERE v.app_id = $1 AND v.id <> $2 AND v.approved_sha256 IS NOT NULL
         AND v.created_at <= (SELECT created_at FROM versions WHERE id = $2)
       ORDER BY v.created_at DESC LIMIT 1`,
      [appId, versionId],
    );
    return row ? { versionId: row.id as string, version: row.version as string, auditId: row.audit_id as string } : undefined;
  }

  /**
   * One state change of one version: lock the app then the version (the same order everywhere, so
   * concurrent changes queue instead of deadlocking), check, change, log; the loser of a race sees
   * the winner's state and gets a conflict.
   */
  private async transition(
    actor: Principal, appId: string, versionId: string, action: AppAction | null,
    change: (tx: Queryable, version: Row, access: AppAccess) => Promise<{ action: string; state: VersionState; data?: Record<string, unknown> }>,
  ) {
    return this.db.transaction(async (tx) => {
      const access = await this.appAccess(tx, actor, appId, true);
      if (action) this.requireApp(actor, access, action);
      if (access.app.status === 'archived') throw conflict('the app is archived');
      const [version] = await tx.query('SELECT * FROM versions WHERE id = $1 AND app_id = $2 FOR UPDATE', [versionId, appId]);
      if (!version) throw notFound('version');
      const done = await change(tx, version, access);
      await logEvent(tx, actor.id, done.action, { accountId: access.app.account_id as string, appId, versionId, data: { from: version.state, to: done.state, ...done.data } });
      return { versionId, state: done.state };
    });
  }

  /** The app and the caller's roles in it; 404 when the caller may not see it at all. */
  private async appAccess(q: Queryable, actor: Principal, appId: string, lock = false): Promise<AppAccess> {
    const [app] = await q.query(`SELECT * FROM apps WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [appId]);
    if (!app) throw notFound('app');
    const [roles] = await q.query(
      `SELECT (SELECT role FROM app_members WHERE app_id = $1 AND user_id = $3) AS app_role,
              (SELECT role FROM account_members WHERE account_id = $2 AND user_id = $3) AS account_role`,
      [appId, app.account_id, actor.id],
    );
    const access: AppAccess = { app, appRole: (roles.app_role as AppRole | null) ?? undefined, accountRole: (roles.account_role as AccountRole | null) ?? undefined };
    const visible = actor.platformRole || access.appRole || accountAllows(access.accountRole, 'account.apps.list');
    if (!visible) throw notFound('app');
    return access;
  }

  /** App-level permission: the app role, or the account's "View and list applications" for viewing; platform staff view all, admins do all. */
  private requireApp(actor: Principal, access: AppAccess, action: AppAction): void {
    if (actor.platformRole === 'admin') return;
    if (appAllows(access.appRole, action)) return;
    if (action === 'app.view' && (actor.platformRole === 'reviewer' || accountAllows(access.accountRole, 'account.apps.list'))) return;
    throw forbidden(ACTION_NAMES[action]);
  }

  /** The caller's account role after checking `action`; 404 for non-members, 403 for a role without it. */
  private async accountRole(q: Queryable, actor: Principal, accountId: string, action: AccountAction): Promise<AccountRole | undefined> {
    const [account] = await q.query('SELECT id FROM accounts WHERE id = $1', [accountId]);
    if (!account) throw notFound('account');
    const [member] = await q.query('SELECT role FROM account_members WHERE account_id = $1 AND user_id = $2', [accountId, actor.id]);
    const role = member?.role as AccountRole | undefined;
    if (actor.platformRole) return role;
    if (!role) throw notFound('account');
    if (!accountAllows(role, action)) throw forbidden(action);
    return role;
  }
}

const ACTION_NAMES: Record<AppAction, string> = {
  'version.upload': 'uploading versions',
  'version.submit': 'submitting versions for review',
  'version.release': 'publishing versions',
  'app.settings': "updating the application's settings",
  'app.members': "managing the application's members",
  'app.devsettings': 'updating development settings',
  'app.view': 'viewing the application',
};

const VERSION_SELECT = `SELECT v.*, a.status AS audit_status, a.errors, a.warnings, a.infos, a.risk, a.failure,
  (SELECT experience_version_id FROM apps WHERE id = v.app_id) = v.id AS is_experience
  FROM versions v JOIN audits a ON a.version_id = v.id`;

async function logEvent(tx: Queryable, actorId: string | null, action: string, where: { accountId?: string; appId?: string; versionId?: string; data?: Record<string, unknown> }) {
  await tx.query(
    'INSERT INTO events (actor_id, action, account_id, app_id, version_id, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [actorId, action, where.accountId ?? null, where.appId ?? null, where.versionId ?? null, json(where.data ?? {})],
  );
}

async function insertFindings(tx: Queryable, auditId: string, findings: StoredFinding[]) {
  await tx.query('DELETE FROM findings WHERE audit_id = $1', [auditId]);
  // Batches of rows per statement: a large report is a few round trips, not one per finding.
  const COLUMNS = 12;
  for (let start = 0; start < findings.length; start += 200) {
    const batch = findings.slice(start, start + 200);
    const values: unknown[] = [];
    const tuples = batch.map((finding, i) => {
      values.push(auditId, start + i, finding.ruleId, finding.severity, finding.confidence ?? null, json(finding.clauses), finding.message,
        finding.file, finding.line, finding.column, finding.fingerprint, finding.group);
      const base = i * COLUMNS;
      return `(${Array.from({ length: COLUMNS }, (_, k) => `$${base + k + 1}${k === 5 ? '::jsonb' : ''}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO findings (audit_id, idx, rule_id, severity, confidence, clauses, message, file, line, col, fingerprint, grp) VALUES ${tuples.join(', ')}`, values);
  }
}

async function countOwners(tx: Queryable, accountId: string): Promise<number> {
  const [row] = await tx.query(`SELECT count(*)::int AS n FROM account_members WHERE account_id = $1 AND role = 'owner'`, [accountId]);
  return row.n as number;
}

function principalOf(row: Row): Principal {
  return { id: row.id as string, email: row.email as string, name: row.name as string, platformRole: (row.platform_role as PlatformRole | null) ?? null };
}

function appOf(row: Row): AppRecord {
  return {
    id: row.id as string, accountId: row.account_id as string, name: row.name as string, description: row.description as string,
    logo: (row.logo as string | null) ?? null, category: (row.category as string | null) ?? null, tags: row.tags as string[],
    serviceDomains: row.service_domains as string[], businessDomains: row.business_domains as string[],
    status: row.status as AppRecord['status'], onlineVersionId: (row.online_version_id as string | null) ?? null,
    experienceVersionId: (row.experience_version_id as string | null) ?? null,
  };
}

function versionOf(row: Row): VersionRecord {
  return {
    versionId: row.id as string, appId: row.app_id as string, version: row.version as string, description: row.description as string,
    state: row.state as VersionState, bundleSha256: row.bundle_sha256 as string, approvedSha256: (row.approved_sha256 as string | null) ?? null,
    uploaderId: row.uploader_id as string, createdAt: iso(row.created_at)!, releasedAt: iso(row.released_at), experience: row.is_experience === true,
    audit: {
      status: row.audit_status as AuditStatus,
      summary: { errors: row.errors as number, warnings: row.warnings as number, infos: row.infos as number },
      risk: Number(row.risk),
      ...(row.failure ? { failure: row.failure as string } : {}),
    },
  };
}

function eventOf(row: Row): EventRecord {
  return {
    id: Number(row.id), at: iso(row.at)!, actorId: (row.actor_id as string | null) ?? null, action: row.action as string,
    accountId: (row.account_id as string | null) ?? null, appId: (row.app_id as string | null) ?? null, versionId: (row.version_id as string | null) ?? null,
    data: row.data as Record<string, unknown>,
  };
}

function requireString(value: unknown, field: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  const trimmed = value.trim();
  if (!allowEmpty && !trimmed) throw invalid(`${field} must not be empty`);
  if (trimmed.length > max) throw invalid(`${field} is longer than ${max} characters`);
  return trimmed;
}

function checkVersionString(value: unknown): string {
  if (typeof value !== 'string' || !VERSION_STRING.test(value)) throw invalid('version must look like 1.2.3 (up to four numbers, an optional -label)');
  return value;
}

function readListing(input: Record<string, unknown>, creating: boolean): Partial<Listing> {
  const listing: Partial<Listing> = {};
  if (creating || input.name !== undefined) listing.name = requireString(input.name, 'name', 100);
  if (input.description !== undefined) listing.description = requireString(input.description, 'description', 4000, true);
  if (input.logo !== undefined) listing.logo = input.logo === null ? null : requireString(input.logo, 'logo', 500);
  if (input.category !== undefined) listing.category = input.category === null ? null : requireString(input.category, 'category', 100);
  if (input.tags !== undefined) listing.tags = stringList(input.tags, 'tags', (tag) => tag.length <= 50);
  return listing;
}

function readDomains(input: Record<string, unknown>): { serviceDomains?: string[]; businessDomains?: string[] } {
  const domains: { serviceDomains?: string[]; businessDomains?: string[] } = {};
  for (const field of ['serviceDomains', 'businessDomains'] as const) {
    if (input[field] !== undefined) domains[field] = stringList(input[field], field, (item) => DOMAIN.test(item));
  }
  return domains;
}

function stringList(value: unknown, field: string, valid: (item: string) => boolean): string[] {
  if (!Array.isArray(value) || value.length > 200) throw invalid(`${field} must be a list of at most 200 strings`);
  const items = value.map((item) => (typeof item === 'string' ? item.trim() : item));
  const bad = items.find((item) => typeof item !== 'string' || !item || !valid(item));
  if (bad !== undefined) throw invalid(`${field} has an invalid entry: ${JSON.stringify(bad).slice(0, 100)}`);
  return [...new Set(items as string[])];
}
