#!/usr/bin/env node
/**
 * Deterministic generator of realistic classic-style Binance mini programs, for the benchmarks
 * (bench/run.mjs) and the hostile-input tests (tests/hostile).
 *
 *   import { generateApp, generateBundle } from './generate.mjs';
 *   const files = generateApp({ pages: 100, seed: 1, problems: true }); // { path: string | Buffer }
 *   const { files, planted, stats } = generateBundle({ pages: 100 });  // with the planted problems
 *
 *   node bench/generate.mjs --pages 100 --out DIR [--seed 1] [--no-problems]
 *
 * Same options → the same bytes (a seeded PRNG, never Math.random). An app has N pages (about 80% in
 * the main package, the rest in subpackages of 25 pages), a tab bar, a few custom components (some
 * nesting others), utility modules in ESM and CommonJS, a BNS module, PNG images made with sharp and a
 * listing.json with a logo. Each page has about 100 lines of JS (Page({...}) with data, lifecycle,
 * handlers calling bn.request on the listed Service Domain through consts and template literals,
 * bn.navigateTo to pages that exist, setData…), a .bxml template (bn:for, bn:if, bindtap handlers
 * that exist, {{ }} expressions, components), a .json and a .bxss.
 *
 * With `problems: true` (the default), pages whose index i has i % 10 === 3, 6 or 9 get one planted
 * problem each, so a bundle has about 3 per 10 pages:
 *   i % 10 === 3  bn.request to an http:// URL                → network/service-domain
 *   i % 10 === 6  bn.navigateTo to a page that does not exist → availability/navigation-target
 *   i % 10 === 9  a call of a private bn._ member             → api/no-private-api
 * `planted` lists each with its rule id, file, line and column (1-based, the start of the offending
 * node as the fixtures' EXPECTED.md defines it). Nothing else in a generated app is meant to be
 * reported.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const requireFromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const sharp = requireFromCore('sharp');

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed) {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Images: made once when the module loads (sharp is asynchronous), picked by seed afterwards.

const PALETTE = ['#0E9F9A', '#3366CC', '#E8833A', '#7B61FF', '#D64545', '#2F9E44', '#C2410C', '#1C7ED6'];

const svg = (width, height, body) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`);

async function png(width, height, body) {
  return sharp(svg(width, height, body)).png({ compressionLevel: 9, palette: true }).toBuffer();
}

const IMAGES = await (async () => {
  const icons = [];
  for (const color of PALETTE) {
    icons.push({
      normal: await png(81, 81, `<rect x="16" y="16" width="49" height="49" rx="10" fill="none" stroke="#8A959E" stroke-width="6"/>`),
      active: await png(81, 81, `<rect x="16" y="16" width="49" height="49" rx="10" fill="${color}"/>`),
    });
  }
  const logos = [];
  for (const color of PALETTE.slice(0, 4)) {
    logos.push(await png(256, 256, `<rect width="256" height="256" rx="48" fill="${color}"/><circle cx="128" cy="128" r="64" fill="#FFFFFF"/>`));
  }
  const banners = [];
  for (const color of PALETTE.slice(0, 4)) {
    banners.push(await png(750, 300, `<rect width="750" height="300" fill="${color}"/><rect x="40" y="200" width="300" height="40" rx="20" fill="#FFFFFF" opacity="0.8"/>`));
  }
  return { icons, logos, banners };
})();

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TOPICS = ['market', 'wallet', 'orders', 'news', 'rewards', 'staking', 'history', 'alerts', 'search', 'profile', 'tokens', 'events'];
const TITLES = {
  market: 'Market', wallet: 'Wallet', orders: 'Orders', news: 'News', rewards: 'Rewards', staking: 'Staking',
  history: 'History', alerts: 'Price Alerts', search: 'Search', profile: 'Profile', tokens: 'Tokens', events: 'Events',
};
const APP_NAMES = ['Coin Pulse', 'Chain Desk', 'Token Garden', 'Block Notes', 'Yield Board', 'Gas Meter', 'Swap Diary', 'Orbit Pay'];
const COMPONENTS = ['price-card', 'empty-state', 'section-header', 'stat-row', 'tag-list', 'avatar-badge', 'loading-bar', 'coin-icon'];
const FIELDS = ['price', 'volume', 'change', 'supply', 'holders', 'apy', 'fee', 'rank'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** A file's lines, with the 1-based position of planted problems. */
class Lines {
  constructor() {
    this.lines = [];
  }
  push(...lines) {
    for (const line of lines) this.lines.push(line);
    return this;
  }
  /** Adds a line and returns the 1-based line/column of `needle` in it. */
  mark(line, needle) {
    this.lines.push(line);
    const column = line.indexOf(needle);
    if (column < 0) throw new Error(`generator bug: ${needle} not in ${line}`);
    return { line: this.lines.length, column: column + 1 };
  }
  get length() {
    return this.lines.length;
  }
  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// The app's shape

function planApp(pageCount, random) {
  const mainCount = pageCount < 5 ? pageCount : pageCount - Math.floor(pageCount * 0.2);
  const pages = [];
  for (let i = 0; i < pageCount; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const name = `${topic}-${i}`;
    if (i < mainCount) {
      pages.push({ index: i, topic, route: `pages/${name}/index`, depth: 2 });
    } else {
      const root = `pkg${Math.floor((i - mainCount) / 25)}`;
      pages.push({ index: i, topic, route: `${root}/pages/${name}/index`, root, inner: `pages/${name}/index`, depth: 3 });
    }
  }
  const tabCount = mainCount >= 2 ? Math.min(4, Math.max(2, Math.floor(mainCount / 2))) : 0;
  const tabs = pages.slice(0, tabCount);
  for (const tab of tabs) tab.tab = true;
  const componentCount = Math.min(COMPONENTS.length, Math.max(2, Math.ceil(pageCount / 50)));
  const components = COMPONENTS.slice(0, componentCount);
  const bannerCount = Math.max(1, Math.ceil(pageCount / 20));
  const slug = random.pick(['coinpulse', 'chaindesk', 'tokengarden', 'blocknotes', 'yieldboard', 'gasmeter']) + random.int(1, 99);
  return { pages, mainCount, tabs, components, bannerCount, slug, appName: random.pick(APP_NAMES) };
}

// ---------------------------------------------------------------------------------------------
// Generation

/** The app as { path: contents }, with its planted problems and its size. */
export function generateBundle({ pages = 10, seed = 1, problems = true } = {}) {
  if (!Number.isInteger(pages) || pages < 1) throw new Error('pages must be a positive integer');
  const random = createRandom(seed);
  const app = planApp(pages, random);
  const files = {};
  const planted = [];
  const origin = `https://api.${app.slug}.example`;
  const stream = `wss://stream.${app.slug}.example`;

  files['project.config.json'] = json({
    miniprogramRoot: './',
    projectname: app.slug,
    appid: appId(random),
    setting: { urlCheck: true, es6: false, postcss: false, minified: true },
    compileType: 'miniprogram',
    libVersion: '4.9.2',
    msv: ['4.0.0'],
  });
  files['listing.json'] = json({
    appId: appId(random),
    name: app.appName,
    description: `${app.appName} shows live token prices, your watchlist, price alerts and your order history.`,
    logo: 'logo.png',
    category: 'Tools',
    tags: ['prices', 'watchlist'],
    serviceDomains: [origin, stream],
    businessDomains: [`https://h5.${app.slug}.example`],
  });
  files['logo.png'] = random.pick(IMAGES.logos);
  files['app.json'] = appJson(app);
  files['app.js'] = appJs(app).toString();
  files['app.bxss'] = appBxss();
  app.tabs.forEach((tab, k) => {
    const icon = IMAGES.icons[k % IMAGES.icons.length];
    files[`images/tab-${k}.png`] = icon.normal;
    files[`images/tab-${k}-active.png`] = icon.active;
  });
  for (let k = 0; k < app.bannerCount; k++) files[`images/banner-${k}.png`] = IMAGES.banners[k % IMAGES.banners.length];

  files['utils/config.js'] = configEsm(origin, stream);
  files['utils/config-cjs.js'] = configCjs(origin, stream);
  files['utils/format.js'] = formatEsm();
  files['utils/request.js'] = requestCjs();
  files['utils/store.js'] = storeCjs();
  files['utils/fmt.bns'] = fmtBns();

  app.components.forEach((name, k) => {
    const child = k > 0 && k % 3 === 0 ? app.components[0] : undefined; // a few nest another component
    files[`components/${name}/index.js`] = componentJs(name, random);
    files[`components/${name}/index.bxml`] = componentBxml(name, child);
    files[`components/${name}/index.json`] = json(child ? { component: true, usingComponents: { [child]: `../${child}/index` } } : { component: true });
    files[`components/${name}/index.bxss`] = componentBxss(name);
  });

  for (const page of app.pages) {
    const plant = problems ? plantFor(page.index) : undefined;
    const { js, bxml, pageJson, bxss, problem } = pageFiles(app, page, random, plant, origin);
    files[`${page.route}.js`] = js;
    files[`${page.route}.bxml`] = bxml;
    files[`${page.route}.json`] = pageJson;
    files[`${page.route}.bxss`] = bxss;
    if (problem) planted.push({ ...problem, file: `${page.route}.js` });
  }

  const stats = { pages, files: 0, bytes: 0, lines: { js: 0, bxml: 0, bxss: 0, json: 0, bns: 0 }, images: 0 };
  for (const [path, content] of Object.entries(files)) {
    stats.files++;
    stats.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const ext = path.slice(path.lastIndexOf('.') + 1);
    if (typeof content !== 'string') stats.images++;
    else if (ext in stats.lines) stats.lines[ext] += content.split('\n').length - 1;
  }
  stats.lines.total = Object.values(stats.lines).reduce((a, b) => a + b, 0);
  return { files, planted, stats };
}

/** The app as { path: string | Buffer }. */
export function generateApp(options = {}) {
  return generateBundle(options).files;
}

/** Planted problems by rule id, e.g. { 'network/service-domain': 3, … }. */
export function countPlanted(planted) {
  const counts = {};
  for (const problem of planted) counts[problem.ruleId] = (counts[problem.ruleId] ?? 0) + 1;
  return counts;
}

/** Writes a generated app under `dir` (created). */
export function writeApp(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

function plantFor(index) {
  switch (index % 10) {
    case 3: return 'http';
    case 6: return 'missing-page';
    case 9: return 'private-api';
    default: return undefined;
  }
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

function appId(random) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let id = '';
  for (let i = 0; i < 22; i++) id += random.pick([...alphabet]);
  return id;
}

function appJson(app) {
  const main = app.pages.filter((page) => !page.root).map((page) => page.route);
  const packages = new Map();
  for (const page of app.pages.filter((p) => p.root)) {
    if (!packages.has(page.root)) packages.set(page.root, []);
    packages.get(page.root).push(page.inner);
  }
  const config = {
    entryPagePath: main[0],
    pages: main,
    window: {
      navigationBarTitleText: app.appName,
      navigationBarBackgroundColor: '#0B1F2A',
      navigationBarTextStyle: 'white',
      backgroundColor: '#F5F7F8',
      backgroundTextStyle: 'dark',
    },
  };
  if (app.tabs.length) {
    config.tabBar = {
      color: '#8A959E',
      selectedColor: '#0E9F9A',
      backgroundColor: '#FFFFFF',
      borderStyle: 'black',
      list: app.tabs.map((tab, k) => ({
        pagePath: tab.route,
        text: TITLES[tab.topic],
        iconPath: `images/tab-${k}.png`,
        selectedIconPath: `images/tab-${k}-active.png`,
      })),
    };
  }
  if (packages.size) {
    config.subpackages = [...packages].map(([root, pages]) => ({ root, name: root, pages }));
    config.preloadRule = { [main[0]]: { network: 'all', packages: [[...packages.keys()][0]] } };
  }
  return json(config);
}

function appJs(app) {
  return new Lines().push(
    `const store = require('./utils/store')`,
    ``,
    `App({`,
    `  globalData: {`,
    `    appName: '${app.appName}',`,
    `    launchedAt: 0,`,
    `    systemInfo: null,`,
    `    watchlist: []`,
    `  },`,
    ``,
    `  onLaunch(options) {`,
    `    this.globalData.launchedAt = Date.now()`,
    `    this.globalData.watchlist = store.load('watchlist', [])`,
    `    try {`,
    `      this.globalData.systemInfo = bn.getSystemInfoSync()`,
    `    } catch (error) {`,
    `      console.warn('[app] no system info', error)`,
    `    }`,
    `    console.log('[app] launched, scene', options && options.scene)`,
    `  },`,
    ``,
    `  onShow() {`,
    `    this.globalData.watchlist = store.load('watchlist', [])`,
    `  },`,
    ``,
    `  onError(error) {`,
    `    console.error('[app] uncaught error', error)`,
    `  }`,
    `})`,
  );
}

function appBxss() {
  return [
    'page {', '  background-color: #f5f7f8;', '  color: #17212b;', '  font-size: 28rpx;',
    '  font-family: -apple-system, "Helvetica Neue", Arial, sans-serif;', '}', '',
    '.page {', '  padding: 24rpx 32rpx 48rpx;', '}', '',
    '.card {', '  background-color: #ffffff;', '  border-radius: 16rpx;', '  padding: 24rpx;', '  margin-bottom: 24rpx;', '}', '',
    '.muted {', '  color: #8a959e;', '  font-size: 24rpx;', '}', '',
    '.state {', '  padding: 80rpx 0;', '  text-align: center;', '  color: #8a959e;', '}', '',
  ].join('\n');
}

function configEsm(origin, stream) {
  return [
    '// Endpoints declared in the Management Portal as Service Domains.',
    `export const API_BASE = '${origin}'`,
    `export const STREAM_URL = '${stream}/v1/ticker'`,
    `export const APP_VERSION = '1.4.2'`,
    'export const PAGE_SIZE = 20',
    '',
  ].join('\n');
}

function configCjs(origin, stream) {
  return [
    '// The same endpoints for CommonJS callers.',
    `const API_BASE = '${origin}'`,
    `const STREAM_URL = '${stream}/v1/ticker'`,
    'const TIMEOUT_MS = 8000',
    '',
    'module.exports = { API_BASE, STREAM_URL, TIMEOUT_MS }',
    '',
  ].join('\n');
}

function formatEsm() {
  return [
    '// Number and date formatting shared by the pages.',
    'export function formatPrice(value) {',
    '  const n = Number(value)',
    '  if (!isFinite(n)) return \'-\'',
    '  if (n >= 1000) return n.toFixed(0).replace(/\\B(?=(\\d{3})+(?!\\d))/g, \',\')',
    '  if (n >= 1) return n.toFixed(2)',
    '  return n.toPrecision(3)',
    '}',
    '',
    'export function formatPercent(value) {',
    '  const n = Number(value) || 0',
    '  return (n > 0 ? \'+\' : \'\') + n.toFixed(2) + \'%\'',
    '}',
    '',
    'export function formatTime(timestamp) {',
    '  if (!timestamp) return \'-\'',
    '  const date = new Date(timestamp)',
    '  const pad = (n) => (n < 10 ? \'0\' + n : String(n))',
    '  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`',
    '}',
    '',
    'export function shortId(id) {',
    '  const text = String(id || \'\')',
    '  return text.length > 12 ? text.slice(0, 6) + \'…\' + text.slice(-4) : text',
    '}',
    '',
  ].join('\n');
}

function requestCjs() {
  return [
    '// Every REST call goes through here: one place for the base URL, timeouts and errors.',
    "const { API_BASE, TIMEOUT_MS } = require('./config-cjs')",
    '',
    'function call(method, path, data) {',
    '  return new Promise((resolve, reject) => {',
    '    bn.request({',
    '      url: API_BASE + path,',
    '      method,',
    '      data,',
    '      timeout: TIMEOUT_MS,',
    '      success: (res) => {',
    '        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data)',
    "        else reject(new Error('HTTP ' + res.statusCode))",
    '      },',
    "      fail: (err) => reject(new Error((err && err.errMsg) || 'request failed'))",
    '    })',
    '  })',
    '}',
    '',
    'module.exports = {',
    "  get: (path, data) => call('GET', path, data),",
    "  post: (path, data) => call('POST', path, data)",
    '}',
    '',
  ].join('\n');
}

function storeCjs() {
  return [
    '// Small wrapper over the storage API with defaults.',
    'function load(key, fallback) {',
    '  try {',
    '    const value = bn.getStorageSync(key)',
    "    return value === '' || value === undefined ? fallback : value",
    '  } catch (error) {',
    '    return fallback',
    '  }',
    '}',
    '',
    'function save(key, value) {',
    '  try {',
    '    bn.setStorageSync(key, value)',
    '  } catch (error) {',
    "    console.warn('[store] could not save', key)",
    '  }',
    '}',
    '',
    'module.exports = { load, save }',
    '',
  ].join('\n');
}

function fmtBns() {
  return [
    '// Formatting for templates (BNS module: no access to page data).',
    'function percent(value) {',
    '  var n = parseFloat(value);',
    '  if (isNaN(n)) {',
    "    return '-';",
    '  }',
    "  return (n > 0 ? '+' : '') + n.toFixed(2) + '%';",
    '}',
    '',
    'function trend(value) {',
    "  return parseFloat(value) >= 0 ? 'up' : 'down';",
    '}',
    '',
    'module.exports = {',
    '  percent: percent,',
    '  trend: trend',
    '};',
    '',
  ].join('\n');
}

function componentJs(name, random) {
  const field = random.pick(FIELDS);
  return new Lines().push(
    `// <${name}>: a reusable block of the pages.`,
    'Component({',
    '  properties: {',
    "    title: { type: String, value: '' },",
    `    ${field}: { type: String, value: '-' },`,
    "    itemId: { type: String, value: '' },",
    '    highlight: { type: Boolean, value: false }',
    '  },',
    '',
    '  data: {',
    '    expanded: false',
    '  },',
    '',
    '  methods: {',
    '    onTap() {',
    "      this.triggerEvent('select', { id: this.properties.itemId })",
    '    },',
    '',
    '    onToggle() {',
    '      this.setData({ expanded: !this.data.expanded })',
    '    }',
    '  }',
    '})',
  ).toString();
}

function componentBxml(name, child) {
  return [
    `<view class="${name} {{highlight ? '${name}-on' : ''}}" bindtap="onTap">`,
    `  <text class="${name}-title">{{title}}</text>`,
    child ? `  <${child} title="{{title}}" item-id="{{itemId}}"/>` : `  <text class="muted">{{itemId}}</text>`,
    `  <view bn:if="{{expanded}}" class="${name}-more" catchtap="onToggle">Less</view>`,
    `  <view bn:else class="${name}-more" catchtap="onToggle">More</view>`,
    '</view>',
    '',
  ].join('\n');
}

function componentBxss(name) {
  return [`.${name} {`, '  display: flex;', '  align-items: center;', '  padding: 16rpx 0;', '}', '', `.${name}-on {`, '  color: #0e9f9a;', '}', '',
    `.${name}-title {`, '  flex: 1;', '  font-weight: 600;', '}', ''].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * Optional page handlers: each adds JS lines and, when it is bound in the template, the element
 * that binds it. `ctx` knows the page, its navigation targets and the API base expression.
 */
const HANDLERS = [
  {
    name: 'search',
    js: (ctx) => [
      '  onSearchInput(e) {',
      '    this.setData({ keyword: e.detail.value })',
      '  },',
      '',
      '  onSearch() {',
      '    const keyword = this.data.keyword.trim()',
      '    if (!keyword) return this.fetchList(true)',
      '    this.setData({ loading: true })',
      '    bn.request({',
      `      url: \`\${API_BASE}/v1/${ctx.topic}/search?q=\${encodeURIComponent(keyword)}\`,`,
      "      method: 'GET',",
      '      success: (res) => {',
      '        const items = ((res.data && res.data.items) || []).map(normalize)',
      '        this.setData({ items, hasMore: false, loading: false })',
      '      },',
      "      fail: () => this.setData({ loading: false, errorMessage: 'Search failed, try again.' })",
      '    })',
      '  },',
    ],
    bxml: () => ['  <view class="search-bar">', '    <input class="search" placeholder="Search" value="{{keyword}}" bindinput="onSearchInput" bindconfirm="onSearch"/>', '    <button size="mini" bindtap="onSearch">Go</button>', '  </view>'],
  },
  {
    name: 'tabs',
    js: () => [
      '  onTabChange(e) {',
      '    const index = Number(e.currentTarget.dataset.index)',
      '    if (index === this.data.tabIndex) return',
      '    this.setData({ tabIndex: index, items: [] })',
      '    this.fetchList(true)',
      '  },',
    ],
    bxml: () => ['  <view class="tabs">', '    <view bn:for="{{tabs}}" bn:key="*this" class="tab {{index === tabIndex ? \'tab-on\' : \'\'}}" data-index="{{index}}" bindtap="onTabChange">{{item}}</view>', '  </view>'],
  },
  {
    name: 'favorite',
    js: (ctx) => [
      '  onFavorite(e) {',
      '    const id = e.currentTarget.dataset.id',
      '    bn.request({',
      `      url: ${ctx.apiExpression('/v1/favorites')},`,
      "      method: 'POST',",
      `      data: { id, source: '${ctx.topic}' },`,
      '      success: () => {',
      "        bn.showToast({ title: 'Added to watchlist', icon: 'success' })",
      '        const watchlist = getApp().globalData.watchlist.concat(id)',
      '        getApp().globalData.watchlist = watchlist',
      "        store.save('watchlist', watchlist)",
      '      },',
      "      fail: () => bn.showToast({ title: 'Could not save', icon: 'none' })",
      '    })',
      '  },',
    ],
    bxml: () => ['  <button class="fav" size="mini" data-id="{{selectedId}}" bindtap="onFavorite">Watch</button>'],
  },
  {
    name: 'share',
    js: (ctx) => [
      '  onShareAppMessage() {',
      '    return {',
      `      title: '${ctx.title} on ' + getApp().globalData.appName,`,
      `      path: '/${ctx.route}'`,
      '    }',
      '  },',
    ],
  },
  {
    name: 'copy',
    js: () => [
      '  onCopyId(e) {',
      '    const id = String(e.currentTarget.dataset.id || \'\')',
      '    bn.setClipboardData({',
      '      data: id,',
      "      success: () => bn.showToast({ title: 'Copied', icon: 'success' })",
      '    })',
      '  },',
    ],
    bxml: () => ['  <text class="muted" data-id="{{selectedId}}" bindlongpress="onCopyId">ID {{selectedId || \'-\'}}</text>'],
  },
  {
    name: 'rules',
    js: (ctx) => [
      '  onShowRules() {',
      '    bn.showModal({',
      `      title: '${ctx.title}',`,
      "      content: 'Prices refresh every 30 seconds. Pull down to refresh now.',",
      '      showCancel: false',
      '    })',
      '  },',
    ],
    bxml: () => ['  <text class="link" bindtap="onShowRules">How it works</text>'],
  },
  {
    name: 'home',
    when: (ctx) => ctx.tabTarget !== undefined,
    js: (ctx) => ['  onGoHome() {', `    bn.switchTab({ url: '/${ctx.tabTarget}' })`, '  },'],
    bxml: () => ['  <button size="mini" bindtap="onGoHome">Home</button>'],
  },
  {
    name: 'detail',
    when: (ctx) => ctx.targets.length > 1,
    js: (ctx) => [
      '  onOpenDetail(e) {',
      '    const { id } = e.currentTarget.dataset',
      `    const from = '${ctx.topic}'`,
      `    bn.navigateTo({ url: \`/${ctx.targets[1]}?id=\${id}&from=\${from}\` })`,
      '  },',
    ],
    bxml: () => ['  <view class="link" data-id="{{selectedId}}" bindtap="onOpenDetail">Details</view>'],
  },
  {
    name: 'sort',
    js: () => [
      '  onSortChange(e) {',
      "    const key = e.currentTarget.dataset.key || 'price'",
      '    const direction = this.data.sortKey === key && this.data.sortDirection === \'desc\' ? \'asc\' : \'desc\'',
      '    const items = this.data.items.slice().sort((a, b) => {',
      '      const diff = Number(a[key]) - Number(b[key])',
      "      return direction === 'desc' ? -diff : diff",
      '    })',
      '    this.setData({ items, sortKey: key, sortDirection: direction })',
      '  },',
    ],
    bxml: () => ['  <view class="sort">', '    <text data-key="price" bindtap="onSortChange">Price</text>', '    <text data-key="change" bindtap="onSortChange">Change</text>', '  </view>'],
  },
  {
    name: 'summary',
    js: () => [
      '  summarize(items) {',
      '    let up = 0',
      '    let down = 0',
      '    let total = 0',
      '    for (const item of items) {',
      '      const change = parseFloat(item.change)',
      '      if (change >= 0) up++',
      '      else down++',
      '      total += Number(item.raw) || 0',
      '    }',
      '    return { up, down, total: formatPrice(total) }',
      '  },',
      '',
      '  onSummaryTap() {',
      '    const summary = this.summarize(this.data.items)',
      '    this.setData({ summary })',
      '  },',
    ],
    bxml: () => ['  <view class="card summary" bindtap="onSummaryTap">', '    <text>{{summary.up}} up · {{summary.down}} down</text>', '    <text class="muted">Total {{summary.total}}</text>', '  </view>'],
  },
  {
    name: 'ticker',
    js: () => [
      '  onLiveToggle() {',
      '    if (this.socket) {',
      '      this.socket.close({})',
      '      this.socket = null',
      '      return this.setData({ live: false })',
      '    }',
      '    this.socket = bn.connectSocket({ url: STREAM_URL })',
      '    this.socket.onOpen(() => this.setData({ live: true }))',
      '    this.socket.onMessage((msg) => {',
      '      try {',
      '        const tick = JSON.parse(msg.data)',
      "        this.setData({ ['prices.' + tick.id]: tick.price })",
      '      } catch (error) {',
      "        console.warn('[ticker] bad frame')",
      '      }',
      '    })',
      '    this.socket.onClose(() => this.setData({ live: false }))',
      '  },',
    ],
    bxml: () => ['  <text class="live {{live ? \'live-on\' : \'\'}}" bindtap="onLiveToggle">{{live ? \'Live\' : \'Paused\'}}</text>'],
  },
  {
    name: 'helper',
    js: () => [
      '  loadMore() {',
      '    return api.get(\'/v1/stats\', { page: this.data.page })',
      '      .then((stats) => this.setData({ stats }))',
      "      .catch((error) => console.warn('[stats] failed', error.message))",
      '  },',
    ],
    bxml: () => ['  <view class="muted" bindtap="loadMore">Stats: {{stats.count || 0}}</view>'],
  },
];

function pageFiles(app, page, random, plant, origin) {
  const title = TITLES[page.topic];
  const up = page.depth === 3 ? '../../../' : '../../';
  const others = app.pages.filter((p) => p !== page && !p.tab);
  const targets = random.shuffle(others).slice(0, 3).map((p) => p.route);
  if (!targets.length) targets.push(page.route);
  const tabTarget = app.tabs.find((tab) => tab !== page)?.route;
  const esm = page.index % 2 === 1;
  const ctx = {
    topic: page.topic,
    title,
    route: page.route,
    targets,
    tabTarget,
    // Alternate between template literals with an imported const and a local const + concatenation.
    apiExpression: (path) => (page.index % 3 === 0 ? `ENDPOINT + '${path.replace(`/v1`, '')}'` : `\`\${API_BASE}${path}\``),
  };
  const js = new Lines();
  js.push(`// ${title} page (${page.route}): list, search and details.`);
  if (esm) {
    js.push(
      `import { API_BASE, STREAM_URL, PAGE_SIZE } from '${up}utils/config'`,
      `import { formatPrice, formatPercent, formatTime } from '${up}utils/format'`,
      `const api = require('${up}utils/request')`,
      `const store = require('${up}utils/store')`,
    );
  } else {
    js.push(
      `const { API_BASE, STREAM_URL } = require('${up}utils/config-cjs')`,
      `const api = require('${up}utils/request')`,
      `const store = require('${up}utils/store')`,
      `import { formatPrice, formatPercent, formatTime } from '${up}utils/format'`,
      '',
      `const PAGE_SIZE = ${random.pick([10, 20, 30])}`,
    );
  }
  js.push(
    `const CACHE_KEY = '${page.topic}-${page.index}-cache'`,
    `const ENDPOINT = API_BASE + '/v1'`,
    '',
    'function normalize(item) {',
    '  return {',
    '    id: String(item.id),',
    "    name: item.name || 'Untitled',",
    '    raw: item.price,',
    '    price: formatPrice(item.price),',
    '    change: formatPercent(item.change),',
    '    updated: formatTime(item.updatedAt)',
    '  }',
    '}',
    '',
    'Page({',
    '  data: {',
    `    title: '${title}',`,
    '    loading: true,',
    "    errorMessage: '',",
    '    items: [],',
    '    page: 1,',
    '    hasMore: true,',
    "    keyword: '',",
    "    selectedId: '',",
    `    showBanner: ${page.index % 4 === 0},`,
    "    tabs: ['All', 'Watchlist', 'Top'],",
    '    tabIndex: 0,',
    '    summary: { up: 0, down: 0, total: \'-\' },',
    '    stats: {},',
    '    live: false',
    '  },',
    '',
    '  onLoad(options) {',
    '    this.query = options || {}',
    '    const cached = store.load(CACHE_KEY, [])',
    '    if (cached.length) this.setData({ items: cached, loading: false })',
    '    this.fetchList(true)',
    '  },',
    '',
    '  onShow() {',
    `    bn.setNavigationBarTitle({ title: '${title}' })`,
    '  },',
    '',
    '  onPullDownRefresh() {',
    '    this.fetchList(true).then(() => bn.stopPullDownRefresh())',
    '  },',
    '',
    '  onReachBottom() {',
    '    if (this.data.hasMore && !this.data.loading) this.fetchList(false)',
    '  },',
    '',
    '  fetchList(reset) {',
    '    const page = reset ? 1 : this.data.page + 1',
    "    this.setData({ loading: true, errorMessage: '' })",
    '    return new Promise((resolve) => {',
    '      bn.request({',
    `        url: \`\${API_BASE}/v1/${page.topic}/list\`,`,
    "        method: 'GET',",
    '        data: { page, size: PAGE_SIZE, keyword: this.data.keyword, tab: this.data.tabIndex },',
    '        success: (res) => {',
    '          const list = ((res.data && res.data.items) || []).map(normalize)',
    '          const items = reset ? list : this.data.items.concat(list)',
    '          this.setData({ items, page, hasMore: list.length === PAGE_SIZE, loading: false })',
    '          store.save(CACHE_KEY, items.slice(0, PAGE_SIZE))',
    '        },',
    "        fail: () => this.setData({ loading: false, errorMessage: 'Network error, pull down to retry.' }),",
    '        complete: resolve',
    '      })',
    '    })',
    '  },',
    '',
    '  onItemTap(e) {',
    '    const id = e.currentTarget.dataset.id',
    '    this.setData({ selectedId: id })',
    `    bn.navigateTo({ url: '/${targets[0]}?id=' + id })`,
    '  },',
    '',
    '  onRetry() {',
    '    this.fetchList(true)',
    '  },',
  );
  // Optional handlers until the page has about 100 lines.
  const template = [];
  const pool = random.shuffle(HANDLERS.filter((handler) => !handler.when || handler.when(ctx)));
  const target = random.int(96, 108);
  for (const handler of pool) {
    if (js.length >= target - 8) break;
    js.push('', ...handler.js(ctx));
    if (handler.bxml) template.push(...handler.bxml(ctx));
  }
  let problem;
  if (plant === 'http') {
    js.push('', '  onLegacySync() {', '    bn.request({');
    const at = js.mark(`      url: 'http://api.${app.slug}.example/v1/legacy/sync',`, `'http://`);
    js.push("      method: 'POST',", '      data: { page: this.data.page }', '    })', '  },');
    template.push('  <text class="muted" bindtap="onLegacySync">Sync</text>');
    problem = { ruleId: 'network/service-domain', what: 'bn.request to an http:// URL', ...at };
  } else if (plant === 'missing-page') {
    js.push('', '  onOpenArchive() {');
    const at = js.mark(`    bn.navigateTo({ url: '/pages/archive-${page.index}/index' })`, `'/pages/archive`);
    js.push('  },');
    template.push('  <text class="link" bindtap="onOpenArchive">Archive</text>');
    problem = { ruleId: 'availability/navigation-target', what: 'bn.navigateTo to a page that does not exist', ...at };
  } else if (plant === 'private-api') {
    js.push('', '  onTrace() {');
    const at = js.mark(`    bn._reportTrace('${page.topic}', { page: this.data.page })`, 'bn._');
    js.push('  },');
    template.push('  <text class="muted" bindtap="onTrace">Trace</text>');
    problem = { ruleId: 'api/no-private-api', what: 'call of the private bn._reportTrace', ...at };
  }
  // Drop the trailing comma of the last method.
  js.lines[js.lines.length - 1] = '  }';
  js.push('})');

  const components = random.shuffle(app.components).slice(0, random.int(1, 2));
  const usingComponents = {};
  for (const name of components) usingComponents[name] = random.chance(0.5) ? `/components/${name}/index` : `${up}components/${name}/index`;
  const banner = `/images/banner-${page.index % app.bannerCount}.png`;
  const bxml = [
    `<bns module="fmt" src="${up}utils/fmt.bns"/>`,
    '<view class="page">',
    '  <view class="header">',
    `    <text class="title">{{title}}</text>`,
    '    <text class="muted" bn:if="{{items.length}}">{{items.length}} items</text>',
    '  </view>',
    `  <image bn:if="{{showBanner}}" class="banner" src="${banner}" mode="widthFix"/>`,
    ...template,
    `  <${components[0]} title="{{title}}" item-id="{{selectedId}}" bind:select="onItemTap"/>`,
    '  <view bn:if="{{loading && items.length === 0}}" class="state">Loading...</view>',
    '  <view bn:elif="{{errorMessage}}" class="state">',
    '    <text>{{errorMessage}}</text>',
    '    <button size="mini" bindtap="onRetry">Retry</button>',
    '  </view>',
    '  <view bn:else class="card list">',
    '    <view bn:for="{{items}}" bn:key="id" class="row {{item.id === selectedId ? \'row-on\' : \'\'}}" data-id="{{item.id}}" bindtap="onItemTap">',
    '      <view class="row-main">',
    '        <text class="name">{{item.name}}</text>',
    '        <text class="muted">{{item.updated}}</text>',
    '      </view>',
    '      <view class="row-side">',
    '        <text class="price">{{item.price}}</text>',
    '        <text class="change {{fmt.trend(item.change)}}">{{item.change}}</text>',
    '      </view>',
    '    </view>',
    '    <view bn:if="{{!hasMore && items.length > 0}}" class="muted end">No more items</view>',
    '  </view>',
    components[1] ? `  <${components[1]} title="{{summary.total}}" highlight="{{live}}"/>` : '',
    `  <navigator class="link" url="/${targets[targets.length - 1]}">More ${title.toLowerCase()}</navigator>`,
    '</view>',
    '',
  ].filter((line) => line !== '').join('\n') + '\n';

  const pageJson = json({
    navigationBarTitleText: title,
    enablePullDownRefresh: true,
    onReachBottomDistance: 80,
    usingComponents,
  });
  const accent = PALETTE[page.index % PALETTE.length].toLowerCase();
  const bxss = [
    '.header {', '  display: flex;', '  justify-content: space-between;', '  align-items: baseline;', '  margin-bottom: 20rpx;', '}', '',
    '.title {', '  font-size: 36rpx;', '  font-weight: 600;', '}', '',
    '.banner {', '  width: 100%;', '  border-radius: 16rpx;', '  margin-bottom: 24rpx;', '}', '',
    '.row {', '  display: flex;', '  justify-content: space-between;', '  padding: 20rpx 0;', '  border-bottom: 1rpx solid #eef1f3;', '}', '',
    '.row-on {', `  background-color: ${accent}14;`, '}', '',
    '.price {', '  font-weight: 600;', '}', '',
    '.change.up {', '  color: #2f9e44;', '}', '', '.change.down {', '  color: #d64545;', '}', '',
    '.link {', `  color: ${accent};`, '  display: block;', '  margin-top: 24rpx;', '}', '',
  ].join('\n');
  return { js: js.toString(), bxml, pageJson, bxss, problem };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const options = { pages: 10, seed: 1, problems: true, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pages') options.pages = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--no-problems') options.problems = false;
    else if (arg === '--problems') options.problems = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.out) throw new Error('usage: node bench/generate.mjs --pages N --out DIR [--seed S] [--no-problems]');
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const { files, planted, stats } = generateBundle(options);
    writeApp(options.out, files);
    process.stdout.write(`${JSON.stringify({ out: options.out, seed: options.seed, ...stats, planted: countPlanted(planted), plantedTotal: planted.length }, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exitCode = 2;
  }
}
