import { defineRule, jsonConfigSource, jsonNodeAt, type ComponentUse, type Page, type Project, type RuleContext } from '@bmplint/core';

const REACT_APP_MODULES = ['tsx', 'jsx', 'ts', 'js'].map((extension) => `src/app.${extension}`);
const CLASSIC_APP_SCRIPTS = ['app.js', 'app.ts'];
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export default defineRule({
  meta: {
    id: 'availability/missing-file',
    clauses: ['6.2'],
    severity: 'error',
    suppressible: false,
    // Reads only the project model (the app config, pages, components): nothing per file.
    projectInput: 'facts',
    docs: { description: 'The app config, the app script, every declared page and every used component must have their files in the bundle.' },
    messages: {
      missingAppConfig: 'The app config {{path}} is missing: without it the mini program has no pages and cannot start (6.2).',
      missingRootApp: 'project.config.json sets miniprogramRoot to "{{root}}", but the bundle has no {{path}}: the mini program has no app config and cannot start (6.2). Point miniprogramRoot at the folder that holds app.json (if it is a build output, build before checking).',
      missingAppScript: '{{path}} is missing: the runtime needs it to register the app with App() before any page loads (6.2).',
      missingPageFiles: 'Page {{page}} is declared here, but the bundle has no {{missing}}: opening the page fails (6.2).',
      missingPageModule: 'Page {{page}} is declared here, but there is no module {{expected}} (or .jsx, .ts, .js): opening the page fails (6.2).',
      missingComponent: 'Component <{{tag}}> points to "{{specifier}}", but the bundle has no {{missing}}: pages that use it fail to render (6.2).',
      componentOutsideApp: 'Component <{{tag}}> points to "{{specifier}}", which is outside the mini program: it cannot be loaded (6.2).',
    },
  },
  create(context) {
    return {
      project(project) {
        if (!project.bundle.has(project.appConfigPath)) {
          reportMissingConfig(project, context.report);
          return;
        }
        if (project.style === 'classic') {
          const scripts = CLASSIC_APP_SCRIPTS.map((name) => project.appRoot + name);
          if (!scripts.some((path) => project.bundle.has(path))) {
            context.report({ file: scripts[0], loc: FIRST_LINE, messageId: 'missingAppScript', data: { path: scripts[0] } });
          }
        }
        for (const page of project.pages) checkPage(project, page, context.report);
        for (const use of project.componentUses) checkComponent(project, use, context.report);
      },
    };
  },
});

type Report = RuleContext['report'];

const FIRST_LINE = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** No app config at all: a React project (sources but no app.config) or a classic one. */
function reportMissingConfig(project: Project, report: Report): void {
  // A miniprogramRoot naming a folder without an app: the mistake is that setting, so point at it.
  const projectConfig = project.jsonFile(`${project.projectRoot}project.config.json`);
  const root = (projectConfig?.value as { miniprogramRoot?: unknown } | undefined)?.miniprogramRoot;
  if (projectConfig && typeof root === 'string' && project.appRoot !== project.projectRoot) {
    const at = jsonConfigSource(projectConfig).locate(['miniprogramRoot']);
    report({ file: at.file, span: at, messageId: 'missingRootApp', data: { root, path: project.appConfigPath } });
    return;
  }
  const react = REACT_APP_MODULES.some((path) => project.bundle.has(project.appRoot + path));
  const path = react ? `${project.appRoot}src/app.config.ts` : project.appConfigPath;
  report({ file: path, loc: FIRST_LINE, messageId: 'missingAppConfig', data: { path: react ? `${path} (or .js)` : path } });
}

function checkPage(project: Project, page: Page, report: Report): void {
  const config = project.appConfig;
  if (!config) return;
  if (project.style === 'react') {
    if (!page.files.script) {
      const at = config.locate(page.declaredAt);
      report({ file: at.file, span: at, messageId: 'missingPageModule', data: { page: page.route, expected: `${project.appRoot}src/${page.route}.tsx` } });
    }
    return;
  }
  const base = project.appRoot + page.route;
  const missing = absent([[page.files.script, `${base}.js`], [page.files.template, `${base}.bxml`]]);
  if (!missing) return;
  const at = config.locate(page.declaredAt);
  report({ file: at.file, span: at, messageId: 'missingPageFiles', data: { page: page.route, missing } });
}

function checkComponent(project: Project, use: ComponentUse, report: Report): void {
  // Located only when reported: an app declares thousands of components that are all there.
  const at = () => {
    const node = jsonNodeAt(project.jsonFile(use.from)?.tree, ['usingComponents', use.tag]);
    return node ? { node } : {};
  };
  const data = { tag: use.tag, specifier: use.specifier };
  if (!use.base) {
    // Plugins (`plugin://…`) live outside the bundle by design.
    if (!URL_SCHEME.test(use.specifier)) report({ file: use.from, ...at(), messageId: 'componentOutsideApp', data });
    return;
  }
  // A component needs its json (`"component": true`), template and script; the style is optional.
  const missing = absent([[use.files.config, `${use.base}.json`], [use.files.template, `${use.base}.bxml`], [use.files.script, `${use.base}.js`]]);
  if (missing) report({ file: use.from, ...at(), messageId: 'missingComponent', data: { ...data, missing } });
}

/** The expected paths whose file was not found, as `a`, `a or b` or `a, b or c`; '' when none. */
function absent(pairs: Array<[found: string | undefined, expected: string]>): string {
  const missing = pairs.filter(([found]) => !found).map(([, expected]) => expected);
  return missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}` : (missing[0] ?? '');
}
