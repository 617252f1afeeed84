import { defineRule, normalizeText, pixelFraction } from '@bmplint/core';
import { loadLogo } from '../logo/load-logo.js';

/**
 * Binance yellow, #F0B90B (hue 45.6°), with the tolerance that also takes in the brand's other
 * yellows (#F3BA2F, hue 42.6°; #FCD535, hue 48.2°) but not orange (#FFA500, 38.8°), Bitcoin orange
 * (#F7931A, 32.9°) or gold (#FFD700, 50.6°): hue 40–50°, saturation at least 0.75, value at least 0.75.
 */
export function isBinanceYellow(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max !== r || max === min) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue >= 40 && hue <= 50 && (max - min) / max >= 0.75 && max / 255 >= 0.75;
}

/** Binance's near-black greys (#0B0E11, #181A20, #1E2026, #2B3139) and black: dark and nearly neutral. */
export function isBinanceDark(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  return max <= 64 && max - Math.min(r, g, b) <= 24;
}

/** Share of the visible pixels in Binance yellow above which the logo is dominated by it. */
export const YELLOW_DOMINANT = 0.35;
/** A yellow accent of at least this share, on a logo made (almost) only of Binance's colours… */
export const YELLOW_ACCENT = 0.05;
/** …that is, Binance yellow and Binance dark together cover at least this share. */
export const BRAND_PALETTE = 0.9;

/** "Binance" or "BNB" in the name, however written (full-width, homoglyphs, 币安). */
const BINANCE_IN_NAME = /binance|bnb|币安/;

const percent = (fraction: number) => Math.round(fraction * 100);

export default defineRule({
  meta: {
    id: 'basic-info/brand-lookalike-logo',
    clauses: ['2.2.4'],
    severity: 'warning',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    confidence: 'low',
    docs: { description: 'The listing logo should not look like Binance branding: dominated by Binance yellow (#F0B90B), or Binance yellow on Binance\'s dark grey.' },
    messages: {
      yellow: 'The logo "{{logo}}" is {{percent}}% Binance yellow (#F0B90B): it may be taken for Binance branding; check the developer is authorised to use it (2.2.4).',
      yellowNamed: 'The logo "{{logo}}" is {{percent}}% Binance yellow (#F0B90B) and the name "{{name}}" says {{brand}}: together they may be taken for a Binance product (2.2.4).',
      palette: 'The logo "{{logo}}" uses only Binance\'s colours (Binance yellow on Binance dark grey, {{percent}}% of it): it may be taken for Binance branding; check the developer is authorised to use it (2.2.4).',
      paletteNamed: 'The logo "{{logo}}" uses only Binance\'s colours (Binance yellow on Binance dark grey, {{percent}}% of it) and the name "{{name}}" says {{brand}}: together they may be taken for a Binance product (2.2.4).',
    },
  },
  create(context) {
    return {
      async project(project) {
        const listing = project.listing;
        const loaded = listing ? await loadLogo(project) : undefined;
        const pixels = loaded?.image.pixels;
        // Unreadable logos are basic-info/logo's; a logo with nothing visible has no colours.
        if (!listing || !loaded || !pixels || !pixels.dominant.length) return;
        const yellow = pixelFraction(pixels, isBinanceYellow);
        const palette = pixelFraction(pixels, (r, g, b) => isBinanceYellow(r, g, b) || isBinanceDark(r, g, b));
        let messageId: 'yellow' | 'palette' | undefined;
        if (yellow > YELLOW_DOMINANT) messageId = 'yellow';
        else if (yellow >= YELLOW_ACCENT && palette >= BRAND_PALETTE) messageId = 'palette';
        if (!messageId) return;
        const name = listing.listing.name ?? '';
        const brand = BINANCE_IN_NAME.exec(normalizeText(name).text)?.[0];
        context.report({
          file: listing.file,
          span: listing.locate(['logo']),
          messageId: brand ? `${messageId}Named` : messageId,
          data: {
            logo: loaded.logo,
            percent: percent(messageId === 'yellow' ? yellow : palette),
            ...(brand ? { name, brand: brand === '币安' ? '币安 (Binance)' : brand === 'bnb' ? 'BNB' : 'Binance' } : {}),
          },
        });
      },
    };
  },
});
