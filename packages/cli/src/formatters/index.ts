/** `formatReport`: the one entry to every report format, for the CLI, the portal and other tools. */
import type { LintResult } from '@bmplint/core';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { ReportFormat, ReportOptions } from './report.js';

const FORMATTERS: Record<ReportFormat, (result: LintResult, options: ReportOptions) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  html: formatHtml,
  junit: formatJunit,
  github: formatGithub,
};

export function formatReport(result: LintResult, format: ReportFormat, options: ReportOptions = {}): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new TypeError(`unknown report format "${String(format)}"`);
  return formatter(result, options);
}

export { REPORT_FORMATS, type ReportFormat, type ReportOptions, type ReportListing, type ReportTool, type FindingMarks } from './report.js';
export { FINGERPRINT_KEY, SARIF_SCHEMA_URI } from './sarif.js';
