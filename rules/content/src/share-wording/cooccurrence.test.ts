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
    'Get 10 gems for every friend who installs the game',
    'Post the quiz on your timeline and the secret level opens',
    'Your buddies\' sign-ups earn you diamonds',
    'Chapter 4 is locked. Invite one friend to unlock it',
    'Share the story with your class first',
    'A pal who registers with your link gets you 3 USD',
    '好友每下载一次，你得5金币',
    '分享给好友可再抽一次',
    '转发群聊即可满血复活',
    '喊上小伙伴一起来，奖励翻倍',
    'Click my link so we both get a prize',
    '分享三次兑换会员',
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
    'Your share of the bill: 12 USD',
    'Invite your teammates. Inviting earns no rewards',
    'First, share your screen with the host',
    'Unlock your phone to continue reading',
    '邀请同学一起学习（无奖励）',
    '好友列表：点击头像查看资料',
    'Send them the link to the meeting',
    '请输入邀请码，立即成为会员',
  ])('leaves %s clean', (text) => {
    expect(shareRewardSentences(text)).toEqual([]);
  });
});
