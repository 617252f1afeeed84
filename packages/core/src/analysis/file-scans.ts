/**
 * Per-file scans of the bundle's scripts and templates for project hooks that read ASTs (the flow
 * rules have no file visitors), merged into one list in walk order and kept across a session's
 * runs. A scan sees one file and, through its evaluator, constants of the files it imports; a
 * re-run after an edit scans again only the files whose parse changed and the files whose scan read
 * one of them, and hands back the same list (the same object) when nothing it holds changed, so a
 * hook can keep what it derives from the list by the list's identity.
 */
import type { JsFile, ParsedFile } from '../parse/source-file.js';
import type { Project } from '../project/project.js';
import { BnApiIndex } from './bn-api.js';
import { StaticEvaluator, type ModuleHost } from './static-value.js';

export interface ScanContext {
  /** An evaluator that notes the other files an evaluation reads: they are the scan's dependencies. */
  readonly evaluator: StaticEvaluator;
  /** The `bn` calls of a script of the file, asking `evaluator` (a computed `bn[KEY]` may read another file). */
  bnApi(script: JsFile): BnApiIndex | undefined;
}

export interface Scanned<V> {
  path: string;
  value: V;
}

export type FileScan<V> = (file: ParsedFile, context: ScanContext) => V | undefined;

/** What one kind of scan left for the next run: each file's value, the parse it came from, what it read. */
interface Store<V> {
  /** The run of the files snapshot it was updated in. */
  generation: number;
  modelKey: string;
  parses: Map<string, ParsedFile>;
  values: Map<string, V>;
  reads: Map<string, readonly string[]>;
  /** A file some scan read → the parse it read (undefined: no such script) and the scanned files that read it. */
  readers: Map<string, { parse: ParsedFile | undefined; by: Set<string> }>;
  list: ReadonlyArray<Scanned<V>>;
}

/** The scripts and templates of a run, with this run's parse of each, and what changed since the run before. */
interface Snapshot {
  generation: number;
  parses: Map<string, ParsedFile>;
  /** Paths whose parse changed, appeared or went since the previous snapshot; undefined when there was none. */
  changed?: Set<string>;
  /** Every bundle path changed since the previous snapshot, when the session said (`Project.changedSince`). */
  changedPaths?: ReadonlySet<string>;
}

/** What the next run's snapshot starts from. */
interface CarriedSnapshot {
  generation: number;
  parses: Map<string, ParsedFile>;
  /** The session's run it was taken in, and what decided its files beside their content. */
  run: number;
  filesKey: string;
}

const CARRIED = 'file-scans:';
const snapshots = new WeakMap<Project, Snapshot>();
const lists = new WeakMap<Project, Map<string, ReadonlyArray<Scanned<unknown>>>>();

/**
 * `scan` of every script and template (not ignored, not checked as text only) that gives a value,
 * in walk order. Once per run per `kind`; a kind names one scan function, whose result must depend
 * on the file and on what its context's evaluator reads alone.
 */
export function scanFiles<V>(project: Project, kind: string, scan: FileScan<V>): ReadonlyArray<Scanned<V>> {
  let byKind = lists.get(project);
  if (!byKind) lists.set(project, (byKind = new Map()));
  let list = byKind.get(kind) as ReadonlyArray<Scanned<V>> | undefined;
  if (!list) byKind.set(kind, (list = update(project, kind, scan)));
  return list;
}

/**
 * The scripts and templates scans look at, with this run's parse of each. When the session says
 * which paths changed since the last snapshot (and the paths, ignore patterns and parse limit are
 * the same), only those are asked again: the carried snapshot holds the parses of the others, so
 * the session's parse cache (which keeps each path's latest parse while anything holds it) gives a
 * hook those very parses. Else every file's parse is asked and compared.
 */
function snapshotOf(project: Project): Snapshot {
  let snapshot = snapshots.get(project);
  if (snapshot) return snapshot;
  const carriedKey = `${CARRIED}files`;
  const previous = project.carried<CarriedSnapshot>(carriedKey);
  // Dropped while it is updated in place: a run that throws leaves a full snapshot to the next.
  project.carry(carriedKey, undefined);
  const filesKey = `${project.modelKey}\0${project.checkedFilesKey}`;
  const changedPaths = previous?.filesKey === filesKey ? project.changedSince(previous.run) : undefined;
  const scanned = (path: string): ParsedFile | undefined => {
    const kind = project.kindOf(path);
    if ((kind !== 'js' && kind !== 'bxml') || project.isIgnored(path)) return undefined;
    const file = project.parsed(path);
    return file && !file.textOnly ? file : undefined;
  };
  let parses: Map<string, ParsedFile>;
  let changed: Set<string> | undefined;
  if (previous && changedPaths) {
    parses = previous.parses;
    changed = new Set();
    let entered = false;
    for (const path of changedPaths) {
      const file = scanned(path);
      if (parses.get(path) === file) continue;
      changed.add(path);
      if (!parses.has(path)) entered = true;
      if (file) parses.set(path, file);
      else parses.delete(path);
    }
    // A file that became a scanned one (no longer too large to parse) goes in its walk-order place.
    if (entered) parses = new Map(project.paths.filter((path) => parses.has(path)).map((path) => [path, parses.get(path)!]));
  } else {
    parses = new Map();
    for (const path of project.paths) {
      const file = scanned(path);
      if (file) parses.set(path, file);
    }
    if (previous) changed = changedParses(previous.parses, parses, new Set());
  }
  snapshot = { generation: (previous?.generation ?? 0) + 1, parses, changed, changedPaths };
  // What the next run compares with: the parses, not the change set.
  project.carry(carriedKey, { generation: snapshot.generation, parses, run: project.run, filesKey } satisfies CarriedSnapshot);
  snapshots.set(project, snapshot);
  return snapshot;
}

/** Adds to `into` the paths whose parse differs between two runs' maps, or that only one has. */
function changedParses(before: ReadonlyMap<string, ParsedFile>, after: ReadonlyMap<string, ParsedFile>, into: Set<string>): Set<string> {
  for (const [path, parse] of after) if (before.get(path) !== parse) into.add(path);
  for (const path of before.keys()) if (!after.has(path)) into.add(path);
  return into;
}

function update<V>(project: Project, kind: string, scan: FileScan<V>): ReadonlyArray<Scanned<V>> {
  const snapshot = snapshotOf(project);
  const files = snapshot.parses;
  const key = CARRIED + kind;
  const previous = project.carried<Store<V>>(key);
  project.carry(key, undefined);
  const modelKey = project.modelKey;
  const kept = previous?.modelKey === modelKey ? previous : undefined;
  const parseOf = (path: string) => files.get(path) ?? project.jsFile(path);
  const dirty = new Set<string>();
  if (kept && snapshot.changed && kept.generation === snapshot.generation - 1) {
    // Updated in the run before: what changed since is the snapshot's change set.
    for (const path of snapshot.changed) dirty.add(path);
  } else if (kept) changedParses(kept.parses, files, dirty);
  if (kept) {
    // A file a scan read whose parse changed: with the session's changed paths, only those are looked at.
    const sinceSnapshot = kept.generation === snapshot.generation - 1 ? snapshot.changedPaths : undefined;
    const reads = sinceSnapshot ? [...sinceSnapshot].flatMap((path) => (kept.readers.has(path) ? [[path, kept.readers.get(path)!] as const] : [])) : kept.readers;
    for (const [path, read] of reads) if (parseOf(path) !== read.parse) for (const reader of read.by) dirty.add(reader);
  }
  // The carried store is updated in place: it was dropped above, so a scan that throws leaves a
  // full scan to the next run, not a half-updated store.
  const store: Store<V> = kept ?? { generation: 0, modelKey, parses: new Map(), values: new Map(), reads: new Map(), readers: new Map(), list: [] };
  store.generation = snapshot.generation;
  let listChanged = !kept;
  for (const path of kept ? dirty : files.keys()) {
    for (const read of store.reads.get(path) ?? []) {
      const readers = store.readers.get(read);
      readers?.by.delete(path);
      if (readers && !readers.by.size) store.readers.delete(read);
    }
    if (store.values.has(path)) listChanged = true;
    store.parses.delete(path);
    store.values.delete(path);
    store.reads.delete(path);
    const file = files.get(path);
    if (!file) continue;
    const reads = new Set<string>();
    const value = scan(file, contextFor(project, reads));
    reads.delete(path);
    store.parses.set(path, file);
    if (value !== undefined) {
      store.values.set(path, value);
      listChanged = true;
    }
    if (!reads.size) continue;
    store.reads.set(path, [...reads]);
    for (const read of reads) {
      let readers = store.readers.get(read);
      if (!readers) store.readers.set(read, (readers = { parse: undefined, by: new Set() }));
      readers.parse = parseOf(read);
      readers.by.add(path);
    }
  }
  if (listChanged) {
    const list: Array<Scanned<V>> = [];
    for (const path of files.keys()) {
      const value = store.values.get(path);
      if (value !== undefined) list.push({ path, value });
    }
    store.list = list;
  }
  project.carry(key, store);
  return store.list;
}

/**
 * A scan's evaluator over the project, noting every other file it reads. Import resolution depends
 * on the bundle's paths, which are part of the model key (a changed key scans everything again).
 */
function contextFor(project: Project, reads: Set<string>): ScanContext {
  const host: ModuleHost = {
    jsFile: (path) => {
      reads.add(path);
      return project.jsFile(path);
    },
    scopeOf: (file) => project.scopeOf(file),
    resolveImport: (from, specifier) => project.resolveImport(from, specifier),
    appObject: () => {
      for (const extension of ['.js', '.ts']) reads.add(`${project.appRoot}app${extension}`);
      return project.appObject();
    },
  };
  const evaluator = new StaticEvaluator(host);
  return {
    evaluator,
    bnApi: (script) => {
      const scope = project.scopeOf(script);
      return scope ? new BnApiIndex(script, scope, evaluator) : undefined;
    },
  };
}
