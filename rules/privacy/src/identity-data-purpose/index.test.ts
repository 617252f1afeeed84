import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const page = (template: string) => miniApp({ 'pages/index/index.bxml': template });
const withFields = (template: string) =>
  miniApp({
    'pages/index/index.bxml': template,
    'pages/index/index.json': JSON.stringify({ usingComponents: { 'van-field': '/components/field/index', 't-form-item': '/components/item/index', 't-input': '/components/field/index' } }),
    'components/field/index.json': '{"component": true}',
    'components/field/index.js': 'Component({ properties: { label: String, placeholder: String, type: String } });',
    'components/field/index.bxml': '<input placeholder="{{placeholder}}"/>',
    'components/item/index.json': '{"component": true}',
    'components/item/index.js': 'Component({ properties: { label: String } });',
    'components/item/index.bxml': '<view>{{label}}<slot/></view>',
  });

new RuleTester().run(rule, {
  valid: [
    {
      name: 'identity fields with a line saying what they are for',
      files: page('<view>\n  <text>姓名</text><input bindinput="onName"/>\n  <text>身份证号</text><input type="idcard"/>\n  <text class="tip">您的身份信息仅用于实名认证，详见《隐私政策》</text>\n</view>\n'),
    },
    {
      name: 'a link to the privacy notice next to the form',
      files: page('<form>\n  <input placeholder="Full name"/>\n  <input placeholder="Passport number"/>\n  <navigator url="/pages/privacy/index">Privacy notice</navigator>\n</form>\n'),
    },
    {
      name: 'a shipping address form states its purpose by being one (name, phone, address to deliver to)',
      files: withFields('<view class="title">收货地址</view>\n<van-field label="收货人" placeholder="请输入姓名"/>\n<van-field label="手机号码" type="tel"/>\n<van-field label="详细地址" type="textarea"/>\n'),
    },
    {
      name: 'wallet and e-mail addresses, nicknames and amounts are not identity data',
      files: page('<view>\n  <text>Wallet address</text><input bindinput="onAddr"/>\n  <input placeholder="提币地址"/>\n  <input placeholder="Email address"/>\n  <input placeholder="Nickname"/>\n  <input type="digit" placeholder="Amount"/>\n</view>\n'),
    },
    {
      name: 'a search box, a contact line saying why ("方便我们与您联系"), an invoice form',
      files: page('<view>\n  <input placeholder="搜索门店名称、地址"/>\n</view>\n'),
    },
    {
      name: 'a contact field that says why it is asked',
      files: page('<view>\n  <text>联系电话</text><input placeholder="方便我们与您联系"/>\n</view>\n'),
    },
    {
      name: 'an invoice title form (company address and phone for the invoice)',
      files: page('<view>\n  <text>发票抬头</text><input/>\n  <text>地址与电话</text><input placeholder="发票上的地址与电话"/>\n</view>\n'),
    },
    {
      name: 'a number typed to be dialled, never sent',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <input type="number" placeholder="Phone number" bindinput="onNumber"/>\n  <button bindtap="call">Call</button>\n</view>\n',
        'pages/index/index.js': 'Page({ onNumber(e) { this.number = e.detail.value; }, call() { bn.makePhoneCall({ phoneNumber: this.number }); } });\n',
      }),
    },
    {
      name: 'an address book page is a delivery form; a field that says it is needed for verification states why',
      files: miniApp({
        'app.json': JSON.stringify({ pages: ['pages/address-add/index', 'pages/withdraw/index'] }),
        'pages/address-add/index.bxml': '<view class="form">\n  <input placeholder="姓名"/>\n  <input placeholder="手机号码"/>\n  <input placeholder="详细地址"/>\n</view>\n',
        'pages/address-add/index.js': 'Page({});\n',
        'pages/withdraw/index.bxml': '<view>\n  <text>真实姓名</text>\n  <input placeholder="提现超过2000需要校验真实姓名"/>\n</view>\n',
        'pages/withdraw/index.js': 'Page({});\n',
      }),
    },
    {
      name: 'a bare "address" in a crypto app is a wallet address',
      files: page('<view>\n  <view class="title">Add an address</view>\n  <input placeholder="Label"/>\n</view>\n'),
    },
    {
      name: 'data kept on the device says where it goes',
      files: page('<view>\n  <text>Phone</text><input type="number"/>\n  <text>Saved on this device only.</text>\n</view>\n'),
    },
    {
      name: 'a React form that says what the data is for',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { Input, Text, View } from '@binance/mp-components';\nexport default () => (\n  <View>\n    <Input placeholder=\"Full name\" />\n    <Text>Used only to verify your identity, see our privacy notice.</Text>\n  </View>\n);\n",
      },
    },
    {
      name: 'text that mentions an ID card outside any field',
      files: page('<view>Bring your ID card to the event.</view>\n'),
    },
  ],
  invalid: [
    {
      name: 'a React form asking for a real name and a passport number with no purpose',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { Input, View } from '@binance/mp-components';\nexport default () => (\n  <View>\n    <Input placeholder=\"Full name\" />\n    <Input placeholder=\"Passport number\" />\n  </View>\n);\n",
      },
      errors: [{ messageId: 'noPurpose', file: 'src/pages/index/index.tsx', line: 4, data: { kinds: 'real name and passport number' } }],
    },
    {
      name: 'real name, national ID and an emergency contact, with no purpose stated: one finding for the page',
      files: page('<view class="form">\n  <text>真实姓名</text>\n  <input bindinput="onName"/>\n  <input type="idcard" placeholder="请输入"/>\n  <text>紧急联系人电话</text><input type="number"/>\n</view>\n'),
      errors: [{ messageId: 'noPurpose', file: 'pages/index/index.bxml', line: 3, column: 3, data: { kinds: 'real name, national ID number and emergency contact' } }],
    },
    {
      name: 'component fields labelled by their form item, in English',
      files: withFields('<t-form-item label="Passport number">\n  <t-input/>\n</t-form-item>\n<van-field label="Home address"/>\n<van-field placeholder="Mobile phone"/>\n'),
      errors: [{ messageId: 'noPurpose', file: 'pages/index/index.bxml', line: 2, column: 3, data: { kinds: 'passport number, home address and phone number' } }],
    },
    {
      name: 'a national ID number on a delivery form still needs its purpose',
      files: withFields('<view class="title">收货地址</view>\n<van-field label="收货人"/>\n<van-field label="身份证号码" placeholder="清关需要"/>\n'),
      errors: [{ messageId: 'noPurpose', line: 3, data: { kinds: 'national ID number' } }],
    },
  ],
});
