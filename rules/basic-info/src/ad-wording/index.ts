import { defineRule } from '@bmplint/core';
import { spanOf } from '../listing-text.js';
import { AD_WORDING, POPULAR_APPS } from '../data/lists.js';
import { kindOf, listingFields, quote } from '../text/fields.js';
import { keywordPile, repeatedTerms, symbolRuns } from './stuffing.js';

export default defineRule({
  meta: {
    id: 'basic-info/ad-wording',
    clauses: ['2.2.3'],
    severity: 'warning',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    confidence: 'medium',
    docs: { description: 'The listing name and description should not use advertising wording ("#1", "best", "free money"), other popular apps\' names, piles of search terms, or runs of symbols and emoji.' },
    messages: {
      adWording: 'The listing {{field}} uses advertising wording "{{text}}" ({{kind}}): the basic info must describe the app, not advertise it (2.2.3).',
      popularApp: 'The listing description names the popular app "{{text}}": the basic info must not use other apps\' names to attract searches (2.2.3).',
      repeated: 'The listing {{field}} repeats "{{text}}" {{count}} times: piling up search terms is not allowed (2.2.3).',
      keywordPile: 'The listing {{field}} lists {{count}} popular search terms in a row ("{{text}}"): piling up search terms is not allowed (2.2.3).',
      symbols: 'The listing {{field}} has a run of {{count}} symbols or emoji ("{{text}}"): the basic info must be recognisable text (2.2.3).',
    },
  },
  create(context) {
    return {
      project(project) {
        const listing = project.listing;
        for (const text of listingFields(project, ['name', 'description'])) {
          const field = text.field;
          const report = (start: number, end: number, messageId: string, data: Record<string, string | number>, confidence?: 'low') =>
            context.report({ file: listing!.file, span: spanOf(text, start, end), messageId, data: { field, ...data }, ...(confidence ? { confidence } : {}) });
          for (const match of AD_WORDING.scan(text.value)) {
            report(match.start, match.end, 'adWording', { text: quote(match.text), kind: kindOf(match.entry.note, 'advertising') });
          }
          // In a name, popular app names are basic-info/trademark-in-name's (an error there).
          if (field === 'description') {
            for (const match of POPULAR_APPS.scan(text.value)) report(match.start, match.end, 'popularApp', { text: quote(match.text) }, 'low');
            const pile = keywordPile(text.value);
            if (pile) report(pile.start, pile.end, 'keywordPile', { text: quote(pile.term), count: pile.count }, 'low');
            else for (const repeated of repeatedTerms(text.value)) report(repeated.start, repeated.end, 'repeated', { text: quote(text.value.slice(repeated.start, repeated.end)), count: repeated.count }, 'low');
          }
          for (const run of symbolRuns(text.value)) report(run.start, run.end, 'symbols', { text: quote(run.term), count: run.count });
        }
      },
    };
  },
});
