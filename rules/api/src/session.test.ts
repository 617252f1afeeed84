import { describe, expect, it } from 'vitest';
import { lint, openMemoryBundle, openSession, type LintOptions, type LintResult } from '@bmplint/core';
import { miniApp, steppedSession } from '@bmplint/core/testing';
import rules from './index.js';

const options: LintOptions = { rules };
const listing = `${JSON.stringify({ name: 'Signal Pro', logo: 'logo.png', description: 'Live gas fee tiers.' }, null, 2)}\n`;

const app = miniApp({
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/login/index'] }),
  'listing.json': listing,
  'config.js': "export const AUTH = 'https://api.example.com/session';\n",
  'pages/index/index.js': "Page({ onLoad() { bn.xrScene = 1; }, pay() { bn.showModal({ success: (res) => { if (res.confirm) bn.requestPayment({}); } }); } });\n",
  'pages/index/index.bxml': '<button bindtap="pay">Continue</button>\n',
  'pages/login/index.js': "import { AUTH } from '../../config';\nPage({ signIn() { bn.request({ url: AUTH + '?next=home' }); }, scene() { return bn.xrScene; } });\n",
  'pages/login/index.bxml': '<button bindtap="signIn">Sign in</button>\n',
}) as Record<string, string>;

const fresh = async (files: Record<string, string>) => lint(openMemoryBundle(files), options);
const problems = (result: LintResult) => result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);

describe('the api rules in a session', () => {
  it('give what a fresh lint() gives as files change, the edited file\'s findings and those it causes in other files', async () => {
    const session = await openSession(openMemoryBundle(app), options);
    const files = { ...app };
    const step = async (path: string, content: string | null) => {
      session.setFile(path, content);
      if (content === null) delete files[path];
      else files[path] = content;
      const incremental = await session.lint();
      expect(JSON.parse(JSON.stringify(incremental))).toEqual(JSON.parse(JSON.stringify(await fresh(files))));
      return problems(incremental);
    };

    const first = problems(await session.lint());
    expect(first).toEqual(problems(await fresh(files)));
    // The app pays and the description says nothing about it; xrScene is the app's own store.
    expect(first).toContain('api/payment-disclosure listing.json:4');
    expect(first).toContain('api/test-account listing.json:1');
    expect(first.filter((problem) => problem.startsWith('api/no-private-api'))).toEqual([]);
    expect(first.filter((problem) => problem.startsWith('api/third-party-login'))).toEqual([]);

    // A constant in another file makes the unchanged login page reach Google's sign-in endpoint.
    let now = await step('config.js', "export const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';\n");
    expect(now).toContain('api/third-party-login pages/login/index.js:2');
    now = await step('config.js', "export const AUTH = 'https://api.example.com/session';\n");
    expect(now.filter((problem) => problem.startsWith('api/third-party-login'))).toEqual([]);

    // The page that stored xrScene no longer does: the other page's read of it is reported.
    now = await step('pages/index/index.js', 'Page({ pay() { bn.showModal({ success: (res) => { if (res.confirm) bn.requestPayment({}); } }); } });\n');
    expect(now).toContain('api/no-private-api pages/login/index.js:2');

    // The payment loses its confirmation, then goes away: the payment findings follow.
    now = await step('pages/index/index.js', 'Page({ pay() { bn.requestPayment({}); } });\n');
    expect(now).toContain('api/payment-confirmation pages/index/index.js:1');
    now = await step('pages/index/index.js', 'Page({ pay() {} });\n');
    expect(now.filter((problem) => /payment/.test(problem))).toEqual([]);
    expect(now).not.toContain('api/test-account listing.json:1');

    // A login without a way out, then a logout button in another file.
    now = await step('pages/login/index.js', "Page({ signIn() { bn.login({}); }, subscribe() { bn.requestSubscribeMessage({ tmplIds: ['a'] }); }, onShow() { this.subscribe(); } });\n");
    expect(now).toEqual(expect.arrayContaining(['api/login-exit pages/login/index.js:1', 'api/subscribe-message-gesture pages/login/index.js:1', 'api/test-account listing.json:1']));
    now = await step('pages/index/index.bxml', '<button bindtap="logout">Log out</button>\n');
    expect(now).not.toContain('api/login-exit pages/login/index.js:1');
  });
});

describe('the flow rules in a session', () => {
  it('follow a payment and its confirmation across files as helpers, templates and files change', async () => {
    const session = await steppedSession(options, miniApp({
      'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/shop/index'] }),
      'listing.json': `${JSON.stringify({ name: 'Signal Pro', logo: 'logo.png', description: 'Paid alerts for gas fees.', testAccount: { id: 'a', password: 'b' } }, null, 2)}\n`,
      'pages/index/index.js': 'Page({ onLoad() {} });\n',
      'pages/shop/index.js': "import { charge } from '../../utils/pay';\nPage({\n  buy() { charge(1); },\n  subscribe() { bn.requestSubscribeMessage({ tmplIds: ['a'] }); },\n});\n",
      'pages/shop/index.bxml': '<button bindtap="buy">Buy</button>\n<button bindtap="subscribe">Notify me</button>\n',
      'utils/pay.js': 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n',
    }) as Record<string, string>);
    const flowProblems = async () => problems(await session.check()).filter((problem) => /payment-confirmation|subscribe-message-gesture/.test(problem));
    expect(await flowProblems()).toEqual(['api/payment-confirmation utils/pay.js:1']);

    // The helper asks first, then no longer does.
    const confirmed = 'export async function charge(id) {\n  const { confirm } = await bn.showModal({ title: "Pay?" });\n  if (!confirm) return;\n  bn.requestPayment({ orderId: id });\n}\n';
    session.set('utils/pay.js', confirmed);
    expect(await flowProblems()).toEqual([]);
    session.set('utils/pay.js', 'export function charge(id) { bn.requestPayment({ orderId: id }); }\n');
    expect(await flowProblems()).toEqual(['api/payment-confirmation utils/pay.js:1']);

    // The payment moves into the page's own code, behind a modal in another helper file.
    session.set('utils/pay.js', null);
    session.set('utils/ask.js', 'export function ask() { return new Promise((resolve, reject) => bn.showModal({ title: "Pay?", success: (res) => (res.confirm ? resolve() : reject()) })); }\n');
    session.set('pages/shop/index.js', "import { ask } from '../../utils/ask';\nPage({\n  async buy() { await ask(); bn.requestPayment({ orderId: 1 }); },\n  subscribe() { bn.requestSubscribeMessage({ tmplIds: ['a'] }); },\n});\n");
    expect(await flowProblems()).toEqual([]);
    // The modal helper stops asking: the page's unchanged code is now unconfirmed.
    session.set('utils/ask.js', 'export function ask() { return Promise.resolve(); }\n');
    expect(await flowProblems()).toEqual(['api/payment-confirmation pages/shop/index.js:3']);

    // The template binds the subscription to the page's load event instead of a tap.
    session.set('pages/shop/index.bxml', '<button bindtap="buy">Buy</button>\n<image src="/a.png" bindload="subscribe"/>\n');
    expect(await flowProblems()).toEqual(['api/payment-confirmation pages/shop/index.js:3', 'api/subscribe-message-gesture pages/shop/index.js:4']);

    // The helper is renamed, then deleted with the import fixed.
    session.set('utils/ask.js', null);
    session.set('utils/confirm.js', 'export function ask() { return new Promise((resolve, reject) => bn.showModal({ title: "Pay?", success: (res) => (res.confirm ? resolve() : reject()) })); }\n');
    await session.check();
    session.set('pages/shop/index.js', "import { ask } from '../../utils/confirm';\nPage({\n  async buy() { await ask(); bn.requestPayment({ orderId: 1 }); },\n  subscribe() { bn.requestSubscribeMessage({ tmplIds: ['a'] }); },\n});\n");
    expect(await flowProblems()).toEqual(['api/subscribe-message-gesture pages/shop/index.js:4']);
    session.set('utils/confirm.js', null);
    expect(await flowProblems()).toEqual(expect.arrayContaining(['api/payment-confirmation pages/shop/index.js:3']));
  });
});

describe('payment-confirmation in a session: each run of triggers summed once, kept while its files hold', () => {
  const pay = (files: Record<string, string>) => miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/product/index', 'pages/pay/index', 'pages/sheet/index'] }),
    'listing.json': `${JSON.stringify({ name: 'Signal Pro', logo: 'logo.png', description: 'Paid alerts for gas fees.', testAccount: { id: 'a', password: 'b' } }, null, 2)}\n`,
    'utils/pay.js': 'export function payOrder(order) {\n  return bn.requestPayment(order);\n}\n',
    'pages/index/index.js': 'Page({ onLoad() {} });\n',
    // A checkout page: its confirmation opens the pay page, whose onLoad pays.
    'pages/product/index.bxml': '<view>\n  <text>Price: 9.99 USDT</text>\n  <button bindtap="next">Confirm order</button>\n</view>\n',
    'pages/product/index.js': "Page({ next() { bn.navigateTo({ url: '/pages/pay/index?sku=premium' }); } });\n",
    'pages/pay/index.bxml': '<view>Processing payment…</view>\n',
    'pages/pay/index.js': "import { payOrder } from '../../utils/pay.js';\nPage({ onLoad() { payOrder({}); } });\n",
    // A page that pays on a component's confirm event: the component's template decides.
    'pages/sheet/index.json': JSON.stringify({ usingComponents: { 'pay-sheet': '/components/pay-sheet/index' } }),
    'pages/sheet/index.bxml': '<pay-sheet amount="{{price}}" bindconfirm="onConfirm"/>\n',
    'pages/sheet/index.js': "import { payOrder } from '../../utils/pay.js';\nPage({ onConfirm() { payOrder({ sheet: true }); } });\n",
    'components/pay-sheet/index.json': '{ "component": true }\n',
    'components/pay-sheet/index.bxml': '<view>Amount: {{amount}} USDT <button bindtap="confirm">Confirm</button></view>\n',
    'components/pay-sheet/index.js': "Component({ methods: { confirm() { this.triggerEvent('confirm'); } } });\n",
    ...files,
  }) as Record<string, string>;
  const payments = (result: LintResult) => problems(result).filter((problem) => problem.startsWith('api/payment-confirmation'));

  it('re-reads what a run\'s start states depend on: another page\'s confirmation, a component\'s template, a navigator, the app\'s hooks', async () => {
    const session = await steppedSession(options, pay({}));
    expect(payments(await session.check())).toEqual([]);

    // The checkout's button no longer confirms: the pay page's unchanged onLoad pays unconfirmed.
    session.set('pages/product/index.bxml', '<view>\n  <text>Price: 9.99 USDT</text>\n  <button bindtap="next">Next</button>\n</view>\n');
    expect(payments(await session.check())).toEqual(['api/payment-confirmation utils/pay.js:2']);
    session.set('pages/product/index.bxml', '<view>\n  <text>Price: 9.99 USDT</text>\n  <button bindtap="next">Confirm order</button>\n</view>\n');
    expect(payments(await session.check())).toEqual([]);

    // The component's template (read by no trigger's own unit) drops its confirm control, then gets it back.
    session.set('components/pay-sheet/index.bxml', '<view>Amount: {{amount}} USDT</view>\n');
    expect((await session.check()).findings.filter((finding) => finding.ruleId === 'api/payment-confirmation').map((finding) => finding.message)).toEqual([expect.stringContaining('bindconfirm="onConfirm"')]);
    session.set('components/pay-sheet/index.bxml', '<view>Amount: {{amount}} USDT <button bindtap="confirm">Confirm</button></view>\n');
    expect(payments(await session.check())).toEqual([]);

    // A second way into the pay page, a plain navigator link, then one that confirms with the amount shown.
    session.set('pages/index/index.bxml', '<navigator url="/pages/pay/index">Go premium</navigator>\n');
    expect(payments(await session.check())).toEqual(['api/payment-confirmation utils/pay.js:2']);
    session.set('pages/index/index.bxml', '<view>Total: 9.99 USDT</view>\n<navigator url="/pages/pay/index">Confirm and pay</navigator>\n');
    expect(payments(await session.check())).toEqual([]);

    // The app's hooks pay, then stop.
    session.set('app.js', "import { payOrder } from './utils/pay.js';\nApp({ onLaunch() { payOrder({ app: true }); } });\n");
    expect((await session.check()).findings.filter((finding) => finding.ruleId === 'api/payment-confirmation').map((finding) => finding.message)).toEqual([expect.stringContaining('onLaunch of the app')]);
    session.set('app.js', 'App({ onLaunch() {} });\n');
    expect(payments(await session.check())).toEqual([]);

    // Edits of the page scripts themselves: the pay page's own run, then the sheet's.
    session.set('pages/pay/index.js', "import { payOrder } from '../../utils/pay.js';\nPage({ onShow() { payOrder({}); } });\n");
    expect(payments(await session.check())).toEqual([]);
    session.set('pages/sheet/index.js', "import { payOrder } from '../../utils/pay.js';\nPage({ onConfirm() { payOrder({ sheet: true }); }, onLoad() { payOrder({ load: true }); } });\n");
    expect(payments(await session.check())).toEqual(['api/payment-confirmation utils/pay.js:2']);
  });
});
