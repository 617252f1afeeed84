/** Names and wording shared by the privacy rules: identifiers split into words, and what they name. */

/** `userEmailAddress`, `user_email`, `USER-EMAIL` → ['user', 'email', 'address']. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Words that make a name about UI state or metadata, not the value itself (`showPassword`, `passwordError`). */
const UI_WORDS = new Set([
  'show', 'hide', 'hidden', 'visible', 'visibility', 'toggle', 'type', 'strength', 'length', 'placeholder', 'label', 'error', 'errors', 'tip',
  'tips', 'rule', 'rules', 'regex', 'pattern', 'min', 'max', 'valid', 'invalid', 'is', 'has', 'focus', 'icon', 'input', 'text', 'title',
  'desc', 'message', 'msg', 'hint', 'field', 'key', 'mode', 'status', 'changed', 'reset', 'forgot', 'url', 'path', 'page', 'route', 'format', 'policy',
]);

export type SecretKind = 'password' | 'seed phrase' | 'private key';

/** What secret a variable or field name holds, if any: `password`, `loginPwd` → password; `mnemonic` → seed phrase. */
export function secretOfName(name: string): SecretKind | undefined {
  const parts = words(name);
  if (!parts.length) return undefined;
  const has = (word: string) => parts.includes(word);
  if (has('mnemonic') || has('mnemonics') || (has('seed') && (has('phrase') || has('words'))) || (has('recovery') && (has('phrase') || has('words')))) return 'seed phrase';
  if ((has('private') && has('key')) || has('privkey') || has('privatekey')) return 'private key';
  if (has('password') || has('passwd') || has('pwd') || has('passcode') || has('passphrase')) {
    const other = parts.filter((part) => !['password', 'passwd', 'pwd', 'passcode', 'passphrase'].includes(part));
    if (other.some((part) => UI_WORDS.has(part))) return undefined;
    return 'password';
  }
  return undefined;
}

/** Wording of fields that ask for a wallet's seed phrase or private key (English and Simplified Chinese). */
const SEED_WORDING = /\b(?:seed|recovery|secret|backup|mnemonic|wallet)[\s_-]*(?:phrase|words?)\b|\bmnemonic\b|\bprivate[\s_-]*key\b|\bkeystore\b|\b(?:12|15|18|21|24)[\s-]*words?\b|助记词|私钥|恢复短语|种子短语|密钥/i;
/** Wording of password fields. (Not 口令 alone: "请输入口令" asks for a coupon or red-packet code word.) */
const PASSWORD_WORDING = /\bpass[\s-]?(?:word|code|phrase)\b|\bpwd\b|\bpasswd\b|密码|(?:登录|账号|帐号|账户)口令/i;

export function secretOfWording(text: string): SecretKind | undefined {
  if (!text) return undefined;
  const seed = SEED_WORDING.exec(text);
  if (seed) return /private|私钥|密钥|keystore/i.test(seed[0]) ? 'private key' : 'seed phrase';
  if (PASSWORD_WORDING.test(text)) return 'password';
  return undefined;
}
