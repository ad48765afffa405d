/**
 * `npm run commands:discord -- --dry-run` run as the child process it is, against the Discord
 * emulator: it says what it would register (added, changed, removed) and registers nothing.
 * The command names expected are the README's command groups, written out here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';

const run = promisify(execFile);
const TOKEN = 'dry-run-token';
const SCRIPT = fileURLToPath(new URL('../../scripts/discord-commands.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const GROUPS = ['/announce', '/channel', '/event', '/help', '/partner', '/profile', '/rsvp', '/town'];

describe('npm run commands:discord -- --dry-run', () => {
  let discord: DiscordEmulator;
  let workDir: string;

  // An empty directory as the working directory, so no .env of the checkout is read.
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'twinbridge-dry-run-'));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    discord = await DiscordEmulator.start({ token: TOKEN });
  });
  afterEach(async () => {
    await discord.stop();
  });

  async function dryRun(env: Record<string, string>): Promise<{ json: unknown[]; report: string[] }> {
    const { stdout } = await run(TSX, [SCRIPT, '--dry-run', '--stdout'], {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    // --stdout prints the JSON first, then the report.
    const end = stdout.lastIndexOf('\n]\n') + 3;
    return {
      json: JSON.parse(stdout.slice(0, end)) as unknown[],
      report: stdout.slice(end).trim().split('\n'),
    };
  }

  const discordEnv = () => ({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl });
  const writes = () => discord.requests().filter((r) => r.method !== 'GET');

  it('lists every command it would add to an application that has none, and registers nothing', async () => {
    const { json, report } = await dryRun(discordEnv());
    expect((json as { name: string }[]).map((c) => `/${c.name}`).sort()).toEqual(GROUPS);
    expect(report[0]).toMatch(/^Application \d+\. Would register globally \(dry run, nothing sent\):$/);
    expect(report.slice(1).sort()).toEqual(GROUPS.map((name) => `  + ${name}`));
    expect(writes()).toEqual([]);
    expect(discord.commands()).toEqual([]);
  });

  it('says what would change and be removed, leaving Discord’s commands as they were', async () => {
    // What an older version registered: /help described differently, and a command since dropped.
    const rest = new REST({ api: discord.apiUrl }).setToken(TOKEN);
    const application = (await rest.get(Routes.currentApplication())) as { id: string };
    const { json } = await dryRun(discordEnv());
    const current = json as RESTPutAPIApplicationCommandsJSONBody;
    const older = [
      ...current
        .filter((c) => c.name !== 'rsvp')
        .map((c) => (c.name === 'help' ? { ...c, description: 'Help (old wording)' } : c)),
      { name: 'weather', description: 'A command Twinbridge no longer has', type: 1 },
    ];
    await rest.put(Routes.applicationCommands(application.id), { body: older });
    const before = discord.commands();
    const writesBefore = writes().length;

    const { report } = await dryRun(discordEnv());
    expect(report[0]).toBe(`Application ${application.id}. Would register globally (dry run, nothing sent):`);
    expect(report).toContain('  + /rsvp');
    expect(report).toContain('  ~ /help (description)');
    expect(report).toContain('  - /weather');
    expect(report.at(-1)).toBe('  = /town /partner /channel /event /announce /profile');
    expect(writes()).toHaveLength(writesBefore);
    expect(discord.commands()).toEqual(before);
  });

  it('without a token, prints the commands and says nothing was registered', async () => {
    const { json, report } = await dryRun({});
    expect(json).toHaveLength(GROUPS.length);
    expect(report).toEqual(['DISCORD_TOKEN is not set: nothing registered (the file above is for review).']);
    expect(discord.requests()).toEqual([]);
  });
});
