import { describe, expect, it } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule } from '../rules/rule.js';
import { describePath, flowOf, type Site } from '../analysis/flow.js';
import { Confirmations } from '../analysis/confirmation.js';
import { handlerGraph } from '../analysis/handlers.js';
import { Project, type ParseCache } from '../project/project.js';
import { AnalysisCache } from '../project/analysis-cache.js';
import type { ParsedFile } from '../parse/source-file.js';
import { miniApp, replaySession, type SessionEdit } from '../testing/index.js';

/** A flow rule as the API rules are written: a project hook over core's flow, confirmations and handler graphs. */
const flowRule = defineRule({
  meta: {
    id: 'test/flow', clauses: ['6.3'], severity: 'error', suppressible: true, docs: { description: 'test' },
    messages: { pay: 'pays from {{trigger}} via {{path}} ({{state}})', bound: '{{count}} bindings in {{file}}' },
  },
  create(context) {
    return {
      project(project) {
        const flow = flowOf(project);
        const confirmations = new Confirmations(project, flow);
        const starts = flow.triggers().map((trigger) => ({ trigger, state: 'open' as const }));
        flow.explore<'open' | 'confirmed'>(
          starts,
          (state, site: Site) => (state === 'confirmed' || confirmations.gated(site.owner.file, site.node, site.ancestors) ? 'confirmed' : 'open'),
          (site, state, trigger, path) => {
            if (site.bn.name !== 'requestPayment') return;
            const confirmed = state === 'confirmed' || confirmations.gated(site.owner.file, site.node, site.ancestors);
            context.report({ file: site.owner.file.path, span: { start: site.node.start!, end: site.node.end! }, messageId: 'pay', data: { trigger: trigger.label, path: describePath(path), state: confirmed ? 'confirmed' : 'open' } });
          },
        );
        for (const page of project.pages) {
          const graph = handlerGraph(project, page);
          if (graph.template) context.report({ file: graph.template.path, messageId: 'bound', data: { count: graph.bindings.length, file: graph.template.path }, severity: 'info' });
        }
      },
    };
  },
});

/** A per-file rule whose errors the severity policy lowers in unreachable files and unbound methods. */
const payRule = defineRule({
  meta: { id: 'test/pay', clauses: ['6.3'], severity: 'error', suppressible: true, docs: { description: 'test' }, messages: { pay: 'bn.{{name}}' } },
  create: (context) => ({ js: { bnCall: (call) => call.name === 'requestPayment' && context.report({ node: call.node, messageId: 'pay', data: { name: call.name } }) } }),
});

const options: LintOptions = { rules: [flowRule, payRule] };

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/shop/index'] }),
  'pages/index/index.js': 'Page({ onLoad() { bn.showToast({ title: "hi" }); } });\n',
  'pages/shop/index.js': [
    'import { charge } from "../../utils/pay";',
    'Page({',
    '  buy() { charge(1); },',
    '  spare() { bn.requestPayment({ orderId: "x" }); },',
    '});',
    '',
  ].join('\n'),
  'pages/shop/index.bxml': '<button bindtap="buy">Buy</button>\n',
  'utils/pay.js': 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n',
  'pages/old/legacy.js': 'bn.requestPayment({ orderId: "old" });\n',
}) as Record<string, string>;

describe('openSession with the shared analyses', () => {
  it('gives what a fresh lint() gives after edits that change flows, bindings, reachability and the model', async () => {
    const messages = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.message}`);
    const before = messages(await lint(openMemoryBundle(app), options));
    expect(before).toEqual(expect.arrayContaining([
      'test/flow utils/pay.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → charge() (open)',
      'test/pay pages/old/legacy.js:1 bn.requestPayment — in code nothing in the app loads',
      'test/pay pages/shop/index.js:4 bn.requestPayment — in spare(), which nothing in the app calls',
    ]));
    const edits: SessionEdit[] = [
      // The imported helper asks first: the flow through another file changes.
      ['utils/pay.js', 'export async function charge(id) { const { confirm } = await bn.showModal({ title: "Pay?" }); if (!confirm) return; bn.requestPayment({ orderId: id }); }\n'],
      // The template binds the method that was unbound: no longer lowered, and a new flow.
      ['pages/shop/index.bxml', '<button bindtap="buy">Buy</button>\n<button bindtap="spare">Spare</button>\n'],
      // The legacy script becomes reachable.
      ['pages/index/index.js', 'require("../old/legacy.js");\nPage({ onLoad() { bn.showToast({ title: "hi" }); } });\n'],
      // The helper goes away, then comes back under another name (a rename).
      ['utils/pay.js', null],
      ['utils/payment.js', 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n'],
      ['pages/shop/index.js', 'import { charge } from "../../utils/payment";\nPage({\n  buy() { charge(1); },\n  spare() { this.buy(); },\n});\n'],
      // The model changes: a page is removed, another added with its own flow.
      ['app.json', JSON.stringify({ pages: ['pages/index/index', 'pages/cart/index'] })],
      ['pages/cart/index.js', 'Page({ onShow() { bn.requestPayment({ orderId: "c" }); }, later() { bn.requestPayment({}); } });\n'],
      ['pages/cart/index.bxml', '<view bindtap="{{ready ? \'later\' : \'\'}}">Cart</view>\n'],
      ['app.json', JSON.stringify({ pages: ['pages/index/index', 'pages/cart/index', 'pages/shop/index'] })],
      // An edit that changes no flow: everything is reused.
      ['pages/cart/index.bxss', '.x { color: red; }\n'],
    ];
    let after: string[] = [];
    await replaySession(options, app, edits, (result) => void (after = messages(result)));
    expect(after).toEqual(expect.arrayContaining([
      'test/flow pages/cart/index.js:1 pays from onShow of pages/cart/index via onShow (open)',
      'test/flow pages/cart/index.js:1 pays from bindtap="later" (pages/cart/index.bxml:1) via later (open)',
      'test/flow utils/payment.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → charge() (open)',
      'test/pay pages/old/legacy.js:1 bn.requestPayment',
    ]));
    expect(after).not.toEqual(before);
  });
});

describe('Project.remember', () => {
  /** A parse cache like a session's: the same object for the same path and content. */
  const parseCache = (): ParseCache => {
    const parses = new Map<string, ParsedFile>();
    return { get: (key) => parses.get(key), set: (key, file) => void parses.set(key, file) };
  };
  const files = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'pages/index/index.js': 'import { x } from "./dep";\nPage({});\n',
    'pages/index/dep.js': 'export const x = 1;\n',
    'pages/index/other.js': 'export const y = 2;\n',
  };

  /** Runs an analysis that reads the page script and what it imports; counts how often it is computed. */
  function analyse(bundleFiles: Record<string, string>, cache: AnalysisCache, parses: ParseCache, counter: { computed: number }) {
    const project = new Project(openMemoryBundle(bundleFiles), { analysisCache: cache, parseCache: parses });
    const page = project.jsFile('pages/index/index.js')!;
    const value = project.remember('test/imports', 'pages/index/index.js', () => {
      counter.computed++;
      const dep = project.jsFile('pages/index/dep.js');
      return `${page.text.length}:${dep?.text ?? 'none'}`;
    });
    cache.nextGeneration();
    return value;
  }

  it('reuses an analysis while the files it read are unchanged, and recomputes it when one changes or goes', () => {
    const cache = new AnalysisCache();
    const parses = parseCache();
    const counter = { computed: 0 };
    expect(analyse(files, cache, parses, counter)).toBe(`${files['pages/index/index.js'].length}:export const x = 1;\n`);
    analyse(files, cache, parses, counter);
    expect(counter.computed).toBe(1);
    // A file the analysis did not read changes: still reused.
    analyse({ ...files, 'pages/index/other.js': 'export const y = 3;\n' }, cache, parses, counter);
    expect(counter.computed).toBe(1);
    // A file it read changes: computed again, with the new content.
    expect(analyse({ ...files, 'pages/index/dep.js': 'export const x = 2;\n' }, cache, parses, counter)).toContain('x = 2');
    expect(counter.computed).toBe(2);
    // It is deleted: computed again.
    const { 'pages/index/dep.js': _gone, ...withoutDep } = files;
    expect(analyse(withoutDep, cache, parses, counter)).toMatch(/:none$/);
    expect(counter.computed).toBe(3);
  });

  it('computes once per run without an analysis cache', () => {
    const project = new Project(openMemoryBundle(files));
    let computed = 0;
    const compute = () => ++computed;
    expect(project.remember('test/once', 'k', compute)).toBe(1);
    expect(project.remember('test/once', 'k', compute)).toBe(1);
    expect(new Project(openMemoryBundle(files)).remember('test/once', 'k', compute)).toBe(2);
  });

  it('is reused within a run and its files count as read by an enclosing analysis', () => {
    const cache = new AnalysisCache();
    const parses = parseCache();
    const run = (bundleFiles: Record<string, string>, counter: { inner: number; outer: number }) => {
      const project = new Project(openMemoryBundle(bundleFiles), { analysisCache: cache, parseCache: parses });
      const inner = () => project.remember('test/inner', 'dep', () => {
        counter.inner++;
        return project.jsFile('pages/index/dep.js')?.text;
      });
      inner();
      const outer = project.remember('test/outer', 'page', () => {
        counter.outer++;
        return `outer ${inner()}`;
      });
      cache.nextGeneration();
      return outer;
    };
    const counter = { inner: 0, outer: 0 };
    run(files, counter);
    run(files, counter);
    expect(counter).toEqual({ inner: 1, outer: 1 });
    // The outer analysis read dep.js only through the inner one: it is computed again too.
    expect(run({ ...files, 'pages/index/dep.js': 'export const x = 5;\n' }, counter)).toBe('outer export const x = 5;\n');
    expect(counter).toEqual({ inner: 2, outer: 2 });
  });
});

describe('AnalysisCache', () => {
  it('drops entries a run did not use at the end of the next', () => {
    const cache = new AnalysisCache();
    const entry = { value: 1, modelKey: '', dependencies: [] };
    cache.set('kind', 'a', entry);
    cache.set('kind', 'b', entry);
    cache.nextGeneration();
    expect(cache.get('kind', 'a')).toBe(entry);
    expect(cache.size).toBe(2);
    cache.nextGeneration();
    expect(cache.get('kind', 'b')).toBeUndefined();
    expect(cache.size).toBe(1);
    cache.nextGeneration();
    cache.nextGeneration();
    expect(cache.size).toBe(0);
  });
});
