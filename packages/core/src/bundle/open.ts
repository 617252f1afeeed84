import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DEFAULT_LIMITS, type Bundle, type BundleLimits } from './bundle.js';
import { openDirectoryBundle } from './directory.js';
import { openZipBundle } from './zip.js';

/** A problem with the input itself (not a finding): the CLI exits 2 on it. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const ZIP_MAGIC = 0x04034b50;

/** Opens a directory or a .zip (recognised by its magic bytes, not its name). */
export async function openBundle(path: string, options: { limits?: BundleLimits } = {}): Promise<Bundle> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file or directory: ${path}` : `cannot read ${path}: ${(error as Error).message}`);
  }
  if (stats.isDirectory()) return openDirectoryBundle(path, limits);
  if (!stats.isFile()) throw new InputError(`not a directory or a zip file: ${path}`);
  const head = Buffer.alloc(4);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (stats.size < 4 || head.readUInt32LE(0) !== ZIP_MAGIC) {
    throw new InputError(`not a directory or a zip file: ${path}`);
  }
  return openZipBundle(path, limits);
}
