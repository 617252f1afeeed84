import { defineRule, normalizeRoute, type ConfigSource, type Project, type RuleContext } from '@bmplint/core';
import { pageListIsComplete } from './page-list.js';

/** The name `preloadRule` uses for the main package. */
const MAIN_PACKAGE = '__APP__';

export default defineRule({
  meta: {
    id: 'availability/unknown-page',
    clauses: ['6.3'],
    severity: 'error',
    suppressible: false,
    // Reads only the project model (the app config, pages, components): nothing per file.
    projectInput: 'facts',
    docs: { description: 'entryPagePath, tabBar.list[].pagePath and preloadRule must name pages and subpackages the app declares.' },
    messages: {
      unknownEntryPage: 'entryPagePath "{{path}}" is not one of the declared pages: the mini program cannot open its first page (6.3).',
      unknownTabPage: 'tabBar.list[{{index}}].pagePath "{{path}}" is not one of the declared pages: the tab cannot open (6.3).',
      tabPageInSubpackage: 'tabBar.list[{{index}}].pagePath "{{path}}" is a page of the subpackage {{subpackage}}: tab pages must be in the main package (6.3).',
      unknownPreloadPage: 'preloadRule key "{{path}}" is not one of the declared pages: the preload never runs (6.3).',
      unknownPreloadPackage: 'preloadRule["{{path}}"].packages names "{{name}}", which is neither the root nor the name of a subpackage (6.3).',
    },
  },
  create(context) {
    return {
      project(project) {
        const config = project.appConfig;
        // An app.config.ts whose page list is not static could name any page: stay silent.
        if (!config?.value || !pageListIsComplete(project)) return;
        checkEntry(project, config, context.report);
        checkTabBar(project, config, context.report);
        checkPreloadRule(project, config, context.report);
      },
    };
  },
});

type Report = RuleContext['report'];

function at(config: ConfigSource, path: Array<string | number>, key = false) {
  const span = config.locate(path, { key });
  return { file: span.file, span };
}

function checkEntry(project: Project, config: ConfigSource, report: Report): void {
  const entry = config.value?.entryPagePath;
  if (typeof entry !== 'string' || !entry || project.pageByRoute.has(normalizeRoute(entry))) return;
  report({ ...at(config, ['entryPagePath']), messageId: 'unknownEntryPage', data: { path: entry } });
}

function checkTabBar(project: Project, config: ConfigSource, report: Report): void {
  const list = (config.value?.tabBar as { list?: unknown } | undefined)?.list;
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    const path = (item as { pagePath?: unknown } | null)?.pagePath;
    if (typeof path !== 'string' || !path) return;
    const page = project.pageByRoute.get(normalizeRoute(path));
    const where = at(config, ['tabBar', 'list', index, 'pagePath']);
    if (!page) report({ ...where, messageId: 'unknownTabPage', data: { index, path } });
    else if (page.subpackage) report({ ...where, messageId: 'tabPageInSubpackage', data: { index, path, subpackage: page.subpackage } });
  });
}

function checkPreloadRule(project: Project, config: ConfigSource, report: Report): void {
  const rules = config.value?.preloadRule;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return;
  const packages = subpackageNames(config.value!);
  for (const [path, rule] of Object.entries(rules as Record<string, unknown>)) {
    if (!project.pageByRoute.has(normalizeRoute(path))) {
      report({ ...at(config, ['preloadRule', path], true), messageId: 'unknownPreloadPage', data: { path } });
    }
    const names = (rule as { packages?: unknown } | null)?.packages;
    if (!Array.isArray(names)) continue;
    names.forEach((name: unknown, index) => {
      if (typeof name !== 'string' || name === MAIN_PACKAGE || packages.has(name) || packages.has(normalizeRoute(name))) return;
      report({ ...at(config, ['preloadRule', path, 'packages', index]), messageId: 'unknownPreloadPackage', data: { path, name } });
    });
  }
}

/** Roots (normalised) and names of every subpackage, under either spelling of the key. */
function subpackageNames(config: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const key of ['subpackages', 'subPackages']) {
    const list = config[key];
    if (!Array.isArray(list)) continue;
    for (const pkg of list) {
      const { root, name } = (pkg ?? {}) as { root?: unknown; name?: unknown };
      if (typeof root === 'string' && root) names.add(normalizeRoute(root));
      if (typeof name === 'string' && name) names.add(name);
    }
  }
  return names;
}
