import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodePng, RuleTester, miniApp, rgba, type Files, type Rgba } from '@bmplint/core/testing';
import rule, { isBinanceDark, isBinanceYellow } from './index.js';

const LISTING = 'listing.json';

/** A listing.json with the logo on line 5; its value starts in column 11. */
function app(logo: Uint8Array, name = 'MoonSwap'): Files {
  const listing = { appId: 'mp_9f3kQ2moonswap', name, description: 'Swap BEP-20 tokens on BNB Chain.', logo: 'logo.png', category: 'Tools' };
  return miniApp({ [LISTING]: JSON.stringify(listing, null, 2), 'logo.png': logo });
}

const at = { file: LISTING, line: 5, column: 11, endLine: 5, endColumn: 21 };

const YELLOW = rgba('#F0B90B');
const DARK = rgba('#1E2026');
const WHITE = rgba('#FFFFFF');
const TEAL = rgba('#0E9F9A');
const SIZE = 200;

/** `share` of the image (the top rows) in `accent`, the rest in `ground`. */
const split = (accent: Rgba, share: number, ground: Rgba) => encodePng(SIZE, SIZE, (_, y) => (y < SIZE * share ? accent : ground));
const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/apps/${name}/logo.png`, import.meta.url));

new RuleTester().run(rule, {
  valid: [
    { name: 'no listing.json', files: miniApp() },
    { name: 'the clean fixture app logo (teal)', files: app(fixture('clean-app')) },
    { name: 'the React fixture app logo (navy)', files: app(fixture('react-app')) },
    { name: 'orange (#FFA500) is not Binance yellow', files: app(split(rgba('#FFA500'), 1, WHITE)) },
    { name: 'Bitcoin orange (#F7931A) is not Binance yellow', files: app(split(rgba('#F7931A'), 0.6, WHITE)) },
    { name: 'gold (#FFD700) is not Binance yellow', files: app(split(rgba('#FFD700'), 0.6, DARK)) },
    { name: 'a pale yellow (#F0E0A0) is not Binance yellow', files: app(split(rgba('#F0E0A0'), 1, WHITE)) },
    { name: 'a Binance-yellow accent of 30% on white', files: app(split(YELLOW, 0.3, WHITE)) },
    { name: 'a tiny yellow mark (3%) on Binance dark grey', files: app(split(YELLOW, 0.03, DARK)) },
    { name: 'yellow on dark grey with a third colour (teal, 20%)', files: app(encodePng(SIZE, SIZE, (_, y) => (y < 40 ? YELLOW : y < 80 ? TEAL : DARK))) },
    { name: 'an unreadable logo is basic-info/logo\'s', files: app(Buffer.from('not an image')) },
    { name: 'a fully transparent logo has no colours', files: app(encodePng(SIZE, SIZE, () => rgba('#F0B90B', 0))) },
  ],
  invalid: [
    { name: 'a flat Binance-yellow logo', files: app(split(YELLOW, 1, WHITE)), errors: [{ messageId: 'yellow', ...at, data: { logo: 'logo.png', percent: 100 }, confidence: 'low' }] },
    { name: 'Binance yellow on 40% of a white logo', files: app(split(YELLOW, 0.4, WHITE)), errors: [{ messageId: 'yellow', ...at, data: { logo: 'logo.png', percent: 40 } }] },
    { name: 'the newer Binance yellow #FCD535', files: app(split(rgba('#FCD535'), 0.5, WHITE)), errors: [{ messageId: 'yellow', ...at, data: { logo: 'logo.png', percent: 50 } }] },
    { name: 'a yellow accent (10%) on Binance dark grey', files: app(split(YELLOW, 0.1, DARK)), errors: [{ messageId: 'palette', ...at, data: { logo: 'logo.png', percent: 100 } }] },
    {
      name: 'the problem fixture app logo: a Binance-yellow crescent on Binance dark grey',
      files: app(fixture('problem-app'), 'Moon Rewards 月亮奖励中心'),
      errors: [{ messageId: 'palette', ...at, message: 'uses only Binance\'s colours (Binance yellow on Binance dark grey, 99% of it)' }],
    },
    {
      name: 'with "Binance" in the name',
      files: app(split(YELLOW, 0.1, DARK), 'Binance Moon Rewards'),
      errors: [{ messageId: 'paletteNamed', ...at, data: { logo: 'logo.png', percent: 100, name: 'Binance Moon Rewards', brand: 'Binance' } }],
    },
    {
      name: 'with "BNB" in the name',
      files: app(split(YELLOW, 0.5, WHITE), 'BNB Gas Tracker'),
      errors: [{ messageId: 'yellowNamed', ...at, data: { logo: 'logo.png', percent: 50, name: 'BNB Gas Tracker', brand: 'BNB' }, message: 'and the name "BNB Gas Tracker" says BNB' }],
    },
    {
      name: 'with 币安 in the name',
      files: app(split(YELLOW, 0.5, WHITE), '币安行情助手'),
      errors: [{ messageId: 'yellowNamed', ...at, data: { logo: 'logo.png', percent: 50, name: '币安行情助手', brand: '币安 (Binance)' } }],
    },
    {
      name: 'with a full-width ＢＩＮＡＮＣＥ in the name',
      files: app(split(YELLOW, 0.5, WHITE), 'ＢＩＮＡＮＣＥ Moon'),
      errors: [{ messageId: 'yellowNamed', ...at, data: { logo: 'logo.png', percent: 50, name: 'ＢＩＮＡＮＣＥ Moon', brand: 'Binance' } }],
    },
  ],
});

describe('Binance colours', () => {
  it.each([
    ['#F0B90B', true],
    ['#F3BA2F', true],
    ['#FCD535', true],
    ['#FFA500', false],
    ['#F7931A', false],
    ['#FFD700', false],
    ['#FFFF00', false],
    ['#786005', false], // Binance yellow at half brightness
  ])('%s is Binance yellow: %s', (hex, expected) => {
    const [r, g, b] = rgba(hex);
    expect(isBinanceYellow(r, g, b)).toBe(expected);
  });

  it.each([
    ['#0B0E11', true],
    ['#181A20', true],
    ['#1E2026', true],
    ['#2B3139', true],
    ['#000000', true],
    ['#0E3F5A', false], // dark teal-blue: not neutral
    ['#505050', false], // mid grey: not dark
  ])('%s is Binance dark: %s', (hex, expected) => {
    const [r, g, b] = rgba(hex);
    expect(isBinanceDark(r, g, b)).toBe(expected);
  });
});
