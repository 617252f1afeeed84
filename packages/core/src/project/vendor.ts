import { dirnameOf } from './paths.js';

/** What vendor detection reads: which paths exist, and a file's bytes. */
export interface VendorHost {
  has(path: string): boolean;
  read(path: string): Buffer;
}

/** Folders that hold installed packages: the package is the next segment (or two, when scoped). */
const PACKAGE_FOLDERS = new Set(['miniprogram_npm', 'node_modules']);
/** Folders where apps keep copies of third-party code, told apart from own code by a package.json or a banner. */
const COPY_FOLDERS = new Set(['lib', 'libs', 'vendor', 'vendors', 'third_party', 'third-party', 'thirdparty']);
const SCRIPT = /\.(?:m?js|cjs|ts|bns)$/i;
/** Scripts that can be a bundler's output (TypeScript sources with long lines are generated data, not a package). */
const BUNDLE_OUTPUT = /\.(?:m?js|cjs)$/i;
const MINIFIED_NAME = /(?:^|[./-])min\.m?js$/i;
/** A line this long in a script only comes out of a bundler or minifier. */
const MINIFIED_LINE = 2000;
const BANNER_BYTES = 1024;

/**
 * Banners that name a package and its version, as bundlers and library builds write them:
 * `/*! lodash v4.17.21 | MIT *\/`, `/** @license React v16.13.1 *\/`, `// moment.js 2.29.4`,
 * `/*! * vue-router v3.5.1`.
 */
const BANNERS = [
  /@license\s+([@\w][\w./@-]*)\s+v?\d+\.\d+/i,
  /^\s*\/\*[!*]?[\s*]*([@\w][\w./@-]*)\s+v?\d+\.\d+(?:\.\d+)?\b/,
  /^\s*\/\/\s*([@\w][\w./@-]*)\s+v?\d+\.\d+\.\d+\b/,
];

/**
 * Which third-party package a bundle file belongs to, or undefined for the app's own code:
 * `miniprogram_npm/<pkg>/…` and `node_modules/<pkg>/…`; a copy under `lib/`, `vendor/`, `components/`…
 * that has its own `package.json`; a file under `lib/`, `vendor/`… that starts with a package banner;
 * a compiled library copied without its package.json (declarations beside its files); a minified
 * bundle (`*.min.js`, or a script with very long lines), named by its banner or its file name.
 */
export function detectVendor(host: VendorHost, path: string): string | undefined {
  const segments = path.split('/');
  for (let index = 0; index < segments.length - 1; index++) {
    if (!PACKAGE_FOLDERS.has(segments[index])) continue;
    const name = segments[index + 1];
    if (name.startsWith('@') && index + 2 < segments.length - 1) return `${name}/${segments[index + 2]}`;
    return name;
  }
  const copyAt = segments.findIndex((segment, index) => index < segments.length - 1 && COPY_FOLDERS.has(segment.toLowerCase()));
  // A package.json in or below a folder of shared units (`components/package.json` of a copied weui-miniprogram) names the copy.
  const containerAt = segments.findIndex((segment, index) => index < segments.length - 1 && CONTAINER_FOLDERS.has(segment.toLowerCase()));
  if (containerAt >= 0) {
    const stop = segments.slice(0, containerAt).join('/');
    for (let dir = dirnameOf(path); dir.length > stop.length; dir = dirnameOf(dir)) {
      const name = packageNameAt(host, `${dir}/package.json`);
      if (name) return name;
    }
  }
  const declared = declaredLibraryName(host, segments);
  if (declared) return declared;
  if (!SCRIPT.test(path)) return undefined;
  const signs = host.has(path) ? contentSigns(host.read(path)) : undefined;
  const banner = signs?.banner;
  if (banner && copyAt >= 0) return banner;
  if (MINIFIED_NAME.test(path) || (BUNDLE_OUTPUT.test(path) && signs?.minified())) {
    return banner ?? nearestPackageName(host, path) ?? folderName(segments) ?? segments[segments.length - 1].replace(/(?:[.-]min)?\.[cm]?js$/i, '');
  }
  return undefined;
}

/**
 * Folders that hold many units: the folder below one names a copied package (`components/mp-html/node/node.js`),
 * and a package.json in or below one is a copied package's own.
 */
const CONTAINER_FOLDERS = new Set(['components', 'component', 'utils', 'util', 'common', 'plugins', 'packages', ...COPY_FOLDERS]);

/** The folder below a container, when the file lies deeper than directly inside that folder. */
function folderName(segments: readonly string[]): string | undefined {
  for (let index = segments.length - 4; index >= 0; index--) {
    if (CONTAINER_FOLDERS.has(segments[index].toLowerCase())) return segments[index + 1];
  }
  return undefined;
}

/** The files of a component or module that a library build declares: its script, template, style, wxs and config. */
const DECLARED_UNIT_FILE = /^(.+)\.(?:m?js|cjs|bxml|bxss|bns|json)$/i;

/**
 * A compiled library copied into the app as a folder without its package.json (a UI kit such as
 * vant-weapp or tdesign-miniprogram under `components/` or `lib/`). A library build emits
 * TypeScript declarations for its users (`tabs/tabs.js` beside `tabs/tabs.d.ts`); an app's own
 * code is never published and ships none. The package is named by the folder that holds the copy:
 * a scoped pair (`@vant/weapp`), else the folder below the outermost container folder. A bundle
 * that is itself such a library (its components at the root) has no such folder: its own code.
 */
function declaredLibraryName(host: VendorHost, segments: readonly string[]): string | undefined {
  const unit = DECLARED_UNIT_FILE.exec(segments[segments.length - 1]!)?.[1];
  if (!unit) return undefined;
  const folder = segments.slice(0, -1);
  if (!host.has([...folder, `${unit}.d.ts`].join('/'))) return undefined;
  return copiedPackageFolder(folder);
}

/** The package a copy's folders name: `@scope/name`, or the folder below the outermost container (`components/<kit>/…`). */
function copiedPackageFolder(folders: readonly string[]): string | undefined {
  const scoped = folders.findIndex((segment, index) => /^@[\w.-]+$/.test(segment) && index + 1 < folders.length);
  if (scoped >= 0) return `${folders[scoped]}/${folders[scoped + 1]}`;
  const container = folders.findIndex((segment, index) => CONTAINER_FOLDERS.has(segment.toLowerCase()) && index + 1 < folders.length);
  return container >= 0 ? folders[container + 1] : undefined;
}

/** The name in the closest package.json above a file, anywhere in the bundle. */
function nearestPackageName(host: VendorHost, path: string): string | undefined {
  for (let dir = dirnameOf(path); dir; dir = dirnameOf(dir)) {
    const name = packageNameAt(host, `${dir}/package.json`);
    if (name) return name;
  }
  return undefined;
}

function packageNameAt(host: VendorHost, path: string): string | undefined {
  if (!host.has(path)) return undefined;
  try {
    const name = (JSON.parse(host.read(path).toString('utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a script's bytes alone say: the package its banner names, and whether it reads as a
 * bundler's output. Kept per bytes object, which a session holds while the file is unchanged.
 */
const signsByContent = new WeakMap<Uint8Array, ContentSigns>();

interface ContentSigns {
  banner: string | undefined;
  minified(): boolean;
}

function contentSigns(bytes: Buffer): ContentSigns {
  let signs = signsByContent.get(bytes);
  if (!signs) {
    let minified: boolean | undefined;
    signs = { banner: bannerName(bytes.subarray(0, BANNER_BYTES).toString('utf8')), minified: () => (minified ??= looksMinified(bytes.toString('utf8'))) };
    signsByContent.set(bytes, signs);
  }
  return signs;
}

function bannerName(head: string): string | undefined {
  for (const banner of BANNERS) {
    const name = banner.exec(head)?.[1]?.replace(/\.js$/i, '');
    if (name && !/^(?:v?\d|version|copyright|license)$/i.test(name)) return name;
  }
  return undefined;
}

/** A script whose lines are mostly very long: a bundler's or minifier's output. */
function looksMinified(text: string): boolean {
  if (text.length < MINIFIED_LINE) return false;
  let longest = 0;
  let lines = 0;
  for (let start = 0; start < text.length; lines++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return longest >= MINIFIED_LINE && text.length / lines > 200;
}
