/**
 * Account systems other than Binance login: third-party OAuth/SSO endpoints, and the app's own
 * username + password login form. Shared with `api/test-account`, which needs to know whether
 * the app has accounts at all.
 */
import { elementsOf, nodesIn, optionValue, scanFiles, type BxmlElement, type BxmlFile, type JsFile, type ParsedFile, type Project } from '@bmplint/core';
import { flowOf, sourceText, unwrap, type Node, type Site, type Trigger } from '@bmplint/core';
import data from './providers.json' with { type: 'json' };

export interface Provider {
  id: string;
  name: string;
  endpoints: Array<{ host: string; path?: RegExp }>;
}

export const PROVIDERS: readonly Provider[] = data.providers.map((provider) => ({
  id: provider.id,
  name: provider.name,
  endpoints: provider.endpoints.map((endpoint) => ({ host: endpoint.host, path: 'path' in endpoint && endpoint.path ? new RegExp(endpoint.path, 'i') : undefined })),
}));
const GENERIC_PATHS = data.genericPaths.patterns.map((pattern) => new RegExp(pattern, 'i'));
const BINANCE_HOSTS = data.binanceHosts.hosts;

export interface OauthMatch {
  host: string;
  /** Undefined for a generic OAuth path on an unlisted host. */
  provider?: Provider;
}

const onHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Whether a URL (or the known start of one, `complete: false`) is a sign-in endpoint of another
 * account system. Relative URLs and URLs whose host is not known yet are not matched.
 */
export function matchOauth(text: string, complete: boolean): OauthMatch | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(text.trim());
  if (!match) return undefined;
  const [, , authority, path] = match;
  // The host is known once something follows it, or the string is complete.
  if (!complete && text.trim().length === match[1].length + 3 + authority.length) return undefined;
  const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  if (!host || BINANCE_HOSTS.some((domain) => onHost(host, domain))) return undefined;
  for (const provider of PROVIDERS) {
    for (const endpoint of provider.endpoints) {
      if (onHost(host, endpoint.host) && (!endpoint.path || endpoint.path.test(path))) return { host, provider };
    }
  }
  if (GENERIC_PATHS.some((pattern) => pattern.test(path))) return { host };
  return undefined;
}

/** A path that logs in: `/login`, `/signin`, `/auth`, `/session`, `/token`, `/passport`. */
export const LOGIN_PATH = /(?:^|[/_.-])(?:log-?in|logon|sign-?in|sign_in|auth|authenticate|authentication|session|sessions|token|passport)(?=$|[/_.?#&=-])/i;
const PASSWORD_NAME = /pass(?:word|wd)?|pwd/i;

/** The app's own login form: a password field whose submit handler sends it to a login path. */
export interface PasswordLogin {
  /** Where the password field is. */
  file: string;
  span: { start: number; end: number };
  /** The login request's URL as far as it is known. */
  url: string;
  trigger: Trigger;
}

const cache = new WeakMap<Project, PasswordLogin[]>();

/** Every page/component/React module with its own username+password login (once per project). */
export function findPasswordLogins(project: Project): PasswordLogin[] {
  const cached = cache.get(project);
  if (cached) return cached;
  const out: PasswordLogin[] = [];
  cache.set(project, out);
  // Most apps have no password field: then no tap needs following.
  if (!scanFiles(project, 'api/password-fields', passwordFieldOf).length) return out;
  const flow = flowOf(project);
  const groups = new Map<string, { field: { file: string; start: number; end: number } | null; triggers: Trigger[] }>();
  for (const trigger of flow.triggers()) {
    const element = trigger.element;
    if (!element || trigger.kind !== 'event') continue;
    const key = element.file.path;
    let group = groups.get(key);
    if (!group) {
      const field = element.kind === 'bxml' ? templatePasswordField(element.file) : jsxPasswordField(element.file);
      groups.set(key, (group = { field: field ?? null, triggers: [] }));
    }
    if (group.field) group.triggers.push(trigger);
  }
  for (const group of groups.values()) {
    if (!group.field || !group.triggers.length) continue;
    let found: PasswordLogin | undefined;
    // State 'login' once a call on the way passes a login path (`post('/user/login', form)`).
    const step = (state: 'plain' | 'login', site: Site): 'plain' | 'login' => (state === 'login' || passesLoginPath(project, site) ? 'login' : 'plain');
    flow.exploreEach('api/password-login', group.triggers.map((trigger) => ({ trigger, state: 'plain' as const })), () => step, (site, state, trigger) => {
      if (found || site.bn.name !== 'request') return;
      const url = loginRequest(project, site, state === 'login');
      if (url) found = { file: group.field!.file, span: { start: group.field!.start, end: group.field!.end }, url, trigger };
    });
    if (found) out.push(found);
  }
  return out;
}

/** The URL of a `bn.request` that sends a password to a login path, else undefined. */
function loginRequest(project: Project, site: Extract<Site, { kind: 'bn' }>, loginPathOnTheWay: boolean): string | undefined {
  const options = site.bn.options;
  const url = optionValue(options, 'url');
  if (!url) return undefined;
  const file = site.owner.file;
  const known = project.evaluator.stringPrefix(url, file);
  const shown = known.value ?? `${known.prefix}…`;
  if (!loginPathOnTheWay && !LOGIN_PATH.test(known.value ?? known.prefix) && !LOGIN_PATH.test(sourceText(file, url))) return undefined;
  // `data: { code }` (a Binance login code exchange) is not a password login; unknown data may be.
  const data = optionValue(options, 'data');
  if (data && unwrap(data).type === 'ObjectExpression' && !PASSWORD_NAME.test(sourceText(file, data))) return undefined;
  if (!data && !PASSWORD_NAME.test(sourceText(file, url))) return undefined;
  return shown;
}

/** A call of a helper with a login path among its arguments: `post('/user/login', form)`. */
function passesLoginPath(project: Project, site: Site): boolean {
  if (site.kind !== 'call' || (site.node.type !== 'CallExpression' && site.node.type !== 'OptionalCallExpression')) return false;
  const file = site.owner.file;
  const args = site.node.arguments as Node[];
  const path = args.findIndex((argument) => {
    const known = project.evaluator.stringPrefix(argument, file);
    return LOGIN_PATH.test(known.value ?? known.prefix);
  });
  if (path < 0) return false;
  // The other arguments carry the password (`{ username, password }`) or may (`form`); `{ code }` does not.
  return args.some((argument, index) => index !== path && (PASSWORD_NAME.test(sourceText(file, argument)) || unwrap(argument).type !== 'ObjectExpression'));
}

/** The password field of a template (or of its inline scripts' JSX) or a script's JSX. */
function passwordFieldOf(file: ParsedFile): { file: string; start: number; end: number } | undefined {
  return file.kind === 'bxml'
    ? templatePasswordField(file) ?? file.embeddedScripts.map((script) => jsxPasswordField({ ...file, kind: 'js', dialect: 'bns', ast: script.ast })).find(Boolean)
    : file.kind === 'js' ? jsxPasswordField(file) : undefined;
}

/** `<input password>`, `<input password="{{true}}">`, `<input type="password">`. */
function templatePasswordField(template: BxmlFile): { file: string; start: number; end: number } | undefined {
  for (const element of elementsOf(template.document)) {
    if (isPasswordInput(element)) return { file: template.path, start: element.start, end: element.openEnd };
  }
  return undefined;
}

function isPasswordInput(element: BxmlElement): boolean {
  if (!/^(input|deprecated-input)$/.test(element.name)) return false;
  for (const attribute of element.attributes) {
    const value = attribute.value?.trim();
    if (attribute.name === 'password' && (value === undefined || !/^(false|\{\{\s*false\s*\}\})$/.test(value))) return true;
    if (attribute.name === 'type' && value === 'password') return true;
  }
  return false;
}

function jsxPasswordField(file: JsFile): { file: string; start: number; end: number } | undefined {
  if (!file.ast) return undefined;
  for (const node of nodesIn(file.ast)) {
    if (node.type !== 'JSXOpeningElement' || node.name.type !== 'JSXIdentifier' || !/^(input|Input)$/.test(node.name.name)) continue;
    for (const attribute of node.attributes) {
      if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') continue;
      const value = attribute.value;
      const name = attribute.name.name;
      const truthy = !value || (value.type === 'JSXExpressionContainer' && value.expression.type === 'BooleanLiteral' && value.expression.value)
        || (value.type === 'StringLiteral' && value.value !== 'false');
      if ((name === 'password' && truthy) || (name === 'type' && value?.type === 'StringLiteral' && value.value === 'password')) {
        return { file: file.path, start: node.start ?? 0, end: node.end ?? 0 };
      }
    }
  }
  return undefined;
}
