import type { JsonFile } from '../parse/source-file.js';
import { jsonConfigSource, type ConfigSource } from './config-source.js';
import { safeRelativePath } from '../bundle/bundle.js';

/** The app's basic info (Management Portal fields), as far as listing.json gives it. */
export interface Listing {
  appId?: string;
  name?: string;
  description?: string;
  logo?: string;
  category?: string;
  tags?: string[];
  serviceDomains?: string[];
  businessDomains?: string[];
  testAccount?: { id: string; password: string } | null;
}

export interface ListingSource extends ConfigSource {
  /** Typed view of the fields whose type is right; wrong-typed fields are left out (the schema rule reports them). */
  listing: Listing;
  json: JsonFile;
  /** Bundle path of the logo, when the logo is inside the bundle; absolute file path otherwise. */
  logoPath?: string;
}

const STRING_FIELDS = ['appId', 'name', 'description', 'logo', 'category'] as const;
const LIST_FIELDS = ['tags', 'serviceDomains', 'businessDomains'] as const;

export function readListing(json: JsonFile, resolveLogo: (logo: string) => string | undefined): ListingSource {
  const source = jsonConfigSource(json);
  const raw = source.value ?? {};
  const listing: Listing = {};
  for (const field of STRING_FIELDS) if (typeof raw[field] === 'string') listing[field] = raw[field] as string;
  for (const field of LIST_FIELDS) {
    const value = raw[field];
    if (Array.isArray(value)) listing[field] = value.filter((item): item is string => typeof item === 'string');
  }
  const account = raw.testAccount as { id?: unknown; password?: unknown } | null | undefined;
  if (account === null) listing.testAccount = null;
  else if (account && typeof account.id === 'string' && typeof account.password === 'string') listing.testAccount = { id: account.id, password: account.password };
  // A logo outside the listing's folder (`../../etc/passwd`, `/home/…`) is never opened: the listing comes from the bundle's author.
  return { ...source, listing, json, logoPath: listing.logo && safeRelativePath(listing.logo) ? resolveLogo(listing.logo) : undefined };
}
