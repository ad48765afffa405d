/**
 * Discord sharding (README "Discord sharding"): two bot processes of one bot on one PostgreSQL,
 * one running shard 0 and the other shard 1 of 2, against the Discord emulator, which routes
 * each server and its events by Discord's rule. Český Krumlov lives on shard 0, Passau on shard 1.
 * Each server's commands reach only the process holding its shard; the shared outbox posts in
 * both servers from either process, once per channel; the relay's backfill reads back only the
 * channels of the process's own shards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { DiscordEmulator, type SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { messageText, PEOPLE, TWO_TOWNS } from './discord-harness.ts';
import { ShardedBots } from './sharded-bots.ts';

/** (id >> 22) % 2 is 0 for Krumlov's snowflake and 1 for Passau's. */
const KRUMLOV_ID = '1258291200000000000';
const PASSAU_ID = '1258291200004194304';
const [KRUMLOV, PASSAU] = TWO_TOWNS;
const GUILDS = [
  { ...KRUMLOV, id: KRUMLOV_ID },
  { ...PASSAU, id: PASSAU_ID },
];
const { jana, max } = PEOPLE;

describe('two bot processes, shard 0 and shard 1 of 2, on one PostgreSQL', () => {
  let bots: ShardedBots;

  beforeAll(async () => {
    bots = await ShardedBots.start({ guilds: GUILDS, shardsPerBot: [[0], [1]], shardCount: 2 });
  });
  afterAll(async () => {
    await bots.stop();
  });

  /** Runs a command; returns what the person saw once every process has settled. */
  async function command(input: SlashCommandInput): Promise<{ text: string; deliveredTo: number }> {
    const handle = bots.discord.slashCommand(input);
    await handle.response();
    await bots.settled();
    const outcome = handle.outcome();
    const messages = [...(outcome.original ? [outcome.original] : []), ...outcome.followUps];
    return { text: messages.map(messageText).join('\n'), deliveredTo: handle.deliveredTo };
  }

  /** The bot's posts carrying `text` in a channel of a server. */
  const postsWith = (channel: string, guild: string, text: string) =>
    bots.discord
      .messages(bots.discord.channelId(channel, guild))
      .filter((m) => m.author.id === bots.discord.botUser.id && m.interaction_metadata === undefined)
      .filter((m) => messageText(m).includes(text));

  it('holds each server on the process running its shard only', () => {
    expect(bots.bot(0).adapter.discordClient.guilds.cache.map((g) => g.id)).toEqual([KRUMLOV_ID]);
    expect(bots.bot(1).adapter.discordClient.guilds.cache.map((g) => g.id)).toEqual([PASSAU_ID]);
    expect(bots.bots.map((bot) => bot.adapter.connectionState())).toEqual(['connected', 'connected']);
  });

  it('answers a command in each server from the process holding its shard, and only from it', async () => {
    const towns = [
      { person: jana, name: 'Český Krumlov', country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
      { person: max, name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
    ];
    for (const { person, ...town } of towns) {
      const answer = await command({ ...person, name: 'town', subcommand: 'register', options: town });
      expect(answer.deliveredTo).toBe(1);
      expect(answer.text).toContain(town.name);
    }
    expect(bots.bot(0).interactions).toEqual([KRUMLOV_ID]);
    expect(bots.bot(1).interactions).toEqual([PASSAU_ID]);
  });

  it('posts an announcement once in each partner channel, whichever process claims it', async () => {
    const invite = await command({
      ...jana,
      name: 'partner',
      subcommand: 'invite',
      options: { name: 'Krumlov – Passau' },
    });
    await command({ ...jana, name: 'channel', subcommand: 'link', options: { partnership: 1 } });
    await command({
      ...max,
      name: 'partner',
      subcommand: 'join',
      options: { code: inviteCodeIn(invite.text) },
    });

    // Krumlov's process takes the command and drains: it posts in Passau too, a server it does
    // not hold (REST needs no cache); Passau's process then finds nothing left.
    const fromKrumlov = 'Jarmark v sobotu';
    await command({
      ...jana,
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: fromKrumlov },
    });
    expect(postsWith('partneri', 'Český Krumlov', fromKrumlov)).toHaveLength(1);
    expect(postsWith('partnerstadt', 'Passau', fromKrumlov)).toHaveLength(1);
    expect((await bots.bot(1).parts.worker.drainDue()).sent).toBe(0);

    // Both processes drain at once: each post is claimed by one of them.
    const fromPassau = 'Stadtfest am Sonntag';
    const announced = command({
      ...max,
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: fromPassau },
    });
    const drains = Promise.all(bots.bots.map((bot) => bot.parts.worker.drainDue()));
    await Promise.all([announced, drains]);
    await bots.settled();
    expect(postsWith('partneri', 'Český Krumlov', fromPassau)).toHaveLength(1);
    expect(postsWith('partnerstadt', 'Passau', fromPassau)).toHaveLength(1);
    expect(bots.errors()).toEqual([]);
  });
});

describe('the relay backfill of a process running shard 1 of 2', () => {
  let discord: DiscordEmulator | undefined;
  afterEach(async () => {
    await discord?.stop();
    discord = undefined;
  });

  it('reads back only the relaying channels of servers on its shards', async () => {
    discord = await DiscordEmulator.start({
      token: 'backfill-token',
      guilds: GUILDS,
      privilegedIntents: { messageContent: true },
    });
    // Written while no process was connected.
    discord.memberWrites({ guild: 'Český Krumlov', channel: 'partneri', user: 'jana', content: 'Ahoj' });
    discord.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max', content: 'Servus' });
    const inbound = new FakeInboundPort();
    const partneri = discord.channelId('partneri', 'Český Krumlov');
    const partnerstadt = discord.channelId('partnerstadt', 'Passau');
    inbound.resumePoints = [
      {
        communityExternalId: KRUMLOV_ID,
        channelId: partneri,
        knownMessageIds: [],
        oldestRecentCopyIds: [],
        originals: [],
      },
      {
        communityExternalId: PASSAU_ID,
        channelId: partnerstadt,
        knownMessageIds: [],
        oldestRecentCopyIds: [],
        originals: [],
      },
    ];
    const config = {
      token: 'backfill-token',
      apiUrl: discord.apiUrl,
      guildId: undefined,
      messageContent: true,
      shards: [1],
      shardCount: 2,
    };
    const adapter = createDiscordAdapter(config, inbound, recordingLogger());
    await adapter.start();
    await adapter.whenIdle();
    await adapter.stop();
    expect(inbound.messages.map((m) => m.event === 'arrived' && m.message.text)).toEqual(['Servus']);
    const historyReads = discord.requests({ method: 'GET', route: '/channels/:channel_id/messages' });
    expect(historyReads.map((r) => r.path.split('/')[2])).toEqual([partnerstadt]);
    // Not even a look at Krumlov's channel: its process reads it back.
    expect(discord.requests().filter((r) => r.path.startsWith(`/channels/${partneri}`))).toEqual([]);
  });
});
