import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, runRule } from '@bmplint/core/testing';
import wordlist from './data/bip39-english.json' with { type: 'json' };
import { isMnemonic } from './bip39.js';
import { entropy, findSecrets, isSecretName, looksLikeIdentifier, looksRandom } from './detect.js';
import rule from './index.js';

/** A valid BIP-39 phrase for the given entropy (the checksum computed here, independently of the rule). */
function mnemonicOf(bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest();
  const bits = [...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('') + hash[0].toString(2).padStart(8, '0').slice(0, (bytes.length * 8) / 32);
  return bits.match(/.{11}/g)!.map((chunk) => wordlist.words[parseInt(chunk, 2)]).join(' ');
}

// Key material is made when the tests run: no real-looking secret is committed in this file.
const { privateKey: rsaPrivate, publicKey: rsaPublic } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const { privateKey: ecPrivate } = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const ethKey = `0x${randomBytes(32).toString('hex')}`;
const txHash = `0x${randomBytes(32).toString('hex')}`;
const appSecret = randomBytes(24).toString('base64').replace(/\+/g, 'K').replace(/\//g, 'q').replace(/=/g, '');
const jwtSecret = randomBytes(32).toString('hex');
const phrase12 = mnemonicOf(randomBytes(16));
const phrase24 = mnemonicOf(randomBytes(32));
/** Published BIP-39 test vector (entropy 7f7f…7f). */
const VECTOR = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const aws = ['AKIA', 'Z7Q2XK4MNB5RTW3P'].join('');
const github = ['ghp', '_', 'x'.repeat(2), randomBytes(17).toString('hex')].join('');
const slack = ['xoxb', '-', '1234567890', '-', 'AbCdEfGhIjKlMnOp'].join('');
const stripe = ['sk', '_live_', 'a1B2c3D4e5F6g7H8i9J0k1L2'].join('');
const google = ['AIza', 'SyD', '-', 'x9'.repeat(14), 'abc'].join('');

const messages = (findings: { message: string }[]) => findings.map((finding) => finding.message).join('\n');

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a public key, a tx hash, placeholders and ordinary tokens',
      files: miniApp({
        'certs/server.pub.pem': rsaPublic,
        'utils/config.js': [
          `export const SERVER_PUBLIC_KEY = \`${rsaPublic}\`;`,
          `export const txHash = '${txHash}';`,
          "export const appSecret = 'YOUR_APP_SECRET_HERE_xxxxxxxxx';",
          "export const apiKey = process.env.API_KEY;",
          "export const token = '';",
          "export const GOOGLE_TOKEN = 'https://oauth2.googleapis.com/token';",
          "export const refreshToken = '/api/v2/session/refresh-token';",
          "export const tokenAddress = '0x55d398326f99059fF775485246999027B3197955';",
          "export const secretPageTitle = 'Members only area for VIP holders';",
          "if (pem.startsWith('-----BEGIN PRIVATE KEY-----')) parse(pem);",
        ].join('\n'),
      }),
    },
    {
      name: 'identifiers, event names, i18n keys, CSS classes and asset hashes under secret-like names',
      files: miniApp({
        'app.js': [
          "bn.setBackgroundFetchToken({ token: 'getBackgroundFetchToken' });",
          "const events = { accessToken: 'refresh_token_expired_event', sessionToken: 'user:session-token-refreshed' };",
          "const i18n = { passwordHint: 'login.form.passwordHintLabel', secret: 'settings.privacy.secretModeTitle' };",
          "const css = { tokenClass: 'token-list__item--highlighted' };",
          "const assets = { secretIcon: 'images/secret-vault.8f3a2b1c9d.png', token: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K' };",
          'App({ events, i18n, css, assets });',
        ].join('\n'),
      }),
    },
    {
      name: 'English text of 12 words, and 12 list words that fail the checksum',
      files: miniApp({
        'pages/index/index.bxml': '<view>please remember to bring your umbrella because the weather might turn rainy today</view>\n<view>abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon</view>',
        'README.md': '# Wallet demo\n\nNever share your seed phrase or private key with anyone.\n',
      }),
    },
    {
      name: 'a bundled BIP-39 word list is not a phrase',
      files: miniApp({ 'miniprogram_npm/bip39/wordlists/english.json': JSON.stringify(wordlist.words), 'miniprogram_npm/bip39/english.txt': wordlist.words.join('\n') }),
    },
    {
      name: 'the test account password in the listing is meant for reviewers',
      files: miniApp({ 'listing.json': JSON.stringify({ name: 'Demo', testAccount: { id: 'reviewer@example.com', password: 'Qx7Rt2Lm9Vb4Nc8Kd3Zs' } }) }),
    },
  ],
  invalid: [
    {
      name: 'an SDK appKey is often a public client id: low confidence; the app secret beside it is certain',
      files: miniApp({ 'app.js': `AV.init({\n  appKey: '${appSecret}',\n});\nconst config = { appSecret: '${jwtSecret}' };\n` }),
      errors: [
        { messageId: 'namedSecret', file: 'app.js', line: 2, column: 12, confidence: 'low', data: { name: 'appKey', preview: `${appSecret.slice(0, 4)}…`, length: appSecret.length } },
        { messageId: 'namedSecret', file: 'app.js', line: 4, column: 30, confidence: undefined },
      ],
    },
    {
      name: 'an .env file shipped in the bundle',
      files: miniApp({ '.env': `# server config\nAPP_SECRET=${appSecret}\nWALLET_PRIVATE_KEY=${ethKey}\nPORT=8080\n` }),
      errors: [
        { messageId: 'namedSecret', file: '.env', line: 2, column: 12, data: { name: 'APP_SECRET', preview: `${appSecret.slice(0, 4)}…`, length: appSecret.length } },
        { messageId: 'ethPrivateKey', file: '.env', line: 3, column: 20, data: { name: 'WALLET_PRIVATE_KEY', preview: `${ethKey.slice(0, 4)}…` } },
      ],
    },
    {
      name: 'secrets in a config module and a wallet helper',
      files: miniApp({
        'config/index.js': `module.exports = {\n  appId: 'mp123',\n  appSecret: '${appSecret}',\n  "jwtSecret": "${jwtSecret}",\n};\n`,
        'utils/wallet.js': `const privateKey = '${ethKey}';\nexport const signer = () => privateKey;\n`,
      }),
      errors: [
        { messageId: 'namedSecret', file: 'config/index.js', line: 3, column: 15, data: { name: 'appSecret', preview: `${appSecret.slice(0, 4)}…`, length: appSecret.length } },
        { messageId: 'namedSecret', file: 'config/index.js', line: 4, column: 17, data: { name: 'jwtSecret', preview: `${jwtSecret.slice(0, 4)}…`, length: 64 } },
        { messageId: 'ethPrivateKey', file: 'utils/wallet.js', line: 1, column: 21 },
      ],
    },
    {
      name: 'PEM private keys: a .pem file and a key inlined in JS with \\n escapes',
      files: miniApp({
        'keys/server.pem': rsaPrivate,
        'utils/sign.js': `const KEY = '${ecPrivate.trim().replace(/\n/g, '\\n')}';\nexport default KEY;\n`,
      }),
      errors: [
        { messageId: 'privateKeyPem', file: 'keys/server.pem', line: 1, column: 1, data: { kind: 'PEM RSA private key', preview: 'MIIC…' } },
        { messageId: 'privateKeyPem', file: 'utils/sign.js', line: 1, column: 14, data: { kind: 'PEM private key', preview: 'MIGH…' } },
      ],
    },
    {
      name: 'seed phrases in a text file and a JS constant',
      files: miniApp({
        'notes/backup.txt': `wallet backup\n${phrase24.split(' ').slice(0, 12).join(' ')}\n${phrase24.split(' ').slice(12).join(' ')}\n`,
        'pages/index/index.js': `const DEMO_WALLET = "${phrase12}";\nPage({ data: { w: DEMO_WALLET } });\n`,
      }),
      errors: [
        { messageId: 'mnemonic', file: 'notes/backup.txt', line: 2, column: 1, data: { count: 24, preview: `${phrase24.split(" ")[0].slice(0, 4)}…` } },
        { messageId: 'mnemonic', file: 'pages/index/index.js', line: 1, column: 22, data: { count: 12, preview: `${phrase12.split(" ")[0].slice(0, 4)}…` } },
      ],
    },
    {
      name: 'API keys of well-known services',
      files: miniApp({
        'utils/keys.ts': [`const a = '${aws}';`, `const b = "${github}";`, `const c = '${slack}';`, `const d = '${stripe}';`, `const e = '${google}';`].join('\n'),
      }),
      errors: [
        { messageId: 'knownKey', file: 'utils/keys.ts', line: 1, column: 12, data: { kind: 'AWS access key id', preview: 'AKIA…' } },
        { messageId: 'knownKey', file: 'utils/keys.ts', line: 2, column: 12, data: { kind: 'GitHub token', preview: 'ghp_…' } },
        { messageId: 'knownKey', file: 'utils/keys.ts', line: 3, column: 12, data: { kind: 'Slack token', preview: 'xoxb…' } },
        { messageId: 'knownKey', file: 'utils/keys.ts', line: 4, column: 12, data: { kind: 'Stripe live secret key', preview: 'sk_l…' } },
        { messageId: 'knownKey', file: 'utils/keys.ts', line: 5, column: 12, data: { kind: 'Google API key', preview: 'AIza…' } },
      ],
    },
  ],
});

describe('privacy/no-secrets messages', () => {
  it('never echo a secret beyond its first four characters', async () => {
    const findings = await runRule(rule, miniApp({
      '.env': `APP_SECRET=${appSecret}\nPRIVATE_KEY=${ethKey}\n`,
      'a.txt': phrase12,
      'b.js': `const k = '${stripe}';\nconst jwtSecret = '${jwtSecret}';`,
      'c.pem': rsaPrivate,
    }));
    expect(findings).toHaveLength(6);
    const text = messages(findings) + JSON.stringify(findings.map((finding) => finding.data));
    for (const secret of [appSecret, ethKey, phrase12, stripe, jwtSecret, rsaPrivate.split('\n')[1], appSecret.slice(0, 5), ethKey.slice(0, 5), stripe.slice(0, 5)]) {
      expect(text).not.toContain(secret);
    }
    expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
  });
});

describe('identifier-like values', () => {
  it('are names made of words, not random keys', () => {
    for (const value of ['getBackgroundFetchToken', 'refresh_token_expired', 'user:login-success', 'login.form.passwordHint', 'btn-primary--large', 'images/logo.8f3a2b1c.png', 'HTTP_AUTH_HEADER_NAME', 'sessionToken2024']) {
      expect(looksLikeIdentifier(value), value).toBe(true);
    }
    // Random keys of every shape stay candidates (these are made up, of the shapes SDKs issue).
    for (const value of ['gVpxIyNY3brM8JXwCTGSNeG3', '108c2a063580e70d99089db9f8d0128b1f4fc461', 'sk9FqLm2ZxWv7RtBn4Kp', 'QmFzZTY0U2VjcmV0S2V5', appSecret, jwtSecret]) {
      expect(looksLikeIdentifier(value), value).toBe(false);
    }
  });
});

describe('BIP-39 checks', () => {
  it('accepts valid phrases of every length and the published vectors', () => {
    expect(isMnemonic(VECTOR.split(' '))).toBe(true);
    expect(isMnemonic('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'.split(' '))).toBe(true);
    for (const size of [16, 20, 24, 28, 32]) expect(isMnemonic(mnemonicOf(randomBytes(size)).split(' ')), `${size} bytes`).toBe(true);
  });

  it('rejects a wrong checksum, unknown words and other lengths', () => {
    expect(isMnemonic(Array(12).fill('abandon'))).toBe(false);
    expect(isMnemonic(VECTOR.replace('yellow', 'yard').split(' '))).toBe(false);
    expect(isMnemonic(VECTOR.replace('legal', 'legally').split(' '))).toBe(false);
    expect(isMnemonic(VECTOR.split(' ').slice(0, 11))).toBe(false);
  });

  it('checks the word list against the published english.txt', () => {
    expect(wordlist.words).toHaveLength(2048);
    expect(createHash('sha256').update(`${wordlist.words.join('\n')}\n`).digest('hex')).toBe(wordlist.sha256OfNewlineJoinedList);
    expect(wordlist.sha256OfNewlineJoinedList).toBe('2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda');
  });

  it('finds a phrase among other words only at the edges of a short run', () => {
    expect(findSecrets(`my words: ${VECTOR}`).map((secret) => secret.type)).toEqual(['mnemonic']);
    expect(findSecrets(`["${VECTOR.split(' ').join('", "')}"]`).map((secret) => secret.count)).toEqual([12]);
  });
});

describe('secret names and entropy', () => {
  it('knows secret-like names', () => {
    for (const name of ['secret', 'apiSecret', 'appSecret', 'APP_SECRET', 'privateKey', 'private_key', 'token', 'accessToken', 'password', 'jwtSecret', 'signingKey', 'mnemonic', 'seedPhrase', 'config.appSecret', 'api-key']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['publicKey', 'tokenAddress', 'txHash', 'key', 'bnKey', 'secretary', 'tokenId', 'passwordHint', 'secretPageTitle']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('tells random values from words and placeholders', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(looksRandom(appSecret)).toBe(true);
    expect(looksRandom(jwtSecret)).toBe(true);
    expect(looksRandom('YOUR_APP_SECRET_HERE_xxxxxxxxx')).toBe(false);
    expect(looksRandom('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(looksRandom('short1A')).toBe(false);
    expect(looksRandom('the quick brown fox jumps over')).toBe(false);
  });
});

describe('linear time on adversarial input', () => {
  const time = (text: string) => {
    const start = performance.now();
    findSecrets(text, { bareValues: true });
    return performance.now() - start;
  };

  it('a 1 MB line of base64', () => {
    const line = randomBytes(768 * 1024).toString('base64');
    expect(line.length).toBeGreaterThanOrEqual(1024 * 1024);
    expect(time(`const blob = "${line}";`)).toBeLessThan(2000);
  });

  it('a 100k-word list of BIP-39 words that is no phrase, and one of 11-word runs', () => {
    const words = Array.from({ length: 100_000 }, (_, index) => wordlist.words[(index * 7919) % 2048]);
    expect(time(words.join(' '))).toBeLessThan(2000);
    const broken = words.map((word, index) => (index % 11 === 10 ? `${word}.` : word)).join(' ');
    expect(time(broken)).toBeLessThan(2000);
    expect(findSecrets(words.join(' '))).toEqual([]);
  });

  it('repeated prefixes of every pattern', () => {
    for (const unit of ['token', 'xoxb-', 'ghp_', 'AKIA', 'AIza', 'sk_live_', '-----BEGIN PRIVATE KEY-----', 'secret=', 'privateKey: "', 'a'.repeat(63) + 'Token']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      expect(time(text), unit).toBeLessThan(2000);
    }
  });
});
