/**
 * The language server: thin over the engine. Open buffers go into the session of the mini program
 * they belong to; after each lint every file whose findings changed is re-published, so a
 * cross-file finding shows where it points and clears when it is fixed anywhere.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyRule, Finding, LoadedConfig } from '@bmplint/core';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, type FixableFinding } from './code-actions.js';
import { SOURCE, type DiagnosticData } from './diagnostics.js';
import { findProjectRoot, pathInside } from './project-root.js';
import { ProjectState, type ConfigProblem, type ProjectHost } from './project-state.js';
import { DiagnosticsPublisher, type UriFindings } from './publisher.js';
import { RuleDocs } from './rule-docs.js';

export interface ServerOptions {
  /** The rules for a project: the CLI's `loadRules` (built-in rules plus the config's plugins). */
  loadRules(config?: LoadedConfig): Promise<AnyRule[]>;
  version: string;
  /** Folders with the rules' docs pages (`<area>/<rule>.md`), for hovers. */
  docsDirs?: readonly string[];
  /**
   * Quiet time after a change before linting. Default 0: a lint starts as soon as the engine is free,
   * and changes made while it runs are taken together by the next one. The `debounceMs` setting wins.
   */
  debounceMs?: number;
}

/** Settings the client sends (VS Code: `bmplint.*`). */
export interface Settings {
  enable: boolean;
  /** Config file, relative to the project root or absolute; default `bmplint.config.json` in it. */
  configPath?: string;
  /** Language of messages; bmplint's rules speak English only so far. */
  locale?: string;
  /** Quiet time after a change before linting (ServerOptions.debounceMs). */
  debounceMs?: number;
}

const WATCHED = '**/{*.bxml,*.bxss,*.js,*.ts,*.tsx,*.bns,*.json,*.png,*.jpg,*.jpeg}';

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const projects = new Map<string, ProjectState>();
  const publishers = new Map<ProjectState, DiagnosticsPublisher>();
  const docs = new RuleDocs(options.docsDirs ?? []);
  let workspaceFolders: string[] = [];
  let settings: Settings = { enable: true };
  let watchRegistration = false;

  /** `BMPLINT_LSP_TIMING=1`: each lint's engine time and publish time as log messages (bench/lsp-latency.mjs). */
  const timings = Boolean(process.env.BMPLINT_LSP_TIMING);
  const lintTimes = new Map<ProjectState, { lintMs: number; lintCpuMs: number }>();
  const host: ProjectHost = {
    loadRules: options.loadRules,
    configPath: () => settings.configPath,
    debounceMs: () => settings.debounceMs ?? options.debounceMs ?? 0,
    log: (message: string) => connection.console.error(message),
    onResult: publish,
    timing: timings ? (project, lintMs, lintCpuMs) => lintTimes.set(project, { lintMs, lintCpuMs }) : undefined,
  };

  /** URIs of files by absolute path: an open document's own URI (clients spell URIs their way), else the file URL. */
  const openUris = new Map<string, string>();
  const fileUris = new Map<string, string>();
  const uriOfFile = (absolute: string): string => {
    const open = openUris.get(absolute);
    if (open) return open;
    let uri = fileUris.get(absolute);
    if (uri === undefined) {
      uri = pathToFileURL(absolute).href;
      fileUris.set(absolute, uri);
    }
    return uri;
  };

  function projectFor(uri: string, create: boolean): { project: ProjectState; path: string } | undefined {
    const file = fileOf(uri);
    if (!file) return undefined;
    for (const project of projects.values()) {
      const path = pathInside(project.root, file);
      if (path !== undefined) return { project, path };
    }
    if (!create) return undefined;
    const root = findProjectRoot(file, workspaceFolders);
    if (!root) return undefined;
    const project = new ProjectState(root, host);
    projects.set(root, project);
    return { project, path: pathInside(root, file)! };
  }

  function publish(project: ProjectState, findings: readonly Finding[], configProblem: ConfigProblem | undefined): void {
    if (!settings.enable) return;
    const started = performance.now();
    const uriOf = (path: string) => uriOfFile(project.absolute(path));
    const byUri = new Map<string, UriFindings>();
    for (const [path, list] of project.findingsByFile) byUri.set(uriOf(path), { findings: list });
    if (configProblem) {
      const uri = uriOfFile(configProblem.path);
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'bmplint/config',
        source: SOURCE,
        message: `${configProblem.message} (bmplint runs without this config until it is fixed)`,
      };
      byUri.set(uri, { findings: byUri.get(uri)?.findings ?? [], extra: [diagnostic] });
    }
    let publisher = publishers.get(project);
    if (!publisher) {
      publisher = new DiagnosticsPublisher((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
      publishers.set(project, publisher);
    }
    const sent = publisher.publish({
      byUri,
      findings,
      openUris: documents.all().map((document) => document.uri).filter((uri) => belongsTo(project, uri)),
      docsUrl: (ruleId) => project.rules.get(ruleId)?.meta.docs.url,
      uriOf,
    });
    if (timings) {
      const { lintMs, lintCpuMs } = lintTimes.get(project) ?? { lintMs: 0, lintCpuMs: 0 };
      connection.console.log(`bmplint timing ${JSON.stringify({ lintMs, lintCpuMs, publishMs: performance.now() - started, sent, findings: findings.length })}`);
    }
  }

  function belongsTo(project: ProjectState, uri: string): boolean {
    const file = fileOf(uri);
    return file !== undefined && (pathInside(project.root, file) !== undefined || file === project.configFile);
  }

  /** The rules' messages exist in English only: say so once rather than pretend. */
  let localeWarned = false;
  function warnLocale(): void {
    const locale = settings.locale?.toLowerCase();
    if (!locale || locale.startsWith('en') || localeWarned) return;
    localeWarned = true;
    connection.console.info(`bmplint: messages are available in English only; "${settings.locale}" falls back to English`);
  }

  function clearAll(): void {
    for (const publisher of publishers.values()) publisher.clear();
  }

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => fileOf(folder.uri)).filter((path): path is string => path !== undefined);
    if (!workspaceFolders.length && params.rootUri) {
      const root = fileOf(params.rootUri);
      if (root) workspaceFolders = [root];
    }
    settings = { ...settings, ...readSettings(params.initializationOptions) };
    warnLocale();
    watchRegistration = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'bmplint', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const next = readSettings((change.settings as { bmplint?: unknown } | undefined)?.bmplint);
    if (!next) return;
    const before = settings;
    settings = { ...settings, ...next };
    warnLocale();
    if (!settings.enable) {
      clearAll();
      return;
    }
    // The locale and the quiet time change no finding: only a new config or a re-enable calls for a new
    // check (VS Code's client sends the settings once after starting, as they were at initialize).
    if (before.enable && before.configPath === settings.configPath) return;
    for (const project of projects.values()) project.reset();
    // Edits made while disabled were not taken in: lay every open buffer over its project again.
    for (const document of documents.all()) {
      const target = projectFor(document.uri, true);
      target?.project.setBuffer(target.path, document.getText());
    }
  });

  documents.onDidOpen(({ document }) => {
    const file = fileOf(document.uri);
    if (file) openUris.set(file, document.uri);
  });

  documents.onDidChangeContent(({ document }) => {
    if (!settings.enable) return;
    const target = projectFor(document.uri, true);
    target?.project.setBuffer(target.path, document.getText());
  });

  documents.onDidClose(({ document }) => {
    const file = fileOf(document.uri);
    if (file) openUris.delete(file);
    const target = projectFor(document.uri, false);
    target?.project.closeBuffer(target.path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const target = projectFor(change.uri, false);
      if (!target || documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted || change.type === FileChangeType.Changed || change.type === FileChangeType.Created) {
        target.project.diskChanged(target.path);
      }
    }
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    const target = projectFor(textDocument.uri, false);
    if (!document || !target) return [];
    const findings = target.project.findingsByFile.get(target.path) ?? [];
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingOf(findings, diagnostic);
      if (!finding) continue;
      const suppressible = target.project.rules.get(finding.ruleId)?.meta.suppressible ?? false;
      actions.push(...codeActionsFor(finding as FixableFinding, diagnostic, { uri: document.uri, text: document.getText() }, suppressible));
    }
    return actions;
  });

  connection.onHover(({ textDocument, position }) => {
    const target = projectFor(textDocument.uri, false);
    if (!target) return null;
    const here = (target.project.findingsByFile.get(target.path) ?? []).filter((finding) => contains(finding, position));
    const rules = [...new Set(here.map((finding) => finding.ruleId))].map((id) => target.project.rules.get(id)).filter((rule): rule is AnyRule => rule !== undefined);
    if (!rules.length) return null;
    return { contents: { kind: 'markdown', value: rules.map((rule) => docs.markdown(rule)).join('\n\n---\n\n') } };
  });

  connection.onShutdown(() => {
    for (const project of projects.values()) project.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** The finding a diagnostic came from: by its index, checked against the fingerprint and rule. */
function findingOf(findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  const byIndex = data ? findings[data.index] : undefined;
  if (byIndex && byIndex.ruleId === diagnostic.code && byIndex.fingerprint === data?.fingerprint) return byIndex;
  return findings.find((finding) => finding.ruleId === diagnostic.code && finding.line - 1 === diagnostic.range.start.line && finding.column - 1 === diagnostic.range.start.character);
}

function contains(finding: Finding, position: { line: number; character: number }): boolean {
  const line = position.line + 1;
  const column = position.character + 1;
  if (line < finding.line || line > finding.endLine) return false;
  if (line === finding.line && column < finding.column) return false;
  if (line === finding.endLine && column > finding.endColumn) return false;
  return true;
}

function fileOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readSettings(value: unknown): Partial<Settings> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const out: Partial<Settings> = {};
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  if (typeof raw.configPath === 'string') out.configPath = raw.configPath.trim() || undefined;
  if (typeof raw.locale === 'string') out.locale = raw.locale;
  if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) out.debounceMs = raw.debounceMs;
  return out;
}
