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
 * The group of a finding with data, by its data object: a session's re-run fingerprints the same
 * findings of unchanged files again, and their copies share the cached result's data object.
 */
const groupsByData = new WeakMap<object, { ruleId: string; messageId: string; subjectKeys: readonly string[] | undefined; group: string }>();

function knownGroupOf(finding: Finding, subjectKeys: readonly string[] | undefined): string {
  const data = finding.data;
  if (!data) return groupOf(finding, subjectKeys);
  const known = groupsByData.get(data);
  if (known && known.ruleId === finding.ruleId && known.messageId === finding.messageId && known.subjectKeys === subjectKeys) return known.group;
  const group = groupOf(finding, subjectKeys);
  groupsByData.set(data, { ruleId: finding.ruleId, messageId: finding.messageId, subjectKeys, group });
  return group;
}

/**
 * What is known of one line of one file content: its context hash, and the fingerprints given on
 * it by group and occurrence number (which counts repeats on every line with the same text: a map,
 * not an array, since it may start high).
 */
interface LineMemo {
  file: string;
  context: string;
  fingerprints: Map<string, Map<number, string>>;
}

/** By the object that stands for a file's content (`contentOf`): its lines' memos, by line. */
const linesByContent = new WeakMap<object, Map<number, LineMemo>>();

/**
 * Sets `group` and `fingerprint` on sorted findings. `lineText(file, line)` gives the text of a line
 * of a file (empty when the file has no text, e.g. an image). `contentOf(file)`, when given, is an
 * object that stands for the file's content, the same object only while the content is the same
 * (a session keeps it for unchanged files): what was computed for its lines is then reused.
 */
export function assignFingerprints(
  findings: Finding[],
  subjectKeysOf: (ruleId: string) => readonly string[] | undefined,
  lineText: (file: string, line: number) => string,
  contentOf?: (file: string) => object | undefined,
): void {
  // Occurrences of each base (group, file, context) so far, nested so that no key string is built per finding.
  const occurrences = new Map<string, Map<string, Map<string, number>>>();
  // Without a content object: many findings on one long line (10,000 duplicate keys of a minified JSON) read and hash it once.
  const lines = new Map<string, Map<number, LineMemo>>();
  let file: string | undefined;
  let fileLines: Map<number, LineMemo> | undefined;
  let fileOccurrences: Map<string, Map<string, number>> | undefined;
  for (const finding of findings) {
    const group = (finding.group = knownGroupOf(finding, subjectKeysOf(finding.ruleId)));
    if (finding.file !== file) {
      file = finding.file;
      const content = contentOf?.(file);
      fileLines = content ? linesByContent.get(content) : lines.get(file);
      if (!fileLines) {
        fileLines = new Map();
        if (content) linesByContent.set(content, fileLines);
        else lines.set(file, fileLines);
      }
      fileOccurrences = occurrences.get(file);
      if (!fileOccurrences) occurrences.set(file, (fileOccurrences = new Map()));
    }
    let memo = fileLines!.get(finding.line);
    if (memo?.file !== file) {
      // The line's text enters as its own hash, so a long line is hashed once, not once per finding.
      memo = { file, context: hash(lineText(file, finding.line).replace(/\s+/g, ' ').trim(), 32), fingerprints: new Map() };
      fileLines!.set(finding.line, memo);
    }
    let byGroup = fileOccurrences!.get(memo.context);
    if (!byGroup) fileOccurrences!.set(memo.context, (byGroup = new Map()));
    const seen = byGroup.get(group) ?? 0;
    byGroup.set(group, seen + 1);
    let known = memo.fingerprints.get(group);
    if (!known) memo.fingerprints.set(group, (known = new Map()));
    let fingerprint = known.get(seen);
    if (fingerprint === undefined) known.set(seen, (fingerprint = hash(`${group}\u0000${file}\u0000${memo.context}\u0000${seen}`, 32)));
    finding.fingerprint = fingerprint;
  }
}
