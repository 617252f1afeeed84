import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const page = (template: string, script = 'Page({ data: {} });\n') => miniApp({ 'pages/index/index.bxml': template, 'pages/index/index.js': script });

const react = (code: string) => ({
  'src/app.config.ts': "export default { pages: ['pages/index/index'] };",
  'src/pages/index/index.tsx': code,
});

new RuleTester().run(rule, {
  valid: [
    {
      name: 'ordinary inputs: amount, search, verification code, nickname',
      files: page([
        '<view class="form">',
        '  <text>Amount</text>',
        '  <input type="number" placeholder="0.00" bindinput="onAmount"/>',
        '  <input placeholder="Search tokens" confirm-type="search"/>',
        '  <text>Verification code</text><input type="number" maxlength="6"/>',
        '  <input placeholder="Nickname" name="nickname"/>',
        '</view>',
      ].join('\n')),
    },
    {
      name: 'password="{{false}}" is an ordinary text field',
      files: page('<input password="{{false}}" placeholder="Wallet name"/>'),
    },
    {
      name: 'UI state named after the password is not the password',
      files: page('<view>{{tip}}</view>', "Page({\n  onShow() {\n    bn.request({ url: 'https://api.example.com/ui', data: { showPassword: this.data.showPassword, passwordRule: 'strong', tip: 'Forgot password?' } });\n  },\n});\n"),
    },
    {
      name: 'a "Forgot password?" link after an email field',
      files: page('<view><input placeholder="Email" name="email"/><text class="link">Forgot password?</text></view>'),
    },
    {
      name: 'a React form without secrets',
      files: react("import { Input, View } from '@binance/mp-components';\nexport default () => <View><Input placeholder=\"Your ENS name\" /><Input password={false} placeholder=\"Memo\" /></View>;\n"),
    },
    {
      name: 'a field component passes its password property through (only its uses count)',
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'ui-field': '/components/field/index' } }),
        'pages/index/index.bxml': '<ui-field label="Nickname" value="{{nick}}"/>',
        'components/field/index.json': '{"component": true}',
        'components/field/index.js': 'Component({ properties: { password: Boolean, type: String, label: String, value: String } });',
        'components/field/index.bxml': '<view><text>{{label}}</text><input password="{{ password || type === \'password\' }}" value="{{value}}"/></view>',
      }),
    },
    {
      name: 'a coupon code word ("口令") is not a password',
      files: page('<view class="pop">\n  <view class="t">请输入口令</view>\n  <input bindinput="onCode" value="{{code}}"/>\n  <button bindtap="redeem">领取</button>\n</view>\n'),
    },
    {
      name: 'a public key and tx hash in a request are not secrets',
      files: page('<view/>', "Page({ onLoad() { bn.request({ url: 'https://api.example.com/tx', data: { publicKey: this.data.pub, txHash: this.data.hash } }); } });\n"),
    },
  ],
  invalid: [
    {
      name: 'password inputs in every spelling',
      files: page([
        '<view>',
        '  <input password placeholder="Enter PIN"/>',
        '  <input password="{{true}}"/>',
        '  <deprecated-input type="password"/>',
        '  <input password="{{hide}}" bindinput="onInput"/>',
        '</view>',
      ].join('\n'), "Page({ submit() { bn.request({ url: 'https://api.example.com/session', data: { pwd: this.data.pwd } }); } });\n"),
      errors: [
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 2, column: 3, data: { element: 'input', how: 'password' } },
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 3, column: 3, data: { element: 'input', how: 'password="{{true}}"' } },
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 4, column: 3, data: { element: 'deprecated-input', how: 'type="password"' } },
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 5, column: 3, confidence: 'high' },
        { messageId: 'sendsSecret', file: 'pages/index/index.js', line: 1 },
      ],
    },
    {
      name: 'fields asking for a seed phrase or private key, by placeholder, name and label',
      files: page([
        '<view class="import">',
        '  <textarea placeholder="Enter your 12-word recovery phrase"></textarea>',
        '  <input name="privateKey"/>',
        '  <label><text>助记词</text><input bindinput="onWords"/></label>',
        '</view>',
      ].join('\n')),
      errors: [
        { messageId: 'secretField', file: 'pages/index/index.bxml', line: 2, column: 3, data: { element: 'textarea', secret: 'seed phrase', evidence: '"Enter your 12-word recovery phrase"' }, severity: 'error' },
        { messageId: 'secretField', file: 'pages/index/index.bxml', line: 3, column: 3, data: { element: 'input', secret: 'private key', evidence: '"privateKey"' } },
        { messageId: 'secretField', file: 'pages/index/index.bxml', line: 4, column: 26, data: { element: 'input', secret: 'seed phrase', evidence: 'labelled "助记词"' } },
      ],
    },
    {
      name: 'a field component used as a password input',
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'ui-field': '/components/field/index' } }),
        'pages/index/index.bxml': '<view>\n  <ui-field label="Account"/>\n  <ui-field label="Secret" type="password"/>\n  <ui-field password/>\n</view>\n',
        'components/field/index.json': '{"component": true}',
        'components/field/index.js': 'Component({ properties: { password: Boolean, type: String, label: String } });',
        'components/field/index.bxml': '<input password="{{ password || type === \'password\' }}"/>',
      }),
      errors: [
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 3, column: 3, data: { element: 'ui-field', how: 'type="password"' } },
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 4, column: 3, data: { element: 'ui-field', how: 'password' } },
      ],
    },
    {
      name: 'a login form: username and password, both password fields of a registration are one problem',
      files: page('<view>\n  <text>用户名</text><input bindinput="onName"/>\n  <text>密码</text><input password bindinput="onPwd"/>\n  <text>确认密码</text><input password bindinput="onPwd2"/>\n</view>\n'),
      errors: [
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 3, data: { element: 'input', how: 'password' }, confidence: 'high', severity: 'warning' },
        { messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 4, data: { element: 'input', how: 'password' }, confidence: 'high' },
      ],
    },
    {
      name: "a payment password of the app's own balance is not a login: low confidence, its own message",
      files: miniApp({
        'pages/index/index.json': JSON.stringify({ usingComponents: { 'van-field': '/components/field/index', 'van-cell-group': '/components/group/index' } }),
        'pages/index/index.bxml': '<van-cell-group title="交易密码">\n  <van-field password model:value="{{ pwd }}" placeholder="请输入交易密码"/>\n</van-cell-group>\n<van-field type="password" placeholder="Payment PIN"/>\n',
        'components/field/index.json': '{"component": true}',
        'components/field/index.js': 'Component({ properties: { password: Boolean, type: String, placeholder: String } });',
        'components/field/index.bxml': '<input password="{{ password }}" placeholder="{{placeholder}}"/>',
        'components/group/index.json': '{"component": true}',
        'components/group/index.js': 'Component({ properties: { title: String } });',
        'components/group/index.bxml': '<view>{{title}}<slot/></view>',
      }),
      errors: [
        { messageId: 'paymentPin', file: 'pages/index/index.bxml', line: 2, confidence: 'low', message: '交易密码' },
        { messageId: 'paymentPin', file: 'pages/index/index.bxml', line: 4, confidence: 'low', message: 'Payment PIN' },
      ],
    },
    {
      name: 'a password input that no login, registration or request uses (a component gallery) is low confidence',
      files: page('<view class="section">\n  <view class="title">Inputs</view>\n  <input password placeholder="This is a password input"/>\n</view>\n'),
      errors: [{ messageId: 'passwordInput', file: 'pages/index/index.bxml', line: 3, confidence: 'low' }],
    },
    {
      name: 'a text input labelled as a password',
      files: page('<view class="row">\n  <text>Login password</text>\n  <input type="text" bindinput="onPwd"/>\n</view>\n'),
      errors: [{ messageId: 'passwordField', file: 'pages/index/index.bxml', line: 3, column: 3, message: 'labelled "Login password"' }],
    },
    {
      name: 'a React password input and a private key field',
      files: react([
        "import { Input, View, Text } from '@binance/mp-components';",
        'export default function Import() {',
        '  return (',
        '    <View>',
        '      <Input password placeholder="Wallet password" />',
        '      <Text>Private key</Text>',
        '      <Input onInput={(e) => setKey(e.detail.value)} />',
        '    </View>',
        '  );',
        '}',
      ].join('\n')),
      errors: [
        { messageId: 'passwordInput', file: 'src/pages/index/index.tsx', line: 5, column: 7 },
        { messageId: 'secretField', file: 'src/pages/index/index.tsx', line: 7, column: 7, data: { element: 'Input', secret: 'private key', evidence: 'labelled "Private key"' } },
      ],
    },
    {
      name: 'requests that send a password, a mnemonic and a private key',
      files: page('<view/>', [
        'const API = "https://api.example.com";',
        'Page({',
        '  login() {',
        '    bn.request({ url: `${API}/login`, method: "POST", data: { account: this.data.account, password: this.data.pwd } });',
        '  },',
        '  importWallet() {',
        '    const { mnemonic } = this.data;',
        '    bn.request({ url: API + "/import", data: JSON.stringify({ words: mnemonic }) });',
        '  },',
        '  backup(key) {',
        '    bn.request({ url: `${API}/backup?private_key=${key}` });',
        '  },',
        '});',
      ].join('\n')),
      errors: [
        { messageId: 'sendsSecret', file: 'pages/index/index.js', line: 4, column: 91, data: { api: 'request', option: 'data', name: '"password"', secret: 'password' }, severity: 'warning' },
        { messageId: 'sendsSecret', file: 'pages/index/index.js', line: 8, column: 70, data: { api: 'request', option: 'data', name: 'mnemonic', secret: 'seed phrase' } },
        { messageId: 'sendsSecret', file: 'pages/index/index.js', line: 11, column: 52, data: { api: 'request', option: 'url', name: '"private_key"', secret: 'private key' } },
      ],
    },
  ],
});
