import { defineRule, memoize, TermMatcher, validateTermList, type TermList } from '@bmplint/core';
import { LISTS, topicOf } from '../lists.js';
import { excerpt, scanPiece, TEXT_MEMO_LIMIT } from '../scan.js';
import { shareRewardSentences, type ShareRewardSentence } from './cooccurrence.js';
import { pageTextVisitors, spanIn, type TextPiece } from '../text-sources.js';
import shareIncentiveEn from './data/share-incentive.en.json' with { type: 'json' };
import shareIncentiveZh from './data/share-incentive.zh-Hans.json' with { type: 'json' };

/** The rule's term lists by file name (a new language is a new file here). */
export const DATA_FILES: Record<string, unknown> = {
  'share-incentive.en.json': shareIncentiveEn,
  'share-incentive.zh-Hans.json': shareIncentiveZh,
};

export const SHARE_LISTS: readonly TermList[] = Object.entries(DATA_FILES).map(([name, value]) => validateTermList(value, `rules/content/src/share-wording/data/${name}`));

/** Share-baiting wording; the content rules' cue lists drop quoted or warned-against wording ("never ask you to share to unlock"). */
export const SHARE_WORDING = new TermMatcher(SHARE_LISTS, { cues: LISTS.filter((list) => topicOf(list) === 'cues') });

export default defineRule({
  meta: {
    id: 'content/share-wording',
    clauses: ['4.4'],
    severity: 'warning',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Page text must not induce sharing with a reward or make sharing a condition ("Share to 3 friends to unlock", "分享得奖励", "转发领取").',
    },
    messages: {
      shareBait: '{{where}} "{{text}}" ({{kind}}) induces or forces sharing: rewards, unlocks or content must not depend on sharing or on inviting a number of friends (4.4).',
    },
  },
  create(context) {
    const seen = new Set<string>();
    const scan = (piece: TextPiece) => {
      if (!piece.text.trim()) return;
      for (const match of scanPiece(SHARE_WORDING, piece)) {
        const span = spanIn(piece, match.start, match.end);
        const key = `${piece.file}\0${span.start}\0${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        context.report({
          file: piece.file,
          span,
          messageId: 'shareBait',
          data: { where: piece.where, text: excerpt(match.text), kind: match.entry.note ?? 'share incentive' },
        });
      }
      // Paraphrases the lists do not hold: a share cue and a reward or condition in one sentence (not one the lists matched).
      for (const sentence of shareSentencesOf(piece)) {
        const span = spanIn(piece, sentence.start, sentence.end);
        if ([...seen].some((key) => overlaps(key, piece.file, span))) continue;
        seen.add(`${piece.file}\0${span.start}\0${span.end}`);
        context.report({
          file: piece.file,
          span,
          messageId: 'shareBait',
          data: { where: piece.where, text: excerpt(piece.text.slice(sentence.start, sentence.end)), kind: 'sharing paired with a reward or condition' },
        });
      }
    };
    return pageTextVisitors(context, scan);
  },
});

/** Whether a reported `file\0start\0end` key overlaps `span` in `file`. */
function overlaps(key: string, file: string, span: { start: number; end: number }): boolean {
  const [keyFile, start, end] = key.split('\0');
  return keyFile === file && Number(start) < span.end && span.start < Number(end);
}

/** A piece's share-and-reward sentences, once per text (an edit re-parses a file, but most of its texts come back unchanged). */
const shareSentencesOfText = memoize((text: string): readonly ShareRewardSentence[] => shareRewardSentences(text), TEXT_MEMO_LIMIT);

function shareSentencesOf(piece: TextPiece): readonly ShareRewardSentence[] {
  return shareSentencesOfText(piece.text);
}
