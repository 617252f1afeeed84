import { defineRule } from '@bmplint/core';
import { spanOf } from '../listing-text.js';
import { PROHIBITED } from '../data/lists.js';
import { listingFields, quote } from '../text/fields.js';

/** A word with letters starred out or replaced by `!`. */
const MASKED = /\w[*!]+\w/;

export default defineRule({
  meta: {
    id: 'basic-info/prohibited-listing-text',
    clauses: ['2.2.1'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: 'The listing name and description must not contain sexual, violent, terror-related, hateful, politically sensitive or vulgar wording, or offer illegal goods (drugs, forged documents).' },
    messages: {
      prohibited: 'The listing {{field}} contains {{category}} wording "{{text}}": the basic info must not (2.2.1).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        for (const text of listingFields(project, ['name', 'description'])) {
          // Wording a cue refuses or warns against ("no porn", "举报恐怖组织") is not reported.
          for (const match of PROHIBITED.scan(text.value)) {
            context.report({
              file: listing!.file,
              span: spanOf(text, match.start, match.end),
              messageId: 'prohibited',
              data: { field: text.field, category: match.list.category ?? 'prohibited', text: quote(match.text) },
              // Leetspeak and starred-out words (`f*ck`) read as the word, less certainly than the word itself.
              ...(match.leet || MASKED.test(match.text) ? { confidence: 'medium' as const } : {}),
            });
          }
        }
      },
    };
  },
});
