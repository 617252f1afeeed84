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
    ['Risk-free staking with 5% daily returns', 'guaranteed returns'],
    ['零风险理财，月收益20%', 'guaranteed returns'],
    ['Our agent needs you to reply with your SMS code to unfreeze the account', 'a password or code asked for by "support"'],
    ['请告诉客服您的交易密码以找回账户', 'a password or code asked for by "support"'],
    ['Account verification required within 12 hours or your funds are lost', 'a wallet "validation" demanded under pressure'],
    ['Payout pending: pay the release fee of 30 USDT first', 'a withdrawal held until a fee is paid'],
    ['Private sale price for BNB, 20% below market price', 'an insider channel or a below-market price'],
    ['Paste your 24 secret words to restore your wallet', 'a seed phrase or private key asked for to claim or verify'],
    ['You won 300 USDT! Pay the handling fee to receive your winnings', 'a prize that must be paid for first'],
    ['Binance gives away 1 BNB: every verified user receives it', 'a giveaway in the name of Binance or an official'],
    ['投50U，每天收益10U', 'pay in now, get more back'],
    ['Transfer 0.5 ETH and it comes back doubled', 'send crypto, get it back doubled'],
    ['Capital protected, 2% every day', 'guaranteed returns'],
    ['本金保障，每日1.5%', 'guaranteed returns'],
    ['Final 30 minutes to claim the reward', 'a prize or reward with a countdown to act'],
    ['Submit your seed to unlock the airdrop', 'a seed phrase or private key asked for to claim or verify'],
    ['Lucky red envelope: a 3 USDT fee is due to open it', 'a red packet that asks for something first'],
    ['领红包前请先缴纳保证金', 'a red packet that asks for something first'],
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
    'Send a red packet: enter your payment password to confirm',
    'Returns are not guaranteed and past performance is no guide',
    'Withdrawal fee: 1 USDT, shown before you confirm',
    'We will send a verification code to your phone',
    'Verify your recovery phrase backup by picking the words in order',
    'Red packet transfer to a friend: 10 USDT',
    'Our seed round investors receive a quarterly report',
    'Double-check the address before you send',
  ])('leaves %s clean', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});
