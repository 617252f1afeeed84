import {
  defineRule, flowOf, getAttribute, memberName, optionValue, parseOrigin, unwrap, walkJs,
  type BxmlAttribute, type BxmlElement, type Confidence, type JsFile, type Node, type NodeOf, type ParsedFile, type Project, type UnitFiles,
} from '@bmplint/core';
import { gameReason } from './games.js';
import { rootKeys, SOURCE_LABEL, ValueTracer, type SourceKind } from './sources.js';

const WEB_VIEW_TAGS = new Set(['web-view', 'web-view-component']);
const NAVIGATIONS = new Set(['navigateTo', 'redirectTo', 'reLaunch']);
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
/** Route parameters are opened from outside the bundle too (share links, other apps): no navigation in the bundle proves nothing. */
const KNOWN: Confidence = 'medium';

export default defineRule({
  meta: {
    id: 'webview/webview-bypass',
    clauses: ['3.4.3', '3.4.4'],
    severity: 'warning',
    suppressible: true,
    confidence: 'medium',
    docs: { description: 'A web-view must open pages the bundle decides (not a URL from a response, route parameter or storage), and must not load a game.' },
    messages: {
      runtimeSrc: 'The <web-view> src {{src}} comes from {{source}}: the page it opens is chosen at runtime, outside the reviewed bundle, so the web-view can be used to bypass review (3.4.3).',
      gameSrc: 'The <web-view> loads {{url}}, which looks like a web game ({{why}}): web-views must not be used to provide games (3.4.4).',
    },
    projectInput: 'facts',
  },
  create(context) {
    const own = (path: string | undefined): path is string => !!path && !VENDOR_PATH.test(path);
    // One analysis per walked file: its caches hold only what that file's walk read, so every file
    // it reads is a dependency of that file's cached result.
    let walked: { file: ParsedFile | undefined; analysis: SrcValues } | undefined;
    const valuesAnalysis = (): SrcValues => {
      if (walked && walked.file === context.file) return walked.analysis;
      const analysis = new SrcValues(context.project);
      walked = { file: context.file, analysis };
      return analysis;
    };
    return {
      bxml: {
        element(element) {
          const path = context.file?.path;
          if (!own(path)) return;
          if (element.name === 'navigator') {
            const navigation = templateNavigation(context.project, path, element);
            if (navigation) context.record({ navigation });
            return;
          }
          if (!WEB_VIEW_TAGS.has(element.name)) return;
          const src = getAttribute(element, 'src');
          if (!src || src.value === null) return;
          context.record({ src: { span: { start: src.start, end: src.end }, shown: src.value, values: valuesAnalysis().templateValues(path, element, src) } });
        },
      },
      js: {
        CallExpression(node) {
          const file = context.jsFile;
          if (!file || context.file?.kind !== 'js' || !own(file.path)) return;
          const call = context.bnApi(file)?.call(node);
          if (!call || !NAVIGATIONS.has(call.name)) return;
          const url = optionValue(call.options, 'url');
          const navigation = url ? valuesAnalysis().scriptNavigation(file, node, url) : undefined;
          if (navigation) context.record({ navigation });
        },
        JSXOpeningElement(node) {
          const file = context.jsFile;
          if (!file || context.file?.kind !== 'js' || !own(file.path)) return;
          if (node.name.type !== 'JSXIdentifier' || node.name.name !== 'WebView' || !(/\.[jt]sx$/.test(file.path) || context.project.style === 'react')) return;
          const src = node.attributes.find((attribute): attribute is NodeOf<'JSXAttribute'> => attribute.type === 'JSXAttribute' && attribute.name.name === 'src');
          if (!src?.value) return;
          const value = src.value.type === 'JSXExpressionContainer' ? src.value.expression : src.value;
          if (value.type === 'JSXEmptyExpression') return;
          const code = file.text.slice(value.start ?? 0, value.end ?? 0);
          const shown = src.value.type === 'JSXExpressionContainer' ? `{${code}}` : code;
          context.record({ src: { span: { start: src.start ?? 0, end: src.end ?? 0 }, shown, values: valuesAnalysis().jsxValues(file, value as Node) } });
        },
      },
      project() {
        // Route parameters meet the navigations of every file that pass them.
        const facts = context.facts() as ReadonlyMap<string, readonly WebViewFact[]>;
        const navigations = new Map<string, StoredNavigation[]>();
        for (const list of facts.values()) {
          for (const navigation of factsByKind(list).navigations) {
            const known = navigations.get(navigation.route);
            if (known) known.push(navigation);
            else navigations.set(navigation.route, [navigation]);
          }
        }
        for (const [path, list] of facts) {
          for (const src of factsByKind(list).srcs) {
            const values = src.values.flatMap((value) => (value.kind === 'route-param' ? routeValues(navigations.get(value.route) ?? [], value) : [value]));
            for (const found of judge(path, src.span, src.shown, values)) context.report(found);
          }
        }
      },
    };
  },
});

/** A value a web-view's src can take: a URL the bundle fixes, or a runtime value. */
export type SrcValue =
  | { kind: 'const'; url: string }
  | { kind: SourceKind; label: string; confidence: Confidence };

/** A route parameter of `route`, resolved in the project hook from the navigations that pass it. */
interface RouteParam {
  kind: 'route-param';
  route: string;
  param?: string;
  where: string;
}

type PendingValue = SrcValue | RouteParam;

/**
 * A navigation to a page, with the URL as far as it is known: `url` when whole, else the known
 * `prefix`; when the prefix ends in `param=` and an expression follows, what that expression can be.
 */
interface StoredNavigation {
  route: string;
  file: string;
  line: number;
  url?: string;
  prefix: string;
  rest?: SrcValue[];
}

/** What the visitors record: the navigations of a file, and the src values of its web-views. */
type WebViewFact =
  | { navigation: StoredNavigation }
  | { src: { span: { start: number; end: number }; shown: string; values: PendingValue[] } };

type SrcFact = Extract<WebViewFact, { src: unknown }>['src'];

/**
 * One file's facts split by kind, per facts list: a session hands the hook the same list while the
 * file is unchanged, so an edit does not sort every fact of the bundle again.
 */
const byKind = new WeakMap<readonly WebViewFact[], { navigations: StoredNavigation[]; srcs: SrcFact[] }>();

function factsByKind(list: readonly WebViewFact[]): { navigations: StoredNavigation[]; srcs: SrcFact[] } {
  let split = byKind.get(list);
  if (!split) {
    split = { navigations: [], srcs: [] };
    for (const fact of list) {
      if ('navigation' in fact) split.navigations.push(fact.navigation);
      else if ('src' in fact) split.srcs.push(fact.src);
    }
    byKind.set(list, split);
  }
  return split;
}

interface Report {
  file: string;
  span: { start: number; end: number };
  messageId: 'runtimeSrc' | 'gameSrc';
  data: Record<string, string>;
  confidence?: Confidence;
}

/** Turns the values of one src into at most one runtime finding and one game finding. */
function judge(file: string, span: Report['span'], shown: string, values: SrcValue[]): Report[] {
  const out: Report[] = [];
  const src = shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
  const runtime = values.filter((value): value is Exclude<SrcValue, { kind: 'const' }> => value.kind !== 'const');
  if (runtime.length) {
    const best = runtime.find((value) => value.confidence === 'medium') ?? runtime[0];
    out.push({ file, span, messageId: 'runtimeSrc', data: { src, source: best.label }, confidence: best.confidence });
  }
  for (const value of values) {
    if (value.kind !== 'const') continue;
    const why = gameReason(value.url);
    if (why) {
      out.push({ file, span, messageId: 'gameSrc', data: { url: value.url, why } });
      break;
    }
  }
  return out;
}

/** What the bundle's navigations to a route pass as the parameter; a route parameter nobody in the bundle sets comes from outside. */
function routeValues(navigations: readonly StoredNavigation[], { route, param, where }: RouteParam): SrcValue[] {
  if (!navigations.length) {
    return [{ kind: 'route', label: `${SOURCE_LABEL.route} (${where}) that no page of the bundle sets, so any link opening ${route} decides it`, confidence: KNOWN }];
  }
  const out: SrcValue[] = [];
  for (const navigation of navigations) {
    const at = `${navigation.file}:${navigation.line}`;
    const value = param === undefined ? undefined : queryParam(navigation, param);
    if (value === null) continue;
    if (value === undefined) {
      out.push({ kind: 'runtime', label: `${SOURCE_LABEL.route} (${where}) passed by the navigation at ${at}, whose value is not known`, confidence: 'low' });
    } else if (typeof value === 'string') {
      out.push({ kind: 'const', url: value });
    } else {
      for (const item of value) {
        if (item.kind === 'const') out.push(item);
        else out.push({ ...item, label: `${SOURCE_LABEL.route} (${where}) that ${at} fills from ${item.label}` });
      }
    }
  }
  return out;
}

/** The values of web-view srcs and navigation parameters in one file, read with the evaluator and the value tracer. */
export class SrcValues {
  readonly tracer: ValueTracer;
  private readonly dataCache = new Map<string, PendingValue[]>();

  constructor(readonly project: Project) {
    this.tracer = new ValueTracer(project);
  }

  /** The values a template src can take: its literal text, or the page data its bindings read. */
  templateValues(path: string, element: BxmlElement, src: BxmlAttribute): PendingValue[] {
    const raw = src.value ?? '';
    if (!src.expressions.length) return raw.trim() ? [{ kind: 'const', url: raw.trim() }] : [];
    const literalStart = raw.slice(0, src.expressions[0].start - src.valueStart);
    // `https://h5.example.com/{{path}}`: the bundle fixes the origin.
    if (parseOrigin(literalStart, false)?.origin) return [{ kind: 'const', url: literalStart }];
    const unit = this.unitOf(path);
    const values: PendingValue[] = [];
    for (const expression of src.expressions) {
      if (!expression.ast) continue;
      for (const key of rootKeys(expression.ast)) {
        if (loopVariable(element, key)) continue;
        values.push(...this.dataValues(unit, key));
      }
    }
    return values;
  }

  private unitOf(templatePath: string): { files: UnitFiles; route?: string } | undefined {
    const page = this.project.pages.find((candidate) => candidate.files.template === templatePath);
    if (page) return { files: page.files, route: page.route };
    const use = this.project.componentUses.find((candidate) => candidate.files.template === templatePath);
    return use ? { files: use.files } : undefined;
  }

  /** Values the page (or component) gives a data key: its initial `data`, every `setData`, or a component property. */
  private dataValues(unit: { files: UnitFiles; route?: string } | undefined, key: string): PendingValue[] {
    const script = unit?.files.script ? this.project.jsFile(unit.files.script) : undefined;
    if (!script?.ast) return [];
    const cacheKey = `${script.path}\0${key}`;
    const cached = this.dataCache.get(cacheKey);
    if (cached) return cached;
    const out: PendingValue[] = [];
    this.dataCache.set(cacheKey, out);
    walkJs(script.ast, {
      enter: (node) => {
        if (node.type !== 'CallExpression') return;
        const callee = node.callee;
        const first = node.arguments[0] as Node | undefined;
        if (first?.type !== 'ObjectExpression') return;
        if (callee.type === 'Identifier' && (callee.name === 'Page' || callee.name === 'Component')) {
          const data = optionValue(first, 'data');
          const initial = data?.type === 'ObjectExpression' ? optionValue(data, key) : undefined;
          if (initial) out.push(...this.valuesOf(initial, script, unit?.route));
          const properties = optionValue(first, 'properties');
          if (callee.name === 'Component' && properties?.type === 'ObjectExpression' && optionValue(properties, key)) {
            out.push({ kind: 'property', label: `${SOURCE_LABEL.property} (the "${key}" property of ${script.path})`, confidence: 'low' });
          }
        } else if (memberName(callee) === 'setData') {
          const value = optionValue(first, key);
          if (value) out.push(...this.valuesOf(value, script, unit?.route));
        }
      },
    });
    // An empty initial value is not a URL.
    const values = out.filter((value) => value.kind !== 'const' || value.url.trim() !== '');
    this.dataCache.set(cacheKey, values);
    return values;
  }

  /** The values of a React `src={…}` expression (a `useState` value: its initial value and every setter call). */
  jsxValues(file: JsFile, expression: Node): PendingValue[] {
    const route = flowOf(this.project).routeOfScript(file.path);
    const value = unwrap(expression);
    if (value.type === 'Identifier' && file.ast) {
      const state = stateOf(file, value.name);
      if (state) return [...state.map((node) => this.valuesOf(node, file, route))].flat().filter((item) => item.kind !== 'const' || item.url.trim() !== '');
    }
    return this.valuesOf(expression, file, route);
  }

  /** One JS expression as a src value; a route parameter (of a page with a `route`) is left for the navigations that pass it. */
  valuesOf(node: Node, file: JsFile, route: string | undefined): PendingValue[] {
    const evaluator = this.project.evaluator;
    const full = evaluator.evaluate(node, file);
    if (typeof full === 'string') return [{ kind: 'const', url: full }];
    const known = evaluator.stringPrefix(node, file);
    if (parseOrigin(known.prefix, false)?.origin) return [{ kind: 'const', url: known.prefix }];
    const start = known.unknownAt && known.prefix ? known.unknownAt.node : node;
    const startFile = known.unknownAt ? this.project.jsFile(known.unknownAt.file) ?? file : file;
    const source = this.tracer.trace(start, startFile);
    const where = `${excerpt(startFile.text.slice(source.node.start ?? 0, source.node.end ?? 0))} in ${startFile.path}:${startFile.lines.positionAt(source.node.start ?? 0).line}`;
    if (source.kind === 'route' && route) return [{ kind: 'route-param', route, param: paramName(source.node, startFile, this.project), where }];
    return [{ kind: source.kind, label: `${SOURCE_LABEL[source.kind]} (${where})`, confidence: source.kind === 'runtime' ? 'low' : KNOWN }];
  }

  /** A `bn.navigateTo`/`redirectTo`/`reLaunch` to a page of the bundle, with what it passes after a trailing `param=`. */
  scriptNavigation(file: JsFile, call: Node, url: Node): StoredNavigation | undefined {
    const known = this.project.evaluator.stringPrefix(url, file);
    const navigation = pageNavigation(this.project, file.path, { file: file.path, line: file.lines.positionAt(call.start ?? 0).line, url: known.value, prefix: known.prefix });
    if (!navigation || !known.unknownAt || navigation.url !== undefined || !endsInEmptyParam(navigation.prefix)) return navigation;
    const restFile = this.project.jsFile(known.unknownAt.file) ?? file;
    // A route parameter passed on is not followed further (no route).
    navigation.rest = this.valuesOf(stripEncode(known.unknownAt.node), restFile, undefined) as SrcValue[];
    return navigation;
  }
}

/** A `<navigator url>` to a page of the bundle. */
function templateNavigation(project: Project, path: string, element: BxmlElement): StoredNavigation | undefined {
  const url = getAttribute(element, 'url');
  if (!url?.value) return undefined;
  const template = project.textOf(path);
  const line = template ? template.lines.positionAt(element.start).line : 1;
  const prefix = url.expressions.length ? url.value.slice(0, url.expressions[0].start - url.valueStart) : url.value;
  return pageNavigation(project, path, { file: path, line, url: url.expressions.length ? undefined : url.value, prefix });
}

/** The navigation with its target route, when the page path is fully known: the URL is complete, or its query has started. */
function pageNavigation(project: Project, path: string, navigation: Omit<StoredNavigation, 'route'>): StoredNavigation | undefined {
  const route = project.routeOfUrl(navigation.prefix.split('?')[0], path);
  if (!route || (navigation.url === undefined && !navigation.prefix.includes('?'))) return undefined;
  return { route, ...navigation };
}

/** Whether a known URL start ends inside a parameter with no value yet (`?url=`): the expression after it is its value. */
function endsInEmptyParam(prefix: string): boolean {
  const mark = prefix.indexOf('?');
  if (mark < 0) return false;
  const pairs = prefix.slice(mark + 1).split('&');
  const [, ...parts] = pairs[pairs.length - 1].split('=');
  return !decode(parts.join('='));
}

/**
 * The value a navigation passes for `param`: a string (or the known start of one with its origin),
 * the values of the expression that follows `param=` in a URL built at runtime, null when the URL has no such
 * parameter, undefined when it cannot be told.
 */
function queryParam(navigation: StoredNavigation, param: string): string | SrcValue[] | null | undefined {
  const text = navigation.url ?? navigation.prefix;
  const mark = text.indexOf('?');
  const pairs = mark < 0 ? [] : text.slice(mark + 1).split('&');
  for (let i = 0; i < pairs.length; i++) {
    const [name, ...parts] = pairs[i].split('=');
    if (name !== param) continue;
    const value = decode(parts.join('='));
    const complete = navigation.url !== undefined || i < pairs.length - 1;
    if (complete) return value;
    // The known text ends inside this parameter: `?url=` + expression, or `?url=https://h5.example.com/` + id.
    if (!value && navigation.rest) return navigation.rest;
    return parseOrigin(value, false)?.origin ? value : undefined;
  }
  return navigation.url !== undefined ? null : undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stripEncode(node: Node): Node {
  let current = unwrap(node);
  while (current.type === 'CallExpression' && current.callee.type === 'Identifier' && /^(encodeURIComponent|encodeURI|escape)$/.test(current.callee.name) && current.arguments[0]) {
    current = unwrap(current.arguments[0] as Node);
  }
  return current;
}

/** The route parameter a traced expression reads: `options.url` → url, `const { url } = query` → url. */
function paramName(node: Node, file: JsFile, project: Project): string | undefined {
  let current = unwrap(node);
  for (let depth = 0; depth < 8; depth++) {
    if (current.type === 'CallExpression' && current.arguments[0]) {
      current = unwrap(current.arguments[0] as Node);
      continue;
    }
    if (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') return memberName(current);
    if (current.type !== 'Identifier') return undefined;
    const source = project.scopeOf(file)?.lookup(current.name, current.start ?? 0)?.source;
    if (source?.kind === 'destructured') return source.key;
    if (source?.kind === 'init' || (source?.kind === 'mutable' && source.init)) {
      current = unwrap(source.init!);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** A name bound by an enclosing `bn:for` (its item or index). */
function loopVariable(element: BxmlElement, name: string): boolean {
  for (let current: BxmlElement | undefined = element; current; current = current.parent.type === 'element' ? current.parent : undefined) {
    if (!getAttribute(current, 'bn:for') && !getAttribute(current, 'wx:for')) continue;
    const item = getAttribute(current, 'bn:for-item')?.value ?? 'item';
    const index = getAttribute(current, 'bn:for-index')?.value ?? 'index';
    if (name === item || name === index) return true;
  }
  return false;
}

/** For `const [url, setUrl] = useState(init)`: the initial value and every value passed to the setter. */
function stateOf(file: JsFile, name: string): Node[] | undefined {
  let setter: string | undefined;
  const values: Node[] = [];
  walkJs(file.ast!, {
    enter(node) {
      if (node.type !== 'VariableDeclarator' || node.id.type !== 'ArrayPattern' || !node.init || node.init.type !== 'CallExpression') return;
      const [value, set] = node.id.elements;
      const hook = unwrap(node.init.callee);
      const hookName = hook.type === 'Identifier' ? hook.name : memberName(hook);
      if (hookName !== 'useState' || value?.type !== 'Identifier' || value.name !== name || set?.type !== 'Identifier') return;
      setter = set.name;
      const initial = node.init.arguments[0];
      if (initial && initial.type !== 'SpreadElement' && initial.type !== 'ArgumentPlaceholder') values.push(initial);
    },
  });
  if (!setter) return undefined;
  walkJs(file.ast!, {
    enter(node) {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== setter) return;
      const argument = node.arguments[0];
      if (argument && argument.type !== 'SpreadElement' && argument.type !== 'ArgumentPlaceholder' && !(argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression')) values.push(argument);
    },
  });
  return values;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
}
