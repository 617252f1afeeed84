import noPrivateApi from './no-private-api/index.js';
import noDynamicApiAccess from './no-dynamic-api-access/index.js';

/** Rules for Operation Rules 4.1: use of the platform's APIs. */
export default [noPrivateApi, noDynamicApiAccess];
