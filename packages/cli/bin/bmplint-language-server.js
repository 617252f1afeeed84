#!/usr/bin/env node
// The language server as its own binary: `bmplint lsp --stdio` from the CLI's bundle.
import { main } from '../dist/bmplint.mjs';

process.exitCode = await main(['lsp', '--stdio']);
