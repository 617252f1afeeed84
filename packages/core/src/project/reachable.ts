import { fileKindOf } from '../parse/source-file.js';
import { dirnameOf, joinPath, stripExtension } from './paths.js';
import type { Project, UnitFiles } from './project.js';

/**
 * Which files of the bundle the app can load when it runs: from the app config, script and style,
 * every page of the app config, every component reached through `usingComponents`, the templates,
 * `<bns>` modules and stylesheets they pull in, and the scripts these require or import.
 *
 * Computed from file text (a cheap scan, no AST), so it holds after ASTs are released. It errs
 * toward reachable: a `require(expr)` whose argument is not a literal makes every file under the
 * requiring file's folder reachable; data files, images and configs that are not a unit's config
 * count as reachable.
 */
export class Reachability {
  /** While a file is followed for the first time: what it adds, recorded instead of added. */
  private recording: FileLinks | undefined;
  private files = new Set<string>();
  /** Folders (with trailing slash) whose every file counts as reachable. */
  private folders: string[] = [];
  private readonly queue: string[] = [];
  /** What each file followed loads. */
  private followed = new Map<string, FileLinks>();

  constructor(private readonly project: Project) {
    const previous = project.carried<CarriedReachability>(CARRIED);
    const layout = project.modelKey;
    // The plugin root comes from project.config.json, which is not a file of the project model.
    const pluginRoot = this.pluginRoot();
    if (previous?.layout === layout && previous.pluginRoot === pluginRoot && this.stillLoads(previous)) {
      // A session's re-run where no file loads anything new (the edit changed no require, import or src).
      ({ files: this.files, folders: this.folders, followed: this.followed } = previous);
    } else {
      this.collectRoots();
      while (this.queue.length) this.follow(this.queue.pop()!);
    }
    project.carry(CARRIED, { layout, pluginRoot, files: this.files, folders: this.folders, followed: this.followed, checkedAt: project.run } satisfies CarriedReachability);
  }

  /**
   * Whether every file the last run followed loads what it did: only the files changed since, when
   * the session says which (a new or deleted path changes the layout).
   */
  private stillLoads(previous: CarriedReachability): boolean {
    const changed = this.project.changedSince(previous.checkedAt);
    const check = (path: string, links: FileLinks) => this.project.bundle.has(path) && sameLinks(this.linksOf(path, previous.layout), links);
    if (!changed) return [...previous.followed].every(([path, links]) => check(path, links));
    for (const path of changed) {
      const links = previous.followed.get(path);
      if (links && !check(path, links)) return false;
    }
    return true;
  }

  /**
   * An object that stays the same while, with the same project model (`Project.modelKey`), every
   * answer of `has` stays the same: a session's re-run that reuses the last run's reachability.
   */
  get version(): object {
    return this.files;
  }

  /** Whether the app can load the file. Paths outside the bundle count as reachable. */
  has(path: string): boolean {
    if (this.files.has(path)) return true;
    // Without an app config nothing says what loads: every file counts as reachable.
    if (!this.project.appConfig?.value) return true;
    if (!this.project.bundle.has(path)) return true;
    if (this.folders.some((folder) => path.startsWith(folder))) return true;
    const kind = fileKindOf(path);
    if (kind === 'js' || kind === 'bxml' || kind === 'bxss') return false;
    // A json that is the config of a page or component the app never loads is not loaded either;
    // any other json (data, sitemap, package.json) and every image or other file counts as reachable.
    if (kind === 'json') return !this.isUnitConfig(path);
    return true;
  }

  private isUnitConfig(path: string): boolean {
    const base = stripExtension(path);
    return ['.bxml', '.js', '.ts'].some((extension) => this.project.bundle.has(base + extension));
  }

  private add(path: string | undefined): void {
    if (this.recording) return void (path && this.recording.files.push(path));
    if (!path || this.files.has(path) || !this.project.bundle.has(path)) return;
    this.files.add(path);
    this.queue.push(path);
  }

  private addUnit(files: UnitFiles): void {
    this.add(files.script);
    this.add(files.template);
    this.add(files.config);
    this.add(files.style);
  }

  private addFolder(folder: string | undefined): void {
    if (folder === undefined) return;
    if (this.recording) return void this.recording.folders.push(folder);
    const prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
    if (this.folders.includes(prefix)) return;
    this.folders.push(prefix);
    for (const path of this.project.bundle.entries.keys()) if (path.startsWith(prefix)) this.add(path);
  }

  private collectRoots(): void {
    const project = this.project;
    const root = project.appRoot;
    this.add(project.appConfigPath);
    this.add(`${project.projectRoot}project.config.json`);
    this.add(`${project.projectRoot}project.private.config.json`);
    const scripts = project.style === 'react' ? ['src/app.tsx', 'src/app.ts', 'src/app.jsx', 'src/app.js'] : ['app.js', 'app.ts'];
    for (const script of scripts) this.add(root + script);
    this.add(`${root}app.bxss`);
    for (const page of project.pages) this.addUnit(page.files);
    for (const use of project.componentUses) this.addUnit(use.files);
    const config = project.appConfig?.value as { workers?: unknown; tabBar?: { custom?: unknown }; subpackages?: unknown; subPackages?: unknown } | undefined;
    // A subpackage's `entry` script runs when the subpackage loads.
    for (const pkg of [config?.subpackages, config?.subPackages].flatMap((list) => (Array.isArray(list) ? list : []))) {
      const { root: pkgRoot, entry } = (pkg ?? {}) as { root?: unknown; entry?: unknown };
      if (typeof pkgRoot === 'string' && typeof entry === 'string') this.add(joinPath(root.replace(/\/$/, ''), `${pkgRoot}/${entry}`));
    }
    if (typeof config?.workers === 'string') this.addFolder(joinPath(root.replace(/\/$/, ''), config.workers));
    // A custom tab bar is the component at `custom-tab-bar/index`: its own folder is loaded whole.
    if (config?.tabBar?.custom === true) this.addFolder(`${root}custom-tab-bar`);
    const pluginRoot = this.pluginRoot();
    if (pluginRoot !== undefined) this.addFolder(joinPath(project.projectRoot.replace(/\/$/, ''), pluginRoot));
  }

  private pluginRoot(): string | undefined {
    const pluginRoot = (this.project.jsonFile(`${this.project.projectRoot}project.config.json`)?.value as { pluginRoot?: unknown } | undefined)?.pluginRoot;
    return typeof pluginRoot === 'string' ? pluginRoot : undefined;
  }

  /**
   * Adds what a file loads. What a file's content loads is followed once per content and layout
   * (what following reads must depend on nothing else: the file's bytes, the bundle's paths and
   * the app's roots), so a session's re-run scans only changed files.
   */
  private follow(path: string): void {
    const links = this.linksOf(path, this.project.modelKey);
    if (!links) return;
    this.followed.set(path, links);
    for (const file of links.files) this.add(file);
    for (const folder of links.folders) this.addFolder(folder);
  }

  private linksOf(path: string, layout: string): FileLinks | undefined {
    const kind = fileKindOf(path);
    if (kind !== 'json' && kind !== 'js' && kind !== 'bxml' && kind !== 'bxss') return undefined;
    const bytes = this.project.bundle.read(path);
    let links = linksByContent.get(bytes);
    if (links?.path !== path || links.layout !== layout) {
      links = { path, layout, files: [], folders: [] };
      this.recording = links;
      try {
        this.followContent(path, kind, bytes);
      } finally {
        this.recording = undefined;
      }
      linksByContent.set(bytes, links);
    }
    return links;
  }

  private followContent(path: string, kind: 'json' | 'js' | 'bxml' | 'bxss', bytes: Buffer): void {
    if (kind === 'json') return this.followConfig(path);
    const text = bytes.toString('utf8');
    if (kind === 'js') this.followScript(path, text);
    else if (kind === 'bxml') this.followTemplate(path, text);
    else this.followStyle(path, text);
  }

  /** Components a reachable config uses (the project lists those of app, pages and their components; this adds folders loaded whole). */
  private followConfig(path: string): void {
    const using = (this.project.jsonFile(path)?.value as { usingComponents?: unknown } | undefined)?.usingComponents;
    if (!using || typeof using !== 'object' || Array.isArray(using)) return;
    for (const specifier of Object.values(using as Record<string, unknown>)) {
      if (typeof specifier === 'string') this.addUnit(this.project.componentFiles(path, specifier));
    }
  }

  private followScript(path: string, text: string): void {
    for (const specifier of scriptSpecifiers(text)) this.add(this.resolveScript(path, specifier));
    // `require(name)` with a computed name may load any file of the folder it names, or beside it.
    for (const folder of computedLoadFolders(text)) this.addFolder(this.resolveFolder(path, folder));
  }

  /** As the project resolves it, plus the `@/` and `~/` aliases of `src/` that React apps use. */
  private resolveScript(fromPath: string, specifier: string): string | undefined {
    const resolved = this.project.resolveImport(fromPath, specifier);
    if (resolved || !/^[@~]\//.test(specifier)) return resolved;
    return this.project.resolveImport(`${this.project.appRoot}src/index.js`, `./${specifier.slice(2)}`);
  }

  private resolveFolder(fromPath: string, folder: string): string | undefined {
    return folder.startsWith('/') ? joinPath(this.project.appRoot.replace(/\/$/, ''), folder.slice(1)) : joinPath(dirnameOf(fromPath), folder);
  }

  private followTemplate(path: string, text: string): void {
    // Inline `<bns module>` code may require other modules.
    for (const specifier of scriptSpecifiers(text)) this.add(this.resolveScript(path, specifier));
    for (const match of text.matchAll(TEMPLATE_SOURCE)) {
      const tag = match[1]!.toLowerCase();
      const src = match[3]!.trim();
      if (!src || src.includes('{{')) continue;
      const defaultExtension = tag === 'import' || tag === 'include' ? '.bxml' : '.bns';
      this.add(this.resolveAsset(path, src, defaultExtension));
    }
  }

  private followStyle(path: string, text: string): void {
    for (const match of text.matchAll(STYLE_IMPORT)) this.add(this.resolveAsset(path, match[2]!.trim(), '.bxss'));
  }

  /** A template or stylesheet path: absolute from the app root, else relative to the file. */
  private resolveAsset(fromPath: string, src: string, defaultExtension: string): string | undefined {
    const base = src.startsWith('/') ? joinPath(this.project.appRoot.replace(/\/$/, ''), src.slice(1)) : joinPath(dirnameOf(fromPath), src);
    if (base === undefined) return undefined;
    return this.project.bundle.has(base) ? base : base + defaultExtension;
  }
}

/** The files and folders a file's content loads, resolved for one path and layout (`Project.modelKey`). */
interface FileLinks {
  path: string;
  layout: string;
  files: string[];
  folders: string[];
}

function sameLinks(a: FileLinks | undefined, b: FileLinks): boolean {
  return a === b || (!!a && a.files.length === b.files.length && a.folders.length === b.folders.length
    && a.files.every((file, i) => file === b.files[i]) && a.folders.every((folder, i) => folder === b.folders[i]));
}

/** A run's reachable files, and what each file followed loads, for a session's next run. */
interface CarriedReachability {
  layout: string;
  pluginRoot: string | undefined;
  files: Set<string>;
  folders: string[];
  followed: Map<string, FileLinks>;
  /** The session's run it was computed or last found to hold in. */
  checkedAt: number;
}

const CARRIED = 'reachability';

/** Keyed by the bytes object: a session keeps it while the file is unchanged; a fresh read is a new key. */
const linksByContent = new WeakMap<Uint8Array, FileLinks>();

// A tag's attributes are read up to 4,096 characters: an opener that never closes (`<bns <bns …`)
// would otherwise be read to the end of the text from each one, quadratic in a large template.
const TEMPLATE_SOURCE = /<(import|include|bns|wxs|sjs|import-sjs)\b[^>]{0,4096}?\b(src|from)\s*=\s*["']([^"']*)["']/gi;
const STYLE_IMPORT = /@import\s+(?:url\(\s*)?(["'])([^"']+)\1/g;
const LITERAL = String.raw`(["'])([^"'\n]+)\1|` + '`([^`$\\n]+)`';
const REQUIRE_LITERAL = new RegExp(String.raw`(?<![\w$.])(?:require(?:\.async)?|import)\s*\(\s*(?:${LITERAL})\s*[,)]`, 'g');
const STATIC_IMPORT = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
const ANY_LOAD = /(?<![\w$.])(?:require(?:\.async)?|import)\s*\(/g;
const PLAIN_ARGUMENT = new RegExp(String.raw`^\s*(?:${LITERAL})\s*[,)]`);

/** Specifiers of `require('x')`, `import … from 'x'`, `import 'x'`, `export … from 'x'` and `import('x')`. */
export function scriptSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(REQUIRE_LITERAL)) specifiers.push(match[2] ?? match[3]!);
  for (const match of text.matchAll(STATIC_IMPORT)) specifiers.push(match[2]!);
  return specifiers;
}

/**
 * The folders a `require(…)` or `import(…)` with a computed argument may load from, relative to the
 * file: the literal start of the argument up to its last slash (`require('./pages/' + name)` gives
 * `./pages/`), or `./` when it has none.
 */
export function computedLoadFolders(text: string): string[] {
  const folders: string[] = [];
  for (const match of text.matchAll(ANY_LOAD)) {
    const rest = text.slice(match.index! + match[0].length, match.index! + match[0].length + 300);
    if (PLAIN_ARGUMENT.test(rest)) continue;
    const prefix = /^\s*["'`]([^"'`$\n]*)/.exec(rest)?.[1] ?? '';
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    folders.push(folder && !folder.startsWith('.') && !folder.startsWith('/') ? `./${folder}` : folder || './');
  }
  return folders;
}
