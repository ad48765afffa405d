/** A scratch database on the benchmark's PostgreSQL server, dropped at the end, and the server itself. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs `work` on a connection to the server's maintenance database. */
export async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A new empty database on the server (twinbridge_bench_*), and how to drop it. */
export async function createScratch(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `twinbridge_bench_${randomBytes(5).toString('hex')}`;
  await onServer((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
