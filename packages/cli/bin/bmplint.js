#!/usr/bin/env node
// Checked in (not generated) so pnpm can link the binary before the TypeScript build has run.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
