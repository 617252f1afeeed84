/**
 * The text pass of a template too large to parse (`limits.maxParseBytes`): the `src` of each
 * `<web-view>` and `<web-view-component>` outside comments and inline `<bns>` modules, read from
 * the text, up to its first `{{ }}` binding. A tag is the same evidence here as in a parsed
 * template; the AST pass also folds bindings made only of literals.
 */
export interface TextWebView {
  /** The attribute value's span. */
  start: number;
  end: number;
  /** The value, or its start before the first binding (`complete: false`). */
  value: string;
  complete: boolean;
}

const TAGS = /<(web-view|web-view-component)(?=[\s/>])/g;
/** One attribute; a quoted value is taken whole, so a `src=` inside another value is not an attribute. */
const ATTRIBUTE = /([\w:.@-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s"'>]+))?/g;
/** Characters of a tag read for its attributes; a longer tag is not read. */
const MAX_TAG = 8192;

export function webViewsInText(text: string): TextWebView[] {
  const live = withoutCommentsAndModules(text);
  const found: TextWebView[] = [];
  for (const match of live.matchAll(TAGS)) {
    const from = match.index! + match[0].length;
    const end = tagEnd(live, from);
    if (end < 0) continue;
    const src = [...live.slice(from, end).matchAll(ATTRIBUTE)].find((attribute) => attribute[1] === 'src' && (attribute[2] ?? attribute[3]) !== undefined);
    if (!src) continue;
    const raw = src[2] ?? src[3]!;
    const start = from + src.index! + src[0].length - raw.length - 1;
    const binding = raw.indexOf('{{');
    const value = binding < 0 ? raw : raw.slice(0, binding);
    found.push({ start, end: start + raw.length, value, complete: binding < 0 });
  }
  return found;
}

/** The offset of the `>` closing a tag whose attributes start at `from`, quotes respected; -1 past `MAX_TAG`. */
function tagEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_TAG);
  for (let i = from; i < limit; i++) {
    const char = text[i];
    if (char === '>') return i;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, i + 1);
      if (close < 0 || close >= limit) return -1;
      i = close;
    }
  }
  return -1;
}

/** The text with comments and inline script modules blanked (same length, so offsets hold); linear even when one is never closed. */
function withoutCommentsAndModules(text: string): string {
  const parts: string[] = [];
  let at = 0;
  const open = /<!--|<(bns|wxs|sjs)(?=[\s>])/gi;
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const closer = match[1] ? new RegExp(`</${match[1]}\\s*>`, 'gi') : /-->/g;
    closer.lastIndex = match.index + match[0].length;
    const close = closer.exec(text);
    const end = close ? close.index + close[0].length : text.length;
    parts.push(text.slice(at, match.index), ' '.repeat(end - match.index));
    at = end;
    open.lastIndex = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
