import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTerm, type TermEntry, type TermList } from '@bmplint/core';
import { DATA_FILES, SHARE_LISTS, SHARE_WORDING } from './index.js';

/** A neutral sentence around a term, in the list's language. */
function sentence(language: string, term: string): string {
  if (language.startsWith('zh')) return `页面上写着${term}这几个字`;
  return `We wrote "${term}" on this page today`;
}

const sample = (alternative: string) => alternative.replaceAll('{n}', '3').replace(/\*$/, '');
const entries = SHARE_LISTS.flatMap((list) => list.terms.map((entry): [string, TermList, TermEntry] => [`${list.id}: ${entry.term}`, list, entry]));

describe('share-wording term lists', () => {
  it('registers every data file, in English and Simplified Chinese, with its source', () => {
    const files = readdirSync(new URL('./data/', import.meta.url)).filter((name) => name.endsWith('.json')).sort();
    expect(Object.keys(DATA_FILES).sort()).toEqual(files);
    expect(SHARE_LISTS.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']);
    for (const list of SHARE_LISTS) {
      expect(list.id).toBe(`share-incentive-${list.language}`);
      expect(list.source).toMatch(/^Curated by the bmplint maintainers/);
      expect(list.source).toContain('Operation Rules 4.4');
      expect(list.clauses).toEqual(['4.4']);
    }
  });

  it.each(entries)('%s: every alternative is found in a neutral sentence', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = SHARE_WORDING.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(sample(alternative));
    }
  });
});

/** Wording a legitimate app uses: none of it is share-baiting. */
const CLEAN = [
  'Share',
  'Share with friends',
  'Share this article',
  'Share to Telegram',
  'Invite friends',
  'Invite your team to the workspace',
  'Thanks for sharing!',
  'Lottery results are announced every Friday at 20:00',
  'Share your feedback to help us improve',
  'We never ask you to share to unlock anything.',
  'Sharing is optional and never required to use the app',
  '3 friends shared this page',
  '分享',
  '分享给好友',
  '分享到群聊',
  '转发给朋友',
  '邀请好友',
  '感谢分享',
  '彩票开奖结果每周五公布',
  '禁止诱导分享，分享得奖励属于违规',
];

const FOUND: Array<[string, string]> = [
  ['Share to 3 friends to unlock your Moon Box', 'share to {n} friends to unlock'],
  ['Share with 5 friends', 'share with {n} friends'],
  ['Invite 3 friends to get 100 USDT vouchers', 'invite {n} friends to get'],
  ['SHARE TO GET 2 free spins!', 'share to get'],
  ['Ｓｈａｒｅ ｔｏ ｇｅｔ a bonus', 'share to get'],
  ['Get extra spins by sharing', 'get extra spins by sharing'],
  ['Share this page to continue reading', 'share this page to continue'],
  ['分享给3个好友解锁', '分享给{n}个好友解锁'],
  ['转发到5个群', '转发到{n}个群'],
  ['分享得奖励', '分享得'],
  ['转发领取 10 USDT', '转发领取'],
  ['分享后才能查看完整内容', '分享后才能查看'],
  ['邀请好友助力，砍价到 0 元', '邀请好友助力'],
];

describe('share-wording precision', () => {
  it.each(CLEAN.map((text) => [text]))('finds nothing in "%s"', (text) => {
    expect(SHARE_WORDING.scan(text).map((match) => match.term)).toEqual([]);
  });

  it.each(FOUND)('finds "%s"', (text, term) => {
    expect(SHARE_WORDING.scan(text).map((match) => match.term)).toContain(term);
  });
});
