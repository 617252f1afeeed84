/**
 * A lexical pass over script text, for files too large to parse (`limits.maxParseBytes`): it tells
 * code from comments, strings and regular expressions without building a tree, so a rule's text
 * pass reads only what is code, in constant memory. Like `mentions.ts`, a `/` is read as a regular
 * expression after punctuation or a keyword such as `return`; what it cannot tell apart errs
 * toward "not code" (an unterminated string or expression ends the scan of that line).
 */
import { lineEnd, regexEnd, REGEX_AFTER_PUNCTUATION, REGEX_AFTER_WORD, stringEnd } from './mentions.js';

export { stringEnd };

export interface ScriptLiteral {
  /** The string's value (escapes decoded); for a template literal, its text up to the first `${`. */
  value: string;
  /** Offset of the opening quote or backtick. */
  start: number;
  /** Offset just after the closing quote; for a template literal, just after the first piece (at its `${` or closing backtick). */
  end: number;
  /** A template literal whose first piece is followed by `${`: `value` is only the literal's start. */
  partial: boolean;
}

export interface ScriptTextVisitor {
  /** Each string literal in code, and the first piece of each template literal. */
  literal?(literal: ScriptLiteral): void;
  /** Words in code (not in comments, strings or expressions) that are in `words`. */
  words?: ReadonlySet<string>;
  word?(word: string, start: number): void;
}

const enum Char {
  Tab = 9, Newline = 10, CarriageReturn = 13, Space = 32, Quote = 34, Dollar = 36, Apostrophe = 39,
  Star = 42, Slash = 47, Zero = 48, Nine = 57, UpperA = 65, UpperZ = 90, Backslash = 92, Underscore = 95,
  Backtick = 96, LowerA = 97, LowerZ = 122, OpenBrace = 123, CloseBrace = 125,
}

function isWordStart(code: number): boolean {
  return (code >= Char.LowerA && code <= Char.LowerZ) || (code >= Char.UpperA && code <= Char.UpperZ) || code === Char.Underscore || code === Char.Dollar || code > 0x7f;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= Char.Zero && code <= Char.Nine);
}

/** Walks script text once, calling the visitor for string literals and chosen words that are code. */
export function scanScriptText(text: string, visitor: ScriptTextVisitor): void {
  /** Open `${` of template literals: the brace depth each one closes at. */
  const templates: number[] = [];
  let depth = 0;
  /** The last token before the current position: punctuation itself, or `word`, `string`, `number`, `regex`. */
  let last = '';
  let lastWord = '';
  let i = 0;
  const length = text.length;
  /** Per quote kind (`"`, `'`): where the line ends on which one was found unterminated. */
  const unterminated = [-1, -1];
  let noRegexUntil = -1;
  /** From just after a backtick or a `}` closing `${`: up to the closing backtick or the next `${`. */
  const readTemplate = (first: boolean) => {
    const start = i;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === Char.Backslash) i += 2;
      else if (code === Char.Backtick) {
        if (first) visitor.literal?.({ value: cookLiteral(text.slice(start, i)), start: start - 1, end: i + 1, partial: false });
        i++;
        last = 'string';
        return;
      } else if (code === Char.Dollar && text.charCodeAt(i + 1) === Char.OpenBrace) {
        if (first) visitor.literal?.({ value: cookLiteral(text.slice(start, i)), start: start - 1, end: i, partial: true });
        i += 2;
        templates.push(depth++);
        last = '{';
        return;
      } else i++;
    }
  };
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === Char.Space || code === Char.Newline || code === Char.Tab || code === Char.CarriageReturn) {
      i++;
    } else if (code === Char.Slash && text.charCodeAt(i + 1) === Char.Slash) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? length : end;
    } else if (code === Char.Slash && text.charCodeAt(i + 1) === Char.Star) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? length : end + 2;
    } else if (code === Char.Quote || code === Char.Apostrophe) {
      const quote = code === Char.Quote ? 0 : 1;
      const end = i < unterminated[quote]! ? -1 : stringEnd(text, i, text[i]!);
      if (end < 0) {
        // Unterminated on its line: not a string after all; read on as code. A later quote of
        // the same kind on this line cannot close either (the scan from here saw the rest), so
        // the line is not scanned again for it: linear however many quotes it holds.
        if (i >= unterminated[quote]!) unterminated[quote] = lineEnd(text, i);
        i++;
        last = text[i - 1]!;
        continue;
      }
      visitor.literal?.({ value: cookLiteral(text.slice(i + 1, end)), start: i, end: end + 1, partial: false });
      i = end + 1;
      last = 'string';
    } else if (code === Char.Backtick) {
      i++;
      readTemplate(true);
    } else if (code === Char.Slash && i >= noRegexUntil && (REGEX_AFTER_PUNCTUATION.has(last) || last === '' || (last === 'word' && REGEX_AFTER_WORD.has(lastWord)))) {
      const end = regexEnd(text, i);
      if (end < 0) {
        // Unterminated: the rest of the line reads `/` as division (one scan per line at most).
        noRegexUntil = lineEnd(text, i);
        i++;
        last = '/';
      } else {
        i = end + 1;
        last = 'regex';
      }
    } else if (isWordStart(code)) {
      let end = i + 1;
      while (end < length && isWordPart(text.charCodeAt(end))) end++;
      const word = text.slice(i, end);
      if (visitor.words?.has(word)) visitor.word?.(word, i);
      i = end;
      last = 'word';
      lastWord = word;
    } else if (code >= Char.Zero && code <= Char.Nine) {
      let end = i + 1;
      while (end < length && isWordPart(text.charCodeAt(end))) end++;
      i = end;
      last = 'number';
    } else {
      if (code === Char.OpenBrace) depth++;
      else if (code === Char.CloseBrace) {
        depth--;
        if (templates.length && templates[templates.length - 1] === depth) {
          templates.pop();
          i++;
          readTemplate(false);
          continue;
        }
      }
      last = text[i]!;
      i++;
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** A literal's value from its source text: escapes decoded (`\/`, `\x41`, `\u0041`, `\u{41}`), line continuations dropped. */
export function cookLiteral(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(?:x([\da-fA-F]{2})|u\{([\da-fA-F]{1,6})\}|u([\da-fA-F]{4})|(\r\n|[\s\S]))/g, (_whole, hex: string | undefined, point: string | undefined, unit: string | undefined, other: string | undefined) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (point) return String.fromCodePoint(Math.min(parseInt(point, 16), 0x10ffff));
    if (unit) return String.fromCharCode(parseInt(unit, 16));
    if (other === '\n' || other === '\r\n' || other === '\r' || other === '\u2028' || other === '\u2029') return '';
    return ESCAPES[other!] ?? other!;
  });
}
