import { DEFAULT_LIMITS, EntryCollector, safeRelativePath, type Bundle, type BundleLimits } from './bundle.js';

/** A bundle from an object of path → content: used by tests, the language server and the portal. */
export function openMemoryBundle(
  files: Readonly<Record<string, string | Uint8Array>>,
  limits: BundleLimits = DEFAULT_LIMITS,
  source = '<memory>',
): Bundle {
  const collector = new EntryCollector(limits);
  const contents = new Map<string, Buffer>();
  // The caller's content, not bytes: refused files are the large ones, read only if edits need them.
  const refused = new Map<string, string | Uint8Array>();
  const toBytes = (content: string | Uint8Array) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
  for (const [name, content] of Object.entries(files)) {
    const bytes = toBytes(content);
    const path = collector.accept(name, bytes.length);
    if (path) contents.set(path, bytes);
    else if (safeRelativePath(name) === name) refused.set(name, content);
  }
  return {
    kind: 'memory',
    source,
    entries: collector.entries,
    issues: collector.issues,
    limits,
    has: (path) => contents.has(path),
    read(path) {
      const bytes = contents.get(path);
      if (!bytes) throw new Error(`not in bundle: ${path}`);
      return bytes;
    },
    offered: collector.offered,
    readRefused(path) {
      const content = refused.get(path);
      if (content === undefined) throw new Error(`not refused at open: ${path}`);
      return toBytes(content);
    },
  };
}
