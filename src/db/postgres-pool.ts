/**
 * The connection pool behind Prisma on PostgreSQL, owned here rather than by the adapter so that
 * closing waits until every connection has really ended. pg's Pool.end() resolves as soon as it
 * has *asked* its connections to end; a database dropped or restarted in that moment then sends
 * the closing connection an error (57P01) that nobody is left to handle.
 */
import pg from 'pg';

export interface OwnedPool {
  readonly pool: pg.Pool;
  /** Resolves once the pool has ended and each of its connections has closed. */
  ended(): Promise<void>;
}

export function ownedPool(config: pg.PoolConfig): OwnedPool {
  const pool = new pg.Pool(config);
  // An idle connection the server ended (a restart, pg_terminate_backend) leaves the pool and is
  // replaced at the next query; a statement that was running on it fails on its own.
  pool.on('error', () => undefined);
  let open = 0;
  let allClosed: (() => void) | undefined;
  pool.on('connect', () => (open += 1));
  pool.on('remove', () => {
    open -= 1;
    if (open === 0) allClosed?.();
  });
  return {
    pool,
    ended: async () => {
      const closed = open === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
      if (!pool.ended && !pool.ending) await pool.end();
      await closed;
    },
  };
}
