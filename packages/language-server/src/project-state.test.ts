/**
 * The scheduling of a project's lints, with an engine session whose lint the test lets finish:
 * changes that arrive while a lint runs wait for the next one, and the last content of a file wins.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@bmplint/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectState, type ProjectHost } from './project-state.js';

/** The fake engine: what the server did to it, and the lints it has not let finish yet. */
const engine = vi.hoisted(() => ({
  calls: [] as string[],
  files: new Map<string, string>(),
  running: [] as Array<() => void>,
}));

vi.mock('./session.js', () => ({
  openSession: async () => ({
    setFile(path: string, content: string | Uint8Array | null) {
      engine.calls.push(`set ${path} ${String(content)}`);
      if (content === null) engine.files.delete(path);
      else engine.files.set(path, String(content));
    },
    lint() {
      engine.calls.push('lint');
      // The findings are taken when the lint starts: what a lint sees is the files as they were then.
      const findings = [...engine.files].map(([file, text]) => ({ file, message: text }) as Finding);
      return new Promise((resolve) => engine.running.push(() => resolve({ findings })));
    },
  }),
  // The first look (a lint of the open files alone) finds nothing here.
  lint: async () => ({ findings: [] }),
  openMemoryBundle: () => ({}),
}));

let root: string;
let results: string[][];

function project(debounceMs = 0): ProjectState {
  const host: ProjectHost = {
    loadRules: async () => [],
    configPath: () => undefined,
    debounceMs: () => debounceMs,
    onResult: (_project, findings) => results.push(findings.map((finding) => `${finding.file} ${finding.message}`)),
    log: (message) => {
      throw new Error(message);
    },
  };
  return new ProjectState(root, host);
}

/** Lets the oldest running lint finish. */
async function finishLint(): Promise<void> {
  await vi.waitFor(() => expect(engine.running.length).toBeGreaterThan(0));
  engine.running.shift()!();
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bmplint-project-state-'));
  results = [];
  engine.calls.length = 0;
  engine.files.clear();
  engine.running.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ProjectState scheduling', () => {
  it('takes changes made while a lint runs into the next lint, the last content of each file winning', async () => {
    const state = project();
    state.setBuffer('a.js', 'v1');
    await vi.waitFor(() => expect(engine.calls).toEqual(['set a.js v1', 'lint']));

    state.setBuffer('a.js', 'v2');
    state.setBuffer('b.js', 'w1');
    state.setBuffer('a.js', 'v3');
    // Their lint is due but the engine is busy: nothing reaches the session mid-lint.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine.calls).toEqual(['set a.js v1', 'lint']);

    await finishLint();
    await vi.waitFor(() => expect(engine.calls).toEqual(['set a.js v1', 'lint', 'set a.js v3', 'set b.js w1', 'lint']));
    await finishLint();
    await state.idle();
    // The first look (nothing), the lint of v1, and one lint of everything typed meanwhile.
    expect(results).toEqual([[], ['a.js v1'], ['a.js v3', 'b.js w1']]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(engine.calls.filter((call) => call === 'lint')).toHaveLength(2);
  });

  it('with no debounce, lints on the next turn after a change; with one, once after a burst goes quiet', async () => {
    vi.useFakeTimers();
    /** Fake milliseconds until the engine's calls are `expected` (checked every fake millisecond). */
    const msUntil = async (expected: string[]) => {
      const from = Date.now();
      await vi.waitFor(() => expect(engine.calls).toEqual(expected), { interval: 1, timeout: 5_000 });
      return Date.now() - from;
    };
    try {
      const eager = project();
      eager.setBuffer('a.js', 'v1');
      await msUntil(['set a.js v1', 'lint']);
      engine.running.shift()!();
      await eager.idle();
      eager.setBuffer('a.js', 'v2');
      expect(await msUntil(['set a.js v1', 'lint', 'set a.js v2', 'lint'])).toBeLessThan(5);
      engine.running.shift()!();
      await eager.idle();
      expect(results.at(-1)).toEqual(['a.js v2']);

      engine.calls.length = 0;
      const patient = project(150);
      patient.setBuffer('b.js', 'x1');
      await vi.advanceTimersByTimeAsync(100);
      patient.setBuffer('b.js', 'x2');
      // 150 ms of quiet after the last change (not the first), then one lint with the last content.
      const quiet = await msUntil(['set b.js x2', 'lint']);
      expect(quiet).toBeGreaterThanOrEqual(150);
      expect(quiet).toBeLessThan(170);
      engine.running.shift()!();
      await patient.idle();
      expect(results.at(-1)).toEqual(['a.js v2', 'b.js x2']);
    } finally {
      vi.useRealTimers();
    }
  });
});
