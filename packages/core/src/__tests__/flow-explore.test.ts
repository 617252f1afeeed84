import { beforeEach, describe, expect, it } from 'vitest';
import type { LintOptions, LintResult } from '../runner/lint.js';
import { defineRule } from '../rules/rule.js';
import { describePath, flowOf, type Site } from '../analysis/flow.js';
import { Confirmations } from '../analysis/confirmation.js';
import { miniApp, steppedSession } from '../testing/index.js';

/** The starts each run explored (their step made), one list per run: a check runs the session, then a fresh lint. */
let runs: string[][] = [];
const sessionExplored = () => [...runs[runs.length - 2]!].sort();

/** A payment check as the API rules write it, over `exploreEach`: each start's confirmations of its own. */
const rule = defineRule({
  meta: {
    id: 'test/explore', clauses: ['4.3.2'], severity: 'error', suppressible: true, projectInput: 'asts', checksScripts: true, docs: { description: 'test' },
    messages: { pay: 'pays from {{trigger}} via {{path}} ({{state}})' },
  },
  create(context) {
    return {
      project(project) {
        const explored: string[] = [];
        runs.push(explored);
        const flow = flowOf(project);
        const starts = flow.triggers().map((trigger) => ({ trigger, state: 'open' as const }));
        flow.exploreEach<'open' | 'confirmed'>(
          'test/explore',
          starts,
          () => {
            const confirmations = new Confirmations(project, flow);
            let named = false;
            return (state, site: Site) => {
              if (!named) explored.push(site.owner.name);
              named = true;
              return state === 'confirmed' || confirmations.gated(site.owner.file, site.node, site.ancestors) ? 'confirmed' : 'open';
            };
          },
          (site, state, trigger, path) => {
            if (site.bn.name !== 'requestPayment') return;
            context.report({ file: site.owner.file.path, span: { start: site.node.start!, end: site.node.end! }, messageId: 'pay', data: { trigger: trigger.label, path: describePath(path), state } });
          },
        );
      },
    };
  },
});

const options: LintOptions = { rules: [rule] };
const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/shop/index', 'pages/news/index'] }),
  'pages/shop/index.js': 'import { charge } from "../../utils/pay";\nPage({ buy() { charge(1); } });\n',
  'pages/shop/index.bxml': '<button bindtap="buy">Buy</button>\n',
  'pages/news/index.js': 'Page({ read() { bn.showToast({ title: "read" }); } });\n',
  'pages/news/index.bxml': '<button bindtap="read">Read</button>\n',
  'utils/pay.js': 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n',
  'utils/other.js': 'export const unused = 1;\n',
}) as Record<string, string>;

const found = (result: LintResult) => result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`);

describe('Flow.exploreEach in a session', () => {
  beforeEach(() => {
    runs = [];
  });

  it('explores again only the starts whose reachable code changed, and gives what a fresh lint() gives', async () => {
    const session = await steppedSession(options, app);
    expect(found(await session.check())).toEqual(['utils/pay.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → charge() (open)']);
    expect(sessionExplored()).toEqual(['buy', 'read']);

    // A file no start reaches: nothing explored again.
    session.set('utils/other.js', 'export const unused = 2;\n');
    await session.check();
    expect(sessionExplored()).toEqual([]);

    // The helper the shop's tap reaches asks first: that start alone is explored again.
    session.set('utils/pay.js', 'export async function charge(id) { const { confirm } = await bn.showModal({ title: "Pay?" }); if (!confirm) return; bn.requestPayment({ orderId: id }); }\n');
    expect(found(await session.check())).toEqual(['utils/pay.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → charge() (confirmed)']);
    expect(sessionExplored()).toEqual(['buy']);

    // The payment moves to the news page's own code.
    session.set('utils/pay.js', 'export function charge(id) { bn.showToast({ title: String(id) }); }\n');
    session.set('pages/news/index.js', 'Page({ read() { bn.requestPayment({ orderId: "n" }); } });\n');
    expect(found(await session.check())).toEqual(['pages/news/index.js:1 pays from bindtap="read" (pages/news/index.bxml:1) via read (open)']);
    expect(sessionExplored()).toEqual(['buy', 'read']);

    // The template binds another method: the new trigger is explored, the news page's is kept.
    session.set('pages/shop/index.js', 'import { charge } from "../../utils/pay";\nPage({\n  buy() { charge(1); },\n  payNow() { bn.requestPayment({ orderId: "s" }); },\n});\n');
    session.set('pages/shop/index.bxml', '<button bindtap="payNow">Pay now</button>\n');
    expect(found(await session.check())).toEqual([
      'pages/news/index.js:1 pays from bindtap="read" (pages/news/index.bxml:1) via read (open)',
      'pages/shop/index.js:4 pays from bindtap="payNow" (pages/shop/index.bxml:1) via payNow (open)',
    ]);
    expect(sessionExplored()).toEqual(['payNow']);
  });

  it('explores again every start that reaches a changed file through a function another start reached first', async () => {
    const shared = {
      ...app,
      'pages/shop/index.js': 'import { checkout } from "../../utils/checkout";\nPage({ buy() { checkout(); } });\n',
      'pages/news/index.js': 'import { checkout } from "../../utils/checkout";\nPage({ read() { checkout(); } });\n',
      'utils/checkout.js': 'import { charge } from "./pay";\nexport function checkout() { charge(1); }\n',
    };
    const session = await steppedSession(options, shared);
    expect(found(await session.check())).toEqual([
      'utils/pay.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → checkout() → charge() (open)',
      'utils/pay.js:1 pays from bindtap="read" (pages/news/index.bxml:1) via read → checkout() → charge() (open)',
    ]);
    session.set('utils/pay.js', 'export async function charge(id) { const { confirm } = await bn.showModal({ title: "Pay?" }); if (!confirm) return; bn.requestPayment({ orderId: id }); }\n');
    expect(found(await session.check())).toEqual([
      'utils/pay.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → checkout() → charge() (confirmed)',
      'utils/pay.js:1 pays from bindtap="read" (pages/news/index.bxml:1) via read → checkout() → charge() (confirmed)',
    ]);
    expect(sessionExplored()).toEqual(['buy', 'read']);
  });

  it('follows renamed and deleted helpers', async () => {
    const session = await steppedSession(options, app);
    await session.check();
    session.set('utils/pay.js', null);
    session.set('utils/payment.js', 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n');
    expect(found(await session.check())).toEqual([]);
    session.set('pages/shop/index.js', 'import { charge } from "../../utils/payment";\nPage({ buy() { charge(1); } });\n');
    expect(found(await session.check())).toEqual(['utils/payment.js:1 pays from bindtap="buy" (pages/shop/index.bxml:1) via buy → charge() (open)']);
    session.set('utils/payment.js', null);
    expect(found(await session.check())).toEqual([]);
  });
});

describe('Flow.triggers in a session, over more units than one slice of rememberEach', () => {
  beforeEach(() => {
    runs = [];
  });

  const pages = Array.from({ length: 70 }, (_, i) => `pages/p${i}/index`);
  const many: Record<string, string> = miniApp({
    'app.json': JSON.stringify({ pages }),
    'utils/hooks.js': 'export const ready = 1;\n',
    ...Object.fromEntries(pages.flatMap((page, i) => [
      [`${page}.js`, `Page({ tap${i}() { bn.${i === 65 ? 'requestPayment({})' : "showToast({ title: 'hi' })"}; } });\n`],
      [`${page}.bxml`, `<button bindtap="tap${i}">Go</button>\n`],
    ])),
  }) as Record<string, string>;

  it('re-reads the units and scripts that changed, keeps the others, and gives what a fresh lint() gives', async () => {
    const session = await steppedSession(options, many);
    expect(found(await session.check())).toEqual(['pages/p65/index.js:1 pays from bindtap="tap65" (pages/p65/index.bxml:1) via tap65 (open)']);

    // A page of the first slice pays: its tap alone is explored again.
    session.set('pages/p3/index.js', 'Page({ tap3() { bn.requestPayment({}); } });\n');
    expect(found(await session.check())).toEqual([
      'pages/p3/index.js:1 pays from bindtap="tap3" (pages/p3/index.bxml:1) via tap3 (open)',
      'pages/p65/index.js:1 pays from bindtap="tap65" (pages/p65/index.bxml:1) via tap65 (open)',
    ]);
    expect(sessionExplored()).toEqual(['tap3']);

    // A script that was no unit's gains a React hook, then loses it.
    session.set('utils/hooks.js', 'import { useEffect } from "react";\nexport function useCharge() { useEffect(() => { bn.requestPayment({}); }); }\n');
    expect(found(await session.check())).toContain('utils/hooks.js:2 pays from useEffect (utils/hooks.js:2) via useEffect callback (open) — in code nothing in the app loads');
    session.set('utils/hooks.js', 'export const ready = 2;\n');
    expect(found(await session.check())).toHaveLength(2);

    // A template of the second slice binds another method; then a page is added.
    session.set('pages/p65/index.bxml', '<view>Nothing to tap</view>\n');
    expect(found(await session.check())).toEqual(['pages/p3/index.js:1 pays from bindtap="tap3" (pages/p3/index.bxml:1) via tap3 (open)']);
    session.set('pages/extra/index.js', 'Page({ onLoad() { bn.requestPayment({}); } });\n');
    session.set('app.json', JSON.stringify({ pages: [...pages, 'pages/extra/index'] }));
    expect(found(await session.check())).toContain('pages/extra/index.js:1 pays from onLoad of pages/extra/index via onLoad (open)');
  });
});
