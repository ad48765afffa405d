/**
 * What a weekly digest lists: exchanges starting after its hour and at most four weeks later,
 * ten by name and the rest counted, places counted from the people going (not "maybe"), and a
 * log line only when something was posted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  ann,
  CHICAGO_CHANNEL,
  jana,
  mike,
  petr,
  digestPlanned,
  type SchedulerHarness,
} from './scheduler-harness.ts';

/** Monday 4 May 2026, 09:00 in Prague: the first digest after the set-up. */
const DIGEST_AT = '2026-05-04T07:00:00Z';

describe('the weekly digest’s window', () => {
  let database: Database;
  let h: SchedulerHarness;

  const create = (title: string, start: string) =>
    h.run(jana, `event create partnership:1 title:${title} kind:cultural-event start:"${start}"`);

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
    h = await digestPlanned(database);
  });

  afterEach(async () => {
    await h.scheduler.stop();
    await database.close();
  });

  /** The Chicago channel's digest lines after the heading, and the tick's report. */
  async function digestAt(instant: string) {
    h.clock.set(instant);
    h.poster.take();
    const report = await h.scheduler.tick();
    const sent = h.poster.take();
    const chicago = sent.find((s) => s.to === CHICAGO_CHANNEL)?.text.split('\n');
    return { sent, report, lines: chicago?.slice(1) ?? [], heading: chicago?.[0] };
  }

  it('lists what starts after the digest’s hour, up to exactly four weeks ahead', async () => {
    // Given an end, so that only the start decides.
    await h.run(
      jana,
      'event create partnership:1 title:Starts-with-the-digest kind:cultural-event start:"2026-05-04 09:00" end:"2026-05-04 12:00"',
    );
    await create('Four-weeks-to-the-minute', '2026-06-01 09:00');
    await create('One-minute-beyond', '2026-06-01 09:01');
    await create('Tomorrow', '2026-05-05 10:00');
    const { lines, report } = await digestAt(DIGEST_AT);
    expect(lines).toEqual([
      expect.stringMatching(/^#4 Tue 5 May, 03:00 · Tomorrow · Praha · 0 going$/),
      expect.stringMatching(/^#2 Mon 1 Jun, 02:00 · Four-weeks-to-the-minute · Praha · 0 going$/),
    ]);
    expect(report?.digestsPosted).toBe(1);
    const posted = h.logger.entries.filter((e) => e.message === 'weekly digest posted');
    expect(posted.map((e) => e.details)).toEqual([
      { partnership: 1, exchanges: 2, channels: 2, next: new Date('2026-05-11T07:00:00Z') },
    ]);
  });

  it('names ten exchanges and counts the rest', async () => {
    for (let day = 5; day <= 16; day++) await create(`Day-${day}`, `2026-05-${day} 18:00`);
    const { lines } = await digestAt(DIGEST_AT);
    expect(lines).toHaveLength(11);
    expect(lines[9]).toMatch(/· Day-14 ·/);
    expect(lines[10]).toBe(translate('en', 'digest.more', { count: 2 }));
  });

  it('names the command for the rest as it is typed in each town’s channel', async () => {
    for (let day = 5; day <= 16; day++) await create(`Day-${day}`, `2026-05-${day} 18:00`);
    // Chicago's community on Discord, Prague's on the console: each digest is written for its channel.
    await database.prisma.community.updateMany({
      where: { externalId: 'chicago' },
      data: { platform: 'DISCORD' },
    });
    h.clock.set(DIGEST_AT);
    await h.scheduler.tick();
    const digests = await database.prisma.delivery.findMany({
      where: { kind: 'digest' },
      select: { payload: true, channelLink: { select: { community: { select: { platform: true } } } } },
    });
    const lastLine = (platform: string) =>
      (
        digests.find((d) => d.channelLink?.community.platform === platform)?.payload as { text?: string }
      )?.text
        ?.split('\n')
        .at(-1);
    expect(lastLine('DISCORD')).toBe('…and 2 more events: see “/event list”.');
    expect(lastLine('CONSOLE')).toBe('…a 2 další akce: viz „event list“.');
  });

  it('counts the places of people going, guests included, not of those who said maybe', async () => {
    await create('Jarmark', '2026-05-08 18:00');
    await h.run(petr, 'rsvp event:1 answer:going guests:2');
    await h.run(ann, 'rsvp event:1 answer:maybe');
    await h.run(mike, 'rsvp event:1 answer:going');
    const { lines } = await digestAt(DIGEST_AT);
    expect(lines).toEqual([expect.stringMatching(/· Jarmark · Praha · 4 going$/)]);
  });

  it('posts nothing, logs nothing and counts nothing in a week with nothing coming up', async () => {
    await create('Later', '2026-07-01 18:00');
    const { sent, report } = await digestAt(DIGEST_AT);
    expect(sent).toEqual([]);
    expect(report?.digestsPosted ?? 0).toBe(0);
    expect(h.logger.entries.filter((e) => e.message === 'weekly digest posted')).toEqual([]);
    // Still planned for the next week.
    const row = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    expect(row.digestNextRunAt).toEqual(new Date('2026-05-11T07:00:00Z'));
  });
});
