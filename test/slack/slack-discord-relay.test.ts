/**
 * The relay across platforms, both adapters in one process as main() wires them: Český Krumlov on
 * Slack (the real Bolt app against the Slack emulator), Passau on Discord (the real discord.js
 * Client against the Discord emulator), both channels relaying. A message, a threaded reply and
 * an edit cross in each direction, formatting converted, with who wrote it and from which town.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import type { SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { startRelayingSlackAndDiscord, type RelayingSlackAndDiscord } from './relaying-slack-and-discord.ts';
import { unescaped } from './slack-harness.ts';

describe('relaying between a Slack town and a Discord town', () => {
  let database: Database;
  let slack: SlackEmulator;
  let discord: DiscordEmulator;
  let discordAdapter: DiscordAdapter;
  let worker: DeliveryWorker;
  let partneri: string;
  let jana: string;
  let partnerstadt: string;
  let seenOnDiscord: RelayingSlackAndDiscord['seenOnDiscord'];
  let stop: () => Promise<void>;

  /** What the relay's webhook posted in Passau's channel (a thread of it too), oldest first. */
  const copiesOnDiscord = (channel = partnerstadt) => {
    // Interaction answers carry the application's webhook id too: only the relay's own webhooks count.
    const relayHooks = new Set(
      [...discord.webhooks(channel), ...discord.webhooks(partnerstadt)].map((w) => w.id),
    );
    return discord.channelView(channel).filter((m) => m.webhookId && relayHooks.has(m.webhookId));
  };
  const copiesOnSlack = (channel = partneri) =>
    slack.messages(channel).filter((m) => (m as { username?: string }).username !== undefined);

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    ({ slack, discord, discordAdapter, worker, partneri, jana, partnerstadt, seenOnDiscord, stop } =
      await startRelayingSlackAndDiscord(database));
  }, 60_000);

  afterAll(async () => {
    await stop();
    await database.close();
  });

  it('carries a Slack message to Discord as "name (town)", mrkdwn turned into Discord markdown', async () => {
    await slack.members.writes({
      channel: partneri,
      user: jana,
      text: 'Dobrý den, *Pasove*! _Kdy_ přijedete?',
    });
    await slack.members.settled();
    await worker.drainDue();
    const [copy] = copiesOnDiscord();
    expect(copy?.authorName).toBe('jana (Český Krumlov)');
    expect(copy?.content).toBe('Dobrý den, **Pasove**! *Kdy* přijedete?');
  });

  it('carries a Discord message, its reply in the Slack thread, and its edit to Slack', async () => {
    let id = '';
    const seen = seenOnDiscord('messageCreate', () => id);
    id = discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: 'Grüß **Gott**!',
    }).id;
    await seen;
    await discordAdapter.whenIdle();
    await worker.drainDue();
    const copy = copiesOnSlack().at(-1);
    expect((copy as { username?: string } | undefined)?.username).toBe('Max (Passau)');
    expect(unescaped(copy?.text ?? '')).toBe('Grüß *Gott*!');

    // Jana answers the copy in its Slack thread: the answer reaches Discord in a thread of Max's message.
    await slack.members.writes({
      channel: partneri,
      user: jana,
      text: 'Ahoj Maxi',
      threadTs: copy?.ts ?? '',
    });
    await slack.members.settled();
    await worker.drainDue();
    const thread = discord.messageView(id)?.threadId;
    expect(thread).toBeDefined();
    expect(copiesOnDiscord(thread ?? undefined).map((m) => m.content)).toEqual(['Ahoj Maxi']);

    const edited = seenOnDiscord('messageUpdate', () => id);
    discord.memberEdits(id, 'Grüß Gott, Krumlov!');
    await edited;
    await discordAdapter.whenIdle();
    await worker.drainDue();
    expect(unescaped(slack.messages(partneri).find((m) => m.ts === copy?.ts)?.text ?? '')).toBe(
      'Grüß Gott, Krumlov!',
    );
  });
});
