/**
 * The engine's incremental API: a project held in memory, files replaced from open buffers, and
 * only changed files parsed and walked again on each check (core's `openSession`). The only module
 * of the server that knows how a session is made.
 */
export { openSession, type LintSession } from '@bmplint/core';
