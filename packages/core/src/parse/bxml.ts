import { Tokenizer } from 'htmlparser2';
import type { BxmlAttribute, BxmlChild, BxmlDocument, BxmlElement, BxmlExpression, BxmlText } from './bxml-ast.js';
import { makeBase, type BxmlFile, type EmbeddedJs, type ParseError } from './source-file.js';
import type { Node } from '@babel/types';
import { dropLocations, parseExpression, parseJsText } from './js.js';
import { walkJs } from '../analysis/walk.js';

interface Span {
  start: number;
  end: number;
}

/**
 * Parses BXML with htmlparser2's tokenizer in XML mode, building a tree with offsets. `{{ }}`
 * bindings and inline `<bns>` code are blanked out before tokenizing (offsets kept), so `a < b`
 * in an expression or a script never reads as a tag; each is then parsed with Babel.
 */
export function parseBxml(path: string, text: string): BxmlFile {
  const base = makeBase(path, text);
  const errors = base.errors;
  const scripts = findInlineScripts(text);
  // A `{{` in a comment is not a binding: the compiler drops comments whole.
  const mustaches = findMustaches(text, [...scripts, ...findComments(text)], errors);
  const blanked = blank(text, [...scripts, ...mustaches]);
  const document: BxmlDocument = { type: 'document', children: [], start: 0, end: text.length };
  const stack: BxmlElement[] = [];
  const openCounts = new Map<string, number>();
  const parentOf = (): BxmlElement | BxmlDocument => stack[stack.length - 1] ?? document;
  let element: BxmlElement | undefined;
  let attribute: BxmlAttribute | undefined;
  let lastText: BxmlText | undefined;

  const append = (child: BxmlChild) => {
    parentOf().children.push(child);
    lastText = child.type === 'text' ? child : undefined;
  };
  /**
   * Elements closed implicitly (by an outer closing tag or the end of the file), outermost first.
   * `<text>a<text>` where `</text>` was meant is one mistake, reported once at the second tag.
   * (Only text may follow that second tag: one holding elements is a real opening tag.)
   */
  const unclosed = (opens: BxmlElement[]) => {
    for (let i = 0; i < opens.length; i++) {
      const open = opens[i];
      const inner = opens[i + 1];
      // Only text after the second tag: it was meant to close the first (`<text>a<text>`).
      if (inner && inner.name === open.name && inner.parent === open && inner.children.every((child) => child.type !== 'element')) {
        errors.push({ message: `<${inner.name}> is opened again where </${inner.name}> was probably meant: the <${open.name}> before it is never closed`, start: inner.start, end: inner.openEnd });
        i++;
      } else {
        errors.push({ message: `<${open.name}> is not closed`, start: open.start, end: open.openEnd });
      }
    }
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname(start, end) {
        element = {
          type: 'element', name: text.slice(start, end), attributes: [], children: [],
          start: start - 1, openEnd: end, end, selfClosing: false, parent: parentOf(),
        };
      },
      onattribname(start, end) {
        if (!element) return;
        attribute = { type: 'attribute', name: text.slice(start, end), value: null, start, end, valueStart: end, valueEnd: end, expressions: [], element };
      },
      onattribdata(start, end) {
        if (!attribute) return;
        if (attribute.value === null) attribute.valueStart = start;
        attribute.valueEnd = end;
        attribute.value = text.slice(attribute.valueStart, end);
      },
      onattribentity() {},
      onattribend(_quote, end) {
        if (!attribute || !element) return;
        attribute.end = Math.max(end, attribute.valueEnd);
        element.attributes.push(attribute);
        attribute = undefined;
      },
      onopentagend(end) {
        if (!element) return;
        element.openEnd = end + 1;
        element.end = end + 1;
        append(element);
        stack.push(element);
        openCounts.set(element.name, (openCounts.get(element.name) ?? 0) + 1);
        element = undefined;
      },
      onselfclosingtag(end) {
        if (!element) return;
        element.openEnd = end + 1;
        element.end = end + 1;
        element.selfClosing = true;
        append(element);
        element = undefined;
      },
      onclosetag(start, end) {
        const name = text.slice(start, end);
        const closeEnd = blanked.indexOf('>', end) + 1 || end;
        // Counting open names keeps a stray closing tag O(1) however deep the stack is.
        let index = -1;
        if (openCounts.get(name)) {
          index = stack.length - 1;
          while (stack[index].name !== name) index--;
        }
        if (index < 0) {
          errors.push({ message: `</${name}> has no matching opening tag`, start: start - 2, end: closeEnd });
        } else {
          const closed = stack.splice(index);
          for (const open of closed) {
            openCounts.set(open.name, openCounts.get(open.name)! - 1);
            open.end = closeEnd;
          }
          unclosed(closed.slice(1));
        }
        lastText = undefined;
      },
      ontext(start, end) {
        // An inline <bns> module's code is an embedded script, not template text.
        if (scripts.some((span) => start >= span.start && start < span.end)) return;
        if (lastText && lastText.end === start) {
          lastText.end = end;
          lastText.data = text.slice(lastText.start, end);
        } else {
          append({ type: 'text', data: text.slice(start, end), start, end, expressions: [], parent: parentOf() });
        }
      },
      ontextentity() {},
      oncomment(start, end, endOffset) {
        // `end` is the index of the closing `>`; the data stops `endOffset` before it (`--`).
        append({ type: 'comment', data: text.slice(start, end - endOffset), start: start - 4, end: end + 1, parent: parentOf() });
      },
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        const closed = stack.splice(0);
        for (const open of closed) open.end = text.length;
        unclosed(closed);
      },
    },
  );
  tokenizer.write(blanked);
  tokenizer.end();

  attachExpressions(text, document, mustaches, errors, base.lines);
  const embeddedScripts = scripts.map((span): EmbeddedJs => {
    const position = base.lines.positionAt(span.start);
    const parsed = parseJsText(text.slice(span.start, span.end), 'bns', { startIndex: span.start, startLine: position.line, startColumn: position.column - 1 });
    errors.push(...parsed.errors);
    return { ast: parsed.ast, start: span.start, end: span.end };
  });
  errors.sort((a, b) => a.start - b.start);
  return { ...base, kind: 'bxml', document, embeddedScripts };
}

/** Content spans of `<bns …>…</bns>`. A hand scan, linear even on a file of unclosed `<bns` openers. */
function findInlineScripts(text: string): Span[] {
  const spans: Span[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<bns', from);
    if (open < 0) break;
    if (/[\w:-]/.test(lower[open + 4] ?? '')) {
      from = open + 4; // `<bnsx>`, not a bns tag
      continue;
    }
    let at = open + 4;
    let quote = '';
    for (; at < text.length; at++) {
      const char = text[at];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
    }
    if (at >= text.length) break; // the tag never ends: nothing after it is a script
    from = at + 1;
    if (text[at - 1] === '/') continue; // <bns module="m" src="./m.bns"/>
    const close = /<\/bns\s*>/gi;
    close.lastIndex = from;
    const end = close.exec(text)?.index ?? text.length;
    spans.push({ start: from, end });
    from = end;
  }
  return spans;
}

/** Spans of `<!-- … -->` comments (an unterminated one runs to the end). */
function findComments(text: string): Span[] {
  const spans: Span[] = [];
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', open)) {
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    spans.push({ start: open, end });
    open = end;
  }
  return spans;
}

function findMustaches(text: string, skip: Span[], errors: ParseError[]): Span[] {
  const spans: Span[] = [];
  const skipped = [...skip].sort((a, b) => a.start - b.start);
  let next = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    // Bindings are found in order, so one pass over the sorted skipped spans keeps this linear.
    while (next < skipped.length && skipped[next].end <= start) next++;
    const inside = skipped[next] && skipped[next].start <= start ? skipped[next] : undefined;
    if (inside) {
      from = inside.end;
      continue;
    }
    const end = bindingEnd(text, start + 2);
    if (end < 0) {
      errors.push({ message: '"{{" is never closed with "}}"', start, end: start + 2 });
      break;
    }
    spans.push({ start, end });
    from = end;
  }
  return spans;
}

/**
 * Where the binding opened before `from` ends (just past its `}}`), or -1. The first `}}` outside
 * quotes, template literals and the expression's own braces closes it, so `{{ {a: 1} }}`,
 * `{{ `${a}` }}` and `{{ s === '}}' }}` read whole and `{{ a }}}` leaves its last brace as text.
 * A binding whose quotes or braces do not balance closes at its first `}}`.
 */
function bindingEnd(text: string, from: number): number {
  const firstClose = text.indexOf('}}', from);
  if (firstClose < 0) return -1;
  /** Open brackets: '{' an object, '$' a `${` in a template literal, '`' a template literal's text. */
  const open: string[] = [];
  let quote = '';
  for (let at = from; at < text.length; at++) {
    const char = text[at];
    const top = open[open.length - 1];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = '';
      else if (char === '\n') break; // a quote never spans lines: unbalanced
    } else if (top === '`') {
      if (char === '\\') at++;
      else if (char === '`') open.pop();
      else if (char === '$' && text[at + 1] === '{') {
        open.push('$');
        at++;
      }
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '`') open.push('`');
    else if (char === '{') open.push('{');
    else if (char === '}') {
      if (!open.length) {
        if (text[at + 1] === '}') return at + 2;
        break; // a lone `}` outside any bracket: unbalanced
      }
      open.pop();
    }
  }
  return firstClose + 2;
}

function blank(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const inner = text.slice(Math.max(at, span.start), span.end);
    out += text.slice(at, Math.max(at, span.start)) + inner.replace(/[^\r\n]/g, ' ');
    at = Math.max(at, span.end);
  }
  return out + text.slice(at);
}

function attachExpressions(
  text: string,
  document: BxmlDocument,
  mustaches: Span[],
  errors: ParseError[],
  lines: import('../text/line-index.js').LineIndex,
): void {
  if (!mustaches.length) return;
  const owners: Array<BxmlAttribute | BxmlText> = [];
  const stack: BxmlChild[] = [...document.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') owners.push(node);
    else if (node.type === 'element') {
      for (const attribute of node.attributes) if (attribute.value !== null) owners.push(attribute);
      stack.push(...node.children);
    }
  }
  owners.sort((a, b) => ownerStart(a) - ownerStart(b));
  let index = 0;
  for (const span of mustaches) {
    while (index < owners.length && ownerEnd(owners[index]) < span.end) index++;
    const owner = owners[index];
    if (!owner || ownerStart(owner) > span.start) continue; // a binding outside any text or value, e.g. in a tag
    const expression: BxmlExpression = { type: 'expression', start: span.start, end: span.end, code: text.slice(span.start + 2, span.end - 2), ast: null, owner };
    expression.ast = parseBinding(expression, owner, lines, errors);
    owner.expressions.push(expression);
  }
}

const ownerStart = (owner: BxmlAttribute | BxmlText) => (owner.type === 'attribute' ? owner.valueStart : owner.start);
const ownerEnd = (owner: BxmlAttribute | BxmlText) => (owner.type === 'attribute' ? owner.valueEnd : owner.end);

function parseBinding(
  expression: BxmlExpression,
  owner: BxmlAttribute | BxmlText,
  lines: import('../text/line-index.js').LineIndex,
  errors: ParseError[],
): BxmlExpression['ast'] {
  if (!expression.code.trim()) return null;
  const codeStart = expression.start + 2;
  const attempt = (code: string, shift: number) => {
    const position = lines.positionAt(codeStart - shift);
    const ast = parseExpression(code, { startIndex: codeStart - shift, startLine: position.line, startColumn: position.column - 1, plugins: [] });
    dropLocations(ast);
    return ast;
  };
  // What the platform's template compiler reads beyond JavaScript, tried in turn after a failure:
  // data keys that are reserved words (`{{ class || '' }}`, `{{ default }}`) and, in an attribute,
  // an object without its braces (`data="{{ a, ...b }}"` for <template is>, `style="{{ color: c }}"`).
  const words = reservedWordSpans(expression.code);
  const renamed = words.length ? renameReserved(expression.code, words) : undefined;
  const candidates: Array<[code: string, shift: number]> = [[expression.code, 0]];
  if (renamed) candidates.push([renamed, 0]);
  if (owner.type === 'attribute') {
    candidates.push([`{${expression.code}}`, 1]);
    if (renamed) candidates.push([`{${renamed}}`, 1]);
  }
  let firstError: unknown;
  for (const [code, shift] of candidates) {
    try {
      const ast = attempt(code, shift);
      if (code !== expression.code && code !== `{${expression.code}}`) restoreReserved(ast, codeStart, words);
      return ast;
    } catch (error) {
      firstError ??= error;
    }
  }
  // Reported on the whole binding, like every other finding about one.
  const message = (firstError as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
  errors.push({ message: `invalid expression in {{ }}: ${message}`, start: expression.start, end: expression.end });
  return null;
}

/**
 * Statement keywords, which cannot start or continue an expression in JavaScript but are ordinary
 * data names in a template. Operator keywords (`new`, `typeof`, `in`…) are renamed only where no
 * operand follows them, as in `{{ new || 'x' }}`.
 */
const STATEMENT_WORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'do', 'else', 'enum', 'export', 'extends',
  'finally', 'for', 'function', 'if', 'import', 'let', 'return', 'static', 'super', 'switch', 'throw', 'try', 'var',
  'while', 'with', 'yield', 'await', 'implements', 'interface', 'package', 'private', 'protected', 'public',
]);
const OPERATOR_WORDS = new Set(['new', 'typeof', 'void', 'delete', 'in', 'instanceof']);

interface WordSpan {
  /** Offset in the binding's code. */
  start: number;
  word: string;
}

/** Reserved words used as names in a binding's code, outside strings and not after a `.`. */
function reservedWordSpans(code: string): WordSpan[] {
  const out: WordSpan[] = [];
  const word = /[A-Za-z_$][\w$]*|(['"`])(?:\\.|(?!\1)[^\\])*\1?|\d[\w.]*/g;
  for (let match = word.exec(code); match; match = word.exec(code)) {
    const text = match[0];
    if (match[1] || /^\d/.test(text)) continue;
    const before = code.slice(0, match.index).trimEnd();
    if (before.endsWith('.') && !before.endsWith('...')) continue; // `item.default` is a property
    if (STATEMENT_WORDS.has(text)) out.push({ start: match.index, word: text });
    else if (OPERATOR_WORDS.has(text)) {
      const next = code.slice(match.index + text.length).trimStart()[0];
      if (next === undefined || /[)\]}:,?|&=<>*%/.]/.test(next)) out.push({ start: match.index, word: text });
    }
  }
  return out;
}

/** The code with each reserved name replaced by an identifier of the same length (offsets kept). */
function renameReserved(code: string, words: readonly WordSpan[]): string {
  let out = code;
  for (const { start, word } of words) out = `${out.slice(0, start)}$${word.slice(1)}${out.slice(start + word.length)}`;
  return out;
}

/** Puts the written names back on the identifiers `renameReserved` changed. */
function restoreReserved(ast: Node, codeStart: number, words: readonly WordSpan[]): void {
  const byStart = new Map(words.map((word) => [codeStart + word.start, word.word]));
  walkJs(ast, {
    enter(node) {
      if (node.type === 'Identifier' && byStart.has(node.start ?? -1)) node.name = byStart.get(node.start ?? -1)!;
    },
  });
}
