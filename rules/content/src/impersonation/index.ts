import { defineRule, type RuleContext, type TermMatch } from '@bmplint/core';
import { IMPERSONATION, topicOf } from '../lists.js';
import { excerpt, reportCuePairs, textReporter } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
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
export function withImpersonationPairs(context: RuleContext, terms: (piece: TextPiece) => void): (piece: TextPiece) => void {
  return (piece) => {
    terms(piece);
    if (!piece.text.trim() || IMPERSONATION.scan(piece.text).length) return;
    reportCuePairs(context, piece, IMPERSONATION_PAIRS, '5.7');
  };
}

/**
 * The listing's claims that the term lists mark `warning` (suggestive, not certain: "built by
 * Binance", "币安客服"): on a page content/impersonation reports them; in the listing they are this
 * low-confidence warning, so a listing that says them is not silently passed.
 */
export function reportSuggestedImpersonation(context: RuleContext, piece: TextPiece): void {
  for (const match of IMPERSONATION.scan(piece.text)) {
    if (match.severity !== 'warning') continue;
    context.report({
      file: piece.file,
      span: spanIn(piece, match.start, match.end),
      ...describeImpersonation(match),
      severity: 'warning',
      confidence: 'low',
      data: { where: piece.where, text: excerpt(match.text) },
    });
  }
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
    return pageTextVisitors(context, withImpersonationPairs(context, textReporter(context, IMPERSONATION, 'page', describeImpersonation)));
  },
});
