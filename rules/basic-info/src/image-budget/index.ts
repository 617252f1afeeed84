import { defineRule } from '@bmplint/core';

export interface ImageBudgetOptions {
  /** Largest size of one image, in bytes. */
  maxImageBytes: number;
  /** Largest size of all images together, in bytes. */
  maxTotalImageBytes: number;
}

export const DEFAULT_MAX_IMAGE_BYTES = 200 * 1024;
export const DEFAULT_MAX_TOTAL_IMAGE_BYTES = 2 * 1024 * 1024;

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export default defineRule<ImageBudgetOptions>({
  meta: {
    id: 'basic-info/image-budget',
    clauses: ['6.4'],
    severity: 'info',
    suppressible: true,
    projectInput: 'facts',
    docs: { description: 'Images shipped in the bundle should stay within a size budget (200 KB each, 2 MB in all, by default) so the mini program loads fast.' },
    messages: {
      imageTooLarge: 'This image is {{size}}, over the budget of {{budget}} per image: compress it or load it from the network so the mini program starts quickly (6.4).',
      totalTooLarge: 'The bundle\'s {{count}} images take {{size}} in all, over the budget of {{budget}}; this is the largest of them (6.4).',
    },
    schema: {
      type: 'object',
      properties: {
        maxImageBytes: { type: 'integer', minimum: 1 },
        maxTotalImageBytes: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxImageBytes: DEFAULT_MAX_IMAGE_BYTES, maxTotalImageBytes: DEFAULT_MAX_TOTAL_IMAGE_BYTES },
  },
  create(context) {
    const maxImageBytes = context.options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES;
    const maxTotalImageBytes = context.options.maxTotalImageBytes ?? DEFAULT_MAX_TOTAL_IMAGE_BYTES;
    return {
      project(project) {
        // The listing logo is uploaded to the portal, not shipped in the package.
        const logo = project.listing?.logoPath;
        let total = 0;
        let count = 0;
        let largest: { path: string; size: number } | undefined;
        for (const path of project.paths) {
          if (project.kindOf(path) !== 'image' || path === logo) continue;
          const size = project.bundle.entries.get(path)?.size ?? 0;
          total += size;
          count++;
          if (!largest || size > largest.size) largest = { path, size };
          // Images are not text: the finding names the file, at line 1, column 1.
          if (size > maxImageBytes) context.report({ file: path, messageId: 'imageTooLarge', data: { size: kib(size), budget: kib(maxImageBytes) } });
        }
        if (largest && total > maxTotalImageBytes) {
          context.report({ file: largest.path, messageId: 'totalTooLarge', data: { count, size: kib(total), budget: kib(maxTotalImageBytes) } });
        }
      },
    };
  },
});
