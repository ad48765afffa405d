/**
 * The Discord gateway unreachable (issue 11, "Faults"): what the log says while it is down (the
 * loss once, thinned-out attempts, the recovery once), and a bot process that gets SIGTERM then
 * exits (discord.js 14 keeps reconnecting after its client is destroyed, which held the process
 * for as long as the gateway stayed down). The outage is the emulator's: connections refused.
 * Waits end on log lines and the process's exit, not on time.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordGatewayConnection } from '../../src/adapters/discord/discord-connection.ts';
import { createLogger } from '../../src/logging.ts';
import { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import { LogCapture } from '../support/log-capture.ts';
import { createScratchDatabase } from '../support/test-database.ts';

const GUILDS = [{ name: 'Passau', channels: [{ name: 'partnerstadt' }], members: [] }];

let emulator: DiscordEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function messages(logs: LogCapture): string[] {
  return logs.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('the Discord gateway unreachable', () => {
  it('is logged once when lost, at attempts 2, 4, 8 … while down, and once when back', async () => {
    emulator = await DiscordEmulator.start({ token: 'outage-token', guilds: GUILDS });
    const logs = new LogCapture();
    const connection = new DiscordGatewayConnection(
      { token: 'outage-token', apiUrl: emulator.apiUrl, guildId: undefined },
      createLogger('debug', logs.stream),
    );
    await connection.start();
    emulator.setGatewayOutage('refuse');
    await logs.logged('"attempts":8,');
    emulator.setGatewayOutage(undefined);
    await logs.logged('Discord gateway: connection back');
    await connection.stop();

    const outage = messages(logs).filter((msg) => msg.startsWith('Discord gateway'));
    expect(outage.slice(0, 4)).toEqual([
      'Discord gateway: connection lost, reconnecting',
      'Discord gateway: still reconnecting',
      'Discord gateway: still reconnecting',
      'Discord gateway: still reconnecting',
    ]);
    expect(outage.at(-1)).toBe('Discord gateway: connection back');
    const attemptsLogged = logs.lines
      .filter((line) => line.includes('still reconnecting'))
      .map((line) => (JSON.parse(line) as { attempts: number }).attempts);
    const back = JSON.parse(logs.lines.find((line) => line.includes('connection back')) ?? '{}') as {
      attempts: number;
    };
    // Every power of two up to the attempts made, and nothing else.
    const powers = [2, 4, 8, 16, 32, 64, 128, 256].filter((n) => n <= back.attempts);
    expect(attemptsLogged).toEqual(powers);
    expect(outage).toHaveLength(2 + powers.length);
  });

  it('lets a bot process stopped with SIGTERM exit while the gateway stays down', async () => {
    emulator = await DiscordEmulator.start({ token: 'outage-token', guilds: GUILDS });
    const database = await createScratchDatabase();
    const logs = new LogCapture();
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: 'outage-token',
        DISCORD_API_URL: emulator.apiUrl,
        DATABASE_URL: database.url,
        TWINBRIDGE_INVITE_KEY: 'k'.repeat(40),
        TWINBRIDGE_CONSOLE: 'off',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    bot.stderr.pipe(logs.stream);
    const exited = new Promise<number | null>((resolve) => bot.on('exit', (code) => resolve(code)));
    try {
      await logs.logged('Discord: connected to the gateway');
      emulator.setGatewayOutage('refuse');
      await logs.logged('Discord gateway: still reconnecting');
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      bot.kill('SIGKILL');
      await database.drop();
    }
    expect(messages(logs)).toContain('stopping');
    expect(messages(logs).filter((msg) => msg.includes('connection lost'))).toHaveLength(1);
  });
});
