/**
 * Impersonation in any wording (Operation Rules 5.7): an agency, public institution or Binance named
 * as the one who issues a notice, asks for verification or payment, or provides the service. The
 * term lists hold the set claims ("operated by the IRS", "币安官方"); these find a notice signed by
 * an agency ("Tax Bureau notice: verify your refund within 24 hours", "公安局通知：您涉嫌洗钱").
 * Heuristic, so reported as a low-confidence warning. Patterns run on text folded by `foldForCues`.
 */
import type { CuePair } from '../cue-pairs.js';

const AUTHORITY_EN = String.raw`\b(?:police(?: department)?|cyber ?police|tax (?:bureau|office|authority|department|administration)|irs|internal revenue service|hmrc|the sec|u\.?s\.? sec|securities and exchange commission|central bank|federal reserve|fbi|interpol|(?:supreme|district|federal|people's|high|local) court|court (?:order|summons|notice)|social security(?: administration)?|ministry of [a-z]+|department of (?:justice|treasury|finance|homeland security|labou?r|health|transport(?:ation)?|motor vehicles|revenue|state|defen[cs]e|energy|agriculture|housing|commerce|veterans affairs|human services|social services|immigration)|customs(?: office)?|immigration (?:office|service|department)|financial conduct authority|fca|cftc|finra|government|state administration|public security bureau|people's bank of china|pboc|anti-fraud cent(?:er|re)|financial regulator|united nations|unicef|unhcr|world health organi[sz]ation|red cross|red crescent|world bank|international monetary fund)\b`;
/** Issued by, or asked for by, the authority: a notice, a demand, a payment, a benefit to claim. */
const ISSUES_EN = String.raw`\b(?:notice|notification|official|summons|warrant|subpoena|case (?:number|no)|verify|verification|confirm your (?:identity|account|details)|(?:pay|settle) (?:your|the|a)|fine|penalty|tax refund|refund (?:is|of|has)|subsidy|stimulus|relief payment|benefit payment|claim your|frozen|freeze|under investigation|you are (?:suspected|wanted|under)|safe account|issued by|on behalf of|requires you|within \d+ (?:hours?|days?)|portal|collection (?:point|centre|center)|donation (?:centre|center|channel|point)|certified|approved|authori[sz]ed|endorsed|service hall|service cent(?:er|re)|online services?|e-?services?|public services?|citizen services?|report(?:ing)? cent(?:er|re)|complaint cent(?:er|re)|hotline|apply (?:for|here|now|online)|application|benefits?|pension|donation (?:page|portal|link)|donate (?:here|now)|records?|certificates?|registration|appointments?|permits?|licen[cs]es?|(?:a |an )?(?:service|app|product) (?:of|from|by))\b`;
/** Citing an agency is not posing as one: rules, figures, links to the real site, disclaimers. */
const CITES_EN = /\b(?:according to|based on|per the|rules|guidelines|calculator|trivia|quiz|history|learn|course|tv|show|novel|estimate\w*|\.gov|not affiliated|unofficial|not an? official|independent|never (?:ask|call|contact|request)|beware|scams?|fraud|phishing|news|reported|reports say)\b/;

const AUTHORITY_ZH = String.raw`(?:街道办(?:事处)?|居委会|村委会|区政府|市政府|管委会|医保局|红十字会|慈善总会|卫健委|卫生健康委员会|疾控中心|住建局|交管局?|车管所|公积金管理中心|最高人民法院|公安局?|公安部|警方|派出所|网警|网安|刑警|税务局|国税|地税|税务|人民银行|央行|法院|检察院|社保局?|人社局|医保局|证监会|银保监会|金融监管(?:局|总局)?|市场监管局|海关|国务院|政府|工商局|外汇管理局|公积金中心|反诈中心)`;
const ISSUES_ZH = String.raw`(?:通知|公告|提醒您|特此|依法|核实|认证|验证|缴纳|罚款|退税|补贴(?:发放|领取)?|领取|传票|立案|冻结|配合调查|安全账户|涉嫌|官方|发放|下发|资金核查|清查|服务平台|服务大厅|在线服务|诉讼服务|电子发票|缴费|缴款|捐款通道|捐款|募捐|善款|投诉举报|健康码|办事|指定|查询|办理|申请|入口|便民服务|政务服务|平台|提供|主办|承办|投资者服务|服务中心|服务热线|热线)`;
const CITES_ZH = /解读|政策|为准|学习|题材|影视|小说|科普|知识|根据|依据|按照|参考|前往|官网查询|非官方|无关|不隶属|不会(?:要求|索要|让)|谨防|诈骗|骗局|提醒广大|新闻|报道|计算器|查询工具/;

/** Binance named as the sender of a notice or the provider of a service, without the word "official". */
const BINANCE_EN = String.raw`\bbinance(?:'s)? (?:(?:exclusive |official |authori[sz]ed |designated )?partners?|(?:account|security|verification|kyc|user|customer|help) cent(?:er|re)|team|staff|labs|support agents?|risk control|risk department|security department|compliance department)\b`;
const SIGNS_EN = String.raw`\b(?:notice|dear (?:user|customer)|your account|verify|verification|frozen|suspend\w*|selected|congratulations|rewards?|claim|airdrop|contact (?:us|me)|reminds?|warns?|event|giveaway|developed|built|made|operated|run|brought|launched|created|we are|manage|kyc|security)\b`;
const CITES_BINANCE_EN = /\b(?:not affiliated|unofficial|not an? official|independent|never (?:ask|call|contact|request)|beware|scams?|phishing|news|reported|according to|announced)\b/;
const BINANCE_ZH = String.raw`币安(?:团队|工作人员|风控|安全部门|合规部|客服专员)`;
const SIGNS_ZH = String.raw`(?:通知|提醒|尊敬的|亲爱的|您的账户|冻结|验证|认证|选中|恭喜|奖励|领取|空投|联系|活动|开发|出品|运营|打造|推出)`;
const CITES_BINANCE_ZH = /无关|非官方|不隶属|第三方|谨防|诈骗|骗局|不会(?:要求|索要)|据报道|新闻|宣布/;

export const IMPERSONATION_PAIRS: readonly CuePair[] = [
  { kind: 'a notice or demand in the name of a government agency or public institution', clause: '5.7.2', cues: [new RegExp(AUTHORITY_EN), new RegExp(ISSUES_EN)], unless: CITES_EN },
  { kind: 'a notice or demand in the name of a government agency or public institution', clause: '5.7.2', cues: [new RegExp(AUTHORITY_ZH), new RegExp(ISSUES_ZH)], unless: CITES_ZH },
  { kind: 'a notice or service signed as Binance staff', clause: '5.7.1', cues: [new RegExp(BINANCE_EN), new RegExp(SIGNS_EN)], unless: CITES_BINANCE_EN },
  { kind: 'a notice or service signed as Binance staff', clause: '5.7.1', cues: [new RegExp(BINANCE_ZH), new RegExp(SIGNS_ZH)], unless: CITES_BINANCE_ZH },
];
