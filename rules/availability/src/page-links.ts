import { normalizeRoute, type BxmlAttribute, type Project } from '@bmplint/core';
import { tabRoutesOf } from './unknown-page/page-list.js';

/**
 * Which pages the app's own code opens, shared by the rules that weigh a finding by whether a user
 * can reach its page (availability/no-test-build, availability/navigation-target).
 *
 * Which pages the app's code names: a string that is a page's route, or the end of it in whole
 * segments (`/page/ad/card/card?x=1`, `../card/card`, `'card/card'` joined to a folder at run
 * time). This is how a page is linked, navigated to or listed in a menu that builds the URL
 * (`url="/pages/canvas/{{page}}/{{page}}"` with `pages: ['glsl-model']`). A tail that could name
 * many pages does not count: one of only `index` segments, or a single segment (but a page's whole
 * route, and the last folder of a `name/name` page, whose code often writes only `name`).
 */

/** Page routes by every tail of theirs that names them (from the page list, so a visitor may ask; kept while the model is). */
const tailsOf = (project: Project): ReadonlyMap<string, readonly string[]> => project.remember('availability/route-tails', '', () => routeTails(project));

function routeTails(project: Project): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const { route } of project.pages) {
    const segments = route.split('/');
    // From the last segment back: a tail longer than any path a string can name (PATH_LIKE) is
    // never looked up, so a hostile route of 100,000 segments costs no more than a short one.
    let key = '';
    for (let from = segments.length - 1; from >= 0; from--) {
      key = key ? `${segments[from]}/${key}` : segments[from];
      if (key.length > MAX_PATH) break;
      const tail = segments.slice(from);
      if (tail.every((segment) => segment === 'index')) continue;
      if (from > 0 && tail.length === 1 && segments[segments.length - 2] !== tail[0]) continue;
      const routes = map.get(key) ?? [];
      if (!routes.includes(route)) routes.push(route);
      map.set(key, routes);
    }
  }
  return map;
}

/** The longest path a string of the app's code is taken to name. */
const MAX_PATH = 300;
/** A string that can be a path: no spaces, not long, one word character at least. */
const PATH_LIKE = new RegExp(`^[\\w\\-./@%~]{1,${MAX_PATH}}$`);

/** The routes of the pages a string written in the app's code names (usually none). */
export function routesNamedBy(project: Project, text: string): readonly string[] {
  const path = text.trim().replace(/[?#].*$/s, '');
  if (!PATH_LIKE.test(path)) return [];
  const key = normalizeRoute(path.replace(/^(?:\.{1,2}\/)+/, ''));
  return key ? (tailsOf(project).get(key) ?? []) : [];
}

/** Quoted strings in the code of a template's `{{ }}` (`'/pages/a/' + name`). */
export function quotedStrings(code: string): string[] {
  const out: string[] = [];
  for (const match of code.matchAll(/(["'])((?:(?!\1)[^\\\n])*)\1/g)) out.push(match[2]);
  return out;
}

/** A page named by a file, recorded as a fact of that file (so the rule stays cacheable). */
export interface LinkFact {
  t: 'link';
  route: string;
}

/** Third-party code and the app's own unit tests: a page they name is not one the app opens. */
const VENDOR_OR_TEST = /(?:^|\/)(?:node_modules|miniprogram_npm|__tests__)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/i;

export function isVendorOrTest(path: string): boolean {
  return VENDOR_OR_TEST.test(path);
}

/**
 * Records, once per file, each page that a string of that file names. Call `text` for every JS
 * string (and template-literal quasi) and `attribute` for every template attribute.
 */
export function pageLinkRecorder(project: Project, record: (fact: LinkFact) => void) {
  let here: { path: string; routes: Set<string> } | undefined;
  const text = (path: string, value: string) => {
    for (const route of routesNamedBy(project, value)) {
      if (here?.path !== path) here = { path, routes: new Set() };
      if (here.routes.has(route)) continue;
      here.routes.add(route);
      record({ t: 'link', route });
    }
  };
  return {
    text,
    /** `url="/pages/a/index"`, `url="/pages/canvas/{{page}}/{{page}}"`, `url="{{'/pages/' + name}}"`. */
    attribute(path: string, attribute: BxmlAttribute) {
      if (attribute.value === null) return;
      for (const part of staticParts(attribute)) text(path, part.replace(/&amp;/g, '&'));
      for (const expression of attribute.expressions) for (const quoted of quotedStrings(expression.code)) text(path, quoted);
    },
  };
}

/**
 * The routes a user can reach in the app (`links`: bundle path → routes that file names): the home
 * page and the tab pages, every page that the app's shared code names (app.js, a component, a
 * module some file loads: it may run on any page), and, transitively, every page named by a page
 * already reached. A page named only by pages nothing opens is itself out of a user's and a
 * reviewer's way; so is one named only by third-party code (project.vendorOf: a UI kit's `'../tabs/tabs'`
 * is its own component's path) or by code nothing loads. Decided in the project hook, so the
 * per-file facts stay what the file's text says.
 */
export function openedRoutes(project: Project, links: Iterable<readonly [string, string]>): Set<string> {
  const pages = pageOfFile(project);
  const reached: string[] = [...tabRoutesOf(project)];
  if (project.entryRoute) reached.push(project.entryRoute);
  const namedByPage = new Map<string, string[]>();
  /** Whether a file that is not a page's opens what it names: asked once per file (vendor detection reads it). */
  const shared = new Map<string, boolean>();
  for (const [file, route] of links) {
    const page = pages.get(file);
    if (page === route) continue; // a page naming itself does not open it
    if (page !== undefined) {
      // A page of the app config is the app's own, whatever folder it is in.
      const named = namedByPage.get(page);
      if (named) named.push(route);
      else namedByPage.set(page, [route]);
      continue;
    }
    let opens = shared.get(file);
    if (opens === undefined) shared.set(file, (opens = project.isReachable(file) && !project.vendorOf(file)));
    if (opens) reached.push(route);
  }
  const opened = new Set<string>();
  for (let route = reached.pop(); route !== undefined; route = reached.pop()) {
    if (opened.has(route)) continue;
    opened.add(route);
    reached.push(...(namedByPage.get(route) ?? []));
  }
  return opened;
}

/** The text of an attribute's value outside its `{{ }}` bindings. */
export function staticParts(attribute: BxmlAttribute): string[] {
  const value = attribute.value ?? '';
  const parts: string[] = [];
  let at = 0;
  for (const expression of attribute.expressions) {
    parts.push(value.slice(at, expression.start - attribute.valueStart));
    at = expression.end - attribute.valueStart;
  }
  parts.push(value.slice(at));
  return parts.filter(Boolean);
}

/** The route of the page each page file belongs to (its script, template, config or style; kept while the model is). */
export function pageOfFile(project: Project): ReadonlyMap<string, string> {
  return project.remember('availability/page-of-file', '', () => {
    const map = new Map<string, string>();
    for (const page of project.pages) for (const path of Object.values(page.files)) if (path) map.set(path, page.route);
    return map;
  });
}
