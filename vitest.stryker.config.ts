import process from 'node:process';
import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the core and the command definitions
 * (stryker.config.mjs). Left out, because they test the outer layers and would make every
 * mutant cost minutes: the Discord and Slack emulator suites, the migration and drift suites,
 * and the suites that start whole processes (npm start, several outbox workers).
 * MUTATION_TESTS=unit keeps only the unit tests beside the code: minutes instead of hours, and a
 * lower bound of the score (a mutant they kill is killed; one they miss may die in the suites).
 * The database suites run on one engine only: the PostgreSQL server, whose scratch databases are
 * copied from a template faster than PGlite clones, and whose queries ran the console suites in
 * 13 s against PGlite's 21 s (both engines are still tested by `npm test`).
 */
export default defineConfig({
  test: {
    include:
      process.env.MUTATION_TESTS === 'unit'
        ? ['src/**/*.test.ts', 'commands/**/*.test.ts']
        : ['src/**/*.test.ts', 'commands/**/*.test.ts', 'test/{console,scheduler,outbox}/**/*.test.ts'],
    exclude: ['test/console/npm-start.test.ts', 'test/outbox/worker-processes.test.ts'],
    env: { TEST_DATABASE_KINDS: 'postgres' }, // read by test/support/test-database.ts
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Databases kept for a file's next tests are dropped at its end (test-database.ts).
    setupFiles: ['./test/support/after-each-file.ts'],
  },
});
