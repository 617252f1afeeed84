import { defineRule } from '@bmplint/core';
import { PROHIBITED } from '../lists.js';
import { reportCuePairs, scanPiece, textReporter } from '../scan.js';
import { pageTextVisitors } from '../text-sources.js';
import { PROHIBITED_PAIRS } from './cue-pairs.js';

/** The message of each list category, and the clause it enforces. */
const MESSAGES = {
  discriminatory: '{{where}} "{{text}}" is discriminatory or hateful: content attacking people for their race, religion, nationality, gender or sexual orientation is not allowed (3.1.1).',
  violent: '{{where}} "{{text}}" offers gore or real violence: realistic killing, torture or abuse of humans or animals is not allowed (3.1.2).',
  weapons: '{{where}} "{{text}}" promotes buying weapons, ammunition or explosives, or making them (3.1.3).',
  pornographic: '{{where}} "{{text}}" is pornographic or sexual wording, or facilitates prostitution (3.1.4).',
  religious: '{{where}} "{{text}}" is inflammatory religious commentary (3.1.5).',
  pattern: '{{where}} "{{text}}" reads as {{kind}}: a reviewer is likely to reject it as prohibited content; reword it if it is not ({{clause}}).',
} as const;

export default defineRule({
  meta: {
    id: 'content/prohibited-page-text',
    clauses: ['3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.1.5'],
    severity: 'error',
    suppressible: true,
    projectInput: 'facts',
    confidence: 'medium',
    docs: {
      description: 'Page text must not contain hateful, gory, weapon-selling, pornographic or inflammatory religious wording (curated English and Chinese term lists, evasions normalised; paraphrases found by two cues in one sentence are warnings).',
    },
    messages: MESSAGES,
  },
  create(context) {
    const terms = textReporter(context, PROHIBITED, 'page', (match) => ({
      messageId: match.list.category && match.list.category in MESSAGES ? match.list.category : 'discriminatory',
      data: { clause: match.list.clauses.join(', ') },
    }));
    return pageTextVisitors(context, (piece) => {
      terms(piece);
      // One finding per root cause: a listed term is the error; the paraphrase patterns only speak where none matched.
      if (!piece.text.trim() || scanPiece(PROHIBITED, piece).some((match) => match.severity === 'error')) return;
      reportCuePairs(context, piece, PROHIBITED_PAIRS, '3.1');
    });
  },
});
