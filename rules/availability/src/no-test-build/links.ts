import { normalizeRoute, type Project } from '@bmplint/core';

/**
 * Which pages the app's code names: a string that is a page's route, or the end of it in whole
 * segments (`/page/ad/card/card?x=1`, `../card/card`, `'card/card'` joined to a folder at run
 * time). This is how a page is linked, navigated to or listed in a menu that builds the URL
 * (`url="/pages/canvas/{{page}}/{{page}}"` with `pages: ['glsl-model']`). A tail that could name
 * many pages does not count: one of only `index` segments, or a single segment (but a page's whole
 * route, and the last folder of a `name/name` page, whose code often writes only `name`).
 */

const tails = new WeakMap<Project, ReadonlyMap<string, readonly string[]>>();

/** Page routes by every tail of theirs that names them (from the page list, so a visitor may ask). */
function tailsOf(project: Project): ReadonlyMap<string, readonly string[]> {
  let known = tails.get(project);
  if (!known) {
    const map = new Map<string, string[]>();
    for (const { route } of project.pages) {
      const segments = route.split('/');
      for (let from = 0; from < segments.length; from++) {
        const tail = segments.slice(from);
        if (tail.every((segment) => segment === 'index')) continue;
        if (from > 0 && tail.length === 1 && segments[segments.length - 2] !== tail[0]) continue;
        const key = tail.join('/');
        const routes = map.get(key) ?? [];
        if (!routes.includes(route)) routes.push(route);
        map.set(key, routes);
      }
    }
    tails.set(project, (known = map));
  }
  return known;
}

/** A string that can be a path: no spaces, not long, one word character at least. */
const PATH_LIKE = /^[\w\-./@%~]{1,300}$/;

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
