/**
 * A bundle is the set of files a mini program ships, read through one interface whether it came
 * from a directory, a zip or memory. Paths are posix, relative to the bundle root. Entries that
 * could hurt the reader (escaping paths, links, bombs, oversize files) are refused and recorded as
 * issues, never followed.
 */

export interface BundleLimits {
  /** Most entries read from a bundle; the rest are refused. */
  maxFiles: number;
  /** Most bytes read from a bundle in total. */
  maxTotalBytes: number;
  /** Largest single file that is read and checked. */
  maxFileBytes: number;
  /**
   * Largest script, template or stylesheet that is parsed. A larger one (a minified vendor bundle)
   * is checked as text only, by the rules that read text (`file.enter`); the report names them.
   */
  maxParseBytes: number;
  /** Highest uncompressed/compressed ratio accepted for a zip entry over 1 MiB. */
  maxCompressionRatio: number;
  /** Largest image (width × height) whose pixels are decoded. */
  maxImagePixels: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFiles: 20_000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxFileBytes: 16 * 1024 * 1024,
  // Babel's tree costs ~150 MB of peak RSS per MiB of minified code: a 2 MiB script peaks at
  // ~400 MB in the whole process, ~560 MB inside a 3,000-file app; 3 MiB already passes 600 MB
  // there. Larger files are checked as text only (docs/performance.md, "A 5 MB single-line script").
  maxParseBytes: 2 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxImagePixels: 64 * 1024 * 1024,
};

export type BundleIssueCode =
  | 'unsafe-path'
  | 'link'
  | 'special-file'
  | 'duplicate'
  | 'file-too-large'
  | 'too-many-files'
  | 'total-too-large'
  | 'compression-ratio'
  | 'unreadable'
  | 'corrupt-archive';

export interface BundleIssue {
  code: BundleIssueCode;
  /** The entry's path as stored (may be unsafe; shown, never used to read). */
  path: string;
  detail: string;
}

export interface BundleEntry {
  path: string;
  size: number;
}

export interface Bundle {
  readonly kind: 'directory' | 'zip' | 'memory';
  /** What the user gave, for messages. */
  readonly source: string;
  readonly entries: ReadonlyMap<string, BundleEntry>;
  readonly issues: readonly BundleIssue[];
  readonly limits: BundleLimits;
  has(path: string): boolean;
  /** Bytes of an entry; throws only for entries that are not in `entries`. */
  read(path: string): Buffer;
  /**
   * The SHA-1 (hex) of an entry's bytes, for bundles that keep it (a session hashes a file once,
   * when it is set), so a run does not hash every file again.
   */
  hashOf?(path: string): string;
  /**
   * Every name offered to the limits at open, in order, with its size: the entries and those the
   * limits refused (unsafe, too large, past the count or total). A session re-applies the limits to
   * it as edits change sizes, so it needs no file read again to know the total.
   */
  readonly offered?: ReadonlyMap<string, number>;
  /** Bytes of an offered path the limits refused at open, once edits bring the bundle under them. */
  readRefused?(path: string): Buffer;
}

/** Normalises an entry name; returns undefined when the name is absolute or climbs out of the root. */
export function safeRelativePath(name: string): string | undefined {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Collects entries under the limits, shared by every bundle reader. */
export class EntryCollector {
  readonly entries = new Map<string, BundleEntry>();
  readonly issues: BundleIssue[] = [];
  /** Every name given to `accept`, first occurrence, with its size (`Bundle.offered`). */
  readonly offered = new Map<string, number>();
  private totalBytes = 0;
  private full = false;

  constructor(readonly limits: BundleLimits) {}

  /** Returns the safe path when the entry is accepted, else records why not. */
  accept(name: string, size: number): string | undefined {
    if (!this.offered.has(name)) this.offered.set(name, size);
    const path = safeRelativePath(name);
    if (!path) {
      this.issues.push({ code: 'unsafe-path', path: name, detail: 'absolute or escapes the bundle root' });
      return undefined;
    }
    if (this.entries.has(path)) {
      this.issues.push({ code: 'duplicate', path, detail: 'a second entry with the same path' });
      return undefined;
    }
    if (this.full) return undefined;
    if (this.entries.size >= this.limits.maxFiles) {
      this.full = true;
      this.issues.push({ code: 'too-many-files', path, detail: `more than ${this.limits.maxFiles} files; the rest were not read` });
      return undefined;
    }
    if (size > this.limits.maxFileBytes) {
      this.issues.push({ code: 'file-too-large', path, detail: `${formatBytes(size)} is over the ${formatBytes(this.limits.maxFileBytes)} per-file limit` });
      return undefined;
    }
    if (this.totalBytes + size > this.limits.maxTotalBytes) {
      this.full = true;
      this.issues.push({ code: 'total-too-large', path, detail: `the bundle is over the ${formatBytes(this.limits.maxTotalBytes)} total limit; the rest were not read` });
      return undefined;
    }
    this.totalBytes += size;
    this.entries.set(path, { path, size });
    return path;
  }

  refuse(code: BundleIssueCode, path: string, detail: string): void {
    this.issues.push({ code, path, detail });
  }
}
