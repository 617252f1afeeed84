/** Sentence-level cue matching shared by the content rules that look for two cues together. */

/** A sentence that warns against a practice or denies it ("We never ask you to share to unlock", "禁止诱导分享", "谨防诈骗"). */
export const DENIAL = /\b(?:never|not|don't|doesn't|won't|no longer|prohibited|forbidden|not allowed|must not|may not|against the rules|beware|scams?)\b|禁止|不得|不会|不要|严禁|违规|切勿|谨防|请勿|不可以|诈骗|骗局/i;

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Longest sentence read for cues. Offers and baits are short; a longer run (a wall of text with no
 * sentence end) is skipped, which keeps the cue patterns linear in the text's length.
 */
export const MAX_SENTENCE = 280;

/** Sentences of a text (up to MAX_SENTENCE characters): split at sentence ends and line breaks, trimmed, with their offsets. */
export function* sentences(text: string): Generator<Sentence> {
  const ends = /[。！？!?；;\n]|\.(?=\s|$)/g;
  let start = 0;
  for (let match = ends.exec(text); ; match = ends.exec(text)) {
    const end = match ? match.index : text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body && body.length <= MAX_SENTENCE) yield { start: start + lead, end: start + lead + body.length, text: body };
    if (!match) return;
    start = match.index + match[0].length;
  }
}
