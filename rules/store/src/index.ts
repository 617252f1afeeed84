import type { AnyRule } from '@bmplint/core';

export {
  bundleSignature, bundleShingles, signatureOf, similarity, jaccard, findNearDuplicates, isSignature, encodeSignature, decodeSignature,
  SIGNATURE_VERSION, SHINGLE_SIZE, HASH_COUNT, MIN_FILE_TOKENS, MAX_FILE_BYTES,
  type BundleInput, type BundleSignature, type NearDuplicate,
} from './similarity.js';
export { tokenize, sourceKindOf, type SourceKind, type TokenStream } from './tokenize.js';
import { nearDuplicateRule } from './near-duplicate/index.js';
import { resubmissionRule } from './resubmission/index.js';
export { resubmissionRule, findResubmission, type RejectedVersion, type Resubmission } from './resubmission/index.js';
export { nearDuplicateRule, describeDuplicate, NEAR_DUPLICATE_THRESHOLD, type DuplicateOf } from './near-duplicate/index.js';

/**
 * Rules that need the store (earlier versions, other apps of the developer) are run by the portal,
 * which passes that history to the engine (`LintOptions.history`, read as `context.history`): no
 * check here works on a bundle alone, so `bmplint check` loads none of them.
 */
export default [] as AnyRule[];

/** The rules the portal runs beside the lint rules, with the store's history. */
export const portalRules: AnyRule[] = [nearDuplicateRule, resubmissionRule];
