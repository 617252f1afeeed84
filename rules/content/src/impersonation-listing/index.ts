import { defineRule } from '@bmplint/core';
import { IMPERSONATION } from '../lists.js';
import { listingPieces, textReporter } from '../scan.js';
import { describeImpersonation, IMPERSONATION_MESSAGES, withImpersonationPairs } from '../impersonation/index.js';

export default defineRule({
  meta: {
    id: 'content/impersonation-listing',
    clauses: ['5.7.1', '5.7.2'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'The listing name and description must not present the mini program as an official Binance product or as run by a government agency.',
    },
    messages: IMPERSONATION_MESSAGES,
  },
  create(context) {
    const report = withImpersonationPairs(context, textReporter(context, IMPERSONATION, 'listing', describeImpersonation), 'listing');
    return {
      project(project) {
        for (const piece of listingPieces(project)) report(piece);
      },
    };
  },
});
