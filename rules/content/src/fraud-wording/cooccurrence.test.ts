import { describe, expect, it } from 'vitest';
import { fraudSentences } from './cooccurrence.js';

const kinds = (text: string) => fraudSentences(text).map((found) => found.kind);

describe('scam schemes added for wallets, safe accounts, countdowns and red packets', () => {
  it.each([
    ['Connect your wallet to claim 500 USDT airdrop', 'a wallet connection or approval asked for to claim'],
    ['Approve USDT spending to receive your allocation', 'a wallet connection or approval asked for to claim'],
    ['授权钱包即可领取空投', 'a wallet connection or approval asked for to claim'],
    ['Customer service: move your funds to a safe account now', 'funds asked to be moved to a "safe" account'],
    ['请将资金转入安全账户', 'funds asked to be moved to a "safe" account'],
    ['Your reward expires in 10 minutes, claim now', 'a prize or reward with a countdown to act'],
    ['倒计时5分钟，红包即将过期，立即领取', 'a prize or reward with a countdown to act'],
    ['输入助记词解锁红包', 'a red packet that asks for something first'],
    ['口令红包：先验证身份再拆开', 'a red packet that asks for something first'],
  ])('finds %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it.each([
    'Connect your wallet to view your balance',
    'Enable 2FA to keep your account safe before you transfer',
    'Send BNB to a secure wallet you control',
    '限时免费试用会员',
    'The sale ends in 3 days',
    '发红包给好友，祝新年快乐',
    'Never approve unlimited allowance to claim airdrops: beware of scams',
  ])('leaves %s clean', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});
