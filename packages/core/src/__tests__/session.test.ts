import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule } from '../rules/rule.js';
import type { FileResult, ResultCache } from '../runner/file-result.js';
import { miniApp } from '../testing/index.js';

/** A per-file rule: every `bn` call, with a constant folded across files (a dependency). */
const callRule = defineRule({
  meta: { id: 'test/call', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { call: 'call {{name}} {{url}}' } },
  create(context) {
    return {
      js: {
        bnCall: (call) => {
          const url = call.node.arguments[0]?.type === 'ObjectExpression' ? call.node.arguments[0].properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'url') : undefined;
          const value = url?.type === 'ObjectProperty' ? context.project.evaluator.evaluate(url.value, context.jsFile!) : undefined;
          context.report({ node: call.node, messageId: 'call', data: { name: call.name, url: typeof value === 'string' ? value : '?' } });
        },
      },
    };
  },
});

/** A facts rule: pages record the routes they navigate to; the project hook reports pages nobody reaches. */
const reachRule = defineRule({
  meta: { id: 'test/reach', clauses: ['6.3'], severity: 'info', suppressible: true, projectInput: 'facts', docs: { description: 'test' }, messages: { unreached: 'nothing navigates to {{route}}' } },
  create(context) {
    return {
      js: {
        StringLiteral: (node) => {
          if (node.value.startsWith('/pages/')) context.record({ route: node.value.slice(1) });
        },
      },
      project(project) {
        const reached = new Set<string>();
        for (const facts of context.facts().values()) for (const fact of facts as Array<{ route: string }>) reached.add(fact.route);
        for (const page of project.pages) {
          if (page.route !== project.entryRoute && !reached.has(page.route)) context.report({ file: project.appConfigPath, messageId: 'unreached', data: { route: page.route } });
        }
      },
    };
  },
});

/** An unmigrated rule: its visitors keep state for its project hook. */
const countRule = defineRule({
  meta: { id: 'test/count', clauses: ['6.3'], severity: 'info', suppressible: true, docs: { description: 'test' }, messages: { count: '{{count}} templates' } },
  create(context) {
    let count = 0;
    return {
      bxml: { document: () => void count++ },
      project(project) {
        context.report({ file: project.appConfigPath, messageId: 'count', data: { count } });
      },
    };
  },
});

const rules = [callRule, reachRule, countRule];
const options: LintOptions = { rules };
const fresh = async (files: Record<string, string>) => JSON.stringify(await lint(openMemoryBundle(files), options));

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/b/index'] }),
  'config.js': 'export const HOME = "/pages/b/index";\n',
  'pages/index/index.js': 'import { HOME } from "../../config";\nPage({ go() { bn.navigateTo({ url: HOME }); } });\n',
  'pages/b/index.js': 'Page({ back() { bn.navigateBack({}); } });\n',
  'pages/b/index.bxml': '<view>B</view>\n',
}) as Record<string, string>;

describe('openSession', () => {
  it('gives what a fresh lint() gives, after adds, changes, renames and deletes', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    expect(JSON.stringify(await session.lint())).toBe(await fresh(files));

    const steps: Array<[string, string | null]> = [
      ['pages/b/index.js', 'Page({ back() { bn.showToast({ title: "x" }); } });\n'],
      ['config.js', 'export const HOME = "/pages/c/index";\n'], // changes a finding in another file
      ['pages/c/index.bxml', '<view>C</view>\n'], // add
      ['pages/b/index.bxml', null], // delete
      ['pages/d/index.bxml', '<view>C</view>\n'], ['pages/c/index.bxml', null], // rename
      ['app.json', JSON.stringify({ pages: ['pages/index/index', 'pages/b/index', 'pages/d/index'] })],
    ];
    for (const [path, content] of steps) {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = JSON.parse(JSON.stringify(await session.lint()));
      expect(incremental).toEqual(JSON.parse(await fresh(files)));
    }
    const last = await session.lint();
    expect(last.findings.map((finding) => finding.message)).toEqual(expect.arrayContaining([
      'call navigateTo /pages/c/index', 'call showToast ?', '2 templates', 'nothing navigates to pages/d/index',
    ]));
  });

  it('walks again only the files that changed', async () => {
    const walked: string[] = [];
    const spy = defineRule({
      meta: { id: 'test/spy', clauses: ['6.3'], severity: 'info', suppressible: true, docs: { description: 'test' }, messages: { m: 'm' } },
      create: (context) => ({ file: { enter: (file) => void walked.push(file.path) }, js: { DebuggerStatement: (node) => context.report({ node, messageId: 'm' }) } }),
    });
    const session = await openSession(openMemoryBundle(app), { rules: [spy, reachRule, callRule] });
    await session.lint();
    expect(walked).toContain('pages/b/index.js');
    walked.length = 0;
    session.setFile('pages/b/index.js', 'debugger;\n');
    const result = await session.lint();
    expect(walked).toEqual(['pages/b/index.js']);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.file}`)).toContain('test/spy pages/b/index.js');
    // A file that reads another is walked again when that one changes.
    walked.length = 0;
    session.setFile('config.js', 'export const HOME = "/pages/index/index";\n');
    await session.lint();
    expect(walked.sort()).toEqual(['config.js', 'pages/index/index.js']);
  });

  it('runs unmigrated rules every time and migrated ones from their cached facts', async () => {
    const stored = new Map<string, string>();
    const cache: ResultCache = {
      get: (key) => (stored.has(key) ? (JSON.parse(stored.get(key)!) as FileResult) : undefined),
      set: (key, result) => void stored.set(key, JSON.stringify(result)),
    };
    const first = JSON.stringify(await lint(openMemoryBundle(app), { rules, resultCache: cache }));
    expect(stored.size).toBeGreaterThan(0);
    const second = JSON.stringify(await lint(openMemoryBundle(app), { rules, resultCache: cache }));
    expect(second).toBe(first);
    expect(first).toBe(await fresh(app));
  });
});

describe('the parse limit', () => {
  const textRule = defineRule({
    meta: { id: 'test/text', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { secret: 'secret at {{at}}' } },
    create: (context) => ({
      file: { enter: (file) => { const at = file.text.indexOf('SECRET'); if (at >= 0) context.report({ span: { start: at, end: at + 6 }, messageId: 'secret', data: { at } }); } },
    }),
  });
  /** Reads only templates over the limit: not a check that ran on a script. */
  const templateTextRule = defineRule({
    meta: { id: 'test/template-text', clauses: ['6.3'], severity: 'warning', suppressible: true, textKinds: ['bxml'], docs: { description: 'test' }, messages: { none: 'none' } },
    create: () => ({ file: { enter: () => {} } }),
  });
  const astRule = defineRule({
    meta: { id: 'test/ast', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { debug: 'debugger' } },
    create: (context) => ({ js: { DebuggerStatement: (node) => context.report({ node, messageId: 'debug' }) }, file: { parseError: () => context.report({ messageId: 'debug' }) } }),
  });

  it('checks a larger script as text only, and says which checks ran on it', async () => {
    const big = `var a = 1; debugger; var k = "SECRET"; ${'x = 1 +;'.repeat(200)}`;
    // The page loads both scripts, so their findings are not lowered as unreachable.
    const files = miniApp({ 'pages/index/index.js': "require('./big.js'); require('./small.js'); Page({});", 'pages/index/big.js': big, 'pages/index/small.js': 'debugger;' }) as Record<string, string>;
    const result = await lint(openMemoryBundle(files), { rules: [textRule, templateTextRule, astRule], config: { limits: { maxParseBytes: 1000 } } });
    const on = (path: string) => result.findings.filter((finding) => finding.file === path).map((finding) => `${finding.ruleId} ${finding.message}`);
    expect(on('pages/index/big.js')).toEqual([
      'bmplint/bundle file checked as text only: 1.6 KiB is over the 1000 B parse limit, so the checks that need its syntax tree did not run; checks that ran on it: test/text',
      `test/text secret at ${big.indexOf('SECRET')}`,
    ]);
    expect(on('pages/index/small.js')).toEqual(['test/ast debugger']);
    // Checked in part is not checked: the summary counts it as the notice of an unread file is counted.
    expect(result.summary).toEqual({ errors: 0, warnings: 3, infos: 0, unchecked: 1 });
    const under = await lint(openMemoryBundle(files), { rules: [textRule, templateTextRule, astRule], config: { limits: { maxParseBytes: 4000 } } });
    expect(under.findings.some((finding) => finding.messageId === 'parse-limit')).toBe(false);
    expect(under.summary.unchecked).toBe(0);
  });

  it('counts the summary of a stored whole run again, so a run stored by a build that counted differently is not a pass', async () => {
    const files = miniApp({ 'pages/index/index.js': "require('./big.js'); Page({});", 'pages/index/big.js': `var a = 1; ${'x = 1;'.repeat(200)}` }) as Record<string, string>;
    let stored: [string, string] | undefined;
    const resultCache: ResultCache = {
      get: () => undefined,
      set: () => {},
      getRun: (key) => (stored?.[0] === key ? JSON.parse(stored[1]) : undefined),
      setRun: (key, result) => void (stored = [key, JSON.stringify({ ...result, summary: { ...result.summary, unchecked: 0 } })]),
    };
    const options: LintOptions = { rules: [textRule, astRule], config: { limits: { maxParseBytes: 1000 } }, resultCache };
    const first = await lint(openMemoryBundle(files), options);
    expect(first.summary.unchecked).toBe(1);
    const again = await lint(openMemoryBundle(files), options);
    expect(again.findings).toEqual(first.findings);
    expect(again.summary).toEqual(first.summary);
  });
});
