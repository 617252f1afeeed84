import { defineRule } from '@bmplint/core';
import { FRAUD } from '../lists.js';
import { listingPieces, textReporter } from '../scan.js';
import { pageTextVisitors } from '../text-sources.js';

export default defineRule({
  meta: {
    id: 'content/fraud-wording',
    clauses: ['5.6'],
    severity: 'error',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Page text and the listing must not use crypto-scam wording: fake giveaways and airdrops ("free BNB"), "send X, get 2X back", seed-phrase phishing.',
    },
    messages: {
      fraud: '{{where}} "{{text}}" is scam wording ({{kind}}): fake giveaways, free coins and "send X, get 2X back" offers are fraud, and a mini program using them is banned (5.6).',
    },
  },
  create(context) {
    const report = textReporter(context, FRAUD, 'page', (match) => ({ messageId: 'fraud', data: { kind: match.entry.note ?? 'scam' } }));
    const reportListing = textReporter(context, FRAUD, 'listing', (match) => ({ messageId: 'fraud', data: { kind: match.entry.note ?? 'scam' } }));
    const page = pageTextVisitors(context, report);
    return {
      ...page,
      project(project) {
        page.project(project);
        for (const piece of listingPieces(project)) reportListing(piece);
      },
    };
  },
});
