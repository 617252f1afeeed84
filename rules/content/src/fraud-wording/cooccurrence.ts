/**
 * Scam patterns in any wording: two cues of one scheme in one sentence, by stem, in English and
 * Simplified Chinese. The term lists hold the set phrases ("free BNB", "send 1 BNB get 2 back");
 * these find the paraphrases ("You have won a prize: pay the unlock fee to release it",
 * "充值100 USDT，明日可提现500 USDT"). Sentences that warn against scams are left out.
 */
import { sentences, type Sentence } from '../sentences.js';

/** Text that warns users about scams ("Binance will never ask for your seed phrase", "谨防诈骗") is not one. */
const WARNING = /\b(?:beware|scams?|fraud|phishing|never ask|will never|won't ask|do not share|don't share|never share)\b|谨防|诈骗|骗局|不会索要|切勿|请勿|不要(?:向|泄露|透露|告诉)/i;
/** A piece this short is one message: its sentences are read together. */
const SHORT_PIECE = 160;

interface Scheme {
  kind: string;
  cues: [RegExp, RegExp];
  /** A sentence that also says this is not the scheme ("returns are not guaranteed"). */
  unless?: RegExp;
}

const AMOUNT = String.raw`\d[\d,.]*\s*(?:usdt|bnb|btc|eth|busd|u\b|元|美元|刀)`;

/** The scheme of guaranteed returns, which content/false-advertising's lists also hold. */
export const GUARANTEED_RETURNS = 'guaranteed returns';

const SCHEMES: Scheme[] = [
  {
    kind: 'a prize that must be paid for first',
    cues: [
      /\b(?:you(?:'ve| have)? won|winners?|winnings|lucky (?:user|winner|draw winner)|prizes?|prize money|congratulations)\b|中奖|获奖|奖品|奖金|彩金|幸运用户|恭喜/i,
      /\b(?:pay|fee|deposit|transfer|unlock fee|processing fee|handling fee|tax|shipping)\b|手续费|解冻费|解冻金|保证金|缴纳|先支付|先付|支付|运费|邮费|税费|转账|充值/i,
    ],
  },
  {
    kind: 'a seed phrase or private key asked for to claim or verify',
    cues: [
      /\b(?:seed|recovery|secret|mnemonic)\s*(?:phrase|words?)\b|\b(?:your|the) seed\b(?! (?:round|funding|investors?|money|stage))|\bmnemonic\b|\bprivate\s*key\b|助记词|私钥|密钥/i,
      // Something to gain from it: a field that only asks for the phrase is privacy/no-password-collection's.
      /\b(?:claim|receive|unlock|activate|withdraw|rewards?|airdrops?|bonus|prizes?)\b|\b(?:verify|validate|rectify|sync|synchroni[sz]e|restore|unfreeze) (?:your |the )?(?:wallet|account|funds|assets)\b|领取|激活|解冻|提现|奖励|空投|奖金|验证钱包|验证账户/i,
    ],
  },
  {
    kind: 'pay in now, get more back',
    cues: [
      new RegExp(String.raw`\b(?:deposit|send|transfer|invest|stake)\b[^.。]*?${AMOUNT}|(?:充值|充|转账|转入|投入|投资|投|存入|存)\s*${AMOUNT}`, 'i'),
      new RegExp(String.raw`\b(?:withdraw|get|receive|back|return)\b[^.。]*?${AMOUNT}|(?:提现|返还|返|得|收到|到账|赚|躺赚|日赚|收益)\s*${AMOUNT}`, 'i'),
    ],
  },
  {
    kind: 'send crypto, get it back doubled',
    cues: [
      /\b(?:send|transfer|deposit)\b|转(?:账|入)?|充值/i,
      /\bdoubled\b|\bdouble (?:back|it|the amount)\b|\b2x back\b|\btwice (?:as much|the amount)\b|双倍返|翻倍返|加倍返/i,
    ],
  },
  {
    kind: 'an account threat that asks for verification',
    cues: [
      /\b(?:frozen|freeze|suspended|locked|banned|closed|abnormal|unusual activity)\b|冻结|封禁|异常|停用/i,
      /\b(?:verify|verification|confirm your|click|within \d+ hours?|immediately|now)\b|验证|认证|立即|马上|点击|尽快/i,
    ],
  },
  {
    kind: 'a giveaway in the name of Binance or an official',
    cues: [
      /\bbinance\b|\bofficial\b|币安|官方/i,
      /\b(?:airdrops?|giveaways?|giv(?:e|es|ing) away|red (?:packet|envelope)|free (?:coins?|tokens?|crypto)|claim \d|get \d|each (?:get|receive)|every (?:\w+ )?(?:users?|members?|participants?|holders?) (?:gets?|receives?|will (?:get|receive)))\b|空投|红包|送币|赠送|每人送|免费送|免费领/i,
    ],
  },
  {
    kind: 'a prize for being picked',
    cues: [
      /\b(?:lucky (?:user|visitor|customer)|you(?:'ve| have)? been (?:selected|chosen)|you are (?:our|the) (?:\d+\w*|lucky|selected))|幸运用户|幸运访客|您被选中|恭喜您?(?:获得|成为|被选中)/i,
      /\b(?:claim|collect|receive|get|redeem)\b|领取|兑换|提取|点击/i,
    ],
  },
  {
    kind: 'a Binance channel or price that does not exist',
    cues: [
      /\bbinance\b|\bofficial\b|币安|官方/i,
      /\b(?:insider|internal|private) (?:channel|sale|price|access)\b|\bbelow (?:the )?market price\b|内部渠道|内部通道|内部价|内部名额|低价购买|低于市场价/i,
    ],
  },
  {
    kind: 'easy money for nothing',
    cues: [
      /\b(?:earn|make|get)\s+(?:\$\s*)?\d[\d,.]*\s*\w*\s+(?:a|per|every)\s+day\b|(?:每天|每日|日)(?:轻松)?赚|日入|日赚|躺赚/i,
      /\b(?:from home|no experience|no skills|effortless(?:ly)?|easily|passive|just by)\b|轻松|在家|无需经验|零门槛|躺赚|动动手指/i,
    ],
  },
  {
    kind: 'a wallet connection or approval asked for to claim',
    cues: [
      /\b(?:connect|link|approve|authori[sz]e|sign|import|sync|validate)\s+(?:your\s+|the\s+)?(?:wallet|metamask|trust wallet|tokens?|usdt|transaction|spending|allowance)\b|\bunlimited (?:approval|allowance)\b|(?:连接|链接|授权|绑定|导入|同步)(?:您的|你的)?(?:钱包|usdt)|钱包授权|无限授权/i,
      /\b(?:claim|receive|get|unlock|airdrop|reward|bonus|eligible|allocation|free)\b|领取|空投|奖励|获得|免费|资格|到账/i,
    ],
  },
  {
    kind: 'funds asked to be moved to a "safe" account',
    cues: [
      /\b(?:safe|safety|protected|verification|holding) account\b|\bsafe wallet\b|安全账户|安全钱包|安全地址|监管账户|核查账户|指定账户/i,
      /\b(?:move|transfer|send|deposit|withdraw|protect|secure) (?:your )?(?:funds|assets|money|balance|coins|usdt|bnb)|\b(?:transfer|move|send)\b|转入|转账|转移|汇入|存入|资金/i,
    ],
  },
  {
    kind: 'a prize or reward with a countdown to act',
    cues: [
      /\b(?:expires? in|ends? in|only \d+ (?:minutes?|hours?|seconds?|left|spots?)|only \d+ \w+(?: \w+)? left|(?:last|final) \d+ (?:hours?|minutes?|days?)|before (?:they|it) (?:vanish|disappear|run out|expire|are gone)|hurry|act fast|last chance|within \d+ (?:minutes?|hours?)|before (?:it|the offer|time) (?:expires|runs out)|countdown|\d+:\d\d(?::\d\d)? (?:left|remaining))\b|倒计时|仅剩\d*|还剩\d*|即将(?:过期|失效|作废|清零)|\d+(?:分钟|小时|秒)内|过期作废|逾期(?:作废|失效|清零)|最后\s*\d+\s*(?:小时|分钟|天)/i,
      /\b(?:claim|reward|prize|bonus|airdrop|free|usdt|bnb|won|withdraw|red (?:packet|envelope))\b|领取|奖励|奖金|红包|空投|提现|中奖|免费|到账/i,
    ],
  },
  {
    kind: 'a red packet that asks for something first',
    cues: [
      // Receiving one, not sending one (sending is paid for and asks for the payment password). Only the
      // red-packet words are the cue (the rest is context), so a fee inside the context is still the second cue.
      /(?<=\b(?:open|claim|receive|grab|withdraw|unlock|collect)\b[^.。]{0,24})\bred (?:packets?|envelopes?)\b|\bred (?:packets?|envelopes?)\b(?=[^.。]{0,40}\b(?:won|received|for you|awaits|withdraw\w*|to (?:claim|open|unlock|receive)|open it|unlocked)\b)|(?<=(?:领|领取|抢|拆|开|收到|获得|解锁)[^。，,]{0,8})红包|红包(?=[^。，,]{0,8}(?:提现|到账|领取))|口令红包/i,
      /\b(?:pay|fee|deposit|verify|connect|seed|password|enter your|unlock)\b|支付|手续费|解冻费|解冻金|保证金|缴纳|充值|验证|授权|密码|助记词|解锁|激活/i,
    ],
  },
  {
    kind: GUARANTEED_RETURNS,
    cues: [
      /\b(?:guaranteed|risk[- ]free|no risk|zero risk|can't lose|cannot lose)\b|稳赚|\b(?:principal|capital) (?:protected|guaranteed|is safe)\b|保本|保息|零风险|无风险|只赚不赔|稳赚不赔|包赚|保证(?:收益|回报|盈利|赚钱)|本金(?:无忧|保障|安全|无风险)/i,
      /\b\d+(?:\.\d+)?\s*%\s*(?:daily|a day|per day|every day|each day|weekly|a week|per week|monthly|a month|returns?|profits?|interest|apy|apr|roi)\b|(?:每天|每日|每周|每月)\s*\d+(?:\.\d+)?\s*%|\b(?:daily|weekly|monthly|high|fixed|huge|passive) (?:returns?|profits?|interest|income)\b|\b(?:double|doubles|triple|triples|10x|100x)\b|日收益|日化|月收益|周收益|高额回报|高回报|高收益|固定收益|收益率?\s*\d|回报率?\s*\d|翻倍|翻番/i,
    ],
    unless: /\b(?:not guaranteed|no guarantee|does not guarantee|doesn't guarantee|cannot guarantee|can't guarantee|past performance)\b|不保证|不承诺|不代表|风险自担|有风险/i,
  },
  {
    kind: 'a password or code asked for by "support"',
    cues: [
      /\b(?:(?:send|give|tell|share with) (?:us|me|the agent|our (?:agent|support|team))|reply with|provide(?: us with)?) (?:your )?(?:password|passcode|login password|2fa code|verification code|sms code|otp|pin)\b|(?:提供|告诉|报给|发给)(?:我们|客服|工作人员)?(?:您的|你的)?(?:登录|支付|交易|账户|账号)?(?:密码|验证码)/i,
      /\b(?:binance|support|customer service|agent|restore|recover|unlock|unfreeze|verify|account)\b|客服|恢复|找回|解冻|账户|账号|币安|官方/i,
    ],
  },
  {
    kind: 'a wallet "validation" demanded under pressure',
    cues: [
      /\b(?:wallet|account) (?:validation|verification|synchroni[sz]ation|sync|rectification)\b|\b(?:validate|rectify|synchroni[sz]e) your wallet\b|钱包(?:验证|同步|校验|异常)/i,
      /\b(?:required|act fast|immediately|urgent\w*|within \d+|keep your funds|to avoid|or (?:lose|your funds))\b|立即|马上|尽快|否则|以免/i,
    ],
  },
  {
    kind: 'a withdrawal held until a fee is paid',
    cues: [
      /\bwithdraw\w*|\bpayouts?\b|提现|出金/i,
      /\bpay (?:a |the |an )?(?:tax|fee|deposit|unlock|release|unfreeze)\w*|\brelease (?:it|your funds|the funds)\b|缴纳|先(?:支付|缴|交)|保证金|解冻金|解冻费/i,
    ],
  },
  {
    kind: 'an insider channel or a below-market price',
    cues: [
      /\b(?:insider|internal|private) (?:channel|sale|price|access|allocation)\b|\bbelow (?:the )?market price\b|内部渠道|内部通道|内部价|内部名额|低于市场价/i,
      /\b(?:btc|bnb|usdt|eth|coins?|tokens?|crypto|buy)\b|比特币|以太坊|币|买|购买|认购/i,
    ],
  },
  {
    kind: 'official support reached outside the platform',
    cues: [
      /\b(?:binance|official)\b[^.。]*\b(?:customer service|support|agent|helpdesk)\b|(?:币安|官方)[^。]*客服/i,
      /\b(?:verify your account|telegram|whatsapp|wechat|dm us|contact us on)\b|微信|电报|加(?:我|群)|验证账户|验证账号/i,
    ],
  },
];

/** The schemes whose first cue is Binance's or an official name: with an impersonation claim, one root cause. */
export const IN_BINANCE_NAME: ReadonlySet<string> = new Set(['a giveaway in the name of Binance or an official', 'a Binance channel or price that does not exist', 'official support reached outside the platform']);

export interface FraudSentence {
  start: number;
  end: number;
  kind: string;
}

/** Sentences of `text` that hold both cues of a scam scheme (other than the `except` schemes). */
export function fraudSentences(text: string, except: ReadonlySet<string> = new Set()): FraudSentence[] {
  if (WARNING.test(text)) return [];
  const found: FraudSentence[] = [];
  for (const sentence of sentences(text)) {
    const kind = schemeOf(sentence.text, except);
    if (kind) found.push({ start: sentence.start, end: sentence.end, kind });
  }
  if (found.length || text.length > SHORT_PIECE) return found;
  // A short message split into sentences ("You are our lucky user! Claim your prize now") is read as one.
  const all = [...sentences(text)];
  const kind = all.length > 1 ? schemeOf(all.map((sentence: Sentence) => sentence.text).join(' '), except) : undefined;
  return kind ? [{ start: all[0].start, end: all[all.length - 1].end, kind }] : [];
}

function schemeOf(text: string, except: ReadonlySet<string>): string | undefined {
  return SCHEMES.find(({ kind, cues: [first, second], unless }) => {
    if (except.has(kind)) return false;
    const a = first.exec(text);
    if (unless?.test(text)) return false;
    // The second cue must be other words than the first.
    return !!a && second.test(text.slice(0, a.index) + ' '.repeat(a[0].length) + text.slice(a.index + a[0].length));
  })?.kind;
}
