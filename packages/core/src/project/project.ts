import { createHash } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import type { ObjectExpression } from '@babel/types';
import { DEFAULT_LIMITS, type Bundle } from '../bundle/bundle.js';
import { parseFile, sourceText } from '../parse/parse-file.js';
import { LineIndex } from '../text/line-index.js';
import { fileKindOf, type FileKind, type JsFile, type JsonFile, type ParsedFile } from '../parse/source-file.js';
import { ScopeIndex } from '../analysis/scope.js';
import { StaticEvaluator, UNKNOWN, type ModuleHost, type StaticValue } from '../analysis/static-value.js';
import { BnApiIndex } from '../analysis/bn-api.js';
import { walkJs } from '../analysis/walk.js';
import { jsConfigSource, jsonConfigSource, type ConfigSource } from './config-source.js';
import { readListing, type ListingSource } from './listing.js';
import { dirnameOf, joinPath } from './paths.js';
import { detectVendor } from './vendor.js';
import { Reachability } from './reachable.js';
import type { AnalysisCache, AnalysisEntry } from './analysis-cache.js';
import { FileIndex, FileIndexLookups } from './file-index.js';
import picomatch from 'picomatch';

export type AppStyle = 'classic' | 'react';

export interface UnitFiles {
  script?: string;
  template?: string;
  config?: string;
  style?: string;
}

export interface Page {
  /** As written in app config, e.g. `pages/index/index` or `packageB/pages/list/index`. */
  route: string;
  subpackage?: string;
  /** Bundle paths of the page's files that exist. */
  files: UnitFiles;
  /** Where the page is declared in the app config. */
  declaredAt: ReadonlyArray<string | number>;
}

export interface ComponentUse {
  tag: string;
  specifier: string;
  /** The config file (page, component or app json) declaring it. */
  from: string;
  /** Bundle path of the component without extension; undefined for plugins and paths outside the bundle. */
  base?: string;
  files: UnitFiles;
}

/** Reuses parses across runs (language server, portal workers): keyed by path and content hash. */
export interface ParseCache {
  get(key: string): ParsedFile | undefined;
  set(key: string, file: ParsedFile): void;
}

export interface ProjectOptions {
  /** listing.json outside the bundle: its display path and bytes. */
  externalListing?: { path: string; bytes: Uint8Array; resolveLogo(logo: string): string | undefined };
  parseCache?: ParseCache;
  /** Called on every use of a file's content (parsed, cached or not): the engine tracks dependencies with it. */
  onAccess?(path: string): void;
  /**
   * Called on a lookup in an index (`rememberIndex`) while a file is walked: its result depends on
   * the answer for `key` (`answerHash`, compared again with `indexAnswerHash`).
   */
  onIndexLookup?(kind: string, key: string, answerHash: string): void;
  /** A bundle file's content hash (SHA-1 hex) when the caller knows it: the parse cache is keyed by it. */
  contentHash?(path: string): string;
  /** Scripts, templates and stylesheets larger than this are not parsed (default: the bundle's limit). */
  maxParseBytes?: number;
  /** Config `ignorePatterns`: files that exist (paths resolve to them) but are not checked. */
  ignorePatterns?: readonly string[];
  /** Analyses kept across runs (a session's): `remember` reuses them while the files they read are unchanged. */
  analysisCache?: AnalysisCache;
  /** Called before a file whose parse was released (`release`) is parsed again. */
  onReparse?(path: string): void;
}

/**
 * An index for `Project.rememberIndex` described without a run's project (module-level functions
 * of the project they are given): a session's later run can bring it up to date by itself.
 */
export interface IndexSpec {
  kind: string;
  /** The files indexed, in the order lookups answer in. */
  paths(project: Project): readonly string[];
  /** A file's keys: a function of its content alone. */
  keysOf(project: Project, path: string): Iterable<string>;
}

/** An index kept across a session's runs: brought up to date in `run`. */
interface KeptIndex {
  index: FileIndex;
  run: number;
  spec?: IndexSpec;
}

/** What the project model was built from, and the model, for the next run of a session. */
interface ProjectModel {
  /** The detected app (JSON) and the bundle's paths: compared path by path, not joined into one string per run. */
  layout: { app: string; paths: readonly string[] };
  files: Array<{ path: string; hash: string; parse: ParsedFile | undefined }>;
  /** The paths of `files`. */
  paths: ReadonlySet<string>;
  /** Those of `files` outside the bundle (an external listing): a session does not say when they change. */
  outside: Array<{ path: string; hash: string }>;
  modelKey: string;
  /** The session's run in which it was last built or found to hold (`AnalysisCache.run`). */
  checkedAt: number;
  appConfig: ConfigSource | undefined;
  pages: readonly Page[];
  componentUses: readonly ComponentUse[];
  listing: ListingSource | undefined;
}

const MODEL = 'project-model';

/** A run's vendor answers (`vendorOf`), for a session's next run. */
interface KeptVendors {
  layout: string;
  run: number;
  vendors: Map<string, string | undefined>;
}

const VENDORS = 'vendors';

/**
 * A file's text and line index by its bytes object, which a session keeps while the file is
 * unchanged: findings in unparsed files are located and fingerprinted without decoding them again.
 */
const textsByContent = new WeakMap<Uint8Array, { text: string; lines: LineIndex }>();

/** A scope index depends on its file's tree alone: one per parse, shared by every run that sees the parse. */
const scopeIndexes = new WeakMap<JsFile, ScopeIndex | undefined>();

const SCRIPT_EXTENSIONS = ['.js', '.ts'];
const REACT_SCRIPT_EXTENSIONS = ['.tsx', '.jsx', '.ts', '.js'];
const IMPORT_EXTENSIONS = ['', '.js', '.ts', '.tsx', '.jsx', '.mjs', '.cjs', '.bns', '.json', '/index.js', '/index.ts', '/index.tsx', '/index.jsx'];

/**
 * The mini program as the platform sees it: where the app is inside the bundle, its config, pages,
 * components and listing; with every file parsed at most once, on first use.
 */
export class Project implements ModuleHost {
  readonly style: AppStyle;
  /** Prefix of the app inside the bundle ('' or e.g. 'miniprogram/'). */
  readonly appRoot: string;
  /** Prefix of the project (where project.config.json is): '' unless the bundle wraps it in one folder. */
  readonly projectRoot: string;
  /** Where the app config should be (reported when missing). */
  readonly appConfigPath: string;
  readonly appConfig: ConfigSource | undefined;
  readonly pages: Page[] = [];
  readonly pageByRoute = new Map<string, Page>();
  readonly componentUses: ComponentUse[] = [];
  readonly listing: ListingSource | undefined;
  readonly evaluator: StaticEvaluator;

  private readonly parsedFiles = new Map<string, ParsedFile | undefined>();
  private readonly released = new Set<string>();
  private readonly bnIndexes = new WeakMap<JsFile, BnApiIndex | undefined>();
  private readonly pageConfigs = new Map<string, ConfigSource | undefined>();
  private appObjectCache?: { file: JsFile; object: ObjectExpression } | null;
  /** Files the project model was built from (configs, the listing): kept for the whole run. */
  readonly modelPaths: ReadonlySet<string>;
  readonly maxParseBytes: number;
  private readonly lineIndexes = new Map<string, { text: string; lines: LineIndex }>();
  private vendors?: Map<string, string | undefined>;
  private readonly ignored: (path: string) => boolean;
  /** What decides, beside the paths and a file's content, which files are checked and parsed: the ignore patterns and the parse size limit. */
  readonly checkedFilesKey: string;
  private reachability?: Reachability;
  /** This run's analyses by kind and subject (`remember`). */
  private readonly memos = new Map<string, Map<unknown, AnalysisEntry>>();
  /** Paths read by the analyses being computed, innermost last (`remember`). */
  private readonly recorders: Array<Set<string>> = [];
  /**
   * Who is told of file reads: changes when an analysis starts or ends and when a file's phase
   * starts or ends (`newAccessScope`). An analysis whose reads were told in the current scope
   * need not tell them again (a remembered analysis used once per call site).
   */
  private accessScope: object = {};
  private readonly outerScopes: object[] = [];
  /** Inside `unheard`: file reads are not told to the engine. */
  private unheardDepth = 0;
  private modelKeyCache?: string;
  private pathList?: string[];
  /** This run's inverted indexes by kind (`rememberIndex`). */
  private readonly fileIndexes = new Map<string, FileIndexLookups>();

  constructor(readonly bundle: Bundle, private readonly options: ProjectOptions = {}) {
    this.evaluator = new StaticEvaluator(this);
    this.maxParseBytes = options.maxParseBytes ?? bundle.limits.maxParseBytes ?? DEFAULT_LIMITS.maxParseBytes;
    const patterns = options.ignorePatterns ?? [];
    this.ignored = patterns.length ? picomatch([...patterns], { dot: true }) : () => false;
    this.checkedFilesKey = JSON.stringify([patterns, this.maxParseBytes]);
    const detected = detectApp(bundle);
    this.style = detected.style;
    this.appRoot = detected.appRoot;
    this.projectRoot = detected.projectRoot;
    this.appConfigPath = detected.configPath;
    const layout = { app: JSON.stringify(detected), paths: this.paths };
    const reused = this.reusableModel(layout);
    if (reused) {
      for (const file of reused.files) this.parsedFiles.set(file.path, file.parse);
      this.modelKeyCache = reused.modelKey;
      this.appConfig = reused.appConfig;
      this.pages.push(...reused.pages);
      for (const page of reused.pages) this.pageByRoute.set(page.route, page);
      this.componentUses.push(...reused.componentUses);
      this.listing = reused.listing;
    } else {
      this.appConfig = this.readAppConfig();
      this.collectPages();
      this.collectComponents();
      this.listing = this.readListingSource();
    }
    this.modelPaths = new Set(this.parsedFiles.keys());
    if (!reused && options.analysisCache) {
      const files = [...this.modelPaths].map((path) => ({ path, hash: this.hashOf(path), parse: this.parsedFiles.get(path) }));
      const model: ProjectModel = { layout, files, paths: this.modelPaths, outside: files.filter((file) => !bundle.has(file.path)), modelKey: this.modelKey, checkedAt: options.analysisCache.run, appConfig: this.appConfig, pages: this.pages, componentUses: this.componentUses, listing: this.listing };
      this.carry(MODEL, model);
    }
  }

  /** What an analysis left for a session's next run (`carry`): the analysis checks for itself whether it still holds. */
  carried<V>(kind: string): V | undefined {
    return this.options.analysisCache?.get(kind, '')?.value as V | undefined;
  }

  /** Leaves an analysis's result for a session's next run; nothing without an analysis cache. */
  carry(kind: string, value: unknown): void {
    this.options.analysisCache?.set(kind, '', { value, modelKey: '', dependencies: [] });
  }

  /**
   * The last run's project model when nothing it was built from changed: the same detected app and
   * bundle paths, and every file it read with the same content and parse (a session's re-run after
   * an edit of a script or template).
   */
  private reusableModel(layout: ProjectModel['layout']): ProjectModel | undefined {
    const model = this.carried<ProjectModel>(MODEL);
    if (!model || model.layout.app !== layout.app || !samePaths(model.layout.paths, layout.paths)) return undefined;
    const cache = this.options.analysisCache!;
    const changed = cache.changedSince(model.checkedAt);
    if (changed) {
      for (const path of changed) if (model.paths.has(path)) return undefined;
      for (const file of model.outside) if (this.hashOf(file.path) !== file.hash) return undefined;
    } else {
      for (const file of model.files) {
        if (this.hashOf(file.path) !== file.hash || this.parsed(file.path) !== file.parse) return undefined;
      }
    }
    model.checkedAt = cache.run;
    return model;
  }

  /** The session's run this is (`AnalysisCache.run`; 0 without an analysis cache), for analyses that check themselves with `changedSince`. */
  get run(): number {
    return this.options.analysisCache?.run ?? 0;
  }

  /**
   * The bundle paths added, deleted or changed since a session's run `run`, when the session says
   * (`AnalysisCache.changedSince`); undefined when not known: check file by file then.
   */
  changedSince(run: number | undefined): ReadonlySet<string> | undefined {
    return this.options.analysisCache?.changedSince(run);
  }

  /**
   * Drops a file's parse (its AST) so memory is bounded by the largest file, not the bundle; a
   * later `parsed()` parses it again. Model files are kept.
   */
  release(path: string): void {
    if (!this.modelPaths.has(path) && this.parsedFiles.delete(path)) this.released.add(path);
  }

  /** Releases every parse held (`release`) except those of the kinds `kept`. */
  releaseExcept(kept: ReadonlySet<FileKind>): void {
    for (const [path, parsed] of this.parsedFiles) if (parsed && !kept.has(parsed.kind)) this.release(path);
  }

  /** Whether a file's parse is held. */
  holds(path: string): boolean {
    return this.parsedFiles.has(path);
  }

  /**
   * A file's text and line index without parsing it (the same text a parse would see), for
   * locating findings and fingerprints after the file's AST was released.
   */
  textOf(path: string): { text: string; lines: LineIndex } | undefined {
    this.noteAccess(path);
    const parsed = this.parsedFiles.get(path);
    if (parsed) return parsed;
    const known = this.lineIndexes.get(path);
    if (known) return known;
    let bytes: Uint8Array | undefined;
    if (this.bundle.has(path)) bytes = this.bundle.read(path);
    else if (this.options.externalListing?.path === path) bytes = this.options.externalListing.bytes;
    if (!bytes || fileKindOf(path) === 'image' || fileKindOf(path) === 'other') return undefined;
    let entry = textsByContent.get(bytes);
    if (!entry) {
      const text = sourceText(bytes);
      textsByContent.set(bytes, (entry = { text, lines: new LineIndex(text) }));
    }
    this.lineIndexes.set(path, entry);
    return entry;
  }

  /** All bundle paths, in a stable order (one array per run: do not change it). */
  get paths(): readonly string[] {
    return (this.pathList ??= [...this.bundle.entries.keys()]);
  }

  /** Matched by config `ignorePatterns`: known to exist for resolution, but neither walked nor reported on. */
  isIgnored(path: string): boolean {
    return this.ignored(path);
  }

  /** The third-party package a file belongs to (see vendor.ts), or undefined for the app's own code. */
  vendorOf(path: string): string | undefined {
    const vendors = (this.vendors ??= this.keptVendors());
    if (!vendors.has(path)) vendors.set(path, this.bundle.has(path) ? detectVendor(this.bundle, path) : undefined);
    return vendors.get(path);
  }

  /**
   * The vendors the last run of a session found, less those of changed files: what `detectVendor`
   * reads is a file's path and bytes and the bundle's paths and package.json files, so the answers
   * hold while the layout holds and no package.json changed.
   */
  private keptVendors(): Map<string, string | undefined> {
    const cache = this.options.analysisCache;
    if (!cache) return new Map();
    const kept = this.carried<KeptVendors>(VENDORS);
    const changed = kept?.layout === this.modelKey ? this.changedSince(kept.run) : undefined;
    // Taken over, not copied: the last run is over.
    const vendors = changed && ![...changed].some((path) => path.endsWith('package.json')) ? kept!.vendors : new Map<string, string | undefined>();
    for (const path of changed ?? []) vendors.delete(path);
    this.carry(VENDORS, { layout: this.modelKey, run: cache.run, vendors } satisfies KeptVendors);
    return vendors;
  }

  kindOf(path: string): FileKind {
    return fileKindOf(path);
  }

  /** The entry page route: `entryPagePath`, else the first page. */
  get entryRoute(): string | undefined {
    const entry = this.appConfig?.value?.entryPagePath;
    if (typeof entry === 'string' && entry) return normalizeRoute(entry);
    return this.pages[0]?.route;
  }

  get entryPage(): Page | undefined {
    const route = this.entryRoute;
    return route ? this.pageByRoute.get(route) : undefined;
  }

  /** Parses (once) a bundle file or the external listing. */
  parsed(path: string): ParsedFile | undefined {
    this.noteAccess(path);
    if (this.parsedFiles.has(path)) return this.parsedFiles.get(path);
    if (this.released.has(path)) this.options.onReparse?.(path);
    const parsed = this.parse(path);
    this.parsedFiles.set(path, parsed);
    return parsed;
  }

  /**
   * A file's parse for a one-off read from another file's walk: the held parse when there is one,
   * else a parse that is not held (the caller keeps what it needs from it, once per run).
   */
  peekParsed(path: string): ParsedFile | undefined {
    this.noteAccess(path);
    return this.parsedFiles.has(path) ? this.parsedFiles.get(path) : this.parse(path);
  }

  /** A use of a file's content that the caller took from its own per-run cache of what it read there. */
  markRead(path: string): void {
    this.noteAccess(path);
  }

  private parse(path: string): ParsedFile | undefined {
    let parsed: ParsedFile | undefined;
    const inBundle = this.bundle.has(path);
    const bytes = inBundle ? this.bundle.read(path) : this.options.externalListing?.path === path ? this.options.externalListing.bytes : undefined;
    if (bytes) {
      const limit = inBundle ? this.maxParseBytes : undefined;
      const cache = this.options.parseCache;
      if (cache && fileKindOf(path) !== 'image') {
        const hash = this.options.contentHash?.(path) ?? createHash('sha1').update(bytes).digest('hex');
        const key = `${path}\0${hash}`;
        parsed = cache.get(key);
        if (!parsed) {
          parsed = parseFile(path, bytes, limit);
          if (parsed) cache.set(key, parsed);
        }
      } else parsed = parseFile(path, bytes, limit);
    }
    return parsed;
  }

  jsFile(path: string): JsFile | undefined {
    const parsed = this.parsed(path);
    return parsed?.kind === 'js' ? parsed : undefined;
  }

  jsonFile(path: string): JsonFile | undefined {
    const parsed = this.parsed(path);
    return parsed?.kind === 'json' ? parsed : undefined;
  }

  scopeOf(file: JsFile): ScopeIndex | undefined {
    if (!scopeIndexes.has(file)) scopeIndexes.set(file, file.ast ? new ScopeIndex(file.ast) : undefined);
    return scopeIndexes.get(file);
  }

  /**
   * `compute()`, once per run for a kind of analysis and its subject (a parse, an AST node, a path);
   * with an analysis cache (a session's), once for as long as the files it read are unchanged: the
   * same content, and the same parse, so AST nodes in the value are this run's nodes, with the
   * same bundle layout and project model (`modelKey`). The value must depend on nothing else.
   */
  remember<V>(kind: string, key: unknown, compute: () => V): V {
    let byKey = this.memos.get(kind);
    if (!byKey) this.memos.set(kind, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) {
      this.noteReads(known);
      return known.value as V;
    }
    const cache = this.options.analysisCache;
    const stored = cache?.get(kind, key);
    if (stored && this.stillHolds(stored, cache!)) {
      byKey.set(key, stored);
      this.noteReads(stored);
      return stored.value as V;
    }
    if (!cache) {
      const value = compute();
      byKey.set(key, { value, modelKey: '', dependencies: [] });
      return value;
    }
    const read = new Set<string>();
    this.recorders.push(read);
    this.outerScopes.push(this.accessScope);
    this.accessScope = {};
    let value: V;
    try {
      value = compute();
    } finally {
      this.recorders.pop();
      this.accessScope = this.outerScopes.pop()!;
    }
    const dependencies = [...read].map((path) => ({ path, hash: this.hashOf(path), parse: this.parsedFiles.get(path) }));
    // Its reads were told to the enclosing analyses and the file phase as it made them.
    const entry: AnalysisEntry = { value, modelKey: this.modelKey, dependencies, checkedAt: cache.run, paths: read, notedIn: this.accessScope };
    byKey.set(key, entry);
    cache.set(kind, key, entry);
    return value;
  }

  /**
   * An inverted index of `paths` by per-file keys (`keysOf`, which must depend on the file's content
   * alone), built once per run for a kind; with an analysis cache (a session's) kept across runs and
   * re-keyed only for the files added or changed since (file-index.ts): the session's changed paths
   * when it says, else each file's content hash compared. Given as an `IndexSpec`, a later run of
   * the session can bring it up to date itself, before any rule asks (`indexAnswerHash`).
   */
  rememberIndex(spec: IndexSpec): FileIndexLookups;
  rememberIndex(kind: string, paths: readonly string[], keysOf: (path: string) => Iterable<string>): FileIndexLookups;
  rememberIndex(kindOrSpec: string | IndexSpec, paths?: readonly string[], keysOf?: (path: string) => Iterable<string>): FileIndexLookups {
    const spec = typeof kindOrSpec === 'string' ? undefined : kindOrSpec;
    const kind = spec ? spec.kind : (kindOrSpec as string);
    let lookups = this.fileIndexes.get(kind);
    if (!lookups) {
      const carried = `file-index/${kind}/${this.maxParseBytes}`;
      const kept = this.carried<KeptIndex>(carried);
      // Dropped while it is updated: a keysOf that throws leaves a new index to the next run.
      this.carry(carried, undefined);
      const index = kept?.index ?? new FileIndex();
      const files = spec ? spec.paths(this) : paths!;
      const keys = spec ? (path: string) => spec.keysOf(this, path) : keysOf!;
      // What keying read is not a use by the file being walked: its lookups depend on the answers.
      this.unheard(() => index.update(files, (path) => this.hashOf(path), keys, kept ? this.changedSince(kept.run) : undefined));
      this.carry(carried, { index, run: this.run, spec } satisfies KeptIndex);
      lookups = new FileIndexLookups(index, (used) => used.forEach((path) => this.noteAccess(path)), (key, hash) => this.options.onIndexLookup?.(kind, key, hash), () => this.recorders.length > 0);
      this.fileIndexes.set(kind, lookups);
    }
    return lookups;
  }

  /**
   * The hash of an index's answer for `key` in this run, if the index was brought up to date in
   * this run (a rule asked `rememberIndex` for it) or can be (a session's index given as an
   * `IndexSpec`); else undefined: not known.
   */
  indexAnswerHash(kind: string, key: string): string | undefined {
    let lookups = this.fileIndexes.get(kind);
    if (!lookups) {
      const spec = this.carried<KeptIndex>(`file-index/${kind}/${this.maxParseBytes}`)?.spec;
      if (spec) lookups = this.rememberIndex(spec);
    }
    return lookups?.answerHash(key);
  }

  /**
   * Whether a stored analysis still holds: the same model, and none of the files it read changed.
   * When the session says which files changed since the entry was last checked, only those are
   * looked at (its parses of the others are the same objects: the session's parse cache keeps
   * them while anything holds them); else every file it read is checked, content and parse.
   */
  private stillHolds(entry: AnalysisEntry, cache: AnalysisCache): boolean {
    if (entry.modelKey !== this.modelKey) return false;
    const changed = cache.changedSince(entry.checkedAt);
    if (changed) {
      const paths = (entry.paths ??= new Set(entry.dependencies.map((dependency) => dependency.path)));
      if (changed.size <= paths.size) {
        for (const path of changed) if (paths.has(path)) return false;
      } else {
        for (const path of paths) if (changed.has(path)) return false;
      }
    } else {
      for (const dependency of entry.dependencies) {
        if (this.hashOf(dependency.path) !== dependency.hash) return false;
        if (dependency.parse && this.parsed(dependency.path) !== dependency.parse) return false;
      }
    }
    entry.checkedAt = cache.run;
    return true;
  }

  /** Tells the files an analysis read to the enclosing analyses and the file phase, once per access scope. */
  private noteReads(entry: AnalysisEntry): void {
    if (entry.notedIn === this.accessScope) return;
    entry.notedIn = this.accessScope;
    for (const dependency of entry.dependencies) this.noteAccess(dependency.path);
  }

  /**
   * Says that whoever is told of file reads changed (the engine starts or ends a file's phase):
   * analyses used after this tell their reads again. Not while an analysis is being computed.
   */
  newAccessScope(): void {
    this.accessScope = {};
    this.outerScopes.fill(this.accessScope);
  }

  /**
   * `work()` with its file reads kept from the engine (told to the analyses being remembered
   * alone), in an access scope of its own, so an analysis it used tells its reads again after.
   */
  private unheard<V>(work: () => V): V {
    const scope = this.accessScope;
    this.accessScope = {};
    this.unheardDepth++;
    try {
      return work();
    } finally {
      this.unheardDepth--;
      this.accessScope = scope;
    }
  }

  /** False inside `unheard`: the engine does not count reads of the bundle then either. */
  get readsHeard(): boolean {
    return !this.unheardDepth;
  }

  /** A use of a file's content: for the engine's dependency tracking and the analyses being remembered. */
  private noteAccess(path: string): void {
    if (!this.unheardDepth) this.options.onAccess?.(path);
    for (const read of this.recorders) read.add(path);
  }

  private hashOf(path: string): string {
    const known = this.options.contentHash?.(path);
    if (known !== undefined) return known;
    const bytes = this.bundle.has(path) ? this.bundle.read(path) : this.options.externalListing?.path === path ? this.options.externalListing.bytes : undefined;
    return bytes ? createHash('sha1').update(bytes).digest('hex') : 'absent';
  }

  /**
   * What path resolution and the project model depend on: the app's style and roots, the bundle's
   * paths, and the content of the files the model was built from (app, page and component
   * configs, the listing). Equal keys, equal pages, components, configs and resolutions.
   */
  get modelKey(): string {
    this.modelKeyCache ??= createHash('sha1')
      .update(JSON.stringify([this.style, this.appRoot, this.projectRoot, this.appConfigPath, [...this.modelPaths].sort().map((path) => `${path}=${this.hashOf(path)}`)]))
      .update(this.paths.join('\0'))
      .digest('hex');
    return this.modelKeyCache;
  }

  bnApi(file: JsFile): BnApiIndex | undefined {
    if (!this.bnIndexes.has(file)) {
      const scope = this.scopeOf(file);
      let index: BnApiIndex | undefined;
      if (scope) {
        // Which bindings are the API is remembered across a session's runs (a computed key may fold a
        // constant from another file); the index itself asks this run's evaluator.
        const bindings = this.remember('bn-bindings', file, () => (index = new BnApiIndex(file, scope, this.evaluator)).bindings);
        index ??= new BnApiIndex(file, scope, this.evaluator, bindings);
      }
      this.bnIndexes.set(file, index);
    }
    return this.bnIndexes.get(file);
  }

  /** Whether the app can load the file when it runs (see reachable.ts); computed once, on first use. */
  isReachable(path: string): boolean {
    this.reachability ??= new Reachability(this);
    return this.reachability.has(path);
  }

  /**
   * The same object in two runs of a session (with the same `modelKey`) only when `isReachable`
   * answers the same for every path: what an analysis kept across runs checks reachability with.
   */
  get reachabilityVersion(): object {
    this.reachability ??= new Reachability(this);
    return this.reachability.version;
  }

  /** The files of the component a config's `usingComponents` names (none for plugins and paths outside the bundle). */
  componentFiles(configPath: string, specifier: string): UnitFiles {
    const base = this.componentBase(configPath, specifier);
    return base ? this.unitFiles(base.slice(this.appRoot.length)) : {};
  }

  /** Resolves an import/require specifier to a bundle path; undefined for packages outside the bundle. */
  resolveImport(fromPath: string, specifier: string): string | undefined {
    let base: string | undefined;
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') base = joinPath(dirnameOf(fromPath), specifier);
    else if (specifier.startsWith('/')) base = joinPath(this.appRoot.replace(/\/$/, ''), specifier.slice(1));
    else base = joinPath(this.appRoot.replace(/\/$/, ''), `miniprogram_npm/${specifier}`);
    if (base === undefined) return undefined;
    for (const extension of IMPORT_EXTENSIONS) if (this.bundle.has(base + extension)) return base + extension;
    return undefined;
  }

  /**
   * A navigation URL (`/pages/a/index?x=1`, or relative to the current page) as a page route.
   * Undefined when the URL is not a page path (web URL, plugin, or leaves the app).
   */
  routeOfUrl(url: string, fromPath: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
    const path = url.replace(/[?#].*$/, '');
    if (!path) return undefined;
    const fromRoute = fromPath.startsWith(this.appRoot) ? fromPath.slice(this.appRoot.length) : fromPath;
    const reactPrefix = this.style === 'react' && fromRoute.startsWith('src/') ? 'src/' : '';
    const resolved = path.startsWith('/') ? joinPath('', path) : joinPath(dirnameOf(fromRoute.slice(reactPrefix.length)), path);
    return resolved === undefined ? undefined : normalizeRoute(resolved);
  }

  /** The page's own json (classic) or `index.config.ts` (React). */
  pageConfig(page: Page): ConfigSource | undefined {
    const path = page.files.config;
    if (!path) return undefined;
    if (!this.pageConfigs.has(path)) this.pageConfigs.set(path, this.configSourceOf(path));
    return this.pageConfigs.get(path);
  }

  /** The object passed to `App({...})` in app.js, for `getApp().globalData`. */
  appObject(): { file: JsFile; object: ObjectExpression } | undefined {
    if (this.appObjectCache === undefined) {
      this.appObjectCache = null;
      for (const extension of SCRIPT_EXTENSIONS) {
        const file = this.jsFile(`${this.appRoot}app${extension}`);
        if (!file?.ast) continue;
        walkJs(file.ast, {
          enter: (node) => {
            if (this.appObjectCache) return false;
            if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'App' && node.arguments[0]?.type === 'ObjectExpression') {
              this.appObjectCache = { file, object: node.arguments[0] };
              return false;
            }
          },
        });
        if (this.appObjectCache) break;
      }
    }
    if (this.appObjectCache) this.noteAccess(this.appObjectCache.file.path);
    return this.appObjectCache ?? undefined;
  }

  private readAppConfig(): ConfigSource | undefined {
    if (!this.bundle.has(this.appConfigPath)) return undefined;
    return this.configSourceOf(this.appConfigPath);
  }

  /** A json config, or a JS/TS module whose default export is a static object. */
  private configSourceOf(path: string): ConfigSource | undefined {
    const parsed = this.parsed(path);
    if (parsed?.kind === 'json') return jsonConfigSource(parsed);
    if (parsed?.kind !== 'js' || !parsed.ast) return undefined;
    const exported = this.scopeOf(parsed)?.exports.default;
    let object: ObjectExpression | undefined;
    let value: StaticValue = UNKNOWN;
    if (exported) {
      value = this.evaluator.evaluate(exported, parsed);
      object = findObject(exported, parsed, this);
    }
    const record = value && value !== UNKNOWN && typeof value === 'object' && !Array.isArray(value) ? (stripUnknown(value) as Record<string, unknown>) : undefined;
    return jsConfigSource(parsed, object, record);
  }

  private collectPages(): void {
    const config = this.appConfig?.value;
    if (!config) return;
    const add = (route: unknown, declaredAt: Array<string | number>, subpackage?: string) => {
      if (typeof route !== 'string' || !route) return;
      const normalized = subpackage ? `${subpackage}/${normalizeRoute(route)}` : normalizeRoute(route);
      if (this.pageByRoute.has(normalized)) return;
      const page: Page = { route: normalized, subpackage, files: this.unitFiles(normalized), declaredAt };
      this.pages.push(page);
      this.pageByRoute.set(normalized, page);
    };
    if (Array.isArray(config.pages)) config.pages.forEach((route, index) => add(route, ['pages', index]));
    for (const key of ['subpackages', 'subPackages']) {
      const packages = config[key];
      if (!Array.isArray(packages)) continue;
      packages.forEach((pkg: unknown, packageIndex) => {
        const { root, pages } = (pkg ?? {}) as { root?: unknown; pages?: unknown };
        if (typeof root !== 'string' || !Array.isArray(pages)) return;
        pages.forEach((route, index) => add(route, [key, packageIndex, 'pages', index], normalizeRoute(root)));
      });
    }
  }

  /** Files of a page or component at `base` (route or component path, without extension). */
  private unitFiles(route: string): UnitFiles {
    const files: UnitFiles = {};
    if (this.style === 'react') {
      const base = `${this.appRoot}src/${route}`;
      files.script = REACT_SCRIPT_EXTENSIONS.map((extension) => base + extension).find((path) => this.bundle.has(path));
      files.config = ['.config.ts', '.config.js'].map((extension) => base + extension).find((path) => this.bundle.has(path));
      return files;
    }
    const base = `${this.appRoot}${route}`;
    files.script = SCRIPT_EXTENSIONS.map((extension) => base + extension).find((path) => this.bundle.has(path));
    if (this.bundle.has(`${base}.bxml`)) files.template = `${base}.bxml`;
    if (this.bundle.has(`${base}.json`)) files.config = `${base}.json`;
    if (this.bundle.has(`${base}.bxss`)) files.style = `${base}.bxss`;
    return files;
  }

  private collectComponents(): void {
    if (this.style !== 'classic') return;
    const queue: string[] = [this.appConfigPath, ...this.pages.map((page) => page.files.config).filter((path): path is string => !!path)];
    const seen = new Set<string>();
    while (queue.length) {
      const configPath = queue.shift()!;
      if (seen.has(configPath)) continue;
      seen.add(configPath);
      const value = this.jsonFile(configPath)?.value as { usingComponents?: unknown } | undefined;
      const using = value?.usingComponents;
      if (!using || typeof using !== 'object' || Array.isArray(using)) continue;
      for (const [tag, specifier] of Object.entries(using as Record<string, unknown>)) {
        if (typeof specifier !== 'string') continue;
        const base = this.componentBase(configPath, specifier);
        const files = base ? this.unitFiles(base.slice(this.appRoot.length)) : {};
        this.componentUses.push({ tag, specifier, from: configPath, base, files });
        if (files.config) queue.push(files.config);
      }
    }
  }

  private componentBase(configPath: string, specifier: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined; // plugin://…
    const root = this.appRoot.replace(/\/$/, '');
    let base: string | undefined;
    if (specifier.startsWith('/')) base = joinPath(root, specifier.slice(1));
    else if (specifier.startsWith('.')) base = joinPath(dirnameOf(configPath), specifier);
    else {
      // A bare path is tried beside the config first, then as an npm component (as WeChat resolves it).
      const beside = joinPath(dirnameOf(configPath), specifier);
      if (beside && (this.bundle.has(`${beside}.json`) || this.bundle.has(`${beside}.bxml`) || this.bundle.has(`${beside}/index.json`))) {
        return this.bundle.has(`${beside}.json`) || this.bundle.has(`${beside}.bxml`) ? beside : `${beside}/index`;
      }
      base = joinPath(root, `miniprogram_npm/${specifier}`);
      // A package name alone means its main component, `index`.
      if (base && !this.bundle.has(`${base}.json`) && this.bundle.has(`${base}/index.json`)) base = `${base}/index`;
    }
    if (base && !this.bundle.has(`${base}.json`) && !this.bundle.has(`${base}.bxml`) && this.bundle.has(`${base}/index.bxml`)) base = `${base}/index`;
    return base;
  }

  private readListingSource(): ListingSource | undefined {
    const external = this.options.externalListing;
    // Beside the project (or the app) in the folder given, or inside the single folder a zip wraps it in.
    const candidates = ['listing.json', `${this.projectRoot}listing.json`, `${this.appRoot}listing.json`];
    const path = external?.path ?? candidates.find((candidate) => this.bundle.has(candidate));
    if (!path) return undefined;
    const json = this.jsonFile(path);
    if (!json) return undefined;
    const resolveLogo = external?.resolveLogo
      ?? ((logo: string) => joinPath(dirnameOf(path), logo) ?? (this.bundle.kind === 'directory' ? resolvePath(this.bundle.source, dirnameOf(path), logo) : undefined));
    return readListing(json, resolveLogo);
  }
}

/** `/pages/a/index.bxml` → `pages/a/index`. */
export function normalizeRoute(route: string): string {
  return route.replace(/\/{2,}/g, '/').replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.(bxml|js|ts|tsx|jsx|json)$/, '');
}

interface Detected {
  style: AppStyle;
  projectRoot: string;
  appRoot: string;
  configPath: string;
}

/**
 * Finds the app in the bundle: `project.config.json`'s miniprogramRoot when it holds an app,
 * else `app.json`, else React sources (`src/app.config.*`), else the same inside a single
 * top-level folder (how zips of a folder are usually made).
 */
function detectApp(bundle: Bundle, prefix = ''): Detected {
  const projectConfig = `${prefix}project.config.json`;
  if (bundle.has(projectConfig)) {
    const root = miniprogramRootOf(bundle.read(projectConfig));
    if (root !== undefined) {
      const appRoot = joinPath(prefix.replace(/\/$/, ''), root);
      if (appRoot !== undefined) {
        const withSlash = appRoot ? `${appRoot}/` : '';
        if (bundle.has(`${withSlash}app.json`)) return { style: 'classic', projectRoot: prefix, appRoot: withSlash, configPath: `${withSlash}app.json` };
      }
    }
  }
  if (bundle.has(`${prefix}app.json`)) return { style: 'classic', projectRoot: prefix, appRoot: prefix, configPath: `${prefix}app.json` };
  for (const name of ['src/app.config.ts', 'src/app.config.js']) {
    if (bundle.has(prefix + name)) return { style: 'react', projectRoot: prefix, appRoot: prefix, configPath: prefix + name };
  }
  if (!prefix) {
    const tops = new Set<string>();
    for (const path of bundle.entries.keys()) {
      const slash = path.indexOf('/');
      tops.add(slash < 0 ? path : `${path.slice(0, slash)}/`);
    }
    const folders = [...tops].filter((top) => top.endsWith('/'));
    const looseFiles = [...tops].filter((top) => !top.endsWith('/') && top !== 'listing.json');
    if (folders.length === 1 && !looseFiles.length) {
      const inner = detectApp(bundle, folders[0]);
      if (bundle.has(inner.configPath)) return inner;
    }
  }
  // No app anywhere: the missing app config is looked for where project.config.json's miniprogramRoot says it is.
  const root = bundle.has(projectConfig) ? miniprogramRootOf(bundle.read(projectConfig)) : undefined;
  const named = root === undefined ? undefined : joinPath(prefix.replace(/\/$/, ''), root);
  if (named) return { style: 'classic', projectRoot: prefix, appRoot: `${named}/`, configPath: `${named}/app.json` };
  return { style: 'classic', projectRoot: prefix, appRoot: prefix, configPath: `${prefix}app.json` };
}

function miniprogramRootOf(bytes: Buffer): string | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { miniprogramRoot?: unknown };
    return typeof value.miniprogramRoot === 'string' ? value.miniprogramRoot : undefined;
  } catch {
    return undefined;
  }
}

function findObject(node: import('@babel/types').Node, file: JsFile, project: Project, depth = 0): ObjectExpression | undefined {
  if (depth > 8) return undefined;
  if (node.type === 'ObjectExpression') return node;
  if (node.type === 'CallExpression' && node.arguments[0]) return findObject(node.arguments[0], file, project, depth + 1);
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return findObject(node.expression, file, project, depth + 1);
  if (node.type === 'Identifier') {
    const binding = project.scopeOf(file)?.lookup(node.name, node.start ?? 0);
    if (binding?.source.kind === 'init') return findObject(binding.source.init, file, project, depth + 1);
  }
  return undefined;
}

/** Drops UNKNOWN members so a partly static config still reads as plain data. */
function stripUnknown(value: StaticValue): unknown {
  // An array with an unknown item is left out whole: dropping the item would shift the indexes
  // that findings are located by.
  if (Array.isArray(value)) return value.includes(UNKNOWN) ? undefined : value.map(stripUnknown);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const stripped = item === UNKNOWN ? undefined : stripUnknown(item);
      if (stripped !== undefined) out[key] = stripped;
    }
    return out;
  }
  return value;
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
