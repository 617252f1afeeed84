/**
 * What the portal commands hand the server: the built-in rules and the report formatter. The
 * server package is loaded only by `serve` and `worker` (and is outside the CLI's bundle), so
 * `bmplint check` never pays for it.
 */
import type { LintResult } from '@bmplint/core';
import type { ReportFormat } from '@bmplint/server';
import { loadRules } from '../load-rules.js';
import { formatReport } from '../formatters/index.js';
import { TOOL } from '../tool.js';

export async function portalEngine() {
  return { rules: await loadRules() };
}

/** The portal's single report call site: the CLI's `formatReport`, with the rules for help texts and links. */
export function portalFormatReport(rules: Awaited<ReturnType<typeof loadRules>>) {
  return (result: LintResult, format: ReportFormat): string | undefined => formatReport(result, format, { tool: TOOL, root: result.bundle.root, rules });
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
