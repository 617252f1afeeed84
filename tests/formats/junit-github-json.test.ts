import { describe, expect, it } from 'vitest';
import { formatReport, loadRules } from '@bmplint/cli';
import { finding, resultOf, textOnlyNotice } from './helpers.js';

describe('github format', () => {
  it('annotates each problem once at its first occurrence, infos as notices; --verbose annotates every repeat', () => {
    const repeats = ['pages/a.js', 'pages/b.js', 'pages/b.js'].map((file, line) => finding({ file, line: line + 1 }));
    const info = finding({ severity: 'info', ruleId: 'basic-info/image-budget', clauses: ['6.4'], file: 'images/big, final:v2.png', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Images are 3.2 MiB: 100% of the budget.', data: {} });
    const result = resultOf([repeats[0], repeats[1], info, repeats[2]]);
    const lines = formatReport(result, 'github', { root: 'app', cwd: '/w' }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=app/pages/a.js,line=1,col=5,endLine=3,endColumn=25,title=bmplint api/no-private-api (4.1.1)::bn.getXrFrameSystem is not a public Binance mini program API (4.1.1). (3 times in 2 files; first shown)',
      '::notice file=app/images/big%2C final%3Av2.png,line=1,col=1,endLine=1,endColumn=1,title=bmplint basic-info/image-budget (6.4)::Images are 3.2 MiB: 100%25 of the budget.',
      'bmplint: 3 errors, 0 warnings, 1 info in 12 files checked',
    ]);
    const verbose = formatReport(result, 'github', { verbose: true }).trimEnd().split('\n');
    expect(verbose.filter((line) => line.startsWith('::error '))).toHaveLength(3);
  });

  it('leaves out baselined and suppressed findings', () => {
    const out = formatReport(resultOf([finding({ baselined: true }), finding({ suppressed: { kind: 'inSource' } })]), 'github', {});
    expect(out).toBe('bmplint: 0 errors, 0 warnings, 0 info in 12 files checked\n');
  });
});

describe('junit format', () => {
  it('has a test case per rule and file: errors fail it, warnings and infos are its output', () => {
    const out = formatReport(
      resultOf([
        finding({ file: 'pages/a.js', line: 1 }),
        finding({ file: 'pages/a.js', line: 7, data: { name: 'bn.other' }, message: 'bn.other is not public (4.1.1).' }),
        finding({ file: 'pages/b.js', severity: 'warning', message: 'only a warning', data: { w: 1 } }),
        finding({ file: 'app.json', ruleId: 'availability/entry-page-path', clauses: ['6.3'], severity: 'warning', message: 'entryPagePath is not set & "pages" decide', data: {} }),
        finding({ file: 'pages/c.js', baselined: true }),
      ]),
      'junit',
      {},
    );
    expect(out).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="bmplint" tests="3" failures="1" errors="0">
  <testsuite name="api/no-private-api" tests="2" failures="1" errors="0">
    <testcase classname="api/no-private-api" name="pages/a.js">
      <failure type="error" message="2 errors: bn.getXrFrameSystem is not a public Binance mini program API (4.1.1).">pages/a.js:1:5 error bn.getXrFrameSystem is not a public Binance mini program API (4.1.1).
pages/a.js:7:5 error bn.other is not public (4.1.1).</failure>
    </testcase>
    <testcase classname="api/no-private-api" name="pages/b.js">
      <system-out>pages/b.js:3:5 warning only a warning</system-out>
    </testcase>
  </testsuite>
  <testsuite name="availability/entry-page-path" tests="1" failures="0" errors="0">
    <testcase classname="availability/entry-page-path" name="app.json">
      <system-out>app.json:3:5 warning entryPagePath is not set &amp; &quot;pages&quot; decide</system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('has a passing case for each rule of the run with no finding', async () => {
    const rules = await loadRules();
    const out = formatReport(resultOf([finding()]), 'junit', { rules });
    expect(out.match(/<testcase /g)).toHaveLength(rules.length);
    expect(out).toContain('<testcase classname="webview/no-webview-home" name="(all files)"/>');
    expect(out).toMatch(new RegExp(`^<testsuites name="bmplint" tests="${rules.length}" failures="1" errors="0">$`, 'm'));
  });
});

describe('json format', () => {
  it('carries group, fingerprint, vendor and the baseline and suppression marks', () => {
    const marked = finding({ vendor: 'lodash', baselined: true, suppressed: { kind: 'external', justification: 'accepted risk' }, confidence: 'low' });
    const report = JSON.parse(formatReport(resultOf([marked]), 'json', { tool: { name: 'bmplint', version: '9.9.9' }, root: 'apps/x' })) as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
    expect(report.tool).toEqual({ name: 'bmplint', version: '9.9.9' });
    expect(report.bundle).toEqual({ root: 'apps/x', style: 'classic', files: 12 });
    expect(report.findings[0]).toMatchObject({ group: marked.group, fingerprint: marked.fingerprint, vendor: 'lodash', baselined: true, suppressed: { kind: 'external', justification: 'accepted risk' }, confidence: 'low' });
  });
});

describe('json summary', () => {
  it('counts a file checked as text only among the unchecked parts, as an unread one', () => {
    const report = JSON.parse(formatReport(resultOf([textOnlyNotice(), finding({ severity: 'warning' })]), 'json')) as { summary: Record<string, number>; findings: Array<Record<string, unknown>> };
    expect(report.summary).toEqual({ errors: 0, warnings: 2, infos: 0, unchecked: 1 });
    expect(report.findings[0]).toMatchObject({ ruleId: 'bmplint/bundle', messageId: 'parse-limit', data: { checks: 'network/service-domain, privacy/no-secrets' } });
  });
});

describe('formatReport', () => {
  it('refuses a format it does not know', () => {
    expect(() => formatReport(resultOf([]), 'xml' as never)).toThrow('unknown report format "xml"');
  });
});
