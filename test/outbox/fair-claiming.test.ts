/**
 * Fair claiming on both databases: one community's backlog must not hold back another town's
 * post. A stranger community queues 600 announcements into its one channel; a town hall's single
 * post falls due a little later. Discord lets a bot post 5 messages per 5 s into one channel and
 * 50 requests per second in all (discord.com/developers/docs/topics/rate-limits), so the backlog
 * takes ten minutes to drain whatever the worker does; the town hall's post must not wait for it.
 *
 * Time is virtual: the pacing timer moves only when the worker waits for nothing but timers (no
 * transaction under way), and the Clock reads the same virtual time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import type { SendLimits } from '../../src/core/outbox/send-limits.ts';
import type { Clock, NewDelivery, Repositories, Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import { RecordingPoster, recordingLogger } from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');

/** Discord's documented limits, written here rather than read from the code under test. */
const DISCORD: SendLimits = {
  concurrency: 25,
  global: { limit: 50, windowMs: 1_000, spread: true },
  perDestination: { limit: 5, windowMs: 5_000 },
  marginMs: 25,
};

/** The real store, counting transactions under way so the test knows when the worker is idle. */
class CountingStore implements Store {
  active = 0;
  constructor(private readonly inner: Store) {}
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await this.inner.transaction(work);
    } finally {
      this.active--;
    }
  }
}

interface Destination {
  communityExternalId: string;
  linkId: string;
}

/** A town on Discord with one linked channel in a partnership of its own. */
async function seedTown(database: Database, externalId: string, name: string): Promise<Destination> {
  const store = new PrismaStore(database.prisma);
  const { community, town, partnership } = await store.transaction(async (repos) => {
    const community = await repos.communities.upsert('DISCORD', externalId, name);
    const town = await repos.towns.create({
      name,
      country: 'CZ',
      timeZone: 'Europe/Prague',
      language: 'cs',
      communityId: community.id,
    });
    const partnership = await repos.partnerships.create(
      { name, form: 'FORMAL', status: 'ACTIVE', areas: [], agreementDate: null, agreementUrl: null },
      town.id,
    );
    return { community, town, partnership };
  });
  const link = await database.prisma.channelLink.create({
    data: {
      partnershipId: partnership.id,
      townId: town.id,
      communityId: community.id,
      channelId: `${externalId}-channel`,
      channelName: 'partners',
      language: 'cs',
    },
  });
  return { communityExternalId: externalId, linkId: link.id };
}

function announcements(to: Destination, count: number, firstDueAt: Date, tag: string): NewDelivery[] {
  return Array.from({ length: count }, (_, i) => ({
    dedupeKey: `announcement:${tag}-${i}:${to.linkId}`,
    kind: 'announcement',
    sourceId: `${tag}-${i}`,
    channelLinkId: to.linkId,
    payload: { text: `${tag} ${i}` },
    // One a millisecond apart, so the order they were queued in is defined.
    dueAt: new Date(firstDueAt.getTime() + i),
  }));
}

describe.each(DATABASE_KINDS)('fair claiming on %s', (kind) => {
  let database: Database;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('sends a town hall’s post soon after it falls due, however long a stranger’s backlog', async () => {
    const stranger = await seedTown(database, 'stranger-guild', 'Stranger');
    const townHall = await seedTown(database, 'town-hall-guild', 'Town Hall');
    const backlog = announcements(stranger, 600, new Date(START.getTime() - 60_000), 'backlog');
    const single = announcements(townHall, 1, new Date(START.getTime() + 2_000), 'town-hall');
    const store = new CountingStore(new PrismaStore(database.prisma));
    await store.transaction((repos) => repos.deliveries.enqueue([...backlog, ...single]));

    const timer = new ManualTimer();
    const clock: Clock = { now: () => new Date(START.getTime() + timer.now()) };
    const poster = new RecordingPoster('DISCORD');
    const worker = new DeliveryWorker(store, [poster], clock, recordingLogger(), {
      workerId: 'fair',
      timer,
      limits: { DISCORD },
    });
    const townHallSent = () =>
      poster.calls.some(
        (call) => 'channelId' in call.target && call.target.channelId === 'town-hall-guild-channel',
      );
    // The outbox ticker of src/scheduler: a drain every 5 s.
    const tick = () => {
      void worker.drainDueLogged();
      if (!townHallSent()) timer.setTimeout(tick, 5_000);
    };
    tick();
    // Virtual time moves once the worker waits only for timers (two idle turns in a row).
    while (!townHallSent()) {
      for (let idle = 0; idle < 2;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        idle = store.active === 0 ? idle + 1 : 0;
      }
      if (townHallSent()) break;
      expect(timer.current, 'virtual time ran past an hour').toBeLessThan(3_600_000);
      expect(timer.fireNext(), 'the worker waits for nothing while posts are due').toBe(true);
    }
    await worker.stop();

    const ahead = poster.calls.findIndex((call) => call.message.text === 'town-hall 0');
    const waitedMs = timer.current - 2_000;
    console.log(
      `[fair-claiming:${kind}] town hall's post sent after ${ahead} stranger posts, ${waitedMs} ms after due`,
    );
    // The stranger's channel takes 5 posts per 5 s: its posts went out in the order queued.
    const strangerTexts = poster.calls.slice(0, ahead).map((call) => call.message.text);
    expect(strangerTexts).toEqual(backlog.slice(0, ahead).map((row) => row.payload.text));
    // Fair: behind at most the stranger's next window or two, not its whole backlog.
    expect(ahead).toBeLessThanOrEqual(15);
    expect(waitedMs).toBeLessThanOrEqual(10_000);
  });

  it('takes a few posts per channel in the order queued, lets communities take turns, and skips what it is told', async () => {
    const stranger = await seedTown(database, 'stranger-guild', 'Stranger');
    const townHall = await seedTown(database, 'town-hall-guild', 'Town Hall');
    const store = new PrismaStore(database.prisma);
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        ...announcements(stranger, 50, new Date(START.getTime() - 60_000), 'backlog'),
        ...announcements(townHall, 2, new Date(START.getTime() - 1_000), 'town-hall'),
      ]),
    );
    const claim = (limit: number, skipDestinations: string[] = []) =>
      store.transaction((repos) =>
        repos.deliveries.claimDue({
          now: START,
          limit,
          workerId: 'fair',
          leaseUntil: new Date(START.getTime() + 60_000),
          perDestination: 5,
          skipDestinations,
        }),
      );
    const texts = (claimed: Awaited<ReturnType<typeof claim>>) => claimed.map((d) => d.payload.text);

    // Turns: the stranger's first, the town hall's first, the stranger's second, …
    expect(texts(await claim(3))).toEqual(['backlog 0', 'town-hall 0', 'backlog 1']);
    // At most five of one channel in a claim, however many it has due.
    expect(texts(await claim(100))).toEqual([
      'backlog 2',
      'town-hall 1',
      'backlog 3',
      'backlog 4',
      'backlog 5',
      'backlog 6',
    ]);
    // A channel the worker leaves out is not claimed.
    expect(await claim(100, [stranger.linkId])).toEqual([]);
    expect(texts(await claim(100))).toEqual([
      'backlog 7',
      'backlog 8',
      'backlog 9',
      'backlog 10',
      'backlog 11',
    ]);
  });

  it('leaves a channel whose posts another worker holds to it, until its lease runs out', async () => {
    const stranger = await seedTown(database, 'stranger-guild', 'Stranger');
    const townHall = await seedTown(database, 'town-hall-guild', 'Town Hall');
    const store = new PrismaStore(database.prisma);
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        ...announcements(stranger, 20, new Date(START.getTime() - 60_000), 'backlog'),
        ...announcements(townHall, 2, new Date(START.getTime() - 1_000), 'town-hall'),
      ]),
    );
    const leaseUntil = new Date(START.getTime() + 15_000);
    const claim = (workerId: string, limit: number, now = START) =>
      store.transaction(async (repos) => {
        const claimed = await repos.deliveries.claimDue({
          now,
          limit,
          workerId,
          leaseUntil,
          perDestination: 5,
        });
        return claimed.map((d) => d.payload.text);
      });

    expect(await claim('worker-a', 1)).toEqual(['backlog 0']);
    // worker-b gets the town hall's posts, none of the stranger's channel worker-a holds.
    expect(await claim('worker-b', 100)).toEqual(['town-hall 0', 'town-hall 1']);
    // worker-a itself goes on taking that channel's posts.
    expect(await claim('worker-a', 100)).toEqual([
      'backlog 1',
      'backlog 2',
      'backlog 3',
      'backlog 4',
      'backlog 5',
    ]);
    expect(await claim('worker-b', 100)).toEqual([]);
    // Every lease ran out (worker-a died): worker-b takes the expired claims over (its own
    // included), then that channel's next posts.
    const takenOver = await claim('worker-b', 100, new Date(leaseUntil.getTime() + 1));
    expect(takenOver.slice(0, 8).sort()).toEqual([
      ...['backlog 0', 'backlog 1', 'backlog 2', 'backlog 3', 'backlog 4', 'backlog 5'],
      ...['town-hall 0', 'town-hall 1'],
    ]);
    expect(takenOver.slice(8)).toEqual(['backlog 6', 'backlog 7', 'backlog 8', 'backlog 9', 'backlog 10']);
  });

  it('leaves a person whose direct messages another worker holds to it', async () => {
    const store = new PrismaStore(database.prisma);
    const [jana, max] = await store.transaction(async (repos) => {
      const community = await repos.communities.upsert('DISCORD', 'dm-guild', 'Guild');
      return [
        await repos.members.upsertIdentity(community.id, 'jana', 'Jana'),
        await repos.members.upsertIdentity(community.id, 'max', 'Max'),
      ];
    });
    const direct = (to: string, count: number): NewDelivery[] =>
      Array.from({ length: count }, (_, i) => ({
        dedupeKey: `notice:${to}-${i}`,
        kind: 'notice',
        sourceId: `${to}-${i}`,
        recipientMemberId: to === 'jana' ? jana.id : max.id,
        payload: { text: `${to} ${i}` },
        dueAt: new Date(START.getTime() - (to === 'jana' ? 10_000 : 5_000) + i),
      }));
    await store.transaction((repos) => repos.deliveries.enqueue([...direct('jana', 3), ...direct('max', 1)]));
    const claim = (workerId: string, limit: number) =>
      store.transaction(async (repos) => {
        const leaseUntil = new Date(START.getTime() + 15_000);
        const claimed = await repos.deliveries.claimDue({ now: START, limit, workerId, leaseUntil });
        return claimed.map((d) => d.payload.text);
      });
    expect(await claim('worker-a', 1)).toEqual(['jana 0']);
    expect(await claim('worker-b', 100)).toEqual(['max 0']);
    expect(await claim('worker-a', 100)).toEqual(['jana 1', 'jana 2']);
  });
});
