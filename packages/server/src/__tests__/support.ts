/** Shared by the portal's tests: small bundles as zips, a portal on a test database, API calls. */
import { zipSync, strToU8 } from 'fflate';
import { encodePng, miniApp, rgba } from '@bmplint/core/testing';
import { formatReport as cliFormatReport, loadRules } from '@bmplint/cli';
import type { LintResult } from '@bmplint/core';
import { createPortal, type Portal, type PortalOptions, type ReportFormat } from '../index.js';

export type Files = Record<string, string | Uint8Array>;

export function zip(files: Files): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? strToU8(content) : content])));
}

/** A clean app: no error under the built-in rules with the listing the tests give the portal. */
export function cleanApp(extra: Files = {}): Files {
  return miniApp({
    'pages/index/index.js': 'Page({ data: { greeting: "Welcome to Gas Watch" } });\n',
    'images/logo.png': encodePng(144, 144, (x, y) => ((x + y) % 20 < 10 ? rgba('#1E88E5') : rgba('#FFFFFF'))),
    ...extra,
  }) as Files;
}

/** App settings that make `cleanApp` clean. */
export const LISTING = {
  name: 'Gas Watch', description: 'Gas prices on BNB Chain, updated every block, with alerts when fees drop.',
  logo: 'images/logo.png', category: 'Tools', tags: ['gas'], serviceDomains: ['https://api.gaswatch.io'],
};

/** An app with an error: a request to a host missing from the Service Domain list. */
export function failingApp(): Files {
  return cleanApp({ 'pages/index/index.js': `Page({ onLoad() { bn.request({ url: 'https://evil.example.com/api' }); } });\n` });
}

export const ADMIN_TOKEN = 'test-admin-token';

export const formatReport = (result: LintResult, format: ReportFormat) => cliFormatReport(result, format, { root: result.bundle.root });

export async function testPortal(options: Partial<PortalOptions> = {}): Promise<Portal & { url: string }> {
  const portal = await createPortal({
    engine: { rules: await loadRules() }, formatReport, adminToken: ADMIN_TOKEN,
    queue: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 }, ...options,
  });
  const url = await portal.listen(0);
  return Object.assign(portal, { url });
}

/** A JSON API client for one token. */
export function client(url: string, token?: string) {
  return async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/zip';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed };
  };
}

export async function waitForAudit(call: ReturnType<typeof client>, appId: string, versionId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await call('GET', `/api/apps/${appId}/versions/${versionId}`);
    if (body.audit?.status === 'done' || body.audit?.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`audit of ${versionId} still ${body.audit?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
