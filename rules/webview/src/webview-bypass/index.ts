import {
  defineRule, elementsOf, flowOf, getAttribute, memberName, optionValue, parseOrigin, unwrap, walkJs,
  type BxmlAttribute, type BxmlElement, type Confidence, type JsFile, type Node, type NodeOf, type Project, type UnitFiles,
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
  },
  create(context) {
    return {
      project(project) {
        const analysis = new WebViewAnalysis(project);
        for (const found of analysis.findings()) context.report(found);
      },
    };
  },
});

/** A value a web-view's src can take: a URL the bundle fixes, or a runtime value. */
export type SrcValue =
  | { kind: 'const'; url: string; node?: Node; file?: string }
  | { kind: SourceKind; label: string; confidence: Confidence };

interface Report {
  file: string;
  span: { start: number; end: number };
  messageId: 'runtimeSrc' | 'gameSrc';
  data: Record<string, string>;
  confidence?: Confidence;
}

/** A navigation to a page, with the URL as far as it is known. */
interface Navigation {
  file: string;
  line: number;
  /** The whole URL when known. */
  url?: string;
  /** The known start, and the expression after it, when not. */
  prefix: string;
  rest?: { node: Node; file: JsFile };
}

export class WebViewAnalysis {
  readonly tracer: ValueTracer;
  private navigations?: Map<string, Navigation[]>;
  private readonly dataCache = new Map<string, SrcValue[]>();

  constructor(readonly project: Project) {
    this.tracer = new ValueTracer(project);
  }

  findings(): Report[] {
    const out: Report[] = [];
    for (const path of this.project.paths) {
      if (VENDOR_PATH.test(path)) continue;
      const kind = this.project.kindOf(path);
      if (kind === 'bxml') {
        const template = this.project.parsed(path);
        if (template?.kind !== 'bxml') continue;
        for (const element of elementsOf(template.document)) {
          if (!WEB_VIEW_TAGS.has(element.name)) continue;
          const src = getAttribute(element, 'src');
          if (!src || src.value === null) continue;
          out.push(...this.judge(path, { start: src.start, end: src.end }, src.value, this.templateValues(path, element, src)));
        }
      } else if (kind === 'js' && (/\.[jt]sx$/.test(path) || this.project.style === 'react') && this.project.bundle.read(path).includes('WebView')) {
        const file = this.project.jsFile(path);
        if (!file?.ast) continue;
        walkJs(file.ast, {
          enter: (node) => {
            if (node.type !== 'JSXOpeningElement' || node.name.type !== 'JSXIdentifier' || node.name.name !== 'WebView') return;
            const src = node.attributes.find((attribute): attribute is NodeOf<'JSXAttribute'> => attribute.type === 'JSXAttribute' && attribute.name.name === 'src');
            if (!src?.value) return;
            const value = src.value.type === 'JSXExpressionContainer' ? src.value.expression : src.value;
            if (value.type === 'JSXEmptyExpression') return;
            const code = file.text.slice(value.start ?? 0, value.end ?? 0);
            const shown = src.value.type === 'JSXExpressionContainer' ? `{${code}}` : code;
            out.push(...this.judge(path, { start: src.start ?? 0, end: src.end ?? 0 }, shown, this.jsxValues(file, value as Node)));
          },
        });
      }
    }
    return out;
  }

  /** Turns the values of one src into at most one runtime finding and one game finding. */
  private judge(file: string, span: Report['span'], shown: string, values: SrcValue[]): Report[] {
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

  /** The values a template src can take: its literal text, or the page data its bindings read. */
  private templateValues(path: string, element: BxmlElement, src: BxmlAttribute): SrcValue[] {
    const raw = src.value ?? '';
    if (!src.expressions.length) return raw.trim() ? [{ kind: 'const', url: raw.trim() }] : [];
    const literalStart = raw.slice(0, src.expressions[0].start - src.valueStart);
    // `https://h5.example.com/{{path}}`: the bundle fixes the origin.
    if (parseOrigin(literalStart, false)?.origin) return [{ kind: 'const', url: literalStart }];
    const unit = this.unitOf(path);
    const values: SrcValue[] = [];
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
  private dataValues(unit: { files: UnitFiles; route?: string } | undefined, key: string): SrcValue[] {
    const script = unit?.files.script ? this.project.jsFile(unit.files.script) : undefined;
    if (!script?.ast) return [];
    const cacheKey = `${script.path}\0${key}`;
    const cached = this.dataCache.get(cacheKey);
    if (cached) return cached;
    const out: SrcValue[] = [];
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
  private jsxValues(file: JsFile, expression: Node): SrcValue[] {
    const route = flowOf(this.project).routeOfScript(file.path);
    const value = unwrap(expression);
    if (value.type === 'Identifier' && file.ast) {
      const state = stateOf(file, value.name);
      if (state) return [...state.map((node) => this.valuesOf(node, file, route))].flat().filter((item) => item.kind !== 'const' || item.url.trim() !== '');
    }
    return this.valuesOf(expression, file, route);
  }

  /** One JS expression as a src value; route parameters are followed to the navigations that pass them. */
  valuesOf(node: Node, file: JsFile, route: string | undefined): SrcValue[] {
    const evaluator = this.project.evaluator;
    const full = evaluator.evaluate(node, file);
    if (typeof full === 'string') return [{ kind: 'const', url: full, node, file: file.path }];
    const known = evaluator.stringPrefix(node, file);
    if (parseOrigin(known.prefix, false)?.origin) return [{ kind: 'const', url: known.prefix, node, file: file.path }];
    const start = known.unknownAt && known.prefix ? known.unknownAt.node : node;
    const startFile = known.unknownAt ? this.project.jsFile(known.unknownAt.file) ?? file : file;
    const source = this.tracer.trace(start, startFile);
    const where = `${excerpt(startFile.text.slice(source.node.start ?? 0, source.node.end ?? 0))} in ${startFile.path}:${startFile.lines.positionAt(source.node.start ?? 0).line}`;
    if (source.kind === 'route' && route) return this.routeValues(route, paramName(source.node, startFile, this.project), where);
    return [{ kind: source.kind, label: `${SOURCE_LABEL[source.kind]} (${where})`, confidence: source.kind === 'runtime' ? 'low' : KNOWN }];
  }

  /** What the bundle's navigations to `route` pass as the parameter; a route parameter nobody in the bundle sets comes from outside. */
  private routeValues(route: string, param: string | undefined, where: string): SrcValue[] {
    const navigations = this.navigationsTo(route);
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
        const passed = this.valuesOf(value.node, value.file, undefined);
        for (const item of passed) {
          if (item.kind === 'const') out.push(item);
          else out.push({ ...item, label: `${SOURCE_LABEL.route} (${where}) that ${at} fills from ${item.label}` });
        }
      }
    }
    return out;
  }

  /** Every navigation of the bundle (bn.navigateTo/redirectTo/reLaunch, `<navigator url>`), by target route. */
  private navigationsTo(route: string): Navigation[] {
    if (!this.navigations) {
      const byRoute = new Map<string, Navigation[]>();
      const add = (path: string, navigation: Navigation) => {
        const target = this.project.routeOfUrl(navigation.prefix.split('?')[0], path);
        // Only when the page path is fully known: the URL is complete, or its query has started.
        if (!target || (navigation.url === undefined && !navigation.prefix.includes('?'))) return;
        const list = byRoute.get(target);
        if (list) list.push(navigation);
        else byRoute.set(target, [navigation]);
      };
      for (const path of this.project.paths) {
        if (VENDOR_PATH.test(path)) continue;
        const kind = this.project.kindOf(path);
        if (kind === 'js') {
          const file = this.project.jsFile(path);
          const bn = file ? this.project.bnApi(file) : undefined;
          if (!file?.ast || !bn) continue;
          walkJs(file.ast, {
            enter: (node) => {
              if (node.type !== 'CallExpression') return;
              const call = bn.call(node);
              if (!call || !NAVIGATIONS.has(call.name)) return;
              const url = optionValue(call.options, 'url');
              if (!url) return;
              const known = this.project.evaluator.stringPrefix(url, file);
              const rest = known.unknownAt ? { node: known.unknownAt.node, file: this.project.jsFile(known.unknownAt.file) ?? file } : undefined;
              add(path, { file: path, line: file.lines.positionAt(node.start ?? 0).line, url: known.value, prefix: known.prefix, rest });
            },
          });
        } else if (kind === 'bxml') {
          const template = this.project.parsed(path);
          if (template?.kind !== 'bxml') continue;
          for (const element of elementsOf(template.document)) {
            if (element.name !== 'navigator') continue;
            const url = getAttribute(element, 'url');
            if (!url?.value) continue;
            const line = template.lines.positionAt(element.start).line;
            const prefix = url.expressions.length ? url.value.slice(0, url.expressions[0].start - url.valueStart) : url.value;
            add(path, { file: path, line, url: url.expressions.length ? undefined : url.value, prefix });
          }
        }
      }
      this.navigations = byRoute;
    }
    return this.navigations.get(route) ?? [];
  }
}

/**
 * The value a navigation passes for `param`: a string (or the known start of one with its origin),
 * the expression that follows `param=` in a URL built at runtime, null when the URL has no such
 * parameter, undefined when it cannot be told.
 */
function queryParam(navigation: Navigation, param: string): string | { node: Node; file: JsFile } | null | undefined {
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
    if (!value && navigation.rest) return { node: stripEncode(navigation.rest.node), file: navigation.rest.file };
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
