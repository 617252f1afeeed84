import {
  decodeTextAt, optionValue, stringsIn, UNKNOWN, type walkJs,
  type BnCall, type BxmlAttribute, type BxmlExpression, type BxmlText, type ConfigSource, type JsFile, type Project,
  type RuleContext, type RuleVisitors, type StaticValue,
} from '@bmplint/core';

/** Babel's node union, taken from core's API (the rule packages do not depend on @babel/types). */
type Node = Parameters<typeof walkJs>[0];
type NodeOf<T extends Node['type']> = Extract<Node, { type: T }>;
type StringLiteral = NodeOf<'StringLiteral'>;
type TemplateElement = NodeOf<'TemplateElement'>;
type JSXElement = NodeOf<'JSXElement'>;
type JSXAttribute = NodeOf<'JSXAttribute'>;
type JSXFragment = NodeOf<'JSXFragment'>;

/** A run of user-visible text and how to find its characters in the file. */
export interface TextPiece {
  /** The text as the user sees it (entities decoded, escapes applied). */
  text: string;
  /** Bundle path. */
  file: string;
  /** Where the whole piece is: reported when a match cannot be placed more precisely. */
  span: { start: number; end: number };
  /** File offset of `text[0]` when the text is written verbatim from there. */
  base?: number;
  /** Per character: file offsets (for text with decoded entities). */
  map?: { starts: ArrayLike<number>; ends: ArrayLike<number> };
  /** How the message names the source: `Template text`, `The placeholder attribute`… */
  where: string;
}

/** The file span of `piece.text.slice(start, end)`. */
export function spanIn(piece: TextPiece, start: number, end: number): { start: number; end: number } {
  if (piece.map) return { start: piece.map.starts[start], end: piece.map.ends[Math.max(start, end - 1)] };
  if (piece.base !== undefined) return { start: piece.base + start, end: piece.base + end };
  return piece.span;
}

/** Attributes whose value is shown to the user, on any element (custom components included). */
const VISIBLE_ATTRIBUTES = new Set([
  'placeholder', 'title', 'alt', 'aria-label', 'label', 'content', 'text', 'desc', 'message', 'sub-title', 'subtitle',
  'confirm-text', 'cancel-text', 'confirm-button-text', 'cancel-button-text',
]);
/** Attributes shown only on some elements: `value` of text inputs, `nodes` of rich-text. */
const VISIBLE_ON: Record<string, Set<string>> = {
  value: new Set(['input', 'textarea']),
  nodes: new Set(['rich-text']),
};
/** Elements whose text content is not shown: inline script modules. */
const SCRIPT_ELEMENTS = new Set(['bns', 'wxs', 'sjs', 'script']);

/** `bn` UI APIs and the options whose strings are shown. */
const UI_APIS: Record<string, string[]> = {
  showModal: ['title', 'content', 'confirmText', 'cancelText', 'placeholderText'],
  showToast: ['title'],
  showLoading: ['title'],
  setNavigationBarTitle: ['title'],
  showActionSheet: ['itemList', 'alertText'],
};
const PAGE_CALLS = new Set(['Page', 'Component', 'Behavior']);
const REACT_VISIBLE = new Set(['placeholder', 'title', 'alt', 'aria-label', 'label', 'content', 'text']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TypeCastExpression', 'ParenthesizedExpression', 'TSTypeAssertion']);
const MAX_STRINGS_PER_VALUE = 500;

/**
 * Text pieces by project, file and the node they come from: every text rule runs these visitors on the
 * same node of the same walk, so the pieces are extracted once and shared (read-only) between them.
 * Only the current file's pieces are kept.
 */
const piecesByProject = new WeakMap<Project, { file: string; byOwner: Map<object, { kind: string; pieces: TextPiece[] }> }>();

/** The pieces already extracted from `owner` (for another rule) in the current file, if any. */
function sharedPieces(project: Project, file: string, owner: object, kind: string): TextPiece[] | undefined {
  const current = piecesByProject.get(project);
  if (!current || current.file !== file) return undefined;
  const cached = current.byOwner.get(owner);
  return cached?.kind === kind ? cached.pieces : undefined;
}

function sharePieces(project: Project, file: string, owner: object, kind: string, pieces: TextPiece[]): TextPiece[] {
  let current = piecesByProject.get(project);
  if (!current || current.file !== file) {
    current = { file, byOwner: new Map() };
    piecesByProject.set(project, current);
  }
  current.byOwner.set(owner, { kind, pieces });
  return pieces;
}

/** Template files seen as the JS file their bindings belong to (one per template, not per call). */
const bindingFiles = new WeakMap<object, JsFile>();

export function isVisibleAttribute(attribute: BxmlAttribute): boolean {
  const name = attribute.name;
  if (VISIBLE_ATTRIBUTES.has(name)) return true;
  return VISIBLE_ON[name]?.has(attribute.element.name) ?? false;
}

function inScript(text: BxmlText): boolean {
  return text.parent.type === 'element' && SCRIPT_ELEMENTS.has(text.parent.name);
}

/**
 * Visitors that hand every piece of user-visible page text to `emit`: template text and visible
 * attributes (entities decoded, `{{ }}` bindings cut out), string literals inside bindings, JS
 * strings that flow into page data (`data` of Page/Component, `setData`) or `bn` UI APIs, React
 * JSX text, and navigation-bar and tab-bar titles in the app and page configs.
 */
export function pageTextVisitors(context: RuleContext, emit: (piece: TextPiece) => void): RuleVisitors & { project(project: Project): void } {
  const fileText = () => context.file?.text ?? '';
  const filePath = () => context.file?.path ?? '';

  /** Literal runs of a text node or attribute value between its `{{ }}` bindings. */
  const emitRuns = (owner: object, start: number, end: number, expressions: BxmlExpression[], where: string) => {
    const path = filePath();
    const pieces = sharedPieces(context.project, path, owner, where) ?? sharePieces(context.project, path, owner, where, literalRuns(start, end, expressions, where));
    for (const piece of pieces) emit(piece);
  };
  const literalRuns = (start: number, end: number, expressions: BxmlExpression[], where: string): TextPiece[] => {
    const pieces: TextPiece[] = [];
    const text = fileText();
    let at = start;
    const bounds = [...expressions].sort((a, b) => a.start - b.start);
    for (const expression of [...bounds, undefined]) {
      const runEnd = expression ? expression.start : end;
      if (runEnd > at) {
        const raw = text.slice(at, runEnd);
        if (raw.trim()) {
          pieces.push({ ...decodeTextAt(raw, at), file: filePath(), span: { start: at, end: runEnd }, where });
        }
      }
      if (expression) at = Math.max(at, expression.end);
    }
    return pieces;
  };

  const jsStrings = (node: Node | null | undefined, file: JsFile | undefined, where: string) => {
    if (!node || !file) return;
    const pieces = sharedPieces(context.project, file.path, node, where) ?? sharePieces(context.project, file.path, node, where, visibleStrings(node, file, context.project, where));
    for (const piece of pieces) emit(piece);
  };
  const currentJs = (): JsFile | undefined => {
    const file = context.file;
    if (!file) return undefined;
    if (file.kind === 'js') return file;
    let asJs = bindingFiles.get(file);
    if (!asJs) {
      asJs = { ...file, kind: 'js', dialect: 'bns', ast: null } as unknown as JsFile;
      bindingFiles.set(file, asJs);
    }
    return asJs;
  };

  return {
    bxml: {
      text(node) {
        if (!inScript(node)) emitRuns(node, node.start, node.end, node.expressions, 'Template text');
      },
      attribute(attribute) {
        if (attribute.value !== null && isVisibleAttribute(attribute)) {
          emitRuns(attribute, attribute.valueStart, attribute.valueEnd, attribute.expressions, `The ${attribute.name} attribute`);
        }
      },
      expression(expression) {
        const owner = expression.owner;
        const visible = owner.type === 'text' ? !inScript(owner) : isVisibleAttribute(owner);
        if (!visible || !expression.ast) return;
        const where = owner.type === 'text' ? 'Template text' : `The ${owner.name} attribute`;
        // Bindings read page data, which is checked where it is set: only their own literals here.
        jsStrings(expression.ast, currentJs(), where);
      },
    },
    js: {
      CallExpression(node) {
        const callee = node.callee;
        const first = node.arguments[0];
        if (callee.type === 'Identifier' && PAGE_CALLS.has(callee.name) && first?.type === 'ObjectExpression') {
          jsStrings(optionValue(first, 'data'), currentJs(), 'Page data');
          // Component property defaults: `properties: { title: { type: String, value: '…' } }`.
          const properties = optionValue(first, 'properties');
          if (properties?.type === 'ObjectExpression') {
            for (const property of properties.properties) {
              if (property.type === 'ObjectProperty' && property.value.type === 'ObjectExpression') {
                jsStrings(optionValue(property.value, 'value'), currentJs(), 'A component property default');
              }
            }
          }
        } else if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed
          && callee.property.type === 'Identifier' && callee.property.name === 'setData' && first) {
          jsStrings(first, currentJs(), 'Text set by setData');
        }
      },
      bnCall(call: BnCall) {
        const keys = UI_APIS[call.name];
        if (!keys || !call.options) return;
        for (const key of keys) jsStrings(optionValue(call.options, key), currentJs(), `The bn.${call.name} ${key}`);
      },
      JSXElement(node: JSXElement) {
        const file = currentJs();
        for (const attribute of node.openingElement.attributes) {
          if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || !REACT_VISIBLE.has(attribute.name.name)) continue;
          jsxAttributeStrings(attribute, file, `The ${attribute.name.name} attribute`);
        }
        jsxChildren(node.children, file);
      },
      JSXFragment(node: JSXFragment) {
        jsxChildren(node.children, currentJs());
      },
    },
    project(project: Project) {
      for (const piece of configTitles(project)) emit(piece);
    },
  };

  function jsxChildren(children: JSXElement['children'], file: JsFile | undefined) {
    for (const child of children) {
      if (child.type === 'JSXText') {
        if (child.value.trim() && child.start != null && child.end != null) emitRuns(child, child.start, child.end, [], 'Page text');
      } else if (child.type === 'JSXExpressionContainer' && child.expression.type !== 'JSXEmptyExpression') {
        jsStrings(child.expression, file, 'Page text');
      }
    }
  }

  function jsxAttributeStrings(attribute: JSXAttribute, file: JsFile | undefined, where: string) {
    const value = attribute.value;
    if (!value) return;
    if (value.type === 'StringLiteral') {
      // JSX attribute strings are not JS strings: no escapes, but HTML entities.
      if (value.start != null && value.end != null) emitRuns(value, value.start + 1, value.end - 1, [], where);
    } else if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
      jsStrings(value.expression, file, where);
    }
  }
}

/**
 * The visible strings of a JS value: literals where they are written (exact offsets), and
 * constants (`title: MSG`, an imported array) folded by the project's evaluator, reported at the
 * expression that uses them. Descends only into positions whose value reaches the screen: object
 * values, array items, both branches of `?:`, `||`/`&&` operands, `+` and template parts.
 */
export function visibleStrings(root: Node, file: JsFile, project: Project, where: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const stack: Array<{ node: Node; fold: boolean }> = [{ node: root, fold: true }];
  const spanOf = (node: Node) => ({ start: node.start ?? 0, end: node.end ?? 0 });
  const folded = (node: Node, value: StaticValue) => {
    for (const text of stringsIn(value, MAX_STRINGS_PER_VALUE)) pieces.push({ text, file: file.path, span: spanOf(node), where });
  };
  while (stack.length) {
    const { node, fold } = stack.pop()!;
    switch (node.type) {
      case 'StringLiteral':
        pieces.push(literalPiece(node, file, where));
        break;
      case 'TemplateLiteral': {
        const value = fold && node.expressions.length ? project.evaluator.evaluate(node, file) : UNKNOWN;
        if (typeof value === 'string') {
          pieces.push({ text: value, file: file.path, span: spanOf(node), where });
          break;
        }
        for (const quasi of node.quasis) pieces.push(quasiPiece(quasi, file, where));
        for (const expression of node.expressions) stack.push({ node: expression, fold: false });
        break;
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') break;
        const value = fold ? project.evaluator.evaluate(node, file) : UNKNOWN;
        if (typeof value === 'string') pieces.push({ text: value, file: file.path, span: spanOf(node), where });
        else stack.push({ node: node.right, fold: false }, { node: node.left, fold: false });
        break;
      }
      case 'ConditionalExpression':
        stack.push({ node: node.alternate, fold: true }, { node: node.consequent, fold: true });
        break;
      case 'LogicalExpression':
        stack.push({ node: node.right, fold: true }, { node: node.left, fold: true });
        break;
      case 'ObjectExpression':
        for (let i = node.properties.length - 1; i >= 0; i--) {
          const property = node.properties[i];
          if (property.type === 'ObjectProperty') stack.push({ node: property.value, fold: true });
          else if (property.type === 'SpreadElement') stack.push({ node: property.argument, fold: true });
        }
        break;
      case 'ArrayExpression':
        for (let i = node.elements.length - 1; i >= 0; i--) {
          const element = node.elements[i];
          if (element) stack.push({ node: element.type === 'SpreadElement' ? element.argument : element, fold: true });
        }
        break;
      case 'Identifier':
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        if (node.type === 'Identifier' && node.name === 'undefined') break;
        folded(node, project.evaluator.evaluate(node, file));
        break;
      default:
        if (WRAPPERS.has(node.type)) stack.push({ node: (node as unknown as { expression: Node }).expression, fold });
    }
  }
  return pieces;
}

function literalPiece(node: StringLiteral, file: JsFile, where: string): TextPiece {
  const start = node.start ?? 0;
  const end = node.end ?? start;
  const raw = file.text.slice(start + 1, end - 1);
  const piece: TextPiece = { text: node.value, file: file.path, span: { start, end }, where };
  if (raw === node.value) piece.base = start + 1;
  return piece;
}

function quasiPiece(quasi: TemplateElement, file: JsFile, where: string): TextPiece {
  const start = quasi.start ?? 0;
  const end = quasi.end ?? start;
  const text = quasi.value.cooked ?? quasi.value.raw;
  const piece: TextPiece = { text, file: file.path, span: { start, end }, where };
  if (file.text.slice(start, end) === text) piece.base = start;
  return piece;
}

/** Each run's navigation-bar and tab-bar titles: every text rule's project hook reads the same ones. */
const titlesByProject = new WeakMap<Project, readonly TextPiece[]>();
/**
 * The navigation-bar and tab-bar titles in the app config and the page configs, as text pieces.
 * A classic app's titles are in app.json and the page json configs, which the project model is
 * built from (`Project.modelKey` covers their content): remembered, so kept while the model is. A
 * React app's page configs are modules whose values may come from files outside the model: read each run.
 */
export function configTitles(project: Project): readonly TextPiece[] {
  if (project.style === 'classic') return project.remember('content/classic-config-titles', '', () => titlesIn(project));
  let pieces = titlesByProject.get(project);
  if (!pieces) titlesByProject.set(project, (pieces = titlesIn(project)));
  return pieces;
}

function titlesIn(project: Project): readonly TextPiece[] {
  const pieces: TextPiece[] = [];
  const app = project.appConfig;
  const add = (config: ConfigSource | undefined, path: Array<string | number>, where: string) => {
    const piece = configPiece(project, config, path, where);
    if (piece) pieces.push(piece);
  };
  add(app, ['window', 'navigationBarTitleText'], 'The navigation bar title');
  const tabs = (app?.value?.tabBar as { list?: unknown } | undefined)?.list;
  if (Array.isArray(tabs)) tabs.forEach((_, index) => add(app, ['tabBar', 'list', index, 'text'], 'The tab bar text'));
  for (const page of project.pages) add(project.pageConfig(page), ['navigationBarTitleText'], 'The navigation bar title');
  return pieces;
}

/**
 * Config pieces by config source: a json config's source is one per parse, which a session keeps
 * while the file is unchanged, so an edit elsewhere does not read every page's title again.
 */
const piecesByConfig = new WeakMap<ConfigSource, Map<string, TextPiece | undefined>>();

function configPiece(project: Project, config: ConfigSource | undefined, path: Array<string | number>, where: string): TextPiece | undefined {
  if (!config) return undefined;
  let pieces = piecesByConfig.get(config);
  if (!pieces) piecesByConfig.set(config, (pieces = new Map()));
  const key = `${where}\0${path.join('\0')}`;
  if (!pieces.has(key)) pieces.set(key, configString(project, config, path, where));
  return pieces.get(key);
}

/**
 * A string value of a config (app.json, a page json, app.config.ts, listing.json) at `path`, with
 * exact offsets when it is written as a plain literal; else the whole value's span.
 */
export function configString(project: Project, config: ConfigSource | undefined, path: Array<string | number>, where: string): TextPiece | undefined {
  let value: unknown = config?.value;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  if (!config || typeof value !== 'string' || !value.trim()) return undefined;
  const span = config.locate(path);
  const text = project.parsed(config.file)?.text ?? '';
  const piece: TextPiece = { text: value, file: config.file, span: { start: span.start, end: span.end }, where };
  const quote = text[span.start];
  // A JSON string or JS literal written without escapes: the value starts after its quote.
  if ((quote === '"' || quote === "'") && text.slice(span.start + 1, span.end - 1) === value) piece.base = span.start + 1;
  return piece;
}
