import consentBeforeAccess from './consent-before-access/index.js';
import identityDataPurpose from './identity-data-purpose/index.js';
import noPasswordCollection from './no-password-collection/index.js';
import noSecrets from './no-secrets/index.js';
import personalDataLeak from './personal-data-leak/index.js';
import searchFeature from './search-feature/index.js';

/** Rules for Operation Rules 5.2: collection of users' private information, and the developer's own secrets. */
export default [consentBeforeAccess, identityDataPurpose, noPasswordCollection, personalDataLeak, searchFeature, noSecrets];
