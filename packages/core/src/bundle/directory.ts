import { accessSync, constants as fsConstants, readdirSync, readFileSync, lstatSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { EntryCollector, safeRelativePath, type Bundle, type BundleLimits } from './bundle.js';

/** Folders that are never part of an uploaded bundle (`.bmplint-cache`: `--cache`'s default folder). */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.bmplint-cache']);

export function openDirectoryBundle(root: string, limits: BundleLimits): Bundle {
  const collector = new EntryCollector(limits);
  const pending: string[] = [''];
  while (pending.length) {
    const dir = pending.pop()!;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(join(root, dir), { withFileTypes: true });
    } catch (error) {
      collector.refuse('unreadable', dir || '.', (error as Error).message);
      continue;
    }
    dirents.sort((a, b) => (a.name < b.name ? 1 : -1)); // popped in name order
    for (const dirent of dirents) {
      const path = dir ? `${dir}/${dirent.name}` : dirent.name;
      if (dirent.isSymbolicLink()) {
        collector.refuse('link', path, 'symbolic links are not followed');
      } else if (dirent.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(dirent.name)) pending.push(path);
      } else if (dirent.isFile()) {
        let size: number;
        try {
          size = lstatSync(join(root, path)).size;
          // A file the user cannot read (`chmod 000`) is one issue here, not a failed run later.
          accessSync(join(root, path), fsConstants.R_OK);
        } catch (error) {
          // The error's code, not its message: that names the host path.
          collector.refuse('unreadable', path, (error as NodeJS.ErrnoException).code ?? 'cannot be read');
          continue;
        }
        collector.accept(path, size);
      } else {
        collector.refuse('special-file', path, 'not a regular file');
      }
    }
  }
  const entries = collector.entries;
  return {
    kind: 'directory',
    source: root,
    entries,
    issues: collector.issues,
    limits,
    has: (path) => entries.has(path),
    read(path) {
      if (!entries.has(path)) throw new Error(`not in bundle: ${path}`);
      return readFileSync(join(root, path));
    },
    offered: collector.offered,
    readRefused(path) {
      // Only a safe name offered at open: never a path built from an edit.
      if (entries.has(path) || !collector.offered.has(path) || safeRelativePath(path) !== path) throw new Error(`not refused at open: ${path}`);
      return readFileSync(join(root, path));
    },
  };
}
