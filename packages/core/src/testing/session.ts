import { expect } from 'vitest';
import { lint, type LintOptions, type LintResult } from '../runner/lint.js';
import { openSession } from '../runner/session.js';
import { openMemoryBundle } from '../bundle/memory.js';

/** One edit of a session: a file's new content, or null to delete it. */
export type SessionEdit = [path: string, content: string | null];

/**
 * Opens a session on `files`, lints, then applies each edit and lints again, expecting every
 * result to equal a fresh `lint()` of the same files (what issue #9 requires of migrated rules).
 * `check` sees each result after an edit (its index, and the files as they are then), to say
 * which problems appear and disappear.
 */
export async function replaySession(
  options: LintOptions,
  files: Record<string, string>,
  edits: readonly SessionEdit[],
  check: (result: LintResult, step: number, files: Readonly<Record<string, string>>) => void,
): Promise<void> {
  const plain = (result: LintResult) => JSON.parse(JSON.stringify(result)) as LintResult;
  const current = { ...files };
  const fresh = async () => plain(await lint(openMemoryBundle(current), options));
  const session = await openSession(openMemoryBundle(current), options);
  expect(plain(await session.lint())).toEqual(await fresh());
  for (const [step, [path, content]] of edits.entries()) {
    session.setFile(path, content);
    if (content === null) delete current[path];
    else current[path] = content;
    const incremental = plain(await session.lint());
    expect(incremental, `after editing ${path}`).toEqual(await fresh());
    check(incremental, step, current);
  }
}
