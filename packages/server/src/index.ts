/** @bmplint/server: the review portal (HTTP API, web UI) and its audit workers. */
export { createPortal, startWorker, startAuditWorkers, DEFAULT_BODY_LIMIT, type Portal, type PortalOptions, type DatabaseOptions } from './portal.js';
export { registerApi, REPORT_FORMATS, type ReportFormat, type ReportFormatter } from './api.js';
export { auditBundle, runAudit, checkZip, listingOf, PORTAL_LISTING_PATH, type AuditEngine } from './audit.js';
export { AuditQueue, AUDIT_QUEUE, queueOptionsFromEnv, type QueueOptions, type AuditJob } from './jobs.js';
