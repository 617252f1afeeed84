/**
 * `check --fix` and `--fix-dry-run`: lint, apply every finding's fix, lint the fixed files again,
 * up to 10 passes (core's `fixFiles`). Passes after the first read the fixed files from memory;
 * `--fix` then writes each changed file atomically (a temporary file renamed over it), so an
 * interrupted run leaves every file either as it was or fixed.
 */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS, fixFiles, InputError, lint, openBundle, type Bundle, type LintOptions, type LintResult } from '@bmplint/core';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export interface FixOutcome {
  result: LintResult;
  /** Fixed text of each changed file, by path relative to the checked path. */
  outputs: Map<string, string>;
  fixed: number;
}

export async function lintAndFix(path: string, options: LintOptions, write: boolean): Promise<FixOutcome> {
  const config = options.config ?? {};
  // As lint() opens it: ignored files stay in the bundle (for resolution) and get no findings, so no fixes.
  const bundle = await openBundle(path, { limits: { ...DEFAULT_LIMITS, ...config.limits } });
  if (write && bundle.kind !== 'directory') {
    throw new InputError(`--fix rewrites files in a folder; ${path} is a ${bundle.kind}: unpack it, or see the fixes with --fix-dry-run`);
  }
  const run = await fixFiles((outputs) => lint(withFiles(bundle, outputs), options), (file) => textOf(bundle, file));
  if (write) for (const [file, text] of run.outputs) writeAtomically(join(bundle.source, file), text, bundle.read(file));
  return run;
}

/** The text the parsers see (a BOM is not part of it); undefined for what is not UTF-8 text. */
function textOf(bundle: Bundle, file: string): string | undefined {
  if (!bundle.has(file)) return undefined;
  try {
    return strictUtf8.decode(bundle.read(file));
  } catch {
    return undefined;
  }
}

/** The bundle with some files' text replaced. */
function withFiles(bundle: Bundle, outputs: ReadonlyMap<string, string>): Bundle {
  if (!outputs.size) return bundle;
  const replaced = new Map([...outputs].map(([file, text]) => [file, Buffer.from(text, 'utf8')]));
  const entries = new Map(bundle.entries);
  for (const [file, bytes] of replaced) entries.set(file, { path: file, size: bytes.length });
  return {
    kind: bundle.kind,
    source: bundle.source,
    entries,
    issues: bundle.issues,
    limits: bundle.limits,
    has: (file) => bundle.has(file),
    read: (file) => replaced.get(file) ?? bundle.read(file),
  };
}

function writeAtomically(target: string, text: string, original: Buffer): void {
  const bytes = Buffer.from(text, 'utf8');
  const data = original.subarray(0, 3).equals(UTF8_BOM) ? Buffer.concat([UTF8_BOM, bytes]) : bytes;
  const temporary = `${target}.bmplint-fix-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: statSync(target).mode & 0o777, flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`cannot write the fixed ${target}: ${(error as Error).message}`);
  }
}
