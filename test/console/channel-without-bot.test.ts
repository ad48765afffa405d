/**
 * Linking a channel the platform says the bot is not in (Slack fills ChannelRef.postingBlocked
 * and postingFix from conversations.info) is refused at once, naming the fix, and links nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/commands/invocation.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

const SETUP = `
:community pisek
:channel partneri
:as eva
town register name:Písek country:CZ timezone:Europe/Prague language:en
partner invite name:"Písek – Berwyn"
`;

const eva: Actor = {
  platform: 'CONSOLE',
  communityExternalId: 'pisek',
  communityName: 'pisek',
  userId: 'eva',
  displayName: 'eva',
  communityAdmin: true,
};

describe('a channel the bot is not a member of', () => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    harness = consoleHarness(database);
    await harness.run(SETUP);
  });

  afterAll(async () => {
    await database.close();
  });

  it('is not linked, and the refusal says how to let the bot in', async () => {
    const reply = await harness.bus.run({
      text: 'channel link partnership:1',
      actor: eva,
      channel: {
        id: 'C0NEWS',
        name: 'news',
        postingBlocked: 'the bot is not a member',
        postingFix: '/invite @Twinbridge',
      },
    });
    expect(reply.text).toBe(
      'I am not a member of #news, so I could not post there. Add me with /invite @Twinbridge in that channel, then try again.',
    );
    expect(reply.error).toEqual({ key: 'channel.not-member' });
    expect(await database.prisma.channelLink.count({ where: { channelId: 'C0NEWS' } })).toBe(0);
  });
});
