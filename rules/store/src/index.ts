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
 * not the linter: no check here works on a single bundle, so the linter loads none. The 2.1.5
 * analysis (`findNearDuplicates`) and its meta (`nearDuplicateRule`) are exported for the portal.
 */
export default [] as AnyRule[];

/** The checks the portal runs with the store, as metas: documented and listed like every rule. */
export const portalRules = [nearDuplicateRule, resubmissionRule];
