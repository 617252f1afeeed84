import { defineRule, renderMessage } from '@bmplint/core';
import { bundleSignature, decodeSignature, findNearDuplicates, type NearDuplicate } from '../similarity.js';

/** Similarity from which two bundles are reported as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/**
 * 2.1.5: a bundle whose code is a near-duplicate of another app of the same developer. It needs the
 * store (the developer's other apps and their signatures), so it runs in the review portal, which
 * passes them as `context.history`; `bmplint check` does not load it. The bundle's own signature is
 * the one the portal computed for the upload, or computed here from the bundle's bytes.
 */
export const nearDuplicateRule = defineRule<{ threshold: number }>({
  meta: {
    id: 'store/near-duplicate',
    clauses: ['2.1.5'],
    severity: 'warning',
    suppressible: false,
    confidence: 'medium',
    // The bundle bytes and the history: no file's tree.
    projectInput: 'facts',
    subject: ['id'],
    docs: {
      description: 'A developer must not submit many similar mini programs: a bundle whose code is a near-duplicate of another app of the same developer is reported (MinHash similarity of normalised sources).',
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
  create(context) {
    return {
      project(project) {
        const others = context.history?.otherApps ?? [];
        if (!others.length) return;
        const own = context.history!.upload.signature;
        const signature = own ? decodeSignature(own) : bundleSignature(project.bundle);
        const names = new Map(others.map((other) => [other.appId, other.name]));
        const threshold = context.options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
        for (const duplicate of findNearDuplicates(signature, others.map((other) => [other.appId, decodeSignature(other.signature)] as const), threshold)) {
          context.report({ file: '', messageId: 'nearDuplicate', data: describeDuplicate(duplicate, { name: names.get(duplicate.id) }).data });
        }
      },
    };
  },
});

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
