/**
 * The engine's incremental API, as core will offer it (`openSession` / `setFile` / `lint`), written
 * over today's `lint(openMemoryBundle(files), …)` with a parse cache. This is the only module that
 * knows how a session is made: when core exports `openSession`, this file becomes a re-export.
 */
import { DEFAULT_LIMITS, lint, openBundle, openMemoryBundle, type Bundle, type LintOptions, type LintResult, type ParseCache, type ParsedFile } from '@bmplint/core';

export interface LintSession {
  /** Replaces a file's content (an unsaved buffer, a change on disk); null deletes it. */
  setFile(path: string, content: string | Uint8Array | null): void;
  lint(): Promise<LintResult>;
}

export async function openSession(input: string | Bundle, options: LintOptions): Promise<LintSession> {
  const limits = { ...DEFAULT_LIMITS, ...options.config?.limits };
  const bundle = typeof input === 'string' ? await openBundle(input, { limits }) : input;
  const files = new Map<string, Uint8Array>();
  for (const path of bundle.entries.keys()) files.set(path, bundle.read(path));
  const parseCache = options.parseCache ?? latestParseCache();
  return {
    setFile(path, content) {
      if (content === null) files.delete(path);
      else files.set(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    },
    lint: () => lint(openMemoryBundle(Object.fromEntries(files), limits, bundle.source), { ...options, parseCache }),
  };
}

/** Keeps the parse of each path's latest content only, so edits do not pile up old trees. */
function latestParseCache(): ParseCache {
  const byPath = new Map<string, { key: string; file: ParsedFile }>();
  const pathOf = (key: string) => key.slice(0, key.indexOf('\0'));
  return {
    get: (key) => {
      const entry = byPath.get(pathOf(key));
      return entry?.key === key ? entry.file : undefined;
    },
    set: (key, file) => void byPath.set(pathOf(key), { key, file }),
  };
}
