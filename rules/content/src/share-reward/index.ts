import {
  attributeKey, defineRule, elementsOf, flowOf, isFunction, keyName, lineOf, memberName, optionValue, scanFiles, sourceText, unwrap, walkJs,
  type BnCall, type BxmlElement, type BxmlFile, type Flow, type FnRef, type JsFile, type Node, type NodeOf, type ParsedFile, type Project, type ScanContext, type Trigger,
} from '@bmplint/core';

/** Page/component methods the framework calls when the user shares. */
const HOOK_METHODS = new Set(['onShareAppMessage', 'onShareTimeline']);
/** React hooks (and the WeChat-style global registration) that take the share callback. */
const HOOK_CALLS = new Set(['useShareAppMessage', 'useShareTimeline', 'onShareAppMessage', 'onShareTimeline']);
/** `bn` APIs that open sharing: their `success` callback (or `.then`, or the code after `await`) runs after a share. */
const SHARE_API = /share/i;
const NOT_SHARING = /^(show|hide|update)ShareMenu$|^(on|off)ShareAppMessage$|^(on|off)ShareTimeline$/;
const VENDOR_PATH = /(^|\/)(node_modules|miniprogram_npm)\//;
/** How many calls deep the search follows from a share hook. */
const MAX_DEPTH = 4;

/** Words (of a data key, storage key, setter or endpoint) that name a reward, an unlock or progress. */
const REWARD_WORDS = new Set([
  'unlock', 'unlocked', 'unlocks', 'unlocking', 'reward', 'rewards', 'rewarded', 'bonus', 'bonuses', 'prize', 'prizes',
  'point', 'points', 'pts', 'coin', 'coins', 'credit', 'credits', 'chance', 'chances', 'spin', 'spins', 'draw', 'draws',
  'lottery', 'ticket', 'tickets', 'vip', 'level', 'levels', 'lvl', 'progress', 'box', 'boxes', 'chest', 'chests',
  'gift', 'gifts', 'gem', 'gems', 'diamond', 'diamonds', 'energy', 'lives', 'xp', 'exp', 'stamina', 'badge', 'badges',
  'coupon', 'coupons', 'voucher', 'vouchers', 'cashback', 'balance', 'airdrop',
]);
/** Words of UI state: `showRewardModal`, `rewardText` are about showing something, not granting it. */
const UI_WORDS = new Set([
  'show', 'shown', 'hide', 'hidden', 'visible', 'visibility', 'modal', 'popup', 'pop', 'dialog', 'panel', 'sheet', 'mask',
  'loading', 'toast', 'tip', 'tips', 'anim', 'animation', 'style', 'class', 'image', 'img', 'url', 'path', 'title', 'text',
  'desc', 'icon', 'menu', 'color', 'height', 'width', 'shadow', 'border', 'radius', 'opacity', 'size', 'font',
]);
/** Verbs of a function that grants something (`addPoints`, `unlockLevel`, `claimReward`). */
const GRANT_VERBS = new Set(['unlock', 'claim', 'grant', 'award', 'reward', 'give', 'add', 'increase', 'inc', 'incr', 'earn', 'redeem', 'draw', 'spin']);
/** Endpoint path words of a reward service. */
const REWARD_ENDPOINT_WORDS = new Set([
  'reward', 'rewards', 'claim', 'unlock', 'bonus', 'prize', 'prizes', 'lottery', 'draw', 'spin', 'spins', 'points', 'coins',
  'award', 'redeem', 'grant', 'airdrop', 'chance', 'chances', 'coupon', 'coupons',
]);
/** String values that say something was granted (`status: 'unlocked'`). */
const REWARD_VALUE = /^(unlock(ed)?|rewarded|claimed|vip)$/i;
/** Words of a "has shared" flag. */
const SHARE_FLAG_WORDS = new Set(['share', 'shared', 'sharing', 'forward', 'forwarded', 'reposted']);

/** `boxUnlocked` → `box unlocked`, `moon:shares` → `moon shares`. */
export function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** A data, storage or state key that holds a reward, an unlock or progress. */
export function isRewardName(name: string): boolean {
  const words = wordsOf(name);
  return !words.some((word) => UI_WORDS.has(word)) && words.some((word) => REWARD_WORDS.has(word));
}

/** A function that grants something: a grant verb with a reward word, or a verb that is a grant on its own. */
export function isGrantCall(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((word) => UI_WORDS.has(word))) return false;
  const verb = words.find((word) => GRANT_VERBS.has(word));
  if (!verb) return false;
  return verb === 'unlock' || verb === 'award' || verb === 'reward' || verb === 'grant' || words.some((word) => word !== verb && REWARD_WORDS.has(word));
}

function isShareFlag(name: string): boolean {
  const words = wordsOf(name);
  return !words.some((word) => UI_WORDS.has(word) || word === 'count' || word === 'times' || word === 'num') && words.some((word) => SHARE_FLAG_WORDS.has(word));
}

type Call = NodeOf<'CallExpression'>;

interface ShareStart {
  ref: FnRef;
  /** Only code after this offset of `ref.fn` runs after the share (`await bn.showSharePanel()`). */
  after?: number;
  kind: 'hook' | 'button' | 'callback';
  /** For messages. */
  label: string;
  /** Where a finding about the whole hook is reported. */
  anchor?: { file: string; node: Node };
}

interface Evidence {
  file: JsFile;
  node: Node;
  what: string;
}

interface Flag {
  file: JsFile;
  node: Node;
  key: string;
}

interface PendingCallback {
  file: JsFile;
  /** The callback (or, with `after`, the function awaiting the share). */
  value: Node;
  ancestors: readonly Node[];
  label: string;
  after?: number;
}

interface PendingHook {
  file: JsFile;
  value: Node;
  name: string;
  anchor: Node;
  ancestors: readonly Node[];
}

export default defineRule({
  meta: {
    id: 'content/share-reward',
    clauses: ['4.4'],
    severity: 'error',
    suppressible: false,
    treesRead: ['js', 'bxml'],
    docs: {
      description: 'Sharing must not be rewarded or required: no unlocks, points, lottery chances or progress granted from a share hook, a share button or a share success callback, and no content shown only after sharing.',
    },
    messages: {
      rewardInShareHook: '{{share}} {{what}} ({{at}}): rewards, unlocks, points, lottery chances or progress must not depend on sharing (4.4).',
      rewardAfterShare: '{{what}} when the user shares ({{share}}): rewards, unlocks, points, lottery chances or progress must not depend on sharing (4.4).',
      forcedShare: 'Content is shown only after sharing: "{{flag}}" is set only by {{share}} and gates {{gate}}. Users must not be forced to share before they can see or use content (4.4).',
    },
  },
  create(context) {
    return {
      project(project) {
        // The share hooks, callbacks and buttons of each file, found once per file content (see scriptShares).
        const hooks: PendingHook[] = [];
        const callbacks: PendingCallback[] = [];
        let shareButtons = false;
        for (const { value: found } of scanFiles(project, 'content/shares', sharesOf)) {
          hooks.push(...found.hooks);
          callbacks.push(...found.callbacks);
          shareButtons ||= found.shareButton;
        }
        const starts: ShareStart[] = [];
        const flow = flowOf(project);
        for (const hook of hooks) {
          const value = unwrap(hook.value);
          const ref = isFunction(value) ? { file: hook.file, fn: value, name: hook.name } : flow.resolveCallee(value, hook.file, undefined, hook.ancestors);
          if (!ref) continue;
          const line = lineOf(hook.file, hook.anchor.start ?? 0);
          starts.push({ ref, kind: 'hook', label: `${hook.name} (${hook.file.path}:${line})`, anchor: { file: hook.file.path, node: hook.anchor } });
        }
        for (const callback of callbacks) {
          if (callback.after !== undefined) {
            starts.push({ ref: { file: callback.file, fn: callback.value as FnRef['fn'], name: 'share' }, after: callback.after, kind: 'callback', label: callback.label });
            continue;
          }
          const value = unwrap(callback.value);
          const ref = isFunction(value) ? { file: callback.file, fn: value, name: 'share callback' } : flow.resolveCallee(value, callback.file, undefined, callback.ancestors);
          if (ref) starts.push({ ref, kind: 'callback', label: callback.label });
        }
        for (const trigger of shareButtons ? flow.triggers() : []) {
          if (trigger.kind === 'event' && isShareButton(trigger)) {
            starts.push({ ref: trigger.fn, kind: 'button', label: `${trigger.label} on a share button` });
          }
        }
        if (starts.length) check(project, flow, dedupe(starts));
      },
    };

    function check(project: Project, flow: Flow, list: ShareStart[]) {
      const reported = new Set<string>();
      const report = (file: string, node: Node, messageId: string, data: Record<string, string>) => {
        const key = `${file}\0${node.start}\0${messageId}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({ file, node, messageId, data });
      };
      const shareFns = new Set(list.map((start) => start.ref.fn));
      for (const start of list) {
        // Remembered by the files the search read: a session searches again only from starts whose reachable code changed.
        const found = project.remember(`content/share-reward/search:${start.after ?? ''}`, start.ref.fn, () => search(project, flow, start));
        if (found.reward) {
          const at = `${found.reward.file.path}:${lineOf(found.reward.file, found.reward.node.start ?? 0)}`;
          if (start.anchor) report(start.anchor.file, start.anchor.node, 'rewardInShareHook', { share: start.label, what: found.reward.what, at });
          else report(found.reward.file.path, found.reward.node, 'rewardAfterShare', { share: start.label, what: capitalize(found.reward.what) });
          continue;
        }
        for (const flag of found.flags) {
          if (setElsewhere(flag, shareFns)) continue;
          const gate = gateOf(project, flag);
          if (!gate) continue;
          const target = start.anchor ?? { file: flag.file.path, node: flag.node };
          report(target.file, target.node, 'forcedShare', { flag: flag.key, share: start.label, gate });
          break;
        }
      }
    }
  },
});

/** What one script or template gives the share search: its share hooks, the code run after its share APIs, and whether it has a share button. */
interface ScriptShares {
  hooks: PendingHook[];
  callbacks: PendingCallback[];
  shareButton: boolean;
}

/**
 * The share hooks, share-API callbacks and share buttons of one file (undefined for none). A file
 * that cannot hold a share hook, API or button (`onShareAppMessage`, `showSharePanel`,
 * `open-type="share"`) is not walked.
 */
function sharesOf(file: ParsedFile, context: ScanContext): ScriptShares | undefined {
  if (!file.text.includes('hare') && !file.text.includes('HARE')) return undefined;
  const found = file.kind === 'bxml' ? (templateHasShareButton(file) ? { hooks: [], callbacks: [], shareButton: true } : undefined)
    : file.kind === 'js' && file.ast ? walkShares(context, file, file.ast) : undefined;
  return found && (found.hooks.length || found.callbacks.length || found.shareButton) ? found : undefined;
}

function walkShares(context: ScanContext, file: JsFile, ast: Node): ScriptShares {
  const found: ScriptShares = { hooks: [], callbacks: [], shareButton: false };
  const inVendor = VENDOR_PATH.test(file.path);
  const bn = context.bnApi(file);
  const hookMember = (node: Node, key: Node, value: Node | null | undefined, ancestors: readonly Node[]) => {
    const name = keyName(node);
    if (!value || !name || !HOOK_METHODS.has(name) || inVendor) return;
    found.hooks.push({ file, value, name, anchor: key, ancestors: [...ancestors] });
  };
  walkJs(ast, {
    enter(node, ancestors) {
      switch (node.type) {
        case 'JSXAttribute':
          if (node.name.type === 'JSXIdentifier' && /^open-?type$/i.test(node.name.name) && node.value && /share/.test(sourceText(file, node.value))) found.shareButton = true;
          return;
        case 'ObjectMethod':
        case 'ClassMethod':
          if (node.kind === 'method') hookMember(node, node.key, node, ancestors);
          return;
        case 'ObjectProperty':
        case 'ClassProperty':
          hookMember(node, node.key, node.value, ancestors);
          return;
        case 'AssignmentExpression': {
          // `Index.onShareAppMessage = () => ({ … })`
          if (inVendor || (node.left.type !== 'MemberExpression' && node.left.type !== 'OptionalMemberExpression')) return;
          const name = memberName(node.left);
          if (name && HOOK_METHODS.has(name)) found.hooks.push({ file, value: node.right, name, anchor: node.left.property, ancestors: [...ancestors] });
          return;
        }
        case 'CallExpression':
        case 'OptionalCallExpression': {
          if (inVendor) return;
          const call = bn?.call(node as Call);
          if (call && SHARE_API.test(call.name) && !NOT_SHARING.test(call.name) && !HOOK_CALLS.has(call.name)) collectCallbacks(call, file, [...ancestors], found.callbacks);
          if (node.type !== 'CallExpression') return;
          const callee = unwrap(node.callee);
          const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
          const argument = node.arguments[0];
          if (!name || !HOOK_CALLS.has(name) || !argument || argument.type === 'SpreadElement') return;
          found.hooks.push({ file, value: argument, name, anchor: node.callee, ancestors: [...ancestors, node] });
          return;
        }
        default:
      }
    },
  });
  return found;
}

/** `<button open-type="share">` anywhere in a template. */
function templateHasShareButton(template: BxmlFile): boolean {
  for (const element of elementsOf(template.document)) {
    if (element.attributes.some((attribute) => attributeKey(attribute.name) === 'open-type' && attribute.value?.trim().toLowerCase() === 'share')) return true;
  }
  return false;
}

/** The code that runs after a share API succeeds: `success`, `.then(…)`, or what follows `await`. */
function collectCallbacks(call: BnCall, file: JsFile, ancestors: Node[], callbacks: PendingCallback[]) {
  const label = `the success of bn.${call.name} (${file.path}:${lineOf(file, call.node.start ?? 0)})`;
  const success = optionValue(call.options, 'success');
  if (success) callbacks.push({ file, value: success, ancestors, label });
  const parent = ancestors[ancestors.length - 1];
  const grand = ancestors[ancestors.length - 2];
  if (parent && grand && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && memberName(parent) === 'then'
    && (grand.type === 'CallExpression' || grand.type === 'OptionalCallExpression') && grand.callee === parent) {
    const argument = grand.arguments[0];
    if (argument && argument.type !== 'SpreadElement') callbacks.push({ file, value: argument, ancestors, label });
  }
  if (parent?.type === 'AwaitExpression') {
    const enclosing = [...ancestors].reverse().find(isFunction);
    if (enclosing) callbacks.push({ file, value: enclosing, ancestors, label, after: call.node.end ?? 0 });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dedupe(list: ShareStart[]): ShareStart[] {
  const seen = new Set<string>();
  const out: ShareStart[] = [];
  // Hooks first: a button handler that is also the share hook is reported as the hook.
  for (const start of [...list].sort((a, b) => Number(a.kind !== 'hook') - Number(b.kind !== 'hook'))) {
    const key = `${start.ref.file.path}\0${start.ref.fn.start}\0${start.after ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(start);
  }
  return out;
}

/** `<button open-type="share">` or `<Button openType="share">`. */
function isShareButton(trigger: Trigger): boolean {
  const element = trigger.element;
  if (!element) return false;
  if (element.kind === 'bxml') {
    return element.element.attributes.some((attribute) => attributeKey(attribute.name) === 'open-type' && attribute.value?.trim().toLowerCase() === 'share');
  }
  const node = element.node;
  if (node.type !== 'JSXElement') return false;
  return node.openingElement.attributes.some((attribute) => {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || !/^open-?type$/i.test(attribute.name.name)) return false;
    const value = attribute.value;
    if (value?.type === 'StringLiteral') return value.value === 'share';
    return value?.type === 'JSXExpressionContainer' && value.expression.type === 'StringLiteral' && value.expression.value === 'share';
  });
}

/** Breadth-first from the share start through the calls it makes: the first reward, and every "has shared" flag set. */
function search(project: Project, flow: Flow, start: ShareStart): { reward?: Evidence; flags: Flag[] } {
  const flags: Flag[] = [];
  let reward: Evidence | undefined;
  const seen = new Set<Node>();
  const queue: Array<{ ref: FnRef; after?: number; depth: number }> = [{ ref: start.ref, after: start.after, depth: 0 }];
  for (let i = 0; i < queue.length; i++) {
    const { ref, after, depth } = queue[i];
    if (seen.has(ref.fn) && after === undefined) continue;
    seen.add(ref.fn);
    // What the search finds depends on the files of the functions it reads (see `Flow.exploreEach`).
    project.parsed(ref.file.path);
    const found = inspect(project, ref, after);
    reward ??= found.reward;
    flags.push(...found.flags);
    if (depth >= MAX_DEPTH) continue;
    for (const site of flow.sites(ref)) {
      if (site.kind !== 'call' || (after !== undefined && (site.node.start ?? 0) < after)) continue;
      queue.push({ ref: site.target, depth: depth + 1 });
    }
  }
  return { reward, flags };
}

/** The rewards and flags one function's own code sets (inline callbacks included). */
function inspect(project: Project, ref: FnRef, after: number | undefined): { reward?: Evidence; flags: Flag[] } {
  const { file } = ref;
  const bn = project.bnApi(file);
  const flags: Flag[] = [];
  let reward: Evidence | undefined;
  const found = (node: Node, what: string) => {
    reward ??= { file, node, what };
  };
  const keys = (object: Node, api: string) => {
    if (object.type !== 'ObjectExpression') return;
    for (const property of object.properties) {
      if (property.type !== 'ObjectProperty') continue;
      const key = keyName(property);
      if (!key) continue;
      const value = unwrap(property.value);
      if (isRewardName(key)) found(property, `sets "${key}" with ${api}`);
      else if (value.type === 'StringLiteral' && REWARD_VALUE.test(value.value)) found(property, `sets "${key}" to "${value.value}" with ${api}`);
      else if (isShareFlag(key) && !isFalsy(value)) flags.push({ file, node: property, key: key.split('.')[0] });
    }
  };
  walkJs(ref.fn, {
    enter(node) {
      if (node !== ref.fn && node.type === 'FunctionDeclaration') return false;
      // After `await bn.showSharePanel()`: only what runs later (nodes around the call are entered, not checked as a whole).
      if (after !== undefined && (node.end ?? 0) <= after) return false;
      if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
        const call = bn?.call(node as Call);
        if (call) {
          bnEvidence(project, file, call, found, flags);
          return;
        }
        const callee = unwrap(node.callee);
        const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
        if (!name) return;
        const first = node.arguments[0] ? unwrap(node.arguments[0] as Node) : undefined;
        if (name === 'setData' || name === 'setState') {
          if (first && isFunction(first) && first.body.type !== 'BlockStatement') keys(unwrap(first.body), name);
          else if (first) keys(first, name);
          return;
        }
        if (callee.type === 'Identifier' && /^set[A-Z]/.test(name)) {
          // A React state setter: `setPoints(p => p + 10)`, `setShared(true)`.
          const state = name.charAt(3).toLowerCase() + name.slice(4);
          if (isRewardName(state)) found(node, `calls ${name}()`);
          else if (isShareFlag(state) && first && !isFalsy(first)) flags.push({ file, node, key: state });
          return;
        }
        if (isGrantCall(name)) found(node, `calls ${shorten(sourceText(file, node.callee))}()`);
        return;
      }
      if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression') {
        const target = unwrap(node.type === 'AssignmentExpression' ? node.left : node.argument);
        if (target.type !== 'MemberExpression' || !isStateObject(target.object)) return;
        const name = memberName(target);
        if (!name) return;
        if (isRewardName(name)) found(node, `changes ${shorten(sourceText(file, target))}`);
        else if (node.type === 'AssignmentExpression' && isShareFlag(name) && !isFalsy(unwrap(node.right))) flags.push({ file, node, key: name });
      }
    },
  });
  return { reward, flags };
}

/** Storage writes of reward keys and requests to reward endpoints. */
function bnEvidence(project: Project, file: JsFile, call: BnCall, found: (node: Node, what: string) => void, flags: Flag[]): void {
  const { name, node, options } = call;
  if (name === 'setStorage' || name === 'setStorageSync') {
    const keyNode = name === 'setStorageSync' ? (node.arguments[0] as Node | undefined) : optionValue(options, 'key');
    const valueNode = name === 'setStorageSync' ? (node.arguments[1] as Node | undefined) : optionValue(options, 'data');
    const key = keyNode ? project.evaluator.stringPrefix(keyNode, file) : undefined;
    const text = key?.value ?? key?.prefix ?? '';
    if (text && isRewardName(text)) found(node, `stores "${text}" with bn.${name}`);
    else if (text && isShareFlag(text) && (!valueNode || !isFalsy(unwrap(valueNode)))) flags.push({ file, node, key: text });
    return;
  }
  if (name === 'request' || name === 'uploadFile') {
    const url = optionValue(options, 'url');
    const text = url ? urlText(project, url, file) : '';
    if (pathWords(text).some((word) => REWARD_ENDPOINT_WORDS.has(word))) found(node, `calls the reward endpoint ${shorten(text)} with bn.${name}`);
  }
}

/** A URL expression as far as it is known: its value, else its literal parts. */
export function urlText(project: Project, node: Node, file: JsFile): string {
  const known = project.evaluator.stringPrefix(node, file);
  if (known.value !== undefined) return known.value;
  const parts: string[] = [known.prefix];
  walkJs(node, {
    enter(child) {
      if (child.type === 'StringLiteral') parts.push(child.value);
      else if (child.type === 'TemplateElement') parts.push(child.value.cooked ?? child.value.raw);
    },
  });
  return parts.filter(Boolean).join('…');
}

/** Words of a URL's path and query (the origin is left out: `rewards.example` names a host, not an endpoint). */
export function pathWords(url: string): string[] {
  return wordsOf(url.replace(/[a-z][a-z0-9+.-]*:\/\/[^/?#\s…]*/gi, ' '));
}

/** `this`, `that`/`self`/`app` aliases, `getApp()`, `this.data`, `app.globalData`: objects whose members are page or app state. */
function isStateObject(node: Node): boolean {
  let object = unwrap(node);
  // `this.data`, `app.globalData`, `this.state`: step down to the object they hang from.
  while (object.type === 'MemberExpression') {
    const name = memberName(object);
    if (name !== 'data' && name !== 'globalData' && name !== 'state') return false;
    object = unwrap(object.object);
  }
  if (object.type === 'ThisExpression') return true;
  if (object.type === 'Identifier') return /^(that|self|_this|me|vm|app|page)$/.test(object.name);
  return object.type === 'CallExpression' && object.callee.type === 'Identifier' && object.callee.name === 'getApp';
}

function isFalsy(node: Node): boolean {
  switch (node.type) {
    case 'BooleanLiteral': return !node.value;
    case 'NumericLiteral': return node.value === 0;
    case 'StringLiteral': return node.value === '';
    case 'NullLiteral': return true;
    case 'Identifier': return node.name === 'undefined';
    default: return false;
  }
}

/**
 * Whether the flag is also set to a truthy literal outside the share code (initial `data`, another
 * handler): then sharing is one way in, not the only one.
 */
function setElsewhere(flag: Flag, shareFns: ReadonlySet<Node>): boolean {
  const file = flag.file;
  if (!file.ast) return false;
  const ranges = [...shareFns].map((fn) => [fn.start ?? 0, fn.end ?? 0] as const);
  const inShare = (node: Node) => ranges.some(([start, end]) => (node.start ?? 0) >= start && (node.end ?? 0) <= end);
  let elsewhere = false;
  const truthyLiteral = (node: Node) => {
    const value = unwrap(node);
    return (value.type === 'BooleanLiteral' && value.value) || (value.type === 'NumericLiteral' && value.value !== 0) || (value.type === 'StringLiteral' && value.value !== '');
  };
  walkJs(file.ast, {
    enter(node) {
      if (elsewhere) return false;
      if (node.type === 'ObjectProperty' && keyName(node) === flag.key && truthyLiteral(node.value) && !inShare(node)) elsewhere = true;
      else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === `set${flag.key.charAt(0).toUpperCase()}${flag.key.slice(1)}`
        && node.arguments[0] && truthyLiteral(node.arguments[0] as Node) && !inShare(node)) elsewhere = true;
      else if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && memberName(node.left) === flag.key && truthyLiteral(node.right) && !inShare(node)) elsewhere = true;
    },
  });
  return elsewhere;
}

/** Where the flag gates content: a `bn:if`/`hidden` in the page's template, or a JSX condition in the file. */
function gateOf(project: Project, flag: Flag): string | undefined {
  const key = flag.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?:^|[^\\w$])\\.?${key}(?![\\w$])`);
  const templates = [
    ...project.pages.filter((page) => page.files.script === flag.file.path).map((page) => page.files.template),
    ...project.componentUses.filter((use) => use.files.script === flag.file.path).map((use) => use.files.template),
  ].filter((path): path is string => !!path);
  for (const path of new Set(templates)) {
    const template = project.parsed(path);
    if (template?.kind !== 'bxml') continue;
    const gate = templateGate(template, pattern);
    if (gate) return `<${gate.name}> at ${template.path}:${lineOf(template, gate.start)}`;
  }
  const file = flag.file;
  if (!file.ast || !/\.[jt]sx$/.test(file.path)) return undefined;
  let gate: Node | undefined;
  walkJs(file.ast, {
    enter(node) {
      if (gate) return false;
      if (node.type !== 'ConditionalExpression' && node.type !== 'LogicalExpression') return;
      const test = node.type === 'ConditionalExpression' ? node.test : node.left;
      const body = node.type === 'ConditionalExpression' ? [node.consequent, node.alternate] : [node.right];
      if (pattern.test(sourceText(file, test)) && body.some((part) => /^JSX/.test(unwrap(part).type))) gate = node;
    },
  });
  return gate ? `the JSX at ${file.path}:${lineOf(file, gate.start ?? 0)}` : undefined;
}

function templateGate(template: BxmlFile, pattern: RegExp): BxmlElement | undefined {
  for (const element of elementsOf(template.document)) {
    for (const attribute of element.attributes) {
      if (!/^(bn:if|bn:elif|hidden|bn:show)$/.test(attribute.name)) continue;
      if (attribute.expressions.some((expression) => pattern.test(expression.code))) return element;
    }
  }
  return undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
