/**
 * What the review portal knows beyond the bundle, for the rules of clauses that compare an upload
 * with earlier versions and other apps (5.3.2 resubmission, 2.1.5 near-duplicates). Plain data:
 * the engine passes it to rules as `context.history`; `bmplint check` has none.
 */
export interface ReviewHistory {
  /** The upload being audited. `signature`: its code signature, when the caller already computed it (opaque here). */
  upload: { sha256: string; signature?: string };
  /** Earlier versions of this app that a reviewer rejected, newest first. */
  rejected: ReadonlyArray<{ versionId: string; version: string; bundleSha256: string; reason: string; errorFingerprints: readonly string[] }>;
  /** The newest signed version of each other app of the same developer account (the signature is opaque here). */
  otherApps: ReadonlyArray<{ appId: string; name: string; versionId: string; signature: string }>;
}
