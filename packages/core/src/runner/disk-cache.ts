import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult, ResultCache } from './file-result.js';
import type { LintResult } from './lint.js';

/** The cache file inside the cache folder. */
export const CACHE_FILE_NAME = 'bmplint-results.json';
const FORMAT = 1;

interface CacheFile {
  tool: 'bmplint';
  format: number;
  version: string;
  entries: Record<string, FileResult>;
  /** Whole-run results by inputs key (only the last run's). */
  runs?: Record<string, LintResult>;
}

/**
 * Per-file results on disk (`--cache`): one JSON file, read whole at the start of a run and
 * replaced whole at its end (written to a temporary file, then renamed over the old one, so a run
 * sharing the folder reads the old file or the new one, never half of one). A corrupt file or one
 * bmplint did not write is ignored with a warning; one from another version is ignored silently.
 * Only the entries a run used are written back, so deleted files do not pile up.
 */
export class DiskResultCache implements ResultCache {
  private readonly stored: Record<string, FileResult>;
  private readonly storedRuns: Record<string, LintResult>;
  private readonly used = new Map<string, FileResult>();
  private lastRun: [string, LintResult] | undefined;
  /** Whether this run added anything; a run that changed nothing does not rewrite the file. */
  private dirty = false;
  private readonly file: string;
  /** False when the file there is not ours: it is left alone. */
  private readonly writable: boolean;

  constructor(private readonly folder: string, private readonly version: string, warn: (message: string) => void) {
    this.file = join(folder, CACHE_FILE_NAME);
    const loaded = readCache(this.file, version);
    if (loaded.warning) warn(loaded.warning);
    this.stored = loaded.entries;
    this.storedRuns = loaded.runs ?? {};
    this.writable = !loaded.foreign;
  }

  get(key: string): FileResult | undefined {
    const result = this.used.get(key) ?? (Object.hasOwn(this.stored, key) && isFileResult(this.stored[key]) ? this.stored[key] : undefined);
    if (result) this.used.set(key, result);
    return result;
  }

  set(key: string, result: FileResult): void {
    this.dirty = true;
    this.used.set(key, result);
  }

  getRun(key: string): LintResult | undefined {
    const run = Object.hasOwn(this.storedRuns, key) ? this.storedRuns[key] : undefined;
    if (!run || !Array.isArray(run.findings) || !run.bundle || !run.summary) return undefined;
    this.lastRun = [key, run];
    return structuredClone(run);
  }

  setRun(key: string, result: LintResult): void {
    this.dirty = true;
    this.lastRun = [key, structuredClone(result)];
  }

  /** Writes the entries of this run; a failure to write is a warning, never a failed run. */
  save(warn: (message: string) => void): void {
    if (!this.writable || !this.dirty) return;
    const content: CacheFile = { tool: 'bmplint', format: FORMAT, version: this.version, entries: Object.fromEntries(this.used) };
    if (this.lastRun) content.runs = { [this.lastRun[0]]: this.lastRun[1] };
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(this.folder, { recursive: true });
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      warn(`cannot write the cache in ${this.folder}: ${(error as Error).message}`);
    }
  }
}

function readCache(file: string, version: string): { entries: Record<string, FileResult>; runs?: Record<string, LintResult>; warning?: string; foreign?: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { entries: {} }; // no cache yet
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { entries: {}, warning: `the cache file ${file} is corrupt; it is ignored and rewritten` };
  }
  const cache = parsed as Partial<CacheFile> | null;
  if (!cache || typeof cache !== 'object' || cache.tool !== 'bmplint' || typeof cache.entries !== 'object' || cache.entries === null || Array.isArray(cache.entries)) {
    return { entries: {}, warning: `${file} is not a bmplint cache; it is ignored and left as it is`, foreign: true };
  }
  if (cache.format !== FORMAT || cache.version !== version) return { entries: {} };
  const runs = cache.runs && typeof cache.runs === 'object' && !Array.isArray(cache.runs) ? cache.runs : undefined;
  return { entries: cache.entries, runs };
}

/** A stored entry of the right shape (an entry edited by hand is a miss, not a crash). */
function isFileResult(value: unknown): value is FileResult {
  const result = value as FileResult | null;
  return !!result && typeof result === 'object' && Array.isArray(result.findings) && Array.isArray(result.directives)
    && !!result.facts && typeof result.facts === 'object' && !!result.deps && typeof result.deps === 'object';
}
