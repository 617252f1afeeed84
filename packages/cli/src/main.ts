import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BUNDLE_RULE_ID, CONFIG_FILE_NAME, DiskResultCache, InputError, lint, loadConfigFile, localizeFindings, type AnyRule, type Config, type LintResult, type LoadedConfig } from '@bmplint/core';
import { loadRuleSet, loadRules } from './load-rules.js';
import { collect, effectiveConfig, printConfig, type ConfigOptions } from './commands/config.js';
import { applyBaseline, BASELINE_FILE_NAME, createBaseline, readBaseline } from './commands/baseline.js';
import { lintAndFix } from './commands/fix.js';
import { explainRule } from './commands/explain.js';
import { initFiles } from './commands/init.js';
import { resolveLocale, type Locale } from './locale.js';
import { cliMessage } from './messages.js';
import { reportMissingListing } from './missing-inputs.js';
import { REPORT_FORMATS } from './formatters/index.js';
import { writeReport, type OutputOptions } from './report-output.js';
import { TOOL } from './tool.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerUpload } from './commands/upload.js';

/** `--cache`'s default folder, in the checked folder (bundles never include it). */
const CACHE_FOLDER = '.bmplint-cache';

/** Exit codes: 0 no errors, 1 errors found, 2 usage or tool failure, 3 no errors but parts of the bundle were not checked in full. */
export const EXIT = { ok: 0, errors: 1, failure: 2, unchecked: 3 } as const;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('bmplint')
    .description('Compliance linter for Binance mini programs: checks a bundle against the platform Operation Rules before submission.')
    .version(TOOL.version, '-v, --version')
    // Program options only before the command: `upload --version 1.2.0` is the upload's own option.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('check')
    .description('check a mini program (a directory or a .zip)')
    .argument('<path>', 'the app folder (or its project root) or a zip of it')
    // Output options (formats, report file, colour, verbosity): see report-output.ts.
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output-file <file>', 'write the report to a file (folders are created; written whole or not at all)')
    .option('--color', 'colour the text output (default: when printing to a terminal; NO_COLOR and FORCE_COLOR are honoured)')
    .option('--no-color', 'never colour the text output')
    .option('--verbose', 'list every finding: repeats and vendored packages are not collapsed')
    .option('--listing <file>', 'listing.json with the app\'s basic info (default: listing.json in <path>)')
    .option('-c, --config <file>', `config file (default: ${CONFIG_FILE_NAME} in <path>)`)
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--rule <id:severity>', 'set a rule\'s severity (error, warning, info, off); repeatable; hard rules cannot be lowered', collect)
    .option('--print-config', 'print the effective config for <path> as JSON, and check nothing')
    .option('--no-inline-config', 'ignore bmplint-disable comments')
    .option('--report-unused-disable-directives', 'report disable comments that suppress nothing, name no rule, or name a hard rule')
    .option('--baseline <file>', `report only findings not in this baseline (written by \`bmplint baseline\`)`)
    .option('--fix', 'apply the rules\' safe fixes to the files, then report what remains')
    .option('--fix-dry-run', 'compute the fixes without writing; JSON output gives each fixed file\'s text')
    .option('--locale <locale>', 'language of the messages: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)')
    .option('--cache', 'keep per-file results between runs and re-check only what changed')
    .option('--cache-location <dir>', 'where --cache keeps its results (default: .bmplint-cache in <path>)')
    .action(async (path: string, options: CheckOptions) => {
      exitCode = await check(path, options, io);
    });

  program
    .command('baseline')
    .description(`record the current findings in ${BASELINE_FILE_NAME}, so that \`check --baseline\` reports only new ones`)
    .argument('<path>', 'the app folder (or its project root) or a zip of it')
    .option('--listing <file>', 'listing.json with the app\'s basic info (default: listing.json in <path>)')
    .option('-c, --config <file>', `config file (default: ${CONFIG_FILE_NAME} in <path>)`)
    .option('--output-file <file>', 'where to write the baseline', BASELINE_FILE_NAME)
    .option('--locale <locale>', 'language of the messages: en or zh-CN')
    .action(async (path: string, options: { listing?: string; config?: string; outputFile: string; locale?: string }) => {
      exitCode = await writeBaseline(path, options, io);
    });

  program
    .command('explain')
    .description('print a rule\'s docs page: its clauses, what it checks, bad and good examples')
    .argument('<rule-id>', 'e.g. api/no-private-api')
    .action(async (id: string) => {
      io.stdout(explainRule(id, await loadRules()));
    });

  program
    .command('init')
    .description(`write a starter ${CONFIG_FILE_NAME} and listing.json (with listing.fields.md explaining each field)`)
    .argument('[dir]', 'where to write them', '.')
    .option('--force', 'replace files that exist')
    .option('--locale <locale>', 'language of the messages: en or zh-CN')
    .action((dir: string, options: { force?: boolean; locale?: string }) => {
      const locale = resolveLocale(options.locale);
      let kept = false;
      for (const { file, written } of initFiles(dir, Boolean(options.force))) {
        if (written) io.stdout(`${cliMessage(locale, 'initWritten', { file })}\n`);
        else {
          io.stderr(`bmplint: ${cliMessage(locale, 'initExists', { file })}\n`);
          kept = true;
        }
      }
      exitCode = kept ? EXIT.failure : EXIT.ok;
    });

  program
    .command('rules')
    .description('list every rule with its clauses, severity and description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      io.stdout(formatRules(await loadRules(), options.format));
    });

  program
    .command('lsp')
    .description('start the language server for editors (LSP over stdin/stdout)')
    .option('--stdio', 'talk LSP over stdin/stdout (the only transport)')
    .action(async () => {
      const { lsp } = await import('./commands/lsp.js');
      lsp({ loadRules, version: TOOL.version });
    });

  registerServe(program, io);
  registerWorker(program, io);
  registerUpload(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
    if (error instanceof InputError) {
      io.stderr(`bmplint: ${error.message}\n`);
      return EXIT.failure;
    }
    io.stderr(`bmplint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.BMPLINT_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return EXIT.failure;
  }
}

interface CheckOptions extends OutputOptions, ConfigOptions {
  config?: string;
  quiet?: boolean;
  maxWarnings?: number;
  printConfig?: boolean;
  baseline?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  locale?: string;
  cache?: boolean;
  cacheLocation?: string;
}

async function check(path: string, options: CheckOptions, io: Io): Promise<number> {
  const locale = resolveLocale(options.locale);
  const loaded = findConfig(path, options.config);
  const { rules, catalog } = await loadRuleSet(loaded);
  const config = effectiveConfig(loaded, options, rules);
  if (options.printConfig) {
    io.stdout(printConfig(loaded, config, rules));
    return EXIT.ok;
  }
  const baseline = options.baseline ? readBaseline(options.baseline) : undefined;
  const progress = progressReporter(io);
  const onWarning = (message: string) => io.stderr(`bmplint: warning: ${message}\n`);
  const cache = options.cache || options.cacheLocation ? openCache(path, options.cacheLocation, config, onWarning) : undefined;
  const lintOptions = {
    rules,
    config: cache?.config ?? config,
    listingPath: options.listing,
    resultCache: cache?.store,
    onProgress: progress.update,
    onWarning,
  };
  const fixed = options.fix || options.fixDryRun ? await lintAndFix(path, lintOptions, Boolean(options.fix)) : undefined;
  const result = fixed?.result ?? (await lint(path, lintOptions));
  cache?.store.save(onWarning);
  reportMissingListing(result, rules);
  progress.done();
  refuseCorruptArchive(path, result);
  localizeFindings(result.findings, catalog, locale);
  if (baseline) {
    applyBaseline(result, baseline);
    noteHardRulesBaselined(result, rules, locale, io);
  }
  if (fixed) reportFixes(fixed, Boolean(options.fix), locale, io);
  if (options.quiet) {
    result.findings = result.findings.filter((finding) => finding.severity === 'error');
  }
  // `--fix-dry-run --format json` printed: the report gains `output`, the fixed text of each changed file.
  const stdout = options.fixDryRun && options.format === 'json' ? (text: string) => io.stdout(withFixOutputs(text, fixed!.outputs)) : io.stdout;
  await writeReport(result, path, options, { rules, isTTY: io.isTTY, stdout });
  if (result.summary.errors > 0) return EXIT.errors;
  if (options.maxWarnings !== undefined && result.summary.warnings > options.maxWarnings) {
    io.stderr(`${cliMessage(locale, 'tooManyWarnings', { max: options.maxWarnings, count: result.summary.warnings })}\n`);
    return EXIT.errors;
  }
  return result.summary.unchecked > 0 ? EXIT.unchecked : EXIT.ok;
}

/** Findings of hard platform rules that the baseline hides locally: the reviewer still sees them. */
function noteHardRulesBaselined(result: LintResult, rules: readonly AnyRule[], locale: Locale, io: Io): void {
  const hardRules = new Set(rules.filter((rule) => !rule.meta.suppressible).map((rule) => rule.meta.id));
  const known = result.findings.filter((finding) => finding.baselined);
  const hard = known.filter((finding) => hardRules.has(finding.ruleId)).length;
  if (hard) io.stderr(`bmplint: ${cliMessage(locale, 'baselineHidden', { count: known.length, hard })}\n`);
}

function reportFixes(fixed: { outputs: Map<string, string>; fixed: number }, wrote: boolean, locale: Locale, io: Io): void {
  const data = { count: fixed.fixed, files: fixed.outputs.size };
  io.stderr(`bmplint: ${fixed.fixed ? cliMessage(locale, wrote ? 'fixWritten' : 'fixDryRun', data) : cliMessage(locale, 'fixNothing')}\n`);
}

function withFixOutputs(json: string, outputs: ReadonlyMap<string, string>): string {
  const report = JSON.parse(json) as Record<string, unknown>;
  report.output = Object.fromEntries([...outputs].sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify(report, null, 2)}\n`;
}

async function writeBaseline(path: string, options: { listing?: string; config?: string; outputFile: string; locale?: string }, io: Io): Promise<number> {
  const locale = resolveLocale(options.locale);
  const loaded = findConfig(path, options.config);
  const rules = await loadRules(loaded);
  const result = await lint(path, { rules, config: loaded?.config, listingPath: options.listing, onWarning: (message) => io.stderr(`bmplint: warning: ${message}\n`) });
  refuseCorruptArchive(path, result);
  const baseline = createBaseline(result.findings);
  writeFileSync(options.outputFile, `${JSON.stringify(baseline, null, 2)}\n`);
  io.stderr(`bmplint: ${cliMessage(locale, 'baselineWritten', { file: options.outputFile, count: result.findings.length, files: Object.keys(baseline.files).length })}\n`);
  return EXIT.ok;
}

/** A zip that cannot be read is a bad input (exit 2), not an app with its app.json missing. */
function refuseCorruptArchive(path: string, result: LintResult): void {
  const corrupt = result.findings.find((finding) => finding.ruleId === BUNDLE_RULE_ID && finding.messageId === 'corrupt-archive');
  if (corrupt) throw new InputError(`${path} is not a readable zip archive (${corrupt.message.replace(/^archive is corrupt: /, '')})`);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number of warnings, 0 or more');
  return Number(value);
}

/**
 * The `--cache` store: `.bmplint-cache` in the checked folder (beside a zip), or `location`. A
 * location inside the checked folder is left out of the bundle.
 */
function openCache(path: string, location: string | undefined, config: Config | undefined, warn: (message: string) => void) {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // lint() reports the unreadable path
  }
  const folder = resolve(location ?? join(isDirectory ? path : dirname(path), CACHE_FOLDER));
  const inside = isDirectory ? relative(resolve(path), folder).split(sep).join('/') : '..';
  const excluded = inside && !inside.startsWith('..') && !isAbsolute(inside) && basename(folder) !== CACHE_FOLDER
    ? { ...config, ignorePatterns: [...(config?.ignorePatterns ?? []), `${inside}/**`] }
    : undefined;
  return { store: new DiskResultCache(folder, TOOL.version, warn), config: excluded };
}

function findConfig(path: string, explicit: string | undefined): LoadedConfig | undefined {
  if (explicit) return loadConfigFile(explicit);
  try {
    if (!statSync(path).isDirectory()) return undefined;
  } catch {
    return undefined; // lint() reports the unreadable path
  }
  const candidate = join(path, CONFIG_FILE_NAME);
  return existsSync(candidate) ? loadConfigFile(candidate) : undefined;
}

/** A progress line on stderr, only on a TTY outside CI and only once a run has taken a second. */
function progressReporter(io: Io) {
  const enabled = Boolean(process.stderr.isTTY) && !process.env.CI;
  const started = Date.now();
  let shown = false;
  return {
    update(done: number, total: number) {
      if (!enabled || Date.now() - started < 1000 || (done % 50 && done !== total)) return;
      shown = true;
      process.stderr.write(`\rbmplint: checked ${done}/${total} files`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function formatRules(rules: AnyRule[], format: 'text' | 'json'): string {
  const rows = rules
    .map(({ meta }) => ({ id: meta.id, clauses: meta.clauses, severity: meta.severity, suppressible: meta.suppressible, description: meta.docs.description, url: meta.docs.url }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const clauseWidth = Math.max(...rows.map((row) => row.clauses.join(', ').length));
  // "hard": a platform rule the reviewer applies anyway: config cannot turn it off or lower it, comments cannot disable it.
  return `${rows
    .map((row) => `${row.id.padEnd(idWidth)}  ${row.clauses.join(', ').padEnd(clauseWidth)}  ${row.severity.padEnd(7)}  ${(row.suppressible ? '' : 'hard').padEnd(4)}  ${row.description}`)
    .join('\n')}\n`;
}
