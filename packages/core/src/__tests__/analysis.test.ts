import { describe, expect, it } from 'vitest';
import type { CallExpression, Node } from '@babel/types';
import { openMemoryBundle } from '../bundle/memory.js';
import { Project } from '../project/project.js';
import { walkJs } from '../analysis/walk.js';
import { UNKNOWN } from '../analysis/static-value.js';
import { handlerGraph } from '../analysis/handlers.js';
import { flowOf } from '../analysis/flow.js';
import { parseOrigin } from '../analysis/url.js';

function projectOf(files: Record<string, string>) {
  return new Project(openMemoryBundle({ 'app.json': '{"pages":["pages/index/index"]}', ...files }));
}

/** The first argument of every `probe(...)` call in a file, evaluated as a string prefix. */
function probes(project: Project, path: string) {
  const file = project.jsFile(path)!;
  const found: Node[] = [];
  walkJs(file.ast!, {
    enter(node) {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe') found.push((node as CallExpression).arguments[0]);
    },
  });
  return found.map((node) => project.evaluator.stringPrefix(node, file));
}

describe('StaticEvaluator', () => {
  it('folds literals, templates, concatenation and consts in scope', () => {
    const project = projectOf({
      'a.js': [
        "const BASE = 'https://api.example.com';",
        "const V = 'v1';",
        'probe(`${BASE}/${V}/gas`);',
        "probe(BASE + '/x');",
        'function f(BASE) { probe(BASE + "/y"); }',
        'probe(`${BASE}/${user.id}`);',
        "const cfg = { api: { base: 'https://cfg.example.com' } };",
        "probe(cfg.api.base + '/z');",
        "probe(cfg['api'].base);",
        "probe(true ? 'https://t.example.com' : 'https://f.example.com');",
      ].join('\n'),
    });
    expect(probes(project, 'a.js')).toEqual([
      { value: 'https://api.example.com/v1/gas', prefix: 'https://api.example.com/v1/gas' },
      { value: 'https://api.example.com/x', prefix: 'https://api.example.com/x' },
      expect.objectContaining({ prefix: '' }),
      expect.objectContaining({ prefix: 'https://api.example.com/' }),
      { value: 'https://cfg.example.com/z', prefix: 'https://cfg.example.com/z' },
      { value: 'https://cfg.example.com', prefix: 'https://cfg.example.com' },
      { value: 'https://t.example.com', prefix: 'https://t.example.com' },
    ]);
  });

  it('follows ESM imports, re-exports and CommonJS requires across files', () => {
    const project = projectOf({
      'config/index.js': "export const API = 'https://esm.example.com';\nexport * from './more';\nexport default { CDN: 'https://cdn.example.com' };",
      'config/more.js': "export const MORE = 'https://more.example.com';",
      'utils/cjs.js': "const HOST = 'https://cjs.example.com';\nmodule.exports = { HOST };\nexports.OTHER = 'https://other.example.com';",
      'pages/index/index.js': [
        "import { API, MORE } from '../../config/index';",
        "import config from '../../config';",
        "const { HOST, OTHER } = require('../../utils/cjs.js');",
        "probe(API + '/a'); probe(MORE); probe(config.CDN); probe(`${HOST}/b`); probe(OTHER);",
      ].join('\n'),
    });
    expect(probes(project, 'pages/index/index.js').map((result) => result.value)).toEqual([
      'https://esm.example.com/a', 'https://more.example.com', 'https://cdn.example.com', 'https://cjs.example.com/b', 'https://other.example.com',
    ]);
  });

  it('follows exported config objects through require(), default and namespace imports, members and destructuring', () => {
    const project = projectOf({
      'config.js': "module.exports = { root: 'http://localhost:8080', api: { v1: 'https://api.example.com/v1' } };",
      'config/api.js': "var ROOT = 'https://cfg.example.com/wx/';\nmodule.exports = {\n  IndexUrl: ROOT + 'home/index',\n};",
      'config/named.js': "exports.base = 'https://named.example.com';",
      'config/alias.js': "const settings = { host: 'https://alias.example.com' };\nmodule.exports = settings;",
      'config/esm.js': "export const HOST = 'https://esm.example.com';",
      'pages/index/index.js': [
        "const { root } = require('../../config');",
        "import config from '../../config.js';",
        "const api = require('../../config/api.js');",
        "const named = require('../../config/named');",
        "import * as esm from '../../config/esm';",
        "const { api: { v1 } } = config;",
        "const alias = require('../../config/alias');",
        'probe(`${root}/x`);',
        "probe(config.root + '/y');",
        'probe(api.IndexUrl);',
        'probe(named.base);',
        'probe(esm.HOST);',
        "probe(config.api.v1 + '/z');",
        'probe(alias.host);',
        "probe(require('../../config').root);",
      ].join('\n'),
    });
    expect(probes(project, 'pages/index/index.js').map((result) => result.value)).toEqual([
      'http://localhost:8080/x', 'http://localhost:8080/y', 'https://cfg.example.com/wx/home/index', 'https://named.example.com',
      'https://esm.example.com', 'https://api.example.com/v1/z', 'https://alias.example.com', 'http://localhost:8080',
    ]);
  });

  it('folds a var or let the file never writes again, and nothing that is written again', () => {
    const project = projectOf({
      'a.js': [
        "var ONCE = 'https://once.example.com';",
        "let twice = 'https://a.example.com';",
        "twice = 'https://b.example.com';",
        "var branch = 'https://c.example.com';",
        "if (dev) { var branch = 'http://localhost'; }",
        "let counted = 'x';",
        'counted += 1;',
        'probe(ONCE); probe(twice); probe(branch); probe(counted);',
      ].join('\n'),
    });
    expect(probes(project, 'a.js').map((result) => result.value)).toEqual(['https://once.example.com', undefined, undefined, undefined]);
  });

  it('reads getApp().globalData from app.js', () => {
    const project = projectOf({
      'app.js': "App({ globalData: { apiBase: 'https://app.example.com' } });",
      'pages/index/index.js': "const app = getApp();\nprobe(app.globalData.apiBase + '/x');\nprobe(getApp().globalData.missing);",
    });
    const [first, second] = probes(project, 'pages/index/index.js');
    expect(first.value).toBe('https://app.example.com/x');
    expect(second.value).toBeUndefined();
  });

  it('returns UNKNOWN instead of looping on cyclic consts and imports', () => {
    const project = projectOf({
      'a.js': "import { B } from './b';\nexport const A = B;\nprobe(A);",
      'b.js': "import { A } from './a';\nexport const B = A;",
    });
    expect(probes(project, 'a.js')[0].value).toBeUndefined();
    expect(project.evaluator.evaluate(null, project.jsFile('a.js')!)).toBe(UNKNOWN);
  });
});

describe('BnApiIndex', () => {
  const calls = (files: Record<string, string>, path = 'pages/index/index.js') => {
    const project = projectOf(files);
    const file = project.jsFile(path)!;
    const bn = project.bnApi(file)!;
    const names: string[] = [];
    walkJs(file.ast!, {
      enter(node) {
        if (node.type === 'CallExpression') {
          const call = bn.call(node as CallExpression);
          if (call) names.push(`${call.name}:${call.spelling}`);
        }
      },
    });
    return names;
  };

  it('finds bn calls in every spelling', () => {
    expect(
      calls({
        'pages/index/index.js': [
          'bn.request({});',
          "bn['showToast']({});",
          'const { navigateTo, showModal: ask } = bn;',
          'navigateTo({}); ask({});',
          'const pay = bn.requestPayment; pay({});',
          "const key = 'getLocation'; bn[key]({});",
          'bn.login?.();',
        ].join('\n'),
      }),
    ).toEqual(['request:member', 'showToast:computed', 'navigateTo:alias', 'showModal:alias', 'requestPayment:alias', 'getLocation:computed']);
  });

  it('follows @binance/mp-service imports and requires', () => {
    expect(
      calls({
        'pages/index/index.tsx': [
          "import mpService, { request as send, useDidShow } from '@binance/mp-service';",
          "import * as svc from '@binance/mp-service';",
          "const mp = require('@binance/mp-service');",
          'mpService.showToast({}); send({}); svc.navigateBack(); mp.setStorageSync("k", 1); useDidShow(() => {});',
        ].join('\n'),
      }, 'pages/index/index.tsx'),
    ).toEqual(['showToast:member', 'request:alias', 'navigateBack:member', 'setStorageSync:member', 'useDidShow:alias']);
  });

  it('ignores a local variable named bn', () => {
    expect(calls({ 'pages/index/index.js': 'function f(bn) { return bn.toString(); }\nconst g = () => { const bn = new BN(1); bn.request(); };' })).toEqual([]);
  });
});

describe('handlerGraph', () => {
  it('maps template handlers to page methods and their calls', () => {
    const project = projectOf({
      'pages/index/index.bxml': '<button bindtap="pay">Pay</button>\n<view catch:longpress="{{dynamic}}"/>\n<view bindtap="mod.fn"/>',
      'pages/index/index.js': [
        'function confirmThenPay(page) { page.doPay(); }',
        'Page({',
        '  pay() { const that = this; bn.showModal({}).then(() => that.doPay()); },',
        '  doPay: function () { bn.requestPayment({}); this.done(); },',
        '  done: () => {},',
        '  helper: confirmThenPay,',
        '});',
      ].join('\n'),
    });
    const graph = handlerGraph(project, project.pages[0]);
    expect(graph.registeredWith).toBe('Page');
    expect(graph.complete).toBe(true);
    expect(graph.bindings.map((binding) => [binding.event, binding.handler])).toEqual([['tap', 'pay'], ['longpress', undefined], ['tap', undefined]]);
    expect([...graph.methods.keys()]).toEqual(['pay', 'doPay', 'done', 'helper']);
    expect(graph.reachableFrom('pay').map((method) => method.name)).toEqual(['pay', 'doPay', 'done']);
    expect(graph.methods.get('pay')!.bnCalls.map((call) => call.name)).toEqual(['showModal']);
    expect(graph.methods.get('doPay')!.bnCalls.map((call) => call.name)).toEqual(['requestPayment']);
  });

  it('resolves a handler chosen in an expression to every constant name it can take', () => {
    const project = projectOf({
      'pages/index/index.bxml': [
        `<button bindtap="{{ disabled ? '' : 'onPay' }}">Pay</button>`,
        `<view bindTap="{{ mode === 1 ? 'openA' : (ok && 'openB') }}"/>`,
        '<view onLongPress="hold"/>',
        '<view bindtap="on{{ name }}"/>',
      ].join('\n'),
      'pages/index/index.js': 'Page({ onPay() { bn.requestPayment({}); }, openA() {}, openB() {}, hold() {} });',
    });
    const graph = handlerGraph(project, project.pages[0]);
    expect(graph.bindings.map((binding) => [binding.event, binding.handlers])).toEqual([
      ['tap', ['onPay']], ['tap', ['openB', 'openA']], ['longpress', ['hold']], ['tap', []],
    ]);
    // Flow rules see the tap that starts the payment.
    const triggers = flowOf(project).triggers().filter((trigger) => trigger.kind === 'event');
    expect(triggers.map((trigger) => [trigger.name, trigger.fn.name])).toEqual([['tap', 'onPay'], ['tap', 'openB'], ['tap', 'openA'], ['longpress', 'hold']]);
  });

  it('marks a graph incomplete when methods may come from behaviors or spreads', () => {
    const project = projectOf({
      'pages/index/index.bxml': '<view bindtap="fromMixin"/>',
      'pages/index/index.js': 'Page({ ...mixin, onLoad() {} });',
    });
    expect(handlerGraph(project, project.pages[0]).complete).toBe(false);
  });
});

describe('Flow.lifecycleTriggers', () => {
  it("gives the lifecycle triggers of the named scripts and the app, as triggers() orders them, and nothing of other pages", () => {
    const project = new Project(openMemoryBundle({
      'app.json': '{"pages":["pages/index/index","pages/other/index"]}',
      'app.js': 'App({ onLaunch() {}, onShow() {}, onError() {} });',
      'pages/index/index.bxml': '<view bindtap="go"/>',
      'pages/index/index.js': 'Page({ onShow() {}, onLoad() {}, onPullDownRefresh() {}, go() {} });',
      'pages/other/index.js': 'Page({ onLoad() {} });',
    }));
    const flow = flowOf(project);
    const names = (triggers: ReturnType<typeof flow.triggers>) => triggers.map((trigger) => `${trigger.route ?? 'app'} ${trigger.name}`);
    const only = flow.lifecycleTriggers(new Set(['pages/index/index.js']));
    expect(names(only)).toEqual(['pages/index/index onShow', 'pages/index/index onLoad', 'app onLaunch', 'app onShow']);
    expect(names(flow.triggers().filter((trigger) => trigger.kind === 'lifecycle' && trigger.route !== 'pages/other/index'))).toEqual(names(only));
  });
});

describe('Flow.triggerRuns', () => {
  it('cuts triggers() into runs of one kind from one unit, in order', () => {
    const project = new Project(openMemoryBundle({
      'app.json': '{"pages":["pages/index/index","pages/other/index"]}',
      'app.js': 'App({ onLaunch() {}, onShow() {}, onError() {} });',
      'pages/index/index.bxml': '<view bindtap="go"/><view bindtap="stop"/>',
      'pages/index/index.js': 'Page({ onShow() {}, go() {}, onLoad() {}, onPullDownRefresh() {}, stop() {} });',
      'pages/other/index.bxml': '<view bindtap="go"/>',
      'pages/other/index.js': 'Page({ onLoad() {}, go() {} });',
    }));
    const flow = flowOf(project);
    const runs = flow.triggerRuns().map((run) => run.map((trigger) => `${trigger.route ?? 'app'} ${trigger.name}`));
    expect(runs).toEqual([
      ['pages/index/index onShow', 'pages/index/index onLoad'],
      ['pages/other/index onLoad'],
      ['app onLaunch', 'app onShow'],
      ['pages/index/index onPullDownRefresh'],
      ['app onError'],
      ['pages/index/index tap', 'pages/index/index tap'],
      ['pages/other/index tap'],
    ]);
    expect(flow.triggerRuns().flat()).toEqual(flow.triggers());
  });
});

describe('parseOrigin', () => {
  it.each([
    ['https://API.Example.com/v1', true, { scheme: 'https', origin: 'https://api.example.com', isIp: false, isLocal: false }],
    ['https://api.example.com:443/x', true, { origin: 'https://api.example.com' }],
    ['wss://s.example.com:8443', true, { origin: 'wss://s.example.com:8443' }],
    ['http://203.0.113.7:8080/x', true, { scheme: 'http', isIp: true }],
    ['http://localhost:3000', true, { isLocal: true }],
    ['https://192.168.1.10/api', true, { isIp: true, isLocal: true }],
    ['https://[::1]/x', true, { isIp: true, isLocal: true }],
  ])('%s', (text, complete, expected) => expect(parseOrigin(text, complete)).toMatchObject(expected));

  it('knows only the scheme while the host may still continue', () => {
    expect(parseOrigin('https://api.', false)).toEqual({ scheme: 'https' });
    expect(parseOrigin('https://api.example.com/', false)?.origin).toBe('https://api.example.com');
    expect(parseOrigin('/pages/index/index')).toBeUndefined();
  });
});

describe('BnApiIndex on compiled code', () => {
  it('sees through .default and interop helpers', () => {
    const project = projectOf({
      'pages/index/index.js': [
        '"use strict";',
        'var _mpService = _interopRequireDefault(require("@binance/mp-service"));',
        'var svc = require("@binance/mp-service").default;',
        '_mpService.default.request({});',
        'svc.showToast({});',
      ].join('\n'),
    });
    const file = project.jsFile('pages/index/index.js')!;
    const bn = project.bnApi(file)!;
    const names: string[] = [];
    walkJs(file.ast!, { enter(node) { if (node.type === 'CallExpression') { const call = bn.call(node as CallExpression); if (call) names.push(call.name); } } });
    expect(names).toEqual(['request', 'showToast']);
  });
});
