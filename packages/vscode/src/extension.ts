/** Starts the bmplint language server (bundled beside this file) for the mini programs in the workspace. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.mjs');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const settings = vscode.workspace.getConfiguration('bmplint');
  const options: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', pattern: '**/*.{bxml,bxss,bns,js,jsx,ts,tsx,json}' }],
    initializationOptions: {
      enable: settings.get<boolean>('enable', true),
      configPath: settings.get<string>('configPath', ''),
      locale: settings.get<string>('locale', 'en'),
      debounceMs: settings.get<number>('debounceMs', 0),
    },
    // Sends `bmplint.*` on every change, so the server re-checks with the new settings.
    synchronize: { configurationSection: 'bmplint' },
  };
  client = new LanguageClient('bmplint', 'bmplint', server, options);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
