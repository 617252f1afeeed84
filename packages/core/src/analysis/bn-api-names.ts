/**
 * Which `bn.<name>` members Binance has: the names its type package declares (generated data, see
 * `packages/core/scripts/README.md`) plus the names its docs and official demo use that the types
 * lack. Core holds the list so that every rule asking "does Binance have this API?" asks one place.
 */
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
