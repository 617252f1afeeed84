import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

const KB = 1024;
/** Bytes standing in for an image: the rule reads sizes, not pixels. */
const image = (bytes: number) => new Uint8Array(bytes);
const at = (file: string) => ({ file, line: 1, column: 1 });

new RuleTester().run(rule, {
  valid: [
    { name: 'no images', files: miniApp() },
    { name: 'small icons', files: miniApp({ 'images/tab-home.png': image(2 * KB), 'images/tab-me.png': image(2 * KB) }) },
    { name: 'exactly 200 KB', files: miniApp({ 'images/banner.jpg': image(200 * KB) }) },
    {
      name: 'the listing logo is uploaded separately and does not count',
      files: miniApp({ 'listing.json': JSON.stringify({ name: 'MoonSwap', description: 'Swap.', logo: 'logo.png' }), 'logo.png': image(900 * KB) }),
    },
    { name: 'a larger budget set in the config', files: miniApp({ 'images/banner.jpg': image(300 * KB) }), options: { maxImageBytes: 400 * KB } },
    { name: 'non-image files are not counted', files: miniApp({ 'data/big.json': JSON.stringify({ blob: 'x'.repeat(300 * KB) }) }) },
  ],
  invalid: [
    {
      name: 'one image over 200 KB',
      files: miniApp({ 'images/banner.jpg': image(350 * KB), 'images/icon.png': image(3 * KB) }),
      errors: [{ messageId: 'imageTooLarge', ...at('images/banner.jpg'), endLine: 1, endColumn: 1, data: { size: '350 KB', budget: '200 KB' }, message: 'This image is 350 KB, over the budget of 200 KB per image' }],
    },
    {
      name: 'images over 2 MB in all, each within budget: reported on the largest',
      files: miniApp(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`images/photo-${i}.webp`, image((180 + i) * KB)]))),
      errors: [{ messageId: 'totalTooLarge', ...at('images/photo-11.webp'), data: { count: 12, size: `${12 * 180 + 66} KB`, budget: '2048 KB' } }],
    },
    {
      name: 'a smaller budget set in the config',
      files: miniApp({ 'images/a.png': image(60 * KB), 'images/b.gif': image(20 * KB), 'images/c.svg': image(10 * KB) }),
      options: { maxImageBytes: 50 * KB, maxTotalImageBytes: 80 * KB },
      errors: [
        { messageId: 'totalTooLarge', ...at('images/a.png'), data: { count: 3, size: '90 KB', budget: '80 KB' } },
        { messageId: 'imageTooLarge', ...at('images/a.png'), data: { size: '60 KB', budget: '50 KB' } },
      ],
    },
  ],
});
