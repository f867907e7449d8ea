import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    // Each API test file builds its own fresh database; files run in parallel workers.
    pool: 'forks',
    // One worker more than the cores: a test file spends much of its time waiting on fsync, PostgreSQL or a timer,
    // and Vitest's default (cores − 1) left one of two cores idle (measured on 2 cores: SQLite 532 s → 244 s,
    // PostgreSQL 803 s → 348 s).
    maxWorkers: os.availableParallelism() + 1,
    // The demo hall, migrated and seeded once; each test hall is a copy of it.
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
