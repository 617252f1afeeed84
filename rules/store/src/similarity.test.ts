import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBundle, openMemoryBundle } from '@bmplint/core';
import {
  HASH_COUNT, bundleShingles, bundleSignature, decodeSignature, encodeSignature, findNearDuplicates, jaccard, signatureOf, similarity,
  type BundleSignature,
} from './similarity.js';

const APPS = new URL('../../../fixtures/apps/', import.meta.url).pathname;

/** A fixture app as path → text (images as bytes). */
function readApp(name: string): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else files.set(`${prefix}${entry}`, /\.(png|jpe?g)$/.test(entry) ? new Uint8Array(readFileSync(path)) : readFileSync(path, 'utf8'));
    }
  };
  walk(join(APPS, name), '');
  return files;
}

/** Local names of clean-app, renamed consistently everywhere (JS, templates, styles). */
const RENAMES: Record<string, string> = {
  api: 'remote', settle: 'finishRequest', toError: 'asError', fetchGasTiers: 'loadFeeLevels', fetchLatestBlocks: 'loadRecent',
  fetchBlock: 'loadOne', fetchGasHistory: 'loadPast', openBlockStream: 'connectFeed', handlers: 'callbacks', task: 'socketTask',
  msg: 'frame', res: 'response', err: 'failure', API_BASE: 'ROOT_URL', STREAM_URL: 'FEED_URL', TIMEOUT_MS: 'WAIT_MS',
  loadSettings: 'readPrefs', saveSettings: 'writePrefs', loadWatchlist: 'readSaved', saveWatchlist: 'writeSaved', clearWatchlist: 'wipeSaved',
  SETTINGS_KEY: 'PREFS_KEY', WATCHLIST_KEY: 'SAVED_KEY', DEFAULT_SETTINGS: 'PREF_DEFAULTS', MAX_BLOCKS: 'BLOCK_LIMIT', blockCount: 'rowCount',
  startStream: 'beginFeed', stopStream: 'endFeed', onNewBlock: 'handleIncoming', refresh: 'reloadAll', tiers: 'levels', blocks: 'rows',
  hourLabel: 'formatHour', ADDRESS_RE: 'ADDR_PATTERN', MAX_ENTRIES: 'ENTRY_LIMIT', labelInput: 'nameDraft', addressInput: 'addrDraft',
  addressError: 'addrProblem', BLOCK_COUNTS: 'ROW_CHOICES', settings: 'prefs', height: 'level', socket: 'feed', clock: 'ticker',
};
const RENAME = new RegExp(`\\b(${Object.keys(RENAMES).join('|')})\\b`, 'g');

/** The same app, with variables renamed, comments added and the whitespace changed. */
function disguise(files: Map<string, string | Uint8Array>): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  for (const [path, content] of files) {
    if (typeof content !== 'string' || path.endsWith('.json')) {
      out.set(path, content);
      continue;
    }
    let text = content.replace(RENAME, (name) => RENAMES[name]);
    text = text.replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2)).replace(/\n\n/g, '\n\n\n');
    if (/\.(js|bns)$/.test(path)) text = `/* Copyright the new owner. All rights reserved. */\n${text.replace(/\) \{\n/g, ') {  // renamed\n')}`;
    if (path.endsWith('.bxml')) text = `<!-- new app -->\n${text.replace(/ \/>/g, '/>')}`;
    if (path.endsWith('.bxss')) text = `/* theme */\n${text.replace(/: /g, ':')}`;
    out.set(`${path}`, text);
  }
  return out;
}

describe('bundleSignature', () => {
  it('is deterministic, whatever the file order, and survives storage', async () => {
    const files = readApp('clean-app');
    const a = bundleSignature(files);
    const b = bundleSignature(new Map([...files].reverse()));
    const c = bundleSignature(await openBundle(join(APPS, 'clean-app')));
    expect(a.minhashes).toEqual(b.minhashes);
    expect(a.minhashes).toEqual(c.minhashes);
    expect(a.minhashes.length).toBe(HASH_COUNT);
    expect(a.files).toBeGreaterThan(10);
    const stored = encodeSignature(a);
    expect(stored).toMatch(/^v1\.k9\.s\d+\.f\d+\./);
    expect(decodeSignature(stored)).toEqual(a);
    expect(similarity(decodeSignature(stored), a)).toBe(1);
  });

  it('scores the same app with renamed variables, new comments and other whitespace above 0.9', () => {
    const original = readApp('clean-app');
    const copy = disguise(original);
    // The disguise did change the text.
    expect(copy.get('utils/api.js')).toContain('loadFeeLevels');
    const score = similarity(bundleSignature(original), bundleSignature(copy));
    expect(score).toBeGreaterThan(0.9);
  });

  it('scores two different apps below 0.3', () => {
    const clean = bundleSignature(readApp('clean-app'));
    const problem = bundleSignature(readApp('problem-app'));
    const react = bundleSignature(readApp('react-app'));
    expect(similarity(clean, problem)).toBeLessThan(0.3);
    expect(similarity(clean, react)).toBeLessThan(0.3);
    expect(similarity(problem, react)).toBeLessThan(0.3);
  });

  it('estimates the exact Jaccard similarity of the shingle sets', () => {
    const a = bundleShingles(readApp('clean-app')).shingles;
    // Half of the app: a partial overlap to estimate.
    const half = new Map([...readApp('clean-app')].filter(([path]) => path.startsWith('pages/') || path.startsWith('utils/')));
    const b = bundleShingles(half).shingles;
    const exact = jaccard(a, b);
    expect(exact).toBeGreaterThan(0.3);
    expect(exact).toBeLessThan(0.95);
    expect(Math.abs(similarity(signatureOf(a), signatureOf(b)) - exact)).toBeLessThan(0.15);
  });

  it('ignores images, binaries, vendor code, metadata and tiny files', () => {
    const files = readApp('clean-app');
    const base = bundleSignature(files);
    const extra = new Map(files);
    extra.set('images/big.png', new Uint8Array(4096).fill(7));
    extra.set('assets/data.bin', new Uint8Array([1, 0, 2, 0, 3]));
    extra.set('utils/blob.js', new Uint8Array([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01]));
    extra.set('miniprogram_npm/lodash/index.js', readFileSync(join(APPS, 'problem-app/pages/tasks/index.js'), 'utf8'));
    extra.set('node_modules/x/index.js', readFileSync(join(APPS, 'problem-app/pages/leaderboard/index.js'), 'utf8'));
    extra.set('vendor/chart.min.js', readFileSync(join(APPS, 'problem-app/app.js'), 'utf8'));
    extra.set('project.config.json', JSON.stringify({ appid: 'other', setting: { urlCheck: false, es6: true, minified: false, postcss: true } }));
    extra.set('pages/new/index.js', 'Page({ data: {} });');
    extra.set('pages/new/index.json', '{ "navigationBarTitleText": "New" }');
    expect(bundleSignature(extra).minhashes).toEqual(base.minhashes);
  });

  it('gives nothing to compare for an empty bundle', () => {
    const empty = bundleSignature(new Map());
    expect(empty.shingles).toBe(0);
    expect(similarity(empty, empty)).toBe(0);
    expect(similarity(empty, bundleSignature(readApp('clean-app')))).toBe(0);
  });

  it('refuses to compare signatures made with other parameters', () => {
    const a = bundleSignature(readApp('clean-app'));
    const other: BundleSignature = { ...a, k: 5 };
    expect(() => similarity(a, other)).toThrow(/not comparable/);
  });

  it('signs a 5 MB bundle in well under a few seconds, in time linear in its size', () => {
    const small = syntheticBundle(1_250_000);
    const large = syntheticBundle(5_000_000);
    const time = (files: Record<string, string>) => {
      const started = performance.now();
      bundleSignature(files);
      return performance.now() - started;
    };
    time(small); // warm up the JIT
    const smallTime = Math.min(time(small), time(small));
    const largeTime = time(large);
    expect(largeTime).toBeLessThan(3000);
    // Four times the input: about four times the time (generous bound for noisy machines).
    expect(largeTime / Math.max(smallTime, 1)).toBeLessThan(10);
  });
});

describe('findNearDuplicates', () => {
  it('returns the bundles over the threshold, most similar first, from signatures or bundles', () => {
    const clean = readApp('clean-app');
    const others = new Map<string, BundleSignature | Map<string, string | Uint8Array>>([
      ['problem', bundleSignature(readApp('problem-app'))],
      ['clone', disguise(clean)],
      ['same', bundleSignature(clean)],
      ['react', readApp('react-app')],
    ]);
    const found = findNearDuplicates(clean, others);
    expect(found.map((match) => match.id)).toEqual(['same', 'clone']);
    expect(found[0].similarity).toBe(1);
    expect(findNearDuplicates(bundleSignature(clean), [['problem', readApp('problem-app')]], 0.05).map((match) => match.id)).toEqual(['problem']);
  });

  it('accepts a core Bundle', () => {
    const clean = readApp('clean-app');
    const bundle = openMemoryBundle(Object.fromEntries(clean));
    expect(findNearDuplicates(bundle, [['copy', clean]])).toEqual([{ id: 'copy', similarity: 1 }]);
  });
});

/** About `bytes` of varied, plausible page code (seeded, so every run signs the same bundle). */
function syntheticBundle(bytes: number): Record<string, string> {
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const name = () => pick(['load', 'save', 'fetch', 'show', 'open', 'close', 'update', 'render', 'format', 'parse']) + pick(['Block', 'Gas', 'Fee', 'Item', 'List', 'Page', 'User', 'Token', 'Chart', 'Row']) + Math.floor(random() * 1000);
  const statement = (depth: number): string => {
    const kinds = [
      () => `const ${name()} = ${name()}(${name()}, ${Math.floor(random() * 100)});`,
      () => `this.setData({ ${name()}: ${name()}.map((x) => x.${name()} + ${Math.floor(random() * 10)}) });`,
      () => `bn.request({ url: '/v1/${name()}', success: (res) => { ${name()}(res.data); } });`,
      () => (depth < 2 ? `if (${name()} > ${Math.floor(random() * 50)}) {\n${statement(depth + 1)}\n} else {\n${statement(depth + 1)}\n}` : `${name()}();`),
      () => (depth < 2 ? `for (let i = 0; i < ${name()}.length; i++) {\n${statement(depth + 1)}\n}` : `return ${name()};`),
    ];
    return pick(kinds)();
  };
  const files: Record<string, string> = {};
  let size = 0;
  for (let file = 0; size < bytes; file++) {
    const methods: string[] = [];
    let text = '';
    while (text.length < 10_000) {
      const body = Array.from({ length: 4 + Math.floor(random() * 6) }, () => statement(0)).join('\n    ');
      methods.push(`  ${name()}(${name()}, ${name()}) {\n    ${body}\n  },`);
      text = `// page ${file}\nPage({\n  data: { ${name()}: [] },\n${methods.join('\n')}\n});\n`;
    }
    files[`pages/p${file}/index.js`] = text;
    size += text.length;
  }
  return files;
}
