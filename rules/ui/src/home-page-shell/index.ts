import {
  defineRule, flowOf, getAttribute, memberName, optionValue, staticAttributeValue, walkJs,
  type BxmlChild, type BxmlElement, type Node, type ParsedFile, type Page, type Project, type RuleContext, type Site, type Trigger,
} from '@bmplint/core';
import { classNames, idOf, SCRIPT_ELEMENTS } from '../support/template.js';
import { hasWord, wordsOf } from '../support/words.js';
import { isLoadingText } from './wording.js';

/** Elements that hold content but are none: layout wrappers, text containers, script and config. */
const WRAPPERS = new Set(['view', 'block', 'text', 'cover-view', 'scroll-view', 'root-portal', 'page-meta', 'navigation-bar', 'import', 'slot', 'label', 'form']);
const REACT_WRAPPERS = new Set(['View', 'Block', 'Text', 'ScrollView', 'CoverView', 'Fragment', 'React.Fragment', '']);
/** Loading indicators: built-in and common library tags, and class words. */
const LOADING_TAGS = /^(loading|van-loading|t-loading|l-loading|mp-loading|i-spin|wux-spin|weui-loading|Loading|Spin|Spinner|ActivityIndicator|Skeleton|LoadingView|PageLoading)$/;
const LOADING_WORDS = new Set(['loading', 'loader', 'spinner', 'spin', 'skeleton', 'progress', 'waiting']);
/** Navigations that leave the home page. */
const NAVIGATIONS = new Set(['redirectTo', 'reLaunch', 'switchTab', 'navigateTo']);
/** Hooks that run when the home page opens. */
const OPENING_HOOKS = new Set([
  'onLoad', 'onShow', 'onReady', 'useEffect', 'useLayoutEffect', 'useDidShow', 'useReady', 'useLoad', 'useMount',
  'componentDidMount', 'componentWillMount', 'componentDidShow',
]);
const APP_HOOKS = new Set(['onLaunch', 'onShow']);

type State = 'direct' | 'conditional';

export default defineRule({
  meta: {
    id: 'ui/home-page-shell',
    clauses: ['2.3.2'],
    severity: 'warning',
    suppressible: true,
    confidence: 'medium',
    docs: { description: 'The home page must show the core features itself, not be empty, a loading screen or a redirect to another page.' },
    // The redirect check follows the call flow from the home page's hooks through other files' functions.
    projectInput: 'asts',
    treesRead: ['js', 'bxml'],
    messages: {
      emptyHome: 'The home page {{page}} shows nothing: its {{source}} has no text and no content element. The core features of a mini program must be showcased on its home page (2.3.2).',
      loadingShell: 'The home page {{page}} shows only a loading indicator ({{indicator}}): the core features of a mini program must be showcased on its home page, not behind a loading screen (2.3.2).',
      redirectShell: 'The home page {{page}} sends every user straight to {{target}} with {{api}} in {{hook}}: the home page is only a redirect shell, but the core features must be showcased on the home page itself (2.3.2).',
    },
  },
  create(context) {
    return {
      project(project) {
        const page = project.entryPage;
        if (!page) return;
        const shell = shellOf(project, page);
        if (shell) context.report(shell);
        redirects(context, project, page);
      },
    };
  },
});

type Report = Parameters<RuleContext['report']>[0];

/**
 * The shell check reads one file (the home page's template, or its React module): its answer is
 * kept per parse, which a session's parse cache keeps while the file is unchanged.
 */
const shells = new WeakMap<ParsedFile, { route: string; report: Report | undefined }>();

function shellOf(project: Project, page: Page): Report | undefined {
  const path = project.style === 'react' ? page.files.script : page.files.template;
  const file = path ? project.parsed(path) : undefined;
  if (!file) return undefined;
  const known = shells.get(file);
  if (known?.route === page.route) return known.report;
  const report = project.style === 'react' ? reactShell(file, page) : templateShell(file, page);
  shells.set(file, { route: page.route, report });
  return report;
}

/** A classic home page whose template has no content apart from loading indicators. */
function templateShell(template: ParsedFile, page: Page): Report | undefined {
  if (template.kind !== 'bxml') return undefined;
  let indicator: BxmlElement | undefined;
  const stack: BxmlChild[] = [...template.document.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (node.data.trim() && !isLoadingText(node.data) && !(node.expressions.length && onlyLoadingBindings(node.data, node.expressions))) return undefined;
      continue;
    }
    if (node.type !== 'element' || SCRIPT_ELEMENTS.has(node.name) || node.name === 'wxs') continue;
    if (isLoadingElement(node)) {
      indicator ??= node;
      continue;
    }
    if (!WRAPPERS.has(node.name)) return undefined;
    stack.push(...node.children);
  }
  const first = template.document.children.find((child): child is BxmlElement => child.type === 'element' && !SCRIPT_ELEMENTS.has(child.name));
  const span = indicator ? { start: indicator.start, end: indicator.openEnd } : first ? { start: first.start, end: first.openEnd } : { start: 0, end: 0 };
  if (indicator) return { file: template.path, span, messageId: 'loadingShell', data: { page: page.route, indicator: describeElement(indicator) } };
  return { file: template.path, span, messageId: 'emptyHome', data: { page: page.route, source: 'template' } };
}

/** Text whose bindings only read loading state (`{{loadingText}}`). */
function onlyLoadingBindings(data: string, expressions: ReadonlyArray<{ code: string }>): boolean {
  const literal = expressions.reduce((text, expression) => text.replace(`{{${expression.code}}}`, ' '), data);
  if (literal.trim() && !isLoadingText(literal)) return false;
  return expressions.every((expression) => hasWord(wordsOf(expression.code), LOADING_WORDS) !== undefined);
}

function isLoadingElement(element: BxmlElement): boolean {
  if (LOADING_TAGS.test(element.name)) return true;
  if (element.name === 'icon' && /^(waiting|loading)$/.test(staticAttributeValue(getAttribute(element, 'type')) ?? '')) return true;
  const { fixed, bound } = classNames(element);
  const id = idOf(element);
  if (hasWord([...fixed, ...bound, ...(id ? [id] : [])], LOADING_WORDS)) return true;
  if (element.name === 'image') {
    const src = staticAttributeValue(getAttribute(element, 'src'));
    return !!src && hasWord([src.split('/').pop() ?? ''], LOADING_WORDS) !== undefined;
  }
  return false;
}

function describeElement(element: BxmlElement): string {
  const { fixed } = classNames(element);
  return `<${element.name}${fixed.length ? ` class="${fixed.join(' ')}"` : ''}>`;
}

/** A React home page module whose JSX has no content apart from loading indicators. */
function reactShell(file: ParsedFile, page: Page): Report | undefined {
  if (file.kind !== 'js' || !file.ast) return undefined;
  let elements = 0;
  let content = false;
  let indicator: { name: string; start: number; end: number } | undefined;
  let first: { start: number; end: number } | undefined;
  walkJs(file.ast, {
    enter(node) {
      if (content) return false;
      if (node.type === 'JSXElement') {
        elements++;
        const name = jsxName(node.openingElement.name);
        const span = { start: node.openingElement.start ?? 0, end: node.openingElement.end ?? 0 };
        first ??= span;
        if (LOADING_TAGS.test(name) || hasWord(jsxClasses(node), LOADING_WORDS)) {
          indicator ??= { name, ...span };
          return false;
        }
        if (!REACT_WRAPPERS.has(name)) content = true;
        return;
      }
      if (node.type === 'JSXText') {
        if (node.value.trim() && !isLoadingText(node.value)) content = true;
        return;
      }
      if (node.type === 'JSXExpressionContainer' && node.expression.type !== 'JSXEmptyExpression') {
        // `{title}` shows data; `{cond && <X/>}` is looked into.
        if (showsValue(node.expression)) content = true;
      }
    },
  });
  if (!elements || content) return undefined;
  if (indicator) return { file: file.path, span: indicator, messageId: 'loadingShell', data: { page: page.route, indicator: `<${indicator.name}>` } };
  return { file: file.path, span: first!, messageId: 'emptyHome', data: { page: page.route, source: 'JSX' } };
}

/** A JSX child expression that renders a value (not an element, not a condition around elements). */
function showsValue(expression: Node): boolean {
  const stack: Node[] = [expression];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'JSXElement':
      case 'JSXFragment':
      case 'NullLiteral':
      case 'BooleanLiteral':
        break;
      case 'LogicalExpression':
        stack.push(node.right);
        break;
      case 'ConditionalExpression':
        stack.push(node.consequent, node.alternate);
        break;
      case 'StringLiteral':
        if (node.value.trim() && !isLoadingText(node.value)) return true;
        break;
      case 'Identifier':
        if (node.name !== 'undefined' && !hasWord([node.name], LOADING_WORDS)) return true;
        break;
      default:
        // `{title}`, `{list.map(item => <Row/>)}`: renders data.
        return true;
    }
  }
  return false;
}

function jsxName(name: Extract<Node, { type: 'JSXOpeningElement' }>['name']): string {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXMemberExpression') return `${jsxName(name.object)}.${name.property.name}`;
  return `${name.namespace.name}:${name.name.name}`;
}

function jsxClasses(element: Extract<Node, { type: 'JSXElement' }>): string[] {
  for (const attribute of element.openingElement.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || (attribute.name.name !== 'className' && attribute.name.name !== 'class')) continue;
    if (attribute.value?.type === 'StringLiteral') return attribute.value.value.split(/\s+/).filter(Boolean);
  }
  return [];
}

/**
 * Navigations away from the home page that run whenever it opens: a `redirectTo`/`reLaunch`/
 * `switchTab`/`navigateTo` reached from its `onLoad`/`onShow`/`onReady` (or React mount hooks), or
 * from the app's `onLaunch`/`onShow`, on no condition (no `if`, `?:`, `&&`, `catch`, `fail`, or
 * early return before it). Functions are followed through the call flow.
 */
function redirects(context: RuleContext, project: Project, page: Page): void {
  const flow = flowOf(project);
  const appScript = (path: string) => /(^|\/)app\.[jt]s$/.test(path) && path.startsWith(project.appRoot) && !path.slice(project.appRoot.length).includes('/');
  // Only the home page's and the app's hooks can start a redirect: their triggers alone.
  const scripts = new Set([page.files.script, ...['.js', '.ts'].map((extension) => `${project.appRoot}app${extension}`)].filter((path): path is string => !!path));
  const starts = flow.lifecycleTriggers(scripts)
    .filter((trigger) => trigger.kind === 'lifecycle' && (
      (trigger.route === page.route && OPENING_HOOKS.has(trigger.name))
      || (!trigger.route && APP_HOOKS.has(trigger.name) && appScript(trigger.fn.file.path))))
    .map((trigger) => ({ trigger, state: 'direct' as State }));
  if (!starts.length) return;
  const seen = new Set<Node>();
  flow.exploreEach<State>(
    'ui/home-page-shell',
    starts,
    () => (state, site) => (state === 'conditional' || isConditional(site) ? 'conditional' : 'direct'),
    (site, state, trigger) => {
      if (state !== 'direct' || !NAVIGATIONS.has(site.bn.name) || seen.has(site.node)) return;
      const target = destination(project, site);
      if (target.route === page.route) return;
      seen.add(site.node);
      context.report({
        file: site.owner.file.path,
        node: site.node,
        messageId: 'redirectShell',
        data: { page: page.route, target: target.label, api: `bn.${site.bn.name}`, hook: hookLabel(trigger) },
      });
    },
  );
}

function hookLabel(trigger: Trigger): string {
  if (!trigger.route) return `the app's ${trigger.name}`;
  return trigger.name.startsWith('use') ? `${trigger.name}()` : trigger.name;
}

function destination(project: Project, site: Extract<Site, { kind: 'bn' }>): { route?: string; label: string } {
  const url = optionValue(site.bn.options, 'url');
  if (!url) return { label: 'another page' };
  const known = project.evaluator.stringPrefix(url, site.owner.file);
  if (known.value === undefined) return { label: known.prefix ? `${known.prefix}…` : 'a computed page' };
  return { route: project.routeOfUrl(known.value, site.owner.file.path), label: known.value };
}

/** Whether a call only runs on some condition inside the function it is in. */
function isConditional(site: Site): boolean {
  const chain = [...site.ancestors, site.node];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    switch (parent.type) {
      case 'IfStatement':
        if (child !== parent.test) return true;
        break;
      case 'ConditionalExpression':
        if (child !== parent.test) return true;
        break;
      case 'LogicalExpression':
        if (child === parent.right) return true;
        break;
      case 'SwitchCase':
      case 'CatchClause':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return true;
      case 'ObjectProperty':
      case 'ObjectMethod':
        if (child !== parent.key && /^fail$/.test(propertyName(parent) ?? '')) return true;
        break;
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const method = memberName(parent.callee as Node);
        const index = parent.arguments.indexOf(child as never);
        if ((method === 'catch' && index >= 0) || (method === 'then' && index === 1)) return true;
        break;
      }
      case 'BlockStatement':
      case 'Program':
        if (returnsEarly(parent.body as Node[], child)) return true;
        break;
      default:
        break;
    }
    if (child.type === 'ObjectMethod' && propertyName(child) === 'fail') return true;
  }
  return false;
}

function propertyName(node: Node): string | undefined {
  if (node.type !== 'ObjectProperty' && node.type !== 'ObjectMethod') return undefined;
  return node.key.type === 'Identifier' ? node.key.name : node.key.type === 'StringLiteral' ? node.key.value : undefined;
}

/** A statement before `child` in the block that may return or throw (`if (!token) return;`). */
function returnsEarly(body: readonly Node[], child: Node): boolean {
  const index = body.indexOf(child);
  for (let i = 0; i < index; i++) {
    const statement = body[i];
    if (statement.type !== 'IfStatement') continue;
    let exits = false;
    walkJs(statement, {
      enter(node) {
        if (exits || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
        if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') exits = true;
      },
    });
    if (exits) return true;
  }
  return false;
}
