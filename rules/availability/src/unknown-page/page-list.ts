import { normalizeRoute, UNKNOWN, type Project, type StaticValue } from '@bmplint/core';

const SUBPACKAGE_KEYS = ['subpackages', 'subPackages'];

interface Completeness {
  pages: boolean;
  tabs: boolean;
}

const cache = new WeakMap<Project, Completeness>();

/**
 * Whether `project.pages` is every page of the app. Always so for app.json; an app.config.ts may
 * build `pages` or `subpackages` from values the evaluator cannot fold (`[...routes]`, an import
 * from a package), and the project drops those silently: then "not a page" cannot be decided.
 */
export function pageListIsComplete(project: Project): boolean {
  return completeness(project).pages;
}

/** Whether every `tabBar.list[].pagePath` of the app config is known (see `pageListIsComplete`). */
export function tabListIsComplete(project: Project): boolean {
  return completeness(project).tabs;
}

function completeness(project: Project): Completeness {
  let known = cache.get(project);
  if (!known) {
    known = check(project);
    cache.set(project, known);
  }
  return known;
}

function check(project: Project): Completeness {
  const config = project.appConfig;
  if (!config?.value) return { pages: false, tabs: false };
  // A tab bar without a list (Alipay's `items`) has no known tab pages: tab checks cannot decide.
  if (config.format === 'json') {
    const tabBar = config.value.tabBar as { list?: unknown } | undefined;
    return { pages: true, tabs: tabBar === undefined || (typeof tabBar === 'object' && tabBar !== null && Array.isArray(tabBar.list)) };
  }
  const file = project.jsFile(config.file);
  const exported = file ? project.scopeOf(file)?.exports.default : undefined;
  const value = file && exported ? project.evaluator.evaluate(exported, file) : UNKNOWN;
  if (!isRecord(value)) return { pages: false, tabs: false };
  const pages =
    isStringList(value.pages) &&
    SUBPACKAGE_KEYS.every((key) => {
      const packages = value[key];
      if (packages === undefined) return true;
      return Array.isArray(packages) && packages.every((pkg) => isRecord(pkg) && typeof pkg.root === 'string' && (pkg.pages === undefined || isStringList(pkg.pages)));
    });
  const tabBar = value.tabBar;
  const tabs =
    tabBar === undefined ||
    (isRecord(tabBar) && (tabBar.list === undefined || (Array.isArray(tabBar.list) && tabBar.list.every((item) => isRecord(item) && typeof item.pagePath === 'string'))));
  return { pages, tabs };
}

function isRecord(value: StaticValue): value is { [key: string]: StaticValue } {
  return !!value && value !== UNKNOWN && typeof value === 'object' && !Array.isArray(value);
}

function isStringList(value: StaticValue): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The routes of the tab bar's pages, as the app config lists them. */
export function tabRoutesOf(project: Project): Set<string> {
  const list = (project.appConfig?.value?.tabBar as { list?: unknown } | undefined)?.list;
  const routes = new Set<string>();
  if (Array.isArray(list)) {
    for (const item of list) {
      const path = (item as { pagePath?: unknown } | null)?.pagePath;
      if (typeof path === 'string' && path) routes.add(normalizeRoute(path));
    }
  }
  return routes;
}
