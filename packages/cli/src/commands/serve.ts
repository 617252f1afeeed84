import { resolve } from 'node:path';
import { InputError } from '@bmplint/core';
import type { Command } from 'commander';
import { loadServer, portalEngine, portalFormatReport, untilSignal, type CommandIo } from './portal-deps.js';

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  workers: string;
}

/** `bmplint serve`: the review portal on PGlite in --data, or on PostgreSQL when DATABASE_URL is set. */
export function registerServe(program: Command, io: CommandIo): void {
  program
    .command('serve')
    .description('run the review portal: HTTP API, web UI and audit workers (PGlite in --data, or PostgreSQL from DATABASE_URL)')
    .option('-p, --port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory of the embedded database (ignored when DATABASE_URL is set)', '.bmplint-portal')
    .option('--workers <n>', 'audit workers in this process (0: leave audits to `bmplint worker`)', '1')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      const workers = Number(options.workers);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a port number, not "${options.port}"`);
      if (!Number.isInteger(workers) || workers < 0) throw new InputError(`--workers must be a whole number, not "${options.workers}"`);
      const databaseUrl = process.env.DATABASE_URL || undefined;
      const adminToken = process.env.BMPLINT_ADMIN_TOKEN || undefined;
      const { createPortal } = await loadServer();
      const engine = await portalEngine();
      const portal = await createPortal({
        databaseUrl, dataDir: databaseUrl ? undefined : resolve(options.data), adminToken, workers,
        engine, formatReport: portalFormatReport(engine.rules),
      });
      const url = await portal.listen(port, options.host);
      io.stderr(`bmplint: portal at ${url} (${databaseUrl ? 'PostgreSQL' : `embedded database in ${resolve(options.data)}`}, ${workers} audit worker(s))\n`);
      if (!adminToken) io.stderr('bmplint: BMPLINT_ADMIN_TOKEN is not set: no admin is created (existing tokens still work)\n');
      await untilSignal();
      await portal.close();
    });
}
