/**
 * One mini program open in the editor: its engine session (disk files with open buffers laid over
 * them), its config and rules, and the lint whose findings the server publishes. Changes wait in
 * `pending` and go into the session only between lints, so a lint sees one state of the files and
 * changes that arrive while it runs are taken by the next one (the last content of a file wins).
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, InputError, loadConfigFile, type AnyRule, type Config, type Finding, type LoadedConfig } from '@bmplint/core';
import { lint, openMemoryBundle, openSession, type LintSession } from './session.js';

export interface ProjectHost {
  loadRules(config?: LoadedConfig): Promise<AnyRule[]>;
  /** The configured config file (`bmplint.configPath`), relative to the project root or absolute. */
  configPath(): string | undefined;
  /** Quiet time after a change before linting; 0: as soon as the engine is free. */
  debounceMs(): number;
  /** Called after each lint with every finding of the project, or the config problem that stopped it. */
  onResult(project: ProjectState, findings: readonly Finding[], configProblem: ConfigProblem | undefined): void;
  log(message: string): void;
  /**
   * Where the engine's lint time goes when timings are asked for (`BMPLINT_LSP_TIMING`): wall time,
   * and the process's CPU time over it (steadier on a shared machine).
   */
  timing?(project: ProjectState, lintMs: number, lintCpuMs: number): void;
}

/** A pending change that re-reads the file from disk when it is applied. */
const FROM_DISK = Symbol('from disk');

export interface ConfigProblem {
  /** Absolute path of the config file the problem is in. */
  path: string;
  message: string;
}

export class ProjectState {
  rules = new Map<string, AnyRule>();
  /** Findings of the last lint, by project path. */
  findingsByFile = new Map<string, Finding[]>();
  private session: Promise<LintSession> | undefined;
  /** Open buffers (project path → text): they win over the disk. */
  private readonly buffers = new Map<string, string>();
  /** Changes not yet in the session (project path → text, or a re-read of the disk). */
  private readonly pending = new Map<string, string | typeof FROM_DISK>();
  private configProblem: ConfigProblem | undefined;
  /** Absolute paths by project path: each publish names every file with findings, many times over. */
  private readonly absolutePaths = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(readonly root: string, private readonly host: ProjectHost) {}

  /** Absolute path of the config file in force (it may not exist). */
  get configFile(): string {
    const configured = this.host.configPath();
    return configured ? (isAbsolute(configured) ? configured : resolve(this.root, configured)) : join(this.root, CONFIG_FILE_NAME);
  }

  /** The absolute path of a project path. */
  absolute(path: string): string {
    let absolute = this.absolutePaths.get(path);
    if (absolute === undefined) this.absolutePaths.set(path, (absolute = join(this.root, path)));
    return absolute;
  }

  setBuffer(path: string, text: string): void {
    this.buffers.set(path, text);
    if (this.isConfig(path)) this.reset();
    else this.pending.set(path, text);
    this.schedule();
  }

  /** A buffer closed: the file on disk counts again. */
  closeBuffer(path: string): void {
    if (!this.buffers.delete(path)) return;
    this.diskChanged(path);
  }

  /** A file changed, appeared or went away on disk (ignored while its buffer is open). */
  diskChanged(path: string): void {
    if (this.buffers.has(path) || outsideBundle(path)) return;
    if (this.isConfig(path)) this.reset();
    else this.pending.set(path, FROM_DISK);
    this.schedule();
  }

  /** Re-reads config, rules and files (config or settings changed). */
  reset(): void {
    this.session = undefined;
    this.schedule();
  }

  /**
   * A lint after `debounceMs` of quiet; with 0 (the default), on the next turn of the event loop.
   * While a lint runs, changes only mark that another is due: it starts when this one ends, with
   * every change made meanwhile (vscode-eslint queues a validation per change and drops stale ones).
   */
  schedule(delay = this.host.debounceMs()): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** Waits for the current lint, if any (tests and the benchmark). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private isConfig(path: string): boolean {
    return join(this.root, path) === this.configFile;
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.lintOnce().catch((error) => this.host.log(`bmplint: publishing the findings of ${this.root} failed: ${String(error)}`)).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    await this.running;
  }

  private async lintOnce(): Promise<void> {
    if (!this.session && this.buffers.size) {
      await this.firstLook();
      // Let its diagnostics go out (the connection writes on a later turn) before the project's check holds the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    let findings: Finding[];
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      try {
        findings = await this.lintSession(() => this.open());
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // A config the engine refuses (unknown rule, bad options, missing plugin): report it and lint without it.
        this.configProblem = { path: this.configFile, message: error.message };
        this.session = undefined;
        findings = await this.lintSession(() => this.open(false));
      }
    } catch (error) {
      // The server keeps running; the next change tries again from the disk.
      this.host.log(`bmplint: checking ${this.root} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.session = undefined;
      return;
    }
    if (this.host.timing) {
      const used = process.cpuUsage(cpu);
      this.host.timing(this, performance.now() - started, (used.user + used.system) / 1000);
    }
    this.setFindings(findings);
  }

  /** The session's findings with the pending changes in; a new session (from disk and buffers) when there is none. */
  private async lintSession(open: () => Promise<LintSession>): Promise<Finding[]> {
    if (!this.session) {
      // A new session reads the disk and lays every buffer over it: nothing pending is left to apply.
      this.pending.clear();
      this.session = open();
    }
    const session = await this.session;
    for (const [path, change] of this.pending) session.setFile(path, change === FROM_DISK ? readOrNull(join(this.root, path)) : change);
    this.pending.clear();
    return (await session.lint()).findings;
  }

  /**
   * Before the first check of the whole project (seconds on a large one), the open files with the
   * app's configs, by the rules whose findings on a file depend on that file alone (the engine's
   * `scope: 'files'`): what they find shows at once, and the project's check replaces it.
   */
  private async firstLook(): Promise<void> {
    try {
      const loaded = this.loadConfig();
      const rules = await this.host.loadRules(loaded);
      this.rules = new Map(rules.map((rule) => [rule.meta.id, rule]));
      const files: Record<string, Uint8Array | string> = {};
      const add = (path: string) => {
        if (files[path] !== undefined) return;
        const bytes = readOrNull(join(this.root, path));
        if (bytes) files[path] = bytes;
      };
      for (const path of MODEL_FILES) add(path);
      const appRoot = miniprogramRoot(files['project.config.json']);
      if (appRoot) add(`${appRoot}/app.json`);
      for (const [path, text] of this.buffers) {
        files[path] = text;
        // The rest of its page or component: its template, styles, script and config.
        const stem = path.replace(/\.[^./]+$/, '');
        for (const extension of UNIT_EXTENSIONS) add(`${stem}${extension}`);
      }
      const result = await lint(openMemoryBundle(files), { rules, config: loaded?.config, scope: 'files' });
      if (this.session) return; // a project check got there first
      this.setFindings(result.findings.filter((finding) => this.buffers.has(finding.file)));
    } catch (error) {
      // Only a head start: the project's check reports whatever went wrong.
      this.host.log(`bmplint: the first look at ${this.root} failed: ${String(error)}`);
    }
  }

  private setFindings(findings: Finding[]): void {
    this.findingsByFile = new Map();
    for (const finding of findings) {
      const list = this.findingsByFile.get(finding.file);
      if (list) list.push(finding);
      else this.findingsByFile.set(finding.file, [finding]);
    }
    this.host.onResult(this, findings, this.configProblem);
  }

  private async open(withConfig = true): Promise<LintSession> {
    if (withConfig) this.configProblem = undefined;
    const loaded = withConfig ? this.loadConfig() : undefined;
    const rules = await this.host.loadRules(loaded);
    this.rules = new Map(rules.map((rule) => [rule.meta.id, rule]));
    const session = await openSession(this.root, { rules, config: loaded?.config });
    for (const [path, text] of this.buffers) session.setFile(path, text);
    return session;
  }

  /** The config from its open buffer or the disk; a broken one is reported and left out. */
  private loadConfig(): LoadedConfig | undefined {
    const path = this.configFile;
    const buffer = [...this.buffers].find(([bufferPath]) => this.isConfig(bufferPath))?.[1];
    if (buffer === undefined && !existsSync(path)) return undefined;
    try {
      if (buffer === undefined) return loadConfigFile(path);
      const config = JSON.parse(buffer) as unknown;
      if (!config || typeof config !== 'object' || Array.isArray(config)) throw new InputError('the config must be a JSON object');
      return { config: config as Config, baseDir: dirname(path), path };
    } catch (error) {
      const message = (error as Error).message;
      this.configProblem = { path, message: error instanceof InputError ? message : `${CONFIG_FILE_NAME}: ${message}` };
      return undefined;
    }
  }
}

/** The app-wide files the engine builds its project model from. */
const MODEL_FILES = ['app.json', 'project.config.json', 'listing.json', 'src/app.config.ts', 'src/app.config.js'];
const UNIT_EXTENSIONS = ['.js', '.ts', '.bxml', '.bxss', '.json'];

/** `miniprogramRoot` of project.config.json, if it names one. */
function miniprogramRoot(bytes: Uint8Array | string | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { miniprogramRoot?: unknown }).miniprogramRoot;
    return typeof value === 'string' ? value.replace(/^\.?\/+|\/+$/g, '') || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** Folders a directory bundle never reads (files the config ignores are read, resolved, and not checked). */
const NOT_IN_BUNDLE = new Set(['node_modules', '.git', '.hg', '.svn']);

function outsideBundle(path: string): boolean {
  return path.split('/').some((part) => NOT_IN_BUNDLE.has(part));
}

/** A regular file's bytes; null when it is gone or is not a regular file (links are not followed). */
function readOrNull(path: string): Uint8Array | null {
  try {
    if (!lstatSync(path).isFile()) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}
