import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    // Each API test file builds its own fresh database; files run in parallel workers.
    pool: 'forks',
    // The demo hall, migrated and seeded once; each test hall is a copy of it.
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
