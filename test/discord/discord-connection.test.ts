/**
 * The real Discord connection (discord.js Client) against the local emulator, without the core:
 * what it asks the gateway for, when it counts as connected, and a start that fails.
 */
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { DiscordGatewayConnection } from '../../src/adapters/discord/discord-connection.ts';
import type { Logger } from '../../src/core/ports.ts';
import { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';

// developers/docs/events/gateway-events#identify: op 2.
const IDENTIFY = 2;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

let emulator: DiscordEmulator | undefined;

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe('the Discord gateway connection', () => {
  it('identifies with Guilds, Guild Messages and Guild Message Reactions (no privileged intent unless configured), and is connected from READY until stop', async () => {
    emulator = await DiscordEmulator.start({
      token: 'connection-token',
      guilds: [{ name: 'Passau', channels: [{ name: 'partnerstadt' }], members: [] }],
    });
    const connection = new DiscordGatewayConnection(
      { token: 'connection-token', apiUrl: emulator.apiUrl, guildId: undefined },
      silent,
    );
    expect(connection.connected).toBe(false);
    await connection.start();
    expect(connection.connected).toBe(true);
    const identify = emulator.gatewayPayloads().find((p) => p.op === IDENTIFY);
    expect((identify?.d as { intents?: number } | undefined)?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.GuildMessageReactions,
    );
    // The Guilds intent fills the guild cache: the names the core gets come from it.
    expect(connection.client.guilds.cache.map((g) => g.name)).toEqual(['Passau']);
    await connection.stop();
    expect(connection.connected).toBe(false);
  });

  it('asks for Message Content when DISCORD_MESSAGE_CONTENT is on', async () => {
    emulator = await DiscordEmulator.start({
      token: 'connection-token',
      privilegedIntents: { messageContent: true },
    });
    const connection = new DiscordGatewayConnection(
      { token: 'connection-token', apiUrl: emulator.apiUrl, guildId: undefined, messageContent: true },
      silent,
    );
    await connection.start();
    const identify = emulator.gatewayPayloads().find((p) => p.op === IDENTIFY);
    const I = GatewayIntentBits;
    expect((identify?.d as { intents?: number } | undefined)?.intents).toBe(
      I.Guilds | I.GuildMessages | I.GuildMessageReactions | I.MessageContent,
    );
    await connection.stop();
  });

  it('fails to start naming DISCORD_MESSAGE_CONTENT when the app has not enabled Message Content (4014)', async () => {
    emulator = await DiscordEmulator.start({ token: 'connection-token' });
    const connection = new DiscordGatewayConnection(
      { token: 'connection-token', apiUrl: emulator.apiUrl, guildId: undefined, messageContent: true },
      silent,
      { readyTimeoutMs: 5000 },
    );
    await expect(connection.start()).rejects.toThrow(/4014.*DISCORD_MESSAGE_CONTENT=off/);
    expect(connection.connected).toBe(false);
  });

  it('fails to start with a token Discord refuses, and its poster keeps answering "not connected"', async () => {
    emulator = await DiscordEmulator.start({ token: 'the-real-token' });
    const adapter = createDiscordAdapter(
      { token: 'a-wrong-token', apiUrl: emulator.apiUrl, guildId: undefined },
      new FakeInboundPort(),
      silent,
      { readyTimeoutMs: 5000 },
    );
    await expect(adapter.start()).rejects.toThrow();
    const target = {
      platform: 'DISCORD',
      communityExternalId: '1',
      channelId: '2',
      channelName: 'partnerstadt',
    } as const;
    await expect(adapter.poster.post(target, { text: 'Hallo' }, 'key')).resolves.toMatchObject({
      ok: false,
      retryable: true,
      reason: 'Discord: not connected',
    });
    await adapter.stop();
  });
});
