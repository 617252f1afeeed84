/**
 * JUnit XML for CI test tabs: a test suite per rule, a test case per rule and file. Errors are
 * failures; warnings and infos are listed in the case's output and do not fail it. Rules of the
 * run with no finding are one passing case each, so a clean run still shows what was checked.
 */
import type { Finding, LintResult } from '@bmplint/core';
import { escapeMarkup } from './escape.js';
import { groupBy, isActive, pathShower, ruleCatalog, type ReportOptions } from './report.js';

export function formatJunit(result: LintResult, options: ReportOptions = {}): string {
  const show = pathShower(options);
  const active = result.findings.filter(isActive);
  const byRule = groupBy(active, (finding) => finding.ruleId);
  for (const id of ruleCatalog([], options).keys()) if (!byRule.has(id)) byRule.set(id, []);
  // Each line escaped on its own: newlines from the bundle are shown, the ones between lines kept.
  const lines = (findings: Finding[]) => findings.map((finding) => escapeMarkup(`${show(finding.file)}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}`)).join('\n');

  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const [ruleId, findings] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cases: string[] = [];
    let suiteFailures = 0;
    if (!findings.length) cases.push(`    <testcase classname="${escapeMarkup(ruleId)}" name="(all files)"/>`);
    for (const [file, inFile] of groupBy(findings, (finding) => finding.file)) {
      const errors = inFile.filter((finding) => finding.severity === 'error');
      const others = inFile.filter((finding) => finding.severity !== 'error');
      const body: string[] = [];
      if (errors.length) {
        suiteFailures++;
        body.push(
          `      <failure type="error" message="${escapeMarkup(`${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0].message}`)}">${lines(errors)}</failure>`,
        );
      }
      if (others.length) body.push(`      <system-out>${lines(others)}</system-out>`);
      cases.push(`    <testcase classname="${escapeMarkup(ruleId)}" name="${escapeMarkup(show(file))}">\n${body.join('\n')}\n    </testcase>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${escapeMarkup(ruleId)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bmplint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
