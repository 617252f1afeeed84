import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Bundle, BundleIssue, BundleLimits } from '../bundle/bundle.js';
import { DEFAULT_LIMITS } from '../bundle/bundle.js';
import { InputError, openBundle } from '../bundle/open.js';
import { activateRules, type Config } from '../config/config.js';
import { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, compareFindings, summarize, type Finding, type Summary } from '../findings.js';
import { Project, type AppStyle, type ParseCache } from '../project/project.js';
import type { AnalysisCache } from '../project/analysis-cache.js';
import type { AnyRule } from '../rules/rule.js';
import { applySuppressions } from './suppressions.js';
import { directivesOf, type Directive } from './directives.js';
import { indexLookupOf, type FileResult, type ResultCache } from './file-result.js';
import { Run, toolFinding } from './run.js';
import { assignFingerprints } from '../fingerprint.js';
import { applySeverityPolicy } from './policy.js';
import type { ReviewHistory } from '../history.js';

export interface LintOptions {
  rules: readonly AnyRule[];
  config?: Config;
  /** listing.json outside the bundle. */
  listingPath?: string;
  /**
   * The listing as bytes, for callers that keep it elsewhere (the portal's app settings): `path`
   * names it in findings; the logo resolves through `resolveLogo` (default: a bundle path).
   */
  listing?: { path: string; bytes: Uint8Array; resolveLogo?(logo: string): string | undefined };
  parseCache?: ParseCache;
  /** What the review portal knows beyond the bundle (earlier versions, other apps), for the rules that compare with them. */
  history?: ReviewHistory;
  /**
   * `'files'`: only the rules whose findings on a file depend on that file (no project or findings
   * hook), for a quick first look at a few files (an editor opening a large project); default `'project'`.
   */
  scope?: 'project' | 'files';
  /** Per-file results kept between runs (a session's memory, or `--cache` on disk). */
  resultCache?: ResultCache;
  /** Analyses kept between runs (a session's): flow and handler graphs, reachability, method candidates. */
  analysisCache?: AnalysisCache;
  onProgress?(done: number, total: number): void;
  /** Config warnings (e.g. an attempt to turn off a hard rule). */
  onWarning?(message: string): void;
  /**
   * For tests: a project hook of an AST-reading rule that reads a tree of a kind its
   * `meta.treesRead` leaves out (released after the file phase) fails instead of parsing it again.
   */
  strictTrees?: boolean;
}

export interface LintResult {
  /** `listing`: the bundle path of the listing read, when there was one. */
  bundle: { root: string; style: AppStyle; files: number; listing?: string };
  findings: Finding[];
  summary: Summary;
}

export { BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID };

/** Bumped when the shape or meaning of cached per-file results changes. */
const RESULT_FORMAT = 1;

/**
 * The pipeline, as phases: open the bundle → model the project → activate rules → the file phase
 * (each file parsed and walked once by every rule's visitors, or its results taken from the cache;
 * its AST released after) → the project phase (project hooks over the model and the recorded
 * facts) → suppressions → sorted, fingerprinted findings.
 */
export async function lint(input: string | Bundle, options: LintOptions): Promise<LintResult> {
  const config = options.config ?? {};
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const raw = typeof input === 'string' ? await openBundle(input, { limits }) : input;
  const active = activateRules(options.rules, config, options.onWarning ?? (() => {}));
  const hashes = new ContentHashes(raw);
  let run: Run | undefined;
  // Every read of another file's content while a file's phase runs is a dependency of its result.
  const hashOf = (path: string) => hashes.of(path);
  const touch = (path: string) => run?.noteRead(path, hashOf);
  const bundle = trackReads(raw, touch);
  const externalListing = options.listing
    ? { resolveLogo: (logo: string) => logo, ...options.listing }
    : options.listingPath ? readExternalListing(options.listingPath, bundle) : undefined;
  if (externalListing) hashes.external(externalListing.path, externalListing.bytes);
  const maxParseBytes = config.limits?.maxParseBytes ?? raw.limits.maxParseBytes;
  const project = new Project(bundle, { externalListing, parseCache: options.parseCache, onAccess: touch, onIndexLookup: (kind, key, answerHash) => run?.noteIndexLookup(kind, key, answerHash), contentHash: (path) => hashes.of(path), analysisCache: options.analysisCache, maxParseBytes, ignorePatterns: config.ignorePatterns, onReparse: (path) => run?.reparsing(path) });
  run = new Run(project, active, options.history, options.scope, options.strictTrees);
  const cache = options.resultCache;
  const runKey = cache ? runKeyOf(run, project, limits) : '';
  const inputsKey = cache?.getRun ? inputsKeyOf(runKey, raw, project, hashes, options.history) : undefined;
  const unchanged = inputsKey ? cache!.getRun!(inputsKey) : undefined;
  // The summary is counted again: a run stored by a build that counted differently keeps no stale exit code.
  if (unchanged) return { ...unchanged, bundle: { ...unchanged.bundle, root: raw.source }, summary: summarize(unchanged.findings) };

  const results = walkFiles(run, project, hashes, options, runKey);
  await run.runProjectHooks();

  const bundleFindings = reportBundleIssues(raw.issues);
  const fileFindings = [...results.values()].flatMap((result) => result.findings);
  const directives = (path: string): readonly Directive[] => {
    const result = results.get(path);
    if (result) return result.directives;
    if (!raw.has(path) || !project.textOf(path)?.text.includes('bmplint-')) return [];
    const file = project.parsed(path);
    return file ? directivesOf(file) : [];
  };
  const metas = new Map(active.map(({ rule }) => [rule.meta.id, rule.meta]));
  // Copies: the policy and the fingerprints set fields, and file results may be cached objects.
  const suppressed = applySuppressions([...bundleFindings, ...fileFindings, ...run.findings], directives, active, { rules: options.rules, config, paths: config.linterOptions?.reportUnusedDisableDirectives ? directivePaths(project) : undefined }).map((finding) => ({ ...finding }));
  const findings = applySeverityPolicy(suppressed, project, (id) => metas.get(id)).sort(compareFindings);
  const subjects = new Map(active.map(({ rule }) => [rule.meta.id, rule.meta.subject]));
  const fingerprint = (list: Finding[]) => assignFingerprints(list, (ruleId) => subjects.get(ruleId), (path, line) => lineTextOf(project, path, line), (path) => project.textOf(path));
  fingerprint(findings);
  // Checks of the run as a whole see the final findings; theirs go through the same policy.
  const late = run.runFindingsHooks(findings);
  if (late.length) {
    const settled = applySeverityPolicy(late, project, (id) => metas.get(id));
    fingerprint(settled);
    findings.push(...settled);
    findings.sort(compareFindings);
  }
  const result: LintResult = {
    bundle: { root: raw.source, style: project.style, files: raw.entries.size, ...(project.listing ? { listing: project.listing.json.path } : {}) },
    findings,
    summary: summarize(findings),
  };
  if (inputsKey) cache!.setRun!(inputsKey, result);
  return result;
}

/**
 * The file phase. A file's result is reused from the cache when its content, the rule set and
 * options, the project model and every file it read are unchanged; rules whose visitors keep state
 * for an AST-reading project hook still walk it. ASTs are released after each file unless a
 * project hook may read trees of the file's kind. A session's re-run with the same run key starts
 * from the last run's file phase and looks only at the files changed since and the files whose
 * results read them.
 */
function walkFiles(run: Run, project: Project, hashes: ContentHashes, options: LintOptions, runKey: string): Map<string, FileResult> {
  const phase = (path: string) => filePhase(path, run, project, hashes, options, runKey);
  const keep = !!(options.resultCache && options.analysisCache);
  const previous = keep ? project.carried<KeptFilePhase>(KEPT_FILE_PHASE) : undefined;
  const changed = previous?.runKey === runKey && !run.walksEveryFile ? project.changedSince(previous.run) : undefined;
  let kept: KeptFilePhase;
  if (previous && changed) {
    // The last run's results are updated in place, not copied (thousands of files, one changed):
    // dropped meanwhile, so a walk that throws leaves the next run a full walk.
    project.carry(KEPT_FILE_PHASE, undefined);
    kept = { ...previous, run: project.run };
    const results = kept.results;
    // Any changed file may have gained or lost a key looked up, so the files whose results made
    // lookups are checked too, first: bringing an index up to date parses the changed files, whose
    // walks then reuse those parses (their trees are released after the walk).
    const again = new Set<string>(changed.size ? previous.indexReaders : []);
    for (const path of changed) {
      again.add(path);
      for (const reader of previous.readers.get(path) ?? []) again.add(reader);
    }
    const replaced = new Map<string, Record<string, unknown[]> | undefined>();
    let added = false;
    for (const path of again) {
      const before = results.get(path);
      // A file that only read a changed one keeps its result if what it read is the same.
      const result = !changed.has(path) && before && readsHold(before, project, hashes, options.analysisCache) ? before : project.bundle.has(path) ? phase(path) : undefined;
      if (result === before) continue;
      if (result) {
        added ||= !before;
        results.set(path, result);
        addReaders(kept, path, result);
      } else results.delete(path);
      replaced.set(path, result?.facts);
    }
    // A file new to the results takes its place in walk order.
    if (added) kept.results = new Map(project.paths.filter((path) => results.has(path)).map((path) => [path, results.get(path)!]));
    run.reuseFacts(previous.facts, replaced, project.paths);
    options.onProgress?.(project.paths.length, project.paths.length);
  } else {
    const results = new Map<string, FileResult>();
    const paths = project.paths;
    paths.forEach((path, index) => {
      const result = phase(path);
      if (!result) return;
      results.set(path, result);
      run.addFacts(path, result.facts);
      options.onProgress?.(index + 1, paths.length);
    });
    kept = { runKey, run: project.run, results, facts: new Map(), readers: new Map(), indexReaders: new Set() };
    if (keep) for (const [path, result] of results) addReaders(kept, path, result);
  }
  // Trees parsed while another file was walked (the stylesheets a template reads) go too.
  project.releaseExcept(run.keptTrees);
  if (keep) project.carry(KEPT_FILE_PHASE, { ...kept, facts: run.allFacts });
  return kept.results;
}

/** A run's file phase, for a session's next run with the same run key. */
interface KeptFilePhase {
  runKey: string;
  /** The session's run it is the file phase of (`Project.run`). */
  run: number;
  results: Map<string, FileResult>;
  facts: ReadonlyMap<string, ReadonlyMap<string, unknown[]>>;
  /** For each file another file's phase read, the files whose results read it (may hold more than that). */
  readers: Map<string, Set<string>>;
  /** The files whose results looked a key up in a project index (may hold more than that). */
  indexReaders: Set<string>;
}

const KEPT_FILE_PHASE = 'file-phase';

function addReaders({ readers, indexReaders }: KeptFilePhase, path: string, result: FileResult): void {
  for (const dep in result.deps) {
    if (indexLookupOf(dep)) {
      indexReaders.add(path);
      continue;
    }
    const set = readers.get(dep);
    if (set) set.add(path);
    else readers.set(dep, new Set([path]));
  }
}

/** One file's phase: its result, from the cache or from a walk; undefined for a file no rule looks at. */
function filePhase(path: string, run: Run, project: Project, hashes: ContentHashes, options: LintOptions, runKey: string): FileResult | undefined {
  const cache = options.resultCache;
  const kind = project.kindOf(path);
  if (kind === 'image' || kind === 'other' || project.isIgnored(path)) return undefined;
  const bytes = () => hashes.bytes(path);
  if (!Run.wants(run.all, kind, bytes)) return undefined;
  // The run key and the content hash are fixed-length hex: the key needs no hashing of its own.
  const key = cache ? `${runKey}:${path}:${hashes.of(path)}` : undefined;
  let result = key ? cache!.get(key) : undefined;
  if (result && !readsHold(result, project, hashes, options.analysisCache)) result = undefined;
  if (result) {
    if (Run.wants(run.uncached, kind, bytes)) {
      const file = project.parsed(path);
      if (file) run.walkFile(file, run.uncached, undefined);
    }
  } else {
    const file = project.parsed(path);
    if (!file) return undefined;
    result = { findings: [], facts: {}, directives: [], deps: {} };
    run.walkFile(file, run.all, result);
    if (key) cache!.set(key, result);
    options.analysisCache?.markChecked(result);
  }
  if (!run.keptTrees.has(kind)) project.release(path);
  return result;
}

/**
 * Whether every other file a cached result read still has the content it read, and every lookup
 * it made in a project index still has the same answer. When the session says which files changed
 * since the result was last found to hold, only those are looked up, and its lookups only if a
 * file changed (any file may gain a key). A lookup in an index not yet brought up to date in this
 * run (no walk has asked for it yet) cannot be checked: the result does not hold.
 */
function readsHold(result: FileResult, project: Project, hashes: ContentHashes, runs: AnalysisCache | undefined): boolean {
  const changed = runs?.changedSince(runs.lastChecked(result));
  const deps = result.deps;
  if (changed) {
    for (const path of changed) if (Object.hasOwn(deps, path) && hashes.of(path) !== deps[path]) return false;
    if (changed.size) {
      for (const dep in deps) if (!lookupHolds(dep, deps[dep], project)) return false;
    }
  } else {
    for (const dep in deps) if (!lookupHolds(dep, deps[dep], project) || (dep.charCodeAt(0) !== 0 && hashes.of(dep) !== deps[dep])) return false;
  }
  runs?.markChecked(result);
  return true;
}

/** Whether a `deps` entry, if it is an index lookup, still has the same answer (true for a file's). */
function lookupHolds(dep: string, hash: string, project: Project): boolean {
  const lookup = indexLookupOf(dep);
  return !lookup || project.indexAnswerHash(lookup.kind, lookup.key) === hash;
}

/**
 * What every cached result of a run depends on: result format, rules and options, limits, and the
 * project model (`Project.modelKey`: the bundle's paths, and the files the model was built from
 * with their content; a session's re-run reuses it with the model).
 */
function runKeyOf(run: Run, project: Project, limits: BundleLimits): string {
  return sha1(JSON.stringify([RESULT_FORMAT, run.ruleSignature, limits, project.modelKey]));
}

/**
 * Every input of a run: the run key, every file's content, the bundle's issues, the review history,
 * and the logo when it lies outside the bundle (read from disk by the logo rules).
 */
function inputsKeyOf(runKey: string, bundle: Bundle, project: Project, hashes: ContentHashes, history: ReviewHistory | undefined): string {
  const hash = createHash('sha1').update(runKey).update(JSON.stringify(bundle.issues)).update(JSON.stringify(history ?? null));
  for (const path of project.paths.filter((candidate) => !project.isIgnored(candidate))) hash.update(`\0${path}\0${hashes.of(path)}`);
  const listing = project.listing;
  if (listing) hash.update(`\0listing\0${listing.file}\0${hashes.of(listing.file)}`);
  const logo = listing?.logoPath;
  if (logo && isAbsolute(logo)) {
    let bytes: Uint8Array | string = 'absent';
    try {
      bytes = readFileSync(logo);
    } catch {
      // a missing logo is an input too
    }
    hash.update(`\0logo\0${logo}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** Content hashes of bundle files (and the external listing), each computed once per run. */
class ContentHashes {
  private readonly known = new Map<string, string>();
  constructor(private readonly bundle: Bundle) {}

  external(path: string, bytes: Uint8Array): void {
    if (!this.bundle.has(path)) this.known.set(path, sha1(bytes));
  }

  bytes(path: string): Uint8Array {
    return this.bundle.read(path);
  }

  of(path: string): string {
    let hash = this.known.get(path);
    if (hash === undefined) {
      hash = !this.bundle.has(path) ? 'absent' : this.bundle.hashOf ? this.bundle.hashOf(path) : sha1(this.bundle.read(path));
      this.known.set(path, hash);
    }
    return hash;
  }
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The same bundle, calling `onRead` before each read. */
function trackReads(bundle: Bundle, onRead: (path: string) => void): Bundle {
  return {
    kind: bundle.kind,
    source: bundle.source,
    entries: bundle.entries,
    issues: bundle.issues,
    limits: bundle.limits,
    has: (path) => bundle.has(path),
    read: (path) => {
      onRead(path);
      return bundle.read(path);
    },
    ...(bundle.hashOf ? { hashOf: (path: string) => bundle.hashOf!(path) } : {}),
  };
}

function lineTextOf(project: Project, path: string, line: number): string {
  const file = project.textOf(path);
  if (!file) return '';
  const start = file.lines.offsetAt({ line, column: 1 });
  const end = file.text.indexOf('\n', start);
  return file.text.slice(start, end < 0 ? undefined : end);
}

function readExternalListing(listingPath: string, bundle: Bundle) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(listingPath);
  } catch (error) {
    throw new InputError(`cannot read listing ${listingPath}: ${(error as Error).message}`);
  }
  const absolute = resolve(listingPath);
  const root = bundle.kind === 'directory' ? resolve(bundle.source) : dirname(resolve(bundle.source));
  const display = relative(root, absolute).split(sep).join('/');
  return {
    path: display,
    bytes,
    // The logo is a bundle path when it lies inside a directory bundle, else a file path on disk.
    resolveLogo: (logo: string) => {
      const file = resolve(dirname(absolute), logo);
      if (bundle.kind !== 'directory') return file;
      const inside = relative(root, file).split(sep).join('/');
      return inside.startsWith('../') || isAbsolute(inside) ? file : inside;
    },
  };
}

/** Files a suppression comment can sit in. */
function directivePaths(project: Project): string[] {
  return project.paths.filter((path) => {
    const kind = project.kindOf(path);
    return kind === 'js' || kind === 'bxml' || kind === 'bxss';
  });
}

function reportBundleIssues(issues: readonly BundleIssue[]): Finding[] {
  const unsafe = new Set(['unsafe-path', 'link', 'special-file', 'duplicate', 'corrupt-archive']);
  return issues.map((issue) => toolFinding(BUNDLE_RULE_ID, unsafe.has(issue.code) ? 'error' : 'warning', issue.path, `${describeIssue(issue)}: ${issue.detail}`, issue.code));
}

function describeIssue(issue: BundleIssue): string {
  switch (issue.code) {
    case 'unsafe-path': return 'entry refused: its path is absolute or leaves the bundle';
    case 'link': return 'entry refused: it is a link';
    case 'special-file': return 'entry refused: not a regular file';
    case 'duplicate': return 'entry refused: duplicate path';
    case 'file-too-large': return 'file not checked: too large';
    case 'too-many-files': return 'bundle only partly checked: too many files';
    case 'total-too-large': return 'bundle only partly checked: too large';
    case 'compression-ratio': return 'entry refused: suspicious compression ratio (zip bomb)';
    case 'unreadable': return 'entry could not be read';
    case 'corrupt-archive': return 'archive is corrupt';
  }
}
