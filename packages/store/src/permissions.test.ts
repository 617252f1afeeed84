/**
 * Every (role, action) pair of the Management Portal document's two permission tables: the
 * allowed ones succeed, the others get 403 and change nothing. The expected tables are written out
 * here from the document, independently of permissions.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, Store, StoreError, type Db, type Principal } from './index.js';

const ACCOUNT_TABLE: Record<string, string[]> = {
  'add or remove user': ['owner', 'editor'],
  'transfer owner': ['owner'],
  "change user's roles": ['owner', 'editor'],
  'view and list applications': ['owner', 'editor'],
  'create / change / archive applications': ['owner', 'editor'],
  "manage developer's information": ['owner', 'editor'],
  'login to the platform of developer': ['owner', 'editor', 'viewer'],
};

const APP_TABLE: Record<string, string[]> = {
  'upload a new version': ['owner', 'operator', 'developer'],
  'submit a version for review': ['owner', 'operator'],
  'get an approved version online': ['owner', 'operator'],
  'update the settings of an application': ['owner', 'operator'],
  'manage the membership of application': ['owner', 'operator'],
  'update development settings': ['owner', 'operator'],
  'view the info of application': ['owner', 'operator', 'developer'],
};

let db: Db;
let store: Store;
let admin: Principal;
let reviewer: Principal;
let counter = 0;

async function user(platformRole?: 'reviewer'): Promise<Principal> {
  const { token } = await store.createUser(admin, { email: `u${++counter}@x.io`, name: `User ${counter}`, platformRole });
  return (await store.authenticate(token))!;
}

const done = (auditId: string) => store.finishAudit(auditId, { result: {}, findings: [], summary: { errors: 0, warnings: 0, infos: 0 } });

/** A world for one case: an account, an app with an approved version and an audited one in develop. */
async function world() {
  const owner = await user();
  const { id: accountId } = await store.createAccount(admin, { name: 'Acme', ownerId: owner.id });
  const { appId } = await store.createApp(owner, accountId, { name: 'Shop' });
  const approved = await store.createVersion(owner, appId, { version: '1.0.0', bytes: new Uint8Array([1]) });
  await done(approved.auditId);
  await store.submit(owner, appId, approved.versionId);
  await store.approve(reviewer, appId, approved.versionId);
  const develop = await store.createVersion(owner, appId, { version: '1.0.1', bytes: new Uint8Array([2]) });
  await done(develop.auditId);
  const viewer = await user();
  await store.setAccountMember(owner, accountId, { userId: viewer.id, role: 'viewer' });
  const editor = await user();
  await store.setAccountMember(owner, accountId, { userId: editor.id, role: 'editor' });
  const newcomer = await user();
  return { owner, accountId, appId, approved: approved.versionId, develop: develop.versionId, viewer, editor, newcomer };
}

type World = Awaited<ReturnType<typeof world>>;

/** An account member with `role` (the document's Owner is the account's owner). */
async function accountMember(w: World, role: string): Promise<Principal> {
  if (role === 'owner') return w.owner;
  const member = await user();
  await store.setAccountMember(w.owner, w.accountId, { userId: member.id, role });
  return member;
}

/** A member of the app with `role`, who is a Viewer of the account (so only the app table speaks). */
async function appMember(w: World, role: string): Promise<Principal> {
  const member = await user();
  await store.setAccountMember(w.owner, w.accountId, { userId: member.id, role: 'viewer' });
  await store.setAppMember(w.owner, w.appId, { userId: member.id, role });
  return member;
}

const ACCOUNT_ACTIONS: Record<string, (actor: Principal, w: World) => Promise<unknown>> = {
  'add or remove user': async (actor, w) => {
    await store.setAccountMember(actor, w.accountId, { userId: w.newcomer.id, role: 'viewer' });
    await store.removeAccountMember(actor, w.accountId, w.newcomer.id);
  },
  'transfer owner': (actor, w) => store.transferAccount(actor, w.accountId, { userId: w.editor.id }),
  "change user's roles": (actor, w) => store.setAccountMember(actor, w.accountId, { userId: w.viewer.id, role: 'editor' }),
  'view and list applications': (actor, w) => store.listApps(actor, w.accountId),
  'create / change / archive applications': async (actor, w) => {
    const { appId } = await store.createApp(actor, w.accountId, { name: 'New app' });
    await store.updateSettings(actor, appId, { description: 'changed' });
    await store.archiveApp(actor, appId);
  },
  "manage developer's information": (actor, w) => store.updateAccountInfo(actor, w.accountId, { info: { website: 'https://acme.io' } }),
  'login to the platform of developer': (actor, w) => store.getAccount(actor, w.accountId),
};

const APP_ACTIONS: Record<string, (actor: Principal, w: World) => Promise<unknown>> = {
  'upload a new version': (actor, w) => store.createVersion(actor, w.appId, { version: '2.0.0', bytes: new Uint8Array([3]) }),
  'submit a version for review': (actor, w) => store.submit(actor, w.appId, w.develop),
  'get an approved version online': (actor, w) => store.release(actor, w.appId, w.approved),
  'update the settings of an application': (actor, w) => store.updateSettings(actor, w.appId, { name: 'Renamed', tags: ['x'] }),
  'manage the membership of application': (actor, w) => store.setAppMember(actor, w.appId, { userId: w.viewer.id, role: 'developer' }),
  'update development settings': (actor, w) => store.updateSettings(actor, w.appId, { serviceDomains: ['https://api.acme.io'] }),
  'view the info of application': (actor, w) => Promise.all([store.getApp(actor, w.appId), store.listVersions(actor, w.appId), store.events(actor, w.appId)]),
};

/** Everything an action could change, as one comparable value. */
async function snapshot(): Promise<string> {
  const tables = ['accounts', 'account_members', 'apps', 'app_members', 'versions', 'audits', 'decisions', 'events'];
  const parts = [];
  for (const table of tables) parts.push(await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`));
  return JSON.stringify(parts);
}

async function expectForbiddenAndUnchanged(run: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await run().then(() => undefined, (caught) => caught);
  expect(error, 'expected 403').toBeInstanceOf(StoreError);
  expect((error as StoreError).status).toBe(403);
  expect(await snapshot()).toBe(before);
}

beforeAll(async () => {
  db = await openPglite();
  await migrate(db);
  store = new Store(db);
  admin = await store.ensureAdmin('admin');
  reviewer = await user('reviewer');
}, 60_000);
afterAll(() => db.close());

describe('account level (Owner, Editor, Viewer)', () => {
  const cases = Object.entries(ACCOUNT_TABLE).flatMap(([action, allowed]) => ['owner', 'editor', 'viewer'].map((role) => [action, role, allowed.includes(role)] as const));
  it.each(cases)('%s as %s: allowed %s', async (action, role, allowed) => {
    const w = await world();
    const actor = await accountMember(w, role);
    if (allowed) await ACCOUNT_ACTIONS[action](actor, w);
    else await expectForbiddenAndUnchanged(() => ACCOUNT_ACTIONS[action](actor, w));
  });
});

describe('application level (Owner, Operator, Developer)', () => {
  const cases = Object.entries(APP_TABLE).flatMap(([action, allowed]) => ['owner', 'operator', 'developer'].map((role) => [action, role, allowed.includes(role)] as const));
  it.each(cases)('%s as %s: allowed %s', async (action, role, allowed) => {
    const w = await world();
    const actor = await appMember(w, role);
    if (allowed) await APP_ACTIONS[action](actor, w);
    else await expectForbiddenAndUnchanged(() => APP_ACTIONS[action](actor, w));
  });
});

describe('platform roles', () => {
  it('lets reviewers approve and reject, and nobody else', async () => {
    const w = await world();
    await store.submit(w.owner, w.appId, w.develop);
    for (const role of ['owner', 'operator', 'developer']) {
      const member = await appMember(w, role);
      await expectForbiddenAndUnchanged(() => store.approve(member, w.appId, w.develop));
      await expectForbiddenAndUnchanged(() => store.reject(member, w.appId, w.develop, { reason: 'no' }));
    }
    await store.reject(reviewer, w.appId, w.develop, { reason: 'blurry logo' });
  });

  it('lets reviewers see every app but not act as its members', async () => {
    const w = await world();
    await store.getApp(reviewer, w.appId);
    await expectForbiddenAndUnchanged(() => store.createVersion(reviewer, w.appId, { version: '3.0.0', bytes: new Uint8Array([9]) }));
    await expectForbiddenAndUnchanged(() => store.release(reviewer, w.appId, w.approved));
  });

  it('keeps users and accounts to the platform admin', async () => {
    const w = await world();
    await expectForbiddenAndUnchanged(() => store.createUser(w.owner, { email: 'new@x.io', name: 'New' }));
    await expectForbiddenAndUnchanged(() => store.createAccount(w.owner, { name: 'Other' }));
  });

  it("does not let an Editor make or unmake the Owner (the document: Editors cannot change administrators)", async () => {
    const w = await world();
    await expectForbiddenAndUnchanged(() => store.setAccountMember(w.editor, w.accountId, { userId: w.viewer.id, role: 'owner' }));
    await expectForbiddenAndUnchanged(() => store.setAccountMember(w.editor, w.accountId, { userId: w.owner.id, role: 'viewer' }));
  });
});
