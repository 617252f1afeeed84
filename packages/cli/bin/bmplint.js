#!/usr/bin/env node
// Checked in (not generated) so pnpm can link the binary before the TypeScript build has run.
import { main } from '../dist/main.js';

// `bmplint check … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
