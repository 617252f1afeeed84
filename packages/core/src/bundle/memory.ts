import { DEFAULT_LIMITS, EntryCollector, type Bundle, type BundleLimits } from './bundle.js';

/** A bundle from an object of path → content: used by tests, the language server and the portal. */
export function openMemoryBundle(
  files: Readonly<Record<string, string | Uint8Array>>,
  limits: BundleLimits = DEFAULT_LIMITS,
  source = '<memory>',
): Bundle {
  const collector = new EntryCollector(limits);
  const contents = new Map<string, Buffer>();
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const path = collector.accept(name, bytes.length);
    if (path) contents.set(path, bytes);
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
  };
}
