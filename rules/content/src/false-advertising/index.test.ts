import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const listing = (description: string) => `{\n  "name": "Signal Desk",\n  "description": ${JSON.stringify(description)},\n  "logo": "logo.png"\n}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app', files: miniApp({ 'listing.json': listing('Charts and alerts for BNB Chain tokens.') }) },
    {
      name: 'honest product wording',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Earn up to 5% APY on flexible savings</text>\n  <text>Risk-free trial for 30 days</text>\n  <text>Guaranteed delivery within 3 days</text>\n  <text>Price prediction chart</text>\n  <text>理财有风险，投资需谨慎</text>\n</view>\n',
      }),
    },
    {
      name: 'negated or warned-against claims',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>We never promise guaranteed returns.</text>\n  <text>Trading on insider information is illegal.</text>\n  <text>币价未必涨，请理性投资</text>\n  <text>不一定会上涨</text>\n</view>\n',
      }),
    },
    {
      name: 'scam wording reported as an error by content/fraud-wording is not repeated here',
      files: miniApp({ 'pages/index/index.bxml': '<text>Free BNB for everyone</text>\n' }),
    },
  ],
  invalid: [
    {
      name: 'guaranteed returns in template text (3.1.6)',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>Join now: guaranteed 30% monthly returns</text>\n</view>\n' }),
      errors: [{ messageId: 'falseClaim', file: 'pages/index/index.bxml', line: 2, column: 19, data: { where: 'Template text', text: 'guaranteed 30% monthly', kind: 'guaranteed returns' } }],
    },
    {
      name: 'Chinese claims and a rumour (5.11.2) in page data',
      files: miniApp({
        'pages/index/index.js': "Page({\n  data: {\n    slogan: '稳赚不赔，零风险投资',\n    news: '内幕消息：这个币下周必涨',\n  },\n});\n",
      }),
      errors: [
        { messageId: 'falseClaim', file: 'pages/index/index.js', line: 3, column: 14, data: { where: 'Page data', text: '稳赚不赔', kind: 'certain profit' } },
        { messageId: 'falseClaim', line: 3, column: 19, data: { where: 'Page data', text: '零风险投资', kind: 'risk-free returns' } },
        { messageId: 'rumour', line: 4, column: 12, data: { where: 'Page data', text: '内幕消息', kind: 'insider news' } },
        { messageId: 'rumour', line: 4, column: 22, data: { where: 'Page data', text: '必涨', kind: 'guaranteed price prediction' } },
      ],
    },
    {
      name: 'leetspeak and a modal title',
      files: miniApp({ 'pages/index/index.js': "Page({ onLoad() { bn.showModal({ title: '100% w1n rate, guaranteed pr0fit' }); } });\n" }),
      errors: [
        { messageId: 'falseClaim', line: 1, column: 42, data: { where: 'The bn.showModal title', text: '100% w1n rate', kind: 'certain profit' } },
        { messageId: 'falseClaim', line: 1, column: 57, data: { where: 'The bn.showModal title', text: 'guaranteed pr0fit', kind: 'guaranteed returns' } },
      ],
    },
    {
      name: 'bait that fake promotions use (a warning-level fraud term, 3.1.6)',
      files: miniApp({ 'pages/index/index.bxml': '<text>Free red packet for new users</text>\n' }),
      errors: [{ messageId: 'suspectedFraud', line: 1, column: 7, data: { where: 'Template text', text: 'Free red packet', kind: 'red-packet bait; a wallet\'s own red-packet feature does not say "free"' } }],
    },
    {
      name: 'the listing description',
      files: miniApp({ 'listing.json': listing('Insider tips and signals with a 100% win rate.') }),
      errors: [
        { messageId: 'rumour', file: 'listing.json', line: 3, column: 19, data: { where: 'The listing description', text: 'Insider tips', kind: 'insider news' } },
        { messageId: 'falseClaim', file: 'listing.json', line: 3, column: 51, data: { where: 'The listing description', text: '100% win rate', kind: 'certain profit' } },
      ],
    },
  ],
});
