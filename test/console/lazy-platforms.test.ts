/**
 * The entry module loads discord.js and Bolt only for a platform that is configured (main()
 * imports them then): the console alone starts without them, from the sources and from the
 * bundle `npm start` runs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'test/support/platform-libraries-loaded.mts';
// Hang catchers only.
const TIMEOUT = 60_000;

function librariesLoadedBy(entry: string): unknown {
  const run = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, entry], {
    encoding: 'utf8',
    timeout: TIMEOUT,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('the entry module', () => {
  it('loads neither platform library until one is configured', () => {
    expect(librariesLoadedBy('src/main.ts')).toEqual([]);
  });

  it('nor does the bundle npm start runs', () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { timeout: TIMEOUT });
    expect(build.status).toBe(0);
    expect(librariesLoadedBy('dist/main.js')).toEqual([]);
  });
});
