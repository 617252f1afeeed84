/**
 * What the portal commands hand the server: the built-in rules and the report formatter. The
 * server package is loaded only by `serve` and `worker` (and is outside the CLI's bundle), so
 * `bmplint check` never pays for it.
 */
import { InputError, type LintResult } from '@bmplint/core';
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

/**
 * Imports the server package (outside the CLI bundle). The published CLI ships `check` alone; the
 * portal comes with the repository's workspace (or a package of its own).
 */
export async function loadServer(): Promise<typeof import('@bmplint/server')> {
  try {
    return await import('@bmplint/server');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new InputError('the review portal (@bmplint/server) is not installed with this bmplint: run it from the bmplint repository (pnpm install), where serve and worker are available');
    }
    throw error;
  }
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
