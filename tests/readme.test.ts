// The README's examples stay true: its config example is a valid config, its JSON example matches
// what `check --format json` prints for the same app, and every command it shows exists.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, type Run } from './run-cli.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

const bmplint = (args: string[]): Promise<Run> => runCli(args);

/** The first fenced block of `language` after `heading` (a line of the README). */
function blockAfter(heading: string, language: string): string {
  const at = readme.indexOf(heading);
  expect(at, `README has "${heading}"`).toBeGreaterThanOrEqual(0);
  const start = readme.indexOf(`\`\`\`${language}\n`, at);
  const end = readme.indexOf('\n```', start + 4);
  return readme.slice(start + language.length + 4, end);
}

/** Every key of `example` is in `actual` with the same value; a string with "…" is elided from there on. */
function expectSubset(example: unknown, actual: unknown, path = '$'): void {
  if (typeof example === 'string' && example.includes('…')) {
    expect(typeof actual, path).toBe('string');
    expect((actual as string).startsWith(example.slice(0, example.indexOf('…'))), `${path}: ${String(actual)}`).toBe(true);
  } else if (example && typeof example === 'object' && !Array.isArray(example)) {
    for (const [key, value] of Object.entries(example)) expectSubset(value, (actual as Record<string, unknown>)?.[key], `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(example);
  }
}

describe('the README', () => {
  it('shows a config that bmplint accepts as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmplint-readme-'));
    cpSync(join(root, 'fixtures/apps/clean-app'), dir, { recursive: true });
    writeFileSync(join(dir, 'bmplint.config.json'), blockAfter('### Configuration', 'json'));
    const run = await bmplint(['check', dir, '--print-config']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { rules: Record<string, unknown> };
    expect(JSON.stringify(printed.rules['availability/entry-page-path'])).toContain('off');
    expect(JSON.stringify(printed.rules['basic-info/image-budget'])).toContain('204800');
  });

  it('shows JSON output as check prints it', async () => {
    const example = JSON.parse(blockAfter('JSON output is a stable contract', 'json')) as {
      bundle: { root: string }; findings: Array<Record<string, unknown>>; summary: Record<string, number>; tool: unknown;
    };
    const run = await bmplint(['check', example.bundle.root, '--format', 'json']);
    const actual = JSON.parse(run.stdout) as typeof example;
    expectSubset(example.tool, actual.tool, '$.tool');
    expectSubset(example.bundle, actual.bundle, '$.bundle');
    expect(Object.keys(actual.summary).sort()).toEqual(Object.keys(example.summary).sort());
    for (const finding of example.findings) {
      const same = actual.findings.find((other) => other.ruleId === finding.ruleId && other.file === finding.file && other.line === finding.line);
      expect(same, `${String(finding.ruleId)} at ${String(finding.file)}:${String(finding.line)}`).toBeDefined();
      expectSubset(finding, same, `$.findings[${String(finding.ruleId)}]`);
    }
  });

  it('shows only commands that exist', async () => {
    const usage = blockAfter('## Using it', 'sh');
    const commands = [...usage.matchAll(/^bmplint (\w+)/gm)].map((match) => match[1]);
    expect(commands.length).toBeGreaterThan(3);
    const help = await bmplint(['--help']);
    for (const command of commands) expect(help.stdout, command).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });
});
