import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not the built dist.
    alias: [
      { find: /^@bmplint\/core\/testing$/, replacement: here('./packages/core/src/testing/index.ts') },
      { find: /^@bmplint\/core$/, replacement: here('./packages/core/src/index.ts') },
      { find: /^@bmplint\/store\/testing$/, replacement: here('./packages/store/src/testing/databases.ts') },
      { find: /^@bmplint\/store$/, replacement: here('./packages/store/src/index.ts') },
      { find: /^@bmplint\/server$/, replacement: here('./packages/server/src/index.ts') },
      { find: /^@bmplint\/cli$/, replacement: here('./packages/cli/src/index.ts') },
      { find: /^@bmplint\/language-server$/, replacement: here('./packages/language-server/src/index.ts') },
      { find: /^@bmplint\/eslint-plugin$/, replacement: here('./packages/eslint-plugin/src/index.ts') },
      { find: /^@bmplint\/rules-([a-z-]+)$/, replacement: here('./rules/$1/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'rules/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
