import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const OWN_ID = 'Gw7tKqR3vNx9PmZ2cH4aYe';
const listing = JSON.stringify({ appId: OWN_ID, name: 'Gas Watch' });
const page = (js: string) => miniApp({ 'pages/index/index.js': js });

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'page navigation inside the app, the browser-free web-view and Binance links',
      files: miniApp({
        'pages/index/index.js': [
          "bn.navigateTo({ url: '/pages/block/index?height=' + 3 });",
          "bn.redirectTo({ url: 'https://docs.gaswatch.example/about' });",
          "bn.navigateToDeepLink({ url: 'bnc://app.binance.com/en/trade/BNB_USDT' });",
          "bn.navigateToDeepLink({ url: 'https://www.binance.com/en/support' });",
          "bn.navigateTo({ url: '/en/my/wallet', target: 'deeplink' });",
          "bn.navigateBackMiniProgram({ extraData: { done: true } });",
          'bn.exitMiniProgram();',
        ].join('\n'),
        'pages/index/index.bxml': [
          '<navigator url="/pages/settings/index">Settings</navigator>',
          '<navigator url="/pages/block/index?height={{h}}">Block</navigator>',
          '<web-view src="https://docs.gaswatch.example/about"/>',
          '<image src="{{item.icon}}"/>',
          '<navigator target="self" url="/pages/about/index">About</navigator>',
          '<navigator url="/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM">Not a deep link without target="deeplink"</navigator>',
        ].join('\n'),
      }),
    },
    {
      name: 'a deep link to this same mini program (listing appId)',
      files: miniApp({
        'listing.json': listing,
        'pages/index/index.js': `bn.navigateToDeepLink({ url: 'bnc://app.binance.com/mp/app?appId=${OWN_ID}&startPagePath=cGFnZXM' });\nbn.navigateToMiniProgram({ appId: '${OWN_ID}', path: 'pages/index/index' });`,
        'pages/index/index.bxml': `<navigator target="miniProgram" app-id="${OWN_ID}">Reload</navigator>`,
      }),
    },
    {
      name: 'the own appid from project.config.json',
      files: miniApp({
        'project.config.json': JSON.stringify({ miniprogramRoot: './', appid: OWN_ID }),
        'pages/index/index.js': `const SELF = '${OWN_ID}';\nbn.navigateToMiniProgram({ appId: SELF });`,
      }),
    },
    {
      name: 'app schemes in strings that are not opened (a share text, a vendored wallet list)',
      files: page("const WALLETS = [{ name: 'Trust', native: 'trust://' }, { name: 'MetaMask', native: 'metamask://' }];\nbn.setClipboardData({ data: 'tg://resolve?domain=gaswatch' });\nPage({ data: { wallets: WALLETS } });"),
    },
    {
      name: 'a local bn that is not the API',
      files: page("function go(bn) { bn.navigateToMiniProgram({ appId: 'x' }); }\ngo({ navigateToMiniProgram() {} });"),
    },
    {
      name: 'tel: and mailto: links',
      files: miniApp({ 'pages/index/index.bxml': '<navigator url="tel:+14155550100">Call</navigator>\n<navigator url="mailto:help@gaswatch.example">Mail</navigator>' }),
    },
    {
      name: 'a React Navigator to a page of the app',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': "import { Navigator, View } from '@binance/mp-components';\nexport default () => <View><Navigator url='/pages/index/index'>Home</Navigator></View>;",
      },
    },
  ],
  invalid: [
    {
      name: 'a run-time appId with no appId written anywhere in the app (only server data can carry one) is a warning',
      files: miniApp({
        'components/banner/banner.js': [
          'Component({',
          '  properties: { list: Array },',
          '  methods: {',
          '    tap(e) {',
          '      const { appid, path } = e.currentTarget.dataset.item;',
          '      bn.navigateToMiniProgram({ appId: appid, path });',
          '    },',
          '  },',
          '});',
        ].join('\n'),
        'components/banner/banner.bxml': '<view bn:for="{{list}}" bindtap="tap" data-item="{{item}}">{{item.title}}</view>\n<navigator target="miniProgram" app-id="{{list[0].appid}}">More</navigator>\n',
        'pages/index/index.js': "Page({\n  onLoad() {\n    bn.request({ url: 'https://api.example.com/banners', success: (res) => this.setData({ banners: res.data }) });\n  },\n});\n",
        'pages/index/index.bxml': '<banner list="{{banners}}"/>\n',
        // An appId in vendored code or in the project config is not the app's data.
        'miniprogram_npm/rich/index.js': "module.exports = { pan: { appId: 'cNjQgR7tZB7VffLsQvc3YM' } };\n",
        'project.config.json': JSON.stringify({ appid: 'wx0123456789abcdef' }),
      }),
      errors: [
        { messageId: 'serverAppIdJump', file: 'components/banner/banner.bxml', line: 2, severity: 'warning', data: { via: '<navigator target="miniProgram">' } },
        {
          messageId: 'serverAppIdJump', file: 'components/banner/banner.js', line: 6, severity: 'warning',
          message: 'bn.navigateToMiniProgram opens another mini program whose appId is only known at run time, and no appId is written anywhere in the app\'s code or data: it can only come from a server response (a banner or list the backend fills). No jump is evident in the bundle, but make sure that data never names another mini program; without the platform\'s authorization a mini program must not jump to other mini programs (2.3.5).',
        },
      ],
    },
    {
      name: 'the same run-time jumps stay errors when the app writes an appId in its code, its markup or a data file',
      files: miniApp({
        'pages/index/index.js': "Page({ tap(e) { bn.navigateToMiniProgram({ appId: e.currentTarget.dataset.appid }); } });\n",
        'pages/index/index.bxml': '<view bindtap="tap" data-appid="{{appid}}">Games</view>\n',
        'pages/index/promo.bxml': '<view data-appid="cNjQgR7tZB7VffLsQvc3YM" bindtap="tap">Games</view>\n',
      }),
      errors: [{ messageId: 'miniProgramJump', file: 'pages/index/index.js', line: 1, severity: 'error', data: { via: 'bn.navigateToMiniProgram', app: 'an appId set at run time' } }],
    },
    {
      name: 'an appId assigned in code, or a WeChat appId under any key, is an appId the app writes',
      files: miniApp({
        'pages/index/index.js': "Page({ tap(e) { bn.navigateToMiniProgram({ appId: e.currentTarget.dataset.appid }); } });\n",
        'pages/index/index.bxml': '<view bindtap="tap" data-appid="{{appid}}">Games</view>\n',
        'utils/partners.js': "const shop = {};\nshop.appId = 'hhL98uho2A4sGYSHCEdCCo';\nexport const list = [{ id: 'wxe3f314db2e921db0' }];\n",
      }),
      errors: [{ messageId: 'miniProgramJump', file: 'pages/index/index.js', line: 1, severity: 'error' }],
    },
    {
      name: 'bn.navigateToMiniProgram with a static appId',
      files: page("Page({\n  onPartner() {\n    bn.navigateToMiniProgram({ appId: 'cNjQgR7tZB7VffLsQvc3YM', path: 'pages/index/index' });\n  },\n});"),
      errors: [{ messageId: 'miniProgramJump', file: 'pages/index/index.js', line: 3, column: 5, data: { via: 'bn.navigateToMiniProgram', app: 'appId "cNjQgR7tZB7VffLsQvc3YM"' } }],
    },
    {
      name: 'navigateToMiniProgram in every spelling',
      files: page([
        "import { navigateToMiniProgram } from '@binance/mp-service';",
        "import mp from '@binance/mp-service';",
        'const { navigateToMiniProgram: jump } = bn;',
        "navigateToMiniProgram({ appId: 'a' });",
        "mp.navigateToMiniProgram({ appId: 'b' });",
        "bn['navigateToMiniProgram']({ appId: 'c' });",
        'jump(payload);',
      ].join('\n')),
      errors: [
        { messageId: 'miniProgramJump', line: 4, column: 1, data: { via: 'navigateToMiniProgram()', app: 'appId "a"' } },
        { messageId: 'miniProgramJump', line: 5, column: 1, data: { via: 'bn.navigateToMiniProgram', app: 'appId "b"' } },
        { messageId: 'miniProgramJump', line: 6, column: 1 },
        { messageId: 'miniProgramJump', line: 7, column: 1, data: { via: 'jump() (bn.navigateToMiniProgram)', app: 'an appId set at run time' } },
      ],
    },
    {
      name: 'a list of partner mini programs opened with a spread payload (the official demo)',
      files: page("Page({\n  data: { toMPPayload: { appId: 'cNjQgR7tZB7VffLsQvc3YM' } },\n  go() { bn.navigateToMiniProgram({ ...this.data.toMPPayload }); },\n});"),
      errors: [{ messageId: 'miniProgramJump', line: 3, column: 10, data: { via: 'bn.navigateToMiniProgram', app: 'an appId set at run time' } }],
    },
    {
      name: '<navigator target="miniProgram">',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <navigator target="miniProgram" app-id="hhL98uho2A4sGYSHCEdCCo" path="pages/index/index">Play</navigator>\n  <navigator target="miniProgram" app-id="{{item.appId}}">Open</navigator>\n</view>' }),
      errors: [
        { messageId: 'miniProgramJump', file: 'pages/index/index.bxml', line: 2, column: 14, data: { via: '<navigator target="miniProgram">', app: 'appId "hhL98uho2A4sGYSHCEdCCo"' } },
        { messageId: 'miniProgramJump', file: 'pages/index/index.bxml', line: 3, column: 14, data: { via: '<navigator target="miniProgram">', app: 'an appId set at run time' } },
      ],
    },
    {
      name: 'deep links to other mini programs: relative, bnc:// and https://app.binance.com',
      files: miniApp({
        'listing.json': listing,
        'pages/index/index.js': [
          "const OTHER = 'N6QyfEJN5fHFb94HjB4mTG';",
          "bn.navigateTo({ url: '/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM&channel=published', target: 'deeplink' });",
          'bn.navigateToDeepLink({ url: `bnc://app.binance.com/mp/app?appId=${OTHER}&startPagePath=x` });',
          "bn.navigateToDeepLink({ url: 'https://app.binance.com/mp/app?appId=' + id });",
        ].join('\n'),
      }),
      errors: [
        { messageId: 'deepLinkMiniProgram', line: 2, column: 22, data: { via: "bn.navigateTo({ target: 'deeplink' })", url: '/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM&channel=published', app: 'appId "cNjQgR7tZB7VffLsQvc3YM"' } },
        { messageId: 'deepLinkMiniProgram', line: 3, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'bnc://app.binance.com/mp/app?appId=N6QyfEJN5fHFb94HjB4mTG&startPagePath=x', app: 'appId "N6QyfEJN5fHFb94HjB4mTG"' } },
        { messageId: 'deepLinkMiniProgram', line: 4, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'https://app.binance.com/mp/app?appId=', app: 'an appId set at run time' } },
      ],
    },
    {
      name: 'deep links into other apps, named by scheme or app-link host',
      files: page([
        "bn.navigateToDeepLink({ url: 'weixin://dl/business/?t=abc' });",
        "bn.navigateToDeepLink({ url: 'https://t.me/gaswatch' });",
        "const WA = 'whatsapp://send?text=hi';",
        'bn.navigateToDeepLink({ url: WA });',
        "bn.navigateToDeepLink({ url: 'alipays://platformapi/startapp?appId=2021' });",
        "bn.navigateToDeepLink({ url: 'myexchange://trade' });",
      ].join('\n')),
      errors: [
        { messageId: 'otherApp', line: 1, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'weixin://dl/business/?t=abc', app: 'WeChat' } },
        { messageId: 'otherApp', line: 2, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'https://t.me/gaswatch', app: 'Telegram' } },
        { messageId: 'otherApp', line: 4, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'whatsapp://send?text=hi', app: 'WhatsApp' } },
        { messageId: 'otherApp', line: 5, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'alipays://platformapi/startapp?appId=2021', app: 'Alipay' } },
        { messageId: 'otherApp', line: 6, column: 30, data: { via: 'bn.navigateToDeepLink', url: 'myexchange://trade', app: 'the app behind "myexchange://"' } },
      ],
    },
    {
      name: 'a deep link to an outside web site, and one computed at run time',
      files: page("bn.navigateToDeepLink({ url: 'https://partner.example/promo' });\nbn.navigateToDeepLink({ url: link });\nbn.navigateToDeepLink(options);"),
      errors: [
        { messageId: 'deepLinkExternal', line: 1, column: 30, confidence: 'medium', data: { via: 'bn.navigateToDeepLink', url: 'https://partner.example/promo', host: 'partner.example' } },
        { messageId: 'dynamicDeepLink', line: 2, column: 30, confidence: 'low' },
        { messageId: 'dynamicDeepLink', line: 3, column: 1, confidence: 'low' },
      ],
    },
    {
      name: '<navigator target="deeplink"> with a static and a bound url',
      files: miniApp({ 'pages/index/index.bxml': '<navigator target="deeplink" url="tg://resolve?domain=gaswatch">Chat</navigator>\n<navigator url="{{deeplink}}" target="deeplink">Open</navigator>' }),
      errors: [
        { messageId: 'otherApp', file: 'pages/index/index.bxml', line: 1, column: 30, data: { via: '<navigator target="deeplink">', url: 'tg://resolve?domain=gaswatch', app: 'Telegram' } },
        { messageId: 'dynamicDeepLink', file: 'pages/index/index.bxml', line: 2, column: 12, confidence: 'low' },
      ],
    },
    {
      name: 'other-app schemes in ordinary links: navigator url, navigateTo url, a bnc:// mini program link',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <navigator url="weixin://dl/officialaccounts">Follow us</navigator>\n  <navigator url="bnc://app.binance.com/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM&amp;showOptions=2">Game</navigator>\n</view>',
        'pages/index/index.js': "bn.navigateTo({ url: 'itms-apps://apps.apple.com/app/id1436799971' });",
      }),
      errors: [
        { messageId: 'otherApp', file: 'pages/index/index.bxml', line: 2, column: 14, data: { via: '<navigator url>', url: 'weixin://dl/officialaccounts', app: 'WeChat' } },
        { messageId: 'deepLinkMiniProgram', file: 'pages/index/index.bxml', line: 3, column: 14, data: { via: '<navigator url>', url: 'bnc://app.binance.com/mp/app?appId=cNjQgR7tZB7VffLsQvc3YM&showOptions=2', app: 'appId "cNjQgR7tZB7VffLsQvc3YM"' } },
        { messageId: 'otherApp', file: 'pages/index/index.js', line: 1, column: 22, data: { via: 'bn.navigateTo', url: 'itms-apps://apps.apple.com/app/id1436799971', app: 'the App Store' } },
      ],
    },
    {
      name: 'a jump in vendored code is a warning; the same call in the app\'s own code stays an error',
      files: miniApp({
        'components/rich-text/node/node.js': `Component({ methods: { linkTap(e) { bn.navigateToMiniProgram({ appId: e.currentTarget.dataset.appid }); }, pan() { bn.navigateToMiniProgram({ appId: 'cNjQgR7tZB7VffLsQvc3YM' }); } } });var pad=${'1+'.repeat(1500)}1;`,
        'pages/index/index.js': "Page({\n  open(e) {\n    bn.navigateToMiniProgram({ appId: e.currentTarget.dataset.appid });\n  },\n});\n",
        'pages/index/index.bxml': '<view bindtap="open" data-appid="{{partner.appId}}">Partner</view>\n',
        // The app's own partner list: an appId the bundle writes.
        'data/partners.json': JSON.stringify([{ name: 'Partner', appId: 'hhL98uho2A4sGYSHCEdCCo' }]),
      }),
      errors: [
        { messageId: 'vendoredJump', file: 'components/rich-text/node/node.js', line: 1, severity: 'warning', data: { via: 'bn.navigateToMiniProgram', vendor: 'rich-text', app: 'an appId set at run time' } },
        { messageId: 'vendoredJump', file: 'components/rich-text/node/node.js', line: 1, severity: 'warning', data: { via: 'bn.navigateToMiniProgram', vendor: 'rich-text', app: 'appId "cNjQgR7tZB7VffLsQvc3YM"' } },
        { messageId: 'miniProgramJump', file: 'pages/index/index.js', line: 3, severity: 'error' },
      ],
    },
    {
      name: 'an appId the user types in is a warning; one the page sets itself stays an error',
      files: miniApp({
        'pages/index/index.js': [
          'Page({',
          "  data: { payload: { appId: '' }, partner: { appId: 'cNjQgR7tZB7VffLsQvc3YM' } },",
          '  setPayload(e) {',
          '    const payload = JSON.parse(e.detail.value);',
          '    this.setData({ payload: payload });',
          '  },',
          '  open() {',
          '    bn.navigateToMiniProgram({ ...this.data.payload });',
          '    bn.navigateToMiniProgram({ appId: this.data.partner.appId });',
          '  },',
          '});',
        ].join('\n'),
        'pages/index/index.bxml': [
          '<textarea bindinput="setPayload"/>',
          '<navigator target="miniProgram" app-id="{{payload.appId}}">Try it</navigator>',
          '<navigator target="miniProgram" app-id="{{partner.appId}}">Partner</navigator>',
          '<button bindtap="open">Open</button>',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'userChosenJump', file: 'pages/index/index.bxml', line: 2, severity: 'warning', data: { via: '<navigator target="miniProgram">', key: 'payload' } },
        { messageId: 'miniProgramJump', file: 'pages/index/index.bxml', line: 3, severity: 'error' },
        { messageId: 'userChosenJump', file: 'pages/index/index.js', line: 8, severity: 'warning', data: { via: 'bn.navigateToMiniProgram', key: 'payload' } },
        { messageId: 'miniProgramJump', file: 'pages/index/index.js', line: 9, severity: 'error' },
      ],
    },
    {
      name: 'a navigator shown only when its data has an appId: a warning when the script never sets one, an error when it does',
      files: miniApp({
        'pages/index/index.js': "Page({ data: { groups: [{ name: 'Charts', pages: ['line', 'candles'] }] } });\n",
        'pages/index/index.bxml': [
          '<block bn:for="{{groups}}" bn:for-item="group">',
          '  <block bn:for="{{group.pages}}" bn:for-item="page">',
          '    <view bn:if="{{page.appid}}">',
          '      <navigator target="miniProgram" app-id="{{page.appid}}">{{page.name}}</navigator>',
          '    </view>',
          '  </block>',
          '</block>',
        ].join('\n'),
        'pages/about/index.js': "Page({ data: { links: [{ name: 'Maps', appid: 'cNjQgR7tZB7VffLsQvc3YM' }] } });\n",
        'pages/about/index.bxml': '<view bn:for="{{links}}" bn:for-item="link">\n  <navigator bn:if="{{link.appid}}" target="miniProgram" app-id="{{link.appid}}">{{link.name}}</navigator>\n</view>\n',
        'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/about/index'] }),
      }),
      errors: [
        { messageId: 'miniProgramJump', file: 'pages/about/index.bxml', line: 2, severity: 'error' },
        { messageId: 'conditionalJump', file: 'pages/index/index.bxml', line: 4, severity: 'warning', data: { via: '<navigator target="miniProgram">', condition: 'page.appid', key: 'appid' } },
      ],
    },
    {
      name: 'React: Navigator target="miniProgram" and a named import of navigateToDeepLink',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': [
          "import { Navigator, View } from '@binance/mp-components';",
          "import { navigateToDeepLink } from '@binance/mp-service';",
          "const open = () => navigateToDeepLink({ url: 'metamask://dapp/gaswatch.example' });",
          'export default () => (',
          '  <View onClick={open}>',
          "    <Navigator target='miniProgram' appId='cNjQgR7tZB7VffLsQvc3YM'>Play</Navigator>",
          '  </View>',
          ');',
        ].join('\n'),
      },
      errors: [
        { messageId: 'otherApp', file: 'src/pages/index/index.tsx', line: 3, column: 46, data: { via: 'navigateToDeepLink()', url: 'metamask://dapp/gaswatch.example', app: 'MetaMask' } },
        { messageId: 'miniProgramJump', file: 'src/pages/index/index.tsx', line: 6, column: 16, data: { via: '<Navigator target="miniProgram">', app: 'appId "cNjQgR7tZB7VffLsQvc3YM"' } },
      ],
    },
  ],
});
