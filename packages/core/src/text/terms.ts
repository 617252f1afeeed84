/**
 * Term lists as data, and one matcher compiled per set of lists: an Aho–Corasick automaton over
 * normalised text (see normalize.ts), so a scan is linear in the input whatever the terms are, with
 * word boundaries for scripts that separate words and none for CJK. Adding a language is adding a
 * list: nothing here knows a word of any language.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { LEET_SOURCES, normalizeText, normalizedOf, type NormalizedText } from './normalize.js';
import { findTermTable, type AutomatonTable, type PatternRow, type TermTable } from './term-tables.js';

export type TermSeverity = 'error' | 'warning';

export interface TermEntry {
  /**
   * The wording, written plainly (case, width and spacing do not matter). Syntax: `(a|b)` for
   * alternatives (not nested; an empty alternative is allowed), `{n}` for any number (`0.5`,
   * `1,000`), a trailing `*` to also match longer words that start with it (`porn*`).
   */
  term: string;
  /** Overrides the list's severity. */
  severity?: TermSeverity;
  /** Why the term is on the list (documentation). */
  note?: string;
  /** Longer phrases containing the term in which it means something harmless (`未必涨` for `必涨`). */
  except?: string[];
  /**
   * Cue lists only: where the cue must stand relative to the match (default `before`), in the same
   * clause; `around` cues name a context (testnet) and also reach across clause punctuation.
   */
  position?: 'before' | 'after' | 'around';
}

export interface TermList {
  id: string;
  /**
   * `terms` (default): wording to find. `cues`: words that, in the same clause near a match, show
   * the match is warned against or quoted (`beware of`, `禁止`), so it is not reported.
   */
  kind?: 'terms' | 'cues';
  /** The clauses the list enforces (empty for cue lists). */
  clauses: string[];
  /** What the list is about (`pornographic`, `fraud`…), for the rule's message. */
  category?: string;
  /** BCP 47 tag: `en`, `zh-Hans`… */
  language: string;
  /** Where the terms come from and how they were chosen. */
  source: string;
  /** Severity of terms that do not set one (default `error`). */
  severity?: TermSeverity;
  terms: TermEntry[];
}

export interface TermMatch {
  list: TermList;
  entry: TermEntry;
  /** The alternative of the entry that matched, as written in the list (`send {n} bnb get {n}`). */
  term: string;
  severity: TermSeverity;
  /** Offsets in the scanned string. */
  start: number;
  end: number;
  /** The scanned string between those offsets, as written. */
  text: string;
  /** Found only after reading leetspeak (`fr33 bnb`). */
  leet: boolean;
  /** The cue that shows the match is warned against or quoted (only with `keepNegated`). */
  negatedBy?: { term: string; start: number; end: number };
}

export interface TermMatcherOptions {
  /** Lists of `kind: 'cues'` applied to every match. */
  cues?: readonly TermList[];
  /** Which entries this matcher looks for (default: all). */
  include?(list: TermList, entry: TermEntry): boolean;
  /** Clause-bounded distance, in normalised characters, between a cue and the match it negates (default 48). */
  cueWindow?: number;
}

export interface ScanOptions {
  /** Also return matches negated by a cue, with `negatedBy` set. */
  keepNegated?: boolean;
}

/** Effective severity of an entry. */
export function termSeverity(list: TermList, entry: TermEntry): TermSeverity {
  return entry.severity ?? list.severity ?? 'error';
}

const MAX_EXPANSIONS = 512;

/** All alternatives of a term: `send {n} (bnb|usdt) get {n}` → two strings. Throws on bad syntax. */
export function expandTerm(term: string): string[] {
  let results = [''];
  let i = 0;
  while (i < term.length) {
    const open = term.indexOf('(', i);
    const literal = open < 0 ? term.slice(i) : term.slice(i, open);
    if (literal.includes(')') || literal.includes('|')) throw new Error(`term "${term}": "|" and ")" only inside a group`);
    results = results.map((prefix) => prefix + literal);
    if (open < 0) break;
    const close = term.indexOf(')', open);
    if (close < 0) throw new Error(`term "${term}": unclosed "("`);
    const inner = term.slice(open + 1, close);
    if (inner.includes('(')) throw new Error(`term "${term}": groups cannot nest`);
    const options = inner.split('|');
    const next: string[] = [];
    for (const prefix of results) for (const option of options) next.push(prefix + option);
    if (next.length > MAX_EXPANSIONS) throw new Error(`term "${term}" expands to more than ${MAX_EXPANSIONS} alternatives`);
    results = next;
    i = close + 1;
  }
  return [...new Set(results.map((result) => result.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** Checks a parsed JSON term list; throws with the list's id and the problem. */
export function validateTermList(value: unknown, name = 'term list'): TermList {
  const fail = (problem: string): never => {
    throw new Error(`${name}: ${problem}`);
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('not an object');
  const list = value as Record<string, unknown>;
  for (const key of ['id', 'language', 'source']) if (typeof list[key] !== 'string' || !list[key]) fail(`"${key}" must be a non-empty string`);
  if (list.kind !== undefined && list.kind !== 'terms' && list.kind !== 'cues') fail('"kind" must be "terms" or "cues"');
  if (!Array.isArray(list.clauses) || list.clauses.some((clause) => typeof clause !== 'string')) fail('"clauses" must be an array of strings');
  if (list.kind !== 'cues' && !(list.clauses as unknown[]).length) fail('a term list cites at least one clause');
  if (list.category !== undefined && typeof list.category !== 'string') fail('"category" must be a string');
  if (list.severity !== undefined && list.severity !== 'error' && list.severity !== 'warning') fail('"severity" must be "error" or "warning"');
  if (!Array.isArray(list.terms) || !list.terms.length) fail('"terms" must be a non-empty array');
  const seen = new Set<string>();
  (list.terms as unknown[]).forEach((item, index) => {
    const at = `terms[${index}]`;
    if (!item || typeof item !== 'object') return fail(`${at} must be an object`);
    const entry = item as Record<string, unknown>;
    if (typeof entry.term !== 'string' || !entry.term.trim()) return fail(`${at}.term must be a non-empty string`);
    if (seen.has(entry.term)) fail(`${at}: "${entry.term}" is listed twice`);
    seen.add(entry.term);
    if (entry.severity !== undefined && entry.severity !== 'error' && entry.severity !== 'warning') fail(`${at}.severity must be "error" or "warning"`);
    if (entry.note !== undefined && typeof entry.note !== 'string') fail(`${at}.note must be a string`);
    if (entry.except !== undefined && (!Array.isArray(entry.except) || entry.except.some((phrase) => typeof phrase !== 'string'))) fail(`${at}.except must be an array of strings`);
    if (entry.position !== undefined && !['before', 'after', 'around'].includes(entry.position as string)) fail(`${at}.position must be before, after or around`);
    if (entry.position !== undefined && list.kind !== 'cues') fail(`${at}.position is only for cue lists`);
    try {
      expandTerm(entry.term);
    } catch (error) {
      fail((error as Error).message);
    }
  });
  return value as TermList;
}

// ---------------------------------------------------------------------------------------------
// Character classes of the matching view

const OTHER = 0;
const SEPARATOR = 1;
const WORD = 2;
/** Scripts written without spaces between words: no word boundary is required around them. */
const UNSPACED = 3;

/** Stands for any number in `{n}` terms and in the number view of the text. */
const NUMBER = '\uE000';

/**
 * Characters that may stand between the words of a phrase: whitespace, joiners and brackets,
 * quotes, the comma, emoji and other symbols (`🔥FREE🔥BNB`). Sentence punctuation (`.` `!` `?`
 * `:` `;` `。`) is not one: a phrase does not match across sentences.
 */
const SEPARATOR_CHAR = /[\s\-_·•‧/\\|~*,、"'()[\]{}<>«»「」『』【】《》〈〉〔〕]|\p{So}|\p{Sk}|\p{Extended_Pictographic}/u;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30FC]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Ends a clause, for cues: a cue only negates a match in its own clause. */
const CLAUSE_END = /[.!?;:,。！？；：\n]/;

const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ASCII_CLASS[code] = /[a-z0-9]/i.test(char) ? WORD : SEPARATOR_CHAR.test(char) ? SEPARATOR : OTHER;
}

function classOf(codePoint: number): number {
  if (codePoint < 128) return ASCII_CLASS[codePoint];
  if (codePoint === 0xe000) return WORD;
  const char = String.fromCodePoint(codePoint);
  if (SEPARATOR_CHAR.test(char)) return SEPARATOR;
  if (UNSPACED_CHAR.test(char)) return UNSPACED;
  return WORD_CHAR.test(char) ? WORD : OTHER;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * The text as the automaton reads it: separator runs become one space, or nothing next to a
 * character of an unspaced script (`免 费 BNB` reads as `免费bnb`, as spacing around CJK is optional). `starts`/`ends` map each view unit to the
 * normalised text.
 */
interface View {
  text: string;
  leet: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** Every matcher scanning the same normalised text reads it through the same views, built once. */
const views = new WeakMap<NormalizedText, View>();
const numberViews = new WeakMap<View, View>();

const viewOf = (normalized: NormalizedText): View => remembered(views, normalized, buildView);
const numberViewOf = (view: View): View => remembered(numberViews, view, numberView);

function remembered<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

function buildView(normalized: NormalizedText): View {
  const source = normalized.text;
  const text: string[] = [];
  const leet: string[] = [];
  // The view is never longer than the text.
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  let size = 0;
  let pendingSeparator = -1;
  let previousClass = OTHER;
  /** Start of the run of kept characters not yet copied into `text`. */
  let runStart = 0;
  const flushRun = (until: number) => {
    if (until > runStart) {
      text.push(source.slice(runStart, until));
      leet.push(normalized.leet.slice(runStart, until));
    }
  };
  for (let i = 0; i < source.length; ) {
    const unit = source.charCodeAt(i);
    const codePoint = unit >= 0xd800 && unit <= 0xdbff ? source.codePointAt(i)! : unit;
    const width = codePoint > 0xffff ? 2 : 1;
    let cls = codePoint < 128 ? ASCII_CLASS[codePoint] : classOf(codePoint);
    // `1,000` is one number, not two words.
    if (cls === SEPARATOR && unit === 0x2c && isDigit(source[i - 1]) && isDigit(source[i + 1])) cls = OTHER;
    if (cls === SEPARATOR) {
      if (pendingSeparator < 0) {
        flushRun(i);
        pendingSeparator = i;
      }
      i += width;
      runStart = i;
      continue;
    }
    if (pendingSeparator >= 0) {
      if (size && previousClass !== UNSPACED && cls !== UNSPACED) {
        text.push(' ');
        leet.push(' ');
        starts[size] = pendingSeparator;
        ends[size++] = pendingSeparator + 1;
      }
      pendingSeparator = -1;
    }
    starts[size] = i;
    ends[size++] = i + 1;
    if (width === 2) {
      starts[size] = i + 1;
      ends[size++] = i + 2;
    }
    previousClass = cls;
    i += width;
  }
  if (pendingSeparator < 0) flushRun(source.length);
  return { text: text.join(''), leet: leet.join(''), starts: starts.subarray(0, size), ends: ends.subarray(0, size) };
}

/** The view with every number (`12`, `0.5`, `1,000`) folded into one NUMBER unit. */
function numberView(view: View): View {
  const source = view.text;
  const text: string[] = [];
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  let size = 0;
  let runStart = 0;
  for (let i = 0; i < source.length; ) {
    if (!isDigit(source[i])) {
      starts[size] = view.starts[i];
      ends[size++] = view.ends[i];
      i++;
      continue;
    }
    if (i > runStart) text.push(source.slice(runStart, i));
    let j = i + 1;
    for (;;) {
      while (isDigit(source[j])) j++;
      if ((source[j] === '.' || source[j] === ',') && isDigit(source[j + 1])) j++;
      else break;
    }
    text.push(NUMBER);
    starts[size] = view.starts[i];
    ends[size++] = view.ends[j - 1];
    i = j;
    runStart = j;
  }
  if (source.length > runStart) text.push(source.slice(runStart));
  const joined = text.join('');
  return { text: joined, leet: joined, starts: starts.subarray(0, size), ends: ends.subarray(0, size) };
}

function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

const isWordAt = (codePoint: number | undefined) => codePoint !== undefined && classOf(codePoint) === WORD;

// ---------------------------------------------------------------------------------------------
// Aho–Corasick

/**
 * Aho–Corasick over UTF-16 code units, stored flat: a node's children are a sorted run of
 * (unit, child) pairs found by binary search. Tens of thousands of trie nodes cost a few hundred
 * kilobytes this way, against tens of megabytes as a Map per node, and build in one pass over the
 * sorted keys.
 */
class Automaton {
  private keys: Array<{ key: string; id: number }> = [];
  /** Children of node n: units `edgeUnit[edgeStart[n] .. edgeStart[n + 1])`, sorted, and their nodes in `edgeTo`. */
  private edgeStart = new Int32Array(1);
  private edgeUnit = new Uint16Array(0);
  private edgeTo = new Int32Array(0);
  /** Ids ending at node n: `outId[k]` for k = outHead[n], outNext[k], … until -1. */
  private outHead = new Int32Array(1).fill(-1);
  private outNext = new Int32Array(0);
  private outId = new Int32Array(0);
  private fail = new Int32Array(1);
  /** Nearest node on the fail chain that has outputs (-1: none). */
  private dict = new Int32Array(1).fill(-1);
  size = 0;

  add(key: string, id: number): void {
    this.keys.push({ key, id });
    this.size++;
  }

  toTable(): AutomatonTable {
    const { size, edgeStart, edgeUnit, edgeTo, outHead, outNext, outId, fail, dict } = this;
    return { size, edgeStart, edgeUnit, edgeTo, outHead, outNext, outId, fail, dict };
  }

  static fromTable(table: AutomatonTable): Automaton {
    return Object.assign(new Automaton(), table);
  }

  build(): void {
    // Sorted keys share their longest prefix with the key before them, so the trie grows by
    // extending the previous key's path, and each node's children are made in ascending unit order.
    const keys = this.keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
    this.keys = [];
    let nodeCount = 1;
    for (let k = 0; k < keys.length; k++) nodeCount += keys[k].key.length - (k ? commonPrefix(keys[k - 1].key, keys[k].key) : 0);
    const parent = new Int32Array(nodeCount);
    const unitOf = new Uint16Array(nodeCount);
    const outHead = new Int32Array(nodeCount).fill(-1);
    const outNext = new Int32Array(keys.length);
    const outId = new Int32Array(keys.length);
    const path: number[] = [0];
    let next = 1;
    keys.forEach(({ key, id }, k) => {
      const shared = k ? commonPrefix(keys[k - 1].key, key) : 0;
      path.length = shared + 1;
      for (let i = shared; i < key.length; i++) {
        parent[next] = path[i];
        unitOf[next] = key.charCodeAt(i);
        path.push(next++);
      }
      const node = path[key.length];
      outId[k] = id;
      outNext[k] = outHead[node];
      outHead[node] = k;
    });
    // Children grouped by parent (a stable counting sort keeps them in ascending unit order).
    const edgeStart = new Int32Array(nodeCount + 1);
    for (let node = 1; node < nodeCount; node++) edgeStart[parent[node] + 1]++;
    for (let node = 0; node < nodeCount; node++) edgeStart[node + 1] += edgeStart[node];
    const fill = edgeStart.slice(0, nodeCount);
    const edgeUnit = new Uint16Array(nodeCount - 1);
    const edgeTo = new Int32Array(nodeCount - 1);
    for (let node = 1; node < nodeCount; node++) {
      const slot = fill[parent[node]]++;
      edgeUnit[slot] = unitOf[node];
      edgeTo[slot] = node;
    }
    Object.assign(this, { edgeStart, edgeUnit, edgeTo, outHead, outNext, outId });
    // Fail and dictionary links, breadth first.
    const fail = new Int32Array(nodeCount);
    const dict = new Int32Array(nodeCount).fill(-1);
    const queue = new Int32Array(nodeCount);
    let tail = 0;
    for (let e = edgeStart[0]; e < edgeStart[1]; e++) queue[tail++] = edgeTo[e];
    for (let head = 0; head < tail; head++) {
      const node = queue[head];
      for (let e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
        const child = edgeTo[e];
        const unit = edgeUnit[e];
        let fallback = fail[node];
        let target = this.child(fallback, unit);
        while (target < 0 && fallback) {
          fallback = fail[fallback];
          target = this.child(fallback, unit);
        }
        fail[child] = target >= 0 && target !== child ? target : 0;
        const failNode = fail[child];
        dict[child] = outHead[failNode] >= 0 ? failNode : dict[failNode];
        queue[tail++] = child;
      }
    }
    this.fail = fail;
    this.dict = dict;
  }

  private child(node: number, unit: number): number {
    let low = this.edgeStart[node];
    let high = this.edgeStart[node + 1] - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const at = this.edgeUnit[mid];
      if (at === unit) return this.edgeTo[mid];
      if (at < unit) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /**
   * Every occurrence of every key in `text`, as (end exclusive, id) pairs in `hits`; returns their
   * count. The buffer is shared and overwritten by the next scan: read it before scanning again.
   */
  scan(text: string): number {
    const { fail, dict, outHead, outNext, outId } = this;
    let node = 0;
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let child = this.child(node, unit);
      while (child < 0 && node) {
        node = fail[node];
        child = this.child(node, unit);
      }
      node = child < 0 ? 0 : child;
      for (let out = outHead[node] >= 0 ? node : dict[node]; out > 0; out = dict[out]) {
        for (let k = outHead[out]; k >= 0; k = outNext[k]) {
          if (2 * count + 2 > hits.length) {
            const grown = new Int32Array(hits.length * 2);
            grown.set(hits);
            hits = grown;
          }
          hits[2 * count] = i + 1;
          hits[2 * count + 1] = outId[k];
          count++;
        }
      }
    }
    return count;
  }
}

/** Occurrences found by the last `Automaton.scan`: (end, id) pairs. */
let hits = new Int32Array(256);

function commonPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Matcher

type ViewKind = 'plain' | 'leet' | 'number';

interface Pattern {
  key: string;
  list: TermList;
  entry: TermEntry;
  term: string;
  view: ViewKind;
  left: boolean;
  right: boolean;
  /** Written with a trailing `*`: the match extends to the end of the word. */
  stem: boolean;
  excepts: Array<{ key: string; offset: number }>;
}

interface Candidate {
  pattern: Pattern;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  leet: boolean;
}

/** A term's normalised view, shared by every matcher: lists share terms (cue lists are in most matchers). */
const termViews = new Map<string, View>();

/** A term's key in one view: the term normalised as text is. */
function keyOf(term: string, view: ViewKind): string {
  let built = termViews.get(term);
  if (built === undefined) {
    built = buildView(normalizeText(term.replaceAll('{n}', NUMBER)));
    termViews.set(term, built);
  }
  return view === 'leet' ? built.leet : view === 'number' ? numberView(built).text : built.text;
}

/** Cue matchers by their lists: many matchers negate with the same cue lists. */
const cueMatchers: Array<{ lists: readonly TermList[]; matcher: TermMatcher }> = [];

function cueMatcherFor(lists: readonly TermList[]): TermMatcher {
  const same = cueMatchers.find((cached) => cached.lists.length === lists.length && cached.lists.every((list, index) => list === lists[index]));
  if (same) return same.matcher;
  const matcher = new TermMatcher(lists);
  cueMatchers.push({ lists, matcher });
  return matcher;
}

interface Compiled {
  /** By id; loaded from a table, a pattern is made when a scan first meets it (see `patternOf`). */
  patterns: Array<Pattern | undefined>;
  automata: Record<ViewKind, Automaton>;
  /** The table rows patterns are made from, when loaded from tables. */
  rows?: PatternRow[];
  lists: readonly TermList[];
}

function patternOf(compiled: Compiled, id: number): Pattern {
  let pattern = compiled.patterns[id];
  if (!pattern) {
    const [key, list, entry, term, view, flags, excepts] = compiled.rows![id];
    const owner = compiled.lists[list];
    pattern = {
      key, list: owner, entry: owner.terms[entry], term, view,
      left: (flags & 1) !== 0, right: (flags & 2) !== 0, stem: (flags & 4) !== 0,
      excepts: excepts.map(([exceptKey, offset]) => ({ key: exceptKey, offset })),
    };
    compiled.patterns[id] = pattern;
  }
  return pattern;
}

const NO_OPTIONS: ScanOptions = Object.freeze({});

/** Every matcher made in this process, for `serializeTermTables`. */
const constructed: TermMatcher[] = [];

const listHashes = new WeakMap<TermList, string>();
let codeHash: string | undefined;

/**
 * What a compiled matcher depends on: its lists, and the code that turns terms into keys (this
 * module and the normaliser), so tables from another build are never used.
 */
function fingerprintOf(lists: readonly TermList[], options: TermMatcherOptions): string | undefined {
  if (options.include) return undefined;
  if (codeHash === undefined) {
    // This module and the normaliser beside it (sources under test, built JavaScript otherwise),
    // or the CLI's bundle, which holds both.
    const own = fileURLToPath(import.meta.url);
    const normalizer = fileURLToPath(new URL(own.endsWith('.ts') ? './normalize.ts' : './normalize.js', import.meta.url));
    const hash = createHash('sha1').update(readFileSync(own));
    if (existsSync(normalizer)) hash.update(readFileSync(normalizer));
    codeHash = hash.digest('base64');
  }
  const hashes = lists.map((list) => {
    let hash = listHashes.get(list);
    if (!hash) {
      hash = createHash('sha1').update(JSON.stringify(list)).digest('base64');
      listHashes.set(list, hash);
    }
    return hash;
  });
  return `${codeHash}:${hashes.join(',')}`;
}

/** How the matchers used so far were compiled: from registered tables, or from their lists. */
export function termMatcherSources(): { table: number; lists: number } {
  const sources = { table: 0, lists: 0 };
  for (const matcher of constructed) if (matcher.compiledFrom) sources[matcher.compiledFrom]++;
  return sources;
}

/**
 * The compiled form of every matcher made so far (and of the cue matchers they use), for a build
 * step to save and `registerTermTables` to load.
 */
export function serializeTermTables(): Buffer {
  const tables: Record<string, TermTable> = {};
  for (let i = 0; i < constructed.length; i++) {
    const matcher = constructed[i];
    const fingerprint = matcher.fingerprint();
    if (fingerprint) tables[fingerprint] = matcher.toTable();
  }
  return serialize(tables);
}

/**
 * Finds the terms of a set of lists in text: compiled on first use (a run that never scans with a
 * matcher does not pay for it), then scanned many times. A scan normalises the text, reads it
 * through up to three automata (plain, leetspeak, numbers) and returns the leftmost-longest
 * non-overlapping matches, with offsets in the scanned string.
 */
export class TermMatcher {
  private compiled: Compiled | undefined;
  /** Whether the automata were loaded from registered tables or compiled from the lists (undefined until first use). */
  compiledFrom: 'table' | 'lists' | undefined;
  private readonly cueLists: readonly TermList[];
  private readonly cueWindow: number;

  constructor(readonly lists: readonly TermList[], private readonly options: TermMatcherOptions = {}) {
    this.cueWindow = options.cueWindow ?? 48;
    this.cueLists = options.cues?.filter((list) => list.kind === 'cues') ?? [];
    constructed.push(this);
  }

  fingerprint(): string | undefined {
    return fingerprintOf(this.lists, this.options);
  }

  /** This matcher compiled, with its cue matcher (made on the way), as a table row. */
  toTable(): TermTable {
    const compiled = this.build();
    if (this.cueLists.length) cueMatcherFor(this.cueLists);
    const listIndex = new Map(this.lists.map((list, index) => [list, index]));
    const { automata } = compiled;
    const count = compiled.rows?.length ?? compiled.patterns.length;
    const patterns: PatternRow[] = [];
    for (let id = 0; id < count; id++) {
      const pattern = patternOf(compiled, id);
      patterns.push([
        pattern.key, listIndex.get(pattern.list)!, pattern.list.terms.indexOf(pattern.entry), pattern.term, pattern.view,
        (pattern.left ? 1 : 0) | (pattern.right ? 2 : 0) | (pattern.stem ? 4 : 0),
        pattern.excepts.map((except) => [except.key, except.offset]),
      ]);
    }
    return { patterns, automata: { plain: automata.plain.toTable(), leet: automata.leet.toTable(), number: automata.number.toTable() } };
  }

  private fromTable(table: TermTable): Compiled {
    return {
      patterns: [],
      rows: table.patterns,
      lists: this.lists,
      automata: { plain: Automaton.fromTable(table.automata.plain), leet: Automaton.fromTable(table.automata.leet), number: Automaton.fromTable(table.automata.number) },
    };
  }

  /** Builds the automata now; throws when a list entry is malformed (an except phrase without its term). */
  compile(): this {
    this.build();
    return this;
  }

  private build(): Compiled {
    if (this.compiled) return this.compiled;
    const table = findTermTable(() => this.fingerprint());
    if (table) {
      this.compiledFrom = 'table';
      return (this.compiled = this.fromTable(table));
    }
    this.compiledFrom = 'lists';
    const compiled: Compiled = { patterns: [], lists: this.lists, automata: { plain: new Automaton(), leet: new Automaton(), number: new Automaton() } };
    for (const list of this.lists) {
      for (const entry of list.terms) {
        if (this.options.include && !this.options.include(list, entry)) continue;
        const excepts = (entry.except ?? []).flatMap((phrase) => expandTerm(phrase));
        const used = new Set<string>();
        for (const expanded of expandTerm(entry.term)) addPattern(compiled, list, entry, expanded, excepts, used);
        const unused = excepts.find((phrase) => !used.has(phrase));
        if (unused !== undefined) throw new Error(`${list.id}: except phrase "${unused}" contains no alternative of "${entry.term}"`);
      }
    }
    for (const automaton of Object.values(compiled.automata)) automaton.build();
    this.compiled = compiled;
    return compiled;
  }

  /** Number of compiled alternatives (all views). */
  get size(): number {
    const compiled = this.build();
    return compiled.rows?.length ?? compiled.patterns.length;
  }

  /** Matches in `input` (pass its normalisation too when several matchers scan the same text). */
  scan(input: string, normalized: NormalizedText = normalizedOf(input), options: ScanOptions = NO_OPTIONS): TermMatch[] {
    const selected = this.matchesIn(normalized);
    if (!selected.length) return [];
    const negations = this.cueLists.length ? this.negations(normalized, selected) : undefined;
    const matches: TermMatch[] = [];
    selected.forEach((candidate, index) => {
      const negatedBy = negations?.[index];
      if (negatedBy && !options.keepNegated) return;
      const start = normalized.map[candidate.start];
      const end = normalized.ends[candidate.end - 1];
      const { pattern } = candidate;
      const match: TermMatch = {
        list: pattern.list, entry: pattern.entry, term: pattern.term, severity: termSeverity(pattern.list, pattern.entry),
        start, end, text: input.slice(start, end), leet: candidate.leet,
      };
      if (negatedBy) {
        const cueStart = normalized.map[negatedBy.start];
        match.negatedBy = { term: negatedBy.pattern.term, start: cueStart, end: normalized.ends[negatedBy.end - 1] };
      }
      matches.push(match);
    });
    return matches;
  }

  /**
   * Leftmost-longest, non-overlapping matches over every view, in normalised offsets; a plain
   * reading wins over a leetspeak one. Occurrences are kept per start offset (the longest), then
   * swept once: no sort, linear in the text plus the occurrences.
   */
  private matchesIn(normalized: NormalizedText): Candidate[] {
    const length = normalized.text.length;
    if (!length) return [];
    const compiled = this.build();
    const { automata } = compiled;
    const view = viewOf(normalized);
    let best = collectBest(undefined, automata.plain, compiled, view, view.text, 0, length);
    if (automata.leet.size && /[013457@$]/.test(normalized.text)) best = collectBest(best, automata.leet, compiled, view, view.leet, 1, length);
    if (automata.number.size && /[0-9]/.test(view.text)) {
      const numbers = numberViewOf(view);
      best = collectBest(best, automata.number, compiled, numbers, numbers.text, 0, length);
    }
    const selected: Candidate[] = [];
    if (!best) return selected;
    for (let start = 0; start < length; start++) {
      const end = best.end[start];
      if (!end) continue;
      selected.push({ pattern: patternOf(compiled, best.pattern[start]), start, end, leet: best.leet[start] === 1 });
      start = end - 1;
    }
    return selected;
  }

  /** For each selected match, the cue in its clause that negates it, if any. */
  private negations(normalized: NormalizedText, selected: Candidate[]): Array<Candidate | undefined> {
    const cues = cueMatcherFor(this.cueLists).matchesIn(normalized);
    if (!cues.length) return [];
    const text = normalized.text;
    // clause[i]: how many clause ends precede offset i (a decimal point or thousands comma is not one).
    const clause = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const ends = CLAUSE_END.test(text[i]) && !((text[i] === '.' || text[i] === ',') && isDigit(text[i - 1]) && isDigit(text[i + 1]));
      clause[i + 1] = clause[i] + (ends ? 1 : 0);
    }
    const window = this.cueWindow;
    return selected.map((match) => {
      // Cues are sorted and do not overlap: only those within the window need looking at.
      let low = 0;
      let high = cues.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cues[mid].end < match.start - window) low = mid + 1;
        else high = mid;
      }
      for (let k = low; k < cues.length && cues[k].start <= match.end + window; k++) {
        const cue = cues[k];
        const position = cue.pattern.entry.position ?? 'before';
        // `around` cues name the context (testnet, faucet): they reach across clause punctuation.
        const sameClause = (from: number, to: number) => position === 'around' || clause[from] === clause[to];
        if (cue.end <= match.start && position !== 'after') {
          if (sameClause(cue.start, match.start)) return cue;
        } else if (cue.start >= match.end && position !== 'before') {
          if (sameClause(match.start, cue.start)) return cue;
        }
      }
      return undefined;
    });
  }
}

function addPattern(compiled: Compiled, list: TermList, entry: TermEntry, expanded: string, exceptPhrases: string[], used: Set<string>): void {
  const stem = expanded.endsWith('*');
  const term = stem ? expanded.slice(0, -1).trimEnd() : expanded;
  const hasNumber = term.includes('{n}');
  const views: ViewKind[] = hasNumber ? ['number'] : ['plain', 'leet'];
  for (const view of views) {
    const key = keyOf(term, view);
    if (!key) throw new Error(`${list.id}: "${entry.term}" normalises to nothing`);
    // The except phrases that contain this alternative (`不一定会上涨` for `一定会上涨`).
    const excepts: Pattern['excepts'] = [];
    for (const phrase of exceptPhrases) {
      const exceptKey = keyOf(phrase, view);
      const offset = exceptKey.indexOf(key);
      if (offset < 0) continue;
      excepts.push({ key: exceptKey, offset });
      used.add(phrase);
    }
    const pattern: Pattern = {
      key, list, entry, term: expanded, view,
      left: isWordAt(key.codePointAt(0)),
      right: !stem && isWordAt(codePointBefore(key, key.length)),
      stem,
      excepts,
    };
    compiled.automata[view].add(key, compiled.patterns.length);
    compiled.patterns.push(pattern);
  }
}

/** The best match starting at each offset of the normalised text: its end, pattern and reading. */
interface Best {
  end: Int32Array;
  pattern: Int32Array;
  leet: Uint8Array;
}

/**
 * Reads `text` (a view of the normalised text) with one automaton and keeps, per start offset, the
 * longest match; at equal length the plain reading, then the earlier list entry. `best` is made
 * on the first match: most text matches nothing.
 */
function collectBest(best: Best | undefined, automaton: Automaton, compiled: Compiled, current: View, text: string, leet: number, length: number): Best | undefined {
  if (!automaton.size) return best;
  const count = automaton.scan(text);
  let wordEnds: Int32Array | undefined;
  for (let h = 0; h < count; h++) {
    let end = hits[2 * h];
    const id = hits[2 * h + 1];
    const pattern = patternOf(compiled, id);
    const start = end - pattern.key.length;
    if (pattern.left && isWordAt(codePointBefore(text, start))) continue;
    if (pattern.right && isWordAt(text.codePointAt(end))) continue;
    if (pattern.excepts.some((except) => start - except.offset >= 0 && text.startsWith(except.key, start - except.offset))) continue;
    if (leet && !isLeetSpelling(current.text, start, end)) continue;
    // A stem match covers the rest of its word (`porn*` in `pornographic`).
    if (pattern.stem && isWordAt(text.codePointAt(end))) end = (wordEnds ??= wordEndsOf(text))[end];
    const from = current.starts[start];
    const to = current.ends[end - 1];
    best ??= { end: new Int32Array(length), pattern: new Int32Array(length), leet: new Uint8Array(length) };
    const better = to > best.end[from] || (to === best.end[from] && (leet < best.leet[from] || (leet === best.leet[from] && id < best.pattern[from])));
    if (!better) continue;
    best.end[from] = to;
    best.pattern[from] = id;
    best.leet[from] = leet;
  }
  return best;
}

/** For each offset, where the run of word characters starting there ends (one backward pass). */
function wordEndsOf(text: string): Int32Array {
  const ends = new Int32Array(text.length + 1);
  ends[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const unit = text.charCodeAt(i);
    // A low surrogate belongs with the high one before it: classify whole code points.
    const codePoint = unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? (text.codePointAt(i - 1) ?? unit) : text.codePointAt(i)!;
    ends[i] = isWordAt(codePoint) ? ends[i + 1] : i;
  }
  return ends;
}

/** A leetspeak reading counts only where the text has a substituted digit or symbol and a letter. */
function isLeetSpelling(text: string, start: number, end: number): boolean {
  let substituted = false;
  let letter = false;
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (LEET_SOURCES.includes(char)) substituted = true;
    else if (char !== ' ' && !isDigit(char) && classOf(text.codePointAt(i)!) !== OTHER) letter = true;
    if (substituted && letter) return true;
  }
  return false;
}
