/**
 * Discord's API answering 503 to every post for a minute (issue 11, "Faults"), while coordinators
 * keep announcing: the outbox retries on its backoff, nothing fails for good, and once the API is
 * back every announcement is in every channel exactly once. Time is the test clock's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { DiscordHarness, messageText, PEOPLE, twinTowns } from './discord-harness.ts';

const { jana } = PEOPLE;

describe.each(DATABASE_KINDS.slice(-1))('a minute of Discord 5xx on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await DiscordHarness.start({ database });
    await twinTowns(h);
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  const later = (ms: number) => h.clock.set(new Date(h.clock.now().getTime() + ms));

  it('delivers every announcement once in every channel after the API is back', async () => {
    expect(DEFAULT_LIMITS.announcementsPerDay).toBeGreaterThanOrEqual(3);
    const shownBefore = h.posts('partneri', 'Český Krumlov').length;
    const outage = h.discord.failNext(
      { method: 'POST', route: '/channels/:channel_id/messages' },
      { type: 'server-error', status: 503 },
      Infinity,
    );
    const texts: string[] = [];
    // One announcement every 20 s of the minute, each drained (and failing) at once.
    for (let second = 0; second < 60; second += 20) {
      const text = `Outage announcement at ${second} s`;
      texts.push(text);
      await h.command({ ...jana, name: 'announce', subcommand: 'send', options: { partnership: 1, text } });
      await h.drain();
      later(20_000);
    }
    expect(outage.hits).toBeGreaterThan(texts.length * 2);
    expect(h.posts('partneri', 'Český Krumlov')).toHaveLength(shownBefore);
    outage.cancel();

    // Longer than any backoff so far.
    later(2 * 60_000);
    await h.drain();
    for (const [channel, guild] of [
      ['partneri', 'Český Krumlov'],
      ['partnerstadt', 'Passau'],
    ] as const) {
      const shown = h.posts(channel, guild).map(messageText);
      for (const text of texts)
        expect(
          shown.filter((t) => t.includes(text)),
          `${text} in ${channel}`,
        ).toHaveLength(1);
    }
    const statuses = await database.prisma.delivery.groupBy({ by: ['status'], _count: true });
    expect(statuses.filter((s) => s.status !== 'SENT')).toEqual([]);
    expect(h.errors()).toEqual([]);
  });
});
