/**
 * What the benchmarks share: percentiles, and a scratch database on the PostgreSQL server that is
 * dropped afterwards.
 */
import pg from 'pg';

export const BENCH_SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The value below which p % of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `work` on a new database of the server, dropped afterwards whatever happens. */
export async function withServerDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `twinbridge_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The bot on the console and a data directory of its own, as `npm start` runs it by default. */
export function consoleBotEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TWINBRIDGE_DATA_DIR: dataDir,
    TWINBRIDGE_CONSOLE: 'on',
    TWINBRIDGE_HTTP_PORT: 'off',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
}
