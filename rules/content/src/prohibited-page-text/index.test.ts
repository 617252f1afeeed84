import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp() },
    {
      name: 'everyday words that contain or resemble listed terms',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Killer feature: shoot a photo of your receipt</text>\n  <text>Essex and Scunthorpe weather</text>\n  <text>Food porn: the best dishes in town</text>\n  <text>枪战游戏：购买枪械皮肤和弹药</text>\n</view>\n',
      }),
    },
    {
      name: 'near misses of the two-cue patterns: a game shop, a tool, a welcome',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Buy new gun skins in the game shop</text>\n  <text>Hot glue guns for sale</text>\n  <text>Immigrants are welcome here</text>\n</view>\n',
      }),
    },
    {
      name: 'community guidelines that name what is forbidden',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>禁止发布色情、暴力、赌博等违法内容</text>\n  <text>Porn and gore videos are prohibited.</text>\n  <text>Do not post porn.</text>\n</view>\n',
      }),
    },
    {
      name: 'terms in places users do not see: classes, data attributes, conditions, comments, inline scripts',
      files: miniApp({
        'pages/index/index.bxml':
          '<!-- porn filter test -->\n<view class="porn" data-kind="gore videos" b:if="{{kind === \'porn\'}}">{{ kind === \'hentai\' ? \'A\' : \'B\' }}</view>\n<bns module="m">var label = "porn videos";\nmodule.exports = { label: label };</bns>\n',
      }),
    },
    {
      name: 'JS strings that never reach the page',
      files: miniApp({
        'pages/index/index.js': "const CATEGORY = 'porn';\nconsole.log('gore videos', CATEGORY);\nPage({ data: { list: [] }, onLoad() { bn.request({ url: 'https://api.example.com/porn' }); } });\n",
      }),
    },
  ],
  invalid: [
    {
      name: 'a paraphrase found by two cues in one sentence is a low-confidence warning',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>Glock pistols in stock, discreet shipping</text>\n</view>\n' }),
      errors: [{ messageId: 'pattern', severity: 'warning', line: 2, column: 9, data: { where: 'Template text', text: 'Glock pistols in stock, discreet shipping', kind: 'weapons, ammunition or explosives offered for sale', clause: '3.1.3' } }],
    },
    {
      name: 'template text',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>Hot sex videos tonight</text>\n</view>\n' }),
      errors: [{ messageId: 'pornographic', file: 'pages/index/index.bxml', line: 2, column: 13, data: { where: 'Template text', text: 'sex videos', clause: '3.1.4' } }],
    },
    {
      name: 'an evasion with a full-width word and a zero-width entity, reported where it is written',
      files: miniApp({ 'pages/index/index.bxml': '<view>Watch Ｐｏｒｎ&#8203;hub clips</view>\n' }),
      errors: [{ messageId: 'pornographic', line: 1, column: 13, endColumn: 27, data: { where: 'Template text', text: 'Ｐｏｒｎ<U+200B>hub', clause: '3.1.4' } }],
    },
    {
      name: 'a placeholder and a title attribute',
      files: miniApp({
        'pages/index/index.bxml': '<input placeholder="Search gore videos" />\n<navigation-bar title="Firearms for sale"/>\n',
      }),
      errors: [
        { messageId: 'violent', line: 1, column: 28, data: { where: 'The placeholder attribute', text: 'gore videos', clause: '3.1.2' } },
        { messageId: 'weapons', line: 2, column: 24, data: { where: 'The title attribute', text: 'Firearms for sale', clause: '3.1.3' } },
      ],
    },
    {
      name: 'a string literal in a {{ }} binding',
      files: miniApp({ 'pages/index/index.bxml': "<text>{{ vip ? 'Buy firearms online' : '' }}</text>\n" }),
      errors: [{ messageId: 'weapons', line: 1, column: 17, data: { where: 'Template text', text: 'Buy firearms online', clause: '3.1.3' } }],
    },
    {
      name: 'page data, setData and a UI API with a constant',
      files: miniApp({
        'pages/index/index.js': [
          "const MSG = 'Watch people die in HD';",
          "Page({",
          "  data: { banner: { text: '出售仿真枪，量大从优' } },",
          "  onShow() {",
          "    this.setData({ tip: '焚烧古兰经' });",
          "    bn.showModal({ title: 'Hi', content: MSG });",
          "    bn.showActionSheet({ itemList: ['Share', 'Nude pics'] });",
          "  },",
          "});",
          '',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'weapons', file: 'pages/index/index.js', line: 3, column: 28, data: { where: 'Page data', text: '出售仿真枪', clause: '3.1.3' } },
        { messageId: 'religious', line: 5, column: 26, data: { where: 'Text set by setData', text: '焚烧古兰经', clause: '3.1.5' } },
        { messageId: 'violent', line: 6, column: 42, data: { where: 'The bn.showModal content', text: 'Watch people die', clause: '3.1.2' } },
        { messageId: 'pornographic', line: 7, column: 47, data: { where: 'The bn.showActionSheet itemList', text: 'Nude pics', clause: '3.1.4' } },
      ],
    },
    {
      name: 'an imported constant shown as the navigation title',
      files: miniApp({
        'pages/index/strings.js': "export const TITLE = 'Gas the jews';\n",
        'pages/index/index.js': "import { TITLE } from './strings.js';\nPage({ onLoad() { bn.setNavigationBarTitle({ title: TITLE }); } });\n",
      }),
      errors: [{ messageId: 'discriminatory', file: 'pages/index/index.js', line: 2, column: 53, data: { where: 'The bn.setNavigationBarTitle title', text: 'Gas the jews', clause: '3.1.1' } }],
    },
    {
      name: 'a component property default',
      files: miniApp({ 'components/card/index.js': "Component({\n  properties: { badge: { type: String, value: 'Hentai daily' } },\n});\n" }),
      errors: [{ messageId: 'pornographic', file: 'components/card/index.js', line: 2, column: 48, data: { where: 'A component property default', text: 'Hentai', clause: '3.1.4' } }],
    },
    {
      name: 'the navigation bar title in a page config',
      files: miniApp({ 'pages/index/index.json': '{\n  "navigationBarTitleText": "成人视频"\n}\n' }),
      errors: [{ messageId: 'pornographic', file: 'pages/index/index.json', line: 2, column: 30, data: { where: 'The navigation bar title', text: '成人视频', clause: '3.1.4' } }],
    },
    {
      name: 'leetspeak in React JSX text and attributes',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
        'src/pages/index/index.tsx': "import { View, Input } from '@binance/mp-components';\nexport default () => (\n  <View>\n    Free p0rn daily\n    <Input placeholder=\"send nudes\" />\n  </View>\n);\n",
      },
      errors: [
        { messageId: 'pornographic', file: 'src/pages/index/index.tsx', line: 4, column: 10, data: { where: 'Page text', text: 'p0rn', clause: '3.1.4' } },
        { messageId: 'pornographic', line: 5, column: 25, data: { where: 'The placeholder attribute', text: 'send nudes', clause: '3.1.4' } },
      ],
    },
  ],
});
