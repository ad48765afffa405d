/**
 * A drain waits for what is due when it is asked for, on both databases: a drain asked for while
 * the one under way writes its last outcomes still posts what was queued before the ask (issue
 * 13: a Discord set-up's card was missing after its drain on PostgreSQL).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { DeliveryRepository, Repositories, Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import {
  enqueueFanOut,
  recordingLogger,
  RecordingPoster,
  seededOutbox,
  workerOnTestClock,
  type Twinning,
} from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');

/** The real store, telling the test about the worker's claims and outcome writes as they happen. */
class WatchedStore implements Store {
  /** Called once a claim that found nothing has committed. */
  onEmptyClaim = (): void => undefined;
  /** Called inside the transaction that writes outcomes, before they are written. */
  onRecordOutcomes = (_repos: Repositories): Promise<void> => Promise.resolve();

  constructor(private readonly inner: Store) {}

  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    let foundNothing = false;
    const result = await this.inner.transaction((repos) => {
      const real = repos.deliveries;
      const deliveries: DeliveryRepository = Object.assign(Object.create(real) as DeliveryRepository, {
        claimDue: async (options: Parameters<DeliveryRepository['claimDue']>[0]) => {
          const claimed = await real.claimDue(options);
          foundNothing = claimed.length === 0;
          return claimed;
        },
        recordOutcomes: async (...args: Parameters<DeliveryRepository['recordOutcomes']>) => {
          await this.onRecordOutcomes(repos);
          return real.recordOutcomes(...args);
        },
      });
      return work({ ...repos, deliveries });
    });
    if (foundNothing) this.onEmptyClaim();
    return result;
  }
}

describe.each(DATABASE_KINDS)('what a drain waits for, on %s', (kind) => {
  let database: Database;
  let store: WatchedStore;
  let twinning: Twinning;
  let clock: TestClock;
  let worker: DeliveryWorker | undefined;

  beforeEach(async () => {
    const seeded = await seededOutbox(kind);
    ({ database, twinning } = seeded);
    store = new WatchedStore(seeded.store);
    clock = new TestClock(START);
  });

  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await database.close();
  });

  it('posts what was queued when a drain is asked for while the last outcomes are written', async () => {
    const [first, second] = twinning.links;
    await enqueueFanOut(database, { ...twinning, links: [first!] }, { dueAt: START, text: 'first' });
    // The post is answered only once the drain has looked for more and found nothing: its
    // outcome is then the last thing the drain writes.
    let nothingMore = (): void => undefined;
    const drainFoundNothing = new Promise<void>((resolve) => (nothingMore = resolve));
    store.onEmptyClaim = () => nothingMore();
    const poster = new RecordingPoster('DISCORD', async () => {
      await drainFoundNothing;
      return { ok: true, platformMessageId: '' };
    });
    worker = workerOnTestClock(store, poster, clock, recordingLogger());
    let askedAgain: Promise<unknown> | undefined;
    store.onRecordOutcomes = async (repos) => {
      if (askedAgain) return;
      // As a command does: a post queued (committed with this write), then the worker woken.
      await repos.deliveries.enqueue([
        {
          dedupeKey: 'announcement:second',
          kind: 'announcement',
          sourceId: 'second',
          channelLinkId: second!.id,
          payload: { text: 'second' },
          dueAt: START,
        },
      ]);
      askedAgain = worker!.drainDue();
    };

    await worker.drainDue();
    expect(askedAgain).toBeDefined();
    await askedAgain;
    expect(poster.calls.map((call) => call.message.text)).toEqual(['first', 'second']);
  });
});
