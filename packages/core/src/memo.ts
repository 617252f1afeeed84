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
