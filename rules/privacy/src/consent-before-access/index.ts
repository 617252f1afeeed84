import { defineRule, optionValue, UNKNOWN, walkJs, type BxmlElement, type JsFile, type Project } from '@bmplint/core';
import { controlLabel } from '../bxml.js';
import {
  ancestorsOf, callersOf, factsOf, isCall, isFunction, jsxLabel, jsxName, positionOf, propertyName, referencesOf, resolveCallee,
  templateBindings, textOf, thisMembers, unwrap, walkedJs, within, type CallNode, type FunctionNode, type Node, type Position,
} from '../js.js';

type Category = 'location' | 'camera' | 'album' | 'phone' | 'email' | 'profile';

/** The bn APIs that read device or personal data, and what each reads. */
const SENSITIVE: Record<string, Category> = {
  getLocation: 'location',
  chooseLocation: 'location',
  startLocationUpdate: 'location',
  startLocationUpdateBackground: 'location',
  chooseImage: 'camera',
  scanCode: 'camera',
  saveImageToPhotosAlbum: 'album',
  saveVideoToPhotosAlbum: 'album',
  getPhoneNumber: 'phone',
  getEmailAddress: 'email',
  getUserInfo: 'profile',
  getUserProfile: 'profile',
};

const WHAT: Record<Category, string> = {
  location: "the user's location",
  camera: 'the camera',
  album: "the user's photo album",
  phone: "the user's phone number",
  email: "the user's email address",
  profile: "the user's profile (name and avatar)",
};

const HOW: Record<Category, string> = {
  location: "bn.authorize({ scope: 'scope.userLocation' }) (or check bn.getSetting) or a bn.showModal that says why and gates the call on confirm",
  camera: "bn.authorize({ scope: 'scope.camera' }) or a bn.showModal that says why and gates the call on confirm",
  album: "bn.authorize({ scope: 'scope.writePhotosAlbum' }) or a bn.showModal that says why and gates the call on confirm",
  phone: 'a bn.showModal that says why the phone number is needed and gates the call on confirm (or a button with open-type="getPhoneNumber")',
  email: 'a bn.showModal that says why the email address is needed and gates the call on confirm (or a button with open-type="getEmailAddress")',
  profile: 'a bn.showModal that says why the profile is needed and gates the call on confirm',
};

/** Scopes of bn.authorize that grant each category. */
const SCOPES: Record<Category, RegExp> = {
  location: /^scope\.userLocation/,
  camera: /^scope\.camera$/,
  album: /^scope\.writePhotosAlbum$/,
  phone: /^scope\.(user|phone)/i,
  email: /^scope\.(user|email)/i,
  profile: /^scope\.user/i,
};

/** Categories where a tap on a control that says what it does is itself the user's consent. */
const GESTURE_CONSENT = new Set<Category>(['camera', 'album']);
const PERSONAL = new Set<Category>(['phone', 'email', 'profile']);

/** Words a control's label uses when it says what the camera or album is for (English and Chinese). */
const PURPOSE: Partial<Record<Category, RegExp>> = {
  camera: /photo|picture|pic\b|image|img|camera|scan|qr|bar ?code|upload|avatar|selfie|snap|shoot|capture|id card|passport|document|receipt|tupian|zhaopian|paizhao|saoma|拍|照|图|扫|相机|上传|头像|二维码|条码|证件/i,
  // A poster or a moments share is saved to the album so the user can post it: the control says so.
  album: /save|download|album|gallery|keep|export|store|poster|share|moments|保存|下载|相册|存|海报|分享|朋友圈/i,
  location: /location|address|place|map|where|gps|position|地址|位置|地点|地图|定位|所在/i,
};

/**
 * Labels that state the access itself ("获取位置", "Get my location", "定位"): a tap on such a
 * control is the user asking for it, arguably their authorization under 5.2.3, though 5.2.1 still
 * wants the purpose stated. Not a certain rejection: a warning.
 */
const STATES_ACCESS: Partial<Record<Category, RegExp>> = {
  location: /location|position|gps|locate|where am i|定位|位置|所在地/i,
};

/** APIs where the user picks the data on a screen of the platform (a map to choose a place on): a tap on a control that says so is consent. */
const PICKERS = new Set(['chooseLocation']);

/** Template events that fire without the user acting (everything else — taps, changes, a custom component's `select` — is a user gesture). */
const NON_GESTURE_EVENTS = new Set([
  'load', 'error', 'scroll', 'scrolltoupper', 'scrolltolower', 'message', 'play', 'pause', 'ended', 'timeupdate', 'waiting', 'progress',
  'fullscreenchange', 'animationfinish', 'transition', 'success', 'fail', 'complete', 'keyboardheightchange', 'linechange', 'focus', 'blur',
  'refresherpulling', 'refresherrefresh', 'refresherrestore', 'ready', 'attached', 'show', 'hide', 'change:visible',
]);
/** Events of open-type buttons: the platform asks the user before it fires them (`getauthorize`: an Alipay-dialect `open-type="getAuthorize"` button, whose binding is reported as its own problem). */
const OPEN_DATA_EVENTS = new Set(['getphonenumber', 'getemailaddress', 'getuserinfo', 'getuserprofile', 'getauthorize']);
const JSX_GESTURES = new Set(['onClick', 'onTap', 'onLongPress', 'onLongTap', 'onTouchEnd', 'onSubmit', 'onConfirm', 'onChange', 'onInput']);
const JSX_OPEN_DATA = /^onGet(phonenumber|emailaddress|userinfo|userprofile|authorize)$/i;

const PAGE_HOOKS = new Set([
  'onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onPullDownRefresh', 'onReachBottom', 'onPageScroll', 'onResize', 'onTabItemTap',
  'onShareAppMessage', 'onShareTimeline', 'onAddToFavorites', 'onLaunch', 'onError', 'onPageNotFound', 'onUnhandledRejection', 'onThemeChange',
  'created', 'attached', 'ready', 'moved', 'detached', 'beforeCreate', 'mounted', 'destroyed',
]);
const CLASS_HOOKS = new Set(['constructor', 'render', 'componentDidMount', 'componentWillMount', 'componentDidShow', 'componentDidHide', 'componentDidUpdate', 'onLaunch', 'onLoad', 'onShow', 'onReady']);
const REACT_HOOKS = /^use(Effect|LayoutEffect|DidShow|DidHide|Ready|Load|Launch|Mount|Unload|PullDownRefresh|ReachBottom|PageScroll|Resize|ShareAppMessage|TabItemTap)$/;
/** Calls that wrap a function and return it (the wrapped function runs when the result is called). */
const FUNCTION_WRAPPERS = /^(useCallback|useMemo|debounce|throttle|once|memoize|useDebounce|useThrottle|useDebounceFn|useThrottleFn|useMemoizedFn)$/;

const CONFIRM_GATE = /\b(confirm(ed)?|cancel(ed|led)?)\b/;
/** A test on stored consent or authorization state: `authSetting['scope.camera']`, `this.data.agreed`. */
const CONSENT_FLAG = /authSetting|consent|agree|authori[sz]|permi(t|ssion)|granted|allowed|privacy/i;

const MAX_DEPTH = 10;
/** Helper calls resolved per function when looking for a consent step in them (nearest first). */
const MAX_HELPERS = 50;

type Entry =
  | { kind: 'consented' }
  | { kind: 'hook'; name: string }
  | { kind: 'event'; name: string; handler: string }
  | { kind: 'gesture'; event: string; handler: string; label: string; dynamic: boolean; element: string }
  | { kind: 'unknown'; name: string };

interface Gates {
  confirm: boolean;
  flag: boolean;
}

interface ConsentKinds {
  scopes: Array<string | undefined>;
  check: boolean;
  modal: boolean;
  login: boolean;
}

const CONSENT_APIS = new Set(['authorize', 'getSetting', 'openSetting', 'showModal', 'login']);

export default defineRule({
  meta: {
    id: 'privacy/consent-before-access',
    clauses: ['5.2.1', '5.2.3'],
    severity: 'error',
    suppressible: true,
    confidence: 'high',
    // Calls of one API reached the same way are one problem (each call site is listed under it).
    subject: ['api', 'what'],
    docs: { description: 'Location, camera, photo album and personal data (phone, email, profile) may be read only after the user agreed: bn.authorize / bn.getSetting, or a consent prompt, before the call on its path.' },
    messages: {
      noConsent: 'bn.{{api}} accesses {{what}} from {{entry}} with no bn.authorize or bn.getSetting check and no consent prompt before it: ask first with {{how}} (5.2.1, 5.2.3).',
      tapIsNotConsent: 'bn.{{api}} accesses {{what}} as soon as the user taps {{element}} (handler {{handler}}): a tap is not consent for {{what}}; ask first with {{how}} (5.2.1, 5.2.3).',
      labelledTap: 'bn.{{api}} accesses {{what}} when the user taps {{element}} labelled {{label}} (handler {{handler}}): the control asks for {{what}}, which a reviewer may take as the user\'s authorization (5.2.3), but nothing says why it is needed; say so, or ask with {{how}} (5.2.1, 5.2.3).',
      purposeUnclear: 'bn.{{api}} opens {{what}} when the user taps {{element}} (handler {{handler}}), whose label ({{label}}) does not say what it is for: label the control with its purpose (e.g. "Scan QR code", "Upload photo") or ask with {{how}} (5.2.1, 5.2.3).',
      unresolved: 'bn.{{api}} accesses {{what}} in {{entry}}, and it is not clear how that code is reached or whether the user agreed first: make sure {{how}} comes before it (5.2.1, 5.2.3).',
    },
  },
  create(context) {
    return {
      js: {
        bnCall(call) {
          const category = SENSITIVE[call.name];
          const file = walkedJs(context.file);
          if (!category || !file) return;
          if (call.name === 'chooseImage' && !mayUseCamera(context.project, file, call.options)) return;
          const search = new ConsentSearch(context.project, category, file);
          const entries = search.fromSite(file, call.node, { confirm: false, flag: false }, 0);
          const finding = worst(entries, category, call.name);
          if (!finding) return;
          const data: Record<string, string> = { api: call.name, what: WHAT[category], how: HOW[category] };
          const entry = finding.entry;
          if (entry.kind === 'hook') context.report({ node: call.node, messageId: 'noConsent', data: { ...data, entry: describeHook(entry.name) } });
          else if (entry.kind === 'event') context.report({ node: call.node, messageId: 'noConsent', data: { ...data, entry: `the "${entry.name}" event handler ${entry.handler}` } });
          else if (entry.kind === 'gesture' && finding.why === 'tap') context.report({ node: call.node, messageId: 'tapIsNotConsent', data: { ...data, element: entry.element, handler: entry.handler } });
          else if (entry.kind === 'gesture' && finding.why === 'labelledTap') {
            context.report({ node: call.node, messageId: 'labelledTap', severity: 'warning', data: { ...data, element: entry.element, handler: entry.handler, label: `"${entry.label}"` } });
          }
          else if (entry.kind === 'gesture') {
            // The user did act, and the platform's own picker follows: an unlabelled control is a question for the reviewer, not a sure rejection.
            context.report({
              node: call.node, messageId: 'purposeUnclear', confidence: 'low',
              data: { ...data, element: entry.element, handler: entry.handler, label: entry.label ? `"${entry.label}"` : entry.dynamic ? 'set at run time' : 'none' },
            });
          } else if (entry.kind === 'unknown') context.report({ node: call.node, messageId: 'unresolved', confidence: 'low', data: { ...data, entry: entry.name } });
        },
      },
    };
  },
});

function describeHook(name: string): string {
  if (name === 'module load') return 'module code that runs when the script loads';
  if (name === 'render') return 'the component body (it runs on every render)';
  return `the ${name} lifecycle hook`;
}

/** chooseImage reaches the camera unless its sourceType is known to be album only. */
function mayUseCamera(project: Project, file: JsFile, options: Parameters<typeof optionValue>[0]): boolean {
  const source = optionValue(options, 'sourceType');
  if (!source) return true;
  const value = project.evaluator.evaluate(source, file);
  if (value === UNKNOWN || !Array.isArray(value)) return true;
  return value.some((item) => item === 'camera' || item === UNKNOWN);
}

/**
 * bn.getUserProfile is a UI command (UIGetUserProfile in the runtime): the platform shows its own
 * prompt, so called on a tap it asks the user itself. Outside a tap it still needs consent.
 */
const PROMPTS_ON_TAP = new Set(['getUserProfile']);

/** The entry that decides the finding: hooks first, then taps that are not consent, unclear labels, unknown paths. */
function worst(entries: Entry[], category: Category, api: string): { entry: Entry; why?: 'tap' | 'labelledTap' } | undefined {
  const hook = entries.find((entry) => entry.kind === 'hook' || entry.kind === 'event');
  if (hook) return { entry: hook };
  const gestures = PROMPTS_ON_TAP.has(api) ? [] : entries.filter((entry): entry is Extract<Entry, { kind: 'gesture' }> => entry.kind === 'gesture');
  if (!GESTURE_CONSENT.has(category) && !PICKERS.has(api) && gestures.length) {
    const states = STATES_ACCESS[category];
    const unlabelled = gestures.find((entry) => !entry.dynamic && !states?.test(entry.label)) ?? gestures.find((entry) => entry.dynamic);
    return unlabelled ? { entry: unlabelled, why: 'tap' } : { entry: gestures[0], why: 'labelledTap' };
  }
  const unclear = gestures.find((entry) => !PURPOSE[category]?.test(entry.label));
  if (unclear) return { entry: unclear };
  const unknown = entries.find((entry) => entry.kind === 'unknown');
  return unknown ? { entry: unknown } : undefined;
}

/** Follows a sensitive call back to how its code is reached, looking for consent on the way. */
class ConsentSearch {
  private readonly seen = new Set<Node>();
  private readonly consentCache = new Map<FunctionNode, ConsentKinds>();

  /** `reader`: the file being walked, whose result depends on the callers looked up. */
  constructor(private readonly project: Project, private readonly category: Category, private readonly reader: JsFile) {}

  /** From a place in the code (the sensitive call or a call of a function that leads to it) outwards. */
  fromSite(file: JsFile, site: Node, inherited: Gates, depth: number): Entry[] {
    if (depth > MAX_DEPTH) return [{ kind: 'unknown', name: 'a deeply nested call chain' }];
    const gates = { ...inherited };
    for (const { node, child } of ancestorsOf(file, site)) {
      this.gate(file, node, child, gates);
      if (gates.flag) return [{ kind: 'consented' }];
      if (isFunction(node)) {
        if (this.consentBefore(file, node, site, gates)) return [{ kind: 'consented' }];
        return this.enterFunction(file, node, gates, depth);
      }
      if (node.type === 'Program') {
        if (this.consentBefore(file, node, site, gates)) return [{ kind: 'consented' }];
        return [{ kind: 'hook', name: 'module load' }];
      }
    }
    return [{ kind: 'unknown', name: file.path }];
  }

  /** Records what the code on the way tests before it runs: `if (res.confirm)`, `if (!agreed) return`. */
  private gate(file: JsFile, node: Node, child: Node, gates: Gates): void {
    const tests: Node[] = [];
    if ((node.type === 'IfStatement' || node.type === 'ConditionalExpression') && child !== node.test) tests.push(node.test);
    if (node.type === 'LogicalExpression' && node.operator === '&&' && child === node.right) tests.push(node.left);
    if (node.type === 'BlockStatement' || node.type === 'Program' || node.type === 'SwitchCase') {
      const body = (node.type === 'SwitchCase' ? node.consequent : node.body) as Node[];
      for (const statement of body) {
        if (statement === child) break;
        if (statement.type === 'IfStatement' && exits(statement.consequent)) tests.push(statement.test);
      }
    }
    for (const test of tests) {
      const text = textOf(file, test);
      if (CONFIRM_GATE.test(text)) gates.confirm = true;
      if (CONSENT_FLAG.test(text)) gates.flag = true;
    }
  }

  /** Whether `fn` asks for consent before `site`: a consent API call or a helper that makes one (nearest helpers first, bounded). */
  private consentBefore(file: JsFile, fn: Node, site: Node, gates: Gates): boolean {
    const facts = factsOf(file);
    const bn = this.project.bnApi(file);
    if (!facts) return false;
    const start = site.start ?? 0;
    let helpers = MAX_HELPERS;
    for (let i = facts.calls.length - 1; i >= 0; i--) {
      const call = facts.calls[i];
      if ((call.end ?? 0) > start || !within(call, fn)) continue;
      const kinds = this.consentOfCall(file, call, bn, 0, () => helpers-- > 0);
      if (kinds && this.grants(kinds, gates)) return true;
    }
    return false;
  }

  /**
   * The consent a call asks for: a consent API (recognised by name first, so most calls cost
   * nothing), or a helper that calls one, when `mayFollow` allows resolving another helper.
   */
  private consentOfCall(file: JsFile, call: CallNode, bn: ReturnType<Project['bnApi']>, depth: number, mayFollow: () => boolean): ConsentKinds | undefined {
    const name = nameOfCallee(call.callee);
    if (name && CONSENT_APIS.has(name)) {
      const api = bn?.call(call as never);
      if (api && CONSENT_APIS.has(api.name)) return this.kindsOfApi(file, api.name, api.options);
    }
    if (depth >= 2 || !mayFollow()) return undefined;
    const target = resolveCallee(this.project, file, call.callee);
    return target ? this.consentIn(target.file, target.fn, depth + 1) : undefined;
  }

  private kindsOfApi(file: JsFile, name: string, options: Parameters<typeof optionValue>[0]): ConsentKinds {
    const kinds: ConsentKinds = { scopes: [], check: false, modal: false, login: false };
    if (name === 'authorize') {
      const scope = this.project.evaluator.evaluate(optionValue(options, 'scope'), file);
      kinds.scopes.push(typeof scope === 'string' ? scope : undefined);
    } else if (name === 'getSetting' || name === 'openSetting') kinds.check = true;
    else if (name === 'showModal') kinds.modal = true;
    else if (name === 'login' && optionValue(options, 'scope')) kinds.login = true;
    return kinds;
  }

  /** Consent APIs called anywhere in a helper (and the helpers it calls). */
  private consentIn(file: JsFile, fn: FunctionNode, depth: number): ConsentKinds | undefined {
    const cached = this.consentCache.get(fn);
    if (cached) return cached;
    const kinds: ConsentKinds = { scopes: [], check: false, modal: false, login: false };
    this.consentCache.set(fn, kinds);
    const bn = this.project.bnApi(file);
    let helpers = MAX_HELPERS;
    for (const call of factsOf(file)?.calls ?? []) {
      if (!within(call, fn)) continue;
      const found = this.consentOfCall(file, call, bn, depth, () => helpers-- > 0);
      if (!found) continue;
      kinds.scopes.push(...found.scopes);
      kinds.check ||= found.check;
      kinds.modal ||= found.modal;
      kinds.login ||= found.login;
    }
    return kinds;
  }

  private grants(kinds: ConsentKinds, gates: Gates): boolean {
    if (kinds.check) return true;
    if (kinds.modal && gates.confirm) return true;
    if (kinds.login && PERSONAL.has(this.category)) return true;
    return kinds.scopes.some((scope) => scope === undefined || SCOPES[this.category].test(scope));
  }

  /** How a function is entered: which code calls it, binds it or registers it. */
  private enterFunction(file: JsFile, fn: Node, gates: Gates, depth: number): Entry[] {
    if (this.seen.has(fn)) return [];
    this.seen.add(fn);
    return this.fromValue(file, fn, fn, gates, depth);
  }

  /** `value` is the function itself or an expression that stands for it (a reference, a `debounce(fn)` call). */
  private fromValue(file: JsFile, fn: Node, value: Node, gates: Gates, depth: number): Entry[] {
    const position = positionOf(this.project, file, value);
    return this.fromPosition(file, fn, value, position, gates, depth);
  }

  private fromPosition(file: JsFile, fn: Node, value: Node, position: Position, gates: Gates, depth: number): Entry[] {
    const next = depth + 1;
    switch (position.kind) {
      case 'callee':
        return this.fromSite(file, position.call, gates, next);
      case 'argument': {
        const call = position.call;
        const calleeName = nameOfCallee(call.callee);
        if (calleeName && FUNCTION_WRAPPERS.test(calleeName)) return this.fromValue(file, fn, call, gates, next);
        if (calleeName && REACT_HOOKS.test(calleeName)) return [{ kind: 'hook', name: calleeName }];
        const consent = this.consentOfPromise(file, call);
        if (consent && this.grants(consent, gates)) return [{ kind: 'consented' }];
        return this.fromSite(file, call, gates, next);
      }
      case 'option': {
        const api = this.project.bnApi(file)?.call(position.call as never);
        if (api && CONSENT_APIS.has(api.name) && (position.key === 'success' || (position.key === 'complete' && api.name !== 'authorize'))) {
          const kinds = this.kindsOfApi(file, api.name, api.options);
          if (this.grants(kinds, gates)) return [{ kind: 'consented' }];
        }
        return this.fromSite(file, position.call, gates, next);
      }
      case 'registration':
        if (position.section === 'lifetimes' || position.section === 'pageLifetimes' || position.section === 'observers' || PAGE_HOOKS.has(position.key)) {
          return [{ kind: 'hook', name: position.section === 'root' ? position.key : `${position.section}.${position.key}` }];
        }
        return this.fromMethod(file, position.key, gates, next);
      case 'class':
        if (CLASS_HOOKS.has(position.key)) return [{ kind: 'hook', name: position.key }];
        return this.fromMethod(file, position.key, gates, next, position.cls);
      case 'jsx':
        return [this.fromJsx(position.attribute, position.element)];
      case 'exportDefault':
        return containsJsx(fn) ? [{ kind: 'hook', name: 'render' }] : this.fromCallers(file, fn, 'the default export', gates, next);
      case 'declared': {
        const entries: Entry[] = [];
        const references = referencesOf(this.project, file, position.binding);
        for (const reference of references) entries.push(...this.fromValue(file, fn, reference, gates, next));
        const elsewhere = isFunction(fn) ? callersOf(this.project, file, fn, this.reader).filter((caller) => caller.file !== file) : [];
        for (const caller of elsewhere) entries.push(...this.fromSite(caller.file, caller.call, gates, next));
        if (!references.length && !elsewhere.length) {
          if (containsJsx(fn) && /^[A-Z]/.test(position.binding.name)) return [{ kind: 'hook', name: 'render' }];
          return [{ kind: 'unknown', name: `${position.binding.name}(), which nothing visible calls` }];
        }
        return entries;
      }
      case 'exported':
      case 'member':
        return this.fromCallers(file, fn, `${position.key}()`, gates, next);
      default:
        return [{ kind: 'unknown', name: describeFunction(file, fn) }];
    }
  }

  /** `consentCall().then(fn)`, `consentCall().then(a).then(fn)`. */
  private consentOfPromise(file: JsFile, call: CallNode): ConsentKinds | undefined {
    const callee = unwrap(call.callee);
    if (propertyName(callee) !== 'then' || (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')) return undefined;
    let root: Node = unwrap(callee.object);
    while (isCall(root)) {
      const inner = unwrap(root.callee);
      if ((inner.type === 'MemberExpression' || inner.type === 'OptionalMemberExpression') && ['then', 'catch', 'finally'].includes(propertyName(inner) ?? '')) {
        root = unwrap(inner.object);
        continue;
      }
      break;
    }
    if (!isCall(root)) return undefined;
    return this.consentOfCall(file, root, this.project.bnApi(file), 0, () => true);
  }

  /** A page/component method (or class method): template bindings and `this.key` uses. */
  private fromMethod(file: JsFile, key: string, gates: Gates, depth: number, cls?: Node): Entry[] {
    const entries: Entry[] = [];
    for (const binding of cls ? [] : templateBindings(this.project, file, key)) {
      entries.push(this.fromBinding(binding.event, key, binding.element));
    }
    for (const member of thisMembers(file, key)) {
      if (cls && !within(member, cls)) continue;
      entries.push(...this.fromPosition(file, member, member, positionOf(this.project, file, member), gates, depth));
    }
    if (!entries.length) return [{ kind: 'unknown', name: `the method ${key}, which no template event or visible code calls` }];
    return entries;
  }

  private fromBinding(event: string, handler: string, element: BxmlElement): Entry {
    const name = event.toLowerCase();
    if (OPEN_DATA_EVENTS.has(name)) return PERSONAL.has(this.category) ? { kind: 'consented' } : gestureEntry(name, handler, element);
    if (NON_GESTURE_EVENTS.has(name)) return { kind: 'event', name: event, handler };
    return gestureEntry(name, handler, element);
  }

  private fromJsx(attribute: string, element: Parameters<typeof jsxLabel>[0]): Entry {
    if (JSX_OPEN_DATA.test(attribute)) {
      if (PERSONAL.has(this.category)) return { kind: 'consented' };
    } else if (!JSX_GESTURES.has(attribute)) return { kind: 'event', name: attribute, handler: `on <${jsxName(element)}>` };
    const label = jsxLabel(element);
    return { kind: 'gesture', event: attribute, handler: `${attribute} of <${jsxName(element)}>`, label: label.text, dynamic: label.dynamic, element: `<${jsxName(element)}>` };
  }

  private fromCallers(file: JsFile, fn: Node, name: string, gates: Gates, depth: number): Entry[] {
    const callers = isFunction(fn) ? callersOf(this.project, file, fn, this.reader) : [];
    if (!callers.length) return [{ kind: 'unknown', name: `${name}, which nothing visible calls` }];
    return callers.flatMap((caller) => this.fromSite(caller.file, caller.call, gates, depth));
  }
}

function gestureEntry(event: string, handler: string, element: BxmlElement): Entry {
  const label = controlLabel(element);
  return { kind: 'gesture', event, handler, label: label.text.slice(0, 60), dynamic: label.dynamic, element: `<${element.name}>` };
}

/** A statement that always leaves: `return`, `throw`, or a block ending in one. */
function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = statement.body[statement.body.length - 1];
    return !!last && exits(last);
  }
  return false;
}

function nameOfCallee(callee: Node): string | undefined {
  const inner = unwrap(callee);
  if (inner.type === 'Identifier') return inner.name;
  return propertyName(inner);
}

function containsJsx(fn: Node): boolean {
  let found = false;
  walkJs(fn, {
    enter(node) {
      if (found) return false;
      if (node.type === 'JSXElement' || node.type === 'JSXFragment') found = true;
    },
  });
  return found;
}

function describeFunction(file: JsFile, fn: Node): string {
  const line = file.lines.positionAt(fn.start ?? 0).line;
  return `a function at ${file.path}:${line}`;
}
