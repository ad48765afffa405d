/**
 * Database round trips, counted where they happen: at Prisma's driver adapter, the one door every
 * statement goes through on both engines (pg's pool for PostgreSQL, PGlite's query path for the
 * embedded database). A transaction's BEGIN and COMMIT count too, however the adapter sends them.
 *
 * Round trips are counted for the tally of the async context that made them (`countRoundTrips`).
 * A transaction belongs to the tally that started it, so work it wakes (the outbox drain a
 * command starts) is counted where its own transactions start, not in the command's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

interface Tally {
  count: number;
}

const currentTally = new AsyncLocalStorage<Tally>();

/** Runs `work` and returns how many round trips it made, besides what it returned. */
export async function countRoundTrips<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  let roundTrips = 0;
  const result = await reportingRoundTrips(work, (count) => (roundTrips = count));
  return { result, roundTrips };
}

/** Runs `work` and tells `report` how many round trips it made, whether it succeeded or failed. */
export async function reportingRoundTrips<T>(
  work: () => Promise<T>,
  report: ((roundTrips: number) => void) | undefined,
): Promise<T> {
  if (!report) return work();
  const tally: Tally = { count: 0 };
  try {
    return await currentTally.run(tally, () => settled(work));
  } finally {
    report(tally.count);
  }
}

/** Awaited inside the context: Prisma's queries are lazy and start only when awaited. */
async function settled<T>(work: () => Promise<T>): Promise<T> {
  return await work();
}

function countOne(tally: Tally | undefined): void {
  if (tally) tally.count += 1;
}

/** Calls of these send one statement each. */
const STATEMENTS = new Set<PropertyKey>([
  'queryRaw',
  'executeRaw',
  'createSavepoint',
  'rollbackToSavepoint',
  'releaseSavepoint',
]);

/** `target`'s methods, with `counted` ones counting a round trip before they run. */
function countingProxy<T extends object>(
  target: T,
  counted: (name: PropertyKey) => Tally | undefined | null,
): T {
  return new Proxy(target, {
    get(object, name) {
      const value: unknown = Reflect.get(object, name, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const tally = counted(name);
        if (tally) countOne(tally);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

function countingTransaction(transaction: Transaction, tally: Tally | undefined): Transaction {
  // With a "phantom" BEGIN/COMMIT (PGlite) the adapter sends them itself in commit and rollback;
  // otherwise (pg) Prisma sends COMMIT and ROLLBACK as statements and commit() only releases.
  const ends = transaction.options.usePhantomQuery ? ['commit', 'rollback'] : [];
  return countingProxy(transaction, (name) =>
    STATEMENTS.has(name) || ends.includes(String(name)) ? tally : null,
  );
}

function countingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const counted = countingProxy(adapter, (name) =>
    STATEMENTS.has(name) || name === 'executeScript' ? currentTally.getStore() : null,
  );
  return new Proxy(counted, {
    get(object, name) {
      if (name !== 'startTransaction') return Reflect.get(object, name, object) as unknown;
      return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
        const tally = currentTally.getStore();
        // BEGIN, and SET TRANSACTION when an isolation level is asked for.
        countOne(tally);
        if (args[0] !== undefined) countOne(tally);
        return countingTransaction(await adapter.startTransaction(...args), tally);
      };
    },
  });
}

/** The driver adapter `factory` makes, counting every round trip its connections make. */
export function roundTripCounting<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, name) {
      const value: unknown = Reflect.get(object, name, object);
      if (name !== 'connect' && name !== 'connectToShadowDb') return value;
      return async () => countingAdapter(await (value as () => Promise<SqlDriverAdapter>).call(object));
    },
  });
}
