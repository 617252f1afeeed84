import type { Project, UnitFiles } from '../project/project.js';
import { fileKindOf } from '../parse/source-file.js';
import { COMPONENT_LIFECYCLE, OTHER_HOOKS, PAGE_LIFECYCLE } from './flow.js';
import { handlerGraph } from './handlers.js';

/** A page or component method that nothing in the app can call: no binding, no call, no mention. */
export interface UnboundMethod {
  name: string;
  /** 1-based lines of the method's function. */
  startLine: number;
  endLine: number;
}

/**
 * The unbound methods of the page and component scripts among `paths`. A method is unbound when
 * its unit registers with a plain object (no behaviors, mixins or spread), no template binding of
 * the unit is computed at run time (and it has a template), the script never indexes `this[…]`, the method is not a
 * lifecycle or framework hook (`on…`), and its name appears once in all the app's reachable
 * scripts and templates: where it is defined. Any other mention (a binding, `this.x()`, a
 * callback, `selectComponent(…).x()`, a string) counts as a use.
 */
export function unboundMethods(project: Project, paths: Iterable<string>): Map<string, UnboundMethod[]> {
  const units = new Map<string, UnitFiles>();
  for (const page of project.pages) if (page.files.script) units.set(page.files.script, page.files);
  for (const use of project.componentUses) if (use.files.script) units.set(use.files.script, use.files);
  const candidates = new Map<string, UnboundMethod[]>();
  for (const path of new Set(paths)) {
    const files = units.get(path);
    if (!files) continue;
    const found = project.remember('unbound-methods/candidates', `${files.template}|${path}`, () => candidatesOf(project, files));
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
  const script = graph.script;
  // Without its template, what the unit binds is unknown.
  if (!script || !graph.template || !graph.registeredWith || !graph.complete) return [];
  if (/\bthis\s*\[/.test(script.text)) return [];
  if (graph.bindings.some((binding) => !binding.handler && !binding.handlers.length)) return [];
  const out: UnboundMethod[] = [];
  for (const method of graph.methods.values()) {
    if (method.file !== script || isHook(method.name)) continue;
    const { start, end } = method.fn;
    if (start == null || end == null) continue;
    out.push({ name: method.name, startLine: script.lines.positionAt(start).line, endLine: script.lines.positionAt(end).line });
  }
  return out;
}

function isHook(name: string): boolean {
  return PAGE_LIFECYCLE.has(name) || COMPONENT_LIFECYCLE.has(name) || OTHER_HOOKS.has(name) || /^on[A-Z]/.test(name);
}

/** How often each name appears as a word in the reachable scripts and templates. */
function countMentions(project: Project, names: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const namesKey = [...names].sort().join(' ');
  for (const path of project.paths) {
    const kind = fileKindOf(path);
    if ((kind !== 'js' && kind !== 'bxml') || !project.isReachable(path)) continue;
    for (const [name, count] of mentionsIn(project.bundle.read(path), names, namesKey)) counts.set(name, (counts.get(name) ?? 0) + count);
  }
  return counts;
}

/** A file's counts of the names asked about so far, and the last set asked about with its non-zero counts. */
interface Mentions {
  counts: Map<string, number>;
  namesKey?: string;
  found?: Array<[string, number]>;
}

/** Keyed by the bytes object, which a session keeps while the file is unchanged: a re-run counts only in changed files. */
const mentionsByContent = new WeakMap<Uint8Array, Mentions>();

/** The names of `names` that appear as a word in `bytes`, with their counts (counted once per content and name). */
function mentionsIn(bytes: Buffer, names: Set<string>, namesKey: string): Array<[string, number]> {
  let mentions = mentionsByContent.get(bytes);
  if (!mentions) mentionsByContent.set(bytes, (mentions = { counts: new Map() }));
  if (mentions.namesKey === namesKey) return mentions.found!;
  const counts = mentions.counts;
  const missing = [...names].filter((name) => !counts.has(name));
  if (missing.length) {
    for (const name of missing) counts.set(name, 0);
    const pattern = new RegExp(`(?<![\\w$])(?:${missing.map((name) => name.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`, 'g');
    for (const match of bytes.toString('utf8').matchAll(pattern)) counts.set(match[0], counts.get(match[0])! + 1);
  }
  mentions.namesKey = namesKey;
  mentions.found = [...names].map((name): [string, number] => [name, counts.get(name)!]).filter(([, count]) => count > 0);
  return mentions.found;
}
