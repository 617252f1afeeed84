import { describe, expect, it } from 'vitest';
import type { LintOptions, LintResult } from '../runner/lint.js';
import { defineRule } from '../rules/rule.js';
import { miniApp, replaySession, steppedSession } from '../testing/index.js';

/**
 * Issue #9: the severity policy's count of where a method's name is used (unbound-methods.ts) is
 * kept across a session's runs and recounted in the changed files only, while the names, the
 * model and reachability hold. Each step must equal a fresh lint().
 */

const payRule = defineRule({
  meta: { id: 'test/pay', clauses: ['6.3'], severity: 'error', suppressible: true, docs: { description: 'test' }, messages: { pay: 'bn.{{name}}' } },
  create: (context) => ({ js: { bnCall: (call) => call.name === 'requestPayment' && context.report({ node: call.node, messageId: 'pay', data: { name: call.name } }) } }),
});

const options: LintOptions = { rules: [payRule] };

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/shop/index'] }),
  'pages/index/index.js': 'Page({ onLoad() {} });\n',
  'pages/index/index.bxml': '<view>Home</view>\n',
  'pages/shop/index.js': 'Page({\n  buy() {},\n  spare() { bn.requestPayment({ orderId: "x" }); },\n});\n',
  'pages/shop/index.bxml': '<button bindtap="buy">Buy</button>\n',
  'utils/later.js': 'export const use = (page) => page.spare();\n',
}) as Record<string, string>;

const UNBOUND = ' — in spare(), which nothing in the app calls';
const lowered = (result: LintResult) => result.findings.some((finding) => finding.ruleId === 'test/pay' && finding.message.endsWith(UNBOUND));

describe('mentions of unbound methods in a session', () => {
  it('equal a fresh lint() after edits that add and remove uses, in reachable and unreachable files', async () => {
    const expected = [false, true, false, true, true, false, true];
    await replaySession(options, app, [
      ['pages/index/index.bxml', '<view bindtap="spare">Home</view>\n'], // a binding elsewhere: a use
      ['pages/index/index.bxml', '<view>Home <!-- spare --></view>\n'], // commented out: no use
      ['pages/index/index.js', 'import { use } from "../../utils/later";\nPage({ onLoad() {} });\n'], // loads a file that uses it: reachability changes, no file of it does
      ['utils/later.js', 'export const use = (page) => page.buy();\n'], // the use goes from a file kept reachable
      ['pages/shop/index.js', 'Page({\n  buy() {},\n  // spare\n  spare() { bn.requestPayment({ orderId: "x" }); },\n});\n'], // a comment is no use
      ['utils/later.js', 'export const use = (page) => page.spare();\n'],
      ['pages/index/index.js', 'Page({ onLoad() {} });\n'], // unloaded again
    ], (result, step) => expect(lowered(result), `step ${step}`).toBe(expected[step]));
  });

  it('equals a fresh lint() after several edits between runs, and a run with no edit', async () => {
    const session = await steppedSession(options, app);
    expect(lowered(await session.check())).toBe(true);
    session.set('pages/index/index.js', 'import { use } from "../../utils/later";\nPage({ onLoad() {} });\n');
    session.set('pages/index/index.bxml', '<view bindtap="spare">Home</view>\n');
    expect(lowered(await session.check('two edits'))).toBe(false);
    session.set('pages/index/index.bxml', app['pages/index/index.bxml']!);
    session.set('utils/later.js', '');
    expect(lowered(await session.check('two uses gone'))).toBe(true);
    expect(lowered(await session.check('no edit'))).toBe(true);
  });
});
