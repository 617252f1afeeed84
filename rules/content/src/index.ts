import type { AnyRule } from '@bmplint/core';
import prohibitedPageText from './prohibited-page-text/index.js';
import fraudWording from './fraud-wording/index.js';
import falseAdvertising from './false-advertising/index.js';
import impersonation from './impersonation/index.js';
import impersonationListing from './impersonation-listing/index.js';

/** Rules for Operation Rules 3.1 (page contents), 5.6 (fraud), 5.7 (deception) and 5.11.2 (rumours): wording checks. */
export default [prohibitedPageText, fraudWording, falseAdvertising, impersonation, impersonationListing] as AnyRule[];
