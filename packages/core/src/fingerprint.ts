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
// (a long one, a minified line, is hashed again rather than kept as a key), and kept cut to length.
const MEMO_TEXT_LIMIT = 1000;
const known16 = memoize((text: string) => sha256(text).slice(0, 16), 1 << 14);
const known32 = memoize((text: string) => sha256(text).slice(0, 32), 1 << 15);
const hash = (text: string, length: 16 | 32) => (text.length > MEMO_TEXT_LIMIT ? sha256(text).slice(0, length) : length === 16 ? known16(text) : known32(text));
/** The hash of a line's text with whitespace collapsed, by its raw text (the same lines come back run after run). */
const knownContext = memoize((text: string) => hash(text.replace(/\s+/g, ' ').trim(), 32), 1 << 15);
const contextOf = (text: string) => (text.length > MEMO_TEXT_LIMIT ? hash(text.replace(/\s+/g, ' ').trim(), 32) : knownContext(text));

/** The subject of a finding: its data, restricted to `subjectKeys` when the rule names some. */
export function subjectOf(finding: Pick<Finding, 'data'>, subjectKeys?: readonly string[]): string {
  const data = finding.data;
  if (!data) return '';
  // A loop, not filter/map/join: the findings of an edited file are grouped again on every run.
  const keys = subjectKeys ? subjectKeys.filter((key) => key in data) : Object.keys(data);
  if (keys.length > 1) keys.sort();
  let subject = '';
  for (let i = 0; i < keys.length; i++) subject += `${i ? '\u0000' : ''}${keys[i]}=${String(data[keys[i]!])}`;
  return subject;
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

/** By the object that stands for a file's content (`contentOf`): its lines' context hashes, by line. */
const contextsByContent = new WeakMap<object, Map<number, string>>();

/**
 * Fingerprints given so far, by file, context and group, by occurrence number: a fingerprint is a
 * function of these four alone, so it holds across runs and edits (a line's text that comes back).
 * Bounded like `memoize`: all forgotten at once, between two calls, when it holds too many.
 */
const knownFingerprints = new Map<string, Map<string, Map<string, string[]>>>();
let knownCount = 0;
const KNOWN_LIMIT = 1 << 16;

/**
 * Sets `group` and `fingerprint` on sorted findings. `lineText(file, line)` gives the text of a line
 * of a file (empty when the file has no text, e.g. an image). `contentOf(file)`, when given, is an
 * object that stands for the file's content, the same object only while the content is the same
 * (a session keeps it for unchanged files): its lines' context hashes are then reused.
 */
export function assignFingerprints(
  findings: Finding[],
  subjectKeysOf: (ruleId: string) => readonly string[] | undefined,
  lineText: (file: string, line: number) => string,
  contentOf?: (file: string) => object | undefined,
): void {
  if (knownCount > KNOWN_LIMIT) {
    knownFingerprints.clear();
    knownCount = 0;
  }
  // Occurrences so far of each (file, context, group), by its list of known fingerprints.
  const occurrences = new Map<string[], number>();
  // Without a content object: many findings on one long line (10,000 duplicate keys of a minified JSON) read and hash it once.
  const contexts = new Map<string, Map<number, string>>();
  let file: string | undefined;
  let fileContexts: Map<number, string> | undefined;
  let fileKnown: Map<string, Map<string, string[]>> | undefined;
  for (const finding of findings) {
    const group = (finding.group = knownGroupOf(finding, subjectKeysOf(finding.ruleId)));
    if (finding.file !== file) {
      file = finding.file;
      const content = contentOf?.(file);
      fileContexts = content ? contextsByContent.get(content) : contexts.get(file);
      if (!fileContexts) {
        fileContexts = new Map();
        if (content) contextsByContent.set(content, fileContexts);
        else contexts.set(file, fileContexts);
      }
      fileKnown = knownFingerprints.get(file);
      if (!fileKnown) knownFingerprints.set(file, (fileKnown = new Map()));
    }
    let context = fileContexts!.get(finding.line);
    // The line's text enters as its own hash, so a long line is hashed once, not once per finding.
    if (context === undefined) fileContexts!.set(finding.line, (context = contextOf(lineText(file, finding.line))));
    let byGroup = fileKnown!.get(context);
    if (!byGroup) fileKnown!.set(context, (byGroup = new Map()));
    let known = byGroup.get(group);
    if (!known) byGroup.set(group, (known = []));
    const seen = occurrences.get(known) ?? 0;
    occurrences.set(known, seen + 1);
    if (seen === known.length) {
      known.push(hash(`${group}\u0000${file}\u0000${context}\u0000${seen}`, 32));
      knownCount++;
    }
    finding.fingerprint = known[seen];
  }
}
