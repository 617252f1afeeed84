import { getAttribute, type BxmlAttribute, type BxmlElement, type JsNode, type Project, type UnitFiles } from '@bmplint/core';

type Node = JsNode;

/** Elements whose text is code, not shown. */
export const SCRIPT_ELEMENTS = new Set(['bns', 'wxs', 'sjs', 'script']);

/** The page or component whose template is `path`, if any. */
export function unitOfTemplate(project: Project, path: string): { files: UnitFiles; route?: string } | undefined {
  const page = project.pages.find((candidate) => candidate.files.template === path);
  if (page) return { files: page.files, route: page.route };
  const use = project.componentUses.find((candidate) => candidate.files.template === path);
  return use ? { files: use.files } : undefined;
}

/** Class names written statically, and those inside `{{ }}` string literals (`{{show ? 'modal-on' : ''}}`). */
export function classNames(element: BxmlElement): { fixed: string[]; bound: string[] } {
  const attribute = getAttribute(element, 'class');
  if (!attribute?.value) return { fixed: [], bound: [] };
  let text = attribute.value;
  for (const expression of [...attribute.expressions].sort((a, b) => b.start - a.start)) {
    const from = expression.start - attribute.valueStart;
    const to = expression.end - attribute.valueStart;
    text = text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);
  }
  const bound: string[] = [];
  for (const expression of attribute.expressions) {
    for (const literal of stringLiterals(expression.ast)) bound.push(...literal.split(/\s+/).filter(Boolean));
  }
  return { fixed: text.split(/\s+/).filter(Boolean), bound };
}

/** The element's static id. */
export function idOf(element: BxmlElement): string | undefined {
  const attribute = getAttribute(element, 'id');
  return attribute?.value && !attribute.expressions.length ? attribute.value.trim() : undefined;
}

function stringLiterals(node: Node | null): string[] {
  if (!node) return [];
  const out: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'StringLiteral') out.push(current.value);
    else if (current.type === 'TemplateLiteral') out.push(...current.quasis.map((quasi) => quasi.value.cooked ?? ''));
    else if (current.type === 'ConditionalExpression') stack.push(current.consequent, current.alternate);
    else if (current.type === 'LogicalExpression' || (current.type === 'BinaryExpression' && current.operator === '+')) stack.push(current.left as Node, current.right);
    else if (current.type === 'ArrayExpression') for (const item of current.elements) if (item && item.type !== 'SpreadElement') stack.push(item);
  }
  return out;
}

/**
 * What shows or hides an element: the page-data keys its `bn:if`/`bn:elif`/`bn:else`, `hidden`,
 * class or style binding reads, each with the value that hides it (`falsy` for `bn:if="{{show}}"`,
 * `truthy` for `hidden="{{closed}}"`, `any` when a change of the key is enough to tell).
 */
export type HidingValue = 'falsy' | 'truthy' | 'any';

export interface Visibility {
  /** How the element is toggled, for messages: `bn:if="{{showAd}}"`. */
  how: string;
  keys: Map<string, HidingValue>;
  attribute: BxmlAttribute;
}

const SHOW_WORDS = /show|visib|open|active|hid|display|toggle|pop|modal|dialog|mask|layer|sheet|enter|leave/i;

/** How the element (or a `<block>` wrapping only it) is shown conditionally; undefined when it always shows. */
export function visibilityOf(element: BxmlElement): Visibility | undefined {
  for (let current: BxmlElement | undefined = element; current; current = wrappingBlock(current)) {
    const own = ownVisibility(current);
    if (own) return own;
  }
  return undefined;
}

function wrappingBlock(element: BxmlElement): BxmlElement | undefined {
  const parent = element.parent;
  if (parent.type !== 'element' || parent.name !== 'block') return undefined;
  const elements = parent.children.filter((child) => child.type === 'element');
  return elements.length === 1 ? parent : undefined;
}

function ownVisibility(element: BxmlElement): Visibility | undefined {
  for (const name of ['bn:if', 'bn:elif', 'wx:if', 'wx:elif']) {
    const attribute = getAttribute(element, name);
    const ast = attribute?.expressions[0]?.ast;
    if (attribute && ast) return { how: `${name}="${attribute.value}"`, keys: keysOf(ast, name.endsWith(':if') ? 'falsy' : 'any'), attribute };
  }
  const otherwise = getAttribute(element, 'bn:else') ?? getAttribute(element, 'wx:else');
  if (otherwise) {
    const keys = new Map<string, HidingValue>();
    for (let sibling = previousElement(element); sibling; sibling = previousElement(sibling)) {
      const test = getAttribute(sibling, 'bn:if') ?? getAttribute(sibling, 'bn:elif') ?? getAttribute(sibling, 'wx:if') ?? getAttribute(sibling, 'wx:elif');
      const ast = test?.expressions[0]?.ast;
      if (ast) for (const key of keysOf(ast, 'any').keys()) keys.set(key, 'any');
      if (!test || test.name.endsWith(':if')) break;
    }
    return { how: otherwise.name, keys, attribute: otherwise };
  }
  const hidden = getAttribute(element, 'hidden');
  const hiddenAst = hidden?.expressions[0]?.ast;
  if (hidden && hiddenAst) return { how: `hidden="${hidden.value}"`, keys: keysOf(hiddenAst, 'truthy'), attribute: hidden };
  for (const name of ['class', 'style']) {
    const attribute = getAttribute(element, name);
    if (!attribute) continue;
    for (const expression of attribute.expressions) {
      if (!expression.ast) continue;
      const keys = keysOf(expression.ast, 'any');
      const toggles = name === 'class' ? [...keys.keys()].some((key) => SHOW_WORDS.test(key)) || expression.ast.type === 'ConditionalExpression' : /display|visibility|opacity/.test(attribute.value ?? '');
      if (toggles && keys.size) return { how: `${name}="${attribute.value}"`, keys: new Map([...keys.keys()].map((key) => [key, 'any'])), attribute };
    }
  }
  return undefined;
}

function previousElement(element: BxmlElement): BxmlElement | undefined {
  const siblings = element.parent.children;
  for (let i = siblings.indexOf(element) - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (sibling.type === 'element') return sibling;
  }
  return undefined;
}

/** Data keys an expression reads (`show`, `popup.visible` and `popup`), each with the value that makes the expression false. */
export function keysOf(ast: Node, hiding: HidingValue): Map<string, HidingValue> {
  const keys = new Map<string, HidingValue>();
  // Bindings can nest deeply (`!!!!a`): an explicit stack, no recursion.
  const stack: Array<[Node, HidingValue]> = [[ast, hiding]];
  while (stack.length) {
    const [node, value] = stack.pop()!;
    switch (node.type) {
      case 'Identifier':
        if (!keys.has(node.name) || keys.get(node.name) === value) keys.set(node.name, value);
        else keys.set(node.name, 'any');
        break;
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const path = memberPathOf(node);
        if (path) {
          keys.set(path, value);
          keys.set(path.split('.')[0], 'any');
        } else stack.push([node.object as Node, 'any']);
        break;
      }
      case 'UnaryExpression':
        stack.push([node.argument, node.operator === '!' ? flip(value) : 'any']);
        break;
      case 'LogicalExpression':
        stack.push([node.left, node.operator === '&&' ? value : 'any'], [node.right, node.operator === '&&' ? value : 'any']);
        break;
      case 'BinaryExpression':
        if (node.left.type !== 'PrivateName') stack.push([node.left, 'any']);
        stack.push([node.right, 'any']);
        break;
      case 'ConditionalExpression':
        stack.push([node.test, 'any'], [node.consequent, 'any'], [node.alternate, 'any']);
        break;
      case 'CallExpression':
        for (const argument of node.arguments) stack.push([argument as Node, 'any']);
        break;
      default:
        break;
    }
  }
  return keys;
}

const flip = (value: HidingValue): HidingValue => (value === 'falsy' ? 'truthy' : value === 'truthy' ? 'falsy' : 'any');

function memberPathOf(node: Node): string | undefined {
  const parts: string[] = [];
  let current: Node = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    if (current.computed || current.property.type !== 'Identifier') return undefined;
    parts.unshift(current.property.name);
    current = current.object;
  }
  if (current.type !== 'Identifier') return undefined;
  parts.unshift(current.name);
  return parts.join('.');
}
