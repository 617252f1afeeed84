/**
 * Normalised token streams of mini program sources, for near-duplicate detection.
 *
 * What is kept and what is abstracted:
 * - comments and whitespace are dropped, so reformatting and re-commenting change nothing;
 * - identifiers (variables, functions, properties, class names, `{{ }}` names) are kept only as
 *   "an identifier, equal to the one N tokens back" (see `shingles` in similarity.ts), so a
 *   consistent rename changes nothing;
 * - literals and visible text are abstracted: every string is `S`, every number `N`, every colour
 *   `#`, every run of template text `T`. A clone that swaps brand names, texts, URLs and colours
 *   keeps its code, which is what 2.1.5 is about;
 * - the language's own words stay as written: JS keywords, template tag and attribute names, CSS
 *   properties and values, JSON keys. They carry the structure that tells two apps apart.
 */

/** One token: `kind` 0 is a fixed token (its `value` is the hash of its text), 1 an identifier (the hash of its name). */
export interface TokenStream {
  kind: Uint8Array;
  value: Int32Array;
  length: number;
}

export type SourceKind = 'js' | 'markup' | 'css' | 'json';

const BY_EXTENSION: Record<string, SourceKind> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js', bns: 'js', wxs: 'js', sjs: 'js',
  bxml: 'markup', wxml: 'markup', axml: 'markup', swan: 'markup', ttml: 'markup', qml: 'markup', html: 'markup', htm: 'markup', vue: 'markup',
  bxss: 'css', wxss: 'css', acss: 'css', ttss: 'css', css: 'css', scss: 'css', less: 'css', sass: 'css',
  json: 'json',
};

/** What kind of source a path holds; undefined for files that are not compared (images, fonts, binaries, docs). */
export function sourceKindOf(path: string): SourceKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[base.slice(dot + 1)] : undefined;
}

const JS_KEYWORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'super', 'switch', 'this', 'throw', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'async', 'await', 'of', 'get', 'set', 'from', 'as',
  'true', 'false', 'null', 'undefined', 'interface', 'type', 'enum', 'implements', 'private', 'protected', 'public', 'readonly',
]);
/** After these, `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);
const SCRIPT_TAGS = new Set(['bns', 'wxs', 'sjs', 'script', 'import-sjs', 'filter']);

/** FNV-1a over a string's UTF-16 units, as a signed 32-bit integer. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed | 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Collects tokens into growable typed arrays. */
class Sink {
  kind = new Uint8Array(256);
  value = new Int32Array(256);
  length = 0;
  private readonly fixedCache = new Map<string, number>();

  private push(kind: number, value: number): void {
    if (this.length === this.kind.length) {
      const kinds = new Uint8Array(this.length * 2);
      kinds.set(this.kind);
      this.kind = kinds;
      const values = new Int32Array(this.length * 2);
      values.set(this.value);
      this.value = values;
    }
    this.kind[this.length] = kind;
    this.value[this.length++] = value;
  }

  fixed(text: string): void {
    let hash = this.fixedCache.get(text);
    if (hash === undefined) {
      hash = hashString(text);
      this.fixedCache.set(text, hash);
    }
    this.push(0, hash);
  }

  identifier(name: string): void {
    this.push(1, hashString(name, 0x1b873593));
  }

  stream(): TokenStream {
    return { kind: this.kind.subarray(0, this.length), value: this.value.subarray(0, this.length), length: this.length };
  }
}

const isIdentStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
const isIdentPart = (code: number) => isIdentStart(code) || (code >= 48 && code <= 57);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;

/** The tokens of a source file of the given kind. Never throws: broken code tokenises as far as it goes. */
export function tokenize(text: string, kind: SourceKind): TokenStream {
  const sink = new Sink();
  if (kind === 'js') tokenizeJs(text, 0, text.length, sink);
  else if (kind === 'markup') tokenizeMarkup(text, sink);
  else if (kind === 'css') tokenizeCss(text, sink);
  else tokenizeJson(text, sink);
  return sink.stream();
}

// ---------------------------------------------------------------------------------------------
// JavaScript / TypeScript / BNS

/** Scans a string literal from the quote at `i`; returns the index after it (strings end at a newline when unterminated). */
function skipQuoted(text: string, i: number, end: number): number {
  const quote = text.charCodeAt(i);
  for (let j = i + 1; j < end; j++) {
    const code = text.charCodeAt(j);
    if (code === 92) j++;
    else if (code === quote) return j + 1;
    else if (code === 10) return j;
  }
  return end;
}

function tokenizeJs(text: string, start: number, end: number, sink: Sink): void {
  /** For each open `{`: whether it opened a template `${`. */
  const braces: boolean[] = [];
  /** Whether the previous token ends an expression (then `/` divides). */
  let afterValue = false;
  let i = start;
  const template = (from: number): number => {
    // From just after a backtick or a template's closing `}`: literal text until `${` or the closing backtick.
    for (let j = from; j < end; j++) {
      const code = text.charCodeAt(j);
      if (code === 92) j++;
      else if (code === 96) {
        afterValue = true;
        return j + 1;
      } else if (code === 36 && text.charCodeAt(j + 1) === 123) {
        sink.fixed('${');
        braces.push(true);
        afterValue = false;
        return j + 2;
      }
    }
    return end;
  };
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (code === 47 && next === 47) {
      const newline = text.indexOf('\n', i + 2);
      i = newline < 0 || newline > end ? end : newline + 1;
      continue;
    }
    if (code === 47 && next === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close + 2 > end ? end : close + 2;
      continue;
    }
    if (code === 39 || code === 34) {
      sink.fixed('S');
      i = skipQuoted(text, i, end);
      afterValue = true;
      continue;
    }
    if (code === 96) {
      sink.fixed('S`');
      i = template(i + 1);
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(next))) {
      let j = i + 1;
      while (j < end && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || ((text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) && /[eE]/.test(text[j - 1])))) j++;
      sink.fixed('N');
      i = j;
      afterValue = true;
      continue;
    }
    if (isIdentStart(code)) {
      let j = i + 1;
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      if (JS_KEYWORDS.has(word)) {
        sink.fixed(word);
        afterValue = word === 'this' || word === 'true' || word === 'false' || word === 'null' || word === 'undefined' || word === 'super';
        if (REGEX_AFTER_WORDS.has(word)) afterValue = false;
      } else {
        sink.identifier(word);
        afterValue = true;
      }
      i = j;
      continue;
    }
    if (code === 47 && !afterValue) {
      // A regular expression literal, on one line.
      let j = i + 1;
      let inClass = false;
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c === 10) break;
        if (c === 92) j++;
        else if (c === 91) inClass = true;
        else if (c === 93) inClass = false;
        else if (c === 47 && !inClass) break;
      }
      if (j < end && text.charCodeAt(j) === 47) {
        j++;
        while (j < end && isIdentPart(text.charCodeAt(j))) j++;
        sink.fixed('R');
        i = j;
        afterValue = true;
        continue;
      }
    }
    if (code === 123) braces.push(false);
    else if (code === 125) {
      if (braces.pop()) {
        sink.fixed('}$');
        i = template(i + 1);
        continue;
      }
    }
    sink.fixed(text[i]);
    afterValue = code === 41 || code === 93 || code === 125;
    i++;
  }
}

// ---------------------------------------------------------------------------------------------
// Templates (BXML and its relatives)

/** Tokens of an attribute value or a `{{ }}`-bearing text: names become identifiers, bindings are JS. */
function tokenizeValue(text: string, start: number, end: number, sink: Sink, textRuns: boolean): void {
  let i = start;
  while (i < end) {
    const open = text.indexOf('{{', i);
    const staticEnd = open < 0 || open >= end ? end : open;
    if (staticEnd > i) {
      if (textRuns) {
        if (text.slice(i, staticEnd).trim()) sink.fixed('T');
      } else {
        // Class names, ids, paths: words as identifiers, the rest dropped.
        const words = text.slice(i, staticEnd).match(/[A-Za-z_$][\w$-]*/g);
        if (words) for (const word of words) sink.identifier(word);
      }
    }
    if (staticEnd >= end) break;
    const close = text.indexOf('}}', staticEnd + 2);
    const exprEnd = close < 0 || close > end ? end : close;
    sink.fixed('{{');
    tokenizeJs(text, staticEnd + 2, exprEnd, sink);
    sink.fixed('}}');
    i = exprEnd + 2;
  }
}

function tokenizeMarkup(text: string, sink: Sink): void {
  const end = text.length;
  let i = 0;
  while (i < end) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? end : lt;
    if (textEnd > i) tokenizeValue(text, i, textEnd, sink, true);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      i = close < 0 ? end : close + 3;
      continue;
    }
    const closing = text.charCodeAt(lt + 1) === 47;
    const nameMatch = /^[A-Za-z][\w:.-]*/.exec(text.slice(lt + (closing ? 2 : 1), lt + 80));
    if (!nameMatch) {
      sink.fixed('T');
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    sink.fixed(closing ? `</${name}` : `<${name}`);
    let j = lt + (closing ? 2 : 1) + nameMatch[0].length;
    // Attributes until the end of the tag.
    let selfClosing = false;
    while (j < end) {
      const code = text.charCodeAt(j);
      if (isSpace(code)) {
        j++;
        continue;
      }
      if (code === 62) {
        j++;
        break;
      }
      if (code === 47 && text.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      const attribute = /^[^\s=/>]+/.exec(text.slice(j, j + 200));
      if (!attribute) {
        j++;
        continue;
      }
      sink.fixed(`@${attribute[0]}`);
      j += attribute[0].length;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61) continue;
      j++;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      let valueStart = j;
      let valueEnd: number;
      if (quote === 34 || quote === 39) {
        valueStart = j + 1;
        const close = text.indexOf(String.fromCharCode(quote), valueStart);
        valueEnd = close < 0 ? end : close;
        j = valueEnd + 1;
      } else {
        while (j < end && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
        valueEnd = j;
      }
      sink.fixed('=');
      tokenizeValue(text, valueStart, valueEnd, sink, false);
    }
    sink.fixed(selfClosing ? '/>' : '>');
    i = j;
    if (!closing && !selfClosing && SCRIPT_TAGS.has(name)) {
      const close = text.toLowerCase().indexOf(`</${name}`, i);
      const scriptEnd = close < 0 ? end : close;
      tokenizeJs(text, i, scriptEnd, sink);
      i = scriptEnd;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Styles

function tokenizeCss(text: string, sink: Sink): void {
  const end = text.length;
  let depth = 0;
  /** Inside a declaration's value (after `prop:`). */
  let inValue = false;
  /** At the start of a statement (after `{`, `;`, `}`), where a word may be a property name. */
  let statementStart = true;
  /** The previous token was `.` or `#` in a selector: the word is a class or id name. */
  let selectorName = false;
  let lastWord: string | undefined;
  let i = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (code === 47 && next === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
      continue;
    }
    // `//` line comments (SCSS, Less): only where a value cannot hold a URL.
    if (code === 47 && next === 47 && !inValue) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? end : newline + 1;
      continue;
    }
    if (code === 39 || code === 34) {
      sink.fixed('S');
      i = skipQuoted(text, i, end);
      continue;
    }
    if (inValue && code === 35 && /^[0-9a-fA-F]{3,8}\b/.test(text.slice(i + 1, i + 10))) {
      let j = i + 1;
      while (j < end && /[0-9a-fA-F]/.test(text[j])) j++;
      sink.fixed('#');
      i = j;
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(next))) {
      let j = i + 1;
      while (j < end && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      sink.fixed('N');
      i = j;
      // The unit stays as written (`rpx`, `%`).
      continue;
    }
    if (isIdentStart(code) || (code === 45 && (isIdentStart(next) || next === 45))) {
      let j = i + 1;
      while (j < end && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 45)) j++;
      const word = text.slice(i, j);
      if (!inValue && selectorName) sink.identifier(word);
      else sink.fixed(word.toLowerCase());
      lastWord = statementStart ? word : undefined;
      statementStart = false;
      selectorName = false;
      i = j;
      continue;
    }
    const char = text[i];
    sink.fixed(char);
    selectorName = !inValue && (char === '.' || char === '#');
    if (char === '{') {
      depth++;
      inValue = false;
      statementStart = true;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
      inValue = false;
      statementStart = true;
    } else if (char === ';') {
      inValue = false;
      statementStart = true;
    } else if (char === ':' && depth > 0 && lastWord !== undefined) {
      inValue = true;
    } else if (char === '(' && inValue) {
      // `url(…)` holds a URL written bare: one literal.
      if (text.slice(Math.max(0, i - 3), i).toLowerCase() === 'url') {
        const close = text.indexOf(')', i);
        if (close > 0) {
          sink.fixed('S');
          sink.fixed(')');
          i = close + 1;
          continue;
        }
      }
    }
    if (char !== '-') lastWord = undefined;
    i++;
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

function tokenizeJson(text: string, sink: Sink): void {
  const end = text.length;
  let i = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (code === 34) {
      const close = skipQuoted(text, i, end);
      let j = close;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      // Keys are the config's vocabulary; values are literals.
      if (text.charCodeAt(j) === 58) sink.fixed(`K${text.slice(i + 1, close - 1)}`);
      else sink.fixed('S');
      i = close;
      continue;
    }
    if (isDigit(code) || code === 45) {
      let j = i + 1;
      while (j < end && /[0-9.eE+-]/.test(text[j])) j++;
      sink.fixed('N');
      i = j;
      continue;
    }
    if (isIdentStart(code)) {
      let j = i + 1;
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      sink.fixed(text.slice(i, j));
      i = j;
      continue;
    }
    if (code === 47 && text.charCodeAt(i + 1) === 47) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? end : newline + 1;
      continue;
    }
    if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
      continue;
    }
    sink.fixed(text[i]);
    i++;
  }
}
