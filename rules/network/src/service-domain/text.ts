import { cookLiteral, scanScriptText, stringEnd } from '@bmplint/core';

/**
 * The text pass of a script too large to parse (`limits.maxParseBytes`): the network calls whose
 * `url` is written as a literal in the call itself, `bn.request({ …, url: "http://…" })`, read from
 * the text. That is the same evidence as the literal in a parsed call; what the AST pass resolves
 * through constants, imports and aliases is not followed here.
 */
export interface TextCall {
  api: string;
  /** The literal's span (from its opening quote). */
  start: number;
  end: number;
  /** The URL, or its known start (`complete: false`: `"http://a/" + path`, a template literal with `${`). */
  value: string;
  complete: boolean;
}

export interface TextCalls {
  calls: TextCall[];
  /**
   * Whether the file may bind a name `bn` of its own (`var bn`, `function(e, bn)`, `bn = …`): then
   * `bn.request` may be some other object's method (a BigNumber in vendor code), which only the
   * scope analysis of a parse can rule out.
   */
  bnMayBeLocal: boolean;
}

/** `.request({` after the word `bn` (sticky: read at the end of the word). */
const CALL_HEAD = /\s*\.\s*(request|uploadFile|downloadFile|connectSocket)\s*\(\s*\{/y;
/** After `bn`: an assignment, an arrow, or a parameter or declarator list goes on. */
const BINDS_AFTER = /\s*(?:=(?!=)|[,)])/y;
const DECLARES_BEFORE = /(?:^|[^\w$])(?:var|let|const|function|class)\s+$/;
const KEY = /[\w$]+/y;
/** Characters of an options object read before the `url` key; past them the call is not read. */
const MAX_OPTIONS = 1024;

export function networkCallsInText(text: string): TextCalls {
  const calls: TextCall[] = [];
  let bnMayBeLocal = false;
  // Options objects are read up to MAX_OPTIONS characters each, and all of them together up to
  // twice the text: call heads nested in each other's options (`bn.request({a:bn.request({a:…`)
  // would otherwise read the same characters once per head.
  let budget = 2 * text.length + MAX_OPTIONS;
  scanScriptText(text, {
    words: new Set(['bn']),
    word(_word, start) {
      if (text[previousCode(text, start)] === '.') return; // `x.bn` is a property
      const after = start + 2;
      BINDS_AFTER.lastIndex = after;
      if (BINDS_AFTER.test(text) || DECLARES_BEFORE.test(text.slice(Math.max(0, start - 12), start))) bnMayBeLocal = true;
      CALL_HEAD.lastIndex = after;
      const head = CALL_HEAD.exec(text);
      if (!head) return;
      if (budget <= 0) return;
      const from = CALL_HEAD.lastIndex;
      const read = { to: from };
      const url = urlOption(text, from, Math.min(text.length, from + MAX_OPTIONS, from + budget), read);
      budget -= read.to - from;
      if (url) calls.push({ api: head[1]!, ...url });
    },
  });
  return { calls, bnMayBeLocal };
}

/** The offset of the last non-space character before `at` (-1 at the start). */
function previousCode(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * The `url` of an options object whose first `{` is just before `at`, when it is a literal (or
 * starts with one), read up to `limit`; `read.to` is where reading stopped.
 */
function urlOption(text: string, at: number, limit: number, read: { to: number }): Omit<TextCall, 'api'> | undefined {
  let i = at;
  /** The result, noting how far reading went (`to`: past `i`, such as a string scanned to the limit). */
  const found = (value: Omit<TextCall, 'api'> | undefined, to = i) => {
    read.to = Math.max(to, value?.end ?? to);
    return value;
  };
  while (i < limit) {
    i = skipSpace(text, i);
    let key: string;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const end = stringEnd(text, i, quote, limit);
      if (end < 0) return found(undefined, limit);
      key = text.slice(i + 1, end);
      i = end + 1;
    } else {
      KEY.lastIndex = i;
      const match = KEY.exec(text);
      if (!match) return found(undefined); // `}`, a spread or a computed key: the url is not known to be here
      key = match[0];
      i = KEY.lastIndex;
    }
    i = skipSpace(text, i);
    if (text[i] === ',' && key !== 'url') {
      i++; // shorthand `{ method, url: … }`
      continue;
    }
    if (text[i] !== ':') return found(undefined); // shorthand url, a method, or not an object literal
    i = skipSpace(text, i + 1);
    if (key === 'url') {
      const url = literalValue(text, i, limit);
      return found(url, url || !/["'`]/.test(text[i] ?? '') ? i : limit);
    }
    const end = valueEnd(text, i, limit);
    if (end < 0) return found(undefined, -1 - end);
    i = end;
    if (text[i] === '}') return found(undefined);
    i++;
  }
  return found(undefined);
}

/** A string or template literal at `at`, and whether it is the whole value (followed by `,` or `}`) or its start (followed by `+`). */
function literalValue(text: string, at: number, limit: number): Omit<TextCall, 'api'> | undefined {
  const quote = text[at];
  let end: number;
  let partial = false;
  if (quote === '"' || quote === "'") end = stringEnd(text, at, quote, limit);
  else if (quote === '`') {
    end = at + 1;
    while (end < limit && text[end] !== '`' && !(text[end] === '$' && text[end + 1] === '{')) end += text[end] === '\\' ? 2 : 1;
    if (end >= limit) return undefined;
    partial = text[end] === '$';
  } else return undefined;
  if (end < 0) return undefined;
  const value = cookLiteral(text.slice(at + 1, end));
  if (partial) return { start: at, end, value, complete: false };
  const next = text[skipSpace(text, end + 1)];
  if (next === ',' || next === '}') return { start: at, end: end + 1, value, complete: true };
  if (next === '+') return { start: at, end: end + 1, value, complete: false };
  return undefined; // `"…".replace(…)`, `"…" ? a : b`: not the value itself
}

/**
 * The offset of the `,` or `}` ending a property value at `at`; `-1 - where it stopped` when the
 * value holds what a text scan cannot read safely (a `/`, which may start a regular expression or
 * a comment, or a template literal with `${`) or runs past `limit`.
 */
function valueEnd(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      const end = stringEnd(text, i, char, limit);
      if (end < 0) return -1 - limit; // read on to the end of the line or the limit
      i = end;
    } else if (char === '`') {
      let end = i + 1;
      while (end < limit && text[end] !== '`') {
        if (text[end] === '$' && text[end + 1] === '{') return -1 - end;
        end += text[end] === '\\' ? 2 : 1;
      }
      i = end;
    } else if (char === '/') return -1 - i;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return char === '}' ? i : -1 - i;
      depth--;
    } else if (char === ',' && depth === 0) return i;
  }
  return -1 - limit;
}
