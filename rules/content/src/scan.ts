import { memoize, type Project, type RuleContext, type TermMatch, type TermMatcher } from '@bmplint/core';
import { cuePairSentences, type CuePair } from './cue-pairs.js';
import { reportingRule } from './lists.js';
import { configString, spanIn, type TextPiece } from './text-sources.js';

/** Several content rules scan the same strings: normalise each once. */
/**
 * The matched words for a message: whitespace collapsed, invisible characters shown as `<U+200B>`
 * (they are how the wording dodged filters), at most 80 characters.
 */
export function excerpt(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\p{Cf}\p{Cc}]/gu, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export type Source = 'page' | 'listing';

/**
 * Distinct texts whose scans are kept per matcher. The scans depend on the text alone, so they are
 * kept by text, not by piece: a session's edit re-parses the file, and its unchanged strings (most
 * of them) come back as new pieces with the same text.
 */
export const TEXT_MEMO_LIMIT = 16384;

const scans = new WeakMap<TermMatcher, (text: string) => readonly TermMatch[]>();

/** `matcher.scan(piece.text)`, once per text: several rules scan the same piece, and an edit brings back most of a file's texts. */
export function scanPiece(matcher: TermMatcher, piece: Pick<TextPiece, 'text'>): readonly TermMatch[] {
  let scan = scans.get(matcher);
  if (!scan) scans.set(matcher, (scan = memoize((text: string) => matcher.scan(text), TEXT_MEMO_LIMIT)));
  return scan(piece.text);
}

const sentences = new WeakMap<readonly CuePair[], (text: string) => ReturnType<typeof cuePairSentences>>();

function cuePairSentencesOf(piece: TextPiece, pairs: readonly CuePair[]): ReturnType<typeof cuePairSentences> {
  let find = sentences.get(pairs);
  if (!find) sentences.set(pairs, (find = memoize((text: string) => cuePairSentences(text, pairs), TEXT_MEMO_LIMIT)));
  return find(piece.text);
}

/**
 * Returns a function that scans a piece of text with `matcher` and reports, once per place and
 * term, each match that this rule is the one to report (see `reportingRule`).
 */
export function textReporter(
  context: RuleContext,
  matcher: TermMatcher,
  source: Source,
  describe: (match: TermMatch) => { messageId: string; data?: Record<string, string | number> },
): (piece: TextPiece) => void {
  const seen = new Set<string>();
  return (piece) => {
    if (!piece.text.trim()) return;
    for (const match of scanPiece(matcher, piece)) {
      if (reportingRule(match.list, match.severity, source) !== context.id) continue;
      const span = spanIn(piece, match.start, match.end);
      const key = `${piece.file}\0${span.start}\0${span.end}\0${match.term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { messageId, data } = describe(match);
      context.report({ file: piece.file, span, messageId, data: { where: piece.where, text: excerpt(match.text), ...data } });
    }
  };
}

/** The listing's name and description as text pieces (listing.json, or the external listing). */
/**
 * Reports each sentence of a piece where two cues of one pair meet, as the rule's `pattern`
 * message: a heuristic, so a low-confidence warning. `clause` is the pairs' default clause.
 */
export function reportCuePairs(context: RuleContext, piece: TextPiece, pairs: readonly CuePair[], clause: string): void {
  for (const { start, end, pair } of cuePairSentencesOf(piece, pairs)) {
    context.report({
      file: piece.file,
      span: spanIn(piece, start, end),
      messageId: 'pattern',
      severity: 'warning',
      confidence: 'low',
      data: { where: piece.where, text: excerpt(piece.text.slice(start, end)), kind: pair.kind, clause: pair.clause ?? clause },
    });
  }
}

export function listingPieces(project: Project): TextPiece[] {
  const listing = project.listing;
  if (!listing) return [];
  return [
    configString(project, listing, ['name'], 'The listing name'),
    configString(project, listing, ['description'], 'The listing description'),
  ].filter((piece): piece is TextPiece => !!piece);
}
