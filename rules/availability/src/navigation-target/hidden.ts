import {
  PAGE_LIFECYCLE, OTHER_HOOKS, isBinanceMember, type BnApiIndex, type BxmlElement, type JsNode as Node, type ScopeIndex,
} from '@bmplint/core';

/**
 * Whether a navigation can only run from markup that never renders: a page's rows shown under
 * `bn:if="{{openid}}"` or `bn:for="{{todoList}}"`, when the page's script never gives that data a
 * value, or gives it one only in the callbacks of an API the platform does not have (`bn.cloud`:
 * the call throws before any callback runs). The pieces are facts of single files, so the rule
 * stays cacheable: the template records which data gates each handler binding and navigator
 * (`gates`), the page script what it writes to each data key (`DataFact`), and the project hook
 * puts them together (`hiddenBy`).
 */

/**
 * A condition that hides an element while its page data key is empty: `if:key` (`bn:if="{{key}}"`,
 * hidden while the key is falsy) or `for:key` (`bn:for="{{key}}"`, `bn:if="{{key.length}}"`:
 * hidden while it is also an empty list).
 */
export type Gate = `${'if' | 'for'}:${string}`;

/** What a page script writes to its data, recorded once per key and kind. */
export type DataFact =
  /** The script registers the page with a plain object: its data keys are the ones written below. */
  | { t: 'page' }
  /** Some write has a key not known statically, or the page object may get data from elsewhere: any key may be set. */
  | { t: 'anyData' }
  /** A write that can run: an empty value (`''`, `null`, `false`, `0`), an empty list or object, or any other value. */
  | { t: 'sets'; key: string; value: 'falsy' | 'empty' | 'value' }
  /** A write that runs only in a callback of a call through `bn.<api>`, an API Binance does not have. */
  | { t: 'setsVia'; key: string; api: string }
  /** `bn.<name> = …`: the app defines the name itself, so calls through it work. */
  | { t: 'assigns'; name: string }
  /** `Page = function (options) { … }`: the app wraps page registration, which may give every page data. */
  | { t: 'wrapsPage' }
  /**
   * A key written into another page's or component's data (`prevPage.setData({ list })` after
   * `getCurrentPages()`), or by the user through a two-way binding (`model:value="{{key}}"`): it may
   * get a value on any page. `*` when the keys are not known.
   */
  | { t: 'setsFromOutside'; key: string };

const CONDITION = /^bn:(?:if|elif)$/;
const LOOP = 'bn:for';

/** At most this many gates and loop names are followed per element: past it, a gate is dropped (the markup may show), a loop makes all unknown. */
const MAX_NAMES = 16;

/** What an element inherits from its ancestors: their gates, and the names their loops bind (null when unknown). */
interface GateState {
  gates: readonly Gate[];
  loopNames: readonly string[] | null;
}

/** Per element, computed once from its parent's: a template 10,000 elements deep costs linear time. */
const states = new WeakMap<BxmlElement, GateState>();
const UNKNOWN_STATE: GateState = { gates: [], loopNames: null };
const ROOT_STATE: GateState = { gates: [], loopNames: [] };

/**
 * The gates of an element: the conditions on it and its ancestors that test page data. Names bound
 * by a loop on the way (`item`, `bn:for-item="row"`) are the loop's, not the page's; inside a
 * `<template name>` the names are the caller's data, so nothing is known.
 */
export function gatesOf(element: BxmlElement): Gate[] {
  return [...stateOf(element).gates];
}

function stateOf(element: BxmlElement): GateState {
  const path: BxmlElement[] = [];
  let state: GateState | undefined;
  for (let at: BxmlElement | undefined = element; at; at = at.parent.type === 'element' ? at.parent : undefined) {
    state = states.get(at);
    if (state) break;
    path.push(at);
  }
  // From the outermost element not yet known down to `element`.
  state ??= ROOT_STATE;
  for (let index = path.length - 1; index >= 0; index--) {
    state = ownState(path[index]!, state);
    states.set(path[index]!, state);
  }
  return state;
}

function ownState(element: BxmlElement, parent: GateState): GateState {
  if (element.name === 'template' || parent.loopNames === null) return UNKNOWN_STATE;
  let loopNames = parent.loopNames;
  if (element.attributes.some((attribute) => attribute.name === LOOP)) {
    loopNames = [...loopNames, staticOf(element, 'bn:for-item') ?? 'item', staticOf(element, 'bn:for-index') ?? 'index'];
    if (loopNames.length > MAX_NAMES) return UNKNOWN_STATE;
  }
  const gates = [...parent.gates];
  for (const attribute of element.attributes) {
    const [expression] = attribute.expressions;
    if (attribute.expressions.length !== 1 || !expression?.ast || attribute.value?.trim() !== attribute.value?.slice(expression.start - attribute.valueStart, expression.end - attribute.valueStart).trim()) continue;
    const found = attribute.name === LOOP ? (expression.ast.type === 'Identifier' ? [`for:${expression.ast.name}` as Gate] : []) : CONDITION.test(attribute.name) ? conditionGates(expression.ast) : [];
    for (const gate of found) {
      if (gates.length < MAX_NAMES && !gates.includes(gate) && !loopNames.includes(gate.slice(gate.indexOf(':') + 1))) gates.push(gate);
    }
  }
  return gates.length === parent.gates.length && loopNames === parent.loopNames ? parent : { gates, loopNames };
}

function staticOf(element: BxmlElement, name: string): string | undefined {
  const attribute = element.attributes.find((candidate) => candidate.name === name);
  return attribute && !attribute.expressions.length ? attribute.value?.trim() || undefined : undefined;
}

/** `key`, `!!key`, `key.length`, `key.length > 0` and each side of `a && b`: all false while the key is empty. */
function conditionGates(node: Node): Gate[] {
  if (node.type === 'Identifier') return [`if:${node.name}`];
  if (node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'UnaryExpression' && node.argument.operator === '!') return conditionGates(node.argument.argument);
  if (node.type === 'LogicalExpression' && node.operator === '&&') return [...conditionGates(node.left), ...conditionGates(node.right)];
  const length = node.type === 'BinaryExpression' && (node.operator === '>' || node.operator === '!==' || node.operator === '!=') && node.right.type === 'NumericLiteral' && node.right.value === 0 ? node.left : node;
  if (length.type === 'MemberExpression' && !length.computed && length.property.type === 'Identifier' && length.property.name === 'length' && length.object.type === 'Identifier') return [`for:${length.object.name}`];
  return [];
}

/** A page method that only its template can start: not a lifecycle or framework hook. */
export function isHandlerMethod(name: string): boolean {
  return !PAGE_LIFECYCLE.has(name) && !OTHER_HOOKS.has(name) && !/^on[A-Z]/.test(name);
}

const MAX_PAGE_DEPTH = 16;

/**
 * The Page method a node runs in: the property of the object literal passed to `Page(…)` whose
 * function holds it (the outermost one, so a callback inside the method counts as the method).
 */
export function pageMethodOf(ancestors: readonly Node[]): string | undefined {
  // `Page({…})` sits near the top of a page script: code deeper than this is not taken for a method.
  for (let index = 0; index + 2 < Math.min(ancestors.length, MAX_PAGE_DEPTH); index++) {
    const call = ancestors[index]!;
    const object = ancestors[index + 1]!;
    const property = ancestors[index + 2]!;
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'Page' || call.arguments[0] !== object) continue;
    if (property.type === 'ObjectMethod' && !property.computed && property.key.type === 'Identifier') return property.key.name;
    const value = property.type === 'ObjectProperty' ? property.value : undefined;
    if (property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && (value?.type === 'FunctionExpression' || value?.type === 'ArrowFunctionExpression') && ancestors[index + 3] === value) return property.key.name;
    return undefined;
  }
  return undefined;
}

/** How many variables a chain is followed through (`const db = …; const todos = db.collection(…)`). */
const MAX_DEPTH = 8;

/**
 * The missing API a call goes through, when its callee is reached from one (`bn.cloud.database()
 * .collection('todos').get`, or `db.collection(…)` after `const db = bn.cloud.database()`):
 * evaluating it throws, so no callback passed to it ever runs.
 */
export function missingApiOf(node: Node, index: BnApiIndex, scope: ScopeIndex, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
      return missingApiOf(node.callee, index, scope, depth);
    case 'AwaitExpression':
      return missingApiOf(node.argument, index, scope, depth);
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const access = index.access(node);
      if (access && 'name' in access) return isMissing(access.name) ? access.name : undefined;
      return missingApiOf(node.object, index, scope, depth);
    }
    case 'Identifier': {
      const alias = index.aliasName(node);
      if (alias) return isMissing(alias) ? alias : undefined;
      if (scope.reassigned.has(node.name)) return undefined;
      const source = scope.lookup(node.name, node.start ?? 0)?.source;
      const init = source?.kind === 'init' || source?.kind === 'mutable' ? source.init : undefined;
      return init ? missingApiOf(init, index, scope, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function isMissing(name: string): boolean {
  return !isBinanceMember(name) && !name.startsWith('_');
}

const MAX_CALLBACK_DEPTH = 16;

/**
 * The missing API whose callback a node runs in: a function (or a method of an options object)
 * passed to a call that goes through an API the platform lacks. Undefined when it can run.
 */
export function deadCallbackApi(ancestors: readonly Node[], index: BnApiIndex, scope: ScopeIndex): string | undefined {
  // The nearest enclosing functions only: a write nested deeper than this counts as one that runs.
  let functions = 0;
  for (let at = ancestors.length - 1; at > 0 && functions < MAX_CALLBACK_DEPTH; at--) {
    const fn = ancestors[at]!;
    let argument: Node | undefined;
    let call: Node | undefined;
    if (fn.type === 'ObjectMethod') {
      [argument, call] = [ancestors[at - 1], ancestors[at - 2]];
    } else if (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') {
      // Passed directly (`.then(res => …)`), or as a member of an options object (`{ success: res => … }`).
      const parent = ancestors[at - 1];
      [argument, call] = parent?.type === 'ObjectProperty' ? [ancestors[at - 2], ancestors[at - 3]] : [fn, parent];
    }
    if (argument) functions++;
    if (!argument || (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || !call.arguments.includes(argument as never)) continue;
    const api = missingApiOf(call, index, scope);
    if (api) return api;
  }
  return undefined;
}

/** The value kind a write gives a key: what an empty key hides is decided from it. */
export function valueKind(node: Node): 'falsy' | 'empty' | 'value' {
  switch (node.type) {
    case 'StringLiteral':
      return node.value ? 'value' : 'falsy';
    case 'NumericLiteral':
      return node.value ? 'value' : 'falsy';
    case 'BooleanLiteral':
      return node.value ? 'value' : 'falsy';
    case 'NullLiteral':
      return 'falsy';
    case 'Identifier':
      return node.name === 'undefined' ? 'falsy' : 'value';
    case 'ArrayExpression':
      return node.elements.length ? 'value' : 'empty';
    case 'ObjectExpression':
      return node.properties.length ? 'value' : 'empty';
    case 'TemplateLiteral':
      return node.expressions.length || node.quasis.some((quasi) => quasi.value.cooked) ? 'value' : 'falsy';
    default:
      return 'value';
  }
}

/**
 * The data key a property of a `setData` object writes: `todoList`, `'todoList'`, and the root of a
 * path (`'todoList[0].done'`, `` [`todoList[${i}].done`] ``, `['todoList[' + i + ']']`), with
 * whether it writes into the key (`path`). Undefined when the key is computed from something else.
 */
export function dataKeyOf(property: Node): { key: string; path: boolean } | undefined {
  if (property.type !== 'ObjectProperty' && property.type !== 'ObjectMethod') return undefined;
  const key = property.key;
  if (!property.computed) {
    if (key.type === 'Identifier') return { key: key.name, path: false };
    if (key.type === 'StringLiteral') return rootOf(key.value, true);
    if (key.type === 'NumericLiteral') return { key: String(key.value), path: false };
    return undefined;
  }
  if (key.type === 'StringLiteral') return rootOf(key.value, true);
  if (key.type === 'TemplateLiteral') return rootOf(key.quasis[0]!.value.cooked ?? '', !key.expressions.length);
  let left: Node = key;
  while (left.type === 'BinaryExpression' && left.operator === '+') left = left.left;
  return left !== key && left.type === 'StringLiteral' ? rootOf(left.value, false) : undefined;
}

/** `todoList[0].done` → `todoList`, a path; a prefix that has not reached a `.` or `[` names no key yet. */
function rootOf(text: string, whole: boolean): { key: string; path: boolean } | undefined {
  const end = text.search(/[.[]/);
  if (end > 0) return { key: text.slice(0, end), path: true };
  return whole && text ? { key: text, path: false } : undefined;
}

/** How a page hides the markup behind `gates`: the gate and why, or undefined when it may show. */
export interface Hidden {
  key: string;
  /** The missing API whose callbacks are the only writes of the key; undefined when nothing writes it. */
  api?: string;
}

/**
 * Which of `gates` keeps the markup hidden, from the page script's data facts: the script
 * registers the page with a plain object, writes no key it does not name, and gives the key no
 * value that shows the markup (a falsy value hides an `if` gate; an empty list also hides a `for`
 * gate) except in callbacks of APIs the platform lacks and the app does not define (`assigned`),
 * and nothing outside the script writes the key (`written`: another page's `setData`, a two-way
 * binding; `pageWrapped`: the app replaces `Page` with a function that may add data).
 */
export function hiddenBy(gates: readonly Gate[], facts: readonly DataFact[], outside: { assigned: ReadonlySet<string>; written: ReadonlySet<string>; pageWrapped: boolean }): Hidden | undefined {
  const { assigned, written } = outside;
  if (outside.pageWrapped || !facts.some((fact) => fact.t === 'page') || facts.some((fact) => fact.t === 'anyData') || written.has('*')) return undefined;
  for (const gate of gates) {
    const split = gate.indexOf(':');
    const kind = gate.slice(0, split);
    const key = gate.slice(split + 1);
    let api: string | undefined;
    let shows = written.has(key);
    for (const fact of facts) {
      if (fact.t === 'sets' && fact.key === key) shows ||= fact.value === 'value' || (fact.value === 'empty' && kind === 'if');
      else if (fact.t === 'setsVia' && fact.key === key) {
        if (assigned.has(fact.api)) shows = true;
        else api ??= fact.api;
      }
    }
    if (!shows) return { key, api };
  }
  return undefined;
}
