/**
 * Files over `limits.maxParseBytes` are read as text by the rules' text passes (core's
 * `scanScriptText`, the network rules, availability/no-test-build, privacy/no-secrets). Text made to
 * defeat those scans — openers that never close, call heads that nest, quotes and expressions left
 * unterminated — must cost time linear in its length: 4× the text, at most 12× the time (a
 * quadratic scan takes 16×).
 */
import { describe, expect, it } from 'vitest';
import { baseApp, expectNoInternalErrors, lintTimed } from './helpers.js';
import { DEFAULT_LIMITS } from '@bmplint/core';

const SMALL = 40_000;
const LIMIT = 12;
/** Every file here is over this, so every text pass reads it. */
const limits = { ...DEFAULT_LIMITS, maxParseBytes: 1000 };

const FAMILIES: Record<string, (n: number) => { js: string; bxml: string }> = {
  'nested network call heads': (n) => ({ js: 'bn.request({a:'.repeat(n / 15), bxml: '<view/>' }),
  'call heads with long option values': (n) => ({ js: `bn.request({a:[${'1,'.repeat(n / 2)}`, bxml: '<view/>' }),
  'call heads with unterminated keys, urls and values': (n) => ({ js: 'bn.request({"\\bn.request({url:"\\bn.request({a:"\\bn.request({a:`${'.repeat(n / 64), bxml: '<view/>' }),
  'unterminated quotes and regular expressions': (n) => ({ js: '"\\\'\\(/['.repeat(n / 6), bxml: '<view/>' }),
  'module loads and Mock words': (n) => ({ js: 'require(from import(Mock.mock('.repeat(n / 30), bxml: '<view/>' }),
  'unclosed web-view tags': (n) => ({ js: 'Page({})', bxml: '<web-view src="http://a.example.com" '.repeat(n / 36) }),
  'unclosed comments and inline modules': (n) => ({ js: 'Page({})', bxml: `${'<!--'.repeat(n / 8)}${'<bns '.repeat(n / 10)}` }),
};

function bundle({ js, bxml }: { js: string; bxml: string }) {
  return baseApp({ 'pages/index/index.js': `require('./big.js');${js.length < 1000 ? js : 'Page({})'}`, 'pages/index/big.js': js.padEnd(1001), 'pages/index/index.bxml': bxml.padEnd(1001) });
}

describe('text passes on files over the parse limit', () => {
  for (const [name, make] of Object.entries(FAMILIES)) {
    it(`${name}: about linear from ${SMALL / 1000}k to ${(4 * SMALL) / 1000}k characters`, async () => {
      await lintTimed(bundle(make(SMALL)), limits); // warm up
      const small = await lintTimed(bundle(make(SMALL)), limits);
      const large = await lintTimed(bundle(make(4 * SMALL)), limits);
      expectNoInternalErrors(large.result.findings);
      expect(large.result.findings.some((finding) => finding.messageId === 'parse-limit' && finding.file === 'pages/index/big.js')).toBe(true);
      expect(large.ms, `${small.ms.toFixed(0)} ms, then ${large.ms.toFixed(0)} ms`).toBeLessThan(LIMIT * Math.max(small.ms, 50));
    }, 60_000);
  }
});
