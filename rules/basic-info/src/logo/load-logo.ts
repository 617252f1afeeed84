import { readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { readImage, type ImageInfo, type Project } from '@bmplint/core';

export interface LoadedLogo {
  /** The logo as listing.json spells it. */
  logo: string;
  /** Bundle path, or absolute path on disk when the logo is outside a directory bundle. */
  path: string;
  image: ImageInfo;
}

/** One read and decode per project, shared by the logo rules. */
const cache = new WeakMap<Project, Promise<LoadedLogo | undefined>>();

/**
 * The listing's logo, read and measured; undefined when the listing names no logo or the file is
 * not there (basic-info/listing-schema reports that).
 */
export function loadLogo(project: Project): Promise<LoadedLogo | undefined> {
  let loaded = cache.get(project);
  if (!loaded) {
    loaded = load(project);
    cache.set(project, loaded);
  }
  return loaded;
}

async function load(project: Project): Promise<LoadedLogo | undefined> {
  const listing = project.listing;
  const logo = listing?.listing.logo;
  const path = listing?.logoPath;
  if (!listing || !logo || !path) return undefined;
  const limits = project.bundle.limits;
  let bytes: Uint8Array;
  if (!isAbsolute(path)) {
    if (!project.bundle.has(path)) return undefined;
    bytes = project.bundle.read(path);
  } else {
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return undefined;
      size = stat.size;
    } catch {
      return undefined;
    }
    // The same per-file limit as bundle entries: never read an unbounded file.
    if (size > limits.maxFileBytes) {
      const image: ImageInfo = { format: undefined, width: 0, height: 0, hasAlpha: false, error: { code: 'too-large', message: `too large to read: ${size} bytes, over the limit of ${limits.maxFileBytes}` } };
      return { logo, path, image };
    }
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const image: ImageInfo = { format: undefined, width: 0, height: 0, hasAlpha: false, error: { code: 'unreadable', message: `cannot read the file: ${(error as Error).message}` } };
      return { logo, path, image };
    }
  }
  return { logo, path, image: await readImage(bytes, { maxPixels: limits.maxImagePixels }) };
}
