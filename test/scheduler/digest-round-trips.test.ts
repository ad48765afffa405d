/**
 * What one partnership's weekly digest costs in database round trips (src/db/round-trips.ts),
 * pinned so that a read per listed exchange, per town or per channel (an N+1) fails here: a
 * Monday 09:00 in Europe plans 40,000 of them at once (bench:scale). The figure does not grow
 * with the exchanges listed, their answers or the channels linked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueDigests } from '../../src/core/jobs/weekly-digest.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { countRoundTrips } from '../../src/db/round-trips.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import {
  ann,
  jana,
  mike,
  petr,
  recordingLogger,
  digestPlanned,
  type SchedulerHarness,
} from './scheduler-harness.ts';

/** Monday 4 May 2026, 09:00 in Prague: the first digest after the set-up. */
const DIGEST_AT = new Date('2026-05-04T07:00:00Z');

describe.each(DATABASE_KINDS)('the weekly digest’s round trips on %s', (kind) => {
  let database: Database;
  let h: SchedulerHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = await digestPlanned(database);
  });

  afterEach(async () => {
    await h.scheduler.stop();
    await database.close();
  });

  const create = (n: number) =>
    h.run(
      jana,
      `event create partnership:1 title:Akce-${n} kind:cultural-event start:"2026-05-0${5 + n} 18:00"`,
    );

  /** Posts the due digest and returns its round trips and how many partnerships posted. */
  async function digestRoundTrips() {
    const deps = {
      store: new PrismaStore(database.prisma),
      recurrence: new CronRecurrence(),
      logger: recordingLogger(),
    };
    const { result: posted, roundTrips } = await countRoundTrips(() => sendDueDigests(deps, DIGEST_AT));
    return { posted, roundTrips };
  }

  it('posts a digest in 10 round trips, and 3 more to find nothing else due', async () => {
    await create(1);
    // BEGIN, the claim, the partnership with its towns, its exchanges, the seats taken, the
    // towns' communities, the channels, the posts written, the next run set, COMMIT; then the
    // claim loop's last look finds nothing due (BEGIN, claim, COMMIT). It was 16 with a read per
    // town and per community, and one more for each further exchange listed.
    expect(await digestRoundTrips()).toEqual({ posted: 1, roundTrips: 13 });
  });

  it('makes as many with more exchanges, answers and channels', async () => {
    for (const n of [1, 2, 3, 4]) await create(n);
    for (const [seat, n] of [
      [petr, 1],
      [ann, 2],
      [mike, 3],
      [petr, 4],
    ] as const)
      await h.run(seat, `rsvp event:${n} answer:going guests:1`);
    await h.run({ ...jana, channel: 'novinky' }, 'channel link partnership:1');
    await h.run({ ...mike, channel: 'events' }, 'channel link partnership:1');
    expect(await digestRoundTrips()).toEqual({ posted: 1, roundTrips: 13 });
  });
});
