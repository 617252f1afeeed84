import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** Templates over this size are checked as text only in these cases. */
const LIMIT = 2000;
const config = { limits: { maxParseBytes: LIMIT } };
const listing = JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png', businessDomains: ['https://h5.example.com'] });

/** A page whose template is `bxml` on one line, padded over the parse limit (after it, so columns are those of `bxml`). */
const bundle = (bxml: string) => miniApp({ 'listing.json': listing, 'pages/index/index.bxml': `${bxml}<view>${'x '.repeat(LIMIT / 2)}</view>` });
const col = (bxml: string, needle: string) => bxml.indexOf(needle) + 1;

const http = '<view class="a"><web-view id="w" src="http://h5.example.com/app?id={{id}}"></web-view></view>';
const two = "<web-view-component src='https://10.0.0.2/app'/><web-view data-x=\"src='x'\" src=\"https://docs.other.com/guide\"></web-view>";

new RuleTester().run(rule, {
  valid: [
    { name: 'text only: a web-view of a listed origin, and a local page', files: bundle('<web-view src="https://h5.example.com/app?id={{id}}"/><web-view-component src="/pages/h5/a.html"/>'), config },
    {
      name: 'text only: web-views in comments and inline modules are not tags, and a src bound to page data is not known',
      files: bundle('<!-- <web-view src="http://a.example.com"/> --><bns module="m">var s = \'<web-view src="http://b.example.com">\'</bns><web-view src="{{url}}"/><web-views src="http://c.example.com"/>'),
      config,
    },
  ],
  invalid: [
    {
      name: 'text only: an http web-view, checked up to its first binding',
      files: bundle(http),
      config,
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/index.bxml', line: 1, column: col(http, 'http://'), severity: 'error', data: { url: 'http://h5.example.com/app?id=…', scheme: 'http', origin: 'http://h5.example.com' } }],
    },
    {
      name: 'text only: an IP address in a web-view-component, and an unlisted origin (a src= inside another value is not the attribute)',
      files: bundle(two),
      config,
      errors: [
        { messageId: 'ipOrLocal', column: col(two, 'https://10'), data: { url: 'https://10.0.0.2/app', host: '10.0.0.2', what: 'an IP address' } },
        { messageId: 'notListed', column: col(two, 'https://docs'), data: { url: 'https://docs.other.com/guide', origin: 'https://docs.other.com' } },
      ],
    },
  ],
});
