import { normalizeForMatching, originalRange } from '../listing-text.js';

/** What a match is, in the groups the rule reports under. */
export type ContactCategory = 'link' | 'email' | 'phone' | 'socialAccount' | 'inviteCode' | 'address';

export interface ContactMatch {
  category: ContactCategory;
  /** "a Telegram link", "a phone number". */
  kind: string;
  /** Offsets in the original (un-normalised) text. */
  start: number;
  end: number;
}

interface Candidate {
  category: ContactCategory;
  kind: string;
  start: number;
  end: number;
}

/* ------------------------------------------------------------------------------------------------
 * Web addresses
 * --------------------------------------------------------------------------------------------- */

/**
 * Top-level domains a bare `name.tld` is recognised by. Deliberately a list, not "any letters":
 * `Node.js`, `v2.0`, `e.g.` or `logo.png` are not addresses. Matched case-sensitively (lowercase),
 * so a missing space between sentences (`fast.Trade now`) is not taken for a domain either.
 */
const TLDS = [
  'com', 'net', 'org', 'io', 'me', 'gg', 'xyz', 'app', 'co', 'ai', 'cc', 'tv', 'info', 'top', 'vip', 'club', 'site',
  'online', 'ly', 'to', 'sh', 'fm', 'link', 'biz', 'pro', 'dev', 'finance', 'exchange', 'money', 'cash', 'network',
  'world', 'life', 'live', 'fun', 'tech', 'store', 'shop', 'space', 'website', 'games', 'game', 'bet', 'casino', 'news',
  'blog', 'email', 'lol', 'one', 'asia', 'mobi', 'ws', 'gl', 'la', 'cx', 'ee', 'am', 'fi', 'so', 'su',
  'cn', 'hk', 'tw', 'jp', 'kr', 'sg', 'uk', 'de', 'fr', 'ru', 'in', 'us', 'vn', 'id', 'ph', 'th', 'tr', 'br', 'ca', 'au',
  'eu', 'ch', 'nl', 'es', 'it', 'pl', 'ua', 'ng', 'ae', 'my', 'ar', 'mx', 'nz', 'za', 'ke', 'pk', 'bd',
].sort((a, b) => b.length - a.length);

/** A `[.]` / `(.)` / `[dot]` written to dodge link filters counts as a dot. */
const DOT = String.raw`(?:\.|\s?[\[(](?:\.|dot)[\])]\s?)`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/**
 * A path/query after a host: printable ASCII up to whitespace; trailing sentence punctuation is trimmed
 * later. Non-ASCII ends it, since CJK text runs on without a space ("t.me/moon社区").
 */
const URL_CHARS = String.raw`[^\s<>"'\u{80}-\u{10FFFF}]`;
const PATH = String.raw`(?:[/?#]${URL_CHARS}*)?`;

// No `i` flag where a negated class is used: under /iu, [^\u{80}-…] would also exclude "s" and "k" (ſ, K fold to them).
const SCHEME_URL = new RegExp(String.raw`\b(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]|[Ww][Ss][Ss]?)://${URL_CHARS}+`, 'gu');
const WWW_URL = new RegExp(String.raw`(?<![\w.@/-])(?:www|WWW)${DOT}(?:${LABEL}${DOT})*${LABEL}${PATH}`, 'gu');
const BARE_DOMAIN = new RegExp(String.raw`(?<![\w.@/-])(?:${LABEL}${DOT})+(?:${TLDS.join('|')})(?![\w-])${PATH}`, 'gu');
/**
 * A domain with its dot spelled out, as listings write it to pass link filters ("moonswap dot io",
 * "moon at gmail dot com" is the e-mail form). Only the common TLDs, and not the "dot-com era" phrase.
 */
const SPELLED_DOMAIN = /(?<![\w.@/-])([A-Za-z0-9][A-Za-z0-9-]{2,62})(?:\s+(?:dot|DOT|Dot)\s+|\s*[点點]\s*)(com|net|org|io|app|xyz|cn|co|me|gg)(?![\w-])(?!\s+(?:era|bubble|boom|crash|days|companies|company|startups?))/gu;
const SPELLED_EMAIL = /(?<![\w.@/-])[A-Za-z0-9][\w.+-]*\s+(?:at|AT)\s+[A-Za-z0-9-]+\s+(?:dot|DOT)\s+(?:com|net|org|io|app|xyz|cn|co|me)(?![\w-])/gu;
/** Words before "dot com" that make it the phrase, not a name. */
const NOT_A_DOMAIN_NAME = /^(?:the|a|an|of|early|polka|this|that|first|old|big)$/i;
/** Sending the reader to the official website, with or without its address ("visit our official website", "详情请访问官网"). */
const OFFICIAL_SITE = /\b(?:visit|check out|see|go to|head to|find us on|find more on|download (?:it )?(?:from|on)|more (?:on|at))\s+(?:our|the)\s+official\s+(?:website|site|web\s?site|homepage)\b|(?:访问|前往|登录|登陆|搜索|打开|进入|详见|见|看)(?:我们的|本)?(?:官方网站|官网)/giu;
const IP_ADDRESS = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d{2,5})?(?![\w.]|\.\d)/gu;

/** Hosts of social and messaging services, by the host's registrable part. */
const SOCIAL_HOSTS: Array<[RegExp, string]> = [
  [/^(?:t|telegram)\.me$|^telegram\.(?:dog|org)$/, 'a Telegram link'],
  [/^wa\.me$|(?:^|\.)whatsapp\.com$/, 'a WhatsApp link'],
  [/(?:^|\.)(?:twitter|x)\.com$/, 'an X (Twitter) link'],
  [/^discord\.gg$|(?:^|\.)discord(?:app)?\.com$/, 'a Discord invite'],
  [/(?:^|\.)instagram\.com$|^instagr\.am$/, 'an Instagram link'],
  [/(?:^|\.)facebook\.com$|^(?:fb|m)\.me$|^fb\.com$|^fb\.gg$/, 'a Facebook link'],
  [/^line\.me$|(?:^|\.)line\.me$|^lin\.ee$/, 'a LINE link'],
  [/(?:^|\.)kakao\.com$/, 'a KakaoTalk link'],
  [/(?:^|\.)(?:weixin\.qq|wechat)\.com$/, 'a WeChat link'],
  [/(?:^|\.)(?:youtube\.com|youtu\.be)$/, 'a YouTube link'],
  [/(?:^|\.)tiktok\.com$/, 'a TikTok link'],
  [/(?:^|\.)reddit\.com$/, 'a Reddit link'],
];

function hostOf(address: string): string {
  const withoutScheme = address.replace(/^[a-z]+:\/\//i, '');
  const host = withoutScheme.split(/[/?#:]/)[0];
  return host
    .replace(/\s?[\[(](?:\.|dot)[\])]\s?/gi, '.')
    .toLowerCase()
    .replace(/^www\./, '');
}

function classifyAddress(address: string, plainKind: string): Pick<Candidate, 'category' | 'kind'> {
  const host = hostOf(address);
  for (const [pattern, kind] of SOCIAL_HOSTS) if (pattern.test(host)) return { category: 'socialAccount', kind };
  return { category: 'link', kind: plainKind };
}

/** Sentence punctuation after a link is not part of it (`see t.me/moon.`). */
function trimTrailing(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]}'"»。，；：！？）]/u.test(text[end - 1])) end--;
  return end;
}

/* ------------------------------------------------------------------------------------------------
 * Social accounts
 * --------------------------------------------------------------------------------------------- */

const SERVICES: Array<[string, string]> = [
  ['telegram|tg|电报|飞机号?|纸飞机', 'Telegram'],
  ['whats\\s?app|wa', 'WhatsApp'],
  ['wechat|weixin|微信号?|vx|wx|威信|薇信|徽信|v信', 'WeChat'],
  ['discord', 'Discord'],
  ['twitter|推特', 'X (Twitter)'],
  ['instagram|insta|ig', 'Instagram'],
  ['facebook|fb|脸书|臉書', 'Facebook'],
  ['kakao\\s?talk|kakao|카카오톡?', 'KakaoTalk'],
  ['skype', 'Skype'],
  ['qq|企鹅号|扣扣', 'QQ'],
  ['viber', 'Viber'],
  ['zalo', 'Zalo'],
  ['snapchat', 'Snapchat'],
  ['tiktok|抖音号?', 'TikTok'],
];
const SERVICE_NAMES = SERVICES.map(([names]) => names).join('|');
/** An account id: a handle, or a number (WhatsApp, QQ). */
const ACCOUNT_ID = String.raw`@?[A-Za-z0-9][\w.-]{2,40}|\+?\d[\d\s().-]{4,18}\d`;
/** "Telegram: @moon", "WeChat ID: moon888", "QQ群：12345678". */
const LABELLED_ACCOUNT = new RegExp(
  String.raw`(?<![A-Za-z])(${SERVICE_NAMES})(?:\s*(?:id|group|channel|account|群|号|號|帳號|账号))?\s*[:：]\s*(${ACCOUNT_ID})`,
  'giu',
);
/** Chinese labels are written without a colon as often as with one: "微信 moon888", "加微信moon888". */
const CJK_LABELLED_ACCOUNT = /(群号|群聊号|Q群|微信号?|微信群|威信|薇信|徽信|[vV]信|[vV][xX]|电报群?|飞机号|推特|脸书|臉書|企鹅号|扣扣|抖音号|QQ群?)\s*[:：]?\s*(@?[A-Za-z0-9][\w.-]{2,40}|\d{5,15})/gu;
/**
 * WeChat written to dodge filters (威信, 薇信, V信, 加V, vx): the spelling exists only to pass a contact
 * filter, so it is a contact detail with or without an id after it.
 */
const EVASIVE_WECHAT = /(?:加|添加|联系|私)\s*(?:[vV][xX]|[vV](?![A-Za-z0-9]))|威信|薇信|徽信|魏信|维信|[vV]信|卫星号/gu;
/** A WeChat Official Account (or Channels account) to follow or search for: "关注公众号「币圈小助手」". */
const OFFICIAL_ACCOUNT = /(?:(?:关注|搜索|搜|添加|加)(?:微信)?(?:公众号|服务号|订阅号|视频号)\s*[:：]?|(?:微信)?(?:公众号|服务号|订阅号|视频号)\s*[:：])\s*[「『“"【《]?[\p{Script=Han}A-Za-z0-9_]{2,20}[」』”"】》]?/gu;
/** LINE is an English word: only the capitalised service name ("LINE: moon", "LINE ID moon"). */
const LINE_ACCOUNT = /(?<![A-Za-z])((?:LINE|Line)(?:\s*ID\s*[:：]?|\s*[:：]))\s*(@?[A-Za-z0-9][\w.-]{2,40})/gu;
/** An `@handle` token (not part of an e-mail or a URL). */
const AT_HANDLE = /(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])(?![\w@])/gu;

function serviceName(label: string): string {
  const lower = label.toLowerCase();
  for (const [names, service] of SERVICES) if (new RegExp(`^(?:${names})`, 'iu').test(lower)) return service;
  return 'social media';
}

/**
 * A word after "Discord:" is an account only when it looks like one: `@name`, digits, `_` or `.`,
 * or capitals inside (`MoonSwapHQ`); "Discord: join our community" is not.
 */
function looksLikeAccountId(id: string): boolean {
  return /^@/.test(id) || /\d/.test(id) || /[_.]/.test(id) || /^.[a-z]*[A-Z]/.test(id);
}

/* ------------------------------------------------------------------------------------------------
 * Invitation codes
 * --------------------------------------------------------------------------------------------- */

const INVITE_CODE = new RegExp(
  String.raw`(?:(?<![A-Za-z])((?:invite|invitation|referral|referrer|ref|promo|bonus|sign-?up)[\s-]*(?:code|id)|use (?:my |our |the )?code|my code)|(邀请码|邀請碼|推荐码|推薦碼|推广码|推廣碼|邀请ID))(?:\s*(?:is|:|：|=))?\s*([A-Za-z0-9]{4,20})(?![\w])`,
  'giu',
);

/* ------------------------------------------------------------------------------------------------
 * Phone numbers
 * --------------------------------------------------------------------------------------------- */

const INTERNATIONAL_PHONE = /(?<![\w+])\+\s?\d[\d\s().-]{5,22}\d(?![\d%])/gu;
/** Groups of digits joined by spaces, dashes, dots or parentheses: "(415) 555-0100", "138 0013 8000". */
const GROUPED_PHONE = /(?<![\w.,/$¥€£#+-])(?<!\d:)(?:\(\d{1,4}\)\s?|\d{1,5}[ .-])(?:\d{1,5}[ .-]){0,4}\d{2,5}(?![\w%+]|[.,/:]\d)/gu;
const BARE_DIGITS = /(?<![\w.,/$¥€£#+-])(?<!\d:)\d{7,15}(?![\w%+]|[.,/:]\d)/gu;
/** A number followed by one of these is an amount, not a phone number. */
const UNIT_AFTER = /^\s?(?:usdt|usdc|busd|fdusd|bnb|btc|eth|sol|usd|eur|cny|rmb|tokens?|coins?|users?|members?|holders?|points?|pts|times|transactions?|txs?|downloads?|players?|people|[kmb]\b|x\b|元|人|个|次|名|万|亿|枚)/iu;
const PHONE_CONTEXT = /(?:tel|phone|call|mobile|cell|contact|hotline|whats\s?app|sms|电话|電話|手机|手機|热线|熱線|联系|聯繫|客服|☎|📞|📱)[^\d]{0,12}$/iu;

function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

function isAmountOrDate(candidate: string, after: string): boolean {
  if (UNIT_AFTER.test(after)) return true;
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(candidate) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(candidate)) return true;
  if (/^(?:19|20)\d{2}\s?-\s?(?:19|20)\d{2}$/.test(candidate)) return true;
  return false;
}

/** "1 000 000", "1.000.000": thousands grouping, not a number to dial. */
function isThousandsGrouping(candidate: string): boolean {
  return /^\d{1,3}(?:[ .]\d{3})+$/.test(candidate);
}

const isYear = (group: string) => /^(?:19|20)\d{2}$/.test(group);

function isPhoneShaped(candidate: string, before: string): boolean {
  const digits = digitCount(candidate);
  if (digits < 7 || digits > 15) return false;
  const context = PHONE_CONTEXT.test(before);
  const groups = candidate.split(/\D+/).filter(Boolean);
  // A bare run of digits: a mobile number (China: 1[3-9] + 9 digits) or a number announced as one.
  if (groups.length === 1) return /^1[3-9]\d{9}$/.test(candidate) || /^[48]00\d{7}$/.test(candidate) || context;
  if (isThousandsGrouping(candidate)) return context;
  // Only dots: decimals, versions and IP addresses ("1.25", "2.0.1", "10.0.0.1") unless it reads like 415.555.0100.
  const dotsOnly = !/[\s()-]/.test(candidate);
  if (dotsOnly && (groups.length < 3 || (groups.length === 4 && groups.every((group) => Number(group) <= 255)))) return false;
  if (!groups.some((group) => group.length >= 3)) return context;
  if (groups.length === 2) {
    // "555-0100", "(21) 5550100", "2345 6789"; not "founded 2019 500 partners" or "1000-5000".
    if (groups.every((group) => group.endsWith('00'))) return context;
    if (context || candidate.startsWith('(')) return true;
    if (candidate.includes('-')) return groups[0].length >= 3 && groups[1].length >= 4;
    return groups.every((group) => group.length === 4) && !groups.some(isYear);
  }
  return true;
}

/* ------------------------------------------------------------------------------------------------
 * Street addresses
 * --------------------------------------------------------------------------------------------- */

const STREET_WORDS = String.raw`Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Highway|Hwy\.?`;
/** "100 Main Street", "221B Baker St.": a number, one to four capitalised words, a street word. */
const STREET_ADDRESS = new RegExp(String.raw`(?<![\w.,])\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'’-]*\.?\s+){1,4}(?:${STREET_WORDS})(?![A-Za-z])`, 'gu');
/** "南京西路1266号", "中山路 88 號". */
const CJK_STREET_ADDRESS = /\p{Script=Han}{1,6}(?:路|街|大道|巷|弄)\s*\d{1,5}(?:-\d{1,5})?\s*(?:号|號)/gu;
/** "1丁目2番3号", "2-3-4" after 丁目. */
const JAPANESE_ADDRESS = /\d{1,3}\s*丁目\s*\d{1,3}\s*(?:番地?|-)\s*\d{1,4}(?:\s*号|-\d{1,4})?/gu;

/* ------------------------------------------------------------------------------------------------
 * The scan
 * --------------------------------------------------------------------------------------------- */

/**
 * Contact details in a listing text. Precision comes first: every pattern needs a shape that
 * ordinary product text does not have (a known TLD, an account label plus an id that looks like one,
 * a phone number's digit count and grouping), and amounts, years, dates and versions are excluded.
 */
export function findContactDetails(original: string): ContactMatch[] {
  const normalized = normalizeForMatching(original);
  const text = normalized.text;
  const claimed: Candidate[] = [];
  const claim = (candidate: Candidate) => {
    if (candidate.end <= candidate.start) return;
    if (claimed.some((other) => candidate.start < other.end && other.start < candidate.end)) return;
    claimed.push(candidate);
  };
  const each = (pattern: RegExp, fn: (match: RegExpExecArray) => void) => {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) fn(match as RegExpExecArray);
  };

  // E-mail first: its domain part must not be reported again as a web address, its local part not as a handle.
  each(/(?<![\w.+-])[A-Za-z0-9][\w.+-]*(?:@|\s?[\[(]at[\])]\s?)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])/gu, (match) =>
    claim({ category: 'email', kind: 'an e-mail address', start: match.index, end: match.index + match[0].length }),
  );
  each(SPELLED_EMAIL, (match) => claim({ category: 'email', kind: 'an e-mail address', start: match.index, end: match.index + match[0].length }));
  each(SCHEME_URL, (match) => {
    const end = trimTrailing(text, match.index, match.index + match[0].length);
    claim({ ...classifyAddress(match[0], 'a URL'), start: match.index, end });
  });
  each(WWW_URL, (match) => {
    const end = trimTrailing(text, match.index, match.index + match[0].length);
    claim({ ...classifyAddress(match[0], 'a web address'), start: match.index, end });
  });
  each(BARE_DOMAIN, (match) => {
    const end = trimTrailing(text, match.index, match.index + match[0].length);
    const host = hostOf(match[0]);
    // The name part must have a letter: "1.5.co" is not an address.
    if (!/[a-z]/i.test(host.split('.').slice(0, -1).join('.'))) return;
    claim({ ...classifyAddress(match[0], 'a web address'), start: match.index, end });
  });
  each(SPELLED_DOMAIN, (match) => {
    if (NOT_A_DOMAIN_NAME.test(match[1])) return;
    claim({ category: 'link', kind: 'a web address', start: match.index, end: match.index + match[0].length });
  });
  each(OFFICIAL_SITE, (match) => claim({ category: 'link', kind: 'a pointer to the official website', start: match.index, end: match.index + match[0].length }));
  each(IP_ADDRESS, (match) => {
    const octets = match.slice(1, 5).map(Number);
    // "1.2.3.4" reads like a version; a real address has octets over 9 (192.168.0.1).
    if (octets.some((octet) => octet > 255) || octets.filter((octet) => octet >= 10).length < 2) return;
    claim({ category: 'link', kind: 'an IP address', start: match.index, end: match.index + match[0].length });
  });

  for (const pattern of [LABELLED_ACCOUNT, CJK_LABELLED_ACCOUNT, LINE_ACCOUNT]) {
    each(pattern, (match) => {
      const id = match[2].trim().replace(/[.,;:!?-]+$/, '');
      const numeric = /^\+?\d[\d\s().-]*$/.test(id);
      // English labels need an id that looks like one; Chinese labels and "LINE ID" only when written without a colon.
      // Abbreviated labels (TG, VX, WX) exist only to pass a contact: any id after them is one.
      const abbreviated = pattern === LABELLED_ACCOUNT && /^(?:tg|vx|wx)$/i.test(match[1]);
      const strict = (pattern === LABELLED_ACCOUNT && !abbreviated) || (pattern === CJK_LABELLED_ACCOUNT && !/[:：]/.test(match[0])) || (pattern === LINE_ACCOUNT && !/ID/.test(match[1]));
      // A plain word after a messaging service's label ("Telegram: moonswapsupport") is an account when it ends the phrase.
      const endsPhrase = /^\s*(?:$|[.,;!?)，。；！？）]|\p{Script=Han})/u.test(text.slice(match.index + match[0].length));
      const messaging = pattern === LABELLED_ACCOUNT && /^(?:telegram|whats\s?app|wechat|weixin|skype|viber|zalo|snapchat|kakao)/i.test(match[1]);
      if (strict && !numeric && !looksLikeAccountId(id) && !(messaging && endsPhrase && id.length >= 5)) return;
      if (numeric && digitCount(id) < 5) return;
      const service = pattern === LINE_ACCOUNT ? 'LINE' : serviceName(match[1]);
      const end = trimTrailing(text, match.index, match.index + match[0].length);
      claim({ category: 'socialAccount', kind: `a ${service} account`, start: match.index, end });
    });
  }
  // After labelled accounts, so "威信: moon888" is reported once, with its id.
  each(EVASIVE_WECHAT, (match) => claim({ category: 'socialAccount', kind: 'a WeChat contact', start: match.index, end: match.index + match[0].length }));
  each(OFFICIAL_ACCOUNT, (match) => claim({ category: 'socialAccount', kind: 'a WeChat Official Account', start: match.index, end: match.index + match[0].length }));
  each(INVITE_CODE, (match) => {
    const code = match[3];
    // A code has a digit or is written in capitals ("ABC123", "MOONVIP"); "referral code rewards" has neither.
    if (!/\d/.test(code) && code !== code.toUpperCase()) return;
    const label = (match[1] ?? match[2]).toLowerCase();
    const kind = /ref|推荐|推薦|推广|推廣/.test(label) ? 'a referral code' : 'an invitation code';
    claim({ category: 'inviteCode', kind, start: match.index, end: match.index + match[0].length });
  });
  each(INTERNATIONAL_PHONE, (match) => {
    const candidate = match[0].trim();
    const digits = digitCount(candidate);
    if (digits < 8 || digits > 15) return;
    if (isAmountOrDate(candidate.replace(/^\+\s?/, ''), text.slice(match.index + match[0].length))) return;
    claim({ category: 'phone', kind: 'a phone number', start: match.index, end: match.index + match[0].length });
  });
  each(AT_HANDLE, (match) => {
    if (!/[A-Za-z]/.test(match[0])) return;
    claim({ category: 'socialAccount', kind: 'a social media handle', start: match.index, end: match.index + match[0].length });
  });
  for (const pattern of [STREET_ADDRESS, CJK_STREET_ADDRESS, JAPANESE_ADDRESS]) {
    each(pattern, (match) => {
      // "2024 Crypto Road map": a year is not a house number.
      if (pattern === STREET_ADDRESS && /^(?:19|20)\d{2}\b/.test(match[0])) return;
      claim({ category: 'address', kind: 'a street address', start: match.index, end: match.index + match[0].length });
    });
  }
  for (const pattern of [GROUPED_PHONE, BARE_DIGITS]) {
    each(pattern, (match) => {
      let candidate = match[0];
      // A trailing separator is not part of the number.
      candidate = candidate.replace(/[\s.-]+$/, '');
      const start = match.index;
      const end = start + candidate.length;
      const before = text.slice(Math.max(0, start - 24), start);
      if (isAmountOrDate(candidate, text.slice(end)) || !isPhoneShaped(candidate, before)) return;
      claim({ category: 'phone', kind: 'a phone number', start, end });
    });
  }

  return claimed
    .sort((a, b) => a.start - b.start)
    .map((candidate) => ({ ...candidate, ...originalRange(normalized, candidate.start, candidate.end) }));
}
