import type { ParsedFile } from '../parse/source-file.js';

/** A file an analysis read: its content hash, and the parse it used (AST nodes in the value belong to it). */
export interface AnalysisDependency {
  path: string;
  hash: string;
  parse: ParsedFile | undefined;
}

/** An analysis result and what it was computed from. */
export interface AnalysisEntry {
  value: unknown;
  /** The project's layout and model key when it was computed (see `Project.modelKey`). */
  modelKey: string;
  dependencies: AnalysisDependency[];
  /** The run (`AnalysisCache.run`) in which it was last computed or found to hold. */
  checkedAt?: number;
  /** Its dependencies' paths, for checking it against a run's changed files (built on first use). */
  paths?: ReadonlySet<string>;
  /** The access scope its dependencies were last reported in (`Project.remember`). */
  notedIn?: object;
}

/** How many runs back the changed paths are kept: an entry unused for longer is dropped anyway. */
const KEPT_RUNS = 4;

/**
 * Analysis results kept across a session's runs (flow graphs, handler graphs, method candidates):
 * keyed by the analysis and its subject (a parse, an AST node, a path), each with the files its
 * computation read, so a run reuses it while those files are unchanged (`Project.remember`).
 * Like the session's other caches it keeps what the last run used: an entry no run asked for is
 * dropped after the next, so deleted and changed files' entries go.
 */
export class AnalysisCache {
  private previous = new Map<string, Map<unknown, AnalysisEntry>>();
  private current = new Map<string, Map<unknown, AnalysisEntry>>();
  /** Runs begun (`beginRun`); 0 before the first. */
  private runs = 0;
  /** The paths changed before each recent run began, when the caller said. */
  private readonly changes = new Map<number, ReadonlySet<string> | undefined>();
  private readonly checkedRuns = new WeakMap<object, number>();

  /**
   * Starts a run. `changed`: every bundle path added, deleted or given new content since the last
   * run began, when the caller knows it (a session, whose parses of unchanged files stay the same
   * objects); an entry is then checked against those paths alone, not file by file.
   */
  beginRun(changed?: ReadonlySet<string>): void {
    this.runs++;
    this.changes.set(this.runs, changed);
    this.changes.delete(this.runs - KEPT_RUNS);
  }

  /** Marks something kept across runs (a cached file result) as found to hold in the current run. */
  markChecked(kept: object): void {
    this.checkedRuns.set(kept, this.runs);
  }

  /** The run in which `markChecked` last saw it, for `changedSince`. */
  lastChecked(kept: object): number | undefined {
    return this.checkedRuns.get(kept);
  }

  /** The current run's number (0 before the first `beginRun`). */
  get run(): number {
    return this.runs;
  }

  /**
   * The paths changed since run `since` (before any later run began), or undefined when that is
   * not known: no such run, or a run begun without its changes.
   */
  changedSince(since: number | undefined): ReadonlySet<string> | undefined {
    if (since === undefined || since < 1 || since >= this.runs) return undefined;
    if (since === this.runs - 1) return this.changes.get(this.runs);
    const union = new Set<string>();
    for (let run = since + 1; run <= this.runs; run++) {
      const changed = this.changes.get(run);
      if (!changed) return undefined;
      for (const path of changed) union.add(path);
    }
    return union;
  }

  get(kind: string, key: unknown): AnalysisEntry | undefined {
    const entry = this.current.get(kind)?.get(key) ?? this.previous.get(kind)?.get(key);
    if (entry) this.set(kind, key, entry);
    return entry;
  }

  set(kind: string, key: unknown, entry: AnalysisEntry): void {
    let byKey = this.current.get(kind);
    if (!byKey) this.current.set(kind, (byKey = new Map()));
    byKey.set(key, entry);
  }

  /** Ends a run: what it did not use is dropped at the end of the next. */
  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Entries held, for tests. */
  get size(): number {
    const keys = new Set<string>([...this.previous.keys(), ...this.current.keys()]);
    let count = 0;
    for (const kind of keys) count += new Set([...(this.previous.get(kind)?.keys() ?? []), ...(this.current.get(kind)?.keys() ?? [])]).size;
    return count;
  }
}
