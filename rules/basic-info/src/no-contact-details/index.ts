import { defineRule } from '@bmplint/core';
import { listingText, spanOf } from '../listing-text.js';
import { findContactDetails } from './detectors.js';

/** The listing fields users see in search and on the app's profile. */
const FIELDS = ['name', 'description'] as const;
const MAX_QUOTE = 60;

export default defineRule({
  meta: {
    id: 'basic-info/no-contact-details',
    clauses: ['2.2.5'],
    severity: 'error',
    suppressible: false,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: 'The listing name and description must not contain URLs, e-mail addresses, phone numbers, social accounts, invitation codes or addresses.' },
    messages: {
      link: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not send users to websites (2.2.5).',
      email: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not carry contact details (2.2.5).',
      phone: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not carry contact details (2.2.5).',
      socialAccount: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not send users to social or messaging accounts (2.2.5).',
      inviteCode: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not carry invitation or referral codes (2.2.5).',
      address: 'The listing {{field}} contains {{kind}} "{{text}}": the basic info must not carry contact details (2.2.5).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        if (!listing) return;
        for (const field of FIELDS) {
          // Only a listing that parsed (its typed view has the field): a broken file is another rule's finding.
          if (typeof listing.listing[field] !== 'string') continue;
          const text = listingText(listing, field);
          if (!text) continue;
          for (const match of findContactDetails(text.value)) {
            context.report({
              file: listing.file,
              span: spanOf(text, match.start, match.end),
              messageId: match.category,
              data: { field, kind: match.kind, text: quote(text.value.slice(match.start, match.end)) },
            });
          }
        }
      },
    };
  },
});

/** The match as shown in the message: whitespace collapsed, invisible characters shown, long ones cut. */
function quote(text: string): string {
  const visible = text.replace(/\s+/g, ' ').replace(/[\u200B-\u200F\u2060\uFEFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return visible.length > MAX_QUOTE ? `${visible.slice(0, MAX_QUOTE - 1)}…` : visible;
}
