import { defineRule } from '@bmplint/core';

export const MIN_LENGTH = 3;
export const MAX_LENGTH = 30;
/** Naming Audit Rules 2.1.1: "an unicode character is equal to 3 characters". */
const NON_ASCII_WEIGHT = 3;

/**
 * The audit length of a name: each ASCII character counts 1, every other character 3. Counted by
 * code point (an emoji is one character, 3, not two UTF-16 units), after NFC (an accented letter
 * typed as letter + combining mark counts as the one character it shows) and trimming.
 */
export function auditLength(name: string): number {
  let length = 0;
  for (const char of name.normalize('NFC').trim()) length += char.codePointAt(0)! < 0x80 ? 1 : NON_ASCII_WEIGHT;
  return length;
}

export default defineRule({
  meta: {
    id: 'basic-info/name-length',
    clauses: ['2.2.6'],
    severity: 'error',
    suppressible: false,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: `The listing name must be ${MIN_LENGTH}–${MAX_LENGTH} characters long, each non-ASCII character counting ${NON_ASCII_WEIGHT}.` },
    messages: {
      empty: `The listing name is empty: a mini program needs a name of ${MIN_LENGTH}–${MAX_LENGTH} characters (2.2.6).`,
      tooShort: `The listing name "{{name}}" counts {{length}} characters: a name needs at least ${MIN_LENGTH}, each non-ASCII character counting ${NON_ASCII_WEIGHT} (2.2.6).`,
      tooLong: `The listing name "{{name}}" counts {{length}} characters: a name may have at most ${MAX_LENGTH}, each non-ASCII character counting ${NON_ASCII_WEIGHT} (2.2.6).`,
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        const name = listing?.listing.name;
        // A missing or non-string name is a schema error (basic-info/listing-schema).
        if (!listing || name === undefined) return;
        const span = listing.locate(['name']);
        const length = auditLength(name);
        if (!name.trim()) context.report({ file: listing.file, span, messageId: 'empty' });
        else if (length < MIN_LENGTH) context.report({ file: listing.file, span, messageId: 'tooShort', data: { name, length } });
        else if (length > MAX_LENGTH) context.report({ file: listing.file, span, messageId: 'tooLong', data: { name, length } });
      },
    };
  },
});
