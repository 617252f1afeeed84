import { describe, expect, it } from 'vitest';
import { formatReport } from '@bmplint/cli';
import { finding, resultOf, textOnlyNotice } from './helpers.js';

const text = (findings: Parameters<typeof resultOf>[0], options: Parameters<typeof formatReport>[2] = {}) => formatReport(resultOf(findings), 'text', options);

describe('text format', () => {
  it('starts each line with path:line:col relative to the working directory, not to the checked folder', () => {
    const out = text([finding({ file: 'pages/a.js', line: 3, column: 5 })], { root: 'fixtures/app', cwd: '/repo' });
    expect(out.split('\n')[0]).toMatch(/^fixtures\/app\/pages\/a\.js:3:5 +error +bn\.getXrFrameSystem/);
    const fromInside = text([finding({ file: 'pages/a.js' })], { root: '../app', cwd: '/repo/tools' });
    expect(fromInside.split('\n')[0]).toMatch(/^\.\.\/app\/pages\/a\.js:3:5 /);
    const absolute = text([finding({ file: 'pages/a.js' })], { root: '/repo/fixtures/app', cwd: '/repo' });
    expect(absolute.split('\n')[0]).toMatch(/^fixtures\/app\/pages\/a\.js:3:5 /);
  });

  it('prints the clause once: after the rule id only when the message does not name it', () => {
    const out = text([
      finding({ ruleId: 'api/no-private-api', clauses: ['4.1.1'], message: 'bn.x is not public (4.1.1).', data: { name: 'x' } }),
      finding({ ruleId: 'availability/unsupported-config-key', clauses: ['6.3'], message: '"debug" has no effect here.', file: 'app.json', data: { key: 'debug' } }),
    ]);
    const lines = out.split('\n');
    const api = lines.find((line) => line.includes('bn.x'))!;
    expect(api.match(/4\.1\.1/g)).toHaveLength(1);
    expect(api).toMatch(/ api\/no-private-api$/);
    expect(lines.find((line) => line.includes('"debug"'))).toMatch(/availability\/unsupported-config-key \(6\.3\)$/);
  });

  it('shows confidence below high', () => {
    const out = text([finding({ confidence: 'low', data: { name: 'a' } }), finding({ confidence: 'high', data: { name: 'b' }, line: 9 })]);
    expect(out.split('\n')[0]).toContain('(low confidence)');
    expect(out.split('\n')[1]).not.toContain('confidence');
  });

  it('collapses the repeats of one problem onto the first, with how many and in how many files; --verbose lists each', () => {
    const repeats = ['pages/a.js', 'pages/a.js', 'pages/b.js', 'pages/c.js'].map((file, index) => finding({ file, line: 10 + index }));
    const other = finding({ data: { name: 'bn.other' }, message: 'bn.other is not public (4.1.1).', file: 'pages/b.js', line: 1 });
    const out = text([repeats[0], repeats[1], other, repeats[2], repeats[3]], { root: 'app', cwd: '/w' });
    const problemLines = out.split('\n').filter((line) => /^app\//.test(line));
    expect(problemLines).toHaveLength(2);
    expect(problemLines[0]).toMatch(/^app\/pages\/a\.js:10:5 .*bn\.getXrFrameSystem.*\(4 times in 3 files\)$/);
    expect(out).toContain('--verbose lists every finding');
    const verbose = text([repeats[0], repeats[1], other, repeats[2], repeats[3]], { root: 'app', cwd: '/w', verbose: true });
    expect(verbose.split('\n').filter((line) => /^app\//.test(line))).toHaveLength(5);
    expect(verbose).not.toContain('times in');
  });

  it('collapses vendored packages to a line each and lists their findings with --verbose', () => {
    const own = finding({ file: 'pages/a.js' });
    const lodash = [1, 2, 3].map((line) => finding({ vendor: 'lodash', file: `miniprogram_npm/lodash/${line}.js`, line, data: { name: `bn.l${line}` } }));
    const vant = finding({ vendor: '@vant/weapp', file: 'miniprogram_npm/@vant/weapp/x.js', severity: 'warning', ruleId: 'api/no-dynamic-api-access', data: {} });
    const out = text([own, ...lodash, vant]);
    expect(out).toMatch(/^vendored package @vant\/weapp: 1 warning in 1 file \(api\/no-dynamic-api-access\)$/m);
    expect(out).toMatch(/^vendored package lodash: 3 errors in 3 files \(api\/no-private-api\)$/m);
    expect(out).not.toContain('miniprogram_npm/lodash/1.js');
    const verbose = text([own, ...lodash, vant], { verbose: true });
    expect(verbose).toMatch(/^vendored package lodash\nminiprogram_npm\/lodash\/1\.js:1:5 /m);
    expect(verbose).toContain('miniprogram_npm/lodash/3.js:3:5');
    // Vendored findings still count.
    expect(out).toMatch(/✖ 5 problems \(4 errors, 1 warning, 0 info\)/);
  });

  it('ends with a summary by rule, most errors first, then the totals', () => {
    const out = text([
      finding({ ruleId: 'content/ad-placement', clauses: ['5.11.1'], severity: 'warning', data: { a: 1 }, message: 'ad' }),
      finding({ ruleId: 'api/no-private-api', data: { name: 'a' } }),
      finding({ ruleId: 'api/no-private-api', data: { name: 'b' } }),
      finding({ ruleId: 'privacy/no-secrets', clauses: ['5.2.14'], data: { s: 1 }, message: 'secret' }),
    ]);
    const summary = out.slice(out.indexOf('By rule:'));
    expect(summary.split('\n').slice(1, 4).map((line) => line.trim().replace(/\s+/g, ' '))).toEqual([
      'api/no-private-api 4.1.1 2 errors',
      'privacy/no-secrets 5.2.14 1 error',
      'content/ad-placement 5.11.1 1 warning',
    ]);
    expect(out).toMatch(/^✖ 4 problems \(3 errors, 1 warning, 0 info\) in 12 files checked$/m);
  });

  it('says so when there is nothing to report', () => {
    expect(text([])).toBe('✔ No problems found (12 files checked, classic style)\n');
  });

  it('ends by saying the bundle was not checked in full when a file was read as text only or not read', () => {
    const notice = /^! Parts of the bundle were not checked in full \((\d+) notices? above\): no errors here is not a pass\.$/m;
    const textOnly = text([textOnlyNotice()]);
    expect(textOnly).toMatch(/^pages\/vendor\.js:1:1 +warning +file checked as text only: .*checks that ran on it: network\/service-domain, privacy\/no-secrets/m);
    expect(textOnly.match(notice)?.[1]).toBe('1');
    const unread = finding({ ruleId: 'bmplint/bundle', clauses: [], severity: 'warning', messageId: 'file-too-large', data: {}, file: 'big.js', message: 'file not checked: too large' });
    expect(text([textOnlyNotice(), unread, finding()]).match(notice)?.[1]).toBe('2');
    expect(text([finding()])).not.toMatch(/not checked/);
    // A minified vendored bundle is the usual file over the limit: its notice is not collapsed with the package's findings.
    const vendored = text([{ ...textOnlyNotice('miniprogram_npm/big/index.js'), vendor: 'big' }, finding({ vendor: 'big', file: 'miniprogram_npm/big/index.js' })]);
    expect(vendored).toMatch(/^miniprogram_npm\/big\/index\.js:1:1 +warning +file checked as text only/m);
    expect(vendored).toMatch(/^vendored package big: 1 error in 1 file \(api\/no-private-api\)$/m);
  });

  it('colours only when asked', () => {
    const plain = text([finding()], { color: false });
    expect(plain).not.toContain('\u001b');
    const coloured = text([finding()], { color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
  });

  it('leaves baselined and suppressed findings out of the lines and totals, and says how many', () => {
    const out = text([finding({ data: { name: 'a' } }), finding({ data: { name: 'b' }, baselined: true }), finding({ data: { name: 'c' }, suppressed: { kind: 'inSource' } })]);
    expect(out).not.toMatch(/bn\.getXrFrameSystem.*\n.*bn\.getXrFrameSystem.*\n.*bn\.getXrFrameSystem/);
    expect(out.split('\n').filter((line) => line.startsWith('pages/'))).toHaveLength(1);
    expect(out).toMatch(/^✖ 1 problem \(1 error, 0 warnings, 0 info\)/m);
    expect(out).toContain('1 baselined finding and 1 suppressed finding not shown.');
  });
});
