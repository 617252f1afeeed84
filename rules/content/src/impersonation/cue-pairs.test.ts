import { describe, expect, it } from 'vitest';
import { cuePairSentences } from '../cue-pairs.js';
import { IMPERSONATION } from '../lists.js';
import { IMPERSONATION_PAIRS } from './cue-pairs.js';

const clauseOf = (text: string) => cuePairSentences(text, IMPERSONATION_PAIRS).map(({ pair }) => pair.clause);

describe('impersonation patterns', () => {
  it.each([
    ['Tax Bureau notice: verify your refund within 24 hours', '5.7.2'],
    ['Police Department: you are under investigation, pay the fine to close your case', '5.7.2'],
    ['Social Security Administration: claim your benefit payment here', '5.7.2'],
    ['The SEC requires you to verify your wallet', '5.7.2'],
    ['公安局通知：您涉嫌洗钱，请配合调查', '5.7.2'],
    ['国家税务局退税通知，请尽快领取', '5.7.2'],
    ['社保局提醒您：社保卡需重新认证', '5.7.2'],
    ['The Binance team reminds you to verify your account', '5.7.1'],
    ['币安风控通知：您的账户存在风险', '5.7.1'],
    ['City government online services: renew your permit', '5.7.2'],
    ['Red Cross relief donation page, give now and donate here', '5.7.2'],
    ['Interpol complaint centre for crypto theft', '5.7.2'],
    ['Government-approved investment platform', '5.7.2'],
    ['区政府政务服务入口', '5.7.2'],
    ['卫健委疫苗预约办理', '5.7.2'],
    ['Binance security centre: manage your 2FA here', '5.7.1'],
    ['We are an authorised Binance partner', '5.7.1'],
    ['由币安团队开发', '5.7.1'],
    ['Department of Transport licence renewal', '5.7.2'],
    ['本平台由区政府主办', '5.7.2'],
  ])('finds %s', (text, clause) => {
    expect(clauseOf(text)).toEqual([clause]);
  });

  it.each([
    'Estimate your tax refund according to IRS rules',
    'Tax calculator based on the tax bureau guidelines',
    'The police never ask you to move funds: beware of scams',
    'Court booking: reserve a tennis court, pay at the desk',
    'Wait 30 sec, then verify your email',
    '根据税务局公布的税率计算个税',
    '谨防冒充公安局的诈骗电话',
    'Our team loves Binance and builds tools for traders',
    'Binance team announced a new listing, according to the news',
    '本小程序为第三方工具，与币安团队无关，请勿泄露验证码',
    'Government bond yields, updated daily',
    'Learn how the Federal Reserve sets rates: a short course',
    '国庆放假安排（以国务院通知为准）',
    '政府补贴政策解读',
    '法院题材电视剧推荐',
    'Licence information for this app',
  ])('leaves %s clean', (text) => {
    expect(clauseOf(text)).toEqual([]);
  });
});

describe('impersonation terms', () => {
  const found = (text: string) => IMPERSONATION.scan(text).map((match) => match.text);
  it.each([
    ['Built by the Binance team for you', 'by the Binance team'],
    ['This tool is brought to you by Binance', 'brought to you by Binance'],
    ['币安团队倾力打造', '币安团队倾力打造'],
    ['币安独家福利，限时领取', '币安独家福利'],
  ])('finds %s', (text, term) => {
    expect(found(text)).toEqual([term]);
  });

  it.each([
    '本小程序与币安官方无关',
    'BNB Chain was originally built by Binance',
    'This app is not affiliated with the Binance team',
    'An unofficial tool, not endorsed by Binance',
    'The outage was explained by the Binance team in a blog post',
  ])('leaves %s clean', (text) => {
    expect(found(text)).toEqual([]);
  });
});
