/** Template helpers shared by the privacy rules: what an element says and what is written next to it. */
import { getAttribute, type BxmlElement, type JsFile, type Project } from '@bmplint/core';

/** Decodes the few entities templates use in text. */
function decode(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Static text inside an element (template text and `{{ 'literal' }}` strings); `dynamic` when a binding may add more. */
export function elementText(element: BxmlElement): { text: string; dynamic: boolean } {
  let text = '';
  let dynamic = false;
  const stack = [...element.children].reverse();
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type === 'text') {
      let data = child.data;
      for (const expression of [...child.expressions].reverse()) {
        const literal = expression.ast?.type === 'StringLiteral' ? expression.ast.value : undefined;
        if (literal === undefined) dynamic = true;
        data = data.slice(0, expression.start - child.start) + (literal ?? ' ') + data.slice(expression.end - child.start);
      }
      text += ` ${data}`;
    } else if (child.type === 'element' && child.name !== 'bns') {
      stack.push(...[...child.children].reverse());
      for (const name of ['aria-label', 'title', 'alt']) {
        const value = staticValue(child, name);
        if (value) text += ` ${value}`;
      }
    }
  }
  return { text: decode(text).replace(/\s+/g, ' ').trim(), dynamic };
}

/** An attribute's static value; undefined when absent or bound. */
export function staticValue(element: BxmlElement, name: string): string | undefined {
  const attribute = getAttribute(element, name);
  if (!attribute || attribute.value === null || attribute.expressions.length) return undefined;
  return decode(attribute.value);
}

/** The label of a control: its own text and labelling attributes (and an icon's file name when it has no text). */
export function controlLabel(element: BxmlElement): { text: string; dynamic: boolean } {
  const own = elementText(element);
  const parts = [own.text];
  for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
    const value = staticValue(element, name);
    if (value) parts.push(value);
  }
  let dynamic = own.dynamic || ['aria-label', 'title'].some((name) => !!getAttribute(element, name)?.expressions.length);
  const text = parts.filter(Boolean).join(' ').trim();
  if (!text) {
    const src = staticValue(element, 'src');
    if (src) return { text: src.replace(/^.*\//, '').replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' '), dynamic };
    if (getAttribute(element, 'src')?.expressions.length) dynamic = true;
  }
  // An icon control says what it does through its icon: `<van-icon name="scan">`, `class="weui-uploader__input"`.
  if (text) return { text, dynamic };
  const icon = iconWords(element);
  return { text: icon, dynamic: dynamic && !icon };
}

/** Icon names and class names of a control and what it holds, as words ("scan", "uploader input"). */
function iconWords(element: BxmlElement): string {
  const words: string[] = [];
  for (const node of [element, ...descendants(element)]) {
    for (const name of ['name', 'icon', 'class']) {
      const value = staticValue(node, name);
      if (value) words.push(value.replace(/[-_]+/g, ' '));
    }
    if (words.length > 8) break;
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Text written next to an input: the `<label>` around it, the element just before it (`<text>Email</text><input/>`)
 * and the text of a small wrapper around both.
 */
export function nearbyLabel(element: BxmlElement): string {
  const parts: string[] = [];
  const parent = element.parent;
  if (parent.type === 'element') {
    const siblings = parent.children;
    const index = siblings.indexOf(element);
    // The nearest text or element before the input.
    for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
      const sibling = siblings[i];
      if (sibling.type === 'text') {
        if (sibling.data.trim()) {
          parts.push(decode(sibling.data).trim());
          break;
        }
      } else if (sibling.type === 'element') {
        if (isField(sibling)) break;
        const text = elementText(sibling).text;
        if (text) {
          parts.push(text);
          break;
        }
      }
    }
    let ancestor: BxmlElement | undefined = parent;
    for (let depth = 0; ancestor && depth < 2; depth++) {
      if (ancestor.name === 'label') {
        const text = elementText(ancestor).text;
        if (!parts.some((part) => text.includes(part))) parts.push(text);
        else if (text.length > parts.join(' ').length) parts.splice(0, parts.length, text);
        break;
      }
      ancestor = ancestor.parent.type === 'element' ? ancestor.parent : undefined;
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const FIELDS = new Set(['input', 'deprecated-input', 'textarea', 'editor']);
export const isField = (element: BxmlElement) => FIELDS.has(element.name);

/** Every element below `root`, document order. */
export function* descendants(root: BxmlElement): Generator<BxmlElement> {
  const stack = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

/** The script of the page or component whose template is `path`. */
export function scriptOfTemplate(project: Project, path: string | undefined): JsFile | undefined {
  if (!path) return undefined;
  const unit = [...project.pages, ...project.componentUses].find((candidate) => candidate.files.template === path);
  return unit?.files.script ? project.jsFile(unit.files.script) : undefined;
}
