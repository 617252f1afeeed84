/**
 * Finds secrets in text. Every scan is linear in the text: patterns have bounded repetition and no
 * nested quantifiers, names are expanded a bounded number of characters, and word runs longer than
 * a mnemonic are skipped as a whole.
 */
import { BIP39_INDEX, MNEMONIC_LENGTHS, isMnemonic } from './bip39.js';

/** The BIP-39 words as base-27 numbers of their letters (a = 1 … z = 26), for lookups without a string. */
const BIP39_KEYS = new Set([...BIP39_INDEX.keys()].map((word) => [...word].reduce((key, letter) => key * 27 + (letter.charCodeAt(0) - 96), 0)));
import { words } from '../names.js';

export type SecretType = 'privateKeyPem' | 'mnemonic' | 'knownKey' | 'ethPrivateKey' | 'namedSecret';

export interface Secret {
  type: SecretType;
  start: number;
  end: number;
  /** What was found, for the message: "RSA private key (PEM)", "AWS access key id". */
  kind: string;
  /** At most the first four characters of the secret, then an ellipsis. */
  preview: string;
  /** The variable or key holding it (named secrets). */
  name?: string;
  /** Words of a mnemonic. */
  count?: number;
  /** Set when the name is not sure to hold a secret (`appKey` is a public client id in many SDKs). */
  confidence?: 'low';
}

export interface ScanOptions {
  /** Accept unquoted values after `NAME=` / `name:` (.env, YAML, properties); code has expressions there. */
  bareValues?: boolean;
  /** Skip the name-based checks (e.g. for the listing, whose test account password is meant to be there). */
  skipNamed?: boolean;
}

export const preview = (value: string) => `${[...value].slice(0, 4).join('')}…`;

const PEM = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;

interface KnownFormat {
  kind: string;
  pattern: RegExp;
  /** Documented example values that are not real secrets. */
  ignore?: RegExp;
}

const KNOWN_FORMATS: readonly KnownFormat[] = [
  { kind: 'AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/g, ignore: /EXAMPLE$/ },
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/g },
  { kind: 'GitHub fine-grained token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,251}(?![A-Za-z0-9_])/g },
  { kind: 'Slack token', pattern: /(?<![A-Za-z0-9])xox[baprs]-[0-9A-Za-z-]{10,250}/g },
  { kind: 'Stripe live secret key', pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{16,247}(?![A-Za-z0-9])/g },
  { kind: 'Google API key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g },
];

/** Words that name secrets when they end a variable or key name. */
const KEYWORD = /secret|privkey|token|passw(?:or)?d|passphrase|pwd|mnemonic|seed|recovery|credential|(?:private|signing|api|access|encryption|master|app|client|jwt|hmac|auth|aes|rsa|ecdsa|wallet|sign)[_-]?key/gi;
const KEY_QUALIFIERS = new Set(['private', 'signing', 'api', 'access', 'secret', 'encryption', 'master', 'app', 'client', 'jwt', 'hmac', 'auth', 'aes', 'rsa', 'ecdsa', 'wallet', 'sign']);
const MAX_NAME = 64;
const MAX_VALUE = 4096;
const PLACEHOLDER = /your|xxx|\*{3}|example|sample|placeholder|changeme|change[_-]me|replace|dummy|todo|fixme|<[^>]*>|\$\{|\{\{|%s|process\.env|import\.meta/i;

/** Whether a variable or key name says it holds a secret: `appSecret`, `JWT_SECRET`, `privateKey`, `accessToken`. */
export function isSecretName(name: string): boolean {
  const last = name.split('.').pop() ?? name;
  const parts = words(last);
  if (!parts.length || parts.includes('public')) return false;
  const end = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  switch (end) {
    case 'secret':
    case 'token':
    case 'password':
    case 'passwd':
    case 'pwd':
    case 'mnemonic':
    case 'privkey':
    case 'apikey':
    case 'secretkey':
    case 'accesskey':
    case 'privatekey':
    case 'credential':
    case 'credentials':
    case 'passphrase':
      return true;
    case 'key':
      return !!before && KEY_QUALIFIERS.has(before);
    case 'phrase':
    case 'words':
      return before === 'seed' || before === 'recovery' || before === 'mnemonic';
    default:
      return false;
  }
}

/**
 * `appKey`, `clientKey`: many SDKs (LeanCloud, Umeng, JPush) name their public client identifier
 * so, beside a secret that stays on the server; others mean a secret. Not certain either way.
 */
export function isClientKeyName(name: string): boolean {
  const parts = words(name.split('.').pop() ?? name);
  return parts.length >= 2 && parts[parts.length - 1] === 'key' && (parts[parts.length - 2] === 'app' || parts[parts.length - 2] === 'client');
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  const length = [...value].length;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Vowels: words have them, random runs of letters often have none in a part. */
const VOWEL = /[aeiouy]/i;
/** An asset file name or a subresource-integrity hash: `logo.8f3a2b1c.png`, `sha384-…`. */
const ASSET = /\.(?:png|jpe?g|gif|webp|svg|ico|js|mjs|css|wxss|bxss|json|html?|woff2?|ttf|mp3|mp4)$|^sha(?:256|384|512)-/i;

/**
 * Whether a value is a name made of words, not random characters: an identifier
 * (`getBackgroundFetchToken`, `refresh_token_expired`), an event name (`user:login-success`), an
 * i18n key (`login.form.passwordHint`), an asset path with its hash. Every part (split at
 * case changes, digits and `_ - . : /`) is a word of two letters or more or a short number, and
 * the words have vowels.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (ASSET.test(value)) return true;
  // Digits only end a segment (`token2024`, `v2`) or stand alone: `Yt8Aasf` is random.
  if (!/^[A-Za-z]+\d{0,4}(?:[_\-.:/]+(?:[A-Za-z]+\d{0,4}|\d{1,4}))*$/.test(value)) return false;
  const parts = value.split(/[_\-.:/]+/).flatMap((segment) => segment.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []);
  if (parts.join('').length !== value.replace(/[_\-.:/]/g, '').length) return false;
  if (!parts.every((part) => /^\d{1,4}$/.test(part) || (part.length >= 2 && !/\d/.test(part)))) return false;
  // Abbreviations without vowels (`btn`, `msg`) are words too between separators; one camelCase
  // run needs a vowel in every part.
  const letters = parts.filter((part) => !/^\d/.test(part));
  const voweled = letters.filter((part) => VOWEL.test(part)).length;
  return /[_\-.:/]/.test(value) ? voweled * 3 >= letters.length * 2 : voweled === letters.length;
}

/** A random-looking value: long enough, no spaces, not a placeholder, and high entropy for its alphabet. */
export function looksRandom(value: string): boolean {
  if (value.length < 20 || /\s/.test(value) || PLACEHOLDER.test(value) || looksLikeIdentifier(value)) return false;
  // An address (`https://oauth2.googleapis.com/token`, `/api/v1/token`) names where a token comes
  // from; it is not one. A URL carrying credentials (`https://user:pass@…`) still counts.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(?:[/?#]|$)|\/[\w.-]+\/)/i.test(value) && !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]*@/i.test(value)) return false;
  if (/^[0-9a-fA-F]+$/.test(value)) return entropy(value) >= 3.0;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2 && entropy(value) >= 3.5;
}

const ETH_PRIVATE_KEY = /^(?:0x)?[0-9a-fA-F]{64}$/;

export function findSecrets(text: string, options: ScanOptions = {}): Secret[] {
  const found: Secret[] = [];
  const taken: Array<[number, number]> = [];
  const add = (secret: Secret) => {
    if (taken.some(([start, end]) => secret.start < end && start < secret.end)) return;
    taken.push([secret.start, secret.end]);
    found.push(secret);
  };
  pemKeys(text, add);
  for (const format of KNOWN_FORMATS) {
    format.pattern.lastIndex = 0;
    for (let match = format.pattern.exec(text); match; match = format.pattern.exec(text)) {
      if (format.ignore?.test(match[0])) continue;
      add({ type: 'knownKey', start: match.index, end: match.index + match[0].length, kind: format.kind, preview: preview(match[0]) });
    }
  }
  mnemonics(text, add);
  if (!options.skipNamed) namedSecrets(text, options.bareValues ?? false, add);
  return found.sort((a, b) => a.start - b.start);
}

/** PEM private key headers followed by a key body (not a bare header string in code that parses keys). */
function pemKeys(text: string, add: (secret: Secret) => void): void {
  PEM.lastIndex = 0;
  for (let match = PEM.exec(text); match; match = PEM.exec(text)) {
    const body = pemBody(text, match.index + match[0].length);
    if (body.length < 40) continue;
    const prefix = match[1].replace(/PRIVATE KEY(?: BLOCK)?$/, '').trim();
    const kind = `PEM ${prefix === 'ENCRYPTED' ? 'encrypted ' : prefix ? `${prefix} ` : ''}private key`;
    add({ type: 'privateKeyPem', start: match.index, end: match.index + match[0].length, kind, preview: preview(body.first) });
  }
}

/** Base64 characters right after a PEM header, across line breaks (real or written as `\n`) and Proc-Type headers. */
function pemBody(text: string, from: number): { length: number; first: string } {
  const limit = Math.min(text.length, from + 8192);
  let i = from;
  let first = '';
  let headerLines = 0;
  while (i < limit) {
    const char = text[i];
    if (char === '\\' && (text[i + 1] === 'n' || text[i + 1] === 'r')) {
      i += 2;
      continue;
    }
    if (char === '\n' || char === '\r' || char === ' ' || char === '\t') {
      i++;
      continue;
    }
    // `Proc-Type: 4,ENCRYPTED` / `DEK-Info: …` lines of an encrypted key.
    if (!first && headerLines < 3 && /[A-Za-z]/.test(char)) {
      const lineEnd = nextLineEnd(text, i, Math.min(limit, i + 128));
      if (text.slice(i, lineEnd).includes(': ')) {
        headerLines++;
        i = lineEnd;
        continue;
      }
    }
    if (!/[A-Za-z0-9+/=]/.test(char)) break;
    first += char;
    i++;
    if (first.length >= 64) break;
  }
  return { length: first.length, first };
}

function nextLineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    if (text[i] === '\n' || text[i] === '\r' || (text[i] === '\\' && (text[i + 1] === 'n' || text[i + 1] === 'r'))) return i;
  }
  return limit;
}

/** Runs of 12–24 BIP-39 words separated by spaces, line breaks, commas or quotes, with a valid checksum. */
function mnemonics(text: string, add: (secret: Secret) => void): void {
  let run: Array<{ word: string; start: number; end: number }> = [];
  // Past 24 words the run is a word list, not a phrase: it is only walked to its end.
  let overflow = false;
  let previousEnd = -1;
  const flush = () => {
    if (!run.length && !overflow) return;
    if (!overflow && run.length >= 12) checkRun(run, add);
    run = [];
    overflow = false;
  };
  // Tokens are read by character code and looked up by a number made of their letters: only a
  // BIP-39 word becomes a string (the scan runs over every text file).
  for (let i = 0; i < text.length; ) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let key = 0;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isTokenChar(code)) break;
      // Lowercase letters as base-27 digits; anything else (or a ninth letter) rules the token out.
      key = key >= 0 && code >= 97 && code <= 122 && i - start < 8 ? key * 27 + (code - 96) : -1;
    }
    if (i - start < 3 || key < 0 || !BIP39_KEYS.has(key)) {
      flush();
      continue;
    }
    const word = text.slice(start, i);
    if ((run.length || overflow) && !isSeparator(text, previousEnd, start)) flush();
    previousEnd = start + word.length;
    if (overflow) continue;
    run.push({ word, start, end: previousEnd });
    if (run.length > 24) {
      overflow = true;
      run = [];
    }
  }
  flush();
}

/** `[A-Za-z0-9_$]` */
function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

function isSeparator(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 8) return false;
  for (let i = from; i < to; i++) {
    const char = text[i];
    if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t' && char !== ',' && char !== '"' && char !== "'" && char !== '`') return false;
  }
  return true;
}

/** The whole run when its length is a mnemonic length; else windows anchored at either end. */
function checkRun(run: Array<{ word: string; start: number; end: number }>, add: (secret: Secret) => void): void {
  const sizes = [24, 21, 18, 15, 12].filter((size) => size <= run.length);
  for (const size of sizes) {
    const offsets = size === run.length ? [0] : [0, run.length - size];
    for (const offset of offsets) {
      const window = run.slice(offset, offset + size);
      if (!MNEMONIC_LENGTHS.has(window.length) || !isMnemonic(window.map((item) => item.word))) continue;
      add({ type: 'mnemonic', start: window[0].start, end: window[window.length - 1].end, kind: 'BIP-39 seed phrase', preview: preview(window[0].word), count: size });
      return;
    }
  }
}

/** `appSecret: 'k8Jd…'`, `JWT_SECRET=…`, `"privateKey": "0x…"`: a literal value of a secret-like name. */
function namedSecrets(text: string, bareValues: boolean, add: (secret: Secret) => void): void {
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(text); match; match = KEYWORD.exec(text)) {
    // The whole name around the keyword. The scan then goes on after it, so each name is read once;
    // a name longer than MAX_NAME is no variable name and is skipped.
    let right = match.index + match[0].length;
    while (right < text.length && isNameChar(text.charCodeAt(right))) right++;
    KEYWORD.lastIndex = right;
    let left = match.index;
    while (left > 0 && match.index - left <= MAX_NAME && isNameChar(text.charCodeAt(left - 1))) left--;
    if (right - left > MAX_NAME) continue;
    const name = text.slice(left, right).replace(/^[.-]+|[.-]+$/g, '');
    if (!isSecretName(name)) continue;
    const value = valueAfter(text, right, bareValues);
    if (!value) continue;
    // A value is read once: names inside it are not looked for again (keeps the scan linear).
    KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, value.end);
    const literal = text.slice(value.start, value.end);
    if (literal.startsWith('-----BEGIN')) continue;
    if (ETH_PRIVATE_KEY.test(literal) && (literal.startsWith('0x') || /priv|wallet|eth|account|signer/i.test(name))) {
      add({ type: 'ethPrivateKey', start: value.start, end: value.end, kind: 'Ethereum private key', preview: preview(literal), name });
    } else if (looksRandom(literal)) {
      add({ type: 'namedSecret', start: value.start, end: value.end, kind: 'secret', preview: preview(literal), name, confidence: isClientKeyName(name) ? 'low' : undefined });
    }
  }
}

/** The literal assigned after a name: `name: 'v'`, `name = "v"`, `"name": "v"`, `NAME=v` (bare, when allowed). */
function valueAfter(text: string, from: number, bareValues: boolean): { start: number; end: number } | undefined {
  let i = from;
  if (text[i] === '"' || text[i] === "'" || text[i] === '`') i++;
  i = skipSpaces(text, i);
  if (text[i] === ':' && text[i + 1] === '=') i += 2;
  else if (text[i] === ':' || (text[i] === '=' && text[i + 1] !== '=' && text[i + 1] !== '>')) i++;
  else return undefined;
  i = skipSpaces(text, i);
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '`') {
    const start = i + 1;
    const limit = Math.min(text.length, start + MAX_VALUE);
    for (let j = start; j < limit; j++) {
      const char = text[j];
      if (char === '\\') {
        j++;
        continue;
      }
      if (char === quote) return j > start ? { start, end: j } : undefined;
      if ((char === '\n' || char === '\r') && quote !== '`') return undefined;
      if (quote === '`' && char === '$' && text[j + 1] === '{') return undefined;
    }
    return undefined;
  }
  if (!bareValues) return undefined;
  const start = i;
  let j = i;
  while (j < text.length && j - start < MAX_VALUE && !/[\s,;'"`#]/.test(text[j])) j++;
  return j > start ? { start, end: j } : undefined;
}

/** `[A-Za-z0-9_$.-]`. */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 46 || code === 45;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < 16 && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
