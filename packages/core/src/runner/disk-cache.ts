import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult, ResultCache } from './file-result.js';

/** The cache file inside the cache folder. */
export const CACHE_FILE_NAME = 'bmplint-results.json';
const FORMAT = 1;

interface CacheFile {
  tool: 'bmplint';
  format: number;
  version: string;
  entries: Record<string, FileResult>;
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
  private readonly used = new Map<string, FileResult>();
  private readonly file: string;
  /** False when the file there is not ours: it is left alone. */
  private readonly writable: boolean;

  constructor(private readonly folder: string, private readonly version: string, warn: (message: string) => void) {
    this.file = join(folder, CACHE_FILE_NAME);
    const loaded = readCache(this.file, version);
    if (loaded.warning) warn(loaded.warning);
    this.stored = loaded.entries;
    this.writable = !loaded.foreign;
  }

  get(key: string): FileResult | undefined {
    const result = this.used.get(key) ?? (Object.hasOwn(this.stored, key) && isFileResult(this.stored[key]) ? this.stored[key] : undefined);
    if (result) this.used.set(key, result);
    return result;
  }

  set(key: string, result: FileResult): void {
    this.used.set(key, result);
  }

  /** Writes the entries of this run; a failure to write is a warning, never a failed run. */
  save(warn: (message: string) => void): void {
    if (!this.writable) return;
    const content: CacheFile = { tool: 'bmplint', format: FORMAT, version: this.version, entries: Object.fromEntries(this.used) };
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

function readCache(file: string, version: string): { entries: Record<string, FileResult>; warning?: string; foreign?: boolean } {
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
  return { entries: cache.entries };
}

/** A stored entry of the right shape (an entry edited by hand is a miss, not a crash). */
function isFileResult(value: unknown): value is FileResult {
  const result = value as FileResult | null;
  return !!result && typeof result === 'object' && Array.isArray(result.findings) && Array.isArray(result.directives)
    && !!result.facts && typeof result.facts === 'object' && !!result.deps && typeof result.deps === 'object';
}
