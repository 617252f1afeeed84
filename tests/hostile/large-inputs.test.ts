/**
 * Size: thousands of tiny files, more files than the limit, a 50 MB script (over the per-file limit,
 * refused unread) and a minified one-line 5 MB script (over the parse limit: checked as text only, in
 * bounded time and memory; one just under the limit is parsed within the same memory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, defineRule, openMemoryBundle } from '@bmplint/core';
import { BUNDLE_RULE, baseApp, bundleIssues, expectCleanExit, expectNoInternalErrors, expectWellFormed, lintTimed, runCli, tempDir } from './helpers.js';

const MB = 1024 * 1024;

/** A rule that only makes bmplint parse every file (decode, parse, line index), with no walk: the parse floor. */
const parseFloor = defineRule({
  meta: { id: 'bench/parse-floor', clauses: ['6.2'], severity: 'info', suppressible: true, docs: { description: 'parses every file, checks nothing' }, messages: { none: 'none' } },
  create: () => ({ file: { enter() {} } }),
});

function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

describe('many files', () => {
  it('checks 5,000 tiny files on disk as a whole process in bounded time and memory', async () => {
    const root = tempDir('many');
    const files: Record<string, string> = { ...(baseApp() as Record<string, string>) };
    for (let i = 0; i < 5000; i++) {
      const dir = `lib/m${Math.floor(i / 100)}`;
      const kind = i % 4;
      if (kind === 0) files[`${dir}/f${i}.js`] = `module.exports = ${i}\n`;
      else if (kind === 1) files[`${dir}/f${i}.json`] = `{"n": ${i}}\n`;
      else if (kind === 2) files[`${dir}/f${i}.bxml`] = `<view>${i}</view>\n`;
      else files[`${dir}/f${i}.bxss`] = `.c${i} { color: red; }\n`;
    }
    writeTree(root, files);
    const run = await runCli(['check', root, '--format', 'json']);
    const report = expectCleanExit(run);
    expect(report.bundle.files).toBe(Object.keys(files).length);
    expect(report.findings.filter((finding) => finding.ruleId === 'bmplint/internal-error')).toEqual([]);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.peakMb).toBeLessThan(400);
  });

  it('reads at most maxFiles entries and says so with one bmplint/bundle finding', async () => {
    const files: Record<string, string> = { ...(baseApp() as Record<string, string>) };
    for (let i = 0; i < DEFAULT_LIMITS.maxFiles + 50; i++) files[`assets/t${i}.txt`] = 'x';
    const { result, ms } = await lintTimed(files);
    expect(result.bundle.files).toBe(DEFAULT_LIMITS.maxFiles);
    const issues = result.findings.filter((finding) => finding.ruleId === BUNDLE_RULE);
    expect(issues).toHaveLength(1);
    expect(issues[0].messageId).toBe('too-many-files');
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('a 50 MB script', () => {
  const big = (): Buffer => {
    const line = "var a = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';\n";
    return Buffer.from(line.repeat(Math.ceil((50 * MB) / line.length)));
  };

  it('is refused unread from a directory, with a bmplint/bundle finding, in bounded time and memory', async () => {
    const root = tempDir('big');
    writeTree(root, baseApp());
    writeFileSync(join(root, 'pages/index/vendor.js'), big());
    const { result, ms } = await lintTimed(root);
    expect(bundleIssues(result.findings)).toEqual(['file-too-large pages/index/vendor.js']);
    const finding = result.findings.find((f) => f.ruleId === BUNDLE_RULE)!;
    expect(finding.message).toMatch(/50\.0 MiB is over the 16\.0 MiB per-file limit/);
    expect(['error', 'warning']).toContain(finding.severity);
    expectNoInternalErrors(result.findings);
    expect(ms).toBeLessThan(5_000);

    const run = await runCli(['check', root, '--format', 'json']);
    expectCleanExit(run);
    expect(run.peakMb).toBeLessThan(150); // never read into memory
  });

  it('is refused from a memory bundle too', async () => {
    const bundle = openMemoryBundle({ ...baseApp(), 'pages/index/vendor.js': big() });
    const { result, ms } = await lintTimed(bundle);
    expect(bundleIssues(result.findings)).toEqual(['file-too-large pages/index/vendor.js']);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('a minified one-line 5 MB script', () => {
  /** Realistic minified code: many small functions, short names, one line, bn calls to the listed API. */
  function minified(targetBytes: number): { text: string; httpOffset: number } {
    const parts: string[] = ['!function(){"use strict";var e=getApp(),t="https://api.minified.example";'];
    let size = parts[0].length;
    for (let i = 0; size < targetBytes; i++) {
      const id = i.toString(36);
      const part =
        `function f_${id}(n,r){return new Promise(function(o,c){bn.request({url:t+"/v1/items/${id}?p="+n,method:"GET",data:{r:r,k:${i % 97}},` +
        `success:function(a){a&&a.data?o(a.data.items||[]):c(new Error("e${id}"))},fail:c})})}` +
        `var x_${id}={n:${i},s:"${id}".repeat(2),l:[${i % 7},${i % 11},${i % 13}],g:function(){return f_${id}(this.n,e.globalData)}};`;
      parts.push(part);
      size += part.length;
    }
    const tail = 'bn.request({url:"http://api.minified.example/v1/legacy"})}();';
    const text = parts.join('') + tail;
    return { text, httpOffset: text.length - tail.length + 'bn.request({url:'.length };
  }

  const loadsVendor = "require('./vendor.js');\nPage({});\n";
  const listing = JSON.stringify({ appId: 'Hx7tKqR3vNx9PmZ2cH4aYe', name: 'Minified', description: 'A page with a large minified vendor script.', logo: 'logo.png', category: 'Tools', tags: ['tools'], serviceDomains: ['https://api.minified.example'], businessDomains: [] });

  it('is checked as text only in bounded time, with the http:// URL at its end found at the right column of line 1', async () => {
    const { text, httpOffset } = minified(5 * MB);
    expect(text.length).toBeGreaterThanOrEqual(5 * MB);
    expect(text.length).toBeGreaterThan(DEFAULT_LIMITS.maxParseBytes);
    expect(text.includes('\n')).toBe(false);
    const { result, ms } = await lintTimed({ ...baseApp({ 'pages/index/index.js': loadsVendor }), 'listing.json': listing, 'pages/index/vendor.js': text });
    expectWellFormed(result.findings);
    expectNoInternalErrors(result.findings);
    const http = result.findings.filter((finding) => finding.ruleId === 'network/service-domain');
    // The page loads the script, so the error is not lowered as unreachable.
    expect(http.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity}`)).toEqual([`pages/index/vendor.js:1:${httpOffset + 1} error`]);
    // The report says the file was checked as text only, and by which checks.
    const note = result.findings.find((finding) => finding.ruleId === BUNDLE_RULE && finding.messageId === 'parse-limit');
    expect(note?.file).toBe('pages/index/vendor.js');
    expect(String(note?.data?.checks).split(', ')).toEqual(expect.arrayContaining(['availability/no-test-build', 'network/service-domain', 'privacy/no-secrets']));
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('stays under 600 MB as a whole process: over the default parse limit (text only), and just under it (parsed)', async () => {
    const over = minified(5 * MB);
    const under = minified(DEFAULT_LIMITS.maxParseBytes - 4096);
    for (const [name, { text, httpOffset }, parsed] of [['over', over, false], ['under', under, true]] as const) {
      const root = tempDir(`minified-${name}`);
      writeTree(root, { ...baseApp({ 'pages/index/index.js': loadsVendor }), 'listing.json': listing, 'pages/index/vendor.js': text });
      const run = await runCli(['check', root, '--format', 'json'], 120_000);
      const report = expectCleanExit(run);
      const http = report.findings.filter((finding) => finding.ruleId === 'network/service-domain');
      expect(http.map((finding) => `${finding.line}:${finding.column}`), name).toEqual([`1:${httpOffset + 1}`]);
      expect(bundleIssues(report.findings).includes('parse-limit pages/index/vendor.js'), name).toBe(!parsed);
      expect(run.peakMb, name).toBeLessThan(600);
    }
  }, 240_000);

  it('stays within 3× of the parse time when every function reuses the same short names (as minified code does)', async () => {
    // 20,000 functions each declaring `a` and `b` (0.75 MB). A scope lookup that scans every binding
    // of a name costs 20,000 × 20,000 steps here; a scope chain costs a few per reference.
    let code = '';
    for (let i = 0; i < 20_000; i++) code += `function f_${i}(a,b){return a.x+b(a)}`;
    const files = { ...baseApp(), 'pages/index/vendor.js': `${code}bn.request({url:"http://api.minified.example/x"})` };
    await lintTimed(files, undefined, [parseFloor]); // warm up the parser
    const floor = (await lintTimed(files, undefined, [parseFloor])).ms;
    const { result, ms } = await lintTimed(files);
    expect(result.findings.filter((finding) => finding.ruleId === 'network/service-domain')).toHaveLength(1);
    expect(ms, `parse floor ${floor.toFixed(0)} ms, all rules ${ms.toFixed(0)} ms`).toBeLessThan(3 * floor + 300);
  });
});
