/**
 * A Discord copy whose Execute Webhook answer was lost, and the bot restarted before the retry:
 * the new process (its own poster, nothing in memory from the one before) is told by the
 * outbox that the attempt may have posted, looks in the channel, and finds the copy. One copy,
 * one execution. Krumlov on Slack, Passau on Discord, both adapters as main() wires them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { EXECUTE_WEBHOOK } from '../emulators/discord/discord-emulator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  PASSAU_RELAYING,
  relayKrumlovAndPassau,
  startSlackAndDiscord,
  type SlackAndDiscord,
  type TwinbridgeOnBoth,
} from './slack-and-discord.ts';

describe('a lost Discord answer, then a restart', () => {
  let database: Database;
  let both: SlackAndDiscord;
  let bot: TwinbridgeOnBoth;

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
    both = await startSlackAndDiscord(database, {
      relay: true,
      passau: PASSAU_RELAYING,
    });
    bot = both;
  }, 60_000);
  afterEach(async () => {
    await both.stop();
    await database.close();
  });

  it.each([
    ['a 502 after posting', { type: 'lost-answer' } as const],
    ['a connection dropped after posting', { type: 'lost-answer', disconnect: true } as const],
  ])('(%s) leaves one copy', async (_, lost) => {
    const { partneri, jana, partnerstadt } = await relayKrumlovAndPassau(both, () => bot);
    const relayHook = () => both.discord.webhooks(partnerstadt)[0]?.id;
    const copies = () => both.discord.channelView(partnerstadt).filter((m) => m.webhookId === relayHook());
    const fault = both.discord.failNext(EXECUTE_WEBHOOK, lost);

    await both.slack.members.writes({ channel: partneri, user: jana, text: 'Jen jednou, prosím' });
    await both.slack.members.settled();
    await bot.worker.drainDue();
    expect(fault.hits).toBe(1);
    expect(copies().map((m) => m.content)).toEqual(['Jen jednou, prosím']);
    const delivery = () => database.prisma.delivery.findFirstOrThrow({ where: { kind: 'relay.message' } });
    expect((await delivery()).status).toBe('PENDING');

    await both.stopBot();
    bot = await both.startBot();
    both.clock.set(new Date(both.clock.now().getTime() + 15 * 60_000));
    await bot.worker.drainDue();

    expect(copies().map((m) => m.content)).toEqual(['Jen jednou, prosím']);
    expect(await delivery()).toMatchObject({ status: 'SENT', platformMessageId: copies()[0]?.id });
    expect(
      both.discord.requests(EXECUTE_WEBHOOK).filter((r) => r.path.includes(relayHook() ?? '?')),
    ).toHaveLength(1);
  });
});
