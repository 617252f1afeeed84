import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { formatReport, loadRules } from '@bmplint/cli';
import { finding, resultOf, sarifValidator, textOnlyNotice } from './helpers.js';

const validate = sarifValidator();

function sarifOf(result: ReturnType<typeof resultOf>, options: Parameters<typeof formatReport>[2] = {}): Log {
  const log = JSON.parse(formatReport(result, 'sarif', options)) as Log;
  const errors = validate(log);
  if (errors) throw new Error(`invalid SARIF: ${errors}`);
  return log;
}

describe('sarif format', () => {
  it('the validator refuses a log that breaks the schema (so the other tests can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toContain("must have required property 'name'");
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toContain('must be equal to one of the allowed values');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' } }] }] })).toBeUndefined();
  });

  it('describes each reported rule with its clauses, help and docs URL, from the rules of the run', async () => {
    const rules = await loadRules();
    const log = sarifOf(resultOf([finding(), finding({ ruleId: 'availability/entry-page-path', clauses: ['6.3'], severity: 'warning', data: {}, file: 'app.json' })]), { rules });
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('bmplint');
    expect(driver.rules!.map((rule) => rule.id)).toEqual(['api/no-private-api', 'availability/entry-page-path']);
    const entry = driver.rules![1];
    expect(entry.helpUri).toBe('https://github.com/bmplint/bmplint/blob/main/docs/rules/availability/entry-page-path.md');
    expect(entry.properties).toEqual({ tags: ['clause:6.3'], clauses: ['6.3'] });
    expect(entry.shortDescription!.text).toBe(rules.find((rule) => rule.meta.id === 'availability/entry-page-path')!.meta.docs.description);
    expect(entry.help!.text).toContain('6.3');
    expect(entry.defaultConfiguration!.level).toBe('warning');
    expect(log.runs[0].results![1]).toMatchObject({ ruleId: 'availability/entry-page-path', ruleIndex: 1, level: 'warning' });
  });

  it('gives each result its rule, level, message, location relative to the working directory, and fingerprint', () => {
    const one = finding({ severity: 'info', file: 'pages/my page.js', line: 4, column: 2, endLine: 5, endColumn: 9, confidence: 'low' });
    const log = sarifOf(resultOf([one]), { root: 'app', cwd: '/repo' });
    const [result] = log.runs[0].results!;
    expect(result.level).toBe('note');
    expect(result.message.text).toBe(one.message);
    expect(result.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'app/pages/my%20page.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 2, endLine: 5, endColumn: 9 },
    });
    expect(result.partialFingerprints).toEqual({ 'bmplintFingerprint/v1': one.fingerprint });
    expect(result.properties).toMatchObject({ clauses: ['4.1.1'], confidence: 'low', group: one.group });
  });

  it('reports the repeats of a problem as related locations of its first occurrence', () => {
    const repeats = ['pages/a.js', 'pages/b.js', 'pages/b.js'].map((file, index) => finding({ file, line: index + 1 }));
    const other = finding({ data: { name: 'bn.y' }, message: 'bn.y' });
    const log = sarifOf(resultOf([repeats[0], other, repeats[1], repeats[2]]));
    const results = log.runs[0].results!;
    expect(results).toHaveLength(2);
    expect(results[0].message.text).toContain('3 times in 2 files');
    expect(results[0].relatedLocations!.map((location) => [location.id, location.physicalLocation!.artifactLocation!.uri, location.physicalLocation!.region!.startLine])).toEqual([
      [1, 'pages/b.js', 2],
      [2, 'pages/b.js', 3],
    ]);
    expect(results[1].relatedLocations).toBeUndefined();
  });

  it('marks suppressed and baselined findings with suppressions, apart from live ones of the same problem', () => {
    const log = sarifOf(
      resultOf([
        finding({ line: 1 }),
        finding({ line: 2, baselined: true }),
        finding({ line: 3, suppressed: { kind: 'inSource', justification: 'shown only in dev builds' } }),
      ]),
    );
    const results = log.runs[0].results!;
    expect(results).toHaveLength(3);
    expect(results[0].suppressions).toBeUndefined();
    expect(results[1].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'in the bmplint baseline' }]);
    expect(results[2].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'shown only in dev builds' }]);
  });

  it('reports problems of the run as tool notifications, not results', () => {
    const log = sarifOf(
      resultOf([
        finding(),
        finding({ ruleId: 'bmplint/bundle', clauses: [], severity: 'warning', message: 'entry ../x refused', file: '../x', data: {} }),
        finding({ ruleId: 'bmplint/internal-error', clauses: [], message: 'rule a/b failed on pages/a.js', data: {} }),
      ]),
    );
    const run = log.runs[0];
    expect(run.results!.map((result) => result.ruleId)).toEqual(['api/no-private-api']);
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual(['api/no-private-api']);
    const [invocation] = run.invocations!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications!.map((notification) => [notification.descriptor!.id, notification.level, notification.message.text])).toEqual([
      ['bmplint/bundle', 'warning', 'entry ../x refused'],
      ['bmplint/internal-error', 'error', 'rule a/b failed on pages/a.js'],
    ]);
  });

  it('tells of a file checked as text only, and which checks ran on it, in a tool notification', () => {
    const log = sarifOf(resultOf([textOnlyNotice()]));
    expect(log.runs[0].results).toEqual([]);
    const [invocation] = log.runs[0].invocations!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications!.map((notification) => [notification.level, notification.message.text, notification.locations![0].physicalLocation!.artifactLocation!.uri])).toEqual([
      ['warning', textOnlyNotice().message, 'pages/vendor.js'],
    ]);
  });

  it('is valid for an empty run', () => {
    const log = sarifOf(resultOf([]));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations![0].executionSuccessful).toBe(true);
  });
});
