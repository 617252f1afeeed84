import { defineRule, memoize, type RuleContext } from '@bmplint/core';
import { FALSE_ADVERTISING, FRAUD, IMPERSONATION, topicOf } from '../lists.js';
import { excerpt, listingPieces, scanPiece, TEXT_MEMO_LIMIT, textReporter } from '../scan.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import { fraudSentences, GUARANTEED_RETURNS, IN_BINANCE_NAME, type FraudSentence } from './cooccurrence.js';

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
      scheme: '{{where}} "{{text}}" reads like a scam ({{kind}}): a reviewer will take it for fraud and ban the mini program; reword it if it is not one (5.6).',
      fraud: '{{where}} "{{text}}" is scam wording ({{kind}}): fake giveaways, free coins and "send X, get 2X back" offers are fraud, and a mini program using them is banned (5.6).',
    },
  },
  create(context) {
    const report = withSchemes(context, textReporter(context, FRAUD, 'page', (match) => ({ messageId: 'fraud', data: { kind: match.entry.note ?? 'scam' } })));
    const reportListing = withSchemes(context, textReporter(context, FRAUD, 'listing', (match) => ({ messageId: 'fraud', data: { kind: match.entry.note ?? 'scam' } })));
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

/**
 * Adds the scam schemes found by two cues in one sentence to a term reporter, for pieces where no
 * listed term matched. Heuristic: reported with low confidence, for a reviewer to confirm.
 */
function withSchemes(context: RuleContext, terms: (piece: TextPiece) => void): (piece: TextPiece) => void {
  return (piece) => {
    terms(piece);
    for (const sentence of schemeSentences(piece)) {
      context.report({
        file: piece.file,
        span: spanIn(piece, sentence.start, sentence.end),
        messageId: 'scheme',
        confidence: 'low',
        data: { where: piece.where, text: excerpt(piece.text.slice(sentence.start, sentence.end)), kind: sentence.kind },
      });
    }
  };
}

/**
 * The scheme sentences of a piece, once per text: they depend on its text alone, and both the
 * config titles' pieces (kept across a session's runs) and an edited file's unchanged strings come
 * back with a text already read.
 */
const schemeSentencesOfText = memoize(findSchemeSentences, TEXT_MEMO_LIMIT);

function schemeSentences(piece: TextPiece): readonly FraudSentence[] {
  return schemeSentencesOfText(piece.text);
}

function findSchemeSentences(text: string): FraudSentence[] {
  const piece = { text };
  // One finding per root cause: listed scam terms, and wording that poses as Binance or an authority (content/impersonation), come first.
  if (!text.trim() || scanPiece(FRAUD, piece).some((match) => match.severity === 'error')) return [];
  // A claim to be Binance is content/impersonation's finding; a scheme that only adds Binance's name to it is the same root cause.
  const except = new Set<string>(scanPiece(IMPERSONATION, piece).length ? IN_BINANCE_NAME : []);
  // A listed guaranteed-returns claim is content/false-advertising's finding (3.1.6): the scheme only speaks for paraphrases.
  if (scanPiece(FALSE_ADVERTISING, piece).some((match) => topicOf(match.list) === 'false-advertising')) except.add(GUARANTEED_RETURNS);
  return fraudSentences(text, except);
}
