import {
  ancestorsIn, defineRule, elementsOf, getAttribute, isFunction, memberName, memoize, nodesIn, optionValue, unwrap, walkJs,
  type BxmlElement, type BxmlFile, type Confidence, type JsFile, type Node, type NodeOf, type Project, type RuleContext,
} from '@bmplint/core';
import { rootKeys, SOURCE_LABEL, ValueTracer, type SourceKind } from '../webview-bypass/sources.js';

const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
const NAVIGATIONS = new Set(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']);
const WEB_VIEW_TAGS = new Set(['web-view', 'web-view-component']);
/** Words of a flag that only exists to tell review from real use. */
const REVIEW_WORDS = new Set(['audit', 'auditing', 'audited', 'shenhe', 'cloak', 'cloaking', 'disguise', 'camouflage']);
const REVIEW_QUALIFIERS = new Set(['is', 'in', 'under', 'mode', 'status', 'state', 'flag', 'switch', 'version', 'env', 'period', 'on', 'off']);
/** Words of a generic feature flag: reported only when it swaps web-view content. */
const FLAG_WORDS = new Set(['switch', 'flag', 'flags', 'toggle', 'hide', 'hidden', 'real', 'show', 'open', 'enable', 'enabled', 'mode', 'h5', 'webview', 'jump', 'redirect']);
/** Words of names that hold a value (a URL, a text), not a switch. */
const VALUE_WORDS = new Set(['url', 'urls', 'link', 'links', 'src', 'href', 'path', 'uri', 'text', 'title', 'content', 'list', 'count', 'num', 'number', 'data']);
/** Environment names of the development and trial (review) versions. */
const ENV_VALUES = new Set(['develop', 'trial', 'release', 'devtools', 'preview', 'experience', 'published']);
/** Data keys of debugging aids that honestly differ between environments. */
const DEBUG_KEY = /debug|dev|test|log|console|mock|vconsole|eruda/i;

type Strength = 'review' | 'env' | 'generic';
type EffectKind = 'webview' | 'hides' | 'navigates';

interface Flag {
  node: Node;
  file: JsFile;
  strength: Strength;
  /** How messages name it: `res.data.isAudit`. */
  label: string;
  source: string;
}

interface Effect {
  kind: EffectKind;
  /** For messages: `which page the web-view of pages/a/index.bxml opens`. */
  label: string;
  debug?: boolean;
}

interface TemplateKeys {
  /** Keys shown by `bn:if`/`hidden` conditions: whether the element holds a web-view, and where. */
  conditions: Map<string, { webview: boolean; where: string }>;
  /** Keys a web-view src reads. */
  srcs: Map<string, string>;
}

export default defineRule({
  meta: {
    id: 'webview/runtime-content-switch',
    clauses: ['5.1'],
    severity: 'warning',
    suppressible: true,
    confidence: 'low',
    docs: { description: 'Content must not be switched by a flag fetched at runtime or by detecting the review environment, so that reviewers see what users get.' },
    messages: {
      flagSwitchesWebView: '{{flag}} ({{source}}) decides {{effect}}: a flag fetched at runtime that swaps web-view content lets the published app differ from the version that was reviewed (5.1).',
      flagHidesContent: '{{flag}} ({{source}}) decides {{effect}}: switching content on a review or audit flag shows reviewers a different app from the one users get (5.1).',
      reviewEnvSwitch: '{{flag}} tells the development or trial (review) version from the released one and decides {{effect}}: content that changes between the reviewed and the released version bypasses review (5.1).',
    },
  },
  create(context) {
    // A flag is reported in the script that reads it, with what that script's page shows: the
    // template and the pages it navigates to are read from here, so the result is cached with the
    // script and re-checked when one of them changes.
    return {
      js: {
        Program() {
          const file = context.jsFile;
          if (!file?.ast || context.file?.kind !== 'js' || VENDOR_PATH.test(file.path) || file.path.endsWith('.d.ts') || file.path.endsWith('.bns')) return;
          new ContentSwitch(context.project, context).checkFile(file);
        },
      },
    };
  },
});

/** The check of one script; its caches live as long as the script's walk, so every file it reads is a dependency of the script's result. */
class ContentSwitch {
  private readonly tracer: ValueTracer;
  private readonly reported = new Set<Node>();
  private readonly webViewRoutes = new Map<string, boolean>();

  constructor(private readonly project: Project, private readonly context: RuleContext) {
    this.tracer = new ValueTracer(project);
  }

  checkFile(file: JsFile): void {
    const keys = this.templateKeysOf(file);
    const states = reactStates(file);
    const flagKeys = new Map<string, Flag>();
    // First: page-data keys and React states that take a flag's value (`setData({ isAudit: res.data.isAudit })`).
    const nodes = nodesIn(file.ast!);
    for (const node of nodes) {
      if (node.type !== 'CallExpression') continue;
      if (memberName(node.callee as Node) === 'setData' && node.arguments[0] && node.arguments[0].type !== 'ObjectExpression' && node.arguments[0].type !== 'SpreadElement') {
        // `setData(res.data)`: every key of a response, the ones that show a web-view among them.
        const flag = this.dataFlag(node.arguments[0] as Node, file);
        const shown = flag && [...keys.conditions].find(([, condition]) => condition.webview);
        if (flag && shown) this.report(flag, [keyEffect(shown[0], keys)!]);
      } else if (memberName(node.callee as Node) === 'setData' && node.arguments[0]?.type === 'ObjectExpression') {
        for (const property of node.arguments[0].properties) {
          if (property.type !== 'ObjectProperty') continue;
          const key = staticKey(property);
          // A key that shows or hides a web-view is a switch whatever it is called, when a response or storage sets it.
          const switchesWebView = !!key && !!keys.conditions.get(key.split('.')[0])?.webview;
          const flag = key ? this.flagIn(property.value as Node, file, flagKeys, states) ?? (switchesWebView ? this.dataFlag(property.value as Node, file) : undefined) : undefined;
          if (!key || !flag) continue;
          flagKeys.set(key, flag);
          const effect = keyEffect(key, keys);
          // A generic flag copied into page data matters when it decides a condition around a web-view.
          if (effect && (flag.strength !== 'generic' || keys.conditions.get(key.split('.')[0])?.webview)) this.report(flag, [effect]);
        }
      } else if (node.callee.type === 'Identifier' && states.setters.has(node.callee.name) && node.arguments[0]) {
        const flag = this.flagIn(node.arguments[0] as Node, file, flagKeys, states);
        if (flag) states.flags.set(states.setters.get(node.callee.name)!, flag);
      }
    }
    // Then: decisions whose test reads a flag, and what their branches do.
    for (const node of nodes) {
      let test: Node | undefined;
      let branches: Node[] = [];
      if (node.type === 'IfStatement') {
        test = node.test;
        branches = [node.consequent, ...(node.alternate ? [node.alternate] : [])];
        if (exits(node.consequent)) branches.push(...followingStatements(node, ancestorsIn(file.ast!, node)));
      } else if (node.type === 'ConditionalExpression') {
        test = node.test;
        branches = [node.consequent, node.alternate];
      } else if (node.type === 'LogicalExpression' && (node.operator === '&&' || node.operator === '||')) {
        test = node.left;
        branches = [node.right];
      } else if (node.type === 'SwitchStatement') {
        test = node.discriminant;
        branches = node.cases.flatMap((each) => each.consequent as Node[]);
      }
      if (!test) continue;
      const flag = this.flagIn(test, file, flagKeys, states);
      if (!flag) continue;
      const effects = branches.flatMap((branch) => this.effectsIn(branch, file, keys, states));
      if (node.type === 'ConditionalExpression' || node.type === 'LogicalExpression') effects.push(...this.valueEffects(node, ancestorsIn(file.ast!, node), file, keys, states));
      this.report(flag, effects);
    }
  }

  /** Reports a flag once, for its strongest effect, when the rule's policy says so. */
  private report(flag: Flag, effects: Effect[]): void {
    if (this.reported.has(flag.node) || !effects.length) return;
    const webview = effects.find((effect) => effect.kind === 'webview');
    const other = effects.find((effect) => effect.kind !== 'webview' && !(flag.strength === 'env' && effect.debug));
    let messageId: 'flagSwitchesWebView' | 'flagHidesContent' | 'reviewEnvSwitch';
    let effect: Effect;
    let confidence: Confidence;
    if (flag.strength === 'env') {
      effect = webview ?? other!;
      if (!effect) return;
      messageId = 'reviewEnvSwitch';
      confidence = webview ? 'medium' : 'low';
    } else if (webview) {
      effect = webview;
      messageId = flag.strength === 'review' ? 'flagHidesContent' : 'flagSwitchesWebView';
      confidence = 'medium';
    } else {
      if (flag.strength !== 'review' || !other) return;
      effect = other;
      messageId = 'flagHidesContent';
      confidence = 'medium';
    }
    this.reported.add(flag.node);
    this.context.report({ node: flag.node, messageId, confidence, data: { flag: flag.label, source: flag.source, effect: effect.label } });
  }

  /** The first flag an expression reads (not looking into functions). */
  private flagIn(expression: Node, file: JsFile, flagKeys: ReadonlyMap<string, Flag>, states: ReactStates, depth = 0): Flag | undefined {
    let found: Flag | undefined;
    if (depth > 8) return undefined;
    walkJs(expression, {
      enter: (node) => {
        if (found) return false;
        if (node !== expression && isFunction(node)) return false;
        found = this.flagAt(node, file, flagKeys, states, depth);
        if (found) return false;
      },
    });
    return found;
  }

  /** A flag read exactly at `node`. */
  private flagAt(node: Node, file: JsFile, flagKeys: ReadonlyMap<string, Flag>, states: ReactStates, depth: number): Flag | undefined {
    const label = () => excerpt(file.text.slice(node.start ?? 0, node.end ?? 0));
    if (node.type === 'BinaryExpression' && /^[!=]==?$/.test(node.operator)) {
      const sides = [node.left as Node, node.right];
      const literal = sides.find((side): side is NodeOf<'StringLiteral'> => side.type === 'StringLiteral' && ENV_VALUES.has(side.value));
      const other = sides.find((side) => side !== literal);
      if (literal && other && isEnvRead(other, literal.value, file, this.project)) {
        return { node, file, strength: 'env', label: label(), source: 'the environment version' };
      }
      return undefined;
    }
    if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
      const name = memberName(node);
      if (!name) return undefined;
      // `this.data.isAudit` after `setData({ isAudit: flag })`.
      const object = unwrap(node.object);
      if ((object.type === 'MemberExpression' && object.object.type === 'ThisExpression' && memberName(object) === 'data') && flagKeys.has(name)) {
        return { ...flagKeys.get(name)!, node, file, label: label() };
      }
      const strength = flagStrength(name);
      if (!strength) return undefined;
      const source = this.sourceOf(node.object as Node, file);
      if (strength === 'generic' && source !== 'response' && source !== 'storage') return undefined;
      return { node, file, strength, label: label(), source: sourceLabel(source) };
    }
    if (node.type === 'Identifier') {
      const state = states.flags.get(node.name);
      if (state) return { ...state, node, file, label: node.name };
      const binding = this.project.scopeOf(file)?.lookup(node.name, node.start ?? 0);
      const source = binding?.source;
      if (source?.kind === 'destructured') {
        const strength = flagStrength(source.key);
        if (!strength) return undefined;
        const kind = this.sourceOf(source.from, file);
        if (strength === 'generic' && kind !== 'response' && kind !== 'storage') return undefined;
        return { node, file, strength, label: node.name, source: sourceLabel(kind) };
      }
      if ((source?.kind === 'init' || (source?.kind === 'mutable' && source.init)) && node.start !== undefined) {
        const init = unwrap(source.init!);
        if (init.type === 'MemberExpression' || init.type === 'OptionalMemberExpression' || init.type === 'CallExpression' || init.type === 'AwaitExpression') {
          const inner = this.flagIn(init, file, flagKeys, states, depth + 1);
          if (inner && inner.strength !== 'env') return { ...inner, node, file, label: node.name };
        }
      }
      return undefined;
    }
    if (node.type === 'CallExpression') {
      // `bn.getStorageSync('isAudit')`.
      const call = this.project.bnApi(file)?.call(node);
      const key = node.arguments[0];
      if (call && /^getStorage(Sync)?$/.test(call.name) && key?.type === 'StringLiteral' && flagStrength(key.value) === 'review') {
        return { node, file, strength: 'review', label: label(), source: SOURCE_LABEL.storage };
      }
    }
    return undefined;
  }

  /** A value read from a network response or storage, as a generic flag (`res.data.open`, `cfg.v`, `res.data`). */
  private dataFlag(value: Node, file: JsFile): Flag | undefined {
    const node = unwrap(value);
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression' && node.type !== 'Identifier') return undefined;
    const source = this.sourceOf(node, file);
    if (source !== 'response' && source !== 'storage') return undefined;
    return { node, file, strength: 'generic', label: excerpt(file.text.slice(node.start ?? 0, node.end ?? 0)), source: sourceLabel(source) };
  }

  private sourceOf(node: Node, file: JsFile): SourceKind | 'global' {
    const root = rootOf(node);
    if (root.type === 'CallExpression' && root.callee.type === 'Identifier' && root.callee.name === 'getApp') return 'global';
    if (root.type === 'Identifier' && /^app$/i.test(root.name)) {
      const init = this.project.scopeOf(file)?.lookup(root.name, root.start ?? 0)?.source;
      if (init?.kind === 'init' && init.init.type === 'CallExpression' && init.init.callee.type === 'Identifier' && init.init.callee.name === 'getApp') return 'global';
    }
    return this.tracer.trace(node, file).kind;
  }

  /** What a branch does that users see: web-view URLs, template conditions, navigations. */
  private effectsIn(branch: Node, file: JsFile, keys: TemplateKeys, states: ReactStates): Effect[] {
    const out: Effect[] = [];
    walkJs(branch, {
      enter: (node) => {
        if (node !== branch && (node.type === 'FunctionDeclaration')) return false;
        if (node.type === 'CallExpression') {
          if (memberName(node.callee as Node) === 'setData' && node.arguments[0]?.type === 'ObjectExpression') {
            for (const property of node.arguments[0].properties) {
              const key = property.type === 'ObjectProperty' ? staticKey(property) : undefined;
              const effect = key ? keyEffect(key, keys) : undefined;
              if (effect) out.push(effect);
            }
            return;
          }
          if (node.callee.type === 'Identifier' && states.setters.has(node.callee.name)) {
            const effect = stateEffect(states.setters.get(node.callee.name)!, states);
            if (effect) out.push(effect);
            return;
          }
          const call = this.project.bnApi(file)?.call(node);
          if (call && NAVIGATIONS.has(call.name)) out.push(this.navigationEffect(optionValue(call.options, 'url'), file));
          return;
        }
        if (node.type === 'JSXElement' && jsxName(node) === 'WebView') out.push({ kind: 'webview', label: `whether a <WebView> is rendered (${file.path})` });
        else if (node.type === 'JSXElement' && out.every((effect) => effect.kind !== 'hides')) out.push({ kind: 'hides', label: `what the page renders (${file.path}:${file.lines.positionAt(node.start ?? 0).line})` });
      },
    });
    return out;
  }

  /** Where the value of `flag ? a : b` (or `flag && a`) goes: a setData key, a navigation URL, a state, a JSX attribute. */
  private valueEffects(node: Node, ancestors: readonly Node[], file: JsFile, keys: TemplateKeys, states: ReactStates): Effect[] {
    const parent = ancestors[ancestors.length - 1];
    const grand = ancestors[ancestors.length - 2];
    const call = ancestors[ancestors.length - 3];
    if (parent?.type === 'ObjectProperty' && parent.value === node && grand?.type === 'ObjectExpression' && call?.type === 'CallExpression') {
      const key = staticKey(parent);
      if (key && memberName(call.callee as Node) === 'setData') {
        const effect = keyEffect(key, keys);
        return effect ? [effect] : [];
      }
      const bn = this.project.bnApi(file)?.call(call);
      if (key === 'url' && bn && NAVIGATIONS.has(bn.name)) return [this.navigationEffect(node, file)];
    }
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
      const name = parent.id.name;
      const scope = [...ancestors].reverse().find((ancestor) => isFunction(ancestor)) ?? file.ast!;
      const out: Effect[] = [];
      walkJs(scope, {
        enter: (inner, innerAncestors) => {
          if (inner.type !== 'Identifier' || inner.name !== name || inner === parent.id) return;
          out.push(...this.valueEffects(inner, innerAncestors, file, keys, states));
        },
      });
      return out;
    }
    if (parent?.type === 'CallExpression' && parent.callee.type === 'Identifier' && states.setters.has(parent.callee.name)) {
      const effect = stateEffect(states.setters.get(parent.callee.name)!, states);
      return effect ? [effect] : [];
    }
    if (parent?.type === 'JSXExpressionContainer' && grand?.type === 'JSXAttribute' && grand.name.type === 'JSXIdentifier' && grand.name.name === 'src') {
      const element = ancestors[ancestors.length - 3];
      if (element?.type === 'JSXOpeningElement' && element.name.type === 'JSXIdentifier' && element.name.name === 'WebView') return [{ kind: 'webview', label: `the <WebView> src (${file.path})` }];
    }
    if (parent?.type === 'ObjectProperty' && parent.value === node && staticKey(parent) === 'url' && call && (call.type === 'CallExpression')) {
      return [this.navigationEffect(node, file)];
    }
    return [];
  }

  private navigationEffect(url: Node | undefined, file: JsFile): Effect {
    if (!url) return { kind: 'navigates', label: 'which page opens' };
    const known = this.project.evaluator.stringPrefix(url, file);
    if (/^https?:\/\//i.test(known.prefix)) return { kind: 'webview', label: `a navigation to the web page ${known.prefix}` };
    const route = known.prefix ? this.project.routeOfUrl(known.prefix.split('?')[0], file.path) : undefined;
    if (!route || (known.value === undefined && !known.prefix.includes('?'))) return { kind: 'navigates', label: 'which page opens' };
    if (this.isWebViewRoute(route)) return { kind: 'webview', label: `a navigation to the web-view page ${route}` };
    return { kind: 'navigates', label: `a navigation to ${route}` };
  }

  private isWebViewRoute(route: string): boolean {
    let known = this.webViewRoutes.get(route);
    if (known !== undefined) return known;
    known = false;
    const page = this.project.pageByRoute.get(route);
    const template = page?.files.template ? this.project.parsed(page.files.template) : undefined;
    if (template?.kind === 'bxml') known = [...elementsOf(template.document)].some((element) => WEB_VIEW_TAGS.has(element.name));
    else if (page?.files.script && this.project.style === 'react') known = /<WebView\b/.test(this.project.jsFile(page.files.script)?.text ?? '');
    this.webViewRoutes.set(route, known);
    return known;
  }

  /** The template keys of the page or component whose script `file` is. */
  private templateKeysOf(file: JsFile): TemplateKeys {
    const keys: TemplateKeys = { conditions: new Map(), srcs: new Map() };
    const unit = this.project.pages.find((page) => page.files.script === file.path)?.files
      ?? this.project.componentUses.find((use) => use.files.script === file.path)?.files;
    const template = unit?.template ? this.project.parsed(unit.template) : undefined;
    if (template?.kind !== 'bxml') return keys;
    collectTemplateKeys(template, keys);
    return keys;
  }
}

function collectTemplateKeys(template: BxmlFile, keys: TemplateKeys): void {
  // Elements holding a web-view, marked once from each web-view up (templates can nest deeply).
  const holders = new Set<BxmlElement>();
  for (const element of elementsOf(template.document)) {
    if (!WEB_VIEW_TAGS.has(element.name)) continue;
    for (let current: BxmlElement | undefined = element; current && !holders.has(current); current = current.parent.type === 'element' ? current.parent : undefined) holders.add(current);
  }
  const containsWebView = (element: BxmlElement) => holders.has(element);
  for (const element of elementsOf(template.document)) {
    const line = template.lines.positionAt(element.start).line;
    if (WEB_VIEW_TAGS.has(element.name)) {
      const src = getAttribute(element, 'src');
      for (const expression of src?.expressions ?? []) if (expression.ast) for (const key of rootKeys(expression.ast)) keys.srcs.set(key, `${template.path}:${line}`);
    }
    for (const name of ['bn:if', 'bn:elif', 'hidden', 'wx:if', 'wx:elif']) {
      const attribute = getAttribute(element, name);
      if (!attribute) continue;
      const webview = containsWebView(element) || elseBranchesHoldWebView(element, containsWebView);
      for (const expression of attribute.expressions) {
        if (!expression.ast) continue;
        for (const key of rootKeys(expression.ast)) {
          const previous = keys.conditions.get(key);
          keys.conditions.set(key, { webview: webview || !!previous?.webview, where: previous?.where ?? `${name}="${attribute.value}" in ${template.path}:${line}` });
        }
      }
    }
  }
}

/** `<view bn:if="{{audit}}">…</view><web-view bn:else …/>`: the condition decides the web-view too. */
function elseBranchesHoldWebView(element: BxmlElement, containsWebView: (element: BxmlElement) => boolean): boolean {
  const siblings = element.parent.children.filter((child): child is BxmlElement => child.type === 'element');
  for (let i = siblings.indexOf(element) + 1; i < siblings.length; i++) {
    const sibling = siblings[i];
    const elif = getAttribute(sibling, 'bn:elif') ?? getAttribute(sibling, 'wx:elif');
    const otherwise = getAttribute(sibling, 'bn:else') ?? getAttribute(sibling, 'wx:else');
    if (!elif && !otherwise) break;
    if (containsWebView(sibling)) return true;
    if (otherwise) break;
  }
  return false;
}

function keyEffect(key: string, keys: TemplateKeys): Effect | undefined {
  const root = key.split('.')[0];
  const src = keys.srcs.get(root);
  if (src) return { kind: 'webview', label: `which page the web-view opens (src reads "${root}", ${src})` };
  const condition = keys.conditions.get(root);
  if (condition) return { kind: condition.webview ? 'webview' : 'hides', label: `${condition.webview ? 'whether the web-view shows' : 'what the page shows'} (${condition.where})`, debug: DEBUG_KEY.test(root) };
  return undefined;
}

interface ReactStates {
  /** setter name → state name. */
  setters: Map<string, string>;
  /** state name → how it is rendered. */
  uses: Map<string, EffectKind>;
  /** State names holding a flag. */
  flags: Map<string, Flag>;
}

/** `const [audit, setAudit] = useState(…)` pairs, and whether each state decides a WebView src or what renders. */
function reactStates(file: JsFile): ReactStates {
  const states: ReactStates = { setters: new Map(), uses: new Map(), flags: new Map() };
  if (!/useState/.test(file.text)) return states;
  walkJs(file.ast!, {
    enter(node) {
      if (node.type !== 'VariableDeclarator' || node.id.type !== 'ArrayPattern' || node.init?.type !== 'CallExpression') return;
      const callee = unwrap(node.init.callee);
      const hook = callee.type === 'Identifier' ? callee.name : memberName(callee);
      const [value, setter] = node.id.elements;
      if (hook === 'useState' && value?.type === 'Identifier' && setter?.type === 'Identifier') states.setters.set(setter.name, value.name);
    },
  });
  if (!states.setters.size) return states;
  const names = new Set(states.setters.values());
  walkJs(file.ast!, {
    enter(node, ancestors) {
      if (node.type !== 'Identifier' || !names.has(node.name)) return;
      for (let i = ancestors.length - 1; i >= 0; i--) {
        const ancestor = ancestors[i];
        if (ancestor.type === 'JSXAttribute' && ancestor.name.type === 'JSXIdentifier' && ancestor.name.name === 'src') {
          const opening = ancestors[i - 1];
          if (opening?.type === 'JSXOpeningElement' && opening.name.type === 'JSXIdentifier' && opening.name.name === 'WebView') states.uses.set(node.name, 'webview');
          break;
        }
        if (ancestor.type === 'JSXExpressionContainer' || ancestor.type === 'ConditionalExpression' || ancestor.type === 'LogicalExpression') {
          if (!states.uses.has(node.name)) states.uses.set(node.name, 'hides');
        }
        if (isFunction(ancestor)) break;
      }
    },
  });
  return states;
}

function stateEffect(state: string, states: ReactStates): Effect | undefined {
  const use = states.uses.get(state);
  if (use === 'webview') return { kind: 'webview', label: `the <WebView> src (state "${state}")` };
  if (use === 'hides') return { kind: 'hides', label: `what the page renders (state "${state}")` };
  return undefined;
}

/** How strongly a name says "flag": a review/audit flag, a generic feature flag, or neither. */
/** Property names repeat (`data`, `url`, `length`): each is split into words once. */
const flagStrength = memoize((name: string): Exclude<Strength, 'env'> | undefined => strengthOfWords(wordsOf(name)), 8192);

function strengthOfWords(words: string[]): Exclude<Strength, 'env'> | undefined {
  // `realUrl`, `hideLink`: a value to show, not a switch.
  if (words.some((word) => VALUE_WORDS.has(word))) return undefined;
  if (words.some((word) => REVIEW_WORDS.has(word))) return 'review';
  const review = words.findIndex((word) => word === 'review' || word === 'reviewing' || word === 'reviewed');
  if (review >= 0 && (words.length === 1 || words.some((word) => REVIEW_QUALIFIERS.has(word)))) return 'review';
  if (words.some((word) => FLAG_WORDS.has(word))) return 'generic';
  return undefined;
}

/** An expression reading the environment version (`envVersion`, `miniProgram.envVersion`) or, against 'devtools', the platform. */
function isEnvRead(node: Node, value: string, file: JsFile, project: Project): boolean {
  const target = unwrap(node);
  const name = target.type === 'Identifier' ? target.name : memberName(target);
  if (name === 'envVersion') return true;
  if (name === 'platform' && value === 'devtools') return true;
  if (target.type === 'Identifier') {
    const source = project.scopeOf(file)?.lookup(target.name, target.start ?? 0)?.source;
    if (source?.kind === 'destructured') return source.key === 'envVersion' || (source.key === 'platform' && value === 'devtools');
    if (source?.kind === 'init') {
      const init = unwrap(source.init);
      const inner = init.type === 'Identifier' ? init.name : memberName(init);
      return inner === 'envVersion' || (inner === 'platform' && value === 'devtools');
    }
  }
  return false;
}

function sourceLabel(kind: SourceKind | 'global'): string {
  return kind === 'global' ? 'app global data' : kind === 'runtime' ? 'a value set at runtime' : SOURCE_LABEL[kind];
}

function rootOf(node: Node): Node {
  let current = unwrap(node);
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') current = unwrap(current.object);
  return current;
}

function staticKey(property: NodeOf<'ObjectProperty'>): string | undefined {
  if (property.computed) return property.key.type === 'StringLiteral' ? property.key.value : undefined;
  return property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
}

/** A branch that returns or throws, so what follows the `if` runs only on the other side. */
function exits(branch: Node): boolean {
  if (branch.type === 'ReturnStatement' || branch.type === 'ThrowStatement') return true;
  return branch.type === 'BlockStatement' && branch.body.some((statement) => statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement');
}

function followingStatements(statement: Node, ancestors: readonly Node[]): Node[] {
  const block = ancestors[ancestors.length - 1];
  if (block?.type !== 'BlockStatement' && block?.type !== 'Program') return [];
  const body = block.body as Node[];
  return body.slice(body.indexOf(statement) + 1);
}

function jsxName(element: NodeOf<'JSXElement'>): string {
  const name = element.openingElement.name;
  return name.type === 'JSXIdentifier' ? name.name : '';
}

function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word.toLowerCase());
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

