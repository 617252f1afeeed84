import { createRequire } from 'node:module';
import type yauzl from 'yauzl';
import { EntryCollector, formatBytes, type Bundle, type BundleLimits } from './bundle.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const RATIO_CHECK_FLOOR = 1024 * 1024;
const nameDecoder = new TextDecoder('utf-8');

/**
 * Reads a zip into memory under the limits. Entry names are decoded and checked here rather than by
 * yauzl, so an unsafe name becomes an issue on that entry instead of an error for the whole archive.
 */
export async function openZipBundle(source: string | Buffer, limits: BundleLimits): Promise<Bundle> {
  const collector = new EntryCollector(limits);
  const contents = new Map<string, Buffer>();
  const label = typeof source === 'string' ? source : '<zip>';
  try {
    const zip = await openZip(source);
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        handleEntry(zip, entry, collector, contents, limits).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
    zip.close();
  } catch (error) {
    collector.refuse('corrupt-archive', label, (error as Error).message);
  }
  return {
    kind: 'zip',
    source: label,
    entries: collector.entries,
    issues: collector.issues,
    limits,
    has: (path) => contents.has(path),
    read(path) {
      const bytes = contents.get(path);
      if (!bytes) throw new Error(`not in bundle: ${path}`);
      return bytes;
    },
  };
}

function openZip(source: string | Buffer): Promise<yauzl.ZipFile> {
  // Loaded on first use: most runs read a directory.
  const library = createRequire(import.meta.url)('yauzl') as typeof import('yauzl');
  const options: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error('cannot open zip')) : resolve(zip));
    if (typeof source === 'string') library.open(source, options, done);
    else library.fromBuffer(source, options, done);
  });
}

async function handleEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  collector: EntryCollector,
  contents: Map<string, Buffer>,
  limits: BundleLimits,
): Promise<void> {
  const rawName = entry.fileName as unknown;
  const name = typeof rawName === 'string' ? rawName : nameDecoder.decode(rawName as Buffer);
  if (name.endsWith('/')) return; // directory entry
  // macOS "Compress" adds resource forks (`__MACOSX/…`, `._name`): metadata, not part of the app.
  if (/^__MACOSX\/|(?:^|\/)\._[^/]*$/.test(name)) return;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return collector.refuse('link', name, 'symbolic links are not followed');
  if (mode !== 0 && mode !== S_IFREG) return collector.refuse('special-file', name, 'not a regular file');
  const { uncompressedSize, compressedSize } = entry;
  if (uncompressedSize > RATIO_CHECK_FLOOR && uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio) {
    return collector.refuse(
      'compression-ratio',
      name,
      `expands ${formatBytes(compressedSize)} to ${formatBytes(uncompressedSize)}, over the ${limits.maxCompressionRatio}:1 limit`,
    );
  }
  const path = collector.accept(name, uncompressedSize);
  if (!path) return;
  try {
    contents.set(path, await readEntry(zip, entry, uncompressedSize));
  } catch (error) {
    collector.entries.delete(path);
    collector.refuse('unreadable', path, (error as Error).message);
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, declaredSize: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('cannot read entry'));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // validateEntrySizes also catches this, but only after the bytes are in memory.
        if (size > declaredSize) stream.destroy(new Error('entry is larger than its header declares'));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}
