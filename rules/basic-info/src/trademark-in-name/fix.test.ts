import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const listing = (name: string) => `${JSON.stringify({ appId: 'mp1', name, description: 'Tracks gas prices.', logo: 'logo.png' }, null, 2)}\n`;

new RuleTester().run(rule, {
  valid: [{ name: 'a plain name', files: miniApp({ 'listing.json': listing('Gas Watch') }) }],
  invalid: [
    {
      name: 'trademark signs are removed from the name, escaped or not',
      files: miniApp({ 'listing.json': listing('Gas Watch™').replace('"Gas Watch™"', '"Gas\\u00ae Watch™"') }),
      errors: [{ messageId: 'sign', data: { text: '®' } }, { messageId: 'sign', data: { text: '™' } }],
      output: { 'listing.json': listing('Gas Watch') },
    },
    {
      name: 'a brand word is not removed (a person decides)',
      files: miniApp({ 'listing.json': listing('Binance Gas Watch') }),
      errors: [{ messageId: 'binance' }],
      output: null,
    },
  ],
});
