/**
 * One audit: the stored bytes of a version, linted by the same engine and rules as `bmplint check`,
 * with the app's listing and domain lists from the store as the external listing; then the checks
 * that need the store's history (2.1.5 near-duplicates among the developer's apps, 5.3.2
 * resubmission after a rejection), fed as data to the analyses of `@bmplint/rules-store`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareFindings, InputError, lint, openBundle, summarize,
  type AnyRule, type Bundle, type Finding, type LintResult, type RuleMeta,
} from '@bmplint/core';
import {
  bundleSignature, decodeSignature, describeDuplicate, encodeSignature, findNearDuplicates, findResubmission,
  nearDuplicateRule, resubmissionRule, NEAR_DUPLICATE_THRESHOLD,
} from '@bmplint/rules-store';
import type { AppRecord, AuditHistory, Store, StoredFinding } from '@bmplint/store';

export interface AuditEngine {
  rules: readonly AnyRule[];
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

/** Lints one version's bytes with its app's settings and history; the portal checks' findings are merged in. */
export async function auditBundle(bytes: Uint8Array, app: AppRecord, history: AuditHistory, engine: AuditEngine): Promise<{ result: LintResult; signature: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return withZipBundle(bytes, async (bundle) => {
    const result = await lint(bundle, { rules: engine.rules, listing: { path: PORTAL_LISTING_PATH, bytes: listingOf(app) } });
    result.bundle.root = `${app.name}`;
    const signature = bundleSignature(bundle);
    const portalFindings: Finding[] = [];
    const others = history.otherApps.map((other) => [other.appId, decodeSignature(other.signature)] as const);
    const names = new Map(history.otherApps.map((other) => [other.appId, other.name]));
    for (const duplicate of findNearDuplicates(signature, others, NEAR_DUPLICATE_THRESHOLD)) {
      const described = describeDuplicate(duplicate, { name: names.get(duplicate.id) });
      portalFindings.push(portalFinding(nearDuplicateRule.meta, described, duplicate.id));
    }
    const errorFingerprints = result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.fingerprint!);
    const resubmission = findResubmission({ bundleSha256: sha256, errorFingerprints }, history.rejected);
    if (resubmission) portalFindings.push(portalFinding(resubmissionRule.meta, resubmission, resubmission.data.versionId));
    result.findings = [...result.findings, ...portalFindings].sort(compareFindings);
    result.summary = summarize(result.findings);
    return { result, signature: encodeSignature(signature) };
  });
}

/** A finding of a portal check: about the bundle as a whole, identified by what it compares with. */
function portalFinding(meta: RuleMeta, described: { messageId: string; data: Record<string, string | number>; message: string }, subject: string): Finding {
  const group = createHash('sha256').update(`${meta.id}\0${described.messageId}\0${subject}`).digest('hex').slice(0, 16);
  return {
    ruleId: meta.id, clauses: [...meta.clauses], severity: meta.severity, messageId: described.messageId, data: described.data,
    message: described.message, file: '', line: 1, column: 1, endLine: 1, endColumn: 1,
    ...(meta.confidence ? { confidence: meta.confidence } : {}), fingerprint: group, group,
  } as Finding;
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
