/**
 * Share-for-reward in any wording: a sentence that both asks the user to share (share, invite,
 * refer, forward, 分享, 转发, 邀请, 助力…) and offers something for it or makes something depend on
 * it (reward, unlock, spin, USDT, 领取, 抽奖, 解锁, 才能继续…). The term lists know the set phrases;
 * this finds the paraphrases and word orders they do not ("Each successful share gives you one more
 * lottery chance", "分享后可再抽一次", "邀好友得现金").
 */

import { DENIAL, sentences } from '../sentences.js';

/** Share cues, by stem. Financial "shares" (market share, share price, per share) are not sharing. */
const SHARE_EN = /\b(?:shar(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|refer(?:s|red|ring|ral|rals)?|forward(?:s|ed|ing)?|repost(?:s|ed|ing)?|bring (?:a|your|\d+) friends?|tell (?:your |\d+ )?friends|send (?:this|it) to (?:\d+|a|one|two|three|five|your) (?:friends?|groups?|chats?))\b/i;
const FINANCIAL_SHARE = /\bmarket share\b|\bshare (?:price|capital|holder)s?\b|\bper share\b|\bshares? (?:of|in) (?:the )?(?:company|stock)|\bshared (?:wallet|account|album|folder|by)\b/i;
const SHARE_ZH = /分享|转发|邀请|邀好友|邀请好友|拉新|好友助力|助力|集赞|推荐给好友|发给好友|发到群|转给好友|分享到群/;

/** Reward or condition cues, by stem. */
const REWARD_EN = /\b(?:rewards?|rewarded|earn(?:s|ed|ing)?|gets?|getting|receiv(?:e|es|ed)|claim(?:s|ed)?|win(?:s|ning)?|won|unlock(?:s|ed|ing)?|bonus(?:es)?|free|gifts?|prizes?|points?|coupons?|cash|commissions?|lottery|spins?|chances?|mystery box|double|collect|cashback|usdt|bnb|btc|red packet|airdrop|discount|vouchers?|tickets?)\b|\b(?:must|need to|have to) share\b|\bshare (?:to|before you) (?:continue|play|read|view|access|see)\b|\bto (?:play|continue|access|view|read) the (?:next|full|rest)\b/i;
const REWARD_ZH = /奖励|有奖|获得|获取|领取|领红包|领奖|抽奖|再抽|机会|解锁|免费|红包|优惠券|积分|现金|佣金|返现|返利|赚|赢|奖品|(?<!发|运|配|赠)送(?!货|达)|得(?:现金|奖|红包|积分|\d)|\d+\s*(?:元|usdt|bnb|btc)|才能|方可|后可|即可(?:获|领|得|免|解|抽|参与)|拿/i;

export interface ShareRewardSentence {
  start: number;
  end: number;
}

/** The sentences of `text` that pair a share cue with a reward or a condition. */
export function shareRewardSentences(text: string): ShareRewardSentence[] {
  const found: ShareRewardSentence[] = [];
  for (const { start, end, text: sentence } of sentences(text)) {
    if (DENIAL.test(sentence)) continue;
    const english = SHARE_EN.test(sentence) && !FINANCIAL_SHARE.test(sentence) && REWARD_EN.test(sentence.replace(SHARE_EN, ' '));
    const chinese = SHARE_ZH.test(sentence) && REWARD_ZH.test(sentence.replace(SHARE_ZH, ' '));
    if (!english && !chinese) continue;
    found.push({ start, end });
  }
  return found;
}
