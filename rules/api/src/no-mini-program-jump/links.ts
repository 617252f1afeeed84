import appLinks from './data/app-links.json' with { type: 'json' };

/** One app that links can open, from data/app-links.json. */
export interface AppLinks {
  name: string;
  schemes: string[];
  hosts: string[];
  source: string;
}

export interface AppLinkData {
  id: string;
  clauses: string[];
  source: string;
  binance: { schemes: string[]; hosts: string[]; miniProgramPath: string; source: string };
  apps: AppLinks[];
}

/** Checks the data file once, when the module loads. */
export function validateAppLinks(value: unknown): AppLinkData {
  const data = value as AppLinkData;
  const fail = (problem: string): never => {
    throw new Error(`rules/api/src/no-mini-program-jump/data/app-links.json: ${problem}`);
  };
  if (!data || typeof data.source !== 'string' || !data.source) fail('needs a source');
  if (!Array.isArray(data.apps) || !data.apps.length) fail('needs apps');
  const schemes = new Set<string>(data.binance.schemes);
  for (const app of data.apps) {
    if (!app.name || !app.source) fail(`every app needs a name and a source (${JSON.stringify(app)})`);
    if (!app.schemes.length && !app.hosts.length) fail(`${app.name} names no scheme or host`);
    for (const scheme of app.schemes) {
      if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) fail(`${app.name}: scheme "${scheme}" must be lower-case without "://"`);
      if (schemes.has(scheme)) fail(`scheme "${scheme}" is listed twice`);
      schemes.add(scheme);
    }
    for (const host of app.hosts) if (!/^[a-z0-9.-]+\.[a-z]+$/.test(host)) fail(`${app.name}: host "${host}" must be a lower-case host name`);
  }
  return data;
}

export const APP_LINKS = validateAppLinks(appLinks);

const APP_BY_SCHEME = new Map<string, AppLinks>();
for (const app of APP_LINKS.apps) for (const scheme of app.schemes) APP_BY_SCHEME.set(scheme, app);
const BINANCE_SCHEMES = new Set(APP_LINKS.binance.schemes);

/**
 * Schemes that do not leave for another app of their own: the web, files and data, and the
 * phone's mail/phone/SMS handlers (bn.makePhoneCall does the same).
 */
const NOT_AN_APP = new Set(['http', 'https', 'ws', 'wss', 'data', 'blob', 'file', 'mailto', 'tel', 'sms', 'about', 'javascript']);

/** What following a link does, as far as the mini program's rules are concerned. */
export type LinkVerdict =
  /** Stays in this mini program or in the Binance app (a page route, a Binance link, this app's own id). */
  | { kind: 'own' }
  /** Opens another mini program: `/mp/app?appId=…` or `bnc://app.binance.com/mp/app?appId=…`. */
  | { kind: 'miniProgram'; appId?: string }
  /** Opens another app: a known scheme (`tg://`) or app-link host (`t.me`), or an unknown custom scheme (`app` undefined). */
  | { kind: 'otherApp'; app?: string; scheme?: string }
  /** Opens a web page outside Binance (the system browser, or the app behind a universal link). */
  | { kind: 'external'; host: string }
  /** Not known statically. */
  | { kind: 'unknown' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The app an app-link host (`t.me`, `www.t.me`) belongs to. */
function appOfHost(host: string): AppLinks | undefined {
  for (const app of APP_LINKS.apps) {
    for (const known of app.hosts) if (host === known || host.endsWith(`.${known}`)) return app;
  }
  return undefined;
}

function isBinanceHost(host: string): boolean {
  return APP_LINKS.binance.hosts.some((known) => host === known || host.endsWith(`.${known}`));
}

/** `appId` of a mini program link's query, when the known text holds all of it. */
function appIdOf(query: string, complete: boolean): string | undefined {
  const match = /(?:^|[?&])appId=([^&#]*)(&|#|$)/.exec(query);
  if (!match) return undefined;
  if (!complete && !match[2]) return undefined; // the prefix may stop inside the id
  try {
    return decodeURIComponent(match[1]) || undefined;
  } catch {
    return match[1] || undefined;
  }
}

/** The verdict for a Binance link's path (+ query): a mini program, unless it is this app. */
function binancePath(rest: string, complete: boolean, ownAppIds: ReadonlySet<string>): LinkVerdict {
  const mpPath = APP_LINKS.binance.miniProgramPath;
  const path = rest.replace(/^\/+/, '/');
  // The known start may stop inside `/mp/app`: then where the link goes is not known yet.
  if (!complete && mpPath.startsWith(path)) return { kind: 'unknown' };
  if (!path.startsWith(mpPath) || (path.length > mpPath.length && !/[/?#]/.test(path[mpPath.length]))) return { kind: 'own' };
  const appId = appIdOf(path.slice(path.indexOf('?') + 1 || path.length), complete);
  if (appId && ownAppIds.has(appId)) return { kind: 'own' };
  return { kind: 'miniProgram', appId };
}

/**
 * Classifies a link. `complete: false` means `url` is only the known start of the link (the
 * rest is computed at run time): the verdict is then what that start already decides.
 */
export function classifyLink(url: string, complete: boolean, ownAppIds: ReadonlySet<string> = new Set()): LinkVerdict {
  const text = url.trim();
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (!scheme) {
    if (!text) return complete ? { kind: 'own' } : { kind: 'unknown' };
    // A path: a page of this app, or a route of the Binance app (`/mp/app?appId=…` opens a mini program).
    return binancePath(text.startsWith('/') ? text : `/${text}`, complete, ownAppIds);
  }
  if (!complete && text.length === scheme.length + 1) return { kind: 'unknown' };
  const afterScheme = text.slice(scheme.length + 1).replace(/^\/\//, '');
  const slash = afterScheme.search(/[/?#]/);
  if (slash < 0 && !complete && !BINANCE_SCHEMES.has(scheme) && !APP_BY_SCHEME.has(scheme) && !NOT_AN_APP.has(scheme)) {
    return { kind: 'otherApp', scheme };
  }
  const host = (slash < 0 ? afterScheme : afterScheme.slice(0, slash)).toLowerCase().replace(/:\d*$/, '');
  const rest = slash < 0 ? '' : afterScheme.slice(slash);
  if (BINANCE_SCHEMES.has(scheme)) return binancePath(rest, complete, ownAppIds);
  const app = APP_BY_SCHEME.get(scheme);
  if (app) return { kind: 'otherApp', app: app.name, scheme };
  if (scheme === 'http' || scheme === 'https') {
    if (slash < 0 && !complete) return { kind: 'unknown' };
    if (isBinanceHost(host)) return binancePath(rest, complete, ownAppIds);
    const hostApp = appOfHost(host);
    if (hostApp) return { kind: 'otherApp', app: hostApp.name };
    return { kind: 'external', host };
  }
  if (NOT_AN_APP.has(scheme)) return { kind: 'own' };
  return { kind: 'otherApp', scheme };
}

/** The name of the app a known scheme opens. */
export function appOfScheme(scheme: string): string | undefined {
  return APP_BY_SCHEME.get(scheme.toLowerCase())?.name;
}
