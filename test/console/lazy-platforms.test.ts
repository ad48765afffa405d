/**
 * The entry module loads discord.js and Bolt only for a platform that is configured (main()
 * imports them then): the console alone starts without them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the entry module', () => {
  it('loads neither platform library until one is configured', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/platform-libraries-loaded.mts'],
      {
        encoding: 'utf8',
        // A hang catcher only.
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
