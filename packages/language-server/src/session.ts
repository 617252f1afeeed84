/**
 * The engine's incremental API: a project held in memory, files replaced from open buffers, and
 * only changed files parsed and walked again on each check (core's `openSession`); and a one-off
 * lint of a few files in memory for the first look at a large project. The only module of the
 * server that knows how the engine is run.
 */
export { lint, openMemoryBundle, openSession, type LintSession } from '@bmplint/core';
