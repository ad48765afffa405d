/**
 * Reactions on relayed messages across platforms (docs/RELAY.md, "Reactions"): Český Krumlov on
 * Slack (the real Bolt app), Passau on Discord (the real discord.js Client), both channels
 * relaying. A reaction on an original or a copy shows on the other side as the bot's own, and
 * goes when nobody is left reacting with it there; the same emoji from both sides; a skin tone;
 * custom emoji that do not exist on the other platform; the bot's own reactions coming back (no
 * echo); a removal after a restart, from the database's state.
 */
import type { MessageReaction, PartialMessageReaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { SlackAndDiscord, TwinbridgeOnBoth } from './slack-and-discord.ts';
import { startRelayingSlackAndDiscord } from './relaying-slack-and-discord.ts';

describe('reactions between a Slack town and a Discord town', () => {
  let database: Database;
  let both: SlackAndDiscord;
  /** The bot's adapters and worker now (a restart makes new ones). */
  let bot: TwinbridgeOnBoth;
  let partneri: string;
  let jana: string;
  /** Passau's relaying Discord channel. */
  let relayingChannel: string;
  /** Jana's message on Slack, and its copy on Discord. */
  let janasTs: string;
  let janasCopy: string;
  /** Max's message on Discord, and its copy on Slack. */
  let maxsMessage: string;
  let maxsCopyTs: string;

  /**
   * Waits until the bot's Discord client has seen a reaction event on `messageId` by `userId`
   * (the emulator's gateway signal), then until the adapter handed it on.
   */
  function reactionSeen(messageId: string, userId: string): Promise<void> {
    const client = bot.discordAdapter.discordClient;
    return new Promise((resolve) => {
      const listener = (reaction: MessageReaction | PartialMessageReaction, user: { id: string }) => {
        if (reaction.message.id !== messageId || user.id !== userId) return;
        client.off('messageReactionAdd', listener);
        client.off('messageReactionRemove', listener);
        resolve();
      };
      client.on('messageReactionAdd', listener);
      client.on('messageReactionRemove', listener);
    });
  }

  /** Everything members did has reached the relay, and the outbox sent what it made. */
  async function settled(): Promise<void> {
    await both.slack.members.settled();
    await bot.discordAdapter.whenIdle();
    await bot.worker.drainDue();
  }

  async function maxReacts(messageId: string, emoji: string, added = true): Promise<void> {
    const max = both.discord.userId('max');
    const seen = reactionSeen(messageId, max);
    if (added) both.discord.memberReacts(messageId, 'max', emoji);
    else both.discord.memberUnreacts(messageId, 'max', emoji);
    await seen;
    await settled();
  }

  const onDiscord = (id: string) =>
    (both.discord.messageView(id)?.reactions ?? []).map((r) => ({ emoji: r.emoji, userIds: r.userIds }));
  const onSlack = (ts: string) => both.slack.reactionsOn(partneri, ts);
  const discordBot = () => both.discord.botUser.id;
  const slackBot = () => both.slack.workspace().botUserId;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    const relaying = await startRelayingSlackAndDiscord(database);
    both = relaying;
    ({ partneri, jana } = relaying);
    relayingChannel = relaying.partnerstadt;
    bot = both;
    janasTs = (await both.slack.members.writes({ channel: partneri, user: jana, text: 'Ahoj!' })).ts;
    await settled();
    const partnerstadt = both.discord.channelView(relaying.partnerstadt);
    janasCopy = partnerstadt.find((m) => m.content === 'Ahoj!')?.id ?? '';
    const client = bot.discordAdapter.discordClient;
    const seen = new Promise<void>((resolve) => client.once('messageCreate', () => resolve()));
    maxsMessage = both.discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: 'Servus!',
    }).id;
    await seen;
    await settled();
    maxsCopyTs = both.slack.messages(partneri).find((m) => m.text === 'Servus!')?.ts ?? '';
    expect(janasCopy).not.toBe('');
  }, 60_000);

  afterAll(async () => {
    await both.stop();
    await database.close();
  });

  it('shows a Slack reaction on the Discord copy as the bot’s own, and takes it back with it', async () => {
    await both.slack.members.reacts(partneri, janasTs, jana, 'tada');
    await settled();
    expect(onDiscord(janasCopy)).toEqual([{ emoji: '🎉', userIds: [discordBot()] }]);

    await both.slack.members.unreacts(partneri, janasTs, jana, 'tada');
    await settled();
    expect(onDiscord(janasCopy)).toEqual([]);
  });

  it('shows a Discord reaction on a copy on the Slack original, skin tone and all', async () => {
    await maxReacts(janasCopy, '👍🏽');
    expect(onSlack(janasTs)).toEqual([{ name: '+1::skin-tone-4', users: [slackBot()] }]);
    await maxReacts(janasCopy, '👍🏽', false);
    expect(onSlack(janasTs)).toEqual([]);
  });

  it('keeps the emoji on each side while someone on another side still reacts with it', async () => {
    await both.slack.members.reacts(partneri, maxsCopyTs, jana, 'heart');
    await settled();
    await maxReacts(maxsMessage, '❤️');
    // Each side shows the other's heart: Jana's on Discord, Max's on Slack.
    expect(onDiscord(maxsMessage)).toEqual([
      { emoji: '❤️', userIds: [discordBot(), both.discord.userId('max')] },
    ]);
    expect(onSlack(maxsCopyTs)).toEqual([{ name: 'heart', users: [jana, slackBot()] }]);

    await maxReacts(maxsMessage, '❤️', false);
    expect(onSlack(maxsCopyTs)).toEqual([{ name: 'heart', users: [jana] }]);
    expect(onDiscord(maxsMessage)).toEqual([{ emoji: '❤️', userIds: [discordBot()] }]);
  });

  it('shows another platform’s custom emoji, and counts, in a count line on the copy', async () => {
    both.slack.addCustomEmoji('T0001', 'party_parrot');
    await both.slack.members.reacts(partneri, janasTs, jana, 'party_parrot');
    await maxReacts(janasCopy, 'krumlov:123456789012345678');
    // Not added natively on either side: the Discord copy says it in its count line, the Slack
    // original (Jana's own message) cannot be edited by the bot.
    expect(onDiscord(janasCopy)).toEqual([
      { emoji: 'krumlov:123456789012345678', userIds: [both.discord.userId('max')] },
    ]);
    expect(both.discord.messageView(janasCopy)?.content).toBe('Ahoj!\n-# :party_parrot: 1');
    expect(onSlack(janasTs)).toEqual([{ name: 'party_parrot', users: [jana] }]);

    // Max's own message, its copy on Slack: his custom emoji reads as its name there.
    await maxReacts(maxsMessage, 'krumlov:123456789012345678');
    expect(both.slack.messages(partneri).find((m) => m.ts === maxsCopyTs)?.text).toBe(
      'Servus!\n_:krumlov: 1_',
    );

    // Two people on Slack: the bot's one reaction cannot say so, the line can.
    const petr = both.slack.addUser({ name: 'petr' }).id;
    await both.slack.members.reacts(partneri, janasTs, jana, '+1');
    await both.slack.members.reacts(partneri, janasTs, petr, 'thumbsup');
    await settled();
    expect(both.discord.messageView(janasCopy)?.content).toBe('Ahoj!\n-# :party_parrot: 1 · 👍 2');
    expect(onDiscord(janasCopy).map((r) => r.emoji)).toContain('👍');

    // Jana edits: the copy's new text keeps the line.
    await both.slack.members.edits(partneri, janasTs, 'Ahoj všichni!');
    await settled();
    expect(both.discord.messageView(janasCopy)?.content).toBe('Ahoj všichni!\n-# :party_parrot: 1 · 👍 2');

    // Back to what the bot's reactions say alone: the line goes.
    await both.slack.members.unreacts(partneri, janasTs, jana, 'party_parrot');
    await both.slack.members.unreacts(partneri, janasTs, petr, 'thumbsup');
    await settled();
    expect(both.discord.messageView(janasCopy)?.content).toBe('Ahoj všichni!');
    await both.slack.members.unreacts(partneri, janasTs, jana, '+1');
    await settled();
  });

  it('sends nothing more once the bot’s own reactions came back (no echo)', async () => {
    const botReaction = reactionSeen(janasCopy, discordBot());
    await both.slack.members.reacts(partneri, janasTs, jana, 'wave');
    await settled();
    await botReaction;
    await settled();
    expect(await bot.worker.drainDue()).toMatchObject({ sent: 0 });
    expect(onSlack(janasTs).find((r) => r.name === 'wave')).toEqual({ name: 'wave', users: [jana] });
  });

  it('takes reactions back after a restart, from what the database recorded', async () => {
    await both.slack.members.reacts(partneri, janasTs, jana, 'sunny');
    await settled();
    await maxReacts(janasCopy, '🚆');
    expect(onDiscord(janasCopy).map((r) => r.emoji)).toContain('☀️');
    expect(onSlack(janasTs).map((r) => r.name)).toContain('train2');
    await both.stopBot();
    bot = await both.startBot();
    await both.slack.members.unreacts(partneri, janasTs, jana, 'sunny');
    await settled();
    expect(onDiscord(janasCopy).map((r) => r.emoji)).not.toContain('☀️');
    // A message the client no longer holds (read back at start, then evicted from its cache, as
    // discord.js does past 200 a channel): its reactions arrive as partials.
    const channel = bot.discordAdapter.discordClient.channels.cache.get(relayingChannel);
    if (channel?.isTextBased()) channel.messages.cache.clear();
    await maxReacts(janasCopy, '🚆', false);
    expect(onSlack(janasTs).map((r) => r.name)).not.toContain('train2');
    await maxReacts(janasCopy, '🚲');
    expect(onSlack(janasTs).find((r) => r.name === 'bike')).toEqual({ name: 'bike', users: [slackBot()] });
  });
});
