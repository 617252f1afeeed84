import { defineRule } from '@bmplint/core';
import { loadLogo } from './load-logo.js';

/** Formats the platform accepts for a logo (as the Management Portal's upload does; inferred). */
const FORMATS = new Set(['png', 'jpeg']);
/** Smallest side, in pixels: WeChat's minimum for a mini program icon (Binance documents none; inferred). */
export const MIN_SIDE = 144;
/** A logo with more than this share of (almost) fully transparent pixels shows next to nothing. */
export const MAX_TRANSPARENT = 0.9;
/** A logo with at least this share of its pixels in one flat colour (or fully transparent) is blank. */
export const BLANK_UNIFORM = 0.995;

const percent = (fraction: number) => Math.round(fraction * 100);

export default defineRule({
  meta: {
    id: 'basic-info/logo',
    clauses: ['2.2.6'],
    severity: 'error',
    suppressible: true,
    needs: ['listing'],
    projectInput: 'facts',
    docs: { description: `The listing logo must be a readable PNG or JPEG image, square, at least ${MIN_SIDE}×${MIN_SIDE} pixels, and not blank or almost fully transparent.` },
    messages: {
      unreadable: 'The logo "{{logo}}" cannot be read as an image ({{detail}}): the listing needs a PNG or JPEG logo (2.2.6).',
      tooLarge: 'The logo "{{logo}}" was not decoded: {{detail}}. Use a PNG or JPEG logo of an ordinary size, such as 512×512 (2.2.6).',
      format: 'The logo "{{logo}}" is a {{format}} image: the logo must be a PNG or JPEG (2.2.6).',
      notSquare: 'The logo "{{logo}}" is {{width}}×{{height}} pixels: the logo must be square (2.2.6).',
      tooSmall: `The logo "{{logo}}" is {{width}}×{{height}} pixels: use at least ${MIN_SIDE}×${MIN_SIDE} so it stays sharp in the store (2.2.6).`,
      transparent: 'The logo "{{logo}}" is {{percent}}% transparent: almost nothing of it would show (2.2.6).',
      blank: 'The logo "{{logo}}" is blank: {{percent}}% of it is one flat colour ({{colour}}) (2.2.6).',
    },
  },
  create(context) {
    return {
      async project(project) {
        const listing = project.listing;
        // No logo, or a logo file that is not there: basic-info/listing-schema reports it.
        const loaded = listing ? await loadLogo(project) : undefined;
        if (!listing || !loaded) return;
        const { logo, image } = loaded;
        const span = listing.locate(['logo']);
        const report = (messageId: string, data: Record<string, string | number> = {}, confidence?: 'medium') =>
          context.report({ file: listing.file, span, messageId, data: { logo, ...data }, ...(confidence ? { confidence } : {}) });
        if (image.error) {
          report(image.error.code === 'too-large' ? 'tooLarge' : 'unreadable', { detail: image.error.message });
          return;
        }
        if (!FORMATS.has(image.format ?? '')) report('format', { format: (image.format ?? 'unknown').toUpperCase() });
        const { width, height } = image;
        if (width !== height) report('notSquare', { width, height });
        if (Math.min(width, height) < MIN_SIDE) report('tooSmall', { width, height }, 'medium');
        const pixels = image.pixels;
        if (!pixels) return;
        if (pixels.transparent > MAX_TRANSPARENT) report('transparent', { percent: percent(pixels.transparent) });
        else if (pixels.uniform >= BLANK_UNIFORM && pixels.dominant.length) report('blank', { percent: percent(pixels.uniform), colour: pixels.dominant[0].hex });
      },
    };
  },
});
