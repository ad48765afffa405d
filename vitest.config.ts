import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'commands/**/*.test.ts', 'test/**/*.test.ts'],
    // Database suites open PGlite (about 0.6 s per clone) and PostgreSQL: give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Databases kept for a file's next tests are dropped at its end (test-database.ts).
    setupFiles: ['./test/support/after-each-file.ts'],
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
