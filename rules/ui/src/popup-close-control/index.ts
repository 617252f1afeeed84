import {
  defineRule, elementsOf, eventOfAttribute, getAttribute, handlerGraph, memoize, staticAttributeValue, walkJs,
  type BxmlElement, type BxmlFile, type HandlerGraph, type JsNode, type MethodInfo, type Project, type UnitFiles,
} from '@bmplint/core';
import { isFullScreenOverlay, TemplateStyles } from '../support/styles.js';
import { classNames, idOf, unitOfTemplate, visibilityOf, SCRIPT_ELEMENTS, type HidingValue, type Visibility } from '../support/template.js';
import { hasWord, VENDOR_PATH, wordsOf } from '../support/words.js';
import { isCloseName, isCloseText } from './wording.js';

type Node = JsNode;

/** Class or id words that name a pop-up layer. */
const POPUP_WORDS = new Set(['mask', 'modal', 'popup', 'pop', 'dialog', 'overlay', 'layer', 'sheet', 'toast', 'flyout', 'popover', 'lightbox', 'drawer', 'snackbar']);
/** Words of layers that go away by themselves: loading masks, skeletons, page-ready wrappers. */
const TRANSIENT_WORDS = new Set([
  'loading', 'loader', 'spinner', 'spin', 'skeleton', 'progress', 'busy', 'refresh', 'refreshing', 'waiting', 'pending', 'ready', 'loaded', 'inited', 'init', 'submitting',
  // Masks that show a state of a control, not a pop-up.
  'disabled', 'disable', 'readonly',
]);
const TOAST_WORDS = new Set(['toast', 'snackbar']);
const MASK_WORDS = new Set(['mask', 'overlay', 'backdrop']);
/** Last words of a class that names a part of a pop-up, not the layer. */
const PART_WORDS = new Set([
  'title', 'subtitle', 'name', 'subname', 'desc', 'description', 'header', 'head', 'footer', 'foot', 'text', 'label', 'icon', 'btn',
  'button', 'buttons', 'item', 'option', 'options', 'img', 'image', 'close', 'line', 'divider', 'tip', 'tips', 'action', 'actions', 'cancel', 'confirm', 'gap', 'arrow', 'badge',
]);
/** Elements that can hold a pop-up's content. */
const CONTAINERS = new Set(['view', 'cover-view', 'scroll-view', 'root-portal', 'form', 'movable-area']);
/** Events a close control answers to. */
const TAP_EVENTS = new Set(['tap', 'click', 'touchstart', 'touchend', 'longtap']);
/** Attributes that label a control. */
const LABEL_ATTRIBUTES = ['aria-label', 'title', 'alt', 'name', 'type'];
const SHOW_KEY = /show|visib|open|popup|modal|dialog|mask|layer|sheet|toast|display/i;

type Verdict = 'closes' | 'unknown' | 'none';

export default defineRule({
  meta: {
    id: 'ui/popup-close-control',
    clauses: ['7.3'],
    severity: 'warning',
    suppressible: true,
    confidence: 'medium',
    docs: { description: 'A custom pop-up layer (mask, modal, dialog, sheet) must have a control that closes it.' },
    messages: {
      noCloseControl: 'The pop-up layer <{{element}}> ({{how}}) has no control that closes it: nothing inside it or on its mask is tapped to close, cancel or acknowledge it, and no tap hides it. Users must always be able to close pop-ups (7.3).',
    },
  },
  create(context) {
    // A layer, its mask and its close control live in one template; the page's script (its
    // handlers) and stylesheets are read from there, so the result is cached with the template.
    return {
      bxml: {
        document() {
          const template = context.file;
          if (template?.kind !== 'bxml' || VENDOR_PATH.test(template.path)) return;
          for (const found of checkTemplate(context.project, template)) {
            context.report({ span: { start: found.element.start, end: found.element.openEnd }, messageId: 'noCloseControl', data: { element: found.label, how: found.how } });
          }
        },
      },
    };
  },
});

interface Candidate {
  element: BxmlElement;
  label: string;
  how: string;
  visibility?: Visibility;
  /** A toast: it is expected to go away by itself, so any code that hides it will do. */
  toast: boolean;
}

/** How many siblings on each side of a layer may be its mask. */
const NEAR = 8;

function checkTemplate(project: Project, template: BxmlFile): Candidate[] {
  const styles = new TemplateStyles(project, template.path);
  const candidates: Candidate[] = [];
  // Document order: an element inside a layer is inside the last (outermost) layer found.
  const inside = (element: BxmlElement) => {
    const last = candidates[candidates.length - 1];
    return !!last && element.start > last.element.start && element.start < last.element.end;
  };
  for (const element of elementsOf(template.document)) {
    if (inside(element)) continue;
    const candidate = popupLayer(element, styles);
    if (candidate) candidates.push(candidate);
  }
  if (!candidates.length) return [];
  // Only a template with a pop-up layer needs its page's script.
  const unit = unitOfTemplate(project, template.path);
  const graph = unit?.files.script ? graphOf(project, unit) : undefined;
  const componentTags = new Set(project.componentUses.filter((use) => !unit || use.from === unit.files.config || use.from === project.appConfigPath).map((use) => use.tag));
  const out: Candidate[] = [];
  const layers = new Set(candidates.map((candidate) => candidate.element));
  for (const candidate of candidates) {
    const scope = [candidate.element, ...companions(candidate, layers)];
    const verdict = closeVerdict(scope, candidate, graph, componentTags, project);
    if (verdict !== 'none') continue;
    if (candidate.visibility && graph && (autoDismissed(graph, candidate.visibility.keys) || (candidate.toast && clearedAnywhere(graph, candidate.visibility.keys)))) continue;
    out.push(candidate);
  }
  return out;
}

/**
 * The page's handler graph. Another file's walk may have built it this run, so the files it was
 * built from (the script, the modules its methods come from) are read here too: they are
 * dependencies of this template's cached result either way.
 */
function graphOf(project: Project, unit: { files: UnitFiles }): HandlerGraph {
  const graph = handlerGraph(project, unit);
  if (unit.files.script) project.textOf(unit.files.script);
  for (const method of graph.methods.values()) project.textOf(method.file.path);
  return graph;
}

/**
 * Whether a class or id names a pop-up layer itself, not a part of one: `van-popup--bottom` and
 * `promo-mask` do; `van-action-sheet__title` (a BEM element of the sheet) and `modal-title` do not.
 */
const namesLayer = memoize(computeNamesLayer, 8192);

function computeNamesLayer(name: string): boolean {
  const element = name.includes('__') ? name.slice(name.lastIndexOf('__') + 2) : name;
  const base = element.replace(/--.*$/, '');
  const words = wordsOf(base);
  if (!words.length || PART_WORDS.has(words[words.length - 1])) return false;
  return hasWord([base], POPUP_WORDS) !== undefined;
}

/** A container named like a pop-up that is shown conditionally or laid over the whole screen. */
function popupLayer(element: BxmlElement, styles: TemplateStyles): Candidate | undefined {
  if (!CONTAINERS.has(element.name)) return undefined;
  const { fixed, bound } = classNames(element);
  const id = idOf(element);
  const names = [...fixed, ...bound, ...(id ? [id] : [])];
  if (!names.some(namesLayer) || hasWord(names, TRANSIENT_WORDS)) return undefined;
  const visibility = visibilityOf(element);
  if (visibility && [...visibility.keys.keys()].some((key) => hasWord([key], TRANSIENT_WORDS))) return undefined;
  const overlay = isFullScreenOverlay(styles.declarationsOf(element, [...fixed, ...bound]));
  if (!visibility && !overlay) return undefined;
  const label = `${element.name}${fixed.length ? ` class="${fixed.join(' ')}"` : id ? ` id="${id}"` : ''}`;
  const how = visibility ? `shown by ${visibility.how}` : 'a full-screen fixed overlay';
  return { element, label, how, visibility, toast: hasWord(names, TOAST_WORDS) !== undefined };
}

/**
 * Elements that close the candidate from outside it: a sibling mask or layer shown by the same
 * condition (`<view class="mask" bn:if="{{show}}" bindtap="hide"/>` beside the dialog).
 */
function companions(candidate: Candidate, layers: ReadonlySet<BxmlElement>): BxmlElement[] {
  const siblings = candidate.element.parent.children;
  const at = siblings.indexOf(candidate.element);
  const keys = candidate.visibility ? [...candidate.visibility.keys.keys()] : [];
  const out: BxmlElement[] = [];
  const backdrop = hasWord(classNames(candidate.element).fixed, MASK_WORDS) !== undefined && !candidate.element.children.some((child) => child.type === 'element');
  // A mask sits next to its dialog: only near siblings are looked at (lists of layers can be long).
  for (const sibling of siblings.slice(Math.max(0, at - NEAR), at + NEAR + 1)) {
    if (sibling.type !== 'element' || sibling === candidate.element) continue;
    const visibility = visibilityOf(sibling);
    const shared = visibility && keys.some((key) => visibility.keys.has(key));
    // A mask beside the layer, not another dialog with a condition of its own.
    const mask = layers.has(sibling) && (!visibility || !candidate.visibility) && hasWord(classNames(sibling).fixed, MASK_WORDS) !== undefined;
    // An empty backdrop's dialog is the content beside it (`<view class="poster-mask"/><view class="poster-btn">…关闭…</view>`).
    const content = backdrop && !visibility;
    if (shared || mask || content) out.push(sibling);
  }
  return out;
}

function closeVerdict(scope: BxmlElement[], candidate: Candidate, graph: HandlerGraph | undefined, componentTags: ReadonlySet<string>, project: Project): Verdict {
  let unknown = false;
  const hidingKeys = candidate.visibility?.keys ?? new Map<string, HidingValue>();
  const labelled = closeLabels(scope);
  // Many elements often share one handler: follow each handler once.
  const hiding = new Map<string, boolean>();
  const handlerHides = (handler: string) => {
    let known = hiding.get(handler);
    if (known === undefined) hiding.set(handler, (known = graph!.reachableFrom(handler).some((reached) => hides(reached, hidingKeys, project))));
    return known;
  };
  for (const root of scope) {
    for (const element of [root, ...elementsOf(root)]) {
      if (element.name === 'slot' || element.name === 'include' || (element.name === 'template' && getAttribute(element, 'is'))) {
        unknown = true;
        continue;
      }
      if (element.name === 'navigator' && /^(navigateBack|exit)$/.test(staticAttributeValue(getAttribute(element, 'open-type')) ?? '')) return 'closes';
      if (componentTags.has(element.name)) {
        // A component inside the pop-up that raises a close event, or is a close button itself.
        if (isCloseName(element.name)) return 'closes';
        for (const attribute of element.attributes) {
          const event = eventOfAttribute(attribute.name);
          if (event && isCloseName(event)) return 'closes';
        }
      }
      for (const attribute of element.attributes) {
        const event = eventOfAttribute(attribute.name) ?? alipayEvent(attribute.name);
        if (!event || !TAP_EVENTS.has(event.toLowerCase()) || attribute.value === null) continue;
        const handler = attribute.value.trim();
        if (isCloseName(handler.replace(/\{\{|\}\}/g, ' ')) || labelled.has(element)) return 'closes';
        if (attribute.expressions.length || handler.includes('.') || !handler) {
          unknown = true;
          continue;
        }
        const method = graph?.methods.get(handler);
        if (!method) {
          if (!graph || !graph.complete) unknown = true;
          continue;
        }
        if (handlerHides(handler)) return 'closes';
      }
    }
  }
  return unknown ? 'unknown' : 'none';
}

/**
 * Which elements of a pop-up are labelled as close controls, themselves or through something in
 * them (text, aria-label, class, icon): one bottom-up pass, however deep the template nests.
 */
function closeLabels(roots: readonly BxmlElement[]): Set<BxmlElement> {
  const labelled = new Set<BxmlElement>();
  const order: BxmlElement[] = [];
  for (const root of roots) order.push(root, ...elementsOf(root));
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i];
    if (SCRIPT_ELEMENTS.has(element.name)) continue;
    if (ownCloseLabel(element) || element.children.some((child) => child.type === 'element' && labelled.has(child))) labelled.add(element);
  }
  return labelled;
}

function ownCloseLabel(element: BxmlElement): boolean {
  const text = element.children.map((child) => (child.type === 'text' ? child.data : ' ')).join('');
  if (text.length <= 200 && isCloseText(text)) return true;
  const { fixed, bound } = classNames(element);
  const id = idOf(element);
  if ([...fixed, ...bound, ...(id ? [id] : [])].some(isCloseName)) return true;
  for (const name of LABEL_ATTRIBUTES) {
    const value = staticAttributeValue(getAttribute(element, name));
    if (value && (isCloseText(value) || isCloseName(value) || (element.name === 'icon' && name === 'type' && /^(clear|cancel)$/.test(value)))) return true;
  }
  if (element.name === 'image' || element.name === 'cover-image') {
    const src = staticAttributeValue(getAttribute(element, 'src'));
    const file = src?.split(/[/?#]/).filter(Boolean).pop()?.replace(/\.[a-z0-9]+$/i, '').replace(/@\dx$/, '');
    if (file && (isCloseName(file) || /^(x|icon[-_]?x|ic[-_]?x)$/i.test(file))) return true;
  }
  return false;
}

/** Whether a method hides the layer: sets a key that shows it to a hiding value, navigates back, or tells the parent to close. */
function hides(method: MethodInfo, keys: ReadonlyMap<string, HidingValue>, project: Project): boolean {
  if (method.bnCalls.some((call) => call.name === 'navigateBack' || call.name === 'exitMiniProgram')) return true;
  let found = false;
  walkJs(method.fn.body as Node, {
    enter(node) {
      if (found) return false;
      if (node.type !== 'CallExpression') return;
      const callee = node.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      const name = callee.property.name;
      const first = node.arguments[0] as Node | undefined;
      if (name === 'triggerEvent') {
        const event = first?.type === 'StringLiteral' ? first.value : undefined;
        if (event === undefined || isCloseName(event)) found = true;
      } else if (name === 'setData' && first) {
        if (first.type !== 'ObjectExpression') found = true; // built elsewhere: cannot tell, assume it may hide
        else if (setsHidingValue(first, keys, method, project)) found = true;
      }
    },
  });
  return found;
}

function setsHidingValue(object: Extract<Node, { type: 'ObjectExpression' }>, keys: ReadonlyMap<string, HidingValue>, method: MethodInfo, project: Project): boolean {
  for (const property of object.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const value = property.value as Node;
    const truth = truthiness(value, method, project);
    if (property.computed) {
      if (truth === false) return true;
      continue;
    }
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
    if (!key) continue;
    const hiding = keys.get(key) ?? [...keys.entries()].find(([known]) => known.startsWith(`${key}.`) || key.startsWith(`${known}.`))?.[1];
    if (hiding !== undefined) {
      if (hiding === 'any' || truth === 'toggle' || truth === undefined) return true;
      if ((hiding === 'falsy' && truth === false) || (hiding === 'truthy' && truth === true)) return true;
      continue;
    }
    // The visibility key could not be matched (e.g. the layer is toggled through a wrapper): a show-like key set false.
    if (SHOW_KEY.test(key) && truth === false) return true;
  }
  return false;
}

/** A value's truthiness when known; 'toggle' for `!this.data.x`. */
function truthiness(value: Node, method: MethodInfo, project: Project): boolean | 'toggle' | undefined {
  if (value.type === 'UnaryExpression' && value.operator === '!') {
    const inner = value.argument;
    if (inner.type === 'BooleanLiteral' || inner.type === 'NumericLiteral') return !inner.value;
    return 'toggle';
  }
  const known = project.evaluator.evaluate(value, method.file);
  if (typeof known === 'symbol' || (typeof known === 'object' && known !== null)) return undefined;
  return Boolean(known);
}

/** The layer hides itself on a timer (a toast): `setTimeout(() => this.setData({ show: false }), 2000)`. */
function autoDismissed(graph: HandlerGraph, keys: ReadonlyMap<string, HidingValue>): boolean {
  const script = graph.script;
  if (!script?.ast || !keys.size) return false;
  let found = false;
  walkJs(script.ast, {
    enter(node) {
      if (found) return false;
      if (node.type !== 'CallExpression') return;
      const callee = node.callee;
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
      if (name !== 'setTimeout') return;
      const callback = node.arguments[0] as Node | undefined;
      if (!callback) return;
      const methods: MethodInfo[] = [];
      if (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') {
        methods.push({ name: '(timer)', fn: callback, file: script, calls: thisCalls(callback), bnCalls: [] });
      } else if (callback.type === 'MemberExpression' && callback.object.type === 'ThisExpression' && callback.property.type === 'Identifier') {
        methods.push(...graph.reachableFrom(callback.property.name));
      }
      for (const method of methods) {
        const reached = [method, ...method.calls.flatMap((call) => graph.reachableFrom(call))];
        if (reached.some((each) => setsKey(each, keys))) found = true;
      }
    },
  });
  return found;
}

/** Some method of the page sets one of the layer's keys (a toast cleared after a request, on hide…). */
function clearedAnywhere(graph: HandlerGraph, keys: ReadonlyMap<string, HidingValue>): boolean {
  return [...graph.methods.values()].some((method) => setsKey(method, keys));
}

/** Sets one of the layer's own keys (any value: a timer or a page event that changes it hides the layer). */
function setsKey(method: MethodInfo, keys: ReadonlyMap<string, HidingValue>): boolean {
  let found = false;
  walkJs(method.fn.body as Node, {
    enter(node) {
      if (found) return false;
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier' || node.callee.property.name !== 'setData') return;
      const first = node.arguments[0];
      if (first?.type !== 'ObjectExpression') return;
      for (const property of first.properties) {
        if (property.type !== 'ObjectProperty' || property.computed) continue;
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
        if (key && (keys.has(key) || [...keys.keys()].some((known) => known.startsWith(`${key}.`)))) found = true;
      }
    },
  });
  return found;
}

function thisCalls(fn: Node): string[] {
  const out: string[] = [];
  walkJs(fn, {
    enter(node) {
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'ThisExpression' && node.callee.property.type === 'Identifier') out.push(node.callee.property.name);
    },
  });
  return out;
}

/**
 * An Alipay-dialect binding (`onTap="close"`): it never fires on Binance, but that is one problem of
 * the whole template (the binding), reported where bindings are checked; here it still shows the
 * pop-up was given a close control.
 */
function alipayEvent(name: string): string | undefined {
  return /^(?:on|catch)([A-Z][A-Za-z]*)$/.exec(name)?.[1];
}
