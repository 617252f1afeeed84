import {
  defineRule, getAttribute, optionValue, staticAttributeValue, UNKNOWN,
  type BnCall, type BxmlAttribute, type BxmlDocument, type BxmlElement, type JsFile, type JsNode, type NodeOf, type Project, type ReportTarget,
} from '@bmplint/core';
import { classifyLink, type LinkVerdict } from './links.js';

/** Routing APIs whose `url` is a page of this app, unless `target: 'deeplink'` makes it a deep link. */
const ROUTING_APIS = new Set(['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']);
/** Attributes that hold a link in a template (on any element). */
const LINK_ATTRIBUTES = new Set(['url', 'src', 'href']);
const REACT_NAVIGATOR = new Set(['Navigator', 'navigator']);

type JSXOpeningElement = NodeOf<'JSXOpeningElement'>;
type JSXAttribute = NodeOf<'JSXAttribute'>;

/** Where a link is used: a deep-link position opens anything; a page link only leaves by a foreign scheme. */
type Position = 'deeplink' | 'link';

/** A key that holds a mini program's id: `appId`, `appid`, `app_id`, `app-id`, `miniAppId`, `data-appid`. */
const APP_ID_KEY = /app[-_]?id$/i;
/** A WeChat appId, whatever key holds it. */
const WECHAT_APP_ID = /^wx[0-9a-f]{16}$/i;

/**
 * What the visitors record (facts, cached with the file): that this file of the app's own code
 * writes an appId as a literal (in code, markup or a JSON data file), and a jump whose appId is
 * only known at run time. The project hook decides the jump's severity from the first.
 */
type Fact = { t: 'appIdLiteral' } | { t: 'runTimeJump'; span: { start: number; end: number }; via: string };

export default defineRule({
  meta: {
    id: 'api/no-mini-program-jump',
    clauses: ['2.3.5'],
    severity: 'error',
    // 2.3.5 allows jumps the platform has authorised: such an app may suppress a finding with a reason.
    suppressible: true,
    // Visitors record literal appIds and run-time jumps; the hook weighs the jumps by whether the bundle holds any appId.
    projectInput: 'facts',
    docs: {
      description: 'A mini program must not send users to other mini programs or apps: no bn.navigateToMiniProgram, <navigator target="miniProgram">, deep links to other mini programs, or links into other apps (weixin://, tg://, …).',
    },
    messages: {
      miniProgramJump: '{{via}} opens another mini program ({{app}}): without the platform\'s authorization a mini program must not jump to, or make its features depend on, other mini programs (2.3.5).',
      deepLinkMiniProgram: '{{via}} opens "{{url}}", a Binance deep link to another mini program ({{app}}): a mini program must not jump to other mini programs without the platform\'s authorization (2.3.5).',
      otherApp: '{{via}} opens "{{url}}" in {{app}}: a mini program\'s features must not send users to, or depend on, other apps (2.3.5).',
      deepLinkExternal: '{{via}} opens "{{url}}" outside the Binance app ({{host}}): deep links must not send users to other apps or sites; show web content in a <web-view> of a declared business domain instead (2.3.5).',
      dynamicDeepLink: '{{via}} opens a deep link computed at run time: make sure it cannot open another mini program or app (2.3.5).',
      vendoredJump: '{{via}} in the vendored package {{vendor}} can open another mini program ({{app}}) when the content or options the app gives it ask for one: make sure nothing the app shows does. Without the platform\'s authorization a mini program must not jump to other mini programs (2.3.5).',
      userChosenJump: '{{via}} opens the mini program whose appId the user enters ({{key}} is set from an input): no jump to a particular mini program is evident, but without the platform\'s authorization a mini program must not offer to open other mini programs (2.3.5).',
      serverAppIdJump: '{{via}} opens another mini program whose appId is only known at run time, and no appId is written anywhere in the app\'s code or data: it can only come from a server response (a banner or list the backend fills). No jump is evident in the bundle, but make sure that data never names another mini program; without the platform\'s authorization a mini program must not jump to other mini programs (2.3.5).',
      conditionalJump: '{{via}} renders only when {{condition}} is set, and this page\'s script never sets {{key}}: check that the data it shows never carries an appId. Without the platform\'s authorization a mini program must not jump to other mini programs (2.3.5).',
    },
  },
  create(context) {
    const project = context.project;
    let own: Set<string> | undefined;
    const ownAppIds = () => (own ??= ownAppIdsOf(project));
    const reported = new Set<string>();
    const record = (fact: Fact) => context.record(fact);
    /** Files of the app's own code that write an appId literal, each recorded once. */
    let literalIn: string | undefined;
    const appIdLiteral = (value: unknown) => {
      const path = context.file?.path;
      if (path === undefined || literalIn === path || typeof value !== 'string' || !value.trim() || ownAppIds().has(value) || project.vendorOf(path)) return;
      literalIn = path;
      record({ t: 'appIdLiteral' });
    };
    /** A jump to an appId set at run time: an error if the bundle writes any appId, else a warning (decided by the hook). */
    const runTimeJump = (target: ReportTarget, start: number, via: string) => {
      const key = `${context.file?.path}\0${start}\0runTimeJump`;
      if (reported.has(key)) return;
      reported.add(key);
      const end = (target as { end?: number | null }).end ?? start;
      record({ t: 'runTimeJump', span: { start, end }, via });
    };

    const report = (target: ReportTarget, start: number, messageId: string, data: Record<string, string>, confidence?: 'medium' | 'low', severity?: 'warning') => {
      const key = `${context.file?.path}\0${start}\0${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ node: target, messageId, data, confidence, severity });
    };

    /** Reports a link by its verdict; a page link is only reported when it leaves for another app or mini program. */
    const checkLink = (verdict: LinkVerdict, url: string, via: string, position: Position, target: ReportTarget, start: number) => {
      const shown = excerpt(url);
      switch (verdict.kind) {
        case 'miniProgram':
          // Without a scheme, `/mp/app?…` is a deep link only where deep links are opened; elsewhere it is a page route.
          if (position === 'link' && !/^\s*[a-z][a-z0-9+.-]*:/i.test(url)) return;
          report(target, start, 'deepLinkMiniProgram', { via, url: shown, app: describeAppId(verdict.appId) });
          return;
        case 'otherApp':
          // A page link with an unknown custom scheme just fails; only a deep link opens it.
          if (position === 'link' && !verdict.app) return;
          report(target, start, 'otherApp', { via, url: shown, app: verdict.app ?? `the app behind "${verdict.scheme}://"` });
          return;
        case 'external':
          if (position === 'deeplink') report(target, start, 'deepLinkExternal', { via, url: shown, host: verdict.host }, 'medium');
          return;
        case 'unknown':
          if (position === 'deeplink') report(target, start, 'dynamicDeepLink', { via }, 'low');
          return;
        default:
          return;
      }
    };

    const jsLink = (node: JsNode, file: JsFile, via: string, position: Position) => {
      const known = project.evaluator.stringPrefix(node, file);
      const url = known.value ?? known.prefix;
      checkLink(classifyLink(url, known.value !== undefined, ownAppIds()), url, via, position, node, node.start ?? 0);
    };

    const bnCall = (call: BnCall) => {
      const file = context.jsFile;
      if (!file) return;
      const via = viaOf(call);
      if (call.name === 'navigateToMiniProgram') {
        const appIdNode = optionValue(call.options, 'appId');
        const appId = appIdNode ? project.evaluator.evaluate(appIdNode, file) : UNKNOWN;
        if (typeof appId === 'string' && ownAppIds().has(appId)) return;
        const app = describeAppId(typeof appId === 'string' ? appId : undefined);
        const vendor = project.vendorOf(file.path);
        if (vendor) return report(call.node, call.node.start ?? 0, 'vendoredJump', { via, vendor, app }, undefined, 'warning');
        const key = typeof appId === 'string' ? undefined : pageDataKeyOf(call, file);
        if (key && setFromInput(file.text, key)) return report(call.node, call.node.start ?? 0, 'userChosenJump', { via, key }, undefined, 'warning');
        if (typeof appId !== 'string') return runTimeJump(call.node, call.node.start ?? 0, via);
        report(call.node, call.node.start ?? 0, 'miniProgramJump', { via, app });
      } else if (call.name === 'navigateToDeepLink') {
        const url = optionValue(call.options, 'url');
        if (url) jsLink(url, file, via, 'deeplink');
        else report(call.node, call.node.start ?? 0, 'dynamicDeepLink', { via }, 'low');
      } else if (ROUTING_APIS.has(call.name)) {
        const targetNode = optionValue(call.options, 'target');
        const target = targetNode ? project.evaluator.evaluate(targetNode, file) : undefined;
        const url = optionValue(call.options, 'url');
        if (target === 'deeplink') {
          const deepVia = `${via}({ target: 'deeplink' })`;
          if (url) jsLink(url, file, deepVia, 'deeplink');
          else report(call.node, call.node.start ?? 0, 'dynamicDeepLink', { via: deepVia }, 'low');
        } else if (target === 'miniProgram') {
          report(call.node, call.node.start ?? 0, 'miniProgramJump', { via: `${via}({ target: 'miniProgram' })`, app: describeAppId(undefined) });
        } else if (url) {
          jsLink(url, file, via, 'link');
        }
      }
    };

    const navigator = (element: BxmlElement) => {
      const targetAttribute = getAttribute(element, 'target');
      const target = staticAttributeValue(targetAttribute);
      if (target === 'miniProgram' && targetAttribute) {
        const appIdAttribute = getAttribute(element, 'app-id') ?? getAttribute(element, 'appId');
        const appId = staticAttributeValue(appIdAttribute);
        if (appId && ownAppIds().has(appId)) return;
        const via = '<navigator target="miniProgram">';
        const app = describeAppId(appId);
        const file = context.file;
        const vendor = file && project.vendorOf(file.path);
        if (vendor) report(targetAttribute, targetAttribute.start, 'vendoredJump', { via, vendor, app }, undefined, 'warning');
        else if (appId === undefined && appIdAttribute && file) runTimeNavigator(element, appIdAttribute, targetAttribute, file.path);
        else report(targetAttribute, targetAttribute.start, 'miniProgramJump', { via, app });
        return true;
      }
      if (target === 'deeplink') {
        const url = getAttribute(element, 'url');
        if (url) templateLink(url, '<navigator target="deeplink">', 'deeplink');
        else if (targetAttribute) report(targetAttribute, targetAttribute.start, 'dynamicDeepLink', { via: '<navigator target="deeplink">' }, 'low');
        return true;
      }
      return false;
    };

    /** A navigator whose appId is a `{{ }}` binding: chosen by the user, shown only when the data has one, or known to the app. */
    const runTimeNavigator = (element: BxmlElement, appIdAttribute: BxmlAttribute, targetAttribute: BxmlAttribute, path: string) => {
      const via = '<navigator target="miniProgram">';
      const script = unitScriptText(project, path);
      const binding = wholeBinding(appIdAttribute);
      const root = binding && !insideLoop(element) ? /^[A-Za-z_$][\w$]*/.exec(binding)?.[0] : undefined;
      if (script !== undefined && root && setFromInput(script, root)) {
        report(targetAttribute, targetAttribute.start, 'userChosenJump', { via, key: root }, undefined, 'warning');
        return;
      }
      const key = binding && /([A-Za-z_$][\w$]*)$/.exec(binding)?.[1];
      if (script !== undefined && binding && key && guardedBy(element, binding) && !writesKey(script, key)) {
        report(targetAttribute, targetAttribute.start, 'conditionalJump', { via, condition: binding, key }, undefined, 'warning');
        return;
      }
      runTimeJump(targetAttribute, targetAttribute.start, via);
    };

    const templateLink = (attribute: BxmlAttribute, via: string, position: Position) => {
      if (attribute.value === null) return;
      const first = attribute.expressions[0];
      const complete = !first;
      const url = complete ? decodeAmpersands(attribute.value) : decodeAmpersands(attribute.value.slice(0, first.start - attribute.valueStart));
      checkLink(classifyLink(url, complete, ownAppIds()), url, via, position, attribute, attribute.start);
    };

    const jsxNavigator = (node: JSXOpeningElement) => {
      const name = node.name.type === 'JSXIdentifier' ? node.name.name : node.name.type === 'JSXMemberExpression' && node.name.property.type === 'JSXIdentifier' ? node.name.property.name : '';
      const file = context.jsFile;
      if (!file) return;
      const attributes = new Map<string, JSXAttribute>();
      for (const attribute of node.attributes) {
        if (attribute.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier') attributes.set(attribute.name.name, attribute);
      }
      const valueOf = (attribute: JSXAttribute | undefined): { node?: JsNode; text?: string } => {
        const value = attribute?.value;
        if (!value) return {};
        if (value.type === 'StringLiteral') return { node: value, text: value.value };
        if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
          const evaluated = project.evaluator.evaluate(value.expression, file);
          return { node: value.expression, text: typeof evaluated === 'string' ? evaluated : undefined };
        }
        return {};
      };
      if (REACT_NAVIGATOR.has(name)) {
        const targetAttribute = attributes.get('target');
        const target = valueOf(targetAttribute).text;
        if (target === 'miniProgram' && targetAttribute) {
          const appId = valueOf(attributes.get('appId') ?? attributes.get('app-id')).text;
          if (appId && ownAppIds().has(appId)) return;
          report(targetAttribute, targetAttribute.start ?? 0, 'miniProgramJump', { via: '<Navigator target="miniProgram">', app: describeAppId(appId) });
          return;
        }
        if (target === 'deeplink' && targetAttribute) {
          const url = valueOf(attributes.get('url')).node;
          if (url) jsLink(url, file, '<Navigator target="deeplink">', 'deeplink');
          else report(targetAttribute, targetAttribute.start ?? 0, 'dynamicDeepLink', { via: '<Navigator target="deeplink">' }, 'low');
          return;
        }
      }
      for (const [attributeName, attribute] of attributes) {
        if (!LINK_ATTRIBUTES.has(attributeName)) continue;
        const value = valueOf(attribute).node;
        if (value) jsLink(value, file, `<${name} ${attributeName}>`, 'link');
      }
    };

    return {
      js: {
        bnCall,
        JSXOpeningElement: jsxNavigator,
        StringLiteral(node) {
          const parent = context.ancestors[context.ancestors.length - 1];
          if (WECHAT_APP_ID.test(node.value) || (parent?.type === 'ObjectProperty' && parent.value === node && APP_ID_KEY.test(propertyName(parent.key) ?? ''))
            || (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression' && APP_ID_KEY.test(propertyName(parent.left.property) ?? ''))) {
            appIdLiteral(node.value);
          }
        },
      },
      json: {
        document(file) {
          // The app's own static data (a banner list in a .json file); not the listing or the project config.
          if (/(?:^|\/)(?:project\.config|project\.private\.config|listing)\.json$/.test(file.path)) return;
          for (const value of appIdValues(file.value)) appIdLiteral(value);
        },
      },
      project() {
        let bundleWritesAppId = false;
        const jumps: Array<{ file: string; fact: Extract<Fact, { t: 'runTimeJump' }> }> = [];
        for (const [file, facts] of context.facts()) {
          for (const fact of facts as Fact[]) {
            if (fact.t === 'appIdLiteral') bundleWritesAppId = true;
            else jumps.push({ file, fact });
          }
        }
        for (const { file, fact } of jumps) {
          if (bundleWritesAppId) context.report({ file, span: fact.span, messageId: 'miniProgramJump', data: { via: fact.via, app: describeAppId(undefined) } });
          else context.report({ file, span: fact.span, messageId: 'serverAppIdJump', data: { via: fact.via }, severity: 'warning' });
        }
      },
      bxml: {
        attribute(attribute) {
          if (APP_ID_KEY.test(attribute.name) && attribute.value !== null && !attribute.expressions.length) appIdLiteral(attribute.value);
        },
        element(element) {
          if (element.name === 'navigator' && navigator(element)) return;
          for (const attribute of element.attributes) {
            if (LINK_ATTRIBUTES.has(attribute.name)) templateLink(attribute, `<${element.name} ${attribute.name}>`, 'link');
          }
        },
      },
    };
  },
});

/** A property's name when written as an identifier or a string (`appId`, `'app_id'`). */
function propertyName(key: NodeOf<'ObjectProperty'>['key'] | JsNode): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}

/** The string values of appId keys anywhere in a JSON value. */
function appIdValues(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 32 || !value || typeof value !== 'object') return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && (APP_ID_KEY.test(key) || WECHAT_APP_ID.test(item))) out.push(item);
    else appIdValues(item, out, depth + 1);
  }
  return out;
}

/** The code of an attribute that is one `{{ }}` binding of a name or a member chain (`{{page.appid}}` → `page.appid`). */
function wholeBinding(attribute: BxmlAttribute): string | undefined {
  const [expression] = attribute.expressions;
  if (attribute.expressions.length !== 1 || attribute.value?.trim() !== attribute.value?.slice(expression.start - attribute.valueStart, expression.end - attribute.valueStart).trim()) return undefined;
  const code = expression.code.trim();
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(code) ? code : undefined;
}

/** Whether the element renders only when `code` is truthy: it or an ancestor has `bn:if="{{code}}"`. */
function guardedBy(element: BxmlElement, code: string): boolean {
  for (let node: BxmlElement | BxmlDocument = element; node.type === 'element'; node = node.parent) {
    const condition = getAttribute(node, 'bn:if') ?? getAttribute(node, 'wx:if');
    if (condition && wholeBinding(condition)?.replace(/^!!/, '') === code) return true;
  }
  return false;
}

function insideLoop(element: BxmlElement): boolean {
  for (let node: BxmlElement | BxmlDocument = element; node.type === 'element'; node = node.parent) {
    if (node.attributes.some((attribute) => /^(?:bn|wx):for$/.test(attribute.name))) return true;
  }
  return false;
}

/** The script of the page or component a template belongs to (same name, .js or .ts), read through the project so caching sees it. */
function unitScriptText(project: Project, templatePath: string): string | undefined {
  const base = templatePath.replace(/\.[^./]+$/, '');
  for (const extension of ['.js', '.ts']) {
    if (project.bundle.has(base + extension)) return project.jsFile(base + extension)?.text;
  }
  return undefined;
}

/** `this.data.payload` (also spread into the options, or `.appId` of it) → `payload`. */
function pageDataKeyOf(call: BnCall, file: JsFile): string | undefined {
  const sources = (call.options?.properties ?? []).flatMap((property) =>
    property.type === 'SpreadElement' ? [property.argument] : property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'appId' ? [property.value] : []);
  for (const source of sources) {
    const text = file.text.slice(source.start ?? 0, source.end ?? 0);
    const key = /^(?:this|that|self|_this)\.data\.([A-Za-z_$][\w$]*)/.exec(text)?.[1];
    if (key) return key;
  }
  return undefined;
}

/**
 * Whether the script sets the data key from what the user types: `key: e.detail.value`, or
 * `key: payload` after `const payload = JSON.parse(e.detail.value)`.
 */
function setFromInput(script: string, key: string): boolean {
  for (const match of script.matchAll(new RegExp(`(?<![\\w$.])['"]?${key.replace(/\$/g, '\\$')}['"]?\\s*:\\s*([^,}\\n]+)`, 'g'))) {
    const value = match[1]!.trim();
    if (/\bdetail\.value\b/.test(value)) return true;
    const name = /^[A-Za-z_$][\w$]*$/.exec(value)?.[0];
    const init = name && new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]+)`).exec(script)?.[1];
    if (init && /\bdetail\.value\b/.test(init)) return true;
  }
  return false;
}

/** Whether the script writes `key` anywhere: as an object key (`appid: …`) or a member (`x.appid = …`). */
function writesKey(script: string, key: string): boolean {
  const name = key.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\w$])['"]?${name}['"]?\\s*:(?!:)|\\.${name}\\s*=(?!=)|\\[\\s*['"]${name}['"]\\s*\\]\\s*=(?!=)`).test(script);
}

/** This app's own ids: the listing's `appId` and project.config.json's `appid` (a link to itself is not a jump). */
export function ownAppIdsOf(project: Project): Set<string> {
  const ids = new Set<string>();
  const listed = project.listing?.listing.appId;
  if (listed) ids.add(listed);
  const config = project.jsonFile(`${project.projectRoot}project.config.json`);
  const value = config?.value as { appid?: unknown } | undefined;
  if (typeof value?.appid === 'string' && value.appid && value.appid !== 'touristappid') ids.add(value.appid);
  return ids;
}

/** How the call is written, for messages: `bn.x`, `x()`, or `go() (bn.x)` for a renamed alias. */
function viaOf(call: BnCall): string {
  if (call.spelling !== 'alias') return `bn.${call.name}`;
  const callee = call.node.callee;
  const written = callee.type === 'Identifier' ? callee.name : call.name;
  return written === call.name ? `${call.name}()` : `${written}() (bn.${call.name})`;
}

function describeAppId(appId: string | undefined): string {
  return appId ? `appId "${appId}"` : 'an appId set at run time';
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** Template attribute values are written with entities: `&amp;` in a query string. */
function decodeAmpersands(value: string): string {
  return value.replace(/&amp;/g, '&');
}
