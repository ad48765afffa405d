// @ts-check
/**
 * Mutation testing of the core and the command definitions (docs/TESTING.md, "Mutation testing").
 * Run through `npm run test:mutation [-- folder-or-file ...]` (scripts/mutation-test.ts), which sets
 * MUTATION_FOLDERS; with none set the whole scope is mutated.
 *
 * Each scope keeps its own incremental file under reports/mutation-incremental/ (committed):
 * Stryker writes only the files it mutated into it, so one folder's run must not overwrite the
 * whole scope's results.
 */

import process from 'node:process';

/** What is mutated: hand-written code of the core and of commands/. Strings-only catalogs and tests are not. */
const WHOLE_SCOPE = ['src/core', 'commands'];
const NOT_MUTATED = ['!**/*.test.ts', '!src/core/i18n/catalogs/**'];

const folders = (process.env.MUTATION_FOLDERS ?? '')
  .split(',')
  .map((folder) => folder.trim().replace(/\/+$/, ''))
  .filter((folder) => folder !== '');
const scope = folders.length > 0 ? folders : WHOLE_SCOPE;
const unitTestsOnly = process.env.MUTATION_TESTS === 'unit';
const scopeName =
  (folders.length > 0 ? folders.map((folder) => folder.replaceAll('/', '-')).join('+') : 'all') +
  (unitTestsOnly ? '.unit' : '');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // A folder means every file under it; a .ts path, that one file.
  mutate: [...scope.map((path) => (path.endsWith('.ts') ? path : `${path}/**/*.ts`)), ...NOT_MUTATED],
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the vocabularies) are active while modules load,
  // so each one reruns every test: in src/core/domain they were 43 % of the mutants and 71 % of the
  // time. They are reported as ignored; `-- --ignoreStatic false` tests them too.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/mutation-incremental/${scopeName}.json`,
  // Two cores shared with other work; a mutant's tests already open databases of their own.
  concurrency: 1,
  // A mutant is a timeout only if its tests take twice their unmutated time plus 15 s: an infinite
  // loop, not a slow moment of a loaded machine (a timeout counts as detected in the score).
  // The initial run executes every selected suite once with coverage; on this machine over 5 minutes.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  timeoutMS: 15_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scopeName}.html` },
  jsonReporter: { fileName: `reports/mutation/${scopeName}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // .stryker-tmp-*: the sandboxes of another run going on at the same time (--tempDirName).
  ignorePatterns: ['data', 'coverage', 'reports', 'bench', 'examples', '.stryker-tmp-*'],
  thresholds: { high: 90, low: 80, break: null },
};
