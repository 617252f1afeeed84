import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, BundleIssue, BundleIssueCode, BundleLimits } from '../bundle/bundle.js';
import { DEFAULT_LIMITS, EntryCollector } from '../bundle/bundle.js';
import { openBundle } from '../bundle/open.js';
import type { ParsedFile } from '../parse/source-file.js';
import type { FileResult } from './file-result.js';
import { lint, type LintOptions, type LintResult } from './lint.js';
import { AnalysisCache } from '../project/analysis-cache.js';

/**
 * A bundle held in memory for repeated checks (language server, portal): replace or delete files,
 * then `lint()` again. Only changed files are parsed and walked again; the project phase re-runs.
 */
export interface LintSession {
  /** Replaces a file's content, adds a file, or (with null) deletes it. A rename is a delete and an add. */
  setFile(path: string, content: string | Uint8Array | null): void;
  /** The findings for the files as they are now: equal to a fresh `lint()` of the same files. */
  lint(): Promise<LintResult>;
}

export async function openSession(input: string | Bundle, options: LintOptions): Promise<LintSession> {
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.config?.limits };
  const base = typeof input === 'string' ? await openBundle(input, { limits }) : input;
  // Every name offered at open, in order, refused ones with their size only: edits may bring them under the limits.
  const offered = base.offered ?? new Map([...base.entries.values()].map((entry) => [entry.path, entry.size]));
  const files = new Map<string, SessionFile>();
  for (const [name, size] of offered) {
    if (!base.entries.has(name)) files.set(name, { size });
    else {
      const bytes = base.read(name);
      files.set(name, { size: bytes.length, bytes });
    }
  }
  return new Session(base, files, options);
}

/** A file of the session: its size always, its bytes once read (a file refused at open is read when accepted). */
interface SessionFile {
  size: number;
  bytes?: Buffer;
}

/** Issues the limits give `EntryCollector.accept` on a name: the session works them out again each run. */
const ACCEPT_ISSUES: ReadonlySet<BundleIssueCode> = new Set(['unsafe-path', 'file-too-large', 'too-many-files', 'total-too-large']);

class Session implements LintSession {
  /** Paths set through `setFile`: their base issues (e.g. unreadable) no longer apply. */
  private readonly changed = new Set<string>();
  /** Paths set since the last run began: what the analyses kept across runs are checked against. */
  private pending = new Set<string>();
  private readonly results = new GenerationalCache<FileResult>();
  private readonly parses = new SessionParses();
  private readonly analyses = new AnalysisCache();
  /** Content hashes, computed once per file content (on first use after `setFile`). */
  private readonly hashes = new Map<string, string>();
  /** The entries of the last run's bundle, their total size, whether the limits refused any name then, and whether a path was added or deleted since. */
  private lastEntries: Map<string, BundleEntry> | undefined;
  private lastTotal = 0;
  private lastRefused = false;
  private pathsChanged = true;

  constructor(private readonly base: Bundle, private readonly files: Map<string, SessionFile>, private readonly options: LintOptions) {}

  setFile(path: string, content: string | Uint8Array | null): void {
    if (content === null || !this.files.has(path)) this.pathsChanged = true;
    this.changed.add(path);
    this.pending.add(path);
    this.hashes.delete(path);
    if (content === null) this.files.delete(path);
    else {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      this.files.set(path, { size: bytes.length, bytes });
    }
  }

  async lint(): Promise<LintResult> {
    // The analyses are checked against the changed paths alone only while their parses of the
    // other files are sure to be the ones a run gets: with the session's own parse cache.
    this.analyses.beginRun(this.options.parseCache ? undefined : this.pending);
    this.pending = new Set();
    const result = await lint(this.bundle(), { ...this.options, resultCache: this.results, parseCache: this.options.parseCache ?? this.parses, analysisCache: this.analyses });
    this.results.nextGeneration();
    this.parses.nextGeneration();
    this.analyses.nextGeneration();
    return result;
  }

  /** The files as they are now, with the base bundle's kind, name and the issues no edit can change. */
  private bundle(): Bundle {
    const base = this.base;
    const entries = this.entries();
    let issues: readonly BundleIssue[];
    if (!this.changed.size) {
      issues = base.issues; // in the order the reader met them
    } else {
      // The limits' issues are the entries' own when the base says what it offered; the rest (links, unreadable files) stand until their path is set.
      const kept = base.issues.filter((issue) => !this.changed.has(issue.path) && !(base.offered && ACCEPT_ISSUES.has(issue.code)));
      issues = [...kept, ...entries.issues];
    }
    const files = this.files;
    const hashes = this.hashes;
    return {
      kind: base.kind,
      source: base.source,
      entries: entries.entries,
      issues,
      limits: base.limits,
      has: (path) => entries.entries.has(path),
      read(path) {
        const bytes = entries.entries.has(path) ? files.get(path)?.bytes : undefined;
        if (!bytes) throw new Error(`not in bundle: ${path}`);
        return bytes;
      },
      hashOf(path) {
        let hash = hashes.get(path);
        if (hash === undefined) {
          hash = createHash('sha1').update(this.read(path)).digest('hex');
          hashes.set(path, hash);
        }
        return hash;
      },
    };
  }

  /**
   * The bundle's entries: every file as it stands now (offered at open, set, not deleted) put
   * through the limits in order, as a fresh bundle of the same files would be, from the sizes kept
   * (no file read again). When no path was added or deleted since the last run, the limits refused
   * nothing then, and the files set stay under the per-file and total limits, the last run's
   * entries updated with the new sizes, not one new entry per file.
   */
  private entries(): { entries: Map<string, BundleEntry>; issues: BundleIssue[] } {
    const limits = this.base.limits;
    const last = this.lastEntries;
    if (last && !this.pathsChanged && !this.lastRefused) {
      let total = this.lastTotal;
      let accepted = true;
      for (const path of this.changed) {
        const file = this.files.get(path);
        // A path set and deleted before the last run is in neither.
        if (!file) continue;
        const entry = last.get(path);
        if (!entry || file.size > limits.maxFileBytes) {
          accepted = false;
          break;
        }
        total += file.size - entry.size;
      }
      if (accepted && total <= limits.maxTotalBytes) {
        // Updated in place: only the last run's bundle shares it, and that run is over.
        for (const path of this.changed) {
          const file = this.files.get(path);
          if (file) last.set(path, { path, size: file.size });
        }
        this.lastTotal = total;
        return { entries: last, issues: [] };
      }
    }
    const collector = new EntryCollector(limits);
    let total = 0;
    for (const [name, file] of this.files) {
      const path = collector.accept(name, file.size);
      if (!path) continue;
      if (!file.bytes) {
        try {
          if (!this.base.readRefused) throw new Error('cannot be read');
          file.bytes = this.base.readRefused(path);
        } catch (error) {
          // Gone from disk since the session opened: counted as a fresh run's listing would, not read.
          collector.entries.delete(path);
          collector.refuse('unreadable', path, (error as NodeJS.ErrnoException).code ?? 'cannot be read');
          continue;
        }
      }
      total += file.size;
    }
    this.lastEntries = collector.entries;
    this.lastTotal = total;
    this.lastRefused = collector.issues.length > 0;
    this.pathsChanged = false;
    return { entries: collector.entries, issues: collector.issues };
  }
}

/**
 * The session's parses: what the last run used, and beyond that each path's latest parse while
 * anything still holds it (an analysis kept across runs holds the parses whose nodes it keeps), so
 * a run gets the very parse an analysis it reuses was computed from.
 */
class SessionParses {
  private readonly used = new GenerationalCache<ParsedFile>();
  private readonly latest = new Map<string, { key: string; parse: WeakRef<ParsedFile> }>();

  get(key: string): ParsedFile | undefined {
    let parse = this.used.get(key);
    if (parse) return parse;
    const latest = this.latest.get(pathOfKey(key));
    parse = latest?.key === key ? latest.parse.deref() : undefined;
    if (parse) this.used.set(key, parse);
    return parse;
  }

  set(key: string, parse: ParsedFile): void {
    this.used.set(key, parse);
    this.latest.set(pathOfKey(key), { key, parse: new WeakRef(parse) });
  }

  nextGeneration(): void {
    this.used.nextGeneration();
  }
}

/** Parse cache keys are `path\0hash` (`Project.parsed`). */
function pathOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('\0'));
}

/** Keeps what the last run used: entries not asked for in a run are dropped after the next. */
class GenerationalCache<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();

  get(key: string): T | undefined {
    const value = this.current.get(key) ?? this.previous.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
  }

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
