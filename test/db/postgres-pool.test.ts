/**
 * The PostgreSQL pool behind Prisma: closing waits until each connection has really closed (a
 * database dropped right after, as every postgres test does, must find nobody to terminate), and a
 * connection the server ends while idle is replaced without an unhandled error.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownedPool, type OwnedPool } from '../../src/db/postgres-pool.ts';
import { createScratchDatabase, DATABASE_KINDS, type ScratchDatabase } from '../support/test-database.ts';

describe.runIf(DATABASE_KINDS.includes('postgres'))('the owned PostgreSQL pool', () => {
  let scratch: ScratchDatabase;
  let owned: OwnedPool;
  const closed: pg.Client[] = [];
  let onClose = () => undefined as void;
  /** Resolves once `count` connections have closed. */
  const closedCount = (count: number) =>
    new Promise<void>((resolve) => {
      onClose = () => void (closed.length >= count && resolve());
      onClose();
    });

  beforeEach(async () => {
    scratch = await createScratchDatabase();
    owned = ownedPool({ connectionString: scratch.url, max: 4 });
    owned.pool.on('connect', (client) =>
      client.on('end', () => {
        closed.push(client);
        onClose();
      }),
    );
  });
  afterEach(async () => {
    await owned.ended();
    await scratch.drop();
    closed.length = 0;
  });

  /** Four connections checked out at once, so the pool holds four, then all idle. */
  const busy = async () => {
    const clients = await Promise.all([1, 2, 3, 4].map(() => owned.pool.connect()));
    for (const client of clients) client.release();
  };

  it('resolves ended() only once every connection has closed', async () => {
    await busy();
    expect(owned.pool.totalCount).toBe(4);
    await owned.ended();
    expect(closed).toHaveLength(4);
  });

  it('replaces an idle connection the server terminated, with no unhandled error', async () => {
    await busy();
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    const { rows } = await admin.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(rows.filter((r) => r.terminated)).toHaveLength(4);
    // Each terminated connection has left the pool (its 'end'), and the next query opens a new one.
    await closedCount(4);
    expect((await owned.pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
