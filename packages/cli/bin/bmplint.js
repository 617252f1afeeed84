#!/usr/bin/env node
// Checked in (not generated) so pnpm can link the binary before the build has run. It runs the
// single-file bundle of the CLI, core and the built-in rules (scripts/bundle-cli.mjs).
import { main } from '../dist/bmplint.mjs';

// `bmplint check … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
