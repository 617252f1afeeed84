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
}

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
