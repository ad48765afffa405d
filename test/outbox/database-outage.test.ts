/**
 * The database going away under the bot, on the local PostgreSQL: the bot's connections are
 * terminated (pg_terminate_backend from a second connection, at a point the test controls) while
 * a command or the outbox is in the middle of a transaction, or the server is not there at all.
 * Commands then answer a translated "try again in a moment" and write nothing, the pool
 * reconnects by itself, and a post that went out is recorded once the database answers again:
 * nothing lost, nothing sent twice.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandRoutes } from '../../src/command-routes.ts';
import { CommandBus } from '../../src/core/commands/command-bus.ts';
import type { CommandRequest } from '../../src/core/commands/invocation.ts';
import { DatabaseUnavailableError } from '../../src/core/errors.ts';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { Repositories, Store } from '../../src/core/ports.ts';
import { connectPostgres, type Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { TestClock } from '../console/console-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { driveUntilDone, ManualPacingTimer } from './manual-pacing-timer.ts';
import { enqueueFanOut, RecordingPoster, recordingLogger, seedTwinning } from './outbox-fixtures.ts';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Nothing listens there: a PostgreSQL that is down. */
const NOBODY_THERE = 'postgresql://postgres@127.0.0.1:1/postgres';
const START = new Date('2026-11-23T10:00:00Z');

/**
 * The real store; inside the next transaction, before its work, `beforeWork` runs once;
 * `beforeRecordingOutcomes` runs once inside the next transaction that records delivery outcomes,
 * before it does.
 */
class HookedStore implements Store {
  beforeWork: (() => Promise<void>) | undefined;
  beforeRecordingOutcomes: (() => Promise<void>) | undefined;
  constructor(private readonly inner: Store) {}

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.inner.transaction(async (repos) => {
      const hook = this.beforeWork;
      this.beforeWork = undefined;
      await hook?.();
      const deliveries = Object.create(repos.deliveries) as Repositories['deliveries'];
      deliveries.recordOutcomes = async (...args) => {
        const outcomesHook = this.beforeRecordingOutcomes;
        this.beforeRecordingOutcomes = undefined;
        await outcomesHook?.();
        return repos.deliveries.recordOutcomes(...args);
      };
      return work({ ...repos, deliveries });
    });
  }
}

const passau = (locale: string): CommandRequest => ({
  actor: {
    platform: 'CONSOLE',
    communityExternalId: 'passau',
    communityName: 'Passau',
    userId: 'max',
    displayName: 'Max',
    communityAdmin: true,
  },
  channel: { id: 'partnerstadt', name: 'partnerstadt' },
  locale,
  text: 'town register name:Passau country:DE timezone:Europe/Berlin language:de',
});

function busOn(store: Store, logger = recordingLogger()) {
  const clock = new TestClock(START);
  return new CommandBus({ store, clock, logger, recurrence: new CronRecurrence(), routes: commandRoutes });
}

describe('the database going away under the bot, on PostgreSQL', () => {
  let database: Database;
  let admin: pg.Client;
  let name: string;

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
    admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    const [row] = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    name = row?.name ?? '';
  });
  afterEach(async () => {
    await admin.end();
    await database.close();
  });

  /** Terminates every connection the bot holds to its database, and waits until they are gone. */
  async function terminateBotConnections(): Promise<number> {
    // The pids first (MATERIALIZED): a termination in the same WHERE as the filter could be
    // evaluated before it, on every connection of the shared server.
    const { rows } = await admin.query<{ pid: number }>(
      `WITH bot AS MATERIALIZED (
         SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid())
       SELECT pid, pg_terminate_backend(pid) AS terminated FROM bot`,
      [name],
    );
    const pids = rows.map((row) => row.pid);
    for (;;) {
      const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [pids]);
      if (left.rowCount === 0) return pids.length;
    }
  }

  it('fails the transaction whose connection was cut as DatabaseUnavailableError, and reconnects by itself', async () => {
    const store = new PrismaStore(database.prisma);
    let cut = 0;
    const cutMidway = store.transaction(async (repos) => {
      await repos.deliveries.countByStatus();
      cut = await terminateBotConnections();
      return repos.deliveries.countByStatus();
    });
    await expect(cutMidway).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(cut).toBeGreaterThan(0);
    expect(await store.transaction((repos) => repos.deliveries.countByStatus())).toEqual({});
  });

  it('answers a command caught by the cut in the member’s language, writes nothing, and takes the next one', async () => {
    const logger = recordingLogger();
    const store = new HookedStore(new PrismaStore(database.prisma));
    const bus = busOn(store, logger);
    store.beforeWork = async () => {
      await terminateBotConnections();
    };
    const refused = await bus.run(passau('de'));
    expect(refused.error).toEqual({ key: 'error.database-unavailable' });
    expect(refused.text.split('\n')[0]).toBe(
      'Die Datenbank ist gerade nicht erreichbar, deshalb wurde nichts ausgeführt. Bitte versuchen Sie es gleich noch einmal.',
    );
    expect(refused.text).toContain('name:Passau');
    expect(logger.entries.map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', 'command refused: the database is not reachable'],
    ]);
    expect(await database.prisma.town.count()).toBe(0);

    const registered = await bus.run(passau('de'));
    expect(registered.error).toBeUndefined();
    expect(await database.prisma.town.findMany({ select: { name: true } })).toEqual([{ name: 'Passau' }]);
  });

  it('answers at once, in Czech, when PostgreSQL is not there at all', async () => {
    const down = connectPostgres(NOBODY_THERE);
    try {
      const reply = await busOn(new PrismaStore(down.prisma)).run(passau('cs'));
      expect(reply.error).toEqual({ key: 'error.database-unavailable' });
      expect(reply.text.split('\n')[0]).toBe(
        'Databáze teď není dostupná, takže se nic neprovedlo. Zkuste to prosím za chvíli znovu.',
      );
    } finally {
      await down.close();
    }
  });

  it('records posts that went out while the connections were cut, once they come back: none sent twice', async () => {
    const twinning = await seedTwinning(database, { channels: 3 });
    const ids = await enqueueFanOut(database, twinning, { dueAt: START, text: 'Stadtfest am Samstag' });
    const clock = new TestClock(START);
    const store = new HookedStore(new PrismaStore(database.prisma));
    const poster = new RecordingPoster('DISCORD', () => {
      // The posts have gone out; the first write of their outcomes meets terminated connections.
      store.beforeRecordingOutcomes = async () => {
        await terminateBotConnections();
      };
      return { ok: true, platformMessageId: '' };
    });
    const logger = recordingLogger();
    // Waits between attempts (a quarter second, doubling) are wakes the test moves time to.
    const timer = new ManualPacingTimer(2_000);
    const worker = new DeliveryWorker(store, [poster], clock, logger, {
      workerId: 'worker-1',
      limits: { DISCORD: { concurrency: 8 } },
      retryWakeHorizonMs: 0,
      timer,
    });
    // The drain's next claim may meet a terminated connection too: logged, as on a tick.
    await driveUntilDone(timer, worker.drainDueLogged());
    expect(poster.calls).toHaveLength(3);
    // Long after any lease: nothing is claimed, nothing posted again.
    clock.set(new Date(START.getTime() + 10 * 60_000));
    await driveUntilDone(timer, worker.drainDueLogged());
    expect(poster.calls.map((call) => call.key).sort()).toEqual([...ids].sort());
    const rows = await database.prisma.delivery.findMany({ select: { status: true } });
    expect(rows).toEqual([{ status: 'SENT' }, { status: 'SENT' }, { status: 'SENT' }]);
    expect(logger.entries.map((entry) => entry.message)).toContain(
      'the database is not reachable; recording delivery outcomes again shortly',
    );
    await worker.stop();
  });
});
