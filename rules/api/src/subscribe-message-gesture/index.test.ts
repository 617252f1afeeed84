import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A news app: a page template, its script and a utils module that asks for subscriptions. */
function news(files: Files): Files {
  return miniApp({
    'utils/notify.js': lines(
      "const TEMPLATES = ['tmpl-price-alert', 'tmpl-order-filled'];",
      'export function askAlerts() {',
      '  return bn.requestSubscribeMessage({ tmplIds: TEMPLATES });',
      '}',
    ),
    ...files,
  });
}

new RuleTester().run(rule, {
  valid: [
    {
      name: 'asked from a tap handler through a utils module',
      files: news({
        'pages/index/index.bxml': '<button bindtap="onAlerts">Notify me about price alerts</button>\n',
        'pages/index/index.js': "import { askAlerts } from '../../utils/notify.js';\nPage({ onAlerts() { this.subscribe(); }, subscribe() { askAlerts(); } });\n",
      }),
    },
    {
      name: 'React: asked from onClick with all template ids at once',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { Button } from '@binance/mp-components';",
          "import { requestSubscribeMessage } from '@binance/mp-service';",
          'export default function Index() {',
          "  const ask = () => requestSubscribeMessage({ tmplIds: ['a', 'b'] });",
          '  return <Button onClick={ask}>Get alerts</Button>;',
          '}',
        ),
      },
    },
    {
      name: 'a loop that builds the template list, then one request from a tap',
      files: miniApp({
        'pages/index/index.bxml': '<button bindtap="ask">Subscribe</button>\n',
        'pages/index/index.js': lines(
          'Page({',
          '  ask() {',
          '    const tmplIds = [];',
          "    for (const topic of ['a', 'b']) tmplIds.push(`tmpl-${topic}`);",
          '    bn.requestSubscribeMessage({ tmplIds });',
          '  },',
          '});',
        ),
      }),
    },
    {
      name: 'pull to refresh is a user action',
      files: news({ 'pages/index/index.js': "import { askAlerts } from '../../utils/notify.js';\nPage({ onPullDownRefresh() { askAlerts(); } });\n" }),
    },
  ],
  invalid: [
    {
      name: 'onShow → this.x() → utils helper asks for subscriptions',
      files: news({
        'pages/index/index.js': lines(
          "import { askAlerts } from '../../utils/notify.js';",
          'Page({',
          '  onShow() { this.refresh(); },',
          '  refresh() { askAlerts(); },',
          '});',
        ),
      }),
      errors: [{
        messageId: 'fromLifecycle',
        file: 'utils/notify.js',
        line: 3,
        column: 10,
        data: { api: 'bn.requestSubscribeMessage', trigger: 'onShow of pages/index/index', path: 'onShow → this.refresh() → askAlerts() → bn.requestSubscribeMessage' },
      }],
    },
    {
      name: 'a request per template in a forEach callback, from a tap',
      files: miniApp({
        'pages/index/index.bxml': '<button bindtap="ask">Subscribe</button>\n',
        'pages/index/index.js': lines(
          'Page({',
          '  ask() {',
          "    ['a', 'b', 'c'].forEach((id) => {",
          '      bn.requestSubscribeMessage({ tmplIds: [id] });',
          '    });',
          '  },',
          '});',
        ),
      }),
      errors: [{ messageId: 'inLoop', file: 'pages/index/index.js', line: 4, column: 7, data: { api: 'bn.requestSubscribeMessage', where: 'in a forEach callback' } }],
    },
    {
      name: 'a setInterval in onLoad keeps asking (a loop and a lifecycle hook)',
      files: news({
        'pages/index/index.js': lines(
          "import { askAlerts } from '../../utils/notify.js';",
          'Page({',
          '  onLoad() {',
          '    this.timer = setInterval(() => askAlerts(), 60000);',
          '  },',
          '});',
        ),
      }),
      errors: [
        { messageId: 'fromLifecycle', file: 'utils/notify.js', line: 3, column: 10 },
        { messageId: 'inLoop', file: 'utils/notify.js', line: 3, column: 10, message: 'in a setInterval callback (onLoad → askAlerts())' },
      ],
    },
    {
      name: 'React: useDidShow asks on every show',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': lines(
          "import { View } from '@binance/mp-components';",
          "import { requestSubscribeMessage, useDidShow } from '@binance/mp-service';",
          'export default function Index() {',
          "  useDidShow(() => { requestSubscribeMessage({ tmplIds: ['a'] }); });",
          '  return <View>News</View>;',
          '}',
        ),
      },
      errors: [{ messageId: 'fromLifecycle', file: 'src/pages/index/index.tsx', line: 4, column: 22, data: { api: 'requestSubscribeMessage()', trigger: 'useDidShow (src/pages/index/index.tsx:4)', path: 'useDidShow callback → requestSubscribeMessage()' } }],
    },
    {
      name: 'an image load event is not a gesture',
      files: news({
        'pages/index/index.bxml': '<image src="/banner.png" bindload="onBanner"/>\n',
        'pages/index/index.js': "import { askAlerts } from '../../utils/notify.js';\nPage({ onBanner() { askAlerts(); } });\n",
      }),
      errors: [{ messageId: 'withoutGesture', file: 'utils/notify.js', line: 3, column: 10, message: 'bindload="onBanner" (pages/index/index.bxml:1)' }],
    },
  ],
});
