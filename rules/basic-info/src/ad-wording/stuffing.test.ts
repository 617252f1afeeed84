import { describe, expect, it } from 'vitest';
import { keywordPile, listItems, repeatedTerms, symbolRuns } from './stuffing.js';

const texts = (value: string, stretches: Array<{ start: number; end: number; count: number }>) => stretches.map((s) => [value.slice(s.start, s.end), s.count]);

describe('listItems', () => {
  it('splits on commas, bars, slashes, semicolons, hashes and CJK separators, with offsets', () => {
    const value = ' BTC, ETH |SOL/ #doge；空投、 红包 ';
    expect(listItems(value).map((item) => [item.text, value.slice(item.start, item.end)])).toEqual([
      ['BTC', 'BTC'], ['ETH', 'ETH'], ['SOL', 'SOL'], ['doge', 'doge'], ['空投', '空投'], ['红包', '红包'],
    ]);
  });
});

describe('repeatedTerms', () => {
  it('finds a list item repeated three times, and not the words inside it again', () => {
    const value = 'Free BNB, free bnb, FREE BNB!';
    expect(texts(value, repeatedTerms(value))).toEqual([['Free BNB', 3]]);
  });

  it('finds a word repeated three times at its first occurrence', () => {
    const value = 'Swap tokens, swap NFTs and swap anything.';
    expect(texts(value, repeatedTerms(value))).toEqual([['Swap', 3]]);
  });

  it('finds a popular search term repeated in Chinese', () => {
    const value = '空投领取，每日空投，空投福利';
    expect(texts(value, repeatedTerms(value))).toEqual([['空投', 3]]);
  });

  it('ignores function words, numbers, short words and twice-repeated words', () => {
    for (const value of [
      'The price of the token and the chart of the pair, for you and for your friends, and more.',
      'Live BNB Chain gas fee tiers, the latest blocks with block details, and a watchlist of addresses kept on your device.',
      'Status and latency of public BNB Chain RPC endpoints, with a detail page for each endpoint.',
      'Block 100, block 200: two blocks at 100 gwei, 100 ms.',
      'Go go go!',
    ]) expect(repeatedTerms(value), value).toEqual([]);
  });
});

describe('keywordPile', () => {
  it('finds six or more items that are each a popular search term', () => {
    const value = 'Best tool. Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme';
    const pile = keywordPile(value)!;
    expect(value.slice(pile.start, pile.end)).toBe('Bitcoin, ETH, BNB, airdrop, NFT, DeFi, meme');
    expect(pile.count).toBe(7);
    const hashtags = '#bitcoin #eth #bnb #airdrop #nft #web3';
    expect(keywordPile(hashtags)?.count).toBe(6);
    expect(keywordPile('比特币、以太坊、空投、挖矿、红包、游戏')?.count).toBe(6);
  });

  it('does not count items with more than the term, or five terms', () => {
    expect(keywordPile('Bitcoin prices, ETH gas, BNB staking, airdrop history, NFT gallery, DeFi yields')).toBeUndefined();
    expect(keywordPile('Bitcoin, ETH, BNB, airdrop, NFT')).toBeUndefined();
  });
});

describe('keywordPile without separators', () => {
  it('finds six or more popular terms of more than one kind with only spaces between them', () => {
    const value = 'Moon Wallet BNB Airdrop Free Crypto NFT Swap. Fast and safe.';
    const pile = keywordPile(value)!;
    expect(value.slice(pile.start, pile.end)).toBe('Wallet BNB Airdrop Free Crypto NFT Swap');
    expect(pile.count).toBe(7);
    expect(keywordPile('比特币 以太坊 空投 挖矿 红包 游戏')?.count).toBe(6);
  });

  it('leaves a plain list of coins, sentences, and five terms alone', () => {
    expect(keywordPile('Supports BTC ETH BNB SOL XRP DOGE')).toBeUndefined();
    expect(keywordPile('Swap BNB for USDT and earn rewards from staking in the wallet')).toBeUndefined();
    expect(keywordPile('BNB Airdrop Free Crypto NFT')).toBeUndefined();
  });
});

describe('symbolRuns', () => {
  it('finds four or more symbols or emoji in a row, spaces allowed', () => {
    const value = 'Moon 🚀🚀🚀🚀 and ★ ★ ★ ★ ★ and $$$$ and !!!!';
    expect(texts(value, symbolRuns(value))).toEqual([['🚀🚀🚀🚀', 4], ['★ ★ ★ ★ ★', 5], ['$$$$', 4], ['!!!!', 4]]);
  });

  it('counts an emoji sequence as one', () => {
    expect(symbolRuns('Family 👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 fun')).toEqual([]);
    expect(symbolRuns('Flags 🇺🇸🇬🇧🇯🇵🇨🇳').map((run) => run.count)).toEqual([4]);
  });

  it('leaves ordinary punctuation and three emoji alone', () => {
    for (const value of ['Wait for it...', 'Gas: 3 gwei -> 5 gwei (+66%)', 'Moon 🚀🚀🚀', 'Q&A, FAQ & tips!', 'A - B - C - D']) expect(symbolRuns(value), value).toEqual([]);
  });
});
