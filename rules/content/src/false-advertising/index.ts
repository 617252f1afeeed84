import { defineRule, type TermMatch } from '@bmplint/core';
import { FALSE_ADVERTISING, topicOf } from '../lists.js';
import { listingPieces, textReporter, type Source } from '../scan.js';
import { pageTextVisitors } from '../text-sources.js';

function describe(match: TermMatch) {
  const topic = topicOf(match.list);
  const messageId = topic === 'rumour' ? 'rumour' : topic === 'fraud' ? 'suspectedFraud' : 'falseClaim';
  return { messageId, data: { kind: match.entry.note ?? topic } };
}

export default defineRule({
  meta: {
    id: 'content/false-advertising',
    clauses: ['3.1.6', '5.11.2'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Page text and the listing should not promise guaranteed or risk-free returns, present rumours or insider tips as fact, or use bait that fake promotions use.',
    },
    messages: {
      falseClaim: '{{where}} "{{text}}" is a false or exaggerated advertising claim ({{kind}}): no investment can promise guaranteed or risk-free returns (3.1.6).',
      rumour: '{{where}} "{{text}}" presents a rumour as fact ({{kind}}): insider news and guaranteed price predictions mislead users (5.11.2).',
      suspectedFraud: '{{where}} "{{text}}" is wording fake promotions use ({{kind}}): check that the offer is real and delivered as described (3.1.6).',
    },
  },
  create(context) {
    const reporter = (source: Source) => textReporter(context, FALSE_ADVERTISING, source, describe);
    const reportListing = reporter('listing');
    const page = pageTextVisitors(context, reporter('page'));
    return {
      ...page,
      project(project) {
        page.project(project);
        for (const piece of listingPieces(project)) reportListing(piece);
      },
    };
  },
});
