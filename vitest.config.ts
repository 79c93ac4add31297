import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql build for everything: vite would otherwise load graphql's ESM build for our sources
    // while Apollo (loaded by Node) uses the CommonJS one, and `instanceof GraphQLError` would fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '.data/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start real servers; two cores, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
  },
});
