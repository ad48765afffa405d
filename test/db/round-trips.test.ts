/**
 * The round-trip counter at Prisma's driver adapter (src/db/round-trips.ts), on both engines: each
 * statement is one, a transaction's BEGIN and its COMMIT or ROLLBACK one each, whichever way the
 * adapter sends them (pg: as statements; PGlite: inside its own transaction call).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { countRoundTrips } from '../../src/db/round-trips.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

describe.each(DATABASE_KINDS)('database round trips counted on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('counts a statement outside a transaction as one', async () => {
    const { roundTrips } = await countRoundTrips(() => database.prisma.community.count());
    expect(roundTrips).toBe(1);
  });

  it('counts BEGIN, each statement and COMMIT of a transaction', async () => {
    const { result, roundTrips } = await countRoundTrips(() =>
      database.prisma.$transaction(async (tx) => {
        await tx.community.create({ data: { platform: 'CONSOLE', externalId: 'krumlov', name: 'krumlov' } });
        return tx.community.count();
      }),
    );
    expect(result).toBe(1);
    expect(roundTrips).toBe(4);
  });

  it('counts the ROLLBACK of a transaction that failed', async () => {
    let roundTrips = -1;
    const store = new PrismaStore(database.prisma, { onRoundTrips: (count) => (roundTrips = count) });
    await expect(
      store.transaction(async (repos) => {
        await repos.communities.findByExternalId('CONSOLE', 'krumlov');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(roundTrips).toBe(3);
  });

  it('tells a store each transaction’s own round trips, not those of work running beside it', async () => {
    const counts: number[] = [];
    const store = new PrismaStore(database.prisma, { onRoundTrips: (count) => counts.push(count) });
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A statement made while the store's transaction is open, outside it, is not the store's.
    const transaction = store.transaction(async (repos) => {
      await repos.communities.findByExternalId('CONSOLE', 'krumlov');
      await held;
      return repos.communities.findByExternalId('CONSOLE', 'passau');
    });
    const beside = countRoundTrips(async () => {
      if (kind === 'postgres') await database.prisma.community.count();
      release();
    });
    await Promise.all([transaction, beside]);
    expect(counts).toEqual([4]);
    expect((await beside).roundTrips).toBe(kind === 'postgres' ? 1 : 0);
  });
});
