import serviceDomain from './service-domain/index.js';
import businessDomain from './business-domain/index.js';

/** Rules for the Management Portal's domain lists: where the app's network calls and web-views may go. */
export default [serviceDomain, businessDomain];
