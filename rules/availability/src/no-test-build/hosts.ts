import { memoizeFrozen, parseOrigin } from '@bmplint/core';

/** Schemes of servers the app talks to (other schemes are not origins of a backend). */
const NETWORK_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);

/**
 * Words of a host name's subdomain labels that name a non-production environment: `staging.`,
 * `api-staging.`, `dev.`, `uat2.`, `qa.`, `sit.`, `preprod.`, `sandbox.`, `mock.`. Matched against
 * whole `-`-separated parts with trailing digits removed, so `developer.`, `devnet.`, `testnet.`
 * and `stagecoach.` are other words.
 */
export const ENVIRONMENT_WORDS = new Set([
  'staging', 'stage', 'stg', 'dev', 'develop', 'development', 'uat', 'qa', 'test', 'testing', 'sit', 'fat',
  'preprod', 'preproduction', 'sandbox', 'mock', 'local',
]);

/** Top-level names that never reach the public internet: RFC 6761 `.test`/`.localhost`, mDNS `.local`, and private-network conventions. */
export const PRIVATE_TLDS = new Set(['test', 'localhost', 'local', 'internal', 'lan', 'intranet', 'corp', 'localdomain']);

/** Ports of development servers: create-react-app/Next (3000, 3001), Angular (4200), Vite (5173), webpack/vue-cli/Tomcat (8080, 8081), 8888. */
export const DEV_PORTS = new Set(['3000', '3001', '4200', '5173', '8080', '8081', '8888']);

/** Second-level names under a country code that are part of the registrable suffix (`example.co.uk`). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

export interface TestOrigin {
  /** `scheme://host[:port]`. */
  origin: string;
  /** Why it is a test origin, for the message: `localhost`, `a private IP address`, `a staging host`… */
  reason: string;
}

/** The labels of a host before its registrable domain (`api.staging` of `api.staging.example.co.uk`). */
function subdomainLabels(host: string): string[] {
  const labels = host.split('.');
  const last = labels[labels.length - 1];
  const registrable = labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(0, Math.max(0, labels.length - registrable));
}

/**
 * Whether a URL (or the known start of one) goes to a local, private, test or staging server.
 * `complete: false` when `url` is only the known start: the host must then be complete.
 * Remembered per URL (a script repeats its URLs; a session sees them on every edit); the answer is frozen.
 */
export function testOriginOf(url: string, complete = true): Readonly<TestOrigin> | undefined {
  return knownTestOrigin(url, complete);
}

const knownTestOrigin = memoizeFrozen(readTestOrigin);

function readTestOrigin(url: string, complete: boolean): TestOrigin | undefined {
  const parsed = parseOrigin(url.trim(), complete);
  if (!parsed?.origin || !parsed.host || !NETWORK_SCHEMES.has(parsed.scheme)) return undefined;
  const { host, origin } = parsed;
  const bare = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(bare) || bare === '::1' || bare === '0.0.0.0') return { origin, reason: 'localhost' };
  if (parsed.isLocal) return { origin, reason: parsed.isIp ? 'a private IP address' : `a local network host (.${host.slice(host.lastIndexOf('.') + 1)})` };
  const port = /:(\d+)$/.exec(origin)?.[1];
  if (!parsed.isIp) {
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (PRIVATE_TLDS.has(tld)) return { origin, reason: `a .${tld} host, which is not on the public internet` };
    for (const label of subdomainLabels(host)) {
      for (const part of label.split('-')) {
        const word = part.replace(/\d+$/, '');
        if (ENVIRONMENT_WORDS.has(word)) return { origin, reason: `a ${word} environment host` };
      }
    }
  }
  if (port && DEV_PORTS.has(port)) return { origin, reason: `a development server port (:${port})` };
  return undefined;
}
