import { defineRule, renderMessage } from '@bmplint/core';

/**
 * 5.3.2: an upload that repeats a rejected version of the app. It needs the store (the app's
 * rejected versions), so it runs in the review portal, which passes them as `context.history`;
 * `bmplint check` does not load it. It compares once every other finding is final, since "the same
 * errors" are the run's own error fingerprints.
 */
export const resubmissionRule = defineRule({
  meta: {
    id: 'store/resubmission',
    clauses: ['5.3.2'],
    severity: 'warning',
    suppressible: false,
    confidence: 'high',
    subject: ['versionId'],
    docs: {
      description: 'A version rejected in review must not be sent again unchanged: an upload with the same bytes as a rejected version, or with exactly its errors, is flagged to the reviewer.',
    },
    messages: {
      sameBundle: 'This bundle is byte for byte version {{version}}, which was rejected ("{{reason}}"): resubmitting rejected content unchanged is not allowed (5.3.2).',
      sameErrors: 'This version has exactly the errors of version {{version}}, which was rejected ("{{reason}}"): fix what the rejection named before resubmitting (5.3.2).',
    },
  },
  create(context) {
    return {
      findings(findings) {
        const history = context.history;
        if (!history?.rejected.length) return;
        const errorFingerprints = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.fingerprint ?? '');
        const repeated = findResubmission({ bundleSha256: history.upload.sha256, errorFingerprints }, history.rejected);
        if (repeated) context.report({ file: '', messageId: repeated.messageId, data: repeated.data });
      },
    };
  },
});

export interface RejectedVersion {
  versionId: string;
  version: string;
  bundleSha256: string;
  reason: string;
  /** Fingerprints of the rejected version's error findings. */
  errorFingerprints: readonly string[];
}

export interface Resubmission {
  messageId: 'sameBundle' | 'sameErrors';
  data: { version: string; reason: string; versionId: string };
  message: string;
}

/**
 * The rejected version this upload repeats, if any: the same bundle hash first, else the same
 * non-empty set of error fingerprints (the same problems, whatever else changed).
 */
export function findResubmission(upload: { bundleSha256: string; errorFingerprints: readonly string[] }, rejected: readonly RejectedVersion[]): Resubmission | undefined {
  const describe = (messageId: Resubmission['messageId'], version: RejectedVersion): Resubmission => {
    const reason = version.reason.length > 200 ? `${version.reason.slice(0, 199)}…` : version.reason;
    const data = { version: version.version, reason, versionId: version.versionId };
    return { messageId, data, message: renderMessage(resubmissionRule.meta.messages[messageId], data) };
  };
  const sameBytes = rejected.find((version) => version.bundleSha256 === upload.bundleSha256);
  if (sameBytes) return describe('sameBundle', sameBytes);
  const errors = new Set(upload.errorFingerprints);
  if (!errors.size) return undefined;
  const sameErrors = rejected.find((version) => {
    const theirs = new Set(version.errorFingerprints);
    return theirs.size === errors.size && [...errors].every((fingerprint) => theirs.has(fingerprint));
  });
  return sameErrors && describe('sameErrors', sameErrors);
}
