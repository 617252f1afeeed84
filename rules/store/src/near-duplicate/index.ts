import { DOCS_BASE_URL, renderMessage, type RuleMeta } from '@bmplint/core';
import type { NearDuplicate } from '../similarity.js';

/** Similarity from which two bundles are reported as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/**
 * The meta of the 2.1.5 check. It is not a lint rule: it compares a bundle with the developer's
 * other apps in the store, so the review portal runs it (with `findNearDuplicates`) and reports
 * under this id. It is not in the package's default export, which the linter loads.
 */
export const nearDuplicateRule: { meta: RuleMeta } = {
  meta: {
    id: 'store/near-duplicate',
    clauses: ['2.1.5'],
    severity: 'warning',
    suppressible: false,
    confidence: 'medium',
    docs: {
      description: 'A developer must not submit many similar mini programs: a bundle whose code is a near-duplicate of another app of the same developer is reported (MinHash similarity of normalised sources).',
      url: `${DOCS_BASE_URL}store/near-duplicate.md`,
    },
    messages: {
      nearDuplicate: 'This bundle is {{percent}}% similar to {{other}}: bulk registration and repeated submission of numerous similar mini programs are prohibited (2.1.5). Explain to the reviewer how this app differs, or merge the apps.',
    },
    defaultOptions: { threshold: NEAR_DUPLICATE_THRESHOLD },
    schema: {
      type: 'object',
      properties: { threshold: { type: 'number', minimum: 0, maximum: 1 } },
      additionalProperties: false,
    },
  },
};

/** How a stored app is named in the message. */
export interface DuplicateOf {
  /** The other app's name as listed, if known. */
  name?: string;
  /** The other version, if the duplicate is of one version. */
  version?: string;
}

/** The finding text of one near-duplicate: messageId, data and the rendered English message. */
export function describeDuplicate(duplicate: NearDuplicate, other: DuplicateOf = {}): { messageId: 'nearDuplicate'; data: Record<string, string | number>; message: string } {
  const percent = Math.round(Math.min(1, Math.max(0, duplicate.similarity)) * 100);
  const named = other.name ? `"${other.name}" (${duplicate.id})` : `app ${duplicate.id}`;
  const data = { percent, other: other.version ? `${named} version ${other.version}` : named, id: duplicate.id };
  return { messageId: 'nearDuplicate', data, message: renderMessage(nearDuplicateRule.meta.messages.nearDuplicate, data) };
}
