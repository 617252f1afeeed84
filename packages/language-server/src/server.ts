/**
 * The language server: thin over the engine. Open buffers go into the session of the mini program
 * they belong to; after each (debounced) lint every file whose findings changed is re-published,
 * so a cross-file finding shows where it points and clears when it is fixed anywhere.
 */
import { join } from 'node:path';
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
import { groupFindings, SOURCE, toDiagnostics, type DiagnosticData } from './diagnostics.js';
import { findProjectRoot, pathInside } from './project-root.js';
import { ProjectState, type ConfigProblem } from './project-state.js';
import { RuleDocs } from './rule-docs.js';

export interface ServerOptions {
  /** The rules for a project: the CLI's `loadRules` (built-in rules plus the config's plugins). */
  loadRules(config?: LoadedConfig): Promise<AnyRule[]>;
  version: string;
  /** Folders with the rules' docs pages (`<area>/<rule>.md`), for hovers. */
  docsDirs?: readonly string[];
  /** Quiet time after a change before linting (default 150 ms). */
  debounceMs?: number;
}

/** Settings the client sends (VS Code: `bmplint.*`). */
export interface Settings {
  enable: boolean;
  /** Config file, relative to the project root or absolute; default `bmplint.config.json` in it. */
  configPath?: string;
  /** Language of messages; bmplint's rules speak English only so far. */
  locale?: string;
}

const WATCHED = '**/{*.bxml,*.bxss,*.js,*.ts,*.tsx,*.bns,*.json,*.png,*.jpg,*.jpeg}';

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const projects = new Map<string, ProjectState>();
  /** What was last sent per URI (as JSON), so only changes go out. */
  const published = new Map<string, string>();
  const docs = new RuleDocs(options.docsDirs ?? []);
  let workspaceFolders: string[] = [];
  let settings: Settings = { enable: true };
  let watchRegistration = false;

  const host = {
    loadRules: options.loadRules,
    configPath: () => settings.configPath,
    debounceMs: options.debounceMs ?? 150,
    log: (message: string) => connection.console.error(message),
    onResult: publish,
  };

  /** URIs of project files: an open document's own URI (clients spell URIs their way), else the file URL. */
  const urisOf = (project: ProjectState): ((path: string) => string) => {
    const open = new Map(documents.all().map((document) => [fileOf(document.uri), document.uri]));
    return (path) => {
      const absolute = join(project.root, path);
      return open.get(absolute) ?? pathToFileURL(absolute).href;
    };
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
    const groups = groupFindings(findings);
    const docsUrl = (ruleId: string) => project.rules.get(ruleId)?.meta.docs.url;
    const uriOf = urisOf(project);
    const next = new Map<string, Diagnostic[]>();
    for (const [path, list] of project.findingsByFile) next.set(uriOf(path), toDiagnostics(list, docsUrl, uriOf, groups));
    if (configProblem) {
      const uri = pathToFileURL(configProblem.path).href;
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'bmplint/config',
        source: SOURCE,
        message: `${configProblem.message} (bmplint runs without this config until it is fixed)`,
      };
      next.set(uri, [...(next.get(uri) ?? []), diagnostic]);
    }
    for (const document of documents.all()) if (!next.has(document.uri) && belongsTo(project, document.uri)) next.set(document.uri, []);
    for (const [uri, diagnostics] of next) send(uri, diagnostics);
    for (const uri of [...published.keys()]) {
      if (!next.has(uri) && belongsTo(project, uri)) send(uri, []);
    }
  }

  /** Sends what changed; an open document hears once that it is clean, so the client knows it was checked. */
  function send(uri: string, diagnostics: Diagnostic[]): void {
    const json = JSON.stringify(diagnostics);
    const before = published.get(uri);
    if (before === json || (before === undefined && !diagnostics.length && !documents.get(uri))) return;
    if (diagnostics.length || documents.get(uri)) published.set(uri, json);
    else published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
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
    for (const uri of [...published.keys()]) send(uri, []);
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
    settings = { ...settings, ...next };
    warnLocale();
    if (!settings.enable) {
      clearAll();
      return;
    }
    for (const project of projects.values()) project.reset();
    // Edits made while disabled were not taken in: lay every open buffer over its project again.
    for (const document of documents.all()) {
      const target = projectFor(document.uri, true);
      target?.project.setBuffer(target.path, document.getText());
    }
  });

  documents.onDidChangeContent(({ document }) => {
    if (!settings.enable) return;
    const target = projectFor(document.uri, true);
    target?.project.setBuffer(target.path, document.getText());
  });

  documents.onDidClose(({ document }) => {
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
  return out;
}
