import type { Project } from '@bmplint/core';
import { listingText, type ListingText } from '../listing-text.js';

export type ListingField = 'name' | 'description';

/**
 * The listing's text fields with their offset maps, for the fields whose typed value is a string
 * (a listing that failed to parse, or a field of the wrong type, is another rule's finding).
 */
export function listingFields(project: Project, fields: readonly ListingField[]): ListingText[] {
  const listing = project.listing;
  if (!listing) return [];
  const texts: ListingText[] = [];
  for (const field of fields) {
    if (typeof listing.listing[field] !== 'string') continue;
    const text = listingText(listing, field);
    if (text) texts.push(text);
  }
  return texts;
}

const MAX_QUOTE = 60;

/** Text as shown in a message: whitespace collapsed, invisible characters spelled out, long text cut. */
export function quote(text: string): string {
  const visible = text.replace(/\s+/g, ' ').replace(/[\u200B-\u200F\u2060\uFEFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return visible.length > MAX_QUOTE ? `${visible.slice(0, MAX_QUOTE - 1)}…` : visible;
}

/** A term list entry's note without its parenthesised explanation (`technology company (小米 alone is millet)`). */
export function kindOf(note: string | undefined, fallback: string): string {
  return note?.replace(/\s*\(.*\)\s*$/, '').trim() || fallback;
}
