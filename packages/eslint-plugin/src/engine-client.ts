/** Synchronous access to the engine worker for ESLint's synchronous rules. */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Finding } from '@bmplint/core';
import { findProjectRoot, pathInside } from '@bmplint/language-server';
import type { LintRequest, LintResponse } from './protocol.js';

/** Longest a file waits for the engine (a first lint reads and checks the whole project). */
const TIMEOUT_MS = 120_000;

let channel: { worker: Worker; port: MessagePort } | undefined;
/** The last file asked about: every bmplint rule on that file shares one answer. */
let last: { filename: string; text: string; ruleIds: string; findings: Finding[] } | undefined;

/** The findings in `filename` (with `text` as ESLint sees it), or none when it is not in a mini program. */
export function findingsFor(filename: string, text: string, ruleIds: readonly string[]): Finding[] {
  const ids = ruleIds.join(',');
  if (last && last.filename === filename && last.text === text && last.ruleIds === ids) return last.findings;
  const root = findProjectRoot(filename, []);
  const path = root === undefined ? undefined : pathInside(root, filename);
  if (root === undefined || path === undefined) return [];
  const response = call({ root, path, text, ruleIds: [...ruleIds] });
  if ('error' in response) throw new Error(`bmplint: ${response.error}`);
  last = { filename, text, ruleIds: ids, findings: response.findings };
  return response.findings;
}

function call(request: LintRequest): LintResponse {
  channel ??= startWorker();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  channel.port.postMessage({ signal, request });
  if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === 'timed-out') throw new Error(`bmplint: the engine took over ${TIMEOUT_MS / 1000} s on ${request.path}`);
  return receiveMessageOnPort(channel.port)!.message as LintResponse;
}

function startWorker(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  // The worker runs built JavaScript: from the sources (under a test runner) that is ../dist.
  const url = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);
  const worker = new Worker(url, { workerData: { port: port2 }, transferList: [port2] });
  // ESLint's process may end while the worker idles.
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}
