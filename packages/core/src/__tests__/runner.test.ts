import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../runner/lint.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { defineRule } from '../rules/rule.js';
import { miniApp } from '../testing/index.js';

const tapRule = defineRule({
  meta: {
    id: 'test/tap',
    clauses: ['6.3'],
    severity: 'warning',
    suppressible: true,
    docs: { description: 'test' },
    messages: { call: 'call {{name}}', tap: 'tap on <{{tag}}>', css: 'color {{value}}', json: 'json' },
  },
  create(context) {
    return {
      js: { bnCall: (call) => context.report({ node: call.node, messageId: 'call', data: { name: call.name } }) },
      bxml: { attribute: (attribute) => attribute.name === 'bindtap' && context.report({ node: attribute, messageId: 'tap', data: { tag: attribute.element.name } }) },
      bxss: { decl: (decl) => decl.prop === 'color' && context.report({ node: decl, messageId: 'css', data: { value: decl.value } }) },
    };
  },
});

const lockedRule = defineRule({
  meta: { id: 'test/locked', clauses: ['4.1.1'], severity: 'error', suppressible: false, docs: { description: 'test' }, messages: { found: 'found' } },
  create(context) {
    return { js: { DebuggerStatement: (node) => context.report({ node, messageId: 'found' }) } };
  },
});

const throwingRule = defineRule({
  meta: { id: 'test/throws', clauses: ['6.2'], severity: 'error', suppressible: true, docs: { description: 'test' }, messages: { never: 'never' } },
  create() {
    return { js: { Identifier: () => { throw new Error('boom'); } } };
  },
});

const run = (files: Record<string, string>, rules = [tapRule], config = {}) => lint(openMemoryBundle(miniApp(files) as Record<string, string>), { rules, config });

describe('lint()', () => {
  it('walks every file kind once with the merged visitors and reports 1-based positions', async () => {
    const result = await run({
      'pages/index/index.js': 'Page({\n  go() { bn.navigateTo({ url: "/pages/index/index" }); },\n});',
      'pages/index/index.bxml': '<view>\n  <button bindtap="go">Go</button>\n</view>',
      'pages/index/index.bxss': '.a {\n  color: red;\n}',
    });
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message}`)).toEqual([
      'pages/index/index.bxml:2:11-2:23 tap on <button>',
      'pages/index/index.bxss:2:3-2:14 color red',
      'pages/index/index.js:2:10-2:54 call navigateTo',
    ]);
    expect(result.summary).toEqual({ errors: 0, warnings: 3, infos: 0, unchecked: 0 });
    expect(result.bundle).toMatchObject({ style: 'classic', files: 6 });
    expect(result.findings[0]).toMatchObject({ ruleId: 'test/tap', clauses: ['6.3'], severity: 'warning', messageId: 'tap', data: { tag: 'button' } });
  });

  it('turns a rule that throws into an internal-error finding naming the rule and file', async () => {
    const result = await run({}, [throwingRule, tapRule]);
    expect(result.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'bmplint/internal-error', file: 'app.js', severity: 'error', message: 'rule test/throws failed on this file: boom' }),
    ]));
  });

  it('honours inline suppressions except for non-suppressible rules', async () => {
    const result = await run(
      {
        'pages/index/index.js': [
          '// bmplint-disable-next-line test/tap -- navigation is intended here',
          'bn.navigateTo({});',
          'bn.redirectTo({}); // bmplint-disable-line',
          'bn.reLaunch({});',
          '// bmplint-disable-next-line',
          'debugger;',
        ].join('\n'),
        'pages/index/index.bxml': '<!-- bmplint-disable-next-line test/tap -->\n<button bindtap="a"/>\n<button bindtap="b"/>',
      },
      [tapRule, lockedRule],
    );
    expect(result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'pages/index/index.bxml:3 test/tap',
      'pages/index/index.js:4 test/tap',
      'pages/index/index.js:6 test/locked',
    ]);
  });

  it('applies config severities and refuses to weaken a hard rule', async () => {
    const warnings: string[] = [];
    const result = await lint(openMemoryBundle(miniApp({ 'pages/index/index.js': 'debugger; bn.request({});' }) as Record<string, string>), {
      rules: [tapRule, lockedRule],
      config: { rules: { 'test/tap': 'error', 'test/locked': 'off' } },
      onWarning: (message) => warnings.push(message),
    });
    expect(result.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['test/locked', 'error'], ['test/tap', 'error']]);
    expect(warnings).toEqual([expect.stringContaining('test/locked is a hard platform rule')]);
  });

  it('rejects config naming an unknown rule or bad options', async () => {
    const schemaRule = defineRule({ ...tapRule, meta: { ...tapRule.meta, id: 'test/options', schema: { type: 'object', properties: { max: { type: 'integer' } }, additionalProperties: false } } });
    await expect(lint(openMemoryBundle({}), { rules: [tapRule], config: { rules: { 'test/nope': 'error' } } })).rejects.toThrow('unknown rule: test/nope');
    await expect(lint(openMemoryBundle({}), { rules: [schemaRule], config: { rules: { 'test/options': ['error', { max: 'x' }] } } })).rejects.toThrow(/invalid options for test\/options/);
  });

  it('reports refused bundle entries as findings', async () => {
    const bundle = openMemoryBundle({ 'app.json': '{}', 'a.js': '1', './a.js': '2' });
    const result = await lint(bundle, { rules: [] });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'bmplint/bundle', file: 'a.js', severity: 'error', messageId: 'duplicate' })]);
  });

  it('parses only the file kinds some rule listens to', async () => {
    const parsed: string[] = [];
    const parseCache = { get: () => undefined, set: (key: string) => { parsed.push(key.split('\0')[0]); } };
    const files = miniApp({ 'pages/index/other.bxml': '<bns module="m">module.exports = {};</bns>' }) as Record<string, string>;
    await lint(openMemoryBundle(files), { rules: [lockedRule], parseCache });
    // The project model reads app.json and the page json (components); the JS rule needs the
    // scripts, and the one template holding an inline <bns> script. No other template, no style.
    expect(parsed.sort()).toEqual(['app.js', 'app.json', 'pages/index/index.js', 'pages/index/index.json', 'pages/index/other.bxml']);
  });
});

describe('lint() scope', () => {
  const projectRule = defineRule({
    meta: { id: 'test/project', clauses: ['6.3'], severity: 'warning', suppressible: true, docs: { description: 'test' }, messages: { pages: '{{n}} pages' } },
    create: (context) => ({ project: (project) => context.report({ file: 'app.json', messageId: 'pages', data: { n: project.pages.length } }) }),
  });
  const files = miniApp({ 'pages/index/index.js': 'Page({ onLoad() { bn.showToast({}); } });\n' });

  it("'files' runs only the rules without a project or findings hook, with the same findings as a whole run", async () => {
    const whole = await lint(openMemoryBundle(files), { rules: [tapRule, projectRule] });
    expect(whole.findings.map((finding) => finding.ruleId).sort()).toEqual(['test/project', 'test/tap']);
    const quick = await lint(openMemoryBundle(files), { rules: [tapRule, projectRule], scope: 'files' });
    expect(quick.findings).toEqual(whole.findings.filter((finding) => finding.ruleId === 'test/tap'));
  });
});

describe('the severity policy', () => {
  const rule = (id: string, severity: 'error' | 'warning', extra: Record<string, unknown> = {}, report: (context: any, node: any) => void = (context, node) => context.report({ node, messageId: 'found' })) =>
    defineRule({
      meta: { id, clauses: ['6.3'], severity, suppressible: true, docs: { description: 'test' }, messages: { found: `${id} found` }, ...extra },
      create(context) {
        return { js: { DebuggerStatement: (node) => report(context, node) } };
      },
    });

  it('shows a low-confidence error as a warning, keeping its confidence', async () => {
    const guess = rule('test/guess', 'error', {}, (context, node) => context.report({ node, messageId: 'found', confidence: 'low' }));
    const result = await run({ 'pages/index/index.js': 'debugger;' }, [guess]);
    expect(result.findings.map((finding) => [finding.severity, finding.confidence])).toEqual([['warning', 'low']]);
    expect(result.summary.errors).toBe(0);
  });

  it('lets a report lower its severity, never raise it', async () => {
    const lowers = rule('test/lowers', 'error', {}, (context, node) => {
      context.report({ node, messageId: 'found', severity: 'warning' });
      context.report({ node, messageId: 'found' });
    });
    const raises = rule('test/raises', 'warning', {}, (context, node) => context.report({ node, messageId: 'found', severity: 'error' }));
    const result = await run({ 'pages/index/index.js': 'debugger;' }, [lowers, raises]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`).sort()).toEqual(['test/lowers error', 'test/lowers warning', 'test/raises warning']);
  });

  it('drops a finding where a rule it defers to reported on the same line', async () => {
    const specific = rule('test/specific', 'error');
    const general = rule('test/general', 'warning', { defersTo: ['test/specific'] });
    const elsewhere = rule('test/elsewhere', 'warning', { defersTo: ['test/specific'] }, (context, node) => context.report({ node, messageId: 'found', file: 'app.js', loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }));
    // A finding about the whole file (lines 1 to 3) does not hide one on line 2.
    const wholeFile = rule('test/whole', 'error', {}, (context) => context.report({ messageId: 'found', file: 'app.js', loc: { start: { line: 1, column: 1 }, end: { line: 3, column: 1 } } }));
    const onLine2 = rule('test/line2', 'warning', { defersTo: ['test/whole'] }, (context) => context.report({ messageId: 'found', file: 'app.js', loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } } }));
    expect((await run({ 'app.js': 'a\nb\nc\n', 'pages/index/index.js': 'debugger;' }, [wholeFile, onLine2])).findings.map((finding) => finding.ruleId).sort()).toEqual(['test/line2', 'test/whole']);
    const result = await run({ 'pages/index/index.js': 'debugger;' }, [general, specific, elsewhere]);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.file}`).sort()).toEqual(['test/elsewhere app.js', 'test/specific pages/index/index.js']);
    // Without the specific rule, the general one reports.
    expect((await run({ 'pages/index/index.js': 'debugger;' }, [general])).findings.map((finding) => finding.ruleId)).toEqual(['test/general']);
  });

  it('marks findings in third-party code with their package', async () => {
    const found = rule('test/found', 'error');
    const result = await run({
      'pages/index/index.js': 'debugger;',
      'miniprogram_npm/@vant/weapp/button/index.js': 'debugger;',
      'libs/sdk/index.js': 'debugger;',
      'libs/sdk/package.json': '{"name": "acme-sdk", "version": "1.0.0"}',
      'utils/echarts.min.js': 'debugger;',
      'vendor/qs.js': '/*! qs v6.11.0 | BSD-3-Clause */\ndebugger;',
      'lib/own.js': 'debugger;',
      'components/rich-text/node/node.js': `debugger;var a=${'1+'.repeat(1500)}1;`,
    }, [found]);
    expect(Object.fromEntries(result.findings.map((finding) => [finding.file, finding.vendor ?? null]))).toEqual({
      'pages/index/index.js': null,
      'miniprogram_npm/@vant/weapp/button/index.js': '@vant/weapp',
      'libs/sdk/index.js': 'acme-sdk',
      'utils/echarts.min.js': 'echarts',
      'vendor/qs.js': 'qs',
      'lib/own.js': null,
      'components/rich-text/node/node.js': 'rich-text',
    });
  });

  it('marks a compiled library copied as a folder, without its package.json, by the declarations its build ships', async () => {
    const found = rule('test/found', 'error');
    const result = await run({
      'pages/index/index.js': 'debugger;',
      'pages/index/index.d.ts': 'export {};',
      'packageA/components/tdesign-miniprogram/tabs/tabs.js': 'debugger;',
      'packageA/components/tdesign-miniprogram/tabs/tabs.d.ts': 'export {};',
      'packageA/components/tdesign-miniprogram/common/src/control.js': 'debugger;',
      'packageA/components/tdesign-miniprogram/common/src/control.d.ts': 'export {};',
      'packageA/components/tdesign-miniprogram/README.js': 'debugger;',
      'lib/vant-weapp/button/index.js': 'debugger;',
      'lib/vant-weapp/button/index.d.ts': 'export {};',
      'pages/shop/@vant/weapp/sticky/index.js': 'debugger;',
      'pages/shop/@vant/weapp/sticky/index.d.ts': 'export {};',
      'components/card/card.js': 'debugger;',
      'packageB/components/package.json': '{ "name": "weui-miniprogram", "version": "1.0.0" }',
      'packageB/components/vtabs/vtabs.js': 'debugger;',
      'functions/login/package.json': '{ "name": "login" }',
      'functions/login/index.js': 'debugger;',
      'button/index.js': 'debugger;',
      'button/index.d.ts': 'export {};',
    }, [found]);
    expect(Object.fromEntries(result.findings.filter((finding) => finding.ruleId === 'test/found').map((finding) => [finding.file, finding.vendor ?? null]))).toEqual({
      // The app's own page, even with a declaration beside it: no folder names a copied package.
      'pages/index/index.js': null,
      'packageA/components/tdesign-miniprogram/tabs/tabs.js': 'tdesign-miniprogram',
      'packageA/components/tdesign-miniprogram/common/src/control.js': 'tdesign-miniprogram',
      // No declaration beside it: nothing says it came out of the library's build.
      'packageA/components/tdesign-miniprogram/README.js': null,
      'lib/vant-weapp/button/index.js': 'vant-weapp',
      'pages/shop/@vant/weapp/sticky/index.js': '@vant/weapp',
      'components/card/card.js': null,
      // A copy with its own package.json in a folder of shared units; a cloud function's manifest is no such copy.
      'packageB/components/vtabs/vtabs.js': 'weui-miniprogram',
      'functions/login/index.js': null,
      // A bundle that is itself the library: its own code.
      'button/index.js': null,
    });
  });

  it('lowers findings in files the app never loads, unless the rule says any file counts', async () => {
    const files = {
      'pages/index/index.js': "const api = require('../../utils/api');\ndebugger;\nPage({})",
      'utils/api.js': 'debugger;',
      'tools/pay.js': 'debugger;',
      'pages/main/main.js': 'debugger;',
    };
    const result = await run(files, [rule('test/found', 'error'), rule('test/shipped', 'error', { reachability: 'any-file' }), rule('test/note', 'warning')]);
    const shown = result.findings.map((finding) => [finding.ruleId, finding.file, finding.severity, finding.confidence ?? null, finding.unreachable ?? null, finding.message]);
    expect(shown).toEqual([
      ['test/found', 'pages/index/index.js', 'error', null, null, 'test/found found'],
      ['test/note', 'pages/index/index.js', 'warning', null, null, 'test/note found'],
      ['test/shipped', 'pages/index/index.js', 'error', null, null, 'test/shipped found'],
      ['test/found', 'pages/main/main.js', 'warning', 'low', true, 'test/found found — in code nothing in the app loads'],
      ['test/note', 'pages/main/main.js', 'warning', null, true, 'test/note found — in code nothing in the app loads'],
      ['test/shipped', 'pages/main/main.js', 'error', null, null, 'test/shipped found'],
      ['test/found', 'tools/pay.js', 'warning', 'low', true, 'test/found found — in code nothing in the app loads'],
      ['test/note', 'tools/pay.js', 'warning', null, true, 'test/note found — in code nothing in the app loads'],
      ['test/shipped', 'tools/pay.js', 'error', null, null, 'test/shipped found'],
      ['test/found', 'utils/api.js', 'error', null, null, 'test/found found'],
      ['test/note', 'utils/api.js', 'warning', null, null, 'test/note found'],
      ['test/shipped', 'utils/api.js', 'error', null, null, 'test/shipped found'],
    ]);
    expect(result.summary.errors).toBe(6);
  });

  it('lowers errors inside page methods that nothing binds, calls or mentions', async () => {
    const script = [
      'Page({',
      '  go() { this.helper(); },',
      '  helper() { debugger; },',
      '  gotoRoom() {',
      '    debugger;',
      '  },',
      '  onTabItemTap() { debugger; },',
      '  later() { debugger; },',
      '  passed() { debugger; },',
      '  onLoad() { setTimeout(this.passed, 10); },',
      '});',
    ].join('\n');
    const findingsOf = async (files: Record<string, string | null>) =>
      (await lint(openMemoryBundle(Object.fromEntries(Object.entries(miniApp(files)).filter((entry): entry is [string, string] => entry[1] !== null))), { rules: [rule('test/found', 'error')] })).findings.map((finding) => [finding.line, finding.severity, finding.unreachable ?? null, finding.message]);
    expect(await findingsOf({ 'pages/index/index.js': script, 'pages/index/index.bxml': '<button bindtap="go">Go</button>', 'utils/x.js': '', 'app.js': "App({ later: 'later' })" })).toEqual([
      [3, 'error', null, 'test/found found'],
      [5, 'warning', true, 'test/found found — in gotoRoom(), which nothing in the app calls'],
      [7, 'error', null, 'test/found found'],
      [8, 'error', null, 'test/found found'],
      [9, 'error', null, 'test/found found'],
    ]);
    // A handler chosen at run time may be any method: nothing is lowered.
    const dynamic = await findingsOf({ 'pages/index/index.js': script, 'pages/index/index.bxml': '<button bindtap="{{ handler }}">Go</button>' });
    expect(dynamic.filter((row) => row[1] !== 'error')).toEqual([]);
    // Without its template, what the page binds is unknown: nothing is lowered.
    const untemplated = await findingsOf({ 'pages/index/index.js': script, 'pages/index/index.bxml': null });
    expect(untemplated.map((row) => row[1])).toEqual(['error', 'error', 'error', 'error', 'error']);
  });

  it('keeps ignored files for resolution but neither walks nor reports on them', async () => {
    const walked: string[] = [];
    const seen = defineRule({
      meta: { id: 'test/seen', clauses: ['6.2'], severity: 'error', suppressible: true, docs: { description: 'test' }, messages: { found: 'found' } },
      create(context) {
        return {
          file: { enter: (file) => void walked.push(file.path) },
          project: (project) => {
            for (const use of project.componentUses) if (!use.files.template) context.report({ file: use.from, loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, messageId: 'found' });
            context.report({ file: 'miniprogram_npm/ui/button/index.json', loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, messageId: 'found' });
          },
        };
      },
    });
    const result = await run({
      'pages/index/index.json': '{"usingComponents": {"ui-button": "ui/button/index"}}',
      'miniprogram_npm/ui/button/index.json': '{"component": true}',
      'miniprogram_npm/ui/button/index.bxml': '<view/>',
      'miniprogram_npm/ui/button/index.js': 'Component({})',
    }, [seen], { ignorePatterns: ['miniprogram_npm/**'] });
    expect(result.findings).toEqual([]);
    expect(walked.some((path) => path.startsWith('miniprogram_npm/'))).toBe(false);
    // The same from a folder on disk, where ignored files used to be left out of the bundle.
    const root = mkdtempSync(join(tmpdir(), 'bmplint-ignore-'));
    for (const [path, text] of Object.entries(miniApp({
      'pages/index/index.json': '{"usingComponents": {"ui-button": "ui/button/index"}}',
      'miniprogram_npm/ui/button/index.json': '{"component": true}',
      'miniprogram_npm/ui/button/index.bxml': '<view/>',
      'miniprogram_npm/ui/button/index.js': 'Component({})',
    }))) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text as string);
    }
    walked.length = 0;
    const fromDisk = await lint(root, { rules: [seen], config: { ignorePatterns: ['miniprogram_npm/**'] } });
    expect(fromDisk.findings).toEqual([]);
    expect(walked.some((path) => path.startsWith('miniprogram_npm/'))).toBe(false);
  });
});
