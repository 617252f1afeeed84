/** Synthetic lint results for the formatter tests: findings as rules and later stages produce them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Finding, LintResult } from '@bmplint/core';
import { summarize } from '@bmplint/core';
import type { FindingMarks } from '@bmplint/cli';

export type TestFinding = Finding & FindingMarks;

let counter = 0;

/** A finding with plausible defaults; `group` follows rule + message + subject as core's does. */
export function finding(fields: Partial<TestFinding> = {}): TestFinding {
  const base = {
    ruleId: 'api/no-private-api',
    clauses: ['4.1.1'],
    severity: 'error' as const,
    messageId: 'private',
    data: { name: 'bn.getXrFrameSystem' },
    message: 'bn.getXrFrameSystem is not a public Binance mini program API (4.1.1).',
    file: 'pages/a.js',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 25,
    ...fields,
  };
  return {
    group: `${base.ruleId}|${base.messageId}|${JSON.stringify(base.data)}`,
    fingerprint: `fp${String(++counter).padStart(30, '0')}`,
    ...base,
  };
}

/** Core's note on a file over `limits.maxParseBytes`, read as text only (runner/run.ts). */
export function textOnlyNotice(file = 'pages/vendor.js'): TestFinding {
  const checks = 'network/service-domain, privacy/no-secrets';
  return finding({
    ruleId: 'bmplint/bundle', clauses: [], severity: 'warning', messageId: 'parse-limit', data: { checks }, file, line: 1, column: 1, endLine: 1, endColumn: 1,
    message: `file checked as text only: 2.5 MiB is over the 2 MiB parse limit, so the checks that need its syntax tree did not run; checks that ran on it: ${checks}`,
  });
}

export function resultOf(findings: Finding[], files = 12): LintResult {
  return { bundle: { root: 'app', style: 'classic', files }, findings, summary: summarize(findings) };
}

/** Strings a hostile bundle can put in messages, file names and keys. */
export const HOSTILE = {
  /** Clears the screen, sets the terminal title, rings the bell, and hides text in an OSC 8 link. */
  terminal: '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m',
  markup: '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">',
  bidi: 'admin\u202e\u2066gnp.exe\u2069',
  lines: 'first\nline two\r\n::error::forged',
};

/**
 * A validator of the official OASIS SARIF 2.1.0 schema (errata01, draft-04), vendored unchanged:
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
 * (copied from github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json at e0583813).
 * No npm package ships it: @microsoft/jest-sarif ships the earlier 2.1.0-rtm.5 draft from SchemaStore.
 */
export function sarifValidator(): (log: unknown) => string | undefined {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? undefined : ajv.errorsText(validate.errors, { separator: '\n' }));
}
