import {
  attributeKey, defineRule, elementsOf, eventOfAttribute, flowOf, handlerGraph, isFunction, keyName, memberName, optionValue, scanFiles, sourceText, unwrap, walkJs,
  type BnCall, type ScanContext, type StaticEvaluator, type BxmlFile, type Flow, type ParsedFile, type Fn, type FnRef, type JsFile, type Node, type NodeOf, type Project, type Site,
} from '@bmplint/core';
import { isVisibleAttribute } from '../text-sources.js';

/** `bn` APIs that send data to a server. */
const SENDING_APIS = new Set(['request', 'uploadFile']);
/** Endpoint path words of publishing: the server will show what is sent to other users. */
const PUBLISH_WORDS = new Set([
  'post', 'posts', 'comment', 'comments', 'reply', 'replies', 'review', 'reviews', 'message', 'messages', 'msg', 'chat', 'chats',
  'publish', 'upload', 'uploads', 'feed', 'feeds', 'moment', 'moments', 'tweet', 'tweets', 'thread', 'threads', 'danmaku',
]);
/** Text inputs whose value is what the user writes. */
const TEXT_INPUTS = new Set(['input', 'textarea', 'editor', 'deprecated-input']);
const JSX_TEXT_INPUTS = new Set(['Input', 'Textarea', 'TextArea', 'Editor', 'input', 'textarea']);
const INPUT_EVENTS = new Set(['input', 'change', 'blur', 'confirm']);
/** Words of a moderation step (function or endpoint). */
const MODERATION_WORDS = new Set([
  'moderate', 'moderation', 'moderated', 'moderator', 'censor', 'censored', 'censorship', 'sensitive', 'spam', 'antispam',
  'profanity', 'profane', 'badword', 'badwords', 'audit', 'seccheck',
]);
const MODERATION_TEXT = /(sec|content|text|msg|img|image|media|word|words)_?check|check_?(content|text|msg|words?|sensitive|image|img)|审核|敏感|过滤/i;
/** Wording of a report/complaint entry. */
const REPORT_TEXT = /(?<![\p{L}\p{N}])(report|reports|reporting|complain|complains|complaint|complaints|feedback)(?![\p{L}\p{N}])|举报|投诉|反馈/iu;
const REPORT_WORDS = new Set(['report', 'reports', 'complain', 'complaint', 'complaints', 'feedback', 'tipoff']);
/** `reportAnalytics`, `reportEvent`: telemetry, not a complaint entry. */
const TELEMETRY_WORDS = new Set(['analytics', 'event', 'events', 'click', 'exposure', 'log', 'logs', 'stat', 'stats', 'error', 'errors', 'perf', 'performance', 'track', 'tracking', 'metric', 'metrics', 'crash', 'monitor']);
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
const MAX_TRACE = 6;
/** Expressions traced for one request at most: callers of callers can fan out. */
const MAX_TRACE_STEPS = 200;

interface Budget {
  left: number;
}

/** `onContentInput` → `on content input`. */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Words of a URL's path and query. */
function pathWords(url: string): string[] {
  return wordsOf(url.replace(/[a-z][a-z0-9+.-]*:\/\/[^/?#\s…]*/gi, ' '));
}

export function isModerationName(name: string): boolean {
  if (MODERATION_TEXT.test(name)) return true;
  const words = wordsOf(name);
  // `list.filter(…)` is an array method; `filterText`, `filterSensitiveWords` are checks.
  return words.some((word) => MODERATION_WORDS.has(word)) || (words.includes('filter') && words.length > 1);
}

export function isReportName(name: string): boolean {
  const words = wordsOf(name);
  return words.some((word) => REPORT_WORDS.has(word)) && !words.some((word) => TELEMETRY_WORDS.has(word));
}

/** A moderation endpoint (`/security/msgSecCheck`, `/moderation/text`). */
export function isModerationUrl(url: string): boolean {
  return isModerationName(url) || pathWords(url).some((word) => MODERATION_WORDS.has(word));
}

/** An endpoint that publishes (and is not itself a moderation check). */
export function isPublishingUrl(url: string): boolean {
  return pathWords(url).some((word) => PUBLISH_WORDS.has(word)) && !isModerationUrl(url);
}

interface Request {
  file: JsFile;
  call: BnCall;
  ancestors: readonly Node[];
}

/** Where the user's text lives: page data keys bound to inputs, React state set from inputs. */
interface Inputs {
  keys: Set<string>;
  states: Set<string>;
  /** Whether the app has any text input at all. */
  any: boolean;
}

type Source = { kind: 'input'; what: string } | { kind: 'unresolved' } | undefined;

export default defineRule({
  meta: {
    id: 'content/ugc-moderation',
    clauses: ['3.2.2', '3.2.3'],
    severity: 'warning',
    suppressible: true,
    treesRead: ['js', 'bxml'],
    confidence: 'medium',
    docs: {
      description: 'Apps that publish what users write (an input or textarea posted to a post/comment/message endpoint) need a filtering step before publishing and a report/complaint entry.',
    },
    messages: {
      noFilter: '{{api}} publishes user-generated content ({{what}} to {{endpoint}}) with no filtering step on its path: check it for pornographic, violent, offensive or discriminatory content first (a moderation or sensitive-word check, or a content-check endpoint) (3.2.2).',
      noReport: '{{api}} publishes user-generated content ({{what}} to {{endpoint}}), but the app has no report or complaint entry (no "Report", "举报", "投诉" or "Feedback" control): users need a way to complain about inappropriate content (3.2.3).',
    },
  },
  create(context) {
    return {
      project(project) {
        // Each script's publishing requests, found once per file content (see publishingRequests).
        const candidates = scanFiles(project, 'content/publishing-requests', publishingRequests).flatMap((scan) => scan.value);
        if (!candidates.length) return;
        const flow = flowOf(project);
        const inputs = collectInputs(project);
        const graph = callGraph(flow);
        const moderation = new ModerationIndex(project, flow);
        const filtered = filteredRequests(flow);
        const hasReport = hasReportEntry(project);
        for (const request of candidates) {
          const source = userContent(project, request, inputs, graph);
          if (!source || (source.kind === 'unresolved' && !inputs.any)) continue;
          const confidence = source.kind === 'unresolved' ? 'low' as const : undefined;
          const api = request.call.spelling === 'alias' ? `${request.call.name}()` : `bn.${request.call.name}`;
          const data = { api, endpoint: shorten(request.url), what: source.kind === 'input' ? source.what : 'data that may come from an input' };
          const enclosing = [...request.ancestors].reverse().find(isFunction);
          const isFiltered = filtered.get(request.call.node) ?? (enclosing ? moderation.has({ file: request.file, fn: enclosing, name: 'request' }) : false);
          if (!isFiltered) context.report({ file: request.file.path, node: request.call.node, messageId: 'noFilter', data, confidence });
          if (!hasReport) context.report({ file: request.file.path, node: request.call.node, messageId: 'noReport', data, confidence });
        }
      },
    };
  },
});

/** A request that may publish: sends data (not a GET) to an endpoint whose path reads as publishing. */
type Candidate = Request & { url: string };

/**
 * The `bn.request` / `bn.uploadFile` calls of one script that may publish. A script that cannot
 * hold such a call (no `request` or `uploadFile` in its text) is not walked.
 */
function publishingRequests(file: ParsedFile, context: ScanContext): Candidate[] | undefined {
  if (file.kind !== 'js' || !file.ast || VENDOR_PATH.test(file.path) || !(file.text.includes('request') || file.text.includes('uploadFile'))) return undefined;
  const bn = context.bnApi(file);
  if (!bn) return undefined;
  const found: Request[] = [];
  walkJs(file.ast, {
    enter(node, ancestors) {
      if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
      const call = bn.call(node as NodeOf<'CallExpression'>);
      // A `bn.request` without a method is a GET (see isReadOnly): it never publishes, whatever its URL.
      if (call && SENDING_APIS.has(call.name) && (call.name !== 'request' || optionValue(call.options, 'method'))) found.push({ file, call, ancestors: [...ancestors] });
    },
  });
  // The method first: a literal 'GET' costs nothing, a URL may need constants from other files.
  const candidates = found
    .filter((request) => !isReadOnly(context.evaluator, request))
    .map((request) => ({ ...request, url: urlOf(context.evaluator, request) }))
    .filter((request) => isPublishingUrl(request.url));
  return candidates.length ? candidates : undefined;
}

function urlOf(evaluator: StaticEvaluator, request: Request): string {
  const url = optionValue(request.call.options, 'url');
  if (!url) return '';
  const known = evaluator.stringPrefix(url, request.file);
  if (known.value !== undefined) return known.value;
  const parts: string[] = [known.prefix];
  walkJs(url, {
    enter(child) {
      if (child.type === 'StringLiteral') parts.push(child.value);
      else if (child.type === 'TemplateElement') parts.push(child.value.cooked ?? child.value.raw);
    },
  });
  return parts.filter(Boolean).join('…');
}

/** A `GET` (or `HEAD`) request only reads a feed or messages. */
function isReadOnly(evaluator: StaticEvaluator, request: Request): boolean {
  if (request.call.name !== 'request') return false;
  const method = optionValue(request.call.options, 'method');
  const value = method ? evaluator.evaluate(method, request.file) : 'GET';
  return typeof value === 'string' && /^(get|head|options)$/i.test(value);
}

// -------------------------------------------------------------------------------------------------
// Where user input is

function collectInputs(project: Project): Inputs {
  const inputs: Inputs = { keys: new Set(), states: new Set(), any: false };
  const units = [...project.pages.map((page) => page.files), ...project.componentUses.map((use) => use.files)];
  const seen = new Set<string>();
  for (const files of units) {
    if (!files.template || seen.has(files.template)) continue;
    seen.add(files.template);
    const template = project.parsed(files.template);
    if (template?.kind !== 'bxml' || !hasTextInput(template)) continue;
    const graph = handlerGraph(project, { files });
    for (const element of elementsOf(template.document)) {
      if (!TEXT_INPUTS.has(element.name)) continue;
      inputs.any = true;
      for (const attribute of element.attributes) {
        if (attribute.name === 'value' || attribute.name === 'model:value') {
          for (const expression of attribute.expressions) if (expression.ast) addRoot(inputs.keys, expression.ast);
        }
        const event = eventOfAttribute(attribute.name);
        if (!event || !INPUT_EVENTS.has(event.toLowerCase()) || !attribute.value) continue;
        const method = graph.methods.get(attribute.value.trim());
        if (method) keysSetFromEvent(method.file, method.fn, inputs.keys);
      }
    }
  }
  for (const path of project.paths) {
    if (project.kindOf(path) !== 'js' || VENDOR_PATH.test(path) || !/\.[jt]sx$/.test(path)) continue;
    const file = project.jsFile(path);
    if (!file?.ast) continue;
    const own = jsxInputsOf(file);
    inputs.any ||= own.any;
    for (const key of own.keys) inputs.keys.add(key);
    for (const state of own.states) inputs.states.add(state);
  }
  return inputs;
}

const textInputs = new WeakMap<BxmlFile, boolean>();

/** Whether a template has a text input, looked for once per parsed file. */
function hasTextInput(template: BxmlFile): boolean {
  let found = textInputs.get(template);
  if (found === undefined) {
    found = false;
    for (const element of elementsOf(template.document)) if (TEXT_INPUTS.has(element.name)) found = true;
    textInputs.set(template, found);
  }
  return found;
}

const jsxInputsByScript = new WeakMap<JsFile, Inputs>();

/** A JSX module's own inputs, found once per parsed file. */
function jsxInputsOf(file: JsFile): Inputs {
  let found = jsxInputsByScript.get(file);
  if (!found) {
    found = { keys: new Set(), states: new Set(), any: false };
    jsxInputs(file, found);
    jsxInputsByScript.set(file, found);
  }
  return found;
}

/** `{{content}}`, `{{form.content}}` → the page data key. */
function addRoot(keys: Set<string>, node: Node): void {
  let current = unwrap(node);
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') current = unwrap(current.object);
  if (current.type === 'Identifier') keys.add(current.name);
}

/** Data keys an input handler stores the event's value in (`setData({ content: e.detail.value })`, `this.data.x = …`). */
function keysSetFromEvent(file: JsFile, fn: Fn, keys: Set<string>): void {
  const fromEvent = (node: Node) => /\bdetail\b/.test(sourceText(file, node));
  walkJs(fn, {
    enter(node) {
      if (node.type === 'CallExpression' && memberName(node.callee) === 'setData' && node.arguments[0]?.type === 'ObjectExpression') {
        for (const property of node.arguments[0].properties) {
          const key = property.type === 'ObjectProperty' ? keyName(property) : undefined;
          if (key && property.type === 'ObjectProperty' && fromEvent(property.value)) keys.add(key.split(/[.[]/)[0]);
        }
      } else if (node.type === 'AssignmentExpression' && (node.left.type === 'MemberExpression') && fromEvent(node.right)) {
        const name = memberName(node.left);
        if (name) keys.add(name);
      }
    },
  });
}

/** React: `<Input value={text} onInput={(e) => setText(e.detail.value)} />`. */
function jsxInputs(file: JsFile, inputs: Inputs): void {
  walkJs(file.ast!, {
    enter(node) {
      if (node.type !== 'JSXOpeningElement' || node.name.type !== 'JSXIdentifier' || !JSX_TEXT_INPUTS.has(node.name.name)) return;
      inputs.any = true;
      for (const attribute of node.attributes) {
        if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.value?.type !== 'JSXExpressionContainer') continue;
        const expression = attribute.value.expression;
        if (expression.type === 'JSXEmptyExpression') continue;
        const name = attribute.name.name;
        if (name === 'value') {
          if (expression.type === 'Identifier') inputs.states.add(expression.name);
          else addRoot(inputs.keys, expression);
        } else if (/^on(Input|Change|Blur|Confirm)$/.test(name)) {
          walkJs(expression, {
            enter(inner) {
              if (inner.type !== 'CallExpression') return;
              const callee = inner.callee;
              if (callee.type === 'Identifier' && /^set[A-Z]/.test(callee.name)) inputs.states.add(callee.name.charAt(3).toLowerCase() + callee.name.slice(4));
              if (memberName(callee) === 'setState' && inner.arguments[0]?.type === 'ObjectExpression') {
                for (const property of inner.arguments[0].properties) {
                  const key = property.type === 'ObjectProperty' ? keyName(property) : undefined;
                  if (key) inputs.states.add(key);
                }
              }
            },
          });
        }
      }
    },
  });
}

// -------------------------------------------------------------------------------------------------
// Does the request send what the user wrote?

interface CallGraph {
  /** Call sites of each function reached from a trigger. */
  callers: Map<Fn, Array<Extract<Site, { kind: 'call' }>>>;
  /** Event handlers and lifecycle hooks: the framework calls them with an event or route options, not user text. */
  triggers: Set<Fn>;
}

function callGraph(flow: Flow): CallGraph {
  const callers = new Map<Fn, Array<Extract<Site, { kind: 'call' }>>>();
  const seen = new Set<Fn>();
  const queue: FnRef[] = flow.triggers().map((trigger) => trigger.fn);
  const triggers = new Set(queue.map((ref) => ref.fn));
  for (let i = 0; i < queue.length; i++) {
    const ref = queue[i];
    if (seen.has(ref.fn)) continue;
    seen.add(ref.fn);
    for (const site of flow.sites(ref)) {
      if (site.kind !== 'call') continue;
      const list = callers.get(site.target.fn) ?? [];
      list.push(site);
      callers.set(site.target.fn, list);
      queue.push(site.target);
    }
  }
  return { callers, triggers };
}

function userContent(project: Project, request: Request, inputs: Inputs, graph: CallGraph): Source {
  const { call, file } = request;
  if (call.name === 'uploadFile') return optionValue(call.options, 'filePath') ? { kind: 'input', what: 'a file the user chose' } : undefined;
  const data = optionValue(call.options, 'data');
  if (!data) return undefined;
  return trace(project, data, file, inputs, graph, { left: MAX_TRACE_STEPS }, 0);
}

/** Whether an expression carries user input: follows consts, destructuring and (through the call graph) parameters. */
function trace(project: Project, root: Node, file: JsFile, inputs: Inputs, graph: CallGraph, budget: Budget, depth: number): Source {
  // Too far to follow: say so (low confidence) rather than drop it.
  if (depth > MAX_TRACE || budget.left-- <= 0) return { kind: 'unresolved' };
  let result: Source;
  const merge = (source: Source) => {
    if (source?.kind === 'input') result = source;
    else if (source && !result) result = source;
  };
  const scope = project.scopeOf(file);
  walkJs(root, {
    enter(node, ancestors) {
      if (result?.kind === 'input') return false;
      if (node !== root && isFunction(node)) return false;
      if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
        const text = sourceText(file, node);
        if (/\bdetail\.value\b/.test(text)) {
          merge({ kind: 'input', what: 'the value of an input event' });
          return false;
        }
        const path = memberChain(node);
        if (path && (path.root === 'this' || isThisAlias(project, file, path.root, node))) {
          const key = path.names[0] === 'data' ? path.names[1] : path.names[0];
          if (key && inputs.keys.has(key)) merge({ kind: 'input', what: `the input bound to "${key}"` });
          return false;
        }
        // `form.content`: check the root name.
        return;
      }
      if (node.type !== 'Identifier') return;
      const parent = ancestors[ancestors.length - 1];
      if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
      if (parent?.type === 'ObjectProperty' && parent.key === node && !parent.shorthand && !parent.computed) return;
      if (inputs.states.has(node.name)) {
        merge({ kind: 'input', what: `the input state "${node.name}"` });
        return;
      }
      const binding = scope?.lookup(node.name, node.start ?? 0);
      const source = binding?.source;
      if (!source) return;
      if (source.kind === 'init') merge(trace(project, source.init, file, inputs, graph, budget, depth + 1));
      else if (source.kind === 'mutable' && source.init) merge(trace(project, source.init, file, inputs, graph, budget, depth + 1));
      else if (source.kind === 'destructured') {
        const from = unwrap(source.from);
        const chain = from.type === 'MemberExpression' ? memberChain(from) : undefined;
        if (/\bdetail\b/.test(sourceText(file, from))) merge({ kind: 'input', what: `the form value "${source.key}"` });
        else if (chain && (chain.root === 'this' || isThisAlias(project, file, chain.root, from)) && chain.names.join('.') === 'data') {
          if (inputs.keys.has(source.key)) merge({ kind: 'input', what: `the input bound to "${source.key}"` });
        } else merge(trace(project, from, file, inputs, graph, budget, depth + 1));
      } else if (source.kind === 'param') {
        merge(traceParam(project, node.name, binding!.scopeStart, file, inputs, graph, budget, depth));
      }
    },
  });
  return result;
}

/** A parameter: what the callers found in the flow pass for it; unresolved when there are none. */
function traceParam(project: Project, name: string, scopeStart: number, file: JsFile, inputs: Inputs, graph: CallGraph, budget: Budget, depth: number): Source {
  let owner: Fn | undefined;
  walkJs(file.ast!, {
    enter(node) {
      if (owner) return false;
      if (isFunction(node) && node.start === scopeStart) owner = node;
    },
  });
  if (!owner) return { kind: 'unresolved' };
  const index = owner.params.findIndex((param) => paramNames(param).includes(name));
  const sites = graph.callers.get(owner) ?? [];
  // A handler's event (`e.currentTarget.dataset.id`) or a hook's options: `e.detail.value` is checked where it is read.
  if (!sites.length && (graph.triggers.has(owner) || registeredMethods(file).has(owner))) return undefined;
  if (!sites.length || index < 0) return { kind: 'unresolved' };
  let result: Source;
  for (const site of sites) {
    const call = site.node;
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue;
    const argument = call.arguments[index];
    if (!argument || argument.type === 'SpreadElement') continue;
    const source = trace(project, argument, site.owner.file, inputs, graph, budget, depth + 1);
    if (source?.kind === 'input') return source;
    result ??= source;
  }
  return result;
}

const registered = new WeakMap<JsFile, Set<Node>>();

/** Functions of a `Page({…})`/`Component({…})` object (and its `methods`): the framework calls them with events. */
function registeredMethods(file: JsFile): Set<Node> {
  let out = registered.get(file);
  if (out) return out;
  const found = new Set<Node>();
  registered.set(file, (out = found));
  const add = (object: Node) => {
    if (object.type !== 'ObjectExpression') return;
    for (const property of object.properties) {
      if (property.type === 'ObjectMethod') found.add(property);
      else if (property.type === 'ObjectProperty') {
        const value = unwrap(property.value);
        if (isFunction(value)) found.add(value);
        else if (keyName(property) === 'methods') add(value);
      }
    }
  };
  if (file.ast) {
    walkJs(file.ast, {
      enter(node) {
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && /^(Page|Component|App)$/.test(node.callee.name) && node.arguments[0]) add(node.arguments[0]);
      },
    });
  }
  return out;
}

function paramNames(param: Node): string[] {
  const node = param.type === 'AssignmentPattern' ? param.left : param;
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'ObjectPattern') {
    return node.properties.flatMap((property) => (property.type === 'ObjectProperty' ? paramNames(property.value) : property.argument.type === 'Identifier' ? [property.argument.name] : []));
  }
  return [];
}

/** `this.data.content` → root `this`, names `data`, `content`. */
function memberChain(node: Node): { root: string; names: string[] } | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    const name = memberName(current);
    if (!name) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type === 'ThisExpression') return { root: 'this', names };
  if (current.type === 'Identifier') return { root: current.name, names };
  return undefined;
}

/** `const that = this`. */
function isThisAlias(project: Project, file: JsFile, name: string, at: Node): boolean {
  const binding = project.scopeOf(file)?.lookup(name, at.start ?? 0);
  return binding?.source.kind === 'init' && unwrap(binding.source.init).type === 'ThisExpression';
}

// -------------------------------------------------------------------------------------------------
// Filtering

/** Whether a function (or what it calls, two levels down) runs a moderation check. */
class ModerationIndex {
  private readonly cache = new Map<Fn, boolean>();
  private readonly ownCache = new Map<Fn, boolean>();

  constructor(private readonly project: Project, private readonly flow: Flow) {}

  has(ref: FnRef): boolean {
    let found = this.cache.get(ref.fn);
    if (found === undefined) this.cache.set(ref.fn, (found = this.below(ref, 0)));
    return found;
  }

  private below(ref: FnRef, depth: number): boolean {
    if (this.own(ref)) return true;
    if (depth >= 2) return false;
    return this.flow.sites(ref).some((site) => site.kind === 'call' && site.target.fn !== ref.fn && (isModerationName(site.target.name) || this.below(site.target, depth + 1)));
  }

  private own(ref: FnRef): boolean {
    const cached = this.ownCache.get(ref.fn);
    if (cached !== undefined) return cached;
    const { file } = ref;
    const bn = this.project.bnApi(file);
    let found = false;
    walkJs(ref.fn, {
      enter: (node) => {
        if (found) return false;
        if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return;
        const call = bn?.call(node as NodeOf<'CallExpression'>);
        if (call && (call.name === 'request' || call.name === 'uploadFile')) {
          const url = urlOf(this.project.evaluator, { file, call, ancestors: [] });
          if (url && isModerationUrl(url)) found = true;
          return;
        }
        const callee = unwrap(node.callee);
        const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
        if (name && isModerationName(name)) found = true;
      },
    });
    this.ownCache.set(ref.fn, found);
    return found;
  }
}

/** For each publishing call reached from a trigger: whether every way there passes a moderation check. */
function filteredRequests(flow: Flow): Map<Node, boolean> {
  const out = new Map<Node, boolean>();
  type State = 'open' | 'filtered';
  const starts = flow.triggers().map((trigger) => ({ trigger, state: 'open' as State }));
  flow.exploreEach<State>(
    'content/ugc-moderation',
    starts,
    // Each start's step has its own index: what a start reaches depends on the files alone.
    () => {
      const moderation = new ModerationIndex(flow.project, flow);
      return (state, site) => (state === 'filtered' || moderation.has(site.owner) ? 'filtered' : 'open');
    },
    (site, state) => {
      if (!SENDING_APIS.has(site.bn.name)) return;
      const filtered = state === 'filtered';
      out.set(site.node, (out.get(site.node) ?? true) && filtered);
    },
  );
  return out;
}

// -------------------------------------------------------------------------------------------------
// Report entry

/** A report/complaint/feedback control or page anywhere in the app. */
function hasReportEntry(project: Project): boolean {
  for (const path of project.paths) {
    if (VENDOR_PATH.test(path)) continue;
    const kind = project.kindOf(path);
    if (kind !== 'bxml' && kind !== 'js') continue;
    const file = project.parsed(path);
    if (file && hasReport(file)) return true;
  }
  return false;
}

const reportEntries = new WeakMap<ParsedFile, boolean>();

/** Whether one template or script has a report entry, looked for once per parsed file. */
function hasReport(file: ParsedFile): boolean {
  let found = reportEntries.get(file);
  if (found === undefined) {
    found = file.kind === 'bxml' ? templateHasReport(file) : file.kind === 'js' && !!file.ast && scriptHasReport(file);
    reportEntries.set(file, found);
  }
  return found;
}

function templateHasReport(template: BxmlFile): boolean {
  const stack = [...template.document.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && REPORT_TEXT.test(node.data.normalize('NFKC'))) return true;
    if (node.type === 'element' && node.name !== 'bns') stack.push(...node.children);
  }
  for (const element of elementsOf(template.document)) {
    for (const attribute of element.attributes) {
      const value = attribute.value;
      if (!value) continue;
      if (attributeKey(attribute.name) === 'open-type' && value.trim() === 'feedback') return true;
      if (isVisibleAttribute(attribute) && REPORT_TEXT.test(value.normalize('NFKC'))) return true;
      if ((eventOfAttribute(attribute.name) || attribute.name === 'url') && isReportName(value)) return true;
    }
  }
  return false;
}

/** JSX text and handlers, and strings that label menu items or navigate (`itemList: ['举报']`, `url: '/pages/report/index'`). */
function scriptHasReport(file: JsFile): boolean {
  let found = false;
  walkJs(file.ast!, {
    enter(node, ancestors) {
      if (found) return false;
      if (node.type === 'JSXText' && REPORT_TEXT.test(node.value.normalize('NFKC'))) found = true;
      else if (node.type === 'JSXAttribute' && node.name.type === 'JSXIdentifier' && /^on[A-Z]/.test(node.name.name) && node.value) {
        if (isReportName(sourceText(file, node.value))) found = true;
      } else if (node.type === 'StringLiteral') {
        const parent = ancestors[ancestors.length - 1];
        const property = parent?.type === 'ArrayExpression' ? ancestors[ancestors.length - 2] : parent;
        const key = property?.type === 'ObjectProperty' ? keyName(property) : undefined;
        if (!key) return;
        if ((key === 'url' || key === 'path') && isReportName(node.value)) found = true;
        else if (/^(itemList|text|label|title|name)$/.test(key) && REPORT_TEXT.test(node.value.normalize('NFKC'))) found = true;
      }
    },
  });
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}
