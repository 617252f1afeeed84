import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** Scripts over this size are checked as text only in these cases. */
const LIMIT = 2000;
const config = { limits: { maxParseBytes: LIMIT } };
const listing = JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', logo: 'logo.png', serviceDomains: ['https://api.example.com', 'wss://ws.example.com'] });

/**
 * An app whose page loads `vendor.js`: one minified line holding `code`, padded over the parse
 * limit (the padding is a `var` after it, so columns are those of `code`).
 */
const bundle = (code: string) => {
  const padded = `${code};var pad_=[${'0,'.repeat(LIMIT / 2)}0];`;
  return miniApp({ 'listing.json': listing, 'pages/index/index.js': "require('./vendor.js');\nPage({});\n", 'pages/index/vendor.js': padded });
};
/** The 1-based column of `needle` in `code`. */
const col = (code: string, needle: string) => code.indexOf(needle) + 1;

const http = '!function(){bn.request({method:"GET",url:"http://api.example.com/v1/prices",success:function(a){o(a.data)}})}()';
const many = 'bn.connectSocket({url:"ws://ws.example.com/s"});bn.uploadFile({url:"https://10.0.0.2/up",filePath:p,name:"f"});bn.downloadFile({url:"https://cdn.other.com/a.zip"})';
const prefix = 'function g(p){return bn.request({"url":"http://api.example.com/v1/"+p,data:{a:[1,2]}})}';
const template = 'bn.request({url:`https://cdn.other.com/v1/${id}`})';
const localBn = 'function w(e,bn){return bn.request({url:"http://10.0.0.1/x"})}';

new RuleTester().run(rule, {
  valid: [
    { name: 'text only: a literal https URL on a listed domain', files: bundle('bn.request({url:"https://api.example.com/v1"});bn.connectSocket({url:"wss://ws.example.com"})'), config },
    {
      name: 'text only: calls in comments, strings and regular expressions are not calls',
      files: bundle('/* bn.request({url:"http://a.example.com"}) */var s="bn.request({url:\'http://b.example.com\'})",r=/bn.request({url:"http:\\/\\/c"})/;// bn.request({url:"http://d.example.com"})\n'),
      config,
    },
    { name: 'text only: a URL string that no call is seen to use is not a request', files: bundle('var a="http://api.example.com/x",b={url:"http://localhost:3000"};x.request({url:"http://e.example.com"})'), config },
    { name: 'text only: a property named bn is not the API', files: bundle('x.bn.request({url:"http://f.example.com"})'), config },
    {
      name: 'text only: a url that is not a literal in the call is not followed (only a parse could resolve it)',
      files: bundle('var t="http://g.example.com";bn.request({url:t+"/v1"});bn.request({url});bn.request({...o,url:"x"});bn.request({data:a/2,url:"http://h.example.com"})'),
      config,
    },
    { name: 'text only: a relative URL is not an origin', files: bundle('bn.request({url:"/api/prices"})'), config },
  ],
  invalid: [
    {
      name: 'text only: an http URL after other options, at its column on the one line',
      files: bundle(http),
      config,
      errors: [{ messageId: 'insecureScheme', file: 'pages/index/vendor.js', line: 1, column: col(http, '"http://'), severity: 'error', data: { api: 'request', url: 'http://api.example.com/v1/prices', scheme: 'http', expected: 'https', origin: 'http://api.example.com' } }],
    },
    {
      name: 'text only: ws://, an IP address and an unlisted domain',
      files: bundle(many),
      config,
      errors: [
        { messageId: 'insecureScheme', column: col(many, '"ws://'), data: { api: 'connectSocket', url: 'ws://ws.example.com/s', scheme: 'ws', expected: 'wss', origin: 'ws://ws.example.com' } },
        { messageId: 'ipOrLocal', column: col(many, '"https://10'), data: { api: 'uploadFile', url: 'https://10.0.0.2/up', host: '10.0.0.2', what: 'an IP address' } },
        { messageId: 'notListed', column: col(many, '"https://cdn'), data: { api: 'downloadFile', url: 'https://cdn.other.com/a.zip', origin: 'https://cdn.other.com' } },
      ],
    },
    {
      name: 'text only: a literal start followed by +, with a quoted key',
      files: bundle(prefix),
      config,
      errors: [{ messageId: 'insecureScheme', column: col(prefix, '"http://'), data: { api: 'request', url: 'http://api.example.com/v1/…', scheme: 'http', expected: 'https', origin: 'http://api.example.com' } }],
    },
    {
      name: 'text only: a template literal up to its first ${',
      files: bundle(template),
      config,
      errors: [{ messageId: 'notListed', column: col(template, '`'), data: { api: 'request', url: 'https://cdn.other.com/v1/…', origin: 'https://cdn.other.com' } }],
    },
    {
      name: 'text only: where the file may bind a bn of its own, a warning (a parse would tell the API from it)',
      files: bundle(localBn),
      config,
      errors: [{ messageId: 'ipOrLocal', column: col(localBn, '"http://'), severity: 'warning' }],
    },
  ],
});
