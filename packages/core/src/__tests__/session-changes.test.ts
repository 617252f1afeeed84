import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { File as BabelFile } from '@babel/types';
import { lint, type LintOptions } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule } from '../rules/rule.js';
import { AnalysisCache } from '../project/analysis-cache.js';
import { Project, type ParseCache } from '../project/project.js';
import type { ParsedFile } from '../parse/source-file.js';
import { miniApp, steppedSession } from '../testing/index.js';

/**
 * Issue #9: a session's re-run checks what it keeps (analyses, the project model, reachability,
 * file results) against the paths changed since, not file by file. These tests edit every kind of
 * input such a check must see and expect the session's result to equal a fresh lint().
 */

const meta = { clauses: ['6.3'], suppressible: true, docs: { description: 'test' } } as const;

/** A project hook over a remembered analysis: what each page script imports, with the imported file's text. */
const importsRule = defineRule({
  meta: { ...meta, id: 'test/imports', severity: 'info', messages: { imports: 'imports {{summary}}', unloaded: 'nothing loads this script' } },
  create(context) {
    return {
      project(project) {
        for (const page of project.pages) {
          const script = page.files.script;
          if (!script) continue;
          const summary = project.remember('test/imports', script, () => {
            const parts: string[] = [];
            for (const node of project.jsFile(script)?.ast?.program.body ?? []) {
              if (node.type !== 'ImportDeclaration') continue;
              const target = project.resolveImport(script, node.source.value);
              parts.push(`${node.source.value}=${target ? project.jsFile(target)?.text.trim() : 'missing'}`);
            }
            return parts.join(', ') || 'nothing';
          });
          context.report({ file: script, messageId: 'imports', data: { summary } });
        }
        for (const path of project.paths) {
          if (path.endsWith('.js') && !project.isReachable(path)) context.report({ file: path, messageId: 'unloaded' });
        }
      },
    };
  },
});

/** A per-file rule whose findings depend on another file (a constant folded across an import). */
const callRule = defineRule({
  meta: { ...meta, id: 'test/call', severity: 'warning', messages: { call: 'call {{name}} {{url}}' } },
  create(context) {
    return {
      js: {
        bnCall: (call) => {
          const options = call.node.arguments[0];
          const url = options?.type === 'ObjectExpression' ? options.properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'url') : undefined;
          const value = url?.type === 'ObjectProperty' ? context.project.evaluator.evaluate(url.value, context.jsFile!) : undefined;
          context.report({ node: call.node, messageId: 'call', data: { name: call.name, url: typeof value === 'string' ? value : '?' } });
        },
      },
    };
  },
});

/** An error the severity policy lowers where the code never runs or nothing loads it. */
const debuggerRule = defineRule({
  meta: { ...meta, id: 'test/debugger', severity: 'error', messages: { debugger: 'debugger statement' } },
  create: (context) => ({ js: { DebuggerStatement: (node) => context.report({ node, messageId: 'debugger' }) } }),
});

/** Reads the listing (in the bundle or outside it) through the project model. */
const listingRule = defineRule({
  meta: { ...meta, id: 'test/listing', severity: 'info', projectInput: 'facts', messages: { name: 'listed as {{name}}' } },
  create: (context) => ({
    project(project) {
      const listing = project.listing;
      if (listing) context.report({ file: listing.file, messageId: 'name', data: { name: listing.listing.name ?? 'nothing' } });
    },
  }),
});

const options: LintOptions = { rules: [importsRule, callRule, debuggerRule, listingRule] };

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/b/index'] }),
  'config.js': 'export const HOME = "/pages/b/index";\n',
  'pages/index/index.js': 'import { HOME } from "../../config";\nPage({ go() { bn.navigateTo({ url: HOME }); } });\n',
  'pages/b/index.js': 'Page({ onLoad() { return; debugger; } });\n',
  'pages/b/index.bxml': '<view>B</view>\n',
  'utils/loose.js': 'debugger;\n',
  'miniprogram_npm/kit/index.js': 'debugger;\n',
  'listing.json': JSON.stringify({ name: 'Gas Watch' }),
  'vendor/chart/package.json': JSON.stringify({ name: 'chart' }),
  'vendor/chart/index.js': 'debugger;\n',
}) as Record<string, string>;

describe('a session re-run, checked against the changed paths', () => {
  it('equals a fresh lint() after edits of read and unread files, adds, deletes, renames, config and listing changes', async () => {
    const session = await steppedSession(options, app);
    const first = await session.check();
    expect(first.findings.map((finding) => finding.message)).toEqual(expect.arrayContaining([
      'imports ../../config=export const HOME = "/pages/b/index";',
      'call navigateTo /pages/b/index',
      'debugger statement — after a return, where it never runs',
      'debugger statement — in code nothing in the app loads',
      'listed as Gas Watch',
    ]));
    const edits: Array<[string, string | null]> = [
      ['config.js', 'export const HOME = "/pages/c/index";\n'], // read by the analysis and by another file's result
      ['pages/b/index.bxml', '<view>B2</view>\n'], // read by neither
      ['pages/b/index.js', 'import "../../utils/loose";\nPage({ onLoad() { debugger; } });\n'], // loads a file: reachability changes
      ['pages/c/index.js', 'import { HOME } from "../../config";\nPage({});\n'], // add
      ['app.json', JSON.stringify({ pages: ['pages/index/index', 'pages/b/index', 'pages/c/index'] })], // config: a new page
      ['config.js', null], // delete a file an analysis read
      ['lib/config.js', 'export const HOME = "/pages/lib/index";\n'], // rename, in two steps
      ['pages/index/index.js', 'import { HOME } from "../../lib/config";\nPage({ go() { bn.navigateTo({ url: HOME }); } });\n'],
      ['listing.json', JSON.stringify({ name: 'Gas Watch Pro' })], // listing
      ['utils/loose.js', 'export const loose = 1;\ndebugger;\n'],
      ['pages/c/index.js', null],
      ['vendor/chart/package.json', JSON.stringify({ name: 'chart-pro' })], // which package third-party code belongs to
      ['vendor/chart/index.js', 'debugger;\ndebugger;\n'],
      ['plugin/index.js', 'debugger;\n'],
      ['project.config.json', JSON.stringify({ pluginRoot: 'plugin/' })], // the plugin's folder is loaded
      ['project.config.json', JSON.stringify({ pluginRoot: 'other/' })],
    ];
    for (const [path, content] of edits) {
      session.set(path, content);
      await session.check(`after editing ${path}`);
    }
    const last = await session.check();
    expect(last.findings.map((finding) => finding.message)).toEqual(expect.arrayContaining([
      'imports ../../lib/config=export const HOME = "/pages/lib/index";',
      'call navigateTo /pages/lib/index',
      'listed as Gas Watch Pro',
    ]));
    expect(new Set(last.findings.filter((finding) => finding.file.startsWith('vendor/')).map((finding) => finding.vendor))).toEqual(new Set(['chart-pro']));
  });

  it('sees several edits between two runs, and edits that restore an earlier content', async () => {
    const session = await steppedSession(options, app);
    await session.check();
    session.set('config.js', 'export const HOME = "/pages/x/index";\n');
    session.set('pages/b/index.js', 'import "../../utils/loose";\nPage({});\n');
    await session.check('two edits');
    session.set('config.js', app['config.js']!);
    await session.check('back to the first content');
    await session.check('no edit');
    session.set('pages/b/index.js', app['pages/b/index.js']!);
    session.set('pages/b/index.js', 'Page({});\n');
    await session.check('two edits of one file');
  });

  it('makes a file read through an analysis that several files use while walked a dependency of each of their results', async () => {
    // Both scripts use one remembered analysis while they are walked: shared.js is read once, for
    // the first, and must count as read by the second as well.
    const sharedRule = defineRule({
      meta: { ...meta, id: 'test/shared', severity: 'info', messages: { m: 'shared {{text}}' } },
      create: (context) => ({
        js: {
          Program: (node) => {
            const text = context.project.remember('test/shared', 'shared', () => context.project.jsFile('shared.js')?.text.trim());
            context.report({ node, messageId: 'm', data: { text: text ?? 'none' } });
          },
        },
      }),
    });
    const session = await steppedSession({ rules: [sharedRule] }, miniApp({ 'shared.js': 'one;\n', 'a.js': 'a;\n', 'b.js': 'b;\n' }) as Record<string, string>);
    await session.check();
    session.set('shared.js', 'two;\n');
    const after = await session.check('after editing shared.js');
    expect(after.findings.filter((finding) => finding.file === 'b.js').map((finding) => finding.message)).toEqual(['shared two; — in code nothing in the app loads']);
  });

  it('hands a project hook the facts of every file in walk order when a file records a fact for the first time', async () => {
    const orderRule = defineRule({
      meta: { ...meta, id: 'test/order', severity: 'info', projectInput: 'facts', messages: { m: 'facts from {{paths}}' } },
      create: (context) => ({
        js: { DebuggerStatement: () => context.record({}) },
        project(project) {
          context.report({ file: project.appConfigPath, messageId: 'm', data: { paths: [...context.facts().keys()].join(' ') } });
        },
      }),
    });
    const session = await steppedSession({ rules: [orderRule] }, miniApp({ 'a.js': 'debugger;\n', 'b.js': 'b;\n', 'c.js': 'debugger;\n' }) as Record<string, string>);
    expect((await session.check()).findings.map((finding) => finding.message)).toEqual(['facts from a.js c.js']);
    session.set('b.js', 'debugger;\n');
    expect((await session.check('after b.js records a fact')).findings.map((finding) => finding.message)).toEqual(['facts from a.js b.js c.js']);
    session.set('a.js', 'a;\n');
    expect((await session.check('after a.js records none')).findings.map((finding) => finding.message)).toEqual(['facts from b.js c.js']);
  });

  describe('with the listing outside the bundle', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('sees a change of the listing file between runs, which the session is not told of', async () => {
      dir = mkdtempSync(join(tmpdir(), 'bmplint-listing-'));
      const listingPath = join(dir, 'listing.json');
      writeFileSync(listingPath, JSON.stringify({ name: 'Outside' }));
      const { 'listing.json': _inside, ...files } = app;
      const withListing: LintOptions = { ...options, listingPath };
      const session = await openSession(openMemoryBundle(files), withListing);
      const names = async () => (await session.lint()).findings.filter((finding) => finding.ruleId === 'test/listing').map((finding) => finding.message);
      expect(await names()).toEqual(['listed as Outside']);
      writeFileSync(listingPath, JSON.stringify({ name: 'Moved' }));
      expect(await names()).toEqual(['listed as Moved']);
      expect(JSON.stringify(await session.lint())).toBe(JSON.stringify(await lint(openMemoryBundle(files), withListing)));
    });
  });

  it('gives an analysis kept across runs the parse it was computed from, after runs that did not parse that file', async () => {
    // Run 1 computes an analysis holding a.js's tree; run 2 reuses it without parsing a.js, so the
    // parse leaves the cache of what the last run used; run 3 must still get the same tree.
    let run = 0;
    const mismatches: number[] = [];
    const treeRule = defineRule({
      meta: { ...meta, id: 'test/tree', severity: 'info', messages: { m: 'm' } },
      create: () => ({
        project(project) {
          run++;
          const kept = project.remember('test/tree', 'a.js', () => project.jsFile('a.js')?.ast);
          if (run !== 2 && project.jsFile('a.js')?.ast !== kept) mismatches.push(run);
        },
      }),
    });
    const session = await openSession(openMemoryBundle({ ...miniApp(), 'a.js': 'export const a = 1;\n' }), { rules: [treeRule] });
    for (let step = 0; step < 4; step++) {
      session.setFile('pages/index/index.js', `Page({ step: ${step} });\n`);
      await session.lint();
    }
    expect(run).toBe(4);
    expect(mismatches).toEqual([]);
  });
});

describe('Project.remember with the changed paths', () => {
  const files = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'pages/index/index.js': 'Page({});\n',
    'a.js': 'export const a = 1;\n',
    'b.js': 'export const b = 1;\n',
  };
  const sessionParses = (): ParseCache => {
    const parses = new Map<string, ParsedFile>();
    return { get: (key) => parses.get(key), set: (key, file) => void parses.set(key, file) };
  };

  it('recomputes an analysis when a file it read is among them, and reuses it without reading its files when none is', () => {
    const cache = new AnalysisCache();
    const parses = sessionParses();
    let computed = 0;
    let lookups = 0;
    const counted: ParseCache = { get: (key) => (lookups++, parses.get(key)), set: (key, file) => parses.set(key, file) };
    const analyse = (bundleFiles: Record<string, string>, changed: string[] | undefined) => {
      cache.beginRun(changed && new Set(changed));
      const project = new Project(openMemoryBundle(bundleFiles), { analysisCache: cache, parseCache: counted });
      lookups = 0;
      const value = project.remember('test/a', 'a', () => {
        computed++;
        return project.jsFile('a.js')?.text;
      });
      cache.nextGeneration();
      return value;
    };
    expect(analyse(files, [])).toBe(files['a.js']);
    expect(computed).toBe(1);
    analyse({ ...files, 'b.js': 'export const b = 2;\n' }, ['b.js']);
    expect(computed).toBe(1);
    expect(lookups).toBe(0);
    expect(analyse({ ...files, 'a.js': 'export const a = 2;\n' }, ['a.js'])).toBe('export const a = 2;\n');
    expect(computed).toBe(2);
    // Unknown changes: every file it read is checked (and the content is what decides).
    expect(analyse({ ...files, 'a.js': 'export const a = 3;\n' }, undefined)).toBe('export const a = 3;\n');
    expect(computed).toBe(3);
    analyse({ ...files, 'a.js': 'export const a = 3;\n' }, undefined);
    expect(computed).toBe(3);
  });

  it('tells the reads of a reused analysis to an enclosing one once per scope', () => {
    const cache = new AnalysisCache();
    cache.beginRun(new Set());
    const project = new Project(openMemoryBundle(files), { analysisCache: cache, parseCache: sessionParses() });
    const inner = () => project.remember('test/inner', 'a', () => project.jsFile('a.js')?.ast as BabelFile | undefined);
    inner();
    project.remember('test/outer', 'o', () => [inner(), inner()]);
    cache.nextGeneration();
    cache.beginRun(new Set(['a.js']));
    const next = new Project(openMemoryBundle({ ...files, 'a.js': 'export const a = 9;\n' }), { analysisCache: cache, parseCache: sessionParses() });
    let outerComputed = 0;
    next.remember('test/outer', 'o', () => outerComputed++);
    // The outer analysis read a.js only through the inner one, which it used twice: a.js is its dependency.
    expect(outerComputed).toBe(1);
  });
});

describe('AnalysisCache.changedSince', () => {
  it('is the union of the changes since a run, and unknown for a run not begun or begun without them', () => {
    const cache = new AnalysisCache();
    expect(cache.changedSince(0)).toBeUndefined();
    cache.beginRun(new Set());
    cache.beginRun(new Set(['a']));
    cache.beginRun(new Set(['b']));
    expect([...cache.changedSince(1)!].sort()).toEqual(['a', 'b']);
    expect([...cache.changedSince(2)!]).toEqual(['b']);
    expect(cache.changedSince(3)).toBeUndefined();
    expect(cache.changedSince(undefined)).toBeUndefined();
    cache.beginRun(undefined);
    expect(cache.changedSince(3)).toBeUndefined();
    expect(cache.changedSince(1)).toBeUndefined();
  });
});
