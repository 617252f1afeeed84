import { parseOrigin, type BxmlFile, type JsFile, type Project, type RuleContext } from '@bmplint/core';

/** The listing fields that hold the two portal domain lists. */
export type DomainField = 'serviceDomains' | 'businessDomains';

/** What is wrong with one URL; each problem becomes one finding. */
export type UrlProblem =
  /** `origin` when the URL's host is known: what groups repeats of one problem. */
  | { messageId: 'insecureScheme' | 'wrongScheme'; scheme: string; origin?: string }
  | { messageId: 'ipOrLocal'; host: string; what: string }
  | { messageId: 'notListed'; origin: string };

export interface UrlCheck {
  /** Schemes the URL must use (`['https']`, `['wss']`). */
  expected: readonly string[];
  /** Schemes that are the unencrypted form of an expected one: reported as insecure, not merely wrong. */
  insecure: readonly string[];
  /** Listed origins, normalised; undefined when membership cannot be checked (no listing). */
  listed: ReadonlySet<string> | undefined;
  /** Only URLs with one of these schemes are checked (others are out of scope); default: all. */
  only?: readonly string[];
}

/**
 * An origin as written in the portal list (`https://api.example.com`, a trailing slash tolerated),
 * normalised like parsed URLs are: lower-case host, default port dropped.
 * (Core has `normalizeOrigin` in analysis/url.ts but does not export it.)
 */
export function normalizeListedOrigin(listed: string): string | undefined {
  return parseOrigin(listed.trim().replace(/\/+$/, ''))?.origin;
}

/**
 * The normalised origins of one listing field. Undefined means "do not check membership": there is
 * no listing, it could not be read, or the field has the wrong type (the listing schema rule
 * reports that). A listing without the field lists nothing.
 */
export function listedOrigins(project: Project, field: DomainField): ReadonlySet<string> | undefined {
  const source = project.listing;
  if (!source?.value) return undefined;
  const raw = source.value[field];
  if (raw === undefined) return new Set();
  if (!Array.isArray(raw)) return undefined;
  const origins = new Set<string>();
  for (const item of raw) {
    const origin = typeof item === 'string' ? normalizeListedOrigin(item) : undefined;
    if (origin) origins.add(origin);
  }
  return origins;
}

/**
 * Checks a URL, or the known start of one (`complete: false`). Only what the text fixes is checked:
 * the scheme as soon as `scheme://` is known, the host and the listing once the authority has ended.
 * Membership is checked only for a URL whose scheme and host are otherwise acceptable: an http or
 * IP URL is fixed by changing it, not by listing it.
 * Returns undefined when the text is not an absolute URL (`/pages/a`, `./b.html`, an unknown start).
 */
export function checkUrl(text: string, complete: boolean, check: UrlCheck): UrlProblem[] | undefined {
  const parsed = parseOrigin(text.trim(), complete);
  if (!parsed || (check.only && !check.only.includes(parsed.scheme))) return undefined;
  const schemeOk = check.expected.includes(parsed.scheme);
  const schemeProblem: UrlProblem[] = schemeOk ? [] : [{
    messageId: check.insecure.includes(parsed.scheme) ? 'insecureScheme' : 'wrongScheme',
    scheme: parsed.scheme,
    ...(parsed.origin && parsed.host ? { origin: parsed.origin } : {}),
  }];
  if (!parsed.origin || !parsed.host) return schemeProblem;
  // An IP or local host is the one problem to fix (with it goes the `http://` a dev server uses):
  // one root cause, one finding.
  if (parsed.isIp || parsed.isLocal) return [{ messageId: 'ipOrLocal', host: parsed.host, what: parsed.isIp ? 'an IP address' : 'a local or private host' }];
  if (schemeOk && check.listed && !check.listed.has(parsed.origin)) return [{ messageId: 'notListed', origin: parsed.origin }];
  return schemeProblem;
}

/** How a URL is shown in a message: whole, or its known start followed by an ellipsis. */
export function displayUrl(text: string, complete: boolean): string {
  const trimmed = text.trim();
  const shown = trimmed.length > 120 ? `${trimmed.slice(0, 119)}…` : trimmed;
  return complete || shown.endsWith('…') ? shown : `${shown}…`;
}

/**
 * The JS file to evaluate a node of the file being walked against. In a template's inline `<bns>`
 * module the walked file is the template, so a JsFile for that script is made up (once per script).
 */
export function jsFileFor(context: RuleContext, offset: number, cache: WeakMap<object, JsFile>): JsFile | undefined {
  const file = context.file;
  if (!file) return undefined;
  if (file.kind === 'js') return file;
  if (file.kind !== 'bxml') return undefined;
  const script = (file as BxmlFile).embeddedScripts.find((embedded) => offset >= embedded.start && offset <= embedded.end);
  if (!script?.ast) return undefined;
  let js = cache.get(script);
  if (!js) {
    js = { path: file.path, text: file.text, lines: file.lines, errors: [], kind: 'js', dialect: 'bns', ast: script.ast };
    cache.set(script, js);
  }
  return js;
}

/** The data keys that say what a finding of the network rules is about: repeats of one host are one problem. */
export const URL_SUBJECT = ['host', 'origin', 'scheme'];
