/**
 * Share-for-reward in any wording: a sentence that both asks the user to share (share, invite,
 * refer, forward, 分享, 转发, 邀请, 助力…) and offers something for it or makes something depend on
 * it (reward, unlock, spin, USDT, 领取, 抽奖, 解锁, 才能继续…). The term lists know the set phrases;
 * this finds the paraphrases and word orders they do not ("Each successful share gives you one more
 * lottery chance", "分享后可再抽一次", "邀好友得现金").
 */

import { DENIAL, sentences } from '../sentences.js';

/** Share cues, by stem: sharing, inviting, referring, forwarding, and friends asked to act for the user. */
const SHARE_EN = /\b(?:shar(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|refer(?:s|red|ring|ral|rals)?|forward(?:s|ed|ing)?|repost(?:s|ed|ing)?|spread the word|recommend (?:us|this|it|the app)|post (?:this|it|the \w+) (?:to|in|on|into)|send (?:this|it|the \w+) to (?:\d+|a|one|two|three|five|your)? ?(?:friends?|groups?|chats?|contacts?)|(?:bring|get|invite|ask|call) (?:a|your|\d+|two|three|five|more)? ?(?:friends?|pals?|buddies|colleagues)|(?:friends?|pals?|buddies|referrals?) (?:who |that )?(?:join|tap|click|help|sign up|register|download|install|buy|open|play|use|visit)\w*|(?:friends?|buddies|pals)'? (?:clicks?|taps?|visits?|sign-?ups?|downloads?|help|votes?|likes?)|help from (?:\d+|your|a few|two|three|five)? ?friends?|tell (?:your |\d+ )?friends|friends? you (?:bring|invite|refer)|your (?:invite |referral )?link|my (?:invite |referral )?link|send (?:them|friends|your friends) (?:your|the|this|my) link|(?:friends?|buddies|pals) (?:who )?(?:joins?|signs? up|registers?) (?:through|with|via|using) your)\b/i;
/** Not sharing: financial shares, screen sharing, "refer to" a document, sharing settings. */
const NOT_SHARING = /\bmarket share\b|\b(?:a |the |your |our |their )?shares? of (?:the |total |all |each |this )?\w+|\bshare (?:price|capital|holder)s?\b|\bper share\b|\bshares? (?:of|in) (?:the )?(?:company|stock)|\bshared (?:wallet|account|album|folder|by)\b|\bshare (?:your |the )?screen\b|\brefer to (?:the|our|this|a)\b|\bshare settings\b/gi;
const SHARE_ZH = /好友(?:每)?(?:点击|点一下|打开|下载|注册|购买|助力)|分享|转发|邀请|邀好友|拉新|拉(?:好友|人|新人)|助力|集赞|推荐(?:好友|给)|发(?:给|到|送到)[^，。！？]{0,6}(?:好友|群|朋友)|转给好友|(?:叫上|喊上|拉上|带上)(?:\d+个?|几个)?(?:好友|朋友|小伙伴)?|喊(?:好友|朋友)|好友(?:帮|点|砍)|帮(?:你|我)?(?:点|砍)|拼团|(?:你|您)的(?:专属|邀请)?链接|(?:邀请|专属)链接|好友(?:通过|注册|下单|加入)/;

/** Reward cues: a thing of value, an amount, or something the sharing unlocks or conditions. */
const REWARD_EN = /\b(?:rewards?|rewarded|bonus(?:es)?|free|gifts?|prizes?|points?|coupons?|cash|commissions?|lottery|raffle|spins?|chances?|mystery box|cashback|rebates?|credits?|credited|usdt|bnb|btc|red packet|airdrop|discount|vouchers?|tickets?|tier|vip|energy|another (?:try|go|round|chance)|extra (?:tries|try|lives|life|turns?|spins?|chances?|rounds?)|revive[sd]?|revival|respawn|(?:you )?both get|each get|coins?|gems?|diamonds?|faster|grow faster|prizes?|(?:the )?(?:next|new|bonus|hidden|secret|locked) (?:chapter|level|episode|stage|section|round|content)s?)\b|\bto (?:open|unlock|access|enter|start) (?:it|this|the)\b|\b(?:is|are) locked\b|\b(?:can't|cannot|can not) (?:see|view|read|watch|open|play)\b|\bfirst[.!]?$|\b\d+\s*(?:%|usdt|bnb|btc|points|usd|dollars)|\$\s?\d+|\b(?:unlock(?:s|ed|ing)?|double|doubles|refill|speed up|enter the|opens? after|level up)\b|\b(?:must|need to|have to) share\b|\bshare (?:to|before you) (?:continue|play|read|view|access|see)\b|\bto (?:play|continue|access|view|read) the (?:next|full|rest)\b|\bto (?:see|view|read|watch|reveal|check|get) (?:the|your) (?:answers?|results?|rest|full|next|video|article|score|ending)\b|\bto (?:continue|keep (?:reading|watching|playing))\b|\bbefore you can\b|\bcan you (?:view|see|read|watch|continue|play)\b|\b(?:first|then) (?:watch|read|view|see|play|continue|download|install|unlock|claim|access|open)\b|\bkeep (?:reading|watching|playing)\b|\b(?:bargain|haggle|cut the price|price (?:down|cut))\b/i;
const REWARD_ZH = /奖励|奖励金|有奖|有礼|获得|获取|领取|领红包|领奖|抽奖|再抽|机会|解锁|免费|红包|优惠券|积分|现金|佣金|返佣|返现|返利|福利|翻倍|赚|赢|奖品|(?<!发|运|配|赠)送(?!货|达)|得(?:现金|奖|红包|积分|\d)|可得|立得|多得|\d+\s*(?:元|usdt|bnb|btc)|才能|方可|后可|即可(?:获|领|得|免|解|抽|参与|查看|观看|阅读|继续)|拿|(?:才能|后|再|才可以?)(?:查看|观看|看|阅读|下载|使用|进入|玩|继续|打开|获取|解锁)|查看(?:全文|答案|完整|(?:测试)?结果)|看(?:答案|全文|结果)|继续(?:阅读|观看|游戏|玩|挑战)|下一关|下一章|砍价|复活|续命|满血|加时|再(?:领|抽|玩|来|得|拿|获得)|(?:更多|额外|多)(?:次数|机会|生命|体力|金币)|金币|钻石|换(?:取|一|\d|个)|兑换|提现|到账|帮(?:我|忙)(?:点|砍|助力|投票)/i;
/** A piece this short is one message: its sentences are read together ("Want another try? Send it to a group"). */
const SHORT_PIECE = 120;

export interface ShareRewardSentence {
  start: number;
  end: number;
}

/** The sentences of `text` that pair a share cue with a reward or a condition (a short message is read as one). */
export function shareRewardSentences(text: string): ShareRewardSentence[] {
  const found: ShareRewardSentence[] = [];
  const all = [...sentences(text)];
  for (const { start, end, text: sentence } of all) {
    if (pairs(sentence)) found.push({ start, end });
  }
  if (found.length || all.length < 2 || text.length > SHORT_PIECE || !pairs(all.map((sentence) => sentence.text).join(' '))) return found;
  return [{ start: all[0].start, end: all[all.length - 1].end }];
}

const NOT_SHARING_ZH = /邀请码|推荐码|邀请人|邀请函|团长邀请/g;

/** Says that sharing earns nothing ("There is no reward for inviting", "无奖励"). */
const NO_REWARD = /\bno (?:rewards?|bonus(?:es)?|incentives?|prizes?)\b|\bnot rewarded\b|无奖励|没有奖励|不设奖励|无任何奖励/i;

function pairs(sentence: string): boolean {
  if (DENIAL.test(sentence) || NO_REWARD.test(sentence)) return false;
  // Financial shares, screen sharing and "refer to" are not sharing; another share cue in the sentence still is.
  const sharing = sentence.replace(NOT_SHARING, ' ');
  const english = SHARE_EN.test(sharing) && REWARD_EN.test(sharing.replace(SHARE_EN, ' '));
  // An invitation code or letter the user enters or makes is not the user inviting anyone.
  const sharingZh = sentence.replace(NOT_SHARING_ZH, ' ');
  return english || (SHARE_ZH.test(sharingZh) && REWARD_ZH.test(sharingZh.replace(SHARE_ZH, ' ')));
}
