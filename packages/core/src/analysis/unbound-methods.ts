import type { Function as BabelFunction } from '@babel/types';
import type { Project, UnitFiles } from '../project/project.js';
import { fileKindOf, type JsFile } from '../parse/source-file.js';
import { COMPONENT_LIFECYCLE, OTHER_HOOKS, PAGE_LIFECYCLE } from './flow.js';
import { scriptSpecifiers } from '../project/reachable.js';
import { behaviorMethods, handlerGraph } from './handlers.js';
import { scriptMentions, templateMentions } from './mentions.js';

/** A page or component method that nothing in the app can call: no binding, no call, no mention. */
export interface UnboundMethod {
  name: string;
  /** 1-based lines of the method's function. */
  startLine: number;
  endLine: number;
}

/**
 * The unbound methods of the page, component and behavior scripts among `paths`. A method is
 * unbound when its unit registers with a plain object (no behaviors, mixins or spread), no template
 * binding of the unit is computed at run time (and it has a template), the script never indexes
 * `this[…]`, the method is not a lifecycle or framework hook (`on…`), and its name is used once in
 * all the app's reachable scripts and templates: where it is defined. Any other use (a binding,
 * `this.x()`, a callback, `selectComponent(…).x()`, a string that is the name) counts; a word in a
 * comment, a path, a class name or commented-out markup does not (mentions.ts). A behavior's
 * methods (`Behavior({ methods })`) are candidates when every script that loads the behavior is
 * such a page or component script (behaviors aside).
 */
export function unboundMethods(project: Project, paths: Iterable<string>): Map<string, UnboundMethod[]> {
  // The model's units by script: the same while the model is (a session's re-run after a script edit).
  const units = project.remember('unbound-methods/units', '', () => {
    const byScript = new Map<string, UnitFiles>();
    for (const page of project.pages) if (page.files.script) byScript.set(page.files.script, page.files);
    for (const use of project.componentUses) if (use.files.script) byScript.set(use.files.script, use.files);
    return byScript;
  });
  const candidates = new Map<string, UnboundMethod[]>();
  let loaders: Map<string, string[]> | undefined;
  const loadersOf = (path: string) => (loaders ??= loadersIndex(project)).get(path) ?? [];
  for (const path of new Set(paths)) {
    const files = units.get(path);
    const found = files
      ? project.remember('unbound-methods/candidates', `${files.template}|${path}`, () => candidatesOf(project, files))
      : behaviorCandidatesOf(project, path, units, loadersOf);
    if (found.length) candidates.set(path, found);
  }
  if (!candidates.size) return candidates;
  const names = new Set([...candidates.values()].flat().map((method) => method.name));
  const mentions = countMentions(project, names);
  for (const [path, methods] of candidates) {
    const unbound = methods.filter((method) => mentions.get(method.name) === 1);
    if (unbound.length) candidates.set(path, unbound);
    else candidates.delete(path);
  }
  return candidates;
}

function candidatesOf(project: Project, files: UnitFiles): UnboundMethod[] {
  const graph = handlerGraph(project, { files });
  if (!graph.complete || !bindsOnlyKnownHandlers(project, files)) return [];
  const out: UnboundMethod[] = [];
  for (const method of graph.methods.values()) {
    if (method.file === graph.script && !isHook(method.name)) out.push(lineSpan(method.name, method.fn, graph.script));
  }
  return out;
}

/**
 * Whether every method the unit can call is named in its text: it registers with an object literal,
 * has its template (without it, what the unit binds is unknown), binds no handler computed at run
 * time, and never indexes `this[…]`.
 */
function bindsOnlyKnownHandlers(project: Project, files: UnitFiles): boolean {
  const graph = handlerGraph(project, { files });
  if (!graph.script || !graph.template || !graph.registeredWith) return false;
  if (INDEXES_THIS.test(graph.script.text)) return false;
  // An empty binding (`bindtap=""`) binds nothing; any other binding without a known name may call any method.
  return !graph.bindings.some((binding) => !binding.handler && !binding.handlers.length && binding.attribute.value?.trim());
}

/** The methods of a behavior module (`Behavior({ methods })`) that only such page and component scripts load. */
function behaviorCandidatesOf(project: Project, path: string, units: Map<string, UnitFiles>, loadersOf: (path: string) => readonly string[]): UnboundMethod[] {
  if (fileKindOf(path) !== 'js' || !project.bundle.has(path)) return [];
  const text = project.bundle.read(path).toString('utf8');
  if (!text.includes('Behavior') || INDEXES_THIS.test(text)) return [];
  const script = project.jsFile(path);
  const methods = script && behaviorMethods(project, script);
  if (!script || !methods?.size) return [];
  let loaders = 0;
  for (const other of loadersOf(path)) {
    if (other === path) continue;
    // Loaded by another module (a behavior built from behaviors, a helper), or by a unit that may call anything.
    const files = units.get(other);
    if (!files || !bindsOnlyKnownHandlers(project, files)) return [];
    loaders++;
  }
  if (!loaders) return [];
  const out: UnboundMethod[] = [];
  for (const [name, method] of methods) if (method.file === script && !isHook(name)) out.push(lineSpan(name, method.fn, script));
  return out;
}

/** The reachable scripts that load each script (its resolved imports and requires), in bundle order: read once per call, not once per behavior module. */
function loadersIndex(project: Project): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const other of project.paths) {
    if (fileKindOf(other) !== 'js' || !project.isReachable(other)) continue;
    for (const specifier of scriptSpecifiers(project.bundle.read(other).toString('utf8'))) {
      const target = project.resolveImport(other, specifier);
      if (target === undefined) continue;
      let list = index.get(target);
      if (!list) index.set(target, (list = []));
      if (list[list.length - 1] !== other) list.push(other);
    }
  }
  return index;
}

function lineSpan(name: string, fn: BabelFunction, script: JsFile): UnboundMethod {
  return { name, startLine: script.lines.positionAt(fn.start ?? 0).line, endLine: script.lines.positionAt(fn.end ?? script.text.length).line };
}

const INDEXES_THIS = /\bthis\s*\[/;

function isHook(name: string): boolean {
  return PAGE_LIFECYCLE.has(name) || COMPONENT_LIFECYCLE.has(name) || OTHER_HOOKS.has(name) || /^on[A-Z]/.test(name);
}

/**
 * How often each name is used in the reachable scripts and templates (see mentions.ts): a word in
 * a comment, a path or a class name, or in commented-out markup, is not a use. A session's re-run
 * asking about the same names, with the same model and reachability, recounts only the files
 * changed since the last count.
 */
function countMentions(project: Project, names: Set<string>): Map<string, number> {
  const namesKey = [...names].sort().join(' ');
  const reachability = project.reachabilityVersion;
  const kept = project.carried<KeptMentions>(KEPT_MENTIONS);
  const changed = kept?.namesKey === namesKey && kept.modelKey === project.modelKey && kept.reachability === reachability ? (kept.run === project.run ? new Set<string>() : project.changedSince(kept.run)) : undefined;
  // Dropped while it is updated: a count that throws leaves a full count to the next run.
  project.carry(KEPT_MENTIONS, undefined);
  let counts: Map<string, number>;
  let byPath: Map<string, Array<[string, number]>>;
  const add = (path: string) => {
    const kind = fileKindOf(path);
    if ((kind !== 'js' && kind !== 'bxml') || !project.bundle.has(path) || !project.isReachable(path)) return;
    const found = mentionsIn(project.bundle.read(path), kind, names, namesKey);
    if (!found.length) return;
    byPath.set(path, found);
    for (const [name, count] of found) counts.set(name, (counts.get(name) ?? 0) + count);
  };
  if (kept && changed) {
    ({ counts, byPath } = kept);
    for (const path of changed) {
      for (const [name, count] of byPath.get(path) ?? []) counts.set(name, counts.get(name)! - count);
      byPath.delete(path);
      add(path);
    }
  } else {
    counts = new Map();
    byPath = new Map();
    for (const path of project.paths) add(path);
  }
  project.carry(KEPT_MENTIONS, { namesKey, modelKey: project.modelKey, reachability, run: project.run, counts, byPath } satisfies KeptMentions);
  return counts;
}

/** The last count of mentions (`countMentions`), for a session's next run. */
interface KeptMentions {
  namesKey: string;
  modelKey: string;
  /** `Project.reachabilityVersion` when counted: which files were counted. */
  reachability: object;
  run: number;
  /** The counts of the names, summed over `byPath`. */
  counts: Map<string, number>;
  /** The non-zero counts of each file counted, for taking a changed file's out again. */
  byPath: Map<string, Array<[string, number]>>;
}

const KEPT_MENTIONS = 'unbound-methods/mentions';

/** A file's counts of the names asked about so far, and the last set asked about with its non-zero counts. */
interface Mentions {
  counts: Map<string, number>;
  namesKey?: string;
  found?: Array<[string, number]>;
}

/** Keyed by the bytes object, which a session keeps while the file is unchanged: a re-run counts only in changed files. */
const mentionsByContent = new WeakMap<Uint8Array, Mentions>();

/** The names of `names` that appear as a word in `bytes`, with their counts (counted once per content and name). */
function mentionsIn(bytes: Buffer, kind: 'js' | 'bxml', names: Set<string>, namesKey: string): Array<[string, number]> {
  let mentions = mentionsByContent.get(bytes);
  if (!mentions) mentionsByContent.set(bytes, (mentions = { counts: new Map() }));
  if (mentions.namesKey === namesKey) return mentions.found!;
  const counts = mentions.counts;
  const missing = [...names].filter((name) => !counts.has(name));
  if (missing.length) {
    for (const name of missing) counts.set(name, 0);
    const count = (name: string) => counts.set(name, counts.get(name)! + 1);
    const text = bytes.toString('utf8');
    if (kind === 'js') scriptMentions(text, new Set(missing), count);
    else templateMentions(text, new Set(missing), count);
  }
  mentions.namesKey = namesKey;
  mentions.found = [...names].map((name): [string, number] => [name, counts.get(name)!]).filter(([, count]) => count > 0);
  return mentions.found;
}
