import { describe, expect, it } from 'vitest';
import { assignFingerprints, groupOf } from './fingerprint.js';
import type { Finding } from './findings.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'api/no-private-api', clauses: ['4.1.1'], severity: 'error', messageId: 'unknown', message: 'm',
  file: 'a.js', line: 1, column: 1, endLine: 1, endColumn: 2, data: { name: 'x' }, ...over,
});

describe('fingerprints and groups', () => {
  const lines: Record<string, string[]> = { 'a.js': ['bn.x()', 'bn.x()', 'bn.y()'], 'b.js': ['', '', '   bn.x( )'] };
  const lineText = (file: string, line: number) => lines[file]?.[line - 1] ?? '';

  it('groups repeats of one subject across files, and keeps other subjects apart', () => {
    const findings = [finding({}), finding({ line: 2 }), finding({ file: 'b.js', line: 3 }), finding({ line: 3, data: { name: 'y' } })];
    assignFingerprints(findings, () => undefined, lineText);
    expect(new Set(findings.slice(0, 3).map((f) => f.group)).size).toBe(1);
    expect(findings[3].group).not.toBe(findings[0].group);
  });

  it('restricts the subject to the keys a rule names', () => {
    const a = finding({ data: { name: 'x', file: 'a.js:1' } });
    const b = finding({ data: { name: 'x', file: 'b.js:9' } });
    expect(groupOf(a)).not.toBe(groupOf(b));
    expect(groupOf(a, ['name'])).toBe(groupOf(b, ['name']));
  });

  it('survives line shifts but tells identical lines apart by occurrence', () => {
    const before = [finding({ line: 1 }), finding({ line: 2 })];
    assignFingerprints(before, () => undefined, lineText);
    expect(before[0].fingerprint).not.toBe(before[1].fingerprint);
    const shifted = [finding({ line: 11 }), finding({ line: 12 })];
    const shiftedLines = (file: string, line: number) => (line > 10 ? lineText(file, line - 10) : '// new code');
    assignFingerprints(shifted, () => undefined, shiftedLines);
    expect(shifted.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it('changes when the flagged line changes, and ignores whitespace', () => {
    const a = [finding({ file: 'b.js', line: 3 })];
    const b = [finding({ file: 'b.js', line: 3 })];
    assignFingerprints(a, () => undefined, lineText);
    assignFingerprints(b, () => undefined, () => 'bn.x( )');
    expect(a[0].fingerprint).toBe(b[0].fingerprint);
    const c = [finding({ file: 'b.js', line: 3 })];
    assignFingerprints(c, () => undefined, () => 'bn.x(1)');
    expect(c[0].fingerprint).not.toBe(a[0].fingerprint);
  });
});
