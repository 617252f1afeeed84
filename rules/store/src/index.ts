import type { AnyRule } from '@bmplint/core';

/** Rules that need the store (earlier versions, other apps of the developer): run by the portal. */
export default [] as AnyRule[];
