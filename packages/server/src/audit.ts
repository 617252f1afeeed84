/**
 * One audit: the stored bytes of a version, linted by the same engine and rules as `bmplint check`,
 * with the app's listing and domain lists from the store as the external listing, and the store's
 * history (rejected versions, the developer's other apps) as the engine's review history, which the
 * portal's own rules (`@bmplint/rules-store`: 2.1.5 near-duplicates, 5.3.2 resubmission) read.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, lint, openBundle, type AnyRule, type Bundle, type LintResult } from '@bmplint/core';
import { bundleSignature, encodeSignature, portalRules } from '@bmplint/rules-store';
import type { AppRecord, AuditHistory, Store, StoredFinding } from '@bmplint/store';

export interface AuditEngine {
  /** The lint rules (`bmplint check`'s); the portal adds its own rules, which need the store's history. */
  rules: readonly AnyRule[];
}

const withPortalRules = new WeakMap<AuditEngine, AnyRule[]>();

/** The engine's rules and the portal's (2.1.5, 5.3.2), once per engine. */
function auditRules(engine: AuditEngine): AnyRule[] {
  let rules = withPortalRules.get(engine);
  if (!rules) {
    const given = new Set(engine.rules.map((rule) => rule.meta.id));
    rules = [...engine.rules, ...portalRules.filter((rule) => !given.has(rule.meta.id))];
    withPortalRules.set(engine, rules);
  }
  return rules;
}

/** The listing file the engine sees for an app: its settings in the store. Named so no bundle path can be it. */
export const PORTAL_LISTING_PATH = '(portal settings)/listing.json';

export function listingOf(app: AppRecord): Uint8Array {
  const listing: Record<string, unknown> = { appId: app.id, name: app.name, description: app.description };
  if (app.logo) listing.logo = app.logo;
  if (app.category) listing.category = app.category;
  if (app.tags.length) listing.tags = app.tags;
  listing.serviceDomains = app.serviceDomains;
  listing.businessDomains = app.businessDomains;
  return Buffer.from(JSON.stringify(listing, null, 2));
}

/** Opens zip bytes through core's zip reader (its limits: entry count, sizes, ratios, paths). */
export async function withZipBundle<T>(bytes: Uint8Array, use: (bundle: Bundle) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bmplint-audit-'));
  try {
    const path = join(dir, 'bundle.zip');
    writeFileSync(path, bytes);
    return await use(await openBundle(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lints one version's bytes with its app's settings and history; also returns its code signature, which the store keeps. */
export async function auditBundle(bytes: Uint8Array, app: AppRecord, history: AuditHistory, engine: AuditEngine): Promise<{ result: LintResult; signature: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return withZipBundle(bytes, async (bundle) => {
    const signature = encodeSignature(bundleSignature(bundle));
    const result = await lint(bundle, {
      rules: auditRules(engine),
      listing: { path: PORTAL_LISTING_PATH, bytes: listingOf(app) },
      history: { upload: { sha256, signature }, rejected: history.rejected, otherApps: history.otherApps },
    });
    result.bundle.root = `${app.name}`;
    return { result, signature };
  });
}

export function storedFindings(result: LintResult): StoredFinding[] {
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId, severity: finding.severity, confidence: finding.confidence ?? null, clauses: finding.clauses,
    message: finding.message, file: finding.file, line: finding.line, column: finding.column,
    fingerprint: finding.fingerprint ?? '', group: finding.group ?? '',
  }));
}

/**
 * Runs the audit `auditId` to completion, once: a job retried after its worker died starts it
 * again; a job whose audit another run finished does nothing. Returns what happened.
 */
export async function runAudit(store: Store, auditId: string, engine: AuditEngine): Promise<'done' | 'skipped' | 'failed'> {
  const started = await store.startAudit(auditId);
  if (!started) return 'skipped';
  const { app, history } = await store.auditContext(started.versionId);
  const { bytes } = await store.bundleOf(started.versionId);
  let audited;
  try {
    audited = await auditBundle(bytes, app, history, engine);
  } catch (error) {
    // The engine refusing the zip is the version's problem, not the worker's: no retry.
    if (error instanceof InputError) {
      await store.failAudit(auditId, error.message);
      return 'failed';
    }
    throw error;
  }
  await store.setSignature(started.versionId, audited.signature);
  const finished = await store.finishAudit(auditId, { result: audited.result, findings: storedFindings(audited.result), summary: audited.result.summary });
  return finished ? 'done' : 'skipped';
}

/** Checks that upload bytes are a zip the engine opens: 400 for what is not a zip, 422 for one it refuses. */
export async function checkZip(bytes: Uint8Array): Promise<{ ok: true } | { ok: false; status: 400 | 422; message: string }> {
  if (bytes.length < 4 || Buffer.from(bytes.subarray(0, 4)).readUInt32LE(0) !== 0x04034b50) {
    return { ok: false, status: 400, message: 'the body is not a zip file (send the bundle zip as application/zip)' };
  }
  try {
    await withZipBundle(bytes, async (bundle) => {
      if (!bundle.entries.size) throw new InputError('the zip holds no files the engine can read');
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, status: 422, message: `the engine refuses this zip: ${error.message}` };
    throw error;
  }
}
