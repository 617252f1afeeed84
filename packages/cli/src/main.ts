import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE_NAME, InputError, lint, loadConfigFile, type AnyRule, type LoadedConfig } from '@bmplint/core';
import { loadRules } from './load-rules.js';
import { REPORT_FORMATS } from './formatters/index.js';
import { writeReport, type OutputOptions } from './report-output.js';
import { TOOL } from './tool.js';
import { registerServe } from './commands/serve.js';
import { registerWorker } from './commands/worker.js';
import { registerUpload } from './commands/upload.js';

/** Exit codes: 0 no errors, 1 errors found, 2 usage or tool failure, 3 no errors but parts of the bundle were not checked. */
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
    .action(async (path: string, options: CheckOptions) => {
      exitCode = await check(path, options, io);
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

interface CheckOptions extends OutputOptions {
  config?: string;
  quiet?: boolean;
}

async function check(path: string, options: CheckOptions, io: Io): Promise<number> {
  const config = findConfig(path, options.config);
  const rules = await loadRules(config);
  const progress = progressReporter(io);
  const result = await lint(path, {
    rules,
    config: config?.config,
    listingPath: options.listing,
    onProgress: progress.update,
    onWarning: (message) => io.stderr(`bmplint: warning: ${message}\n`),
  });
  progress.done();
  if (options.quiet) {
    result.findings = result.findings.filter((finding) => finding.severity === 'error');
  }
  await writeReport(result, path, options, { rules, isTTY: io.isTTY, stdout: io.stdout });
  return result.summary.errors > 0 ? EXIT.errors : result.summary.unchecked > 0 ? EXIT.unchecked : EXIT.ok;
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
  return `${rows
    .map((row) => `${row.id.padEnd(idWidth)}  ${row.clauses.join(', ').padEnd(clauseWidth)}  ${row.severity.padEnd(7)}  ${row.description}`)
    .join('\n')}\n`;
}
