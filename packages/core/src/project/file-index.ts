import { createHash } from 'node:crypto';

/**
 * An inverted index over per-file keys (e.g. the names a script calls): which files have a key.
 * It is brought up to date by `update` with the files it covers and a token per file (its content
 * hash): only files that are new or whose token changed are keyed again, files no longer listed
 * are dropped, so a session's edit of one file costs about that file, not the project. When the
 * caller knows which paths changed since the last update (a session's), only those are looked at.
 * A rename is a drop and an add. Keys must depend on a file's content alone.
 */
export class FileIndex {
  private readonly keysByPath = new Map<string, { token: string; keys: readonly string[] }>();
  private readonly pathsByKey = new Map<string, Set<string>>();
  /** Each indexed file's position in the last `update`'s list: lookups answer in that order. */
  private position = new Map<string, number>();
  private listed: readonly string[] = [];
  /** Lookups' answers, sorted, until the next change (with a hash of each, once asked). */
  private readonly sorted = new Map<string, { paths: readonly string[]; hash?: string }>();

  /**
   * Indexes exactly `files` (in that order), calling `keysOf` for a file that is new or whose
   * token (`tokenOf`) changed. `changed`: every path whose content may have changed since the last
   * update, when known; then no other file's token is asked. Returns how many files were (re)keyed.
   */
  update(files: readonly string[], tokenOf: (path: string) => string, keysOf: (path: string) => Iterable<string>, changed?: ReadonlySet<string>): number {
    const sameList = sameOrder(this.listed, files);
    if (!sameList) {
      const position = new Map<string, number>();
      files.forEach((path, at) => position.set(path, at));
      for (const path of [...this.keysByPath.keys()]) if (!position.has(path)) this.drop(path);
      if (!samePositions(this.position, position)) this.sorted.clear();
      this.position = position;
      this.listed = [...files];
    }
    let keyed = 0;
    for (const path of sameList && changed ? changed : files) {
      if (!this.position.has(path)) continue;
      const known = this.keysByPath.get(path);
      if (known && changed && !changed.has(path)) continue;
      const token = tokenOf(path);
      if (known?.token === token) continue;
      if (known) this.drop(path);
      const keys = [...new Set(keysOf(path))];
      this.keysByPath.set(path, { token, keys });
      for (const key of keys) {
        let paths = this.pathsByKey.get(key);
        if (!paths) this.pathsByKey.set(key, (paths = new Set()));
        paths.add(path);
        this.sorted.delete(key);
      }
      keyed++;
    }
    return keyed;
  }

  /** The files with `key`, in the order of the last `update`'s list. */
  lookup(key: string): readonly string[] {
    return this.answer(key).paths;
  }

  /** A hash of `lookup(key)`'s answer (the files with the key, in order): equal hashes, equal answers. */
  answerHash(key: string): string {
    const answer = this.answer(key);
    return (answer.hash ??= createHash('sha1').update(answer.paths.join('\0')).digest('hex'));
  }

  private answer(key: string): { paths: readonly string[]; hash?: string } {
    let answer = this.sorted.get(key);
    if (!answer) {
      answer = { paths: [...(this.pathsByKey.get(key) ?? [])].sort((a, b) => this.position.get(a)! - this.position.get(b)!) };
      this.sorted.set(key, answer);
    }
    return answer;
  }

  /** Indexed files in the order of the last `update`'s list (to merge the answers of several lookups). */
  inOrder(paths: Iterable<string>): string[] {
    return [...paths].sort((a, b) => (this.position.get(a) ?? Infinity) - (this.position.get(b) ?? Infinity));
  }

  /** The files indexed, in the order of the last `update`'s list. */
  get paths(): readonly string[] {
    return this.listed;
  }

  private drop(path: string): void {
    for (const key of this.keysByPath.get(path)?.keys ?? []) {
      const paths = this.pathsByKey.get(key);
      paths?.delete(path);
      if (paths && !paths.size) this.pathsByKey.delete(key);
      this.sorted.delete(key);
    }
    this.keysByPath.delete(path);
  }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at++) if (a[at] !== b[at]) return false;
  return true;
}

function samePositions(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, at] of a) if (b.get(path) !== at) return false;
  return true;
}

/**
 * One run's lookups in a `FileIndex`. A lookup while the engine walks a file (`reader`) is a
 * dependency of that file's result on the answer for the key (`noteAnswer`: which files have it,
 * by the answer's hash; the engine re-checks it after any indexed file changes) and on the
 * content of the files in it. While an analysis is being remembered, which depends on the files
 * it read alone, it is a use of every indexed file (any file could gain the key).
 */
export class FileIndexLookups {
  constructor(
    private readonly index: FileIndex,
    private readonly noteUses: (paths: readonly string[]) => void,
    private readonly noteAnswer: (key: string, answerHash: string) => void,
    private readonly remembering: () => boolean,
  ) {}

  /** The files with `key`, in bundle order. */
  lookup(key: string, reader?: object): readonly string[] {
    const answer = this.index.lookup(key);
    if (reader && !this.remembering()) {
      this.noteAnswer(key, this.index.answerHash(key));
      this.noteUses(answer);
    } else this.noteUses(this.index.paths);
    return answer;
  }

  /** A hash of the answer for `key` now (to tell whether a result's lookup still holds). */
  answerHash(key: string): string {
    return this.index.answerHash(key);
  }

  /** Indexed files in bundle order (to merge the answers of several lookups). */
  inOrder(paths: Iterable<string>): string[] {
    return this.index.inOrder(paths);
  }
}
