/** Which mini program a file belongs to: the folder `bmplint check` would be given for it. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const APP_MARKERS = ['app.json', 'src/app.config.ts', 'src/app.config.js'];

/**
 * Walks up from the file to the workspace folder holding it (or the file system root): the
 * outermost folder with a `project.config.json`, else the nearest with an app config.
 */
export function findProjectRoot(file: string, workspaceFolders: readonly string[]): string | undefined {
  const boundary = workspaceFolders.filter((folder) => isInside(file, folder)).sort((a, b) => b.length - a.length)[0];
  let projectConfigDir: string | undefined;
  let appDir: string | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'project.config.json'))) projectConfigDir = dir;
    if (!appDir && APP_MARKERS.some((marker) => existsSync(join(dir, marker)))) appDir = dir;
    if (dir === boundary || dirname(dir) === dir) break;
  }
  return projectConfigDir ?? appDir;
}

/** The posix path of `file` inside `root`, or undefined when it is outside. */
export function pathInside(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel)) return undefined;
  return rel.split(sep).join('/');
}

function isInside(file: string, folder: string): boolean {
  return pathInside(folder, file) !== undefined;
}
