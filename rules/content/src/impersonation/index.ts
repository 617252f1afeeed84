import { defineRule, type TermMatch } from '@bmplint/core';
import { IMPERSONATION, topicOf } from '../lists.js';
import { textReporter } from '../scan.js';
import { pageTextVisitors } from '../text-sources.js';

export const IMPERSONATION_MESSAGES = {
  binanceOfficial: '{{where}} "{{text}}" presents the mini program as Binance\'s own or endorsed by Binance: third-party mini programs must not pass for Binance features or services (5.7.1).',
  authority: '{{where}} "{{text}}" suggests the mini program is run by a government agency or public institution (5.7.2).',
};

export function describeImpersonation(match: TermMatch) {
  return { messageId: topicOf(match.list) === 'impersonation-authority' ? 'authority' : 'binanceOfficial' };
}

export default defineRule({
  meta: {
    id: 'content/impersonation',
    clauses: ['5.7.1', '5.7.2'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Page text should not present the mini program as an official Binance feature or as run by a government agency (the listing is checked by content/impersonation-listing).',
    },
    messages: IMPERSONATION_MESSAGES,
  },
  create(context) {
    return pageTextVisitors(context, textReporter(context, IMPERSONATION, 'page', describeImpersonation));
  },
});
