/**
 * Nesting 10,000 deep: JS (every shape that nests: arrays, calls, parens, objects, functions,
 * blocks, JSX, templates, and the left-deep chains the parser builds without recursing), BXML
 * (elements, unclosed, mismatched), `{{ }}` expressions, inline `<bns>`, JSON and BXSS. No crash,
 * no rule failure, well-formed findings, bounded time; the whole CLI prints valid JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '@bmplint/core';
import { baseApp, expectCleanExit, expectNoInternalErrors, expectWellFormed, hasRule, lintTimed, runCli, SYNTAX_RULE, tempDir } from './helpers.js';

const DEPTH = 10_000;

/** Makes bmplint decode and parse every file and check nothing: the cost of parsing alone. */
const parseFloor = defineRule({
  meta: { id: 'bench/parse-floor', clauses: ['6.2'], severity: 'info', suppressible: true, docs: { description: 'parses every file, checks nothing' }, messages: { none: 'none' } },
  create: () => ({ file: { enter() {} } }),
});
const times = (text: string, n = DEPTH) => text.repeat(n);

/** Each shape nests DEPTH levels in a page script. */
const JS_SHAPES: Record<string, string> = {
  arrays: `const x = ${times('[')}1${times(']')}\n`,
  parens: `const x = ${times('(')}1${times(')')}\n`,
  calls: `const x = ${times('f(')}1${times(')')}\n`,
  objects: `const x = ${times('{a:')}1${times('}')}\n`,
  arrows: `const x = ${times('() => ')}1\n`,
  functions: `${times('function f() {')}${times('}')}\n`,
  blocks: `${times('{')}${times('}')}\n`,
  ifs: `${times('if (a) ')}b()\n`,
  ternaries: `const x = ${times('a ? b : ')}c\n`,
  unary: `const x = ${times('!')}a\n`,
  awaits: `async function g() { return ${times('await ')}a }\n`,
  templates: `const x = ${times('`${')}1${times('}`')}\n`,
  jsx: `const x = ${times('<a>')}${times('</a>')}\n`,
  'binary chain': `const x = 'https://api.example.com'${times(" + 'a'")}\n`,
  'member chain': `const x = bn${times('.a')}\n`,
  'call chain': `bn.request({ url: 'https://api.example.com' })${times('.then(f)')}\n`,
  'bn argument': `bn.request({ url: ${times('(')}'https://api.example.com'${times(')')} })\n`,
  'string concatenation in bn.request': `bn.request({ url: 'http://api.example.com/'${times(' + x')} })\n`,
  unclosed: `const x = ${times('[{(')}\n`,
};

describe('JS nested 10,000 deep', () => {
  for (const [shape, code] of Object.entries(JS_SHAPES)) {
    it(`${shape}: no crash, no rule failure, bounded time`, async () => {
      const { result, ms } = await lintTimed(baseApp({ 'pages/index/index.js': `${code}Page({})\n` }));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
    });
  }

  it('a script too deep to parse is reported as a syntax error when the rule is loaded', async () => {
    const { result } = await lintTimed(baseApp({ 'pages/index/index.js': JS_SHAPES.arrays.repeat(1) + JS_SHAPES.functions }));
    if (await hasRule(SYNTAX_RULE)) {
      // Either the parser managed (no finding needed) or its failure is a finding, never silence plus a crash.
      const parsedOrReported = result.findings.some((finding) => finding.ruleId === SYNTAX_RULE) || result.findings.every((finding) => finding.ruleId !== 'bmplint/internal-error');
      expect(parsedOrReported).toBe(true);
    }
    expectNoInternalErrors(result.findings);
  });

  it('the whole CLI prints valid JSON for a bundle holding every shape, in bounded time and memory', async () => {
    const root = tempDir('deep');
    const files: Record<string, string | Uint8Array> = baseApp();
    Object.values(JS_SHAPES).forEach((code, index) => {
      files[`lib/deep-${index}.js`] = code;
    });
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    const run = await runCli(['check', root, '--format', 'json']);
    expectCleanExit(run);
    expect(run.report!.findings.filter((finding) => finding.ruleId === 'bmplint/internal-error')).toEqual([]);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.peakMb).toBeLessThan(400);
  });
});

describe('BXML nested 10,000 deep', () => {
  const cases: Record<string, string> = {
    elements: `${times('<view class="a">')}x${times('</view>')}\n`,
    'elements with bindings': `${times('<view bn:if="{{a}}" bindtap="onTap">')}{{n}}${times('</view>')}\n`,
    unclosed: `${times('<view>')}x\n`,
    'unmatched closing tags': `${times('</view>')}\n`,
    'closers that never match a deep stack': `${times('<a>')}${times('</b>')}\n`,
    'alternating names': `${times('<view><text>', DEPTH / 2)}${times('</text></view>', DEPTH / 2)}\n`,
    'deep {{ }} expression': `<view>{{ ${times('(')}a${times(')')} }}</view>\n`,
    'deep {{ }} object': `<template is="t" data="{{ ${times('a: {')}b: 1${times('}')} }}"/>\n`,
    'deep inline <bns>': `<bns module="m">module.exports = ${times('[')}1${times(']')};</bns>\n<view>{{m}}</view>\n`,
    comments: `${times('<!-- <view> -->')}\n`,
  };
  for (const [shape, template] of Object.entries(cases)) {
    it(`${shape}: no crash, no rule failure, bounded time`, async () => {
      const { result, ms } = await lintTimed(baseApp({ 'pages/index/index.bxml': template }));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
    });
  }

  it('closing tags that match nothing on a deep stack cost linear time (5,000 → 20,000 of each: at most ~4×, allowed 8×)', async () => {
    // Each unmatched `</b>` scans the whole stack of open `<a>`s: opens × closers steps when done naively.
    const time = async (n: number) => {
      const files = baseApp({ 'pages/index/index.bxml': `${'<a>'.repeat(n)}${'</b>'.repeat(n)}\n` });
      let best = Infinity;
      for (let i = 0; i < 2; i++) best = Math.min(best, (await lintTimed(files, undefined, [parseFloor])).ms);
      return best;
    };
    await time(1_000); // warm up
    const small = await time(5_000);
    const large = await time(20_000);
    expect(large / small, `5,000: ${small.toFixed(0)} ms, 20,000: ${large.toFixed(0)} ms`).toBeLessThan(large > 200 ? 8 : Infinity);
  });

  it('an unclosed deep template is reported when the syntax rule is loaded', async () => {
    const { result } = await lintTimed(baseApp({ 'pages/index/index.bxml': cases.unclosed }));
    if (await hasRule(SYNTAX_RULE)) {
      expect(result.findings.some((finding) => finding.ruleId === SYNTAX_RULE && finding.file === 'pages/index/index.bxml')).toBe(true);
    }
  });
});

describe('JSON and BXSS nested 10,000 deep', () => {
  const cases: Record<string, Record<string, string>> = {
    'page json arrays': { 'pages/index/index.json': `{"navigationBarTitleText": "x", "deep": ${times('[')}1${times(']')}}` },
    'page json objects': { 'pages/index/index.json': `{"usingComponents": ${times('{"a":')}1${times('}')}}` },
    'app.json': { 'app.json': `{"pages": ["pages/index/index"], "window": ${times('{"a":')}1${times('}')}}` },
    'listing.json': { 'listing.json': `{"name": "Deep", "description": ${times('[')}"x"${times(']')}}` },
    'bxss nested rules': { 'pages/index/index.bxss': `${times('.a {')}color: red;${times('}')}\n` },
    'bxss nested at-rules': { 'pages/index/index.bxss': `${times('@media screen {')}.a { color: red; }${times('}')}\n` },
    'bxss unclosed': { 'pages/index/index.bxss': `${times('.a {')}\n` },
  };
  for (const [shape, files] of Object.entries(cases)) {
    it(`${shape}: no crash, no rule failure, bounded time`, async () => {
      const { result, ms } = await lintTimed(baseApp(files));
      expectWellFormed(result.findings);
      expectNoInternalErrors(result.findings);
      expect(ms).toBeLessThan(5_000);
    });
  }
});
