import { editDistance, PUBLIC_API } from '@bmplint/core';

/** Names worth proposing for a typo: callable or reachable API, not the Taro config type carriers (`AppConfig`…). */
const SUGGESTABLE = [...PUBLIC_API.values()].filter((entry) => entry.origin !== 'default-export-only' || entry.kind === 'function').map((entry) => entry.name);

/** The public name closest to `name` (Damerau–Levenshtein: at most 2 edits, 1 for names of 4–5 letters, none below); undefined when none is close. */
export function closestPublicName(name: string): string | undefined {
  const lower = name.toLowerCase();
  // A case slip (`SetStorageSync`) is the best guess there is.
  const sameLetters = SUGGESTABLE.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  // Short names are one edit away from too much (`ok` → `on`): no guess below 4 letters.
  const limit = name.length < 4 ? 0 : name.length <= 5 ? 1 : 2;
  if (!limit) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of SUGGESTABLE) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
