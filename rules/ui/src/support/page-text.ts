import {
  ancestorsIn, attributeKey, decodeTextAt, elementsOf, nodesIn, optionValue, stringsIn, walkJs,
  type BxmlElement, type BxmlFile, type JsFile, type JsNode, type Project,
} from '@bmplint/core';
import { isTopBar, TemplateStyles } from './styles.js';
import { classNames, idOf, SCRIPT_ELEMENTS } from './template.js';
import { hasWord } from './words.js';

type Node = JsNode;
type JSXElement = Extract<Node, { type: 'JSXElement' }>;

/** A run of user-visible text, where it is, and what surrounds it on screen. */
export interface TextPiece {
  /** As the user sees it (entities decoded, escapes applied). */
  text: string;
  file: string;
  /** Reported when a match cannot be placed more precisely. */
  span: { start: number; end: number };
  /** File offset of `text[0]` when written verbatim from there. */
  base?: number;
  /** Per character file offsets (text with decoded entities). */
  map?: { starts: ArrayLike<number>; ends: ArrayLike<number> };
  /** How messages name the source: `Template text`, `The bn.showModal title`… */
  where: string;
  /** Pieces read together: one dialog or banner, one `showModal` call, one `setData`. */
  group: string;
  /** Set when the text sits in an element named or styled like an OS status bar or notification: how messages name it. */
  imitation?: string;
}

/** The file span of `piece.text.slice(start, end)`. */
export function spanIn(piece: TextPiece, start: number, end: number): { start: number; end: number } {
  if (piece.map) return { start: piece.map.starts[start], end: piece.map.ends[Math.max(start, end - 1)] };
  if (piece.base !== undefined) return { start: piece.base + start, end: piece.base + end };
  return piece.span;
}

/** Attributes whose value is shown. */
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'alt', 'aria-label', 'label', 'content', 'text', 'desc', 'message', 'sub-title', 'subtitle', 'confirm-text', 'cancel-text']);
/** `bn` UI APIs and the options they show. */
// A Map, not an object literal: `bn.hasOwnProperty(…)` must not find Object.prototype's method.
const UI_APIS = new Map<string, string[]>([
  ['showModal', ['title', 'content', 'confirmText', 'cancelText']],
  ['showToast', ['title']],
  ['showLoading', ['title']],
  ['showActionSheet', ['itemList', 'alertText']],
  ['setNavigationBarTitle', ['title']],
]);
const REACT_VISIBLE = new Set(['placeholder', 'title', 'alt', 'aria-label', 'label', 'content', 'text']);
/** Class words of a box whose texts belong together (a dialog, a banner, a card). */
const BOX_WORDS = new Set([
  'mask', 'modal', 'popup', 'pop', 'dialog', 'overlay', 'layer', 'sheet', 'toast', 'alert', 'notice', 'notification', 'notify',
  'banner', 'tip', 'tips', 'warning', 'warn', 'prompt', 'msg', 'message', 'card', 'box', 'bar', 'statusbar', 'popover',
]);
/** Class words that name an operating system's own UI. */
const OS_WORDS = new Set(['ios', 'android', 'statusbar', 'iphone', 'harmonyos', 'miui']);
/** Class words of a banner that, pinned to the top of the screen, passes for an OS notification. */
const NOTIFICATION_WORDS = new Set(['notification', 'notifications', 'notify', 'push', 'status', 'statusbar', 'alert', 'system', 'sys', 'toast', 'banner', 'warning', 'warn']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TypeCastExpression', 'ParenthesizedExpression', 'TSTypeAssertion']);
const MAX_STRINGS = 500;

const namesOf = (element: BxmlElement) => {
  const { fixed, bound } = classNames(element);
  const id = idOf(element);
  return [...fixed, ...bound, ...(id ? [id] : [])];
};

function label(element: BxmlElement): string {
  const { fixed } = classNames(element);
  const id = idOf(element);
  return `<${element.name}${fixed.length ? ` class="${fixed.join(' ')}"` : id ? ` id="${id}"` : ''}>`;
}

/** Every visible text run of a template, with its group and imitation context. */
export function templatePieces(project: Project, template: BxmlFile): TextPiece[] {
  const styles = new TemplateStyles(project, template.path);
  const pieces: TextPiece[] = [];
  const groups = new Map<BxmlElement, string>();
  const imitations = new Map<BxmlElement, string | undefined>();
  const text = template.text;

  // Templates can nest deeply: the ancestors' answers are filled in from the top down, no recursion.
  const imitationOf = (element: BxmlElement): string | undefined => {
    const chain: BxmlElement[] = [];
    for (let current: BxmlElement | undefined = element; current && !imitations.has(current); current = current.parent.type === 'element' ? current.parent : undefined) chain.push(current);
    for (let i = chain.length - 1; i >= 0; i--) {
      const current = chain[i];
      const names = namesOf(current);
      let found: string | undefined;
      if (hasWord(names, OS_WORDS)) found = label(current);
      else if (hasWord(names, NOTIFICATION_WORDS)) {
        const { fixed, bound } = classNames(current);
        const style = styles.declarationsOf(current, [...fixed, ...bound]);
        if (style.get('position')?.startsWith('fixed') && isTopBar(style)) found = label(current);
      }
      imitations.set(current, found ?? (current.parent.type === 'element' ? imitations.get(current.parent) : undefined));
    }
    return imitations.get(element);
  };
  const groupOf = (element: BxmlElement): string => {
    const chain: BxmlElement[] = [];
    for (let current: BxmlElement | undefined = element; current && !groups.has(current); current = current.parent.type === 'element' ? current.parent : undefined) chain.push(current);
    for (let i = chain.length - 1; i >= 0; i--) {
      const current = chain[i];
      const parent = current.parent;
      const own = parent.type === 'document' || hasWord(namesOf(current), BOX_WORDS);
      groups.set(current, own || parent.type !== 'element' ? `${template.path}@${current.start}` : groups.get(parent)!);
    }
    return groups.get(element)!;
  };
  const emitRuns = (owner: BxmlElement, start: number, end: number, expressions: ReadonlyArray<{ start: number; end: number; ast: Node | null }>, where: string) => {
    let at = start;
    for (const expression of [...[...expressions].sort((a, b) => a.start - b.start), undefined]) {
      const runEnd = expression ? expression.start : end;
      if (runEnd > at) {
        const raw = text.slice(at, runEnd);
        if (raw.trim()) {
          pieces.push({ ...decodeTextAt(raw, at), file: template.path, span: { start: at, end: runEnd }, where, group: groupOf(owner), imitation: imitationOf(owner) });
        }
      }
      if (expression) {
        // String literals inside a binding are shown too: `{{ warn ? 'System alert' : '' }}`.
        for (const literal of literalStrings(expression.ast)) pieces.push({ ...literal, file: template.path, where, group: groupOf(owner), imitation: imitationOf(owner) });
        at = Math.max(at, expression.end);
      }
    }
  };

  const skipped = new Set<BxmlElement>();
  for (const element of elementsOf(template.document)) {
    if (SCRIPT_ELEMENTS.has(element.name) || (element.parent.type === 'element' && skipped.has(element.parent))) {
      skipped.add(element);
      continue;
    }
    for (const attribute of element.attributes) {
      if (attribute.value === null || !VISIBLE_ATTRIBUTES.has(attributeKey(attribute.name))) continue;
      emitRuns(element, attribute.valueStart, attribute.valueEnd, attribute.expressions, `The ${attribute.name} attribute`);
    }
    for (const child of element.children) {
      if (child.type === 'text') emitRuns(element, child.start, child.end, child.expressions, 'Template text');
    }
  }
  return pieces;
}

/** String literals of a binding, at their offsets. */
function literalStrings(ast: Node | null): Array<Pick<TextPiece, 'text' | 'span' | 'base'>> {
  if (!ast) return [];
  const out: Array<Pick<TextPiece, 'text' | 'span' | 'base'>> = [];
  walkJs(ast, {
    enter(node) {
      if (node.type === 'StringLiteral' && node.value.trim()) out.push({ text: node.value, span: { start: node.start ?? 0, end: node.end ?? 0 }, base: (node.start ?? 0) + 1 });
    },
  });
  return out;
}

/**
 * Visible strings of a script: page data (`data` of Page/Component, `setData`), `bn` UI API options
 * (`showModal` title and content…), and React JSX text and visible attributes.
 */
export function scriptPieces(project: Project, file: JsFile): TextPiece[] {
  const pieces: TextPiece[] = [];
  if (!file.ast) return pieces;
  const bn = project.bnApi(file);
  const add = (node: Node | undefined, where: string, group: string, imitation?: string) => {
    if (node) for (const piece of visibleStrings(node, file, project, where)) pieces.push({ ...piece, group, imitation });
  };
  for (const node of nodesIn(file.ast)) {
    if (node.type === 'CallExpression') {
      const call = bn?.call(node);
      const keys = call ? UI_APIS.get(call.name) : undefined;
      if (call && keys) {
        for (const key of keys) add(optionValue(call.options, key), `The bn.${call.name} ${key}`, `${file.path}@${node.start}`);
        continue;
      }
      const callee = node.callee;
      const first = node.arguments[0] as Node | undefined;
      if (callee.type === 'Identifier' && (callee.name === 'Page' || callee.name === 'Component') && first?.type === 'ObjectExpression') {
        add(optionValue(first, 'data'), 'Page data', `${file.path}@${first.start}`);
      } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'setData' && first) {
        add(first, 'Text set by setData', `${file.path}@${node.start}`);
      }
      continue;
    }
    if (node.type !== 'JSXElement') continue;
    const ancestors = ancestorsIn(file.ast, node);
    const box = [...ancestors, node].reverse().find((ancestor) => ancestor.type === 'JSXElement' && hasWord(jsxClassNames(ancestor), BOX_WORDS));
    const group = `${file.path}@${box?.start ?? 'jsx'}`;
    const imitating = [...ancestors, node].reverse().find((ancestor): ancestor is JSXElement => ancestor.type === 'JSXElement' && hasWord(jsxClassNames(ancestor), OS_WORDS) !== undefined);
    const imitation = imitating ? `<${jsxName(imitating)} className="${jsxClassNames(imitating).join(' ')}">` : undefined;
    for (const attribute of node.openingElement.attributes) {
      if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || !REACT_VISIBLE.has(attribute.name.name) || !attribute.value) continue;
      const where = `The ${attribute.name.name} attribute`;
      if (attribute.value.type === 'StringLiteral') pieces.push({ ...literalPiece(attribute.value, file, where), group, imitation });
      else if (attribute.value.type === 'JSXExpressionContainer' && attribute.value.expression.type !== 'JSXEmptyExpression') add(attribute.value.expression, where, group, imitation);
    }
    for (const child of node.children) {
      if (child.type === 'JSXText' && child.value.trim()) {
        pieces.push({ text: child.value, file: file.path, span: { start: child.start ?? 0, end: child.end ?? 0 }, base: child.start ?? 0, where: 'Page text', group, imitation });
      } else if (child.type === 'JSXExpressionContainer' && child.expression.type !== 'JSXEmptyExpression') {
        add(child.expression, 'Page text', group, imitation);
      }
    }
  }
  return pieces;
}

function jsxName(element: JSXElement): string {
  const name = element.openingElement.name;
  return name.type === 'JSXIdentifier' ? name.name : 'element';
}

/** Static class names of a JSX element (`className="a b"` or a string literal in braces). */
export function jsxClassNames(element: Node): string[] {
  if (element.type !== 'JSXElement') return [];
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || (attribute.name.name !== 'className' && attribute.name.name !== 'class')) continue;
    const value = attribute.value;
    if (value?.type === 'StringLiteral') return value.value.split(/\s+/).filter(Boolean);
    if (value?.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
      const out: string[] = [];
      walkJs(value.expression, {
        enter(node) {
          if (node.type === 'StringLiteral') out.push(...node.value.split(/\s+/).filter(Boolean));
          if (node.type === 'TemplateElement') out.push(...(node.value.cooked ?? '').split(/\s+/).filter(Boolean));
        },
      });
      return out;
    }
  }
  return [];
}

function literalPiece(node: Extract<Node, { type: 'StringLiteral' }>, file: JsFile, where: string): Omit<TextPiece, 'group'> {
  const start = node.start ?? 0;
  const end = node.end ?? start;
  const piece: Omit<TextPiece, 'group'> = { text: node.value, file: file.path, span: { start, end }, where };
  if (file.text.slice(start + 1, end - 1) === node.value) piece.base = start + 1;
  return piece;
}

/**
 * The strings of a JS value that reach the screen: literals where written (exact offsets), and
 * constants folded by the evaluator (reported at the expression using them). Descends into object
 * values, array items, both branches of `?:`, `||`/`&&` operands, `+` and template parts.
 */
export function visibleStrings(root: Node, file: JsFile, project: Project, where: string): Array<Omit<TextPiece, 'group'>> {
  const pieces: Array<Omit<TextPiece, 'group'>> = [];
  const stack: Node[] = [root];
  const spanOf = (node: Node) => ({ start: node.start ?? 0, end: node.end ?? 0 });
  while (stack.length && pieces.length < MAX_STRINGS) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'StringLiteral':
        pieces.push(literalPiece(node, file, where));
        break;
      case 'TemplateLiteral': {
        const value = project.evaluator.evaluate(node, file);
        if (typeof value === 'string') pieces.push({ text: value, file: file.path, span: spanOf(node), where });
        else {
          for (const quasi of node.quasis) {
            const cooked = quasi.value.cooked ?? '';
            if (cooked.trim()) pieces.push({ text: cooked, file: file.path, span: spanOf(quasi), base: file.text.slice(quasi.start ?? 0, quasi.end ?? 0) === cooked ? quasi.start ?? 0 : undefined, where });
          }
          stack.push(...node.expressions as Node[]);
        }
        break;
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') break;
        const value = project.evaluator.evaluate(node, file);
        if (typeof value === 'string') pieces.push({ text: value, file: file.path, span: spanOf(node), where });
        else stack.push(node.right, node.left as Node);
        break;
      }
      case 'ConditionalExpression':
        stack.push(node.alternate, node.consequent);
        break;
      case 'LogicalExpression':
        stack.push(node.right, node.left);
        break;
      case 'ObjectExpression':
        for (const property of node.properties) {
          if (property.type === 'ObjectProperty') stack.push(property.value as Node);
          else if (property.type === 'SpreadElement') stack.push(property.argument);
        }
        break;
      case 'ArrayExpression':
        for (const element of node.elements) if (element) stack.push(element.type === 'SpreadElement' ? element.argument : element);
        break;
      case 'Identifier':
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        if (node.type === 'Identifier' && node.name === 'undefined') break;
        for (const text of stringsIn(project.evaluator.evaluate(node, file), MAX_STRINGS)) pieces.push({ text, file: file.path, span: spanOf(node), where });
        break;
      }
      default:
        if (WRAPPERS.has(node.type)) stack.push((node as unknown as { expression: Node }).expression);
    }
  }
  return pieces;
}

