/**
 * Sharding on the Discord emulator, driven by real discord.js Clients (internal sharding through
 * @discordjs/ws): the recommended count, which guilds each shard gets, where each guild's events
 * and DMs go, and the IDENTIFYs Discord refuses.
 */
import { once } from 'node:events';

import type { BaseInteraction, ClientOptions } from 'discord.js';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';

import type { DiscordEmulatorOptions, GuildInput } from './discord/discord-emulator.ts';
import { DiscordEmulator } from './discord/discord-emulator.ts';
import { shardOf } from './discord/shards.ts';

/** (id >> 22) % 2: Krumlov's snowflake is on shard 0 of 2, Passau's on shard 1. */
const KRUMLOV_ID = '1258291200000000000';
const PASSAU_ID = '1258291200004194304';

const GUILDS: GuildInput[] = [
  {
    id: KRUMLOV_ID,
    name: 'Český Krumlov',
    channels: [{ name: 'partneri' }],
    members: [{ username: 'jana' }],
  },
  { id: PASSAU_ID, name: 'Passau', channels: [{ name: 'partnerstadt' }], members: [{ username: 'max' }] },
];

/** discord.js spaces IDENTIFYs of one Client 5 s apart (max_concurrency 1); not needed here. */
const NO_IDENTIFY_WAIT: Partial<ClientOptions> = {
  ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
};

let discord: DiscordEmulator | undefined;
let clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.map((client) => client.destroy()));
  clients = [];
  await discord?.stop();
  discord = undefined;
});

async function emulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  discord = await DiscordEmulator.start({ guilds: GUILDS, ...options });
  return discord;
}

function client(api: DiscordEmulator, options: Partial<ClientOptions>): Client {
  const created = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...NO_IDENTIFY_WAIT,
    ...options,
    rest: { api: api.apiUrl },
  });
  clients.push(created);
  return created;
}

async function loggedIn(api: DiscordEmulator, options: Partial<ClientOptions>): Promise<Client> {
  const created = client(api, options);
  const ready = once(created, Events.ClientReady);
  await created.login('shard-token');
  await ready;
  return created;
}

/** Every interaction a client receives, by the guild it came from (null: a DM). */
function interactionsOf(created: Client): (string | null)[] {
  const seen: (string | null)[] = [];
  created.on(Events.InteractionCreate, (interaction: BaseInteraction) => seen.push(interaction.guildId));
  return seen;
}

describe('Discord sharding on the emulator', () => {
  it('places the two test guilds on different shards by Discord’s rule', () => {
    expect([shardOf(KRUMLOV_ID, 2), shardOf(PASSAU_ID, 2)]).toEqual([0, 1]);
    expect(shardOf(PASSAU_ID, 1)).toBe(0);
  });

  it('recommends its configured count at GET /gateway/bot, which discord.js’s shards: "auto" connects', async () => {
    const api = await emulator({ recommendedShards: 2 });
    const auto = await loggedIn(api, { shards: 'auto' });
    expect(auto.options.shardCount).toBe(2);
    expect([...auto.ws.shards.keys()]).toEqual([0, 1]);
    expect(auto.guilds.cache.map((guild) => [guild.name, guild.shardId])).toEqual([
      ['Český Krumlov', 0],
      ['Passau', 1],
    ]);
  });

  it('gives each session only its shard’s guilds, and each guild’s interactions to the session holding it', async () => {
    const api = await emulator();
    const first = await loggedIn(api, { shards: [0], shardCount: 2 });
    const second = await loggedIn(api, { shards: [1], shardCount: 2 });
    expect(first.guilds.cache.map((guild) => guild.name)).toEqual(['Český Krumlov']);
    expect(second.guilds.cache.map((guild) => guild.name)).toEqual(['Passau']);
    const onFirst = interactionsOf(first);
    const onSecond = interactionsOf(second);
    const answered = once(second, Events.InteractionCreate);
    expect(api.slashCommand({ name: 'ping', guild: 'Passau', user: 'max' }).deliveredTo).toBe(1);
    await answered;
    const dm = once(first, Events.InteractionCreate);
    api.slashCommand({ name: 'ping', guild: null, user: 'jana' });
    await dm;
    const krumlov = once(first, Events.InteractionCreate);
    api.slashCommand({ name: 'ping', guild: 'Český Krumlov', user: 'jana' });
    await krumlov;
    // DMs belong to shard 0, as on Discord.
    expect(onFirst).toEqual([null, KRUMLOV_ID]);
    expect(onSecond).toEqual([PASSAU_ID]);
  });

  it('sends a guild’s member messages only to its shard', async () => {
    const api = await emulator();
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
    const first = await loggedIn(api, { shards: [0], shardCount: 2, intents });
    const second = await loggedIn(api, { shards: [1], shardCount: 2, intents });
    const seenByFirst: string[] = [];
    first.on(Events.MessageCreate, (message) => seenByFirst.push(message.guildId ?? 'dm'));
    const arrived = once(second, Events.MessageCreate);
    api.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max', content: 'Servus' });
    const [message] = (await arrived) as [{ guildId: string }];
    expect(message.guildId).toBe(PASSAU_ID);
    const toFirst = once(first, Events.MessageCreate);
    api.memberWrites({ guild: 'Český Krumlov', channel: 'partneri', user: 'jana', content: 'Ahoj' });
    await toFirst;
    expect(seenByFirst).toEqual([KRUMLOV_ID]);
  });

  it('closes an IDENTIFY for a shard past the count with 4010', async () => {
    const api = await emulator();
    const wrong = client(api, { shards: [2], shardCount: 2 });
    await expect(wrong.login('shard-token')).rejects.toThrow('Invalid shard');
  });

  it('closes an IDENTIFY with too few shards for the guilds with 4011', async () => {
    const api = await emulator({ maxGuildsPerShard: 1 });
    const unsharded = client(api, { shards: [0], shardCount: 1 });
    await expect(unsharded.login('shard-token')).rejects.toThrow('Sharding is required');
    const sharded = await loggedIn(api, { shards: [0, 1], shardCount: 2 });
    expect(sharded.guilds.cache.size).toBe(2);
  });
});
