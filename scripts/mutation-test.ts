/**
 * Mutation testing with StrykerJS (stryker.config.mjs; docs/TESTING.md).
 *
 *   npm run test:mutation                                   # src/core and commands/
 *   npm run test:mutation -- src/core/domain                # one folder (or several)
 *   npm run test:mutation -- src/core/domain --force        # flags after the folders go to Stryker
 *   npm run test:mutation -- src/core/domain --unit         # only the unit tests beside the code
 *   npm run test:mutation -- src/core/jobs/reminders.ts     # one file: its results kept on their own
 *
 * Slow: every mutant reruns the tests that cover it. Not part of `npm test` or CI.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const unitTestsOnly = process.argv.includes('--unit');
const args = process.argv.slice(2).filter((arg) => arg !== '--unit');
const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
const folders = firstFlag === -1 ? args : args.slice(0, firstFlag);
const strykerArgs = firstFlag === -1 ? [] : args.slice(firstFlag);

const missing = folders.filter((folder) => !existsSync(new URL(folder, `file://${root}`)));
if (missing.length > 0) {
  process.stderr.write(`No such folder or file: ${missing.join(', ')}\n`);
  process.exit(2);
}

const stryker = spawn(
  fileURLToPath(new URL('../node_modules/.bin/stryker', import.meta.url)),
  ['run', ...strykerArgs],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      MUTATION_FOLDERS: folders.join(','),
      ...(unitTestsOnly ? { MUTATION_TESTS: 'unit' } : {}),
    },
  },
);
stryker.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
