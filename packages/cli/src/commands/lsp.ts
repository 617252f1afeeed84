/**
 * `bmplint lsp --stdio`: the language server, on the same engine and rules as `bmplint check`.
 * main.ts imports this module only when the command runs, so `check` never loads the server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyRule, LoadedConfig } from '@bmplint/core';
import { startStdioServer } from '@bmplint/language-server';

export interface LspOptions {
  loadRules(config?: LoadedConfig): Promise<AnyRule[]>;
  version: string;
}

export function lsp(options: LspOptions): void {
  startStdioServer({ ...options, docsDirs: docsDirs() });
}

/** The repository's generated rule pages (docs/rules), when the CLI runs from a checkout. */
function docsDirs(): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(fileURLToPath(import.meta.url)), depth = 0; depth < 5; dir = dirname(dir), depth++) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) dirs.push(candidate);
  }
  return dirs;
}
