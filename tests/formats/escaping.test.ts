/**
 * A hostile bundle chooses the strings in messages (quoted values and keys), file names and code.
 * None of it may reach a terminal, a CI log or a browser as control: escape sequences and bidi
 * overrides are shown visibly, markup is escaped.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '@bmplint/cli';
import { finding, HOSTILE, resultOf } from './helpers.js';

const hostileFindings = () => [
  finding({
    message: `The key "${HOSTILE.terminal}${HOSTILE.bidi}" is unknown: ${HOSTILE.markup} ${HOSTILE.lines}`,
    file: `pages/${HOSTILE.terminal}${HOSTILE.markup}\n.js`,
    data: { key: HOSTILE.terminal },
    ruleId: 'availability/unsupported-config-key',
    vendor: `pkg${HOSTILE.terminal}`,
  }),
  finding({ message: `plain ${HOSTILE.bidi}`, file: `pages/${HOSTILE.bidi}.js`, data: { key: 'other' }, suggestion: HOSTILE.markup }),
];
const result = () => resultOf(hostileFindings());
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('escaping of text from the bundle', () => {
  it('text: no control character or bidi override reaches the terminal; they are shown as \\u escapes', () => {
    for (const verbose of [false, true]) {
      const out = formatReport(result(), 'text', { verbose, color: false });
      expect(out).not.toMatch(RAW_CONTROL);
      expect(out).toContain('vendored package pkg\\u001b[2J\\u001b]0;pwned\\u0007');
      expect(out).toContain('plain admin\\u202e\\u2066gnp.exe\\u2069');
    }
    // The vendored finding's lines are listed with --verbose: newlines in its message and file name do not start new lines.
    const verbose = formatReport(result(), 'text', { verbose: true });
    expect(verbose).toContain('first\\u000aline two\\u000d\\u000a::error::forged');
    expect(verbose).toMatch(/^pages\/\\u001b\[2J.*\\u000a\.js:3:5 +error +The key "\\u001b\[2J/m);
  });

  it('text with colour: the only escape sequences are its own colour codes', () => {
    const out = formatReport(result(), 'text', { verbose: true, color: true });
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
  });

  it('html: markup is escaped, controls shown, and the only script is the report\'s own', () => {
    const out = formatReport(result(), 'html', { readFile: () => `const a = "${HOSTILE.markup}";\n${HOSTILE.terminal}` });
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\u202e');
  });

  it('github: one command per problem line, with data and properties escaped as GitHub documents', () => {
    const out = formatReport(result(), 'github', {});
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=pages\/[^,:]*%0A\.js,line=3,col=5,endLine=3,endColumn=25,title=bmplint availability\/unsupported-config-key \(4\.1\.1\)::/);
    expect(lines[0]).toContain('first%0Aline two%0D%0A::error::forged');
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('junit: well-formed XML text with no raw control characters', () => {
    const out = formatReport(result(), 'junit', {});
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;');
  });

  it('json and sarif keep the exact strings, as JSON escapes them', () => {
    const json = JSON.parse(formatReport(result(), 'json', {})) as { findings: Array<{ message: string; file: string }> };
    expect(json.findings[0].message).toBe(hostileFindings()[0].message);
    expect(json.findings[0].file).toBe(hostileFindings()[0].file);
    const sarif = JSON.parse(formatReport(result(), 'sarif', {})) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0].results[0].message.text).toBe(hostileFindings()[0].message);
  });
});
