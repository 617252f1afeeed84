import { describe, expect, it } from 'vitest';
import { RuleTester, miniApp, runRule } from '@bmplint/core/testing';
import trackingData from './data/tracking-origins.json' with { type: 'json' };
import rule, { trackerOf } from './index.js';
import { personalOfName } from './taint.js';

const listing = (serviceDomains: string[] = ['https://api.example.com']) =>
  JSON.stringify({ name: 'Gas Tracker', description: 'Gas prices', serviceDomains });

/** A listed classic app whose index page script and template are given. */
const app = (script: string, template = '<view>Hi</view>', files: Record<string, string | null> = {}) =>
  miniApp({ 'listing.json': listing(), 'pages/index/index.js': script, 'pages/index/index.bxml': template, ...files });

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the email goes to the app\'s own Service Domain',
      files: app("Page({\n  submit() {\n    bn.request({ url: 'https://api.example.com/v1/profile', method: 'POST', data: { email: this.data.email } });\n  },\n});\n"),
    },
    {
      name: 'events without personal data go to an analytics service',
      files: app("const MIXPANEL = 'https://api.mixpanel.com/track';\nPage({\n  onShow() {\n    const info = bn.getSystemInfoSync();\n    bn.request({ url: MIXPANEL, data: { event: 'open', properties: { isMobile: true, platform: info.platform, page: 'index' } } });\n  },\n});\n"),
    },
    {
      name: 'without a listing only tracking services are judged',
      files: app("Page({ submit() { bn.request({ url: 'https://crm.partner.io/lead', data: { email: this.data.email } }); } });\n", undefined, { 'listing.json': null }),
    },
    {
      name: 'a constant support address is not user data',
      files: app("Page({ onLoad() { bn.request({ url: 'https://status.partner.io/ping', data: { email: 'support@example.com', phone: '' } }); } });\n"),
    },
    {
      name: 'the open id goes to the own backend through a request helper',
      files: app(
        "import { post } from '../../utils/http';\nPage({\n  async onLoad() {\n    const { openid } = await bn.getUserOpenId();\n    await post('/bind', { openid });\n  },\n});\n",
        undefined,
        { 'utils/http.js': "const BASE = 'https://api.example.com/v1';\nexport function post(path, data) {\n  return bn.request({ url: BASE + path, method: 'POST', data });\n}\n" },
      ),
    },
    {
      name: 'a relative or unknown URL is not judged',
      files: app("Page({ submit() { bn.request({ url: getApp().globalData.endpoint, data: { email: this.data.email } }); bn.request({ url: '/v1/me', data: { phone: this.data.phone } }); } });\n"),
    },
  ],
  invalid: [
    {
      name: 'the getUserInfo result goes to Segment',
      files: app([
        'Page({',
        '  onLogin() {',
        '    bn.getUserInfo().then((res) => {',
        "      bn.request({ url: 'https://api.segment.io/v1/identify', method: 'POST', data: { userId: 'u1', traits: res.userInfo } });",
        '    });',
        '  },',
        '});',
      ].join('\n')),
      errors: [{
        messageId: 'toTracker', file: 'pages/index/index.js', line: 4, column: 85,
        data: { what: 'user profile', evidence: 'field "userInfo"', origin: 'https://api.segment.io', vendor: 'Segment', via: '' },
      }],
    },
    {
      name: 'an email typed into an input reaches a partner through page data',
      files: app(
        [
          'Page({',
          '  data: { contact: "" },',
          '  onContact(e) { this.setData({ contact: e.detail.value }); },',
          '  submit() {',
          "    bn.request({ url: 'https://hooks.partner.io/lead', method: 'POST', data: { contact: this.data.contact, source: 'mp' } });",
          '  },',
          '});',
        ].join('\n'),
        '<view>\n  <input placeholder="Your email" bindinput="onContact"/>\n  <button bindtap="submit">Get the newsletter</button>\n</view>\n',
      ),
      errors: [{
        messageId: 'toThirdParty', file: 'pages/index/index.js', line: 5, column: 78,
        data: { what: 'email address', evidence: 'the input "Your email"', origin: 'https://hooks.partner.io', via: '' },
      }],
    },
    {
      name: 'a tracking helper in another file, called with the phone number',
      files: app(
        "import { track } from '../../utils/analytics';\nPage({\n  onBind() {\n    track('bind_phone', { phone: this.data.phone, step: 2 });\n  },\n});\n",
        undefined,
        { 'utils/analytics.js': "const TOKEN = 'mp-token';\nexport function track(event, props) {\n  return bn.request({ url: 'https://api.mixpanel.com/track', data: { event, properties: { token: TOKEN, ...props } } });\n}\n" },
      ),
      errors: [{
        messageId: 'toTracker', file: 'pages/index/index.js', line: 4, column: 5,
        data: { what: 'phone number', evidence: 'field "phone"', origin: 'https://api.mixpanel.com', vendor: 'Mixpanel', via: ' through bn.request in utils/analytics.js:3' },
      }],
    },
    {
      name: 'the connected wallet address goes to an unlisted origin',
      files: app([
        'Page({',
        '  async connect() {',
        '    const provider = bn.getWeb3Provider();',
        "    const accounts = await provider.request({ method: 'eth_requestAccounts' });",
        '    const wallet = accounts[0];',
        "    bn.request({ url: 'https://airdrop.other.xyz/register', data: { wallet } });",
        '  },',
        '});',
      ].join('\n')),
      errors: [{
        messageId: 'toThirdParty', file: 'pages/index/index.js', line: 6, column: 67,
        data: { what: 'wallet address', evidence: 'the accounts from eth_requestAccounts', origin: 'https://airdrop.other.xyz', via: '' },
      }],
    },
    {
      name: 'the open id in the query string of an unlisted URL',
      files: app("Page({\n  async onLoad() {\n    const { openid } = await bn.getUserOpenId();\n    bn.request({ url: 'https://partner.example.net/bind?openid=' + openid });\n  },\n});\n"),
      errors: [{ messageId: 'toThirdParty', file: 'pages/index/index.js', line: 4, column: 23, data: { what: 'open id', evidence: 'the result of bn.getUserOpenId()', origin: 'https://partner.example.net', via: '' } }],
    },
    {
      name: 'a listed Sentry ingest host is still a tracker',
      files: app(
        "Page({\n  onError(err) {\n    bn.request({ url: 'https://o42.ingest.sentry.io/api/7/store/', data: { message: String(err), user: { email: this.data.email } } });\n  },\n});\n",
        undefined,
        { 'listing.json': listing(['https://api.example.com', 'https://o42.ingest.sentry.io']) },
      ),
      errors: [{ messageId: 'toTracker', file: 'pages/index/index.js', line: 3, column: 74, message: 'email address (field "email") is sent to https://o42.ingest.sentry.io (Sentry' }],
    },
    {
      name: 'data sent to an analytics service that cannot be followed: low confidence',
      files: app("Page({\n  flush() {\n    bn.request({ url: 'https://api2.amplitude.com/2/httpapi', data: { api_key: 'k', events: this.data.queue } });\n  },\n});\n"),
      errors: [{ messageId: 'mayLeak', file: 'pages/index/index.js', line: 3, column: 5, data: { api: 'request', origin: 'https://api2.amplitude.com', vendor: 'Amplitude', via: '' } }],
    },
  ],
});

describe('privacy/personal-data-leak helpers', () => {
  it('classifies names of personal data and leaves metadata alone', () => {
    expect(personalOfName('email')).toBe('email address');
    expect(personalOfName('userEmail')).toBe('email address');
    expect(personalOfName('phoneNumber')).toBe('phone number');
    expect(personalOfName('mobile')).toBe('phone number');
    expect(personalOfName('openId')).toBe('open id');
    expect(personalOfName('open_id')).toBe('open id');
    expect(personalOfName('walletAddress')).toBe('wallet address');
    expect(personalOfName('nickName')).toBe('user profile');
    for (const name of ['isMobile', 'emailVerified', 'phoneModel', 'contractAddress', 'tokenAddress', 'emailCode', 'ipAddress', 'txHash']) {
      expect(personalOfName(name), name).toBeUndefined();
    }
  });

  it('knows the tracking origins of the data list, with subdomains where marked', () => {
    expect(trackingData.origins.every((entry) => /^https:\/\//.test(entry.source) && entry.vendor)).toBe(true);
    expect(trackerOf('www.google-analytics.com')?.vendor).toBe('Google Analytics');
    expect(trackerOf('www.googletagmanager.com')).toBeDefined();
    expect(trackerOf('api.segment.io')).toBeDefined();
    expect(trackerOf('api.mixpanel.com')).toBeDefined();
    expect(trackerOf('api.amplitude.com')).toBeDefined();
    expect(trackerOf('o4504.ingest.us.sentry.io')).toBeDefined();
    expect(trackerOf('segment.io.example.com')).toBeUndefined();
    expect(trackerOf('notsentry.io')).toBeUndefined();
  });

  it('reports at each call that passes personal data into a helper, once', async () => {
    const findings = await runRule(rule, app([
      'Page({',
      '  a() { this.send(this.data.email); this.send(this.data.email); },',
      "  b() { this.send('page_b'); },",
      "  send(value) { bn.request({ url: 'https://api.mixpanel.com/track', data: { value } }); },",
      '});',
    ].join('\n')));
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.messageId}`)).toEqual(['2:9 toTracker', '2:37 toTracker']);
  });
});
