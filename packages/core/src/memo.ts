/**
 * `compute`, remembered for up to `limit` distinct arguments, all forgotten at once when full:
 * callers ask about the same few strings (texts, names, specifiers) over and over, and a bounded
 * map keeps a long run's memory flat.
 */
export function memoize<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value as V;
  };
}

/**
 * `memoize` for a function of a text and a flag (a URL and whether it is complete), whose answers
 * are shared between callers and so frozen.
 */
export function memoizeFrozen<V extends object>(compute: (text: string, flag: boolean) => V | undefined, limit = 16384): (text: string, flag: boolean) => Readonly<V> | undefined {
  const known = memoize((key: string) => {
    const value = compute(key.slice(1), key[0] === '1');
    return value && Object.freeze(value);
  }, limit);
  return (text, flag) => known(`${flag ? 1 : 0}${text}`);
}

/**
 * A map that keeps only the `limit` entries set last: per-file summaries that one file's walk and
 * its lookups into a few other files reuse, without holding every file's for the whole run (a
 * `WeakMap` keyed by a tree lives as long as the tree, and a run may keep every script's tree).
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }
}
