import { memoizeFrozen } from '../memo.js';

/** What a URL (or the known start of one) says about where it goes. */
export interface Origin {
  scheme: string;
  /** `scheme://host[:port]`, lower-case; undefined when the host is not fully known. */
  origin?: string;
  host?: string;
  isIp?: boolean;
  isLocal?: boolean;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Reads the origin of a URL. With `complete: false` the text is only the known start of a URL
 * (`https://api.example.com/` + something): the origin is known only when the authority ended.
 * Remembered per text (several rules read the same URLs, a session on every edit); the answer is frozen.
 */
export function parseOrigin(text: string, complete = true): Readonly<Origin> | undefined {
  return knownOrigin(text, complete);
}

const knownOrigin = memoizeFrozen(readOrigin);

function readOrigin(text: string, complete: boolean): Origin | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  const rest = text.slice(scheme.length + 3);
  const end = rest.search(/[/?#]/);
  if (end < 0 && !complete) return { scheme };
  let url: URL;
  try {
    url = new URL(`${scheme}://${end < 0 ? rest : rest.slice(0, end)}`);
  } catch {
    return { scheme };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.replace(/^\[|\]$/g, '');
  const isIp = IPV4.test(bare) || bare.includes(':');
  const isLocal = host === 'localhost' || host.endsWith('.localhost') || bare === '::1' || /^127\./.test(bare) || bare === '0.0.0.0'
    || /^10\./.test(bare) || /^192\.168\./.test(bare) || /^172\.(1[6-9]|2\d|3[01])\./.test(bare) || host.endsWith('.local')
    || /^169\.254\./.test(bare) || /^fe80:/.test(bare) || /^f[cd][0-9a-f]{2}:/.test(bare);
  return { scheme, host, origin: `${scheme}://${url.host.toLowerCase()}`, isIp, isLocal };
}

/** Origins as listed in the portal: `https://api.example.com` (a trailing slash is tolerated). */
export function normalizeOrigin(listed: string): string | undefined {
  return parseOrigin(listed.replace(/\/+$/, ''))?.origin;
}
