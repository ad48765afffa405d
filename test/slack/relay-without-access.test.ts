/**
 * The relay when the bot has no access to one side: Passau's Discord channel the bot may no
 * longer see (Missing Access), Krumlov's Slack channel the bot was removed from (not_in_channel).
 * The copy for that channel fails naming the platform's reason, the link is marked broken, its
 * town's coordinator is told once in their language, and later messages send it nothing more.
 */
import type { Message } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  PASSAU_RELAYING,
  relayKrumlovAndPassau,
  startSlackAndDiscord,
  type RelayingTowns,
  type SlackAndDiscord,
} from './slack-and-discord.ts';

describe('relaying to a channel the bot has no access to', () => {
  let database: Database;
  let both: SlackAndDiscord;
  let towns: RelayingTowns;

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
    both = await startSlackAndDiscord(database, { relay: true, passau: PASSAU_RELAYING });
    towns = await relayKrumlovAndPassau(both, () => both);
  }, 60_000);
  afterEach(async () => {
    await both.stop();
    await database.close();
  });

  const relayDeliveries = () => database.prisma.delivery.findMany({ where: { kind: 'relay.message' } });
  const linkIn = (channelId: string) =>
    database.prisma.channelLink.findFirstOrThrow({ where: { channelId } });
  /** Lets the outbox send what is due, the coordinators' notices included. */
  const drained = async () => {
    await both.slack.members.settled();
    await both.discordAdapter.whenIdle();
    while ((await both.worker.drainDue()).sent > 0);
  };

  it('from Slack to a Discord channel the bot may not see: fails naming it, tells Passau once', async () => {
    const { discord, slack } = both;
    discord.setChannelAccess(towns.partnerstadt, 'no-access');
    const maxNotices = () => discord.messages(discord.dmChannelId('max'));
    const before = maxNotices().length;

    await slack.members.writes({ channel: towns.partneri, user: towns.jana, text: 'Vidíte mě?' });
    await drained();
    const [failed] = await relayDeliveries();
    expect(failed?.status).toBe('FAILED');
    expect(failed?.lastError).toContain('Missing Access');
    expect((await linkIn(towns.partnerstadt)).status).toBe('BROKEN');
    const notices = maxNotices().slice(before);
    expect(notices.map((m) => m.content)).toEqual([
      expect.stringContaining('Der Bot kann nicht mehr in #partnerstadt („Krumlov – Passau“) posten'),
    ]);
    // The command to run again, as it is typed on Discord.
    expect(notices[0]?.content).toContain('führen Sie in diesem Kanal „/channel link“ aus');

    await slack.members.writes({ channel: towns.partneri, user: towns.jana, text: 'Haló?' });
    await drained();
    expect(await relayDeliveries()).toHaveLength(1);
    expect(maxNotices()).toHaveLength(before + 1);
  });

  it('from Discord to a Slack channel the bot was removed from: fails naming it, tells Krumlov once', async () => {
    const { discord, slack } = both;
    slack.failChannel(towns.partneri, 'not_in_channel');
    const janaNotices = () => slack.messages(slack.dmChannel(towns.jana).id);
    const before = janaNotices().length;
    const maxWrites = async (content: string) => {
      const client = both.discordAdapter.discordClient;
      let id = '';
      const seen = new Promise<void>((resolve) => {
        const listener = (message: Message) => {
          if (message.id !== id) return;
          client.off('messageCreate', listener);
          resolve();
        };
        client.on('messageCreate', listener);
      });
      id = discord.memberWrites({ guild: 'Passau', channel: 'partnerstadt', user: 'max', content }).id;
      await seen;
      await drained();
    };

    await maxWrites('Hört ihr uns?');
    const [failed] = await relayDeliveries();
    expect(failed?.status).toBe('FAILED');
    expect(failed?.lastError).toContain('not_in_channel');
    expect((await linkIn(towns.partneri)).status).toBe('BROKEN');
    expect(janaNotices().slice(before)).toHaveLength(1);
    expect(janaNotices().at(-1)?.text).toContain('spusťte v tom kanálu „/twin channel link“');

    await maxWrites('Hallo?');
    expect(await relayDeliveries()).toHaveLength(1);
    expect(janaNotices()).toHaveLength(before + 1);
  });
});
