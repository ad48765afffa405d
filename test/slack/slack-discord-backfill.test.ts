/**
 * Backfill across platforms (docs/RELAY.md, "Backfill"): the bot is stopped while members write
 * in relaying channels, then started again on the same database; what they wrote meanwhile is
 * read from each platform's history and relayed in order, once. Český Krumlov on Slack (the real
 * Bolt app), Passau on Discord (the real discord.js Client); each town also has a channel that
 * relayed once and then stopped: it is not read.
 */
import { REST, Routes, SnowflakeUtil } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { BACKFILL_MAX_MESSAGES } from '../../src/core/relay/backfill.ts';
import type { DiscordEmulator, SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import type { SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  startSlackAndDiscord,
  PASSAU_RELAYING,
  TOKEN,
  type SlackAndDiscord,
  type TwinbridgeOnBoth,
} from './slack-and-discord.ts';
import { answerText, unescaped } from './slack-harness.ts';

describe('relaying what members wrote while the bot was down', () => {
  let database: Database;
  let both: SlackAndDiscord;
  let bot: TwinbridgeOnBoth;
  let slack: SlackEmulator;
  let discord: DiscordEmulator;
  let partneri: string;
  let ostatni: string;
  let jana: string;
  let partnerstadt: string;
  let general: string;

  async function slackCommand(text: string, channelId = partneri): Promise<string> {
    const delivery = await slack
      .http(bot.eventsUrl)
      .slashCommand({ command: '/twin', text, userId: jana, channelId });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    await bot.worker.drainDue();
    return answerText(answer);
  }

  async function discordCommand(input: Omit<SlashCommandInput, 'guild' | 'user'>): Promise<string> {
    const handle = discord.slashCommand({ guild: 'Passau', user: 'max', ...input });
    await handle.response();
    await settle();
    const outcome = handle.outcome();
    return [outcome.original, ...outcome.followUps].map((m) => m?.content ?? '').join('\n');
  }

  /** Everything both adapters received has reached the relay, and the outbox posted it. */
  async function settle(): Promise<void> {
    await slack.members.settled();
    await bot.slackAdapter.whenIdle();
    await bot.discordAdapter.whenIdle();
    await bot.worker.drainDue();
  }

  /** Max writes in a Passau channel; resolves once the bot's client has seen it. */
  async function maxWrites(content: string, channel = 'partnerstadt'): Promise<string> {
    const client = bot.discordAdapter.discordClient;
    let id = '';
    const seen = new Promise<void>((resolve) => {
      const listener = (message: { id: string }) => {
        if (message.id !== id) return;
        client.off('messageCreate', listener);
        resolve();
      };
      client.on('messageCreate', listener);
    });
    id = discord.memberWrites({ guild: 'Passau', channel, user: 'max', content }).id;
    await seen;
    await settle();
    return id;
  }

  const copiesOnSlack = (channel = partneri) =>
    slack
      .messages(channel)
      .filter((m) => (m as { username?: string }).username !== undefined)
      .map((m) => unescaped(m.text));
  const copiesOnDiscord = () => {
    const relayHooks = new Set(discord.webhooks(partnerstadt).map((w) => w.id));
    return discord
      .channelView(partnerstadt)
      .filter((m) => m.webhookId && relayHooks.has(m.webhookId))
      .map((m) => m.content);
  };
  /** Requests for a Discord channel's history. */
  const discordHistoryReads = (channelId: string) =>
    discord
      .requests({ method: 'GET', route: '/channels/:channel_id/messages' })
      .filter((r) => r.path.includes(channelId));
  const slackHistoryReads = (channelId: string) =>
    slack.calls('conversations.history').filter((c) => c.args['channel'] === channelId);

  /**
   * Starts the bot again and lets it finish reading back. A copy relayed before the other
   * adapter connected was refused ("not connected") and is retried: its retry is let come due.
   */
  async function restart(options: { started?: boolean } = {}): Promise<void> {
    if (!options.started) bot = await both.startBot();
    await settle();
    both.clock.set(new Date(both.clock.now().getTime() + 15 * 60_000));
    await bot.worker.drainDue();
  }

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    both = await startSlackAndDiscord(database, {
      relay: true,
      passau: PASSAU_RELAYING,
    });
    ({ slack, discord } = both);
    bot = both;
    partneri = slack.addChannel({ name: 'partneri' }).id;
    ostatni = slack.addChannel({ name: 'ostatni' }).id;
    jana = slack.addUser({ name: 'jana', isAdmin: true }).id;
    partnerstadt = discord.channelId('partnerstadt', 'Passau');
    general = discord.channelId('general', 'Passau');
    await slackCommand('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs');
    const code = inviteCodeIn(await slackCommand('partner invite name:"Krumlov – Passau" form:formal'));
    await discordCommand({
      channel: 'partnerstadt',
      name: 'town',
      subcommand: 'register',
      options: { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
    });
    await discordCommand({ channel: 'partnerstadt', name: 'partner', subcommand: 'join', options: { code } });
    // Written before the main channels relay: never to be relayed, by a backfill neither.
    for (const channel of [partneri, ostatni]) {
      await slackCommand('channel link partnership:1', channel);
      if (channel === partneri) await slack.members.writes({ channel, user: jana, text: 'Ještě ne' });
      await slackCommand('channel relay partnership:1 on', channel);
    }
    for (const channel of ['partnerstadt', 'general']) {
      await discordCommand({ channel, name: 'channel', subcommand: 'link', options: { partnership: 1 } });
      if (channel === 'partnerstadt') await maxWrites('Noch nicht', channel);
      await discordCommand({
        channel,
        name: 'channel',
        subcommand: 'relay',
        options: { partnership: 1, relay: 'on' },
      });
    }
    // #ostatni and #general relayed once, then stopped: what the relay knows there is old news.
    await slack.members.writes({ channel: ostatni, user: jana, text: 'Ještě relayujeme' });
    await maxWrites('Wir relayen noch', 'general');
    await slackCommand('channel relay partnership:1 off', ostatni);
    await discordCommand({
      channel: 'general',
      name: 'channel',
      subcommand: 'relay',
      options: { partnership: 1, relay: 'off' },
    });
    expect(copiesOnSlack()).toEqual(['Ještě relayujeme', 'Wir relayen noch']);
  }, 60_000);

  afterAll(async () => {
    await both.stop();
    await database.close();
  });

  it('relays what Passau wrote on Discord meanwhile to Slack, in order and once; a channel not relaying is not read', async () => {
    const before = copiesOnSlack();
    await maxWrites('Vor der Pause');
    expect(copiesOnSlack()).toEqual([...before, 'Vor der Pause']);

    await both.stopBot();
    for (const content of ['Eins', 'Zwei', 'Drei']) {
      discord.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max', content });
    }
    discord.memberWrites({ guild: 'Passau', channel: 'general', user: 'max', content: 'Nicht relayt' });
    // The bot's own post (another instance, a script): not a member's, not relayed.
    await new REST({ api: discord.apiUrl })
      .setToken(TOKEN)
      .post(Routes.channelMessages(partnerstadt), { body: { content: 'Bot: Hallo' } });
    bot = await both.startBot();
    // Written as the bot is back, while it reads the channel: relayed after the missed ones.
    await maxWrites('Wieder da');
    await restart({ started: true });
    expect(copiesOnSlack()).toEqual([...before, 'Vor der Pause', 'Eins', 'Zwei', 'Drei', 'Wieder da']);
    expect(discordHistoryReads(partnerstadt)).not.toEqual([]);
    expect(discordHistoryReads(general)).toEqual([]);

    // Started once more with nothing new: nothing is relayed twice.
    await both.stopBot();
    await restart();
    expect(copiesOnSlack()).toEqual([...before, 'Vor der Pause', 'Eins', 'Zwei', 'Drei', 'Wieder da']);
  });

  it('relays what Český Krumlov wrote on Slack meanwhile to Discord, in order and once; a channel not relaying is not read', async () => {
    await slack.members.writes({ channel: partneri, user: jana, text: 'Před přestávkou' });
    await settle();
    const before = copiesOnDiscord();
    expect(before.at(-1)).toBe('Před přestávkou');

    await both.stopBot();
    for (const text of ['Jedna', 'Dvě', 'Tři'])
      await slack.members.writes({ channel: partneri, user: jana, text });
    await slack.members.writes({ channel: ostatni, user: jana, text: 'Nerelayováno' });
    // Another app's bot: not a member, not relayed.
    await slack.members.botWrites({ channel: partneri, botId: 'B0999', username: 'Počasí', text: 'Prší' });
    bot = await both.startBot();
    // Written as the bot is back, while it reads the channel: relayed after the missed ones.
    await slack.members.writes({ channel: partneri, user: jana, text: 'Zpátky' });
    await restart({ started: true });
    expect(copiesOnDiscord()).toEqual([...before, 'Jedna', 'Dvě', 'Tři', 'Zpátky']);
    expect(slackHistoryReads(partneri)).not.toEqual([]);
    expect(slackHistoryReads(ostatni)).toEqual([]);

    await both.stopBot();
    await restart();
    expect(copiesOnDiscord()).toEqual([...before, 'Jedna', 'Dvě', 'Tři', 'Zpátky']);
    // Written before #partneri relayed: not read back by any of the restarts.
    expect(copiesOnDiscord()).not.toContain('Ještě ne');
  });

  /** Which of these platform ids the relay recorded as originals. */
  async function recordedOf(ids: readonly string[]): Promise<Set<string>> {
    const rows = await database.prisma.relayedMessage.findMany({
      where: { originMessageId: { in: [...ids] } },
      select: { originMessageId: true },
    });
    return new Set(rows.map((r) => r.originMessageId));
  }

  /** The backfill's log line that left 3 messages out of a channel. */
  const threeLeftOut = (channel: string) =>
    both.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['channel'] === channel && l['skipped'] === 3 && l['level'] === 40);

  // Their copies may still be on their way (paced): what the relay recorded is what it relays.
  it('relays at most the newest 100 missed messages of a Discord channel, and logs how many older ones it left out', async () => {
    await both.stopBot();
    const written: string[] = [];
    for (let n = 1; n <= BACKFILL_MAX_MESSAGES + 3; n += 1) {
      written.push(
        discord.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max', content: `Nr. ${n}` })
          .id,
      );
    }
    bot = await both.startBot();
    await bot.discordAdapter.whenIdle();
    expect(await recordedOf(written)).toEqual(new Set(written.slice(3)));
    const line = threeLeftOut(partnerstadt);
    expect(line).toMatchObject({ platform: 'DISCORD', relayed: 100, atLeast: false });
    expect(String(line?.['msg'])).toContain('3 older messages');
  });

  it('reads a Slack channel back page by page: the newest 100 missed messages are relayed, the older ones logged', async () => {
    await both.stopBot();
    const written: string[] = [];
    for (let n = 1; n <= BACKFILL_MAX_MESSAGES + 3; n += 1) {
      written.push((await slack.members.writes({ channel: partneri, user: jana, text: `Č. ${n}` })).ts);
    }
    bot = await both.startBot();
    await bot.slackAdapter.whenIdle();
    expect(await recordedOf(written)).toEqual(new Set(written.slice(3)));
    expect(threeLeftOut(partneri)).toMatchObject({ platform: 'SLACK', relayed: 100, atLeast: false });
    // Two pages: the newest 100, then the rest before the oldest of them.
    expect(slackHistoryReads(partneri).at(-1)?.args['latest']).toBe(written[3]);
  });

  it('does not read back further than 24 hours', async () => {
    await both.stopBot();
    const old = await slack.members.writes({ channel: partneri, user: jana, text: 'Předevčírem' });
    // The bot comes back 25 hours after it was written (Slack's ts is the emulator's real time).
    both.clock.set(new Date((Number(old.ts) + 25 * 3600) * 1000));
    bot = await both.startBot();
    await bot.slackAdapter.whenIdle();
    expect(await recordedOf([old.ts])).toEqual(new Set());
    expect(Number(slackHistoryReads(partneri).at(-1)?.args['oldest'])).toBeGreaterThan(Number(old.ts));
  });

  it('does not read a Discord channel back further than 24 hours', async () => {
    await both.stopBot();
    const old = discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: 'Vorgestern',
    }).id;
    // The bot comes back 25 hours after it was written (a snowflake carries the emulator's real time).
    both.clock.set(new Date(SnowflakeUtil.timestampFrom(old) + 25 * 3600_000));
    const readsBefore = discordHistoryReads(partnerstadt).length;
    bot = await both.startBot();
    await bot.discordAdapter.whenIdle();
    expect(await recordedOf([old])).toEqual(new Set());
    // The channel was read, and the message left out for its age.
    expect(discordHistoryReads(partnerstadt).length).toBeGreaterThan(readsBefore);
  });
});
