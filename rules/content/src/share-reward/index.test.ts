import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule, { isGrantCall, isRewardName, pathWords } from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A one-page classic app whose page is `pages/share/index`. */
function sharePage(files: Files): Files {
  return miniApp({
    'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/share/index'] }),
    'pages/share/index.bxml': '<view class="page"><button open-type="share">Share</button></view>\n',
    ...files,
  });
}

/** The invite page of fixtures/apps/problem-app, as written there. */
const INVITE_JS = lines(
  'const UNLOCK_AT = 3',
  '',
  'Page({',
  '  data: {',
  '    shares: 0,',
  '    unlockAt: UNLOCK_AT,',
  '    boxUnlocked: false,',
  "    inviteCode: ''",
  '  },',
  '',
  '  onLoad() {',
  "    const saved = bn.getStorageSync('moon:shares') || 0",
  '    this.setData({',
  '      shares: saved,',
  '      boxUnlocked: saved >= UNLOCK_AT,',
  "      inviteCode: bn.getStorageSync('moon:inviteCode') || ''",
  '    })',
  '  },',
  '',
  '  onShareAppMessage() {',
  '    // every share counts towards the Moon Box',
  '    const shares = this.data.shares + 1',
  "    bn.setStorageSync('moon:shares', shares)",
  '    this.setData({ shares, boxUnlocked: shares >= UNLOCK_AT })',
  '    return {',
  "      title: 'I just got 500 moon points, join me!',",
  "      path: '/pages/home/index?inviter=' + this.data.inviteCode",
  '    }',
  '  },',
  '',
  '  onCopyCode() {',
  '    bn.setClipboardData({ data: this.data.inviteCode })',
  "    bn.showToast({ title: 'Code copied', icon: 'none' })",
  '  }',
  '})',
);

const REACT_APP = "export default { pages: ['pages/index/index'] };\n";

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a share hook that only returns the title and path',
      files: sharePage({
        'pages/share/index.js': lines(
          'Page({',
          "  data: { article: { id: 7, title: 'Gas fees explained' } },",
          '  onShareAppMessage() {',
          "    return { title: this.data.article.title, path: '/pages/share/index?id=' + this.data.article.id };",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a share button with no reward: a thank-you toast and a share tracking call',
      files: sharePage({
        'pages/share/index.bxml': '<view><button open-type="share" bindtap="onShareTap">Share with friends</button><view bn:if="{{showShareTip}}">Tip</view></view>\n',
        'pages/share/index.js': lines(
          'Page({',
          '  data: { showShareTip: true },',
          '  onShareTap() {',
          "    this.setData({ showShareTip: false });",
          "    bn.request({ url: 'https://api.gas.example/v1/share/track', method: 'POST', data: { from: 'button' } });",
          "    bn.showToast({ title: 'Thanks for sharing', icon: 'none' });",
          '  },',
          '  onShareAppMessage() {',
          "    return { title: 'Gas Watch' };",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'points are granted by a claim button, not by sharing',
      files: sharePage({
        'pages/share/index.bxml': '<view><button bindtap="onClaim">Claim daily points</button><button open-type="share">Share</button></view>\n',
        'pages/share/index.js': lines(
          'Page({',
          '  data: { points: 0 },',
          '  onClaim() {',
          "    bn.request({ url: 'https://api.club.example/v1/daily/claim', method: 'POST', success: (res) => this.setData({ points: res.data.points }) });",
          '  },',
          '  onShareAppMessage() {',
          "    return { title: 'Join the club', path: '/pages/index/index' };",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a "shared" flag that gates nothing',
      files: sharePage({
        'pages/share/index.js': lines(
          'Page({',
          '  data: { shared: false },',
          '  onShareAppMessage() {',
          '    this.setData({ shared: true });',
          "    return { title: 'Gas Watch' };",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'a "shared" flag that gates content but can also be set by a "Skip" button',
      files: sharePage({
        'pages/share/index.bxml': '<view><view bn:if="{{shared}}">{{article}}</view><button bindtap="onSkip">Skip</button></view>\n',
        'pages/share/index.js': lines(
          'Page({',
          '  data: { shared: false, article: "" },',
          '  onSkip() { this.setData({ shared: true }); },',
          '  onShareAppMessage() {',
          '    this.setData({ shared: true });',
          "    return { title: 'Read this' };",
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'React: a share hook that returns the title only',
      files: {
        'src/app.config.ts': REACT_APP,
        'src/pages/index/index.tsx': lines(
          "import { View, Text } from '@binance/mp-components';",
          "import { useShareAppMessage } from '@binance/mp-service';",
          'export default function Index() {',
          "  useShareAppMessage(() => ({ title: 'RPC Pulse', path: '/pages/index/index' }));",
          '  return <View><Text>RPC latency</Text></View>;',
          '}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'the problem app: onShareAppMessage counts shares and unlocks the Moon Box',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/invite/index'] }),
        'pages/invite/index.js': INVITE_JS,
        'pages/invite/index.bxml': '<view class="page">\n  <view bn:if="{{boxUnlocked}}">Moon Box unlocked!</view>\n</view>\n',
      }),
      errors: [{
        messageId: 'rewardInShareHook', file: 'pages/invite/index.js', line: 20, column: 3,
        data: { share: 'onShareAppMessage (pages/invite/index.js:20)', what: 'sets "boxUnlocked" with setData', at: 'pages/invite/index.js:24' },
      }],
    },
    {
      name: 'a share button whose tap handler calls a reward endpoint',
      files: sharePage({
        'pages/share/index.bxml': '<view>\n  <button open-type="share" bindtap="onShareTap">Share</button>\n</view>\n',
        'pages/share/index.js': lines(
          "const API = 'https://api.spin.example';",
          'Page({',
          '  onShareTap() {',
          '    this.track();',
          '  },',
          '  track() {',
          '    bn.request({ url: `${API}/v1/spins/grant`, method: "POST" });',
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'rewardAfterShare', file: 'pages/share/index.js', line: 7, column: 5, message: 'bindtap="onShareTap" (pages/share/index.bxml:2) on a share button' }],
    },
    {
      name: 'the share hook calls an imported helper that stores lottery chances',
      files: sharePage({
        'utils/lottery.js': lines(
          'export function addChance() {',
          "  const chances = bn.getStorageSync('lottery_chances') || 0;",
          "  bn.setStorageSync('lottery_chances', chances + 1);",
          '}',
        ),
        'pages/share/index.js': lines(
          "import { addChance } from '../../utils/lottery.js';",
          'Page({',
          '  onShareAppMessage: function () {',
          '    addChance();',
          "    return { title: 'Spin the wheel with me' };",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'rewardInShareHook', file: 'pages/share/index.js', line: 3, column: 3, data: { share: 'onShareAppMessage (pages/share/index.js:3)', what: 'calls addChance()', at: 'pages/share/index.js:4' } }],
    },
    {
      name: 'the success callback of bn.showSharePanel sets VIP, and code after an awaited share unlocks a level',
      files: sharePage({
        'pages/share/index.bxml': '<view><button bindtap="onShare">Share</button><button bindtap="onShareLevel">Share to unlock</button></view>\n',
        'pages/share/index.js': lines(
          'Page({',
          '  onShare() {',
          '    bn.showSharePanel({',
          '      success: () => {',
          "        this.setData({ vip: true });",
          '      },',
          '    });',
          '  },',
          '  async onShareLevel() {',
          "    this.setData({ shareTip: '' });",
          '    await bn.showSharePanel();',
          '    this.data.level += 1;',
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'rewardAfterShare', file: 'pages/share/index.js', line: 5, column: 24, data: { share: 'the success of bn.showSharePanel (pages/share/index.js:3)', what: 'Sets "vip" with setData' } },
        { messageId: 'rewardAfterShare', file: 'pages/share/index.js', line: 12, column: 5, data: { share: 'the success of bn.showSharePanel (pages/share/index.js:11)', what: 'Changes this.data.level' } },
      ],
    },
    {
      name: 'forced share: the article shows only once the share hook set "hasShared"',
      files: sharePage({
        'pages/share/index.bxml': lines(
          '<view>',
          '  <view bn:if="{{!hasShared}}">Share this page to read the full article</view>',
          '  <view bn:else>{{article}}</view>',
          '</view>',
        ),
        'pages/share/index.js': lines(
          'Page({',
          "  data: { hasShared: false, article: '' },",
          '  onLoad() {',
          "    this.setData({ hasShared: bn.getStorageSync('hasShared') === true });",
          '  },',
          '  onShareAppMessage() {',
          '    this.setData({ hasShared: true });',
          "    bn.setStorageSync('hasShared', true);",
          "    return { title: 'A must-read' };",
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'forcedShare', file: 'pages/share/index.js', line: 6, column: 3, data: { flag: 'hasShared', share: 'onShareAppMessage (pages/share/index.js:6)', gate: '<view> at pages/share/index.bxml:2' } }],
    },
    {
      name: 'React: useShareAppMessage adds points with a state setter',
      files: {
        'src/app.config.ts': REACT_APP,
        'src/pages/index/index.tsx': lines(
          "import { useState } from 'react';",
          "import { View, Text } from '@binance/mp-components';",
          "import { useShareAppMessage } from '@binance/mp-service';",
          'export default function Index() {',
          '  const [points, setPoints] = useState(0);',
          '  useShareAppMessage(() => {',
          '    setPoints((p) => p + 50);',
          "    return { title: 'Earn with me' };",
          '  });',
          '  return <View><Text>{points} pts</Text></View>;',
          '}',
        ),
      },
      errors: [{ messageId: 'rewardInShareHook', file: 'src/pages/index/index.tsx', line: 6, column: 3, data: { share: 'useShareAppMessage (src/pages/index/index.tsx:6)', what: 'calls setPoints()', at: 'src/pages/index/index.tsx:7' } }],
    },
    {
      name: 'React forced share: the answer shows only after useShareAppMessage set "shared"',
      files: {
        'src/app.config.ts': REACT_APP,
        'src/pages/index/index.tsx': lines(
          "import { useState } from 'react';",
          "import { View, Text, Button } from '@binance/mp-components';",
          "import { useShareAppMessage } from '@binance/mp-service';",
          'export default function Quiz() {',
          '  const [shared, setShared] = useState(false);',
          '  useShareAppMessage(() => {',
          '    setShared(true);',
          "    return { title: 'Can you solve it?' };",
          '  });',
          '  return (',
          '    <View>',
          '      {shared ? <Text>The answer is 42</Text> : <Button openType="share">Share to see the answer</Button>}',
          '    </View>',
          '  );',
          '}',
        ),
      },
      errors: [{ messageId: 'forcedShare', file: 'src/pages/index/index.tsx', line: 6, column: 3, data: { flag: 'shared', share: 'useShareAppMessage (src/pages/index/index.tsx:6)', gate: 'the JSX at src/pages/index/index.tsx:12' } }],
    },
    {
      name: 'React class page: onShareAppMessage grants coins with setState; a Button openType="share" unlocks a chest',
      files: {
        'src/app.config.ts': REACT_APP,
        'src/pages/index/index.tsx': lines(
          "import { Component } from 'react';",
          "import { View, Button } from '@binance/mp-components';",
          "import mpService from '@binance/mp-service';",
          'export default class Index extends Component {',
          '  state = { coins: 0 };',
          '  onShareAppMessage() {',
          '    this.setState({ coins: this.state.coins + 10 });',
          "    return { title: 'Coins!' };",
          '  }',
          '  openChest = () => {',
          "    mpService.request({ url: 'https://api.game.example/v2/chest/unlock', method: 'POST' });",
          '  };',
          '  render() {',
          '    return <View><Button openType="share" onClick={this.openChest}>Share</Button></View>;',
          '  }',
          '}',
        ),
      },
      errors: [
        { messageId: 'rewardInShareHook', file: 'src/pages/index/index.tsx', line: 6, column: 3, data: { share: 'onShareAppMessage (src/pages/index/index.tsx:6)', what: 'sets "coins" with setState', at: 'src/pages/index/index.tsx:7' } },
        { messageId: 'rewardAfterShare', file: 'src/pages/index/index.tsx', line: 11, column: 5 },
      ],
    },
  ],
});

describe('reward words', () => {
  it.each(['boxUnlocked', 'points', 'lottery_chances', 'vipLevel', 'spinCount', 'user.coins', 'progress', 'moon:reward'])('%s names a reward', (name) => {
    expect(isRewardName(name)).toBe(true);
  });
  it.each(['shares', 'shareCount', 'showRewardModal', 'rewardText', 'inviteCode', 'title', 'shareImageUrl', 'pointer', 'boxShadow'])('%s does not', (name) => {
    expect(isRewardName(name)).toBe(false);
  });
  it('knows grant calls', () => {
    expect(['addPoints', 'unlockLevel', 'claimReward', 'grantSpin', 'giveCoins', 'addChance'].filter(isGrantCall)).toEqual(['addPoints', 'unlockLevel', 'claimReward', 'grantSpin', 'giveCoins', 'addChance']);
    expect(['addShareCount', 'trackShare', 'showRewardPopup', 'addEventListener'].filter(isGrantCall)).toEqual([]);
  });
  it('reads endpoint words from the path only', () => {
    expect(pathWords('https://rewards.example.com/v1/share/track')).toEqual(['v1', 'share', 'track']);
    expect(pathWords('https://api.example.com/v1/lottery/draw?from=share')).toContain('draw');
  });
});
