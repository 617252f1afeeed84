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
}

const AMOUNT = String.raw`\d[\d,.]*\s*(?:usdt|bnb|btc|eth|busd|u\b|元|美元|刀)`;

const SCHEMES: Scheme[] = [
  {
    kind: 'a prize that must be paid for first',
    cues: [
      /\b(?:you(?:'ve| have)? won|winner|lucky (?:user|winner|draw winner)|prize|congratulations|red (?:packet|envelope))\b|中奖|获奖|奖品|幸运用户|恭喜|红包/i,
      /\b(?:pay|fee|deposit|transfer|unlock fee|processing fee|tax)\b|手续费|解冻费|保证金|缴纳|先支付|先付|转账|充值/i,
    ],
  },
  {
    kind: 'a seed phrase or private key asked for to claim or verify',
    cues: [
      /\b(?:seed|recovery|secret|mnemonic)\s*(?:phrase|words?)\b|\bmnemonic\b|\bprivate\s*key\b|助记词|私钥|密钥/i,
      // Something to gain from it: a field that only asks for the phrase is privacy/no-password-collection's.
      /\b(?:claim|receive|unlock|activate|withdraw|reward|airdrop|bonus|prize)\b|领取|激活|解冻|提现|奖励|空投|奖金/i,
    ],
  },
  {
    kind: 'pay in now, get more back',
    cues: [
      new RegExp(String.raw`\b(?:deposit|send|transfer|invest|stake)\b[^.。]*?${AMOUNT}|(?:充值|转账|转入|投入|存入)\s*${AMOUNT}`, 'i'),
      new RegExp(String.raw`\b(?:withdraw|get|receive|back|return)\b[^.。]*?${AMOUNT}|(?:提现|返还|返|得|收到|到账)\s*${AMOUNT}`, 'i'),
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
      /\b(?:airdrop|giveaway|red (?:packet|envelope)|free (?:coins?|tokens?|crypto)|claim \d|get \d|each (?:get|receive))\b|空投|红包|送币|赠送|每人送|免费送|免费领/i,
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
    kind: 'official support reached outside the platform',
    cues: [
      /\b(?:binance|official)\b[^.。]*\b(?:customer service|support|agent|helpdesk)\b|(?:币安|官方)[^。]*客服/i,
      /\b(?:verify your account|telegram|whatsapp|wechat|dm us|contact us on)\b|微信|电报|加(?:我|群)|验证账户|验证账号/i,
    ],
  },
];

export interface FraudSentence {
  start: number;
  end: number;
  kind: string;
}

/** Sentences of `text` that hold both cues of a scam scheme. */
export function fraudSentences(text: string): FraudSentence[] {
  if (WARNING.test(text)) return [];
  const found: FraudSentence[] = [];
  for (const sentence of sentences(text)) {
    const kind = schemeOf(sentence.text);
    if (kind) found.push({ start: sentence.start, end: sentence.end, kind });
  }
  if (found.length || text.length > SHORT_PIECE) return found;
  // A short message split into sentences ("You are our lucky user! Claim your prize now") is read as one.
  const all = [...sentences(text)];
  const kind = all.length > 1 ? schemeOf(all.map((sentence: Sentence) => sentence.text).join(' ')) : undefined;
  return kind ? [{ start: all[0].start, end: all[all.length - 1].end, kind }] : [];
}

function schemeOf(text: string): string | undefined {
  return SCHEMES.find(({ cues: [first, second] }) => {
    const a = first.exec(text);
    // The second cue must be other words than the first.
    return !!a && second.test(text.slice(0, a.index) + ' '.repeat(a[0].length) + text.slice(a.index + a[0].length));
  })?.kind;
}
