import { editDistance } from '@bmplint/core';
import publicApi from './data/public-api.json' with { type: 'json' };
import documentedApi from './data/documented-api.json' with { type: 'json' };

/** Where a name's public status comes from. */
export type ApiOrigin = 'bn' | 'default-export-only' | 'documented';

export interface ApiName {
  name: string;
  origin: ApiOrigin;
  /** For documented names: "docs: open data", "official demo". */
  source?: string;
  kind?: string;
}

const names = new Map<string, ApiName>();
for (const member of publicApi.members) names.set(member.name, { name: member.name, origin: member.origin as ApiOrigin, kind: member.kind });
for (const member of documentedApi.members) {
  if (!names.has(member.name)) names.set(member.name, { name: member.name, origin: 'documented', source: member.source, kind: 'function' });
}

/**
 * The public names of the `bn` object and of the default export of @binance/mp-service: the
 * members of the official type package (both origins) plus the documented/demo names it lacks.
 */
export const PUBLIC_API: ReadonlyMap<string, ApiName> = names;

/**
 * Names that are not APIs: what every object inherits (feature checks such as `bn.hasOwnProperty('x')`)
 * and module interop (`require('@binance/mp-service').default`, `import { default as mp }`, `__esModule`).
 */
export const NOT_API: ReadonlySet<string> = new Set(['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'toLocaleString', 'valueOf', 'default', '__esModule']);

/** Whether `bn.<name>` is one the platform has: a public API, or a member every object has (not an API call at all). */
export function isBinanceMember(name: string): boolean {
  return PUBLIC_API.has(name) || NOT_API.has(name);
}

/** Names worth proposing for a typo: callable or reachable API, not the Taro config type carriers (`AppConfig`…). */
const SUGGESTABLE = [...names.values()].filter((entry) => entry.origin !== 'default-export-only' || entry.kind === 'function').map((entry) => entry.name);

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
