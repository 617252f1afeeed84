/**
 * The options and commands a team adopts bmplint with: --max-warnings, --rule, --print-config,
 * inline-config options, explain, init, baselines, fixes and the message language. Runs the built
 * CLI as a user would (`pnpm test` builds first), on small apps written here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, type Run } from './run-cli.js';



// A fixed locale: messages are asserted in English whatever the machine's.
const bmplint = (args: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> =>
  runCli(args, { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env }, cwd });

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  messageId: string;
  file: string;
  line: number;
  fingerprint: string;
  baselined?: boolean;
  fix?: { range: [number, number]; text: string };
}
interface Report {
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
  output?: Record<string, string>;
}

const json = (run: Run) => JSON.parse(run.stdout) as Report;

/** A small app on disk: one page, no entryPagePath (a fixable warning), plus `files`. */
function app(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bmplint-adopt-'));
  const all: Record<string, string> = {
    'app.json': '{\n  "pages": ["pages/index/index"],\n  "window": { "navigationBarTitleText": "Gas Watch" }\n}\n',
    'app.js': 'App({});\n',
    'pages/index/index.js': 'Page({ data: {} });\n',
    'pages/index/index.bxml': '<view class="page">Hello</view>\n',
    'pages/index/index.json': '{}\n',
    'pages/index/index.bxss': '.page { padding: 24rpx; }\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const privateApi = 'Page({ onLoad() { bn._internalCall(); } });\n';

describe('--max-warnings', () => {
  it('exits 1 when the warnings exceed the maximum, as ESLint does, and 0 at the maximum', async () => {
    const dir = app();
    const within = await bmplint(['check', dir, '--max-warnings', '1']);
    expect(within.code).toBe(0);
    const over = await bmplint(['check', dir, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('bmplint found too many warnings (maximum: 0, found: 1).');
    const bad = await bmplint(['check', dir, '--max-warnings', 'many']);
    expect(bad.code).toBe(2);
  });
});

describe('--rule', () => {
  it('sets severities, repeatably, and refuses to lower a hard rule with a clear message', async () => {
    const dir = app({ 'pages/index/index.js': privateApi });
    const raised = json(await bmplint(['check', dir, '--format', 'json', '--rule', 'availability/entry-page-path:error', '--rule', 'api/login-exit:off']));
    expect(raised.findings.find((finding) => finding.ruleId === 'availability/entry-page-path')?.severity).toBe('error');
    const off = json(await bmplint(['check', dir, '--format', 'json', '--rule', 'availability/entry-page-path:off']));
    expect(off.findings.map((finding) => finding.ruleId)).not.toContain('availability/entry-page-path');
    const hard = await bmplint(['check', dir, '--rule', 'api/no-private-api:warning']);
    expect(hard).toMatchObject({ code: 2, stdout: '' });
    expect(hard.stderr).toBe('bmplint: --rule api/no-private-api:warning: api/no-private-api is a hard platform rule; it cannot be turned off or lowered below "error", since the reviewer applies it anyway\n');
    const typo = await bmplint(['check', dir, '--rule', 'availability/entry-page:off']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean availability/entry-page-path?');
  });
});

describe('--print-config', () => {
  it('prints the effective config for the path: the file, --rule and linter options merged', async () => {
    const dir = app({ 'bmplint.config.json': JSON.stringify({ rules: { 'api/login-exit': 'off' }, ignorePatterns: ['mock/**'] }) });
    const run = await bmplint(['check', dir, '--print-config', '--rule', 'availability/entry-page-path:error', '--no-inline-config']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { configFile: string; rules: Record<string, unknown>; ignorePatterns: string[]; linterOptions: Record<string, boolean>; limits: Record<string, number> };
    expect(printed.configFile).toBe(join(dir, 'bmplint.config.json'));
    expect(printed.rules['api/login-exit']).toBe('off');
    expect(printed.rules['availability/entry-page-path']).toBe('error');
    expect(printed.rules['api/no-private-api']).toBe('error');
    expect(printed.ignorePatterns).toEqual(['mock/**']);
    expect(printed.linterOptions).toEqual({ noInlineConfig: true, reportUnusedDisableDirectives: false });
    expect(printed.limits.maxFiles).toBeGreaterThan(0);
  });
});

describe('inline config', () => {
  const commented = {
    'pages/index/index.js': [
      '// bmplint-disable-next-line api/no-dynamic-api-access -- reviewed',
      'Page({ onLoad() { const k = this.key; bn[k](); } });',
      '// bmplint-disable-next-line api/login-exit',
      'const unused = 1;',
      '// bmplint-disable-next-line api/no-dynamic-acess',
      'Page.x = 1;',
      '// bmplint-disable-next-line api/no-private-api',
      'bn._internalCall();',
      '',
    ].join('\n'),
  };

  it('--no-inline-config ignores disable comments', async () => {
    const dir = app(commented);
    const honoured = json(await bmplint(['check', dir, '--format', 'json']));
    expect(honoured.findings.map((finding) => finding.ruleId)).not.toContain('api/no-dynamic-api-access');
    const ignored = json(await bmplint(['check', dir, '--format', 'json', '--no-inline-config']));
    expect(ignored.findings.map((finding) => finding.ruleId)).toContain('api/no-dynamic-api-access');
  });

  it('--report-unused-disable-directives reports unused, misspelt and hard-rule disables, with a did-you-mean', async () => {
    const dir = app(commented);
    const report = json(await bmplint(['check', dir, '--format', 'json', '--report-unused-disable-directives']));
    const directives = report.findings.filter((finding) => finding.ruleId === 'bmplint/disable-directive').map((finding) => `${finding.line} ${finding.messageId}: ${finding.message}`);
    expect(directives).toEqual([
      '3 unusedRules: Unused bmplint-disable-next-line directive: no problem of api/login-exit was reported where it applies. Remove it.',
      '5 unknownRuleSuggestion: bmplint-disable-next-line names "api/no-dynamic-acess", which is not a rule; did you mean "api/no-dynamic-api-access"? The comment suppresses nothing.',
      '7 hardRule: bmplint-disable-next-line names api/no-private-api, a hard platform rule: its findings cannot be suppressed, since the reviewer applies it anyway.',
    ]);
    // The hard rule's finding is still there.
    expect(report.findings.some((finding) => finding.ruleId === 'api/no-private-api' && finding.line === 8)).toBe(true);
    const quiet = json(await bmplint(['check', dir, '--format', 'json']));
    expect(quiet.findings.filter((finding) => finding.ruleId === 'bmplint/disable-directive')).toEqual([]);
  });
});

describe('config errors', () => {
  it('name the key, the allowed values and the closest rule or key; options for a rule without any are refused', async () => {
    const write = (config: unknown) => app({ 'bmplint.config.json': JSON.stringify(config) });
    const severity = await bmplint(['check', write({ rules: { 'api/login-exit': 'warn' } })]);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain('rules["api/login-exit"]: "warn" is not a rule setting (allowed: "error", "warning", "info", "off", or ["<severity>", { options }]); did you mean "warning"?');
    const unknown = await bmplint(['check', write({ rules: { 'api/login-exits': 'off' } })]);
    expect(unknown.stderr).toBe('bmplint: config names an unknown rule: api/login-exits; did you mean api/login-exit?\n');
    const key = await bmplint(['check', write({ rule: {} })]);
    expect(key.stderr).toContain('"rule" is not a known property (allowed: rules, plugins, ignorePatterns, limits, linterOptions); did you mean "rules"?');
    const options = await bmplint(['check', write({ rules: { 'availability/entry-page-path': ['warning', { strict: true }] } })]);
    expect(options).toMatchObject({ code: 2, stderr: 'bmplint: availability/entry-page-path takes no options, but the config gives it "strict"\n' });
  });
});

describe('bmplint explain', () => {
  it('prints the rule\'s docs page, and a did-you-mean for a misspelt id', async () => {
    const run = await bmplint(['explain', 'availability/entry-page-path']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# availability\/entry-page-path\n/);
    expect(run.stdout).toContain('## What the rules say');
    expect(run.stdout).toContain('## Bad');
    const typo = await bmplint(['explain', 'entry-page-path']);
    expect(typo).toMatchObject({ code: 2, stderr: 'bmplint: there is no rule "entry-page-path"; did you mean availability/entry-page-path? (bmplint rules lists them)\n' });
  });
});

describe('bmplint init', () => {
  it('writes a starter config and listing that check cleanly, and never overwrites without --force', async () => {
    const dir = app({ 'app.json': '{\n  "entryPagePath": "pages/index/index",\n  "pages": ["pages/index/index"]\n}\n' });
    const first = await bmplint(['init', dir]);
    expect(first.code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'bmplint.config.json'), 'utf8')) as object;
    expect(config).toMatchObject({ rules: {} });
    const listing = JSON.parse(readFileSync(join(dir, 'listing.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(listing)).toEqual(expect.arrayContaining(['name', 'description', 'logo', 'serviceDomains', 'businessDomains', 'testAccount']));
    const fields = readFileSync(join(dir, 'listing.fields.md'), 'utf8');
    for (const field of ['appId', 'name', 'description', 'logo', 'category', 'tags', 'serviceDomains', 'businessDomains', 'testAccount']) expect(fields).toContain(`\`${field}\``);
    // The starter listing is valid: only the logo it names is missing.
    const checked = json(await bmplint(['check', dir, '--format', 'json']));
    expect(checked.findings.filter((finding) => finding.ruleId === 'basic-info/listing-schema').map((finding) => finding.messageId)).toEqual(['logoMissing']);
    writeFileSync(join(dir, 'listing.json'), '{"name": "Mine"}');
    const second = await bmplint(['init', dir]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('listing.json exists: not overwritten (use --force to replace it).');
    expect(readFileSync(join(dir, 'listing.json'), 'utf8')).toBe('{"name": "Mine"}');
    expect((await bmplint(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'listing.json'), 'utf8')).not.toBe('{"name": "Mine"}');
  });
});

describe('baselines', () => {
  it('records the findings; check --baseline reports only new ones, marks the known ones, and survives line shifts', async () => {
    const dir = app({ 'pages/index/index.js': privateApi });
    const file = join(dir, 'baseline.json');
    const written = await bmplint(['baseline', dir, '--output-file', file]);
    expect(written.code).toBe(0);
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, Record<string, { count: number; fingerprints: string[] }>> };
    expect(baseline.files['pages/index/index.js']['api/no-private-api'].count).toBe(1);
    expect(baseline.files['app.json']['availability/entry-page-path'].fingerprints).toHaveLength(1);

    // Code added above the known problem, and one new problem.
    writeFileSync(join(dir, 'pages/index/index.js'), `// a comment\nconst x = 1;\n${privateApi}bn._otherInternal();\n`);
    const run = await bmplint(['check', dir, '--format', 'json', '--baseline', file]);
    const report = json(run);
    const privateFindings = report.findings.filter((finding) => finding.ruleId === 'api/no-private-api');
    expect(privateFindings.map((finding) => [finding.line, Boolean(finding.baselined)])).toEqual([[3, true], [4, false]]);
    expect(report.findings.find((finding) => finding.ruleId === 'availability/entry-page-path')?.baselined).toBe(true);
    // The one info is the note that this listing-less app skipped the listing checks.
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, infos: 1 });
    expect(run.code).toBe(1);

    const text = await bmplint(['check', dir, '--baseline', file]);
    expect(text.stdout).toContain('4:');
    expect(text.stdout).not.toMatch(/^ {2}3:/m);
    expect(text.stdout).toContain('2 baselined findings');
    expect(text.stderr).toContain('2 findings are known from the baseline; 1 of them are from hard platform rules, which the reviewer still applies.');

    // Fixed: nothing new, exit 0, though the hard rule's known finding is still in the JSON.
    writeFileSync(join(dir, 'pages/index/index.js'), `// a comment\nconst x = 1;\n${privateApi}`);
    const known = await bmplint(['check', dir, '--format', 'json', '--baseline', file]);
    expect(known.code).toBe(0);
    expect(json(known).findings.filter((finding) => finding.ruleId === 'api/no-private-api').map((finding) => finding.baselined)).toEqual([true]);
  });

  it('refuses a file that is not a baseline', async () => {
    const dir = app();
    writeFileSync(join(dir, 'x.json'), '{"a": 1}');
    const run = await bmplint(['check', dir, '--baseline', join(dir, 'x.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a bmplint baseline');
  });
});

describe('--fix and --fix-dry-run', () => {
  const fixable = {
    'app.json': '{\n  "pages": ["pages/index/index"],\n  "networkTimeout": { "request": 5000 },\n  "window": { "navigationBarTitleTxt": "Gas Watch" }\n}\n',
  };
  const fixedAppJson = '{\n  "pages": ["pages/index/index"],\n  "window": { "navigationBarTitleText": "Gas Watch" },\n  "entryPagePath": "pages/index/index"\n}\n';

  it('--fix-dry-run gives each fixed file\'s text in JSON and writes nothing', async () => {
    const dir = app(fixable);
    const run = await bmplint(['check', dir, '--format', 'json', '--fix-dry-run']);
    const report = json(run);
    expect(report.output).toEqual({ 'app.json': fixedAppJson });
    expect(report.findings.filter((finding) => finding.fix)).toEqual([]);
    expect(run.stderr).toContain('would fix 3 problems in 1 files');
    expect(readFileSync(join(dir, 'app.json'), 'utf8')).toBe(fixable['app.json']);
  });

  it('--fix writes the fixed files, leaving no temporary file, and a second run has nothing to fix', async () => {
    const dir = app(fixable);
    const run = await bmplint(['check', dir, '--fix', '--format', 'json']);
    expect(run.code).toBe(0);
    // Nothing left to fix or report, apart from the note that this app has no listing.json.
    expect(json(run).findings.filter((finding) => finding.ruleId !== 'bmplint/missing-input')).toEqual([]);
    expect(readFileSync(join(dir, 'app.json'), 'utf8')).toBe(fixedAppJson);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
    const again = await bmplint(['check', dir, '--fix']);
    expect(again.stderr).toContain('nothing to fix');
    expect(readFileSync(join(dir, 'app.json'), 'utf8')).toBe(fixedAppJson);
  });

  it('findings carry their fix in JSON; a zip cannot be fixed in place', async () => {
    const dir = app();
    const report = json(await bmplint(['check', dir, '--format', 'json']));
    const entry = report.findings.find((finding) => finding.ruleId === 'availability/entry-page-path')!;
    expect(entry.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: ',\n  "entryPagePath": "pages/index/index"' });
    const zip = join(dir, 'app.zip');
    writeFileSync(zip, 'PK\u0005\u0006'.padEnd(22, '\u0000'));
    const refused = await bmplint(['check', zip, '--fix']);
    expect(refused.code).toBe(2);
    expect(existsSync(zip)).toBe(true);
  });
});

describe('--locale', () => {
  it('renders messages in Simplified Chinese from --locale or the environment, keeping messageId and data', async () => {
    const dir = app();
    const english = json(await bmplint(['check', dir, '--format', 'json']));
    const chinese = json(await bmplint(['check', dir, '--format', 'json', '--locale', 'zh-CN']));
    const fromEnv = json(await bmplint(['check', dir, '--format', 'json'], { LANG: 'zh_CN.UTF-8' }));
    expect(english.findings[0].message).toMatch(/^entryPagePath is not set/);
    expect(chinese.findings[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.findings[0].message).toContain('pages/index/index');
    expect(chinese.findings[0].messageId).toBe(english.findings[0].messageId);
    expect(fromEnv.findings[0].message).toBe(chinese.findings[0].message);
    const overMax = await bmplint(['check', dir, '--max-warnings', '0', '--locale', 'zh-CN']);
    expect(overMax.stderr).toContain('bmplint 发现的警告过多');
    const bad = await bmplint(['check', dir, '--locale', 'zh-TW']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown locale "zh-TW"');
  });
});
