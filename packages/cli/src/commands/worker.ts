import { InputError } from '@bmplint/core';
import type { Command } from 'commander';
import { loadServer, portalEngine, untilSignal, type CommandIo } from './portal-deps.js';

/** `bmplint worker`: audits from the shared PostgreSQL queue, without HTTP. */
export function registerWorker(program: Command, io: CommandIo): void {
  program
    .command('worker')
    .description('run audit workers for portals sharing the PostgreSQL database in DATABASE_URL')
    .option('--concurrency <n>', 'audits polled for at once', '1')
    .action(async (options: { concurrency: string }) => {
      const databaseUrl = process.env.DATABASE_URL;
      // PGlite is one process's database: with it, audits run inside `bmplint serve`.
      if (!databaseUrl) throw new InputError('bmplint worker needs DATABASE_URL (PostgreSQL); with the embedded database, audits run inside bmplint serve');
      const concurrency = Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new InputError(`--concurrency must be 1 or more, not "${options.concurrency}"`);
      const { startWorker } = await loadServer();
      const worker = await startWorker({
        databaseUrl, concurrency, engine: await portalEngine(),
        onAudit: (auditId, outcome) => io.stderr(`bmplint worker: audit ${auditId} ${outcome}\n`),
      });
      io.stderr(`bmplint worker: polling for audits (${concurrency} at once)\n`);
      await untilSignal();
      await worker.close();
    });
}
