import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** The invite page template of fixtures/apps/problem-app, as written there. */
const INVITE_BXML = lines(
  '<view class="page">',
  '  <view class="card invite-card">',
  '    <view class="invite-title">Share to 3 friends to unlock your Moon Box</view>',
  '    <view class="muted">{{shares}} / {{unlockAt}} shared</view>',
  '    <view bn:if="{{boxUnlocked}}" class="invite-unlocked">Moon Box unlocked!</view>',
  '    <navigator bn:if="{{boxUnlocked}}" class="btn-primary" url="/pages/rewards/index">Open rewards</navigator>',
  '  </view>',
  '',
  '  <view class="card" bindtap="onCopyCode">',
  '    <text class="muted">Your invite code</text>',
  '    <view class="invite-code">{{inviteCode}}</view>',
  '  </view>',
  '',
  '  <navigator class="muted invite-rules" url="/pages/missing/index">Invite rules</navigator>',
  '</view>',
);

new RuleTester().run(rule, {
  valid: [
    {
      name: 'sharing and rewards in separate sentences or elements, financial shares, an invite code field',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <button open-type="share">转发给朋友</button>',
          '  <text>签到7天领取积分。</text>',
          '  <text>Share this recipe. Daily check-in earns badges.</text>',
          '  <text>Market share rose; share price up 3%, earning per share 0.2 USDT</text>',
          '  <text>邀请码（选填）</text>',
          '  <text>发送给好友</text>',
          '  <text>Share your screen with support to get help faster. Refer to the guide for rewards.</text>',
          '  <text>转账给好友，免手续费</text>',
          '</view>',
        ),
      }),
    },
    {
      name: 'share and invite buttons with no incentive',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <button open-type="share">Share with friends</button>',
          '  <navigator url="/pages/index/index">Invite friends</navigator>',
          '  <text>Thanks for sharing!</text>',
          '</view>',
        ),
        'pages/index/index.js': "Page({ onShareAppMessage() { bn.showToast({ title: 'Thanks for sharing' }); return { title: 'Gas Watch' }; } });\n",
      }),
    },
    {
      name: 'a lottery word in a neutral sentence, and a 4.4 notice quoting the bad wording',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <text>Lottery results are announced every Friday.</text>',
          '  <text>We never ask you to share to unlock anything.</text>',
          '  <text>禁止诱导分享，分享得奖励属于违规</text>',
          '</view>',
        ),
      }),
    },
    {
      name: 'React: a share button labelled 分享给好友',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { Button } from '@binance/mp-components';\nexport default () => <Button openType=\"share\">分享给好友</Button>;\n",
      },
    },
  ],
  invalid: [
    {
      name: 'friends asked to act for the user, a short two-sentence message, a rebate for a referral',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <text>Want one more spin? Forward this to a group</text>',
          '  <text>每位好友帮你砍一刀，立得2元</text>',
          '  <text>Signed-up friends you refer earn you a 5% rebate</text>',
          '</view>',
        ),
      }),
      errors: [
        { messageId: 'shareBait', line: 2, message: '"Want one more spin? Forward this to a group"' },
        { messageId: 'shareBait', line: 3 },
        { messageId: 'shareBait', line: 4 },
      ],
    },
    {
      name: 'share and reward in one sentence, in any word order and in paraphrases the term lists do not hold',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <text>Every friend you refer adds a free spin to your wheel</text>',
          '  <text>好友下单后可得佣金，快去分享吧</text>',
          '  <text>Rules. Forwarding the poster to a group unlocks the bonus stage.</text>',
          '</view>',
        ),
      }),
      errors: [
        { messageId: 'shareBait', line: 2, data: { where: 'Template text', text: 'Every friend you refer adds a free spin to your wheel', kind: 'sharing paired with a reward or condition' } },
        { messageId: 'shareBait', line: 3, message: '好友下单后可得佣金，快去分享吧' },
        { messageId: 'shareBait', line: 4, message: 'Forwarding the poster to a group unlocks the bonus stage' },
      ],
    },
    {
      name: 'a financial share in the sentence does not hide an invite paired with an unlock; friends who act through the user\'s link',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view>',
          '  <text>Market share report: invite 3 friends to unlock the full chart</text>',
          '  <text>好友每打开一次你的链接，你得2金币</text>',
          '</view>',
          '',
        ),
      }),
      errors: [
        { messageId: 'shareBait', line: 2 },
        { messageId: 'shareBait', line: 3 },
      ],
    },
    {
      name: 'the problem app: "Share to 3 friends to unlock your Moon Box"',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/invite/index'] }),
        'pages/invite/index.js': 'Page({});\n',
        'pages/invite/index.bxml': INVITE_BXML,
      }),
      errors: [{
        messageId: 'shareBait', file: 'pages/invite/index.bxml', line: 3, column: 32, endLine: 3, endColumn: 60,
        data: { where: 'Template text', text: 'Share to 3 friends to unlock', kind: 'a share quota with a reward' },
      }],
    },
    {
      name: 'Chinese wording in text, an attribute, a toast and setData',
      files: miniApp({
        'pages/index/index.bxml': lines(
          '<view class="page">',
          '  <view class="banner">分享给3个好友解锁神秘宝箱</view>',
          '  <button open-type="share" title="分享得奖励">分享</button>',
          '  <text>{{tip}}</text>',
          '</view>',
        ),
        'pages/index/index.js': lines(
          'Page({',
          "  data: { tip: '' },",
          '  onLoad() {',
          "    this.setData({ tip: '每日转发领取 10 积分' });",
          '  },',
          '  onShareAppMessage() {',
          "    bn.showToast({ title: '分享后才能查看完整内容', icon: 'none' });",
          "    return { title: '红包' };",
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'shareBait', file: 'pages/index/index.bxml', line: 2, column: 24, data: { where: 'Template text', text: '分享给3个好友解锁', kind: 'a share quota with a reward' } },
        { messageId: 'shareBait', file: 'pages/index/index.bxml', line: 3, column: 36, data: { where: 'The title attribute', text: '分享得', kind: 'a reward for sharing' } },
        { messageId: 'shareBait', file: 'pages/index/index.js', line: 4, column: 26, data: { where: 'Text set by setData', text: '每日转发领取', kind: 'a reward for sharing' } },
        { messageId: 'shareBait', file: 'pages/index/index.js', line: 7, column: 28, data: { where: 'The bn.showToast title', text: '分享后才能查看', kind: 'a share required before content' } },
      ],
    },
    {
      name: 'React: invite and spin wording in JSX text and a modal',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { View, Text, Button } from '@binance/mp-components';",
          "import { showModal } from '@binance/mp-service';",
          'export default function Index() {',
          "  const ask = () => showModal({ title: 'Out of spins', content: 'Share for 2 extra spins!' });",
          '  return (',
          '    <View>',
          '      <Text>Invite 3 friends to get a Mystery Box</Text>',
          '      <Button onClick={ask}>Spin</Button>',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [
        { messageId: 'shareBait', file: 'src/pages/index/index.tsx', line: 4, column: 66, data: { where: 'The bn.showModal content', text: 'Share for 2 extra spins', kind: 'a reward for sharing' } },
        { messageId: 'shareBait', file: 'src/pages/index/index.tsx', line: 7, column: 13, data: { where: 'Page text', text: 'Invite 3 friends to get', kind: 'an invitation quota with a reward' } },
      ],
    },
  ],
});
