import { defineRule, type RuleContext, type TermMatch } from '@bmplint/core';
import { IMPERSONATION, reportingRule, topicOf } from '../lists.js';
import { reportCuePairs, scanPiece, textReporter, type Source } from '../scan.js';
import { pageTextVisitors, type TextPiece } from '../text-sources.js';
import { IMPERSONATION_PAIRS } from './cue-pairs.js';

export const IMPERSONATION_MESSAGES = {
  binanceOfficial: '{{where}} "{{text}}" presents the mini program as Binance\'s own or endorsed by Binance: third-party mini programs must not pass for Binance features or services (5.7.1).',
  authority: '{{where}} "{{text}}" suggests the mini program is run by a government agency or public institution (5.7.2).',
  pattern: '{{where}} "{{text}}" reads as {{kind}}: a reviewer may take the mini program for an impersonation; reword it if it is not one ({{clause}}).',
};

/**
 * Adds the impersonations found by two cues in one sentence to a term reporter, for pieces where no
 * listed term matched (one finding per root cause). Heuristic: a low-confidence warning.
 */
export function withImpersonationPairs(context: RuleContext, terms: (piece: TextPiece) => void, source: Source): (piece: TextPiece) => void {
  return (piece) => {
    terms(piece);
    // A term this rule reports is the finding; a term it does not (a suggestive one in the listing) leaves the patterns to speak.
    if (!piece.text.trim() || scanPiece(IMPERSONATION, piece).some((match) => reportingRule(match.list, match.severity, source) === context.id)) return;
    reportCuePairs(context, piece, IMPERSONATION_PAIRS, '5.7');
  };
}

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
    return pageTextVisitors(context, withImpersonationPairs(context, textReporter(context, IMPERSONATION, 'page', describeImpersonation), 'page'));
  },
});
