/** "Did you mean …?" for names a user typed: rule ids, config keys, locales. */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `name`: the same letters in another case, the one rule whose name part
 * matches an id typed without its area (`login-exit` → `api/login-exit`), the one candidate that
 * starts with what was typed (`entry-page` → `entry-page-path`), else the nearest within a quarter
 * of the name's length in edits (at least 1, at most 5). Undefined when none is close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const list = [...candidates];
  const sameLetters = list.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  if (!lower.includes('/')) {
    const byName = list.filter((candidate) => candidate.toLowerCase().endsWith(`/${lower}`));
    if (byName.length === 1) return byName[0];
  }
  const starting = list.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  if (starting.length === 1 && lower.length >= 4) return starting[0];
  const limit = Math.min(5, Math.max(1, Math.floor(name.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
