/**
 * Ends a test run with one plain line, "N passed, N failed, N skipped", which CI systems that do
 * not know vitest's own summary can read. A suite whose set-up failed (beforeAll, an import) has
 * its tests skipped: it counts as failed too, and the line says how many such suites there were.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    let failedSuites = 0;
    for (const module of testModules) {
      if (module.errors().length > 0) failedSuites++;
      for (const suite of module.children.allSuites()) {
        if (suite.errors().length > 0) failedSuites++;
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const suites = failedSuites > 0 ? ` (of which ${failedSuites} failed set-ups)` : '';
    process.stdout.write(
      `\n${counts.passed} passed, ${counts.failed + failedSuites} failed, ${counts.skipped} skipped${suites}\n`,
    );
  }
}
