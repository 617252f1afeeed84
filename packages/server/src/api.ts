/**
 * The portal's JSON API. Every route under /api takes `Authorization: Bearer <token>`: 401 without
 * a valid one; the store answers 404 for what the caller may not see and 403 for what their role
 * may not do; bad input is 400 (413 for an oversized body, 422 for a zip the engine refuses).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LintResult } from '@bmplint/core';
import { StoreError, type Principal, type Store } from '@bmplint/store';
import { checkZip } from './audit.js';

export type ReportFormat = 'json' | 'html' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'sarif'];

/** Renders a stored audit result in one of the CLI's report formats (the CLI's `formatReport`); undefined for a format it lacks. */
export type ReportFormatter = (result: LintResult, format: ReportFormat) => string | undefined;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const CONTENT_TYPES: Record<ReportFormat, string> = { json: 'application/json', html: 'text/html; charset=utf-8', sarif: 'application/sarif+json' };

export function registerApi(app: FastifyInstance, store: Store, formatReport: ReportFormatter): void {
  // Bundles arrive as raw bytes whatever their declared type (the zip check judges them);
  // fastify's bodyLimit answers 413 past the limit.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const principal = token ? await store.authenticate(token) : undefined;
    if (!principal) {
      reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'a valid bearer token is required (Authorization: Bearer <token>)' });
      return reply;
    }
    request.principal = principal;
  });

  const me = (request: FastifyRequest) => request.principal!;
  type P = Record<string, string>;
  const params = (request: FastifyRequest) => request.params as P;
  const body = (request: FastifyRequest): Record<string, unknown> => {
    const value = request.body;
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) throw new StoreError('invalid', 'the body must be a JSON object');
    return value as Record<string, unknown>;
  };

  app.get('/api/me', async (request) => ({ ...me(request), accounts: await store.listAccounts(me(request)), apps: await store.myApps(me(request)) }));
  app.post('/api/users', async (request, reply) => reply.code(201).send(await store.createUser(me(request), body(request))));

  app.get('/api/accounts', async (request) => store.listAccounts(me(request)));
  app.post('/api/accounts', async (request, reply) => reply.code(201).send(await store.createAccount(me(request), body(request))));
  app.get('/api/accounts/:id', async (request) => store.getAccount(me(request), params(request).id));
  app.put('/api/accounts/:id', async (request) => {
    await store.updateAccountInfo(me(request), params(request).id, body(request));
    return store.getAccount(me(request), params(request).id);
  });
  app.post('/api/accounts/:id/members', async (request) => {
    await store.setAccountMember(me(request), params(request).id, body(request));
    return { ok: true };
  });
  app.delete('/api/accounts/:id/members/:userId', async (request) => {
    await store.removeAccountMember(me(request), params(request).id, params(request).userId);
    return { ok: true };
  });
  app.post('/api/accounts/:id/transfer', async (request) => {
    await store.transferAccount(me(request), params(request).id, body(request));
    return { ok: true };
  });
  app.get('/api/accounts/:id/apps', async (request) => store.listApps(me(request), params(request).id));
  app.post('/api/accounts/:id/apps', async (request, reply) => reply.code(201).send(await store.createApp(me(request), params(request).id, body(request))));

  app.get('/api/apps/:appId', async (request) => store.getApp(me(request), params(request).appId));
  app.delete('/api/apps/:appId', async (request) => {
    await store.archiveApp(me(request), params(request).appId);
    return { ok: true };
  });
  app.put('/api/apps/:appId/settings', async (request) => {
    await store.updateSettings(me(request), params(request).appId, body(request));
    return store.getApp(me(request), params(request).appId);
  });
  app.post('/api/apps/:appId/members', async (request) => {
    await store.setAppMember(me(request), params(request).appId, body(request));
    return { ok: true };
  });
  app.delete('/api/apps/:appId/members/:userId', async (request) => {
    await store.removeAppMember(me(request), params(request).appId, params(request).userId);
    return { ok: true };
  });

  app.post('/api/apps/:appId/versions', async (request, reply) => {
    const { appId } = params(request);
    const query = request.query as Record<string, string | undefined>;
    // Who and what first (404/403/400 on the version string), then the bytes.
    await store.authorizeUpload(me(request), appId, query.version);
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes)) throw new StoreError('invalid', 'send the bundle zip as the body, with Content-Type: application/zip');
    const zip = await checkZip(bytes);
    if (!zip.ok) throw new StoreError(zip.status === 400 ? 'invalid' : 'unprocessable', zip.message);
    const created = await store.createVersion(me(request), appId, { version: query.version, description: query.description, bytes });
    return reply.code(201).send(await store.getVersion(me(request), appId, created.versionId));
  });
  app.get('/api/apps/:appId/versions', async (request) => store.listVersions(me(request), params(request).appId));
  app.get('/api/apps/:appId/versions/:versionId', async (request) => store.getVersion(me(request), params(request).appId, params(request).versionId));
  app.get('/api/apps/:appId/versions/:versionId/report', async (request, reply) => {
    const { appId, versionId } = params(request);
    const format = ((request.query as Record<string, string | undefined>).format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new StoreError('invalid', `format must be one of ${REPORT_FORMATS.join(', ')}`);
    const report = await store.getReport(me(request), appId, versionId);
    if (!report.result) throw new StoreError('conflict', `the audit is ${report.version.audit.status}: no report yet`, { audit: report.version.audit });
    const text = formatReport(report.result as unknown as LintResult, format);
    if (text === undefined) throw new StoreError('invalid', `the ${format} format is not available in this build`);
    return reply.type(CONTENT_TYPES[format]).send(text);
  });
  app.get('/api/apps/:appId/versions/:versionId/findings', async (request) => {
    const { appId, versionId } = params(request);
    const report = await store.getReport(me(request), appId, versionId);
    return { baseline: report.baseline, findings: report.findings, decisions: report.decisions };
  });

  const transition = (path: string, run: (principal: Principal, appId: string, versionId: string, input: Record<string, unknown>) => Promise<unknown>) =>
    app.post(`/api/apps/:appId/versions/:versionId/${path}`, async (request) => {
      const { appId, versionId } = params(request);
      await run(me(request), appId, versionId, body(request));
      return store.getVersion(me(request), appId, versionId);
    });
  transition('submit', (p, a, v) => store.submit(p, a, v));
  transition('approve', (p, a, v, input) => store.approve(p, a, v, input));
  transition('reject', (p, a, v, input) => store.reject(p, a, v, input));
  transition('release', (p, a, v) => store.release(p, a, v));
  transition('experience', (p, a, v) => store.setExperience(p, a, v));

  app.post('/api/apps/:appId/rollback', async (request) => {
    const { appId } = params(request);
    const input = body(request);
    await store.rollback(me(request), appId, input);
    return store.getVersion(me(request), appId, String(input.versionId));
  });
  app.post('/api/apps/:appId/shutdown', async (request) => store.shutdown(me(request), params(request).appId));
  app.get('/api/apps/:appId/events', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    return store.events(me(request), params(request).appId, { after: Number(query.after ?? 0) || 0, limit: Number(query.limit ?? 500) || 500 });
  });
  app.get('/api/reviews', async (request) => store.reviewQueue(me(request)));
}
