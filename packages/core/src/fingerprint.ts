/**
 * Identity of a finding across runs and versions (baselines, SARIF `partialFingerprints`, "new
 * since the approved version"), and of the problem it is a repeat of (grouping).
 *
 * - `group`: rule + message + subject. The subject is the finding's data, or only the data keys a
 *   rule names in `meta.subject` (e.g. `['name']` so that every call of one missing API is one
 *   problem). No file and no position: 120 calls of one API in 14 files are one group.
 * - `fingerprint`: group + file + the text of the finding's first line (whitespace collapsed) +
 *   the occurrence number among otherwise identical findings. No line or column numbers, so it
 *   survives code added above it; it changes when the flagged line itself changes.
 */
import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';
import { memoize } from './memo.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// A session's re-run fingerprints the same findings again: each distinct short text is hashed once
// (a long one, a minified line, is hashed again rather than kept as a key).
const MEMO_TEXT_LIMIT = 1000;
const knownSha256 = memoize(sha256, 1 << 15);
const hash = (text: string, length: number) => (text.length <= MEMO_TEXT_LIMIT ? knownSha256(text) : sha256(text)).slice(0, length);

/** The subject of a finding: its data, restricted to `subjectKeys` when the rule names some. */
export function subjectOf(finding: Pick<Finding, 'data'>, subjectKeys?: readonly string[]): string {
  const data = finding.data ?? {};
  const keys = (subjectKeys ?? Object.keys(data)).filter((key) => key in data).sort();
  return keys.map((key) => `${key}=${String(data[key])}`).join('\u0000');
}

export function groupOf(finding: Pick<Finding, 'ruleId' | 'messageId' | 'data'>, subjectKeys?: readonly string[]): string {
  return hash(`${finding.ruleId}\u0000${finding.messageId}\u0000${subjectOf(finding, subjectKeys)}`, 16);
}

/**
 * Sets `group` and `fingerprint` on sorted findings. `lineText(file, line)` gives the text of a line
 * of a file (empty when the file has no text, e.g. an image).
 */
export function assignFingerprints(
  findings: Finding[],
  subjectKeysOf: (ruleId: string) => readonly string[] | undefined,
  lineText: (file: string, line: number) => string,
): void {
  const occurrences = new Map<string, number>();
  // Many findings on one long line (10,000 duplicate keys of a minified JSON) read and hash it once.
  const contexts = new Map<string, string>();
  for (const finding of findings) {
    finding.group = groupOf(finding, subjectKeysOf(finding.ruleId));
    const where = `${finding.file}\u0000${finding.line}`;
    let context = contexts.get(where);
    // The line's text enters as its own hash, so a long line is hashed once, not once per finding.
    if (context === undefined) contexts.set(where, (context = hash(lineText(finding.file, finding.line).replace(/\s+/g, ' ').trim(), 32)));
    const base = `${finding.group}\u0000${finding.file}\u0000${context}`;
    const seen = occurrences.get(base) ?? 0;
    occurrences.set(base, seen + 1);
    finding.fingerprint = hash(`${base}\u0000${seen}`, 32);
  }
}
