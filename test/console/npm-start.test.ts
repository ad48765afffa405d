/**
 * The real entry point, as `npm start` runs it (the compiled bundle, rebuilt when a source is
 * newer): piped input on the embedded database in a fresh data directory, and the data still
 * there on the next start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'twinbridge-start-'));

function start(input: string, env: Record<string, string> = {}) {
  // `npm start` itself: the build of dist/ when a source changed, then the compiled bot.
  return spawnSync('npm', ['start', '--silent'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, TWINBRIDGE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    // Hang catchers only: a fresh data directory on a busy two-core machine took 25 s.
    timeout: 80_000,
  });
}

describe('npm start', { timeout: 90_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs a piped script on the embedded database and exits at end of input', () => {
    const run = start(
      ':community ústí\n:as zdeněk\ntown register name:"Ústí nad Labem" country:cz timezone:europe/prague language:cs\ntown info\n',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('zdeněk@ústí #general> town register name:"Ústí nad Labem"');
    expect(run.stdout).toContain('✓ Vítejte, Ústí nad Labem (Česko)!');
    expect(run.stdout).toContain('Koordinátoři: zdeněk');
  });

  it('keeps the data for the next start', () => {
    const run = start(':community ústí\n:as zdeněk\ntown info\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Ústí nad Labem (Česko)');
  });

  it('refuses a bad configuration with the variable named', () => {
    const run = start('', { DATABASE_URL: 'mysql://nope' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).toContain('.env.example');
  });
});
