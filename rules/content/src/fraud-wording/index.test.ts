import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** listing.json, one field per line so that findings have distinct lines. */
const listing = (fields: Record<string, string>) =>
  `{\n  "name": ${JSON.stringify(fields.name ?? 'Gas Tracker')},\n  "description": ${JSON.stringify(fields.description ?? 'Live gas fees for BNB Chain.')},\n  "logo": "logo.png"\n}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'a plain app with a listing', files: miniApp({ 'listing.json': listing({}) }) },
    {
      name: 'one cue of a scheme alone: fees, draws, verification, official notices, deposits',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Network fee: 0.0005 BNB</text>\n  <text>Weekly draw: 1 ticket per user</text>\n  <text>请验证您的邮箱</text>\n  <text>Official announcement</text>\n  <text>Deposit 100 USDT to start staking</text>\n  <text>Keep your recovery phrase offline; we never ask for it.</text>\n</view>\n',
      }),
    },
    {
      name: 'a legitimate wallet: red packets, airdrop history, gas tracker',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Binance Smart Chain gas tracker</text>\n  <text>Red packet history</text>\n  <button>Send a red packet</button>\n  <text>Airdrop history</text>\n  <text>红包记录</text>\n</view>\n',
        'pages/index/index.js': "Page({ data: { tip: 'Double-check the address before you send' } });\n",
      }),
    },
    {
      name: 'an anti-scam notice that quotes scam wording',
      files: miniApp({
        'pages/index/index.bxml': '<view>\n  <text>Beware of fake airdrops promising free BNB.</text>\n  <text>谨防诈骗：免费送币都是骗局</text>\n  <text>Anyone offering to double your crypto is a scam.</text>\n</view>\n',
      }),
    },
    {
      name: 'a testnet faucet',
      files: miniApp({ 'pages/index/index.bxml': '<text>Testnet faucet: get free BNB for testing</text>\n' }),
    },
    {
      name: 'a giveaway in Binance\'s name is content/impersonation\'s finding; sending a red packet asks for a payment password',
      files: miniApp({ 'pages/index/index.bxml': '<text>Official Binance event: every holder can claim an airdrop</text>\n<text>Send a red packet: enter your payment password</text>\n' }),
    },
    {
      name: 'a listed guaranteed-returns claim is content/false-advertising\'s finding, not a second one here',
      files: miniApp({ 'pages/index/index.bxml': '<text>Guaranteed 20% monthly returns on staking</text>\n' }),
    },
    {
      name: 'wording that fake promotions also use is left to content/false-advertising',
      files: miniApp({ 'pages/index/index.bxml': '<text>Free red packet for new users</text>\n<text>每天免费领红包</text>\n' }),
    },
  ],
  invalid: [
    {
      name: 'two cues of a scam scheme in one sentence or one short message, in paraphrases the term lists do not hold (low confidence)',
      files: miniApp({
        'pages/index/index.bxml': [
          '<view>',
          '  <text>Your prize is ready: a small unlock fee releases it to your wallet</text>',
          '  <text>Sync your mnemonic words here to activate the reward</text>',
          '  <text>先转入200 USDT，三天后返还600 USDT</text>',
          '  <text>You have been selected! Collect your gift card today</text>',
          '  <text>检测到账户异常，请立即完成认证</text>',
          '</view>',
          '',
        ].join('\n'),
      }),
      errors: [
        { messageId: 'scheme', line: 2, confidence: 'low', data: { where: 'Template text', text: 'Your prize is ready: a small unlock fee releases it to your wallet', kind: 'a prize that must be paid for first' } },
        { messageId: 'scheme', line: 3, confidence: 'low', message: 'a seed phrase or private key asked for to claim or verify' },
        { messageId: 'scheme', line: 4, confidence: 'low', message: 'pay in now, get more back' },
        { messageId: 'scheme', line: 5, confidence: 'low', message: 'a prize for being picked' },
        { messageId: 'scheme', line: 6, confidence: 'low', message: 'an account threat that asks for verification' },
      ],
    },
    {
      name: 'a claim to be Binance does not hide a scheme of its own (a wallet connection to claim), in English and Chinese',
      files: miniApp({ 'pages/index/index.bxml': '<text>Official Binance event: link your wallet to get the bonus</text>\n<text>币安官方活动：绑定钱包即可领取奖励</text>\n' }),
      errors: [
        { messageId: 'scheme', line: 1, confidence: 'low', message: 'a wallet connection or approval asked for to claim' },
        { messageId: 'scheme', line: 2, confidence: 'low', message: 'a wallet connection or approval asked for to claim' },
      ],
    },
    {
      name: 'guaranteed returns in a paraphrase content/false-advertising\'s lists do not hold (low confidence)',
      files: miniApp({ 'pages/index/index.bxml': '<text>Capital is safe and you get 1.5% every day</text>\n' }),
      errors: [{ messageId: 'scheme', line: 1, confidence: 'low', message: 'guaranteed returns' }],
    },
    {
      name: 'a fake giveaway in template text',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>🎁 Claim FREE BNB now!</text>\n</view>\n' }),
      errors: [{ messageId: 'fraud', file: 'pages/index/index.bxml', line: 2, column: 18, endColumn: 26, data: { where: 'Template text', text: 'FREE BNB', kind: 'fake giveaway' } }],
    },
    {
      name: 'a doubling scam with numbers, split across spacing and punctuation',
      files: miniApp({ 'pages/index/index.bxml': '<text>Send 0.5 BNB, get 1 BNB back instantly</text>\n' }),
      errors: [{ messageId: 'fraud', line: 1, column: 7, data: { where: 'Template text', text: 'Send 0.5 BNB, get 1', kind: 'doubling scam' } }],
    },
    {
      name: 'homoglyph and zero-width evasions',
      files: miniApp({ 'pages/index/index.bxml': '<text>Frее\u200B USDT for all</text>\n<text>免 费 送 币</text>\n' }),
      errors: [
        { messageId: 'fraud', line: 1, column: 7, data: { where: 'Template text', text: 'Frее<U+200B> USDT', kind: 'fake giveaway' } },
        { messageId: 'fraud', line: 2, column: 7, data: { where: 'Template text', text: '免 费 送 币', kind: 'fake giveaway' } },
      ],
    },
    {
      name: 'seed-phrase phishing set into page data and a toast',
      files: miniApp({
        'pages/index/index.js': "Page({\n  data: { hint: 'Enter your seed phrase to claim the reward' },\n  onLoad() {\n    bn.showToast({ title: '输入助记词即可领取' });\n  },\n});\n",
      }),
      errors: [
        { messageId: 'fraud', file: 'pages/index/index.js', line: 2, column: 18, data: { where: 'Page data', text: 'Enter your seed phrase to claim', kind: 'wallet-drainer phishing' } },
        { messageId: 'fraud', line: 4, column: 28, data: { where: 'The bn.showToast title', text: '输入助记词即可领取', kind: 'wallet-drainer phishing' } },
      ],
    },
    {
      name: 'the listing name and description, at the matched words',
      files: miniApp({ 'listing.json': listing({ name: 'BNB Giveaway Hub', description: 'Daily crypto news. Free USDT for every new user!' }) }),
      errors: [
        { messageId: 'fraud', file: 'listing.json', line: 2, column: 12, endColumn: 24, data: { where: 'The listing name', text: 'BNB Giveaway', kind: 'fake giveaway' } },
        { messageId: 'fraud', file: 'listing.json', line: 3, column: 38, data: { where: 'The listing description', text: 'Free USDT', kind: 'fake giveaway' } },
      ],
    },
    {
      name: 'a listing description with JSON escapes is reported on the whole string',
      files: miniApp({ 'listing.json': '{\n  "name": "Gas Tracker",\n  "description": "\\u514d\\u8d39\\u9001\\u5e01 every day",\n  "logo": "logo.png"\n}\n' }),
      errors: [{ messageId: 'fraud', file: 'listing.json', line: 3, column: 18, endColumn: 54, data: { where: 'The listing description', text: '免费送币', kind: 'fake giveaway' } }],
    },
  ],
});
