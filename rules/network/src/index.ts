import serviceDomain from './service-domain/index.js';
import businessDomain from './business-domain/index.js';

/** Rules for the Management Portal's domain lists: where the app's network calls and web-views may go. */
export default [serviceDomain, businessDomain];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
