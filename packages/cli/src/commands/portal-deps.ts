/**
 * What the portal commands hand the server: the built-in rules and the report formatter. The
 * server package is loaded only by `serve` and `worker` (and is outside the CLI's bundle), so
 * `bmplint check` never pays for it.
 */
import type { LintResult } from '@bmplint/core';
import type { ReportFormat } from '@bmplint/server';
import { loadRules } from '../load-rules.js';
import { formatJson } from '../formatters/json.js';

export async function portalEngine() {
  return { rules: await loadRules() };
}

/**
 * MERGE: the portal's single report call site. Switch to `formatReport(result, format, …)` from
 * `../index.js` when the formats branch lands (then html and sarif are served too); until then
 * JSON only, and other formats answer 400.
 */
export function portalFormatReport(tool: { name: string; version: string }) {
  return (result: LintResult, format: ReportFormat): string | undefined =>
    format === 'json' ? formatJson(result, tool, result.bundle.root) : undefined;
}

/** Imports the server package (outside the CLI bundle). */
export async function loadServer(): Promise<typeof import('@bmplint/server')> {
  return import('@bmplint/server');
}

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Resolves on SIGINT or SIGTERM: how a long-running command learns to stop. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
