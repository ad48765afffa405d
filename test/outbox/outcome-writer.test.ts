/**
 * The outcome writer on both databases: outcomes of one turn go out in one statement, those
 * that come while a batch is being written go in the next, a failed write is logged and the
 * writer goes on, and no statement carries more than 1,000 outcomes.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutcomeWriter } from '../../src/core/outbox/outcome-writer.ts';
import type { DeliveryOutcome, DeliveryRepository, Repositories, Store } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';
import { enqueueFanOut, recordingLogger, seedTwinning } from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');
const WORKER = 'writer';

/** The real store, watching each recordOutcomes: what it carries, and when it may go on. */
class WatchedStore implements Store {
  /** The delivery ids of each write, in order. */
  readonly writes: string[][] = [];
  /** While set, a write waits for it before reaching the database. */
  hold: Promise<void> | undefined;
  failNextWrite = false;
  private writeStarted: (() => void) | undefined;

  constructor(private readonly inner: Store) {}

  /** Resolves when the next write begins. */
  nextWrite(): Promise<void> {
    return new Promise((resolve) => (this.writeStarted = resolve));
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.inner.transaction((repos) => work({ ...repos, deliveries: this.watch(repos.deliveries) }));
  }

  private watch(real: DeliveryRepository): DeliveryRepository {
    const watched = Object.create(real) as DeliveryRepository;
    watched.recordOutcomes = async (workerId: string, outcomes: DeliveryOutcome[], at: Date) => {
      this.writes.push(outcomes.map((o) => o.id));
      this.writeStarted?.();
      await this.hold;
      if (this.failNextWrite) {
        this.failNextWrite = false;
        throw new Error('connection lost');
      }
      return real.recordOutcomes(workerId, outcomes, at);
    };
    return watched;
  }
}

describe.each(DATABASE_KINDS)('the outcome writer on %s', (kind) => {
  let database: Database;
  let store: WatchedStore;
  let logger: ReturnType<typeof recordingLogger>;
  let writer: OutcomeWriter;
  /** Three deliveries claimed by WORKER. */
  let ids: string[];

  const row = (id: string) => database.prisma.delivery.findUniqueOrThrow({ where: { id } });
  const sent = (id: string): DeliveryOutcome => ({
    id,
    outcome: 'sent',
    platformMessageId: `m-${id}`,
    at: START,
  });

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const prismaStore = new PrismaStore(database.prisma);
    ids = await enqueueFanOut(database, await seedTwinning(database), { dueAt: START });
    await prismaStore.transaction((repos) =>
      repos.deliveries.claimDue({
        now: START,
        limit: 10,
        workerId: WORKER,
        leaseUntil: new Date(START.getTime() + 60_000),
      }),
    );
    store = new WatchedStore(prismaStore);
    logger = recordingLogger();
    writer = new OutcomeWriter(store, WORKER, new TestClock(START), logger);
  });

  afterEach(() => database.close());

  it('writes the outcomes added in one turn in one statement, each as what it is', async () => {
    const [a, b, c] = ids as [string, string, string];
    const retryAt = new Date(START.getTime() + 4_000);
    writer.add(sent(a));
    writer.add({ id: b, outcome: 'retry', retryAt, error: '503 Service Unavailable' });
    writer.add({ id: c, outcome: 'released' });
    await writer.flushed();

    expect(store.writes).toEqual([[a, b, c]]);
    expect(await row(a)).toMatchObject({ status: 'SENT', platformMessageId: `m-${a}`, leaseUntil: null });
    expect(await row(b)).toMatchObject({
      status: 'PENDING',
      dueAt: retryAt,
      lastError: '503 Service Unavailable',
    });
    expect(await row(c)).toMatchObject({ status: 'PENDING', attempts: 0, leaseUntil: null });
  });

  it('collects what comes while a batch is being written into the next, and flushed() waits for both', async () => {
    const [a, b, c] = ids as [string, string, string];
    let release!: () => void;
    store.hold = new Promise((resolve) => (release = resolve));
    const writing = store.nextWrite();
    writer.add(sent(a));
    await writing;
    writer.add(sent(b));
    writer.add(sent(c));
    let flushed = false;
    const flushing = writer.flushed().then(() => (flushed = true));
    await Promise.resolve();
    expect(flushed).toBe(false);

    store.hold = undefined;
    release();
    await flushing;
    expect(store.writes).toEqual([[a], [b, c]]);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'SENT' });
  });

  it('logs a write that fails and goes on with the next; the failed one keeps its claim until the lease runs out', async () => {
    const [a, b] = ids as [string, string];
    store.failNextWrite = true;
    writer.add(sent(a));
    await writer.flushed();
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'could not record delivery outcomes; they are tried again once their leases run out',
        details: expect.objectContaining({ worker: WORKER, deliveries: 1 }) as object,
      },
    ]);
    expect(await row(a)).toMatchObject({ status: 'SENDING', claimedBy: WORKER });

    writer.add(sent(b));
    await writer.flushed();
    expect(await row(b)).toMatchObject({ status: 'SENT' });
  });

  it('puts at most 1,000 outcomes in one statement', async () => {
    const unknown = Array.from({ length: 998 }, () => randomUUID());
    for (const id of [...ids, ...unknown]) writer.add({ id, outcome: 'released' });
    await writer.flushed();
    expect(store.writes.map((write) => write.length)).toEqual([1_000, 1]);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'PENDING', leaseUntil: null });
  });
});
