/**
 * Where a name is *used* in script or template text, as opposed to merely written: a word in a
 * comment, inside a longer string (`'../my-setting/setting'`), in a CSS class or in markup that
 * is commented out calls nothing. The scan reads text (no AST), so it holds after ASTs are
 * released. It errs toward "used": what it cannot tell apart counts.
 */

const WORD_START = /[A-Za-z_$]/;
const WORD_PART = /[\w$]/;
/** Keywords after which a `/` starts a regular expression rather than a division. */
export const REGEX_AFTER_WORD: ReadonlySet<string> = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
/** Punctuation after which a `/` starts a regular expression. */
export const REGEX_AFTER_PUNCTUATION: ReadonlySet<string> = new Set([...'(,=:[!&|?{};+-*%<>~^']);

/**
 * Calls `found(name)` for each use of one of `names` in script text: a word in code (comments
 * skipped), or a string or template-literal piece whose whole content is the name (a method named
 * in a string can be looked up by it).
 */
export function scriptMentions(text: string, names: ReadonlySet<string>, found: (name: string) => void): void {
  /** Open `${` of template literals: the brace depth each one closes at. */
  const templates: number[] = [];
  let depth = 0;
  let last = '';
  let lastWord = '';
  let i = 0;
  /** Per quote kind: where the line ends on which one was found unterminated (as in script-text.ts). */
  const unterminated: Record<string, number> = { '"': -1, "'": -1 };
  /** After an unterminated regular expression, the rest of its line reads `/` as division. */
  let noRegexUntil = -1;
  const readTemplate = () => {
    // From just after a backtick or a `}` closing `${`: up to the closing backtick or the next `${`.
    let piece = '';
    while (i < text.length) {
      const char = text[i]!;
      if (char === '\\') {
        piece += text.slice(i, i + 2);
        i += 2;
      } else if (char === '`') {
        i++;
        last = '`';
        break;
      } else if (char === '$' && text[i + 1] === '{') {
        i += 2;
        templates.push(depth++);
        last = '{';
        break;
      } else {
        piece += char;
        i++;
      }
    }
    if (names.has(piece)) found(piece);
  };
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (char === '"' || char === "'") {
      const end = i < unterminated[char]! ? -1 : stringEnd(text, i, char);
      if (end < 0) {
        // Unterminated on its line: not a string after all; read on as code. A later quote of the
        // same kind on this line cannot close either (the scan from here saw the rest of the line),
        // so the line is not scanned again for it: linear however many quotes it holds.
        if (i >= unterminated[char]!) unterminated[char] = lineEnd(text, i);
        i++;
        last = char;
        continue;
      }
      const value = text.slice(i + 1, end);
      if (names.has(value)) found(value);
      i = end + 1;
      last = 'string';
    } else if (char === '`') {
      i++;
      readTemplate();
    } else if (char === '/' && i >= noRegexUntil && (REGEX_AFTER_PUNCTUATION.has(last) || last === '' || (last === 'word' && REGEX_AFTER_WORD.has(lastWord)))) {
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
    } else if (WORD_START.test(char)) {
      let end = i + 1;
      while (end < text.length && WORD_PART.test(text[end]!)) end++;
      const word = text.slice(i, end);
      if (names.has(word)) found(word);
      i = end;
      last = 'word';
      lastWord = word;
    } else if (/\s/.test(char)) {
      i++;
    } else {
      if (char === '{') depth++;
      else if (char === '}') {
        depth--;
        if (templates.length && templates[templates.length - 1] === depth) {
          templates.pop();
          i++;
          readTemplate();
          continue;
        }
      }
      last = /\d/.test(char) ? 'number' : char;
      i++;
    }
  }
}

/** The offset of the line's end (its newline, or the end of the text) from `from`. */
export function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The offset of the quote closing the string opened at `start`, or -1 when the line (or `limit`) ends first. */
export function stringEnd(text: string, start: number, quote: string, limit = text.length): number {
  for (let i = start + 1; i < limit; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === quote) return i;
    else if (char === '\n') return -1;
  }
  return -1;
}

/** The offset of the `/` closing the regular expression opened at `start`, or -1 when the line ends first. */
export function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '\n') return -1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return i;
  }
  return -1;
}

const COMMENT = /<!--[\s\S]*?-->/g;
/** An inline script module (`<bns module="m">…</bns>`): its code is not markup. */
const INLINE_MODULE = /(<(bns|wxs|sjs)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi;
const BINDING = /\{\{([\s\S]*?)\}\}/g;
const ATTRIBUTE = /([\w:.@-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Attributes whose value is never a method name, though it may be spelled like one. */
const NOT_A_HANDLER = /^(?:class|[\w-]+-class|style|id|src|url|href|path)$/i;

/**
 * Calls `found(name)` for each use of one of `names` in template text, outside comments: inside
 * `{{ }}` and inline `<bns>` code as in a script, or as the whole value of an attribute (`bindtap="save"`,
 * `data-method="save"`), except for attributes that never name a method (`class`, `style`, `id`,
 * `src`, `url`).
 */
export function templateMentions(text: string, names: ReadonlySet<string>, found: (name: string) => void): void {
  const blank = (part: string) => ' '.repeat(part.length);
  const live = text.replace(COMMENT, blank).replace(INLINE_MODULE, (_whole, open: string, _tag, code: string, close: string) => {
    scriptMentions(code, names, found);
    return open + blank(code) + close;
  });
  for (const match of live.matchAll(BINDING)) scriptMentions(match[1]!, names, found);
  for (const match of live.matchAll(ATTRIBUTE)) {
    const value = (match[2] ?? match[3]!).trim();
    if (names.has(value) && !NOT_A_HANDLER.test(match[1]!)) found(value);
  }
}
