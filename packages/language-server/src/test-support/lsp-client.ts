/** A JSON-RPC client that drives a real language server process over stdio, for tests and the benchmark. */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface Published {
  diagnostics: Diagnostic[];
  /** performance.now() when it arrived. */
  at: number;
}

export class LspClient {
  /** Every publishDiagnostics, in order, per URI. */
  readonly published = new Map<string, Published[]>();
  readonly registrations: unknown[] = [];
  /** The server's log messages (window/logMessage), in order. */
  readonly logs: string[] = [];
  stderr = '';
  private waiters: Array<() => void> = [];
  private readonly exited: Promise<number | null>;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      const list = this.published.get(params.uri) ?? [];
      list.push({ diagnostics: params.diagnostics, at: performance.now() });
      this.published.set(params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/configuration', () => []);
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.listen();
  }

  /** Starts `node <args>` (e.g. the CLI's bin with `lsp --stdio`). */
  static start(args: string[], env: NodeJS.ProcessEnv = {}): LspClient {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new LspClient(child, connection);
  }

  async initialize(folder: string, initializationOptions: Record<string, unknown> = {}): Promise<InitializeResult> {
    const uri = pathToFileURL(folder).href;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'app' }],
      initializationOptions,
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'javascript'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the first publish for `uri` after `since` (a performance.now() time) that `accept` takes. */
  async diagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, since = 0, timeoutMs = 10_000): Promise<Published> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = (this.published.get(uri) ?? []).find((entry) => entry.at >= since && accept(entry.diagnostics));
      if (hit) return hit;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.get(uri) ?? [])}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The protocol's end: shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
