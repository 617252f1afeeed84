import { describe, expect, it } from 'vitest';
import { shareRewardSentences } from './cooccurrence.js';

describe('share-for-content patterns', () => {
  it.each([
    'Forward this to 5 friends to see the answer',
    'Forward to your group to continue',
    'Ask friends to help you bargain the price down to 0',
    'Only after sharing can you view the result',
    'Share first, then watch the video',
    '转发到3个群即可查看全文',
    '先分享，再看答案',
    '发给5个好友查看测试结果',
  ])('finds %s', (text) => {
    expect(shareRewardSentences(text)).toHaveLength(1);
  });

  it.each([
    'Share this article with a friend',
    'Forward the receipt to your accountant',
    'You can share your result card with friends',
    '分享给好友',
    '转发这篇文章',
    'We never ask you to share to continue',
  ])('leaves %s clean', (text) => {
    expect(shareRewardSentences(text)).toEqual([]);
  });
});
