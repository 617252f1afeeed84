import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const listing = (name: string, description: string) => `{\n  "name": ${JSON.stringify(name)},\n  "description": ${JSON.stringify(description)},\n  "logo": "logo.png"\n}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing', files: miniApp() },
    { name: 'a plain listing', files: miniApp({ 'listing.json': listing('BNB Gas Tracker', 'Live gas fees for BNB Chain.') }) },
    {
      name: 'a disclaimer and a reference to the real app',
      files: miniApp({ 'listing.json': listing('Gas Tracker', 'Not an official Binance product. Payments open in the official Binance app.') }),
    },
    {
      name: 'support wording is only a page-text warning (content/impersonation), not a listing error',
      files: miniApp({ 'listing.json': listing('Gas Tracker', 'Questions? Contact Binance customer support.') }),
    },
    {
      name: 'page text is left to content/impersonation',
      files: miniApp({ 'pages/index/index.bxml': '<text>Official Binance Wallet</text>\n' }),
    },
  ],
  invalid: [
    {
      name: 'an official-Binance name (5.7.1)',
      files: miniApp({ 'listing.json': listing('Official Binance Airdrops', 'Claim rewards daily.') }),
      errors: [{ messageId: 'binanceOfficial', file: 'listing.json', line: 2, column: 12, endColumn: 28, data: { where: 'The listing name', text: 'Official Binance' } }],
    },
    {
      name: 'a full-width Chinese name and an authority claim in the description (5.7.2)',
      files: miniApp({ 'listing.json': listing('币安官方 钱包', '本平台由中国人民银行开发，安全可靠。') }),
      errors: [
        { messageId: 'binanceOfficial', file: 'listing.json', line: 2, column: 12, data: { where: 'The listing name', text: '币安官方' } },
        { messageId: 'authority', file: 'listing.json', line: 3, column: 22, data: { where: 'The listing description', text: '由中国人民银行开发' } },
      ],
    },
    {
      name: 'several claims in one description',
      files: miniApp({ 'listing.json': listing('Gas Tracker', 'Certified by Binance and endorsed by Binance.') }),
      errors: [
        { messageId: 'binanceOfficial', file: 'listing.json', line: 3, column: 19, data: { where: 'The listing description', text: 'Certified by Binance' } },
        { messageId: 'binanceOfficial', file: 'listing.json', line: 3, column: 44, data: { where: 'The listing description', text: 'endorsed by Binance' } },
      ],
    },
    {
      name: 'a suggestive term the listing does not report as an error leaves the two-cue patterns to speak (low-confidence warning)',
      files: miniApp({ 'listing.json': listing('Moon Assets', '由币安团队开发的资产工具') }),
      errors: [{ messageId: 'pattern', file: 'listing.json', line: 3, severity: 'warning', confidence: 'low', data: { where: 'The listing description', text: '由币安团队开发的资产工具', kind: 'a notice or service signed as Binance staff', clause: '5.7.1' } }],
    },
    {
      name: 'a name made of an agency and its service (5.7.2, low-confidence warning)',
      files: miniApp({ 'listing.json': listing('Ministry of Labor pension application', 'Track your pension.') }),
      errors: [{ messageId: 'pattern', file: 'listing.json', line: 2, severity: 'warning', confidence: 'low', message: 'a notice or demand in the name of a government agency or public institution' }],
    },
  ],
});
