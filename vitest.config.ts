import { defineConfig } from 'vitest/config';

export default defineConfig({
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
