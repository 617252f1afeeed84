/** Mini programs written to a temporary folder, for tests of tools that read a project from disk. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Files } from '@bmplint/core/testing';

const written: string[] = [];

/** Writes `files` (null entries are skipped) into a new temporary folder and returns it. */
export function writeAppOnDisk(files: Files, prefix = 'bmplint-app-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  written.push(dir);
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Removes every folder written so far (call from afterEach/afterAll). */
export function removeAppsOnDisk(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}
