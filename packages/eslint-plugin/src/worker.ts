/**
 * The engine, in a worker thread: ESLint rules are synchronous and the engine is not, so the rules
 * block on this worker (engine-client.ts). It keeps one session per mini program: the project is
 * read and linted once per ESLint run, and files whose text ESLint sees differently (an editor's
 * unsaved buffer) are laid over it before a re-lint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { CONFIG_FILE_NAME, loadConfigFile, type Finding } from '@bmplint/core';
import { loadRules } from '@bmplint/cli';
import { openSession, type LintSession } from '@bmplint/language-server';
import type { LintRequest, LintResponse } from './protocol.js';

/**
 * A project untouched for this long is read again from disk: ESLint has no "run finished" event,
 * and an editor's ESLint server lives across many runs while other files change on disk.
 */
const IDLE_MS = 2_000;

interface Project {
  session: LintSession;
  /** Texts the session holds, as far as they were looked at. */
  texts: Map<string, string>;
  findings: Finding[] | undefined;
  usedAt: number;
}

const projects = new Map<string, Project>();
const { port } = workerData as { port: MessagePort };

port.on('message', async ({ signal, request }: { signal: Int32Array; request: LintRequest }) => {
  let response: LintResponse;
  try {
    response = { findings: await findingsOf(request) };
  } catch (error) {
    response = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

async function findingsOf({ root, path, text, ruleIds }: LintRequest): Promise<Finding[]> {
  const key = `${root}\0${ruleIds.join(',')}`;
  let project = projects.get(key);
  if (!project || Date.now() - project.usedAt > IDLE_MS) {
    project = await open(root, new Set(ruleIds));
    projects.set(key, project);
  }
  project.usedAt = Date.now();
  let known = project.texts.get(path);
  if (known === undefined) {
    known = readText(join(root, path));
    project.texts.set(path, known);
  }
  if (known !== text) {
    project.session.setFile(path, text);
    project.texts.set(path, text);
    project.findings = undefined;
  }
  project.findings ??= (await project.session.lint()).findings;
  const findings = project.findings.filter((finding) => finding.file === path);
  project.usedAt = Date.now();
  return findings;
}

async function open(root: string, ruleIds: Set<string>): Promise<Project> {
  const configPath = join(root, CONFIG_FILE_NAME);
  const config = existsSync(configPath) ? loadConfigFile(configPath) : undefined;
  const rules = (await loadRules(config)).filter((rule) => ruleIds.has(rule.meta.id));
  const session = await openSession(root, { rules, config: config?.config });
  return { session, texts: new Map(), findings: undefined, usedAt: Date.now() };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return '';
  }
}
