/** Runs the server over stdin/stdout (`bmplint lsp --stdio`, `bmplint-language-server`). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from './server.js';

export function startStdioServer(options: ServerOptions): void {
  // stdout carries the protocol: anything else printed there would corrupt it.
  console.log = console.info = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), options);
}
