import type { Expression } from '@babel/types';

/** A `{{ }}` binding: `start`/`end` span the braces, the AST spans the code between them. */
export interface BxmlExpression {
  type: 'expression';
  start: number;
  end: number;
  code: string;
  ast: Expression | null;
  /** The attribute or text node holding it. */
  owner: BxmlAttribute | BxmlText;
}

export interface BxmlAttribute {
  type: 'attribute';
  name: string;
  /** Raw value as written (entities not decoded); null for a bare attribute such as `<input disabled>`. */
  value: string | null;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  expressions: BxmlExpression[];
  element: BxmlElement;
}

export interface BxmlText {
  type: 'text';
  /** Raw text as written. */
  data: string;
  start: number;
  end: number;
  expressions: BxmlExpression[];
  parent: BxmlElement | BxmlDocument;
}

export interface BxmlComment {
  type: 'comment';
  data: string;
  start: number;
  end: number;
  parent: BxmlElement | BxmlDocument;
}

export interface BxmlElement {
  type: 'element';
  name: string;
  attributes: BxmlAttribute[];
  children: BxmlChild[];
  start: number;
  /** Offset just past the opening tag's `>`. */
  openEnd: number;
  end: number;
  selfClosing: boolean;
  parent: BxmlElement | BxmlDocument;
}

export type BxmlChild = BxmlElement | BxmlText | BxmlComment;

export interface BxmlDocument {
  type: 'document';
  children: BxmlChild[];
  start: number;
  end: number;
}

export type BxmlNode = BxmlDocument | BxmlChild | BxmlAttribute | BxmlExpression;

/**
 * `openType` → `open-type`: the platform reads a camelCase attribute as its kebab-case name (the
 * official demo writes `openType`, `loadingBar`), so rules compare names in this form.
 */
export function attributeKey(name: string): string {
  return /[A-Z]/.test(name) ? name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) : name;
}

/** The attribute `name`, however it is spelled (`open-type` or `openType`); the first one written wins. */
export function getAttribute(element: BxmlElement, name: string): BxmlAttribute | undefined {
  const key = attributeKey(name);
  return element.attributes.find((attribute) => attribute.name === name || attributeKey(attribute.name) === key);
}

/** The attribute's value when it holds no `{{ }}` binding. */
export function staticAttributeValue(attribute: BxmlAttribute | undefined): string | undefined {
  if (!attribute || attribute.value === null || attribute.expressions.length) return undefined;
  return attribute.value;
}

const EVENT_ATTRIBUTE = /^(?:bind|catch|capture-bind|capture-catch|mut-bind)(?::)?([A-Za-z][\w-]*)$/;
/** `onLongPress="f"`: the camelCase handler prop the official demo writes in BXML (and Alipay's `onTap`). */
const ON_ATTRIBUTE = /^on([A-Z][\w-]*)$/;

/**
 * `bindtap`, `bind:tap`, `catch:longpress`, `bindTap`, `onLongPress`… → the event name in lower case
 * (`tap`, `longpress`), else undefined.
 */
export function eventOfAttribute(name: string): string | undefined {
  return (EVENT_ATTRIBUTE.exec(name)?.[1] ?? ON_ATTRIBUTE.exec(name)?.[1])?.toLowerCase();
}

/** Depth-first, document order, without recursion (templates can nest deeply). */
export function* elementsOf(root: BxmlDocument | BxmlElement): Generator<BxmlElement> {
  const stack: BxmlChild[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
