/**
 * The real Discord connection (discord.js Client) against the local emulator, without the core:
 * what it asks the gateway for, when it counts as connected, and a start that fails.
 */
import { once } from 'node:events';
import { Events, GatewayCloseCodes, GatewayIntentBits, Status } from 'discord.js';
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

describe('the Discord gateway connection with shards', () => {
  // (id >> 22) % 2: Krumlov on shard 0 of 2, Passau on shard 1.
  const guilds = [
    { id: '1258291200000000000', name: 'Český Krumlov', channels: [{ name: 'partneri' }], members: [] },
    { id: '1258291200004194304', name: 'Passau', channels: [{ name: 'partnerstadt' }], members: [] },
  ];
  const sharded = (api: string, shards: number[], shardCount: number) =>
    new DiscordGatewayConnection(
      { token: 'connection-token', apiUrl: api, guildId: undefined, shards, shardCount },
      silent,
      {
        readyTimeoutMs: 5000,
        // discord.js spaces one Client's IDENTIFYs 5 s apart (max_concurrency 1): not needed here.
        clientOptions: {
          ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
        },
      },
    );
  const identifiedShards = () =>
    emulator
      ?.gatewayPayloads()
      .filter((p) => p.op === IDENTIFY)
      .map((p) => (p.d as { shard?: unknown }).shard);

  it('identifies only the shards DISCORD_SHARDS names, of DISCORD_SHARD_COUNT, and holds only their servers', async () => {
    emulator = await DiscordEmulator.start({ token: 'connection-token', guilds });
    const connection = sharded(emulator.apiUrl, [1], 2);
    await connection.start();
    expect(identifiedShards()).toEqual([[1, 2]]);
    expect(connection.client.guilds.cache.map((g) => g.name)).toEqual(['Passau']);
    expect(connection.state).toBe('connected');
    await connection.stop();
  });

  it('is connected only while every shard of the process is ready', async () => {
    emulator = await DiscordEmulator.start({ token: 'connection-token', guilds });
    const connection = sharded(emulator.apiUrl, [0, 1], 2);
    await connection.start();
    expect(identifiedShards()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(connection.state).toBe('connected');
    // 4010 (invalid shard) is a close discord.js does not recover from: shard 1 stays down.
    const down = once(connection.client, Events.ShardDisconnect);
    expect(emulator.dropGateway({ shard: 1, code: GatewayCloseCodes.InvalidShard }).dropped).toBe(1);
    await down;
    expect(connection.client.ws.shards.get(0)?.status).toBe(Status.Ready);
    expect(connection.state).toBe('disconnected');
    await connection.stop();
  });

  it('fails to start naming DISCORD_SHARD_COUNT when Discord requires more shards (4011)', async () => {
    emulator = await DiscordEmulator.start({ token: 'connection-token', guilds, maxGuildsPerShard: 1 });
    const connection = sharded(emulator.apiUrl, [0], 1);
    await expect(connection.start()).rejects.toThrow(
      /more shards than DISCORD_SHARD_COUNT=1 \(close code 4011.*raise DISCORD_SHARD_COUNT on every process/,
    );
    expect(connection.connected).toBe(false);
  });
});
