import { expect } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { openMemoryBundle } from '../bundle/memory.js';
import { DEFAULT_LIMITS, type BundleLimits } from '../bundle/bundle.js';

/** One edit of a session: a file's new content, or null to delete it. */
export type SessionEdit = [path: string, content: string | null];

/**
 * A session over `files`, with a copy of them kept in step: `set` edits both, `check` lints the
 * session and expects a fresh `lint()` of the copy to give the same result (what issue #9 requires
 * of migrated rules), and returns it.
 */
export async function steppedSession(options: LintOptions, files: Record<string, string>) {
  const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
  const current = { ...files };
  // Under the configured limits, as `lint(directory)` opens a bundle.
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.config?.limits };
  const session = await openSession(openMemoryBundle(current, limits), options);
  return {
    /** The files as they are now. */
    files: current as Readonly<Record<string, string>>,
    set(path: string, content: string | null): void {
      session.setFile(path, content);
      if (content === null) delete current[path];
      else current[path] = content;
    },
    async check(message?: string): Promise<LintResult> {
      const incremental = plain(await session.lint());
      expect(incremental, message).toEqual(plain(await lint(openMemoryBundle(current, limits), options)));
      return incremental;
    },
  };
}

/**
 * Opens a session on `files`, lints, then applies each edit and lints again, expecting every
 * result to equal a fresh `lint()` of the same files. `check` sees each result after an edit (its
 * index, and the files as they are then), to say which problems appear and disappear.
 */
export async function replaySession(
  options: LintOptions,
  files: Record<string, string>,
  edits: readonly SessionEdit[],
  check: (result: LintResult, step: number, files: Readonly<Record<string, string>>) => void,
): Promise<void> {
  const stepped = await steppedSession(options, files);
  await stepped.check();
  for (const [step, [path, content]] of edits.entries()) {
    stepped.set(path, content);
    check(await stepped.check(`after editing ${path}`), step, stepped.files);
  }
}
