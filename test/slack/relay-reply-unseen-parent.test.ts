/**
 * A reply whose parent the relay never saw (docs/RELAY.md, "A side the bot cannot reach"):
 * another app's message on Slack, the bot's own post on Discord, neither relayed. The reply is
 * relayed as a plain message of the partner channel, not into a thread: there is nothing to
 * answer there. Český Krumlov on Slack (the real Bolt app), Passau on Discord (the real
 * discord.js Client).
 */
import { REST, Routes, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  settleRun,
  startRelayingSlackAndDiscord,
  type RelayingSlackAndDiscord,
} from './relaying-slack-and-discord.ts';
import { TOKEN } from './slack-and-discord.ts';
import { unescaped } from './slack-harness.ts';

describe('a reply to a message the relay never saw', () => {
  let database: Database;
  let both: RelayingSlackAndDiscord;

  const settle = () => settleRun(both, both);

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    both = await startRelayingSlackAndDiscord(database);
  }, 60_000);

  afterAll(async () => {
    await both.stop();
    await database.close();
  });

  it('reaches Discord as a plain message of the channel from a Slack thread on another app’s post', async () => {
    const weather = await both.slack.members.botWrites({
      channel: both.partneri,
      botId: 'B0999',
      username: 'Počasí',
      text: 'Prší',
    });
    await both.slack.members.writes({
      channel: both.partneri,
      user: both.jana,
      text: 'Vezměte si deštníky',
      threadTs: weather.ts,
    });
    await settle();
    // In the channel itself (a thread's messages are not in its channel's view).
    const copy = both.discord.channelView(both.partnerstadt).find((m) => m.content === 'Vezměte si deštníky');
    expect(copy).toBeDefined();
    // Nothing of the weather post crossed, so no thread was started for it either.
    expect(both.discord.channelView(both.partnerstadt).map((m) => m.content)).not.toContain('Prší');
  });

  it('reaches Slack as a plain message of the channel from a Discord reply to the bot’s own post', async () => {
    const post = (await new REST({ api: both.discord.apiUrl })
      .setToken(TOKEN)
      .post(Routes.channelMessages(both.partnerstadt), { body: { content: 'Bot: Hallo' } })) as APIMessage;
    let id = '';
    const seen = both.seenOnDiscord('messageCreate', () => id);
    id = both.discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content: 'Danke, Bot',
      replyTo: post.id,
    }).id;
    await seen;
    await settle();
    const copy = both.slack.messages(both.partneri).find((m) => unescaped(m.text) === 'Danke, Bot');
    expect(copy).toBeDefined();
    expect(copy?.threadTs).toBeUndefined();
  });
});
