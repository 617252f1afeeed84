import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, type Files } from '@bmplint/core/testing';
import rule from './index.js';
import { readdirSync } from 'node:fs';
import { expandTerm } from '@bmplint/core';
import { WORDING, WORDING_FILES, WORDING_MATCHER, paymentWording } from './wording.js';

const listing = (fields: Record<string, unknown>) => `${JSON.stringify({ name: 'Signal Pro', logo: 'logo.png', ...fields }, null, 2)}\n`;

/** A signals app that pays from a utils module. */
function signals(files: Files): Files {
  return miniApp({
    'utils/pay.js': 'export function pay(params) {\n  return bn.requestPayment(params);\n}\n',
    'pages/index/index.js': "import { pay } from '../../utils/pay.js';\nPage({ buy() { pay({}); } });\n",
    ...files,
  });
}

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing: nothing to compare', files: signals({}) },
    { name: 'no payments', files: miniApp({ 'listing.json': listing({ description: 'Live gas fee tiers.' }) }) },
    { name: 'the description says how users pay', files: signals({ 'listing.json': listing({ description: 'Pro trading signals. Premium plan: 4.99 USDT a month, paid with Binance Pay.' }) }) },
    { name: 'Chinese description mentions 订阅 and 支付', files: signals({ 'listing.json': listing({ description: '专业交易信号,按月订阅,使用币安支付。' }) }) },
    { name: 'full-width and zero-width tricks are normalised', files: signals({ 'listing.json': listing({ description: 'Ｐａｙ per re\u200bport.' }) }) },
    {
      name: 'React: import { requestPayment } and a description with a price',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { requestPayment } from '@binance/mp-service';\nexport default () => <button onClick={() => requestPayment({})}>Go</button>;\n",
        'listing.json': listing({ description: 'Unlock the full report for $2.' }),
      },
    },
  ],
  invalid: [
    {
      name: 'payments but the description is about something else',
      files: signals({ 'listing.json': listing({ description: 'Live BNB Chain gas fee tiers and network fees, updated every block.' }) }),
      errors: [{ messageId: 'notDisclosed', file: 'listing.json', line: 4, column: 18, data: { api: 'bn.requestPayment', where: 'utils/pay.js:2' } }],
    },
    {
      name: 'React: the imported requestPayment, and a Chinese description without payment wording',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { requestPayment } from '@binance/mp-service';\nexport default () => <button onClick={() => requestPayment({})}>Go</button>;\n",
        'listing.json': listing({ description: '查看交易费用和网络费用。' }),
      },
      errors: [{ messageId: 'notDisclosed', file: 'listing.json', line: 4, column: 18, data: { api: 'requestPayment()', where: 'src/pages/index/index.tsx:2' } }],
    },
    {
      name: 'payments in two files: the message names the first one walked, with each file\'s first call',
      files: signals({
        'pages/index/index.js': "Page({ buy() { bn.showToast({}); bn.requestPayment({}); bn.requestPayment({}); } });\n",
        'listing.json': listing({ description: 'Live gas fee tiers.' }),
      }),
      errors: [{ messageId: 'notDisclosed', file: 'listing.json', data: { api: 'bn.requestPayment', where: 'pages/index/index.js:1' } }],
    },
    {
      name: 'no description field: reported at the first payment call',
      files: signals({ 'listing.json': listing({}) }),
      errors: [{ messageId: 'noDescription', file: 'utils/pay.js', line: 2, column: 10, data: { api: 'bn.requestPayment', listing: 'listing.json' } }],
    },
  ],
});

/** A neutral sentence around a term, in the list's language. */
const sentence = (language: string, term: string) => (language.startsWith('zh') ? `简介里写着${term}这几个字` : `The intro says "${term}" somewhere`);
const sample = (alternative: string) => alternative.replaceAll('{n}', '9.99').replace(/\*$/, '');

describe('payment wording lists', () => {
  it('registers every data file', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((name) => /^payment-wording\..+\.json$/.test(name)).sort();
    expect(Object.keys(WORDING_FILES).sort()).toEqual(files);
  });

  it('covers English and Simplified Chinese', () => expect(WORDING.map((list) => list.language).sort()).toEqual(['en', 'zh-Hans']));

  const entries = WORDING.flatMap((list) => list.terms.map((entry) => [`${list.id}: ${entry.term}`, list, entry] as const));
  it.each(entries)('%s is found in a neutral sentence', (_, list, entry) => {
    for (const alternative of expandTerm(entry.term)) {
      const text = sentence(list.language, sample(alternative));
      const match = WORDING_MATCHER.scan(text).find((candidate) => candidate.entry === entry);
      expect(match, text).toBeDefined();
      expect(paymentWording(text), text).toBeDefined();
    }
  });

  it.each([
    ['Live BNB Chain gas fee tiers and network fees, updated every block.'],
    ['Track prices of 300 tokens.'],
    ['Unpaved roads map'],
    ['Display the payload of each transaction.'],
    ['Compare trading fees across exchanges.'],
    ['查看交易费用和网络费用。'],
  ])('finds no payment wording in %j', (text) => expect(paymentWording(text)).toBeUndefined());
});
