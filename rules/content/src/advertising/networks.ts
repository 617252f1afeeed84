import adNetworks from './data/ad-networks.json' with { type: 'json' };

export interface AdNetwork {
  name: string;
  /** Registrable domains: each matches itself and its subdomains. */
  domains: string[];
  /** Package names of the network's SDKs, matched as whole words of an import specifier. */
  sdks: string[];
  source: string;
}

export interface AdNetworkList {
  id: string;
  clauses: string[];
  source: string;
  networks: AdNetwork[];
}

const FILE = 'rules/content/src/advertising/data/ad-networks.json';
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Checks the data file once, when the module loads. */
export function validateAdNetworks(value: unknown): AdNetworkList {
  const list = value as AdNetworkList;
  const fail = (problem: string): never => {
    throw new Error(`${FILE}: ${problem}`);
  };
  if (!list || typeof list.source !== 'string' || !list.source) fail('needs a source');
  if (!Array.isArray(list.clauses) || !list.clauses.length) fail('needs clauses');
  if (!Array.isArray(list.networks) || !list.networks.length) fail('needs networks');
  const domains = new Set<string>();
  for (const network of list.networks) {
    if (!network.name || !network.source) fail(`every network needs a name and a source (${JSON.stringify(network)})`);
    if (!network.domains.length && !network.sdks.length) fail(`${network.name} names no domain or SDK`);
    for (const domain of network.domains) {
      if (!DOMAIN.test(domain)) fail(`${network.name}: "${domain}" is not a lower-case domain`);
      if (domains.has(domain)) fail(`"${domain}" is listed twice`);
      domains.add(domain);
    }
    for (const sdk of network.sdks) if (!/^[a-z0-9][a-z0-9-]*$/.test(sdk)) fail(`${network.name}: SDK name "${sdk}" must be a lower-case package word`);
  }
  return list;
}

export const AD_NETWORKS = validateAdNetworks(adNetworks);

const BY_DOMAIN = new Map<string, AdNetwork>();
const MAX_LABELS = 8;
for (const network of AD_NETWORKS.networks) for (const domain of network.domains) BY_DOMAIN.set(domain, network);

/** The ad network a host belongs to (the host or one of its parent domains is listed). */
export function adNetworkOfHost(host: string): { network: AdNetwork; domain: string } | undefined {
  // Listed domains have a few labels: only the host's last ones can match (and a hostile host with
  // thousands of labels costs no more than a short one).
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').slice(-MAX_LABELS);
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    const network = BY_DOMAIN.get(domain);
    if (network) return { network, domain };
  }
  return undefined;
}

export interface AdHostMatch {
  /** Offsets in the scanned text of the URL (or bare host) naming the ad network. */
  start: number;
  end: number;
  host: string;
  domain: string;
  network: AdNetwork;
}

/** `scheme://host`, `//host` (protocol-relative) anywhere in a text. */
// The scheme is bounded: an unbounded `[a-z0-9+.-]*:` rescans a long dotted run from every position.
const URL_HOST = /(?:[a-z][a-z0-9+.-]{0,31}:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
/** A whole string that is a host, optionally with a port and path: `googleads.g.doubleclick.net/pagead`. */
const BARE_HOST = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)/i;

/** Every URL or bare host in `text` that loads from an ad network. */
export function adHostsIn(text: string): AdHostMatch[] {
  const out: AdHostMatch[] = [];
  if (text.length < 5 || !text.includes('.')) return out;
  URL_HOST.lastIndex = 0;
  for (let match = text.includes('//') ? URL_HOST.exec(text) : null; match; match = URL_HOST.exec(text)) {
    const found = adNetworkOfHost(match[1]);
    if (found) out.push({ start: match.index, end: match.index + match[0].length, host: match[1].toLowerCase(), ...found });
  }
  if (!out.length) {
    const bare = BARE_HOST.exec(text.trim());
    const found = bare ? adNetworkOfHost(bare[1]) : undefined;
    if (bare && found) {
      const start = text.indexOf(bare[1]);
      out.push({ start, end: start + bare[1].length, host: bare[1].toLowerCase(), ...found });
    }
  }
  return out;
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const SDK_WORDS = AD_NETWORKS.networks.flatMap((network) => network.sdks.map((sdk) => ({ network, sdk, words: words(sdk) })));

/** The ad SDK a module specifier loads (`react-native-google-mobile-ads`, `./vendor/applovin/index`). */
export function adSdkOfSpecifier(specifier: string): { network: AdNetwork; sdk: string } | undefined {
  const parts = words(specifier);
  for (const candidate of SDK_WORDS) {
    for (let i = 0; i + candidate.words.length <= parts.length; i++) {
      if (candidate.words.every((word, j) => parts[i + j] === word)) return { network: candidate.network, sdk: candidate.sdk };
    }
  }
  return undefined;
}
