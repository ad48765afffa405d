/**
 * npm run bench:scheduler: the delivery engine against the same local PostgreSQL, in one run.
 *
 * 1. Drain race: 10,000 due no-op posts, each inserted in one statement, drained by this
 *    project's DeliveryWorker and by graphile-worker 0.17 (its batched configuration:
 *    localQueue.size 500, completeJobBatchDelay 0; logger silenced), alternating, several rounds.
 * 2. Claim time with 100,000 pending rows: one claim of a batch, as the worker makes it (and,
 *    for contrast, the single-OR claim query this project used before).
 * 3. Fan-out of one announcement to 1,000 (BENCH_CHANNELS) channels of the Discord emulator,
 *    which enforces Discord's 50 requests per second globally, through discord.js's REST client,
 *    with 150 ms added to each answer to stand for the round trip to Discord
 *    (bench/support/discord-fan-out.ts): one worker; three workers on the same database sharing
 *    the budget by themselves; three with a fixed third each (TWINBRIDGE_SEND_SHARE=0.333). The
 *    three run in this process, each with its own connection pool. Floor: channels / 50 s.
 *
 * Prints figures; asserts nothing.
 *
 *   npm run bench:scheduler
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_ROUNDS=5 npm run bench:scheduler
 *   BENCH_DELIVERIES=20000 BENCH_FANOUT_LATENCY_MS=0 npm run bench:scheduler
 *   BENCH_SECTIONS=3 BENCH_CHANNELS=200 npm run bench:scheduler     (the fan-outs alone)
 */
import { EventEmitter } from 'node:events';
import {
  Logger as GraphileLogger,
  run as runGraphileWorker,
  runMigrations as graphileMigrations,
} from 'graphile-worker';
import pg from 'pg';
import { DeliveryWorker } from '../src/core/outbox/delivery-worker.ts';
import { PLATFORM_SEND_LIMITS } from '../src/core/outbox/send-limits.ts';
import type { ChannelPoster, PostResult } from '../src/core/ports.ts';
import { connectPostgres, type Database } from '../src/db/open-database.ts';
import { PrismaStore } from '../src/db/prisma-store.ts';
import { applyMigrations } from '../src/db/schema-engine.ts';
import { systemClock } from '../src/main.ts';
import { seedTwinning } from '../test/outbox/outbox-fixtures.ts';
import { fanOut, silent } from './support/discord-fan-out.ts';
import { createScratch, onServer, SERVER_URL } from './support/scratch-database.ts';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PENDING_ROWS = 100_000;
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 1_000);
/** The sections to run (BENCH_SECTIONS=3 for the fan-outs alone); all by default. */
const SECTIONS = (process.env.BENCH_SECTIONS ?? '1,2,3').split(',').map((n) => n.trim());
const FANOUT_LATENCY_MS = Number(process.env.BENCH_FANOUT_LATENCY_MS ?? 150);
const DISCORD_GLOBAL_PER_SECOND = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// 1. Drain race

/** Due posts to the seeded channels, inserted in one statement. */
async function insertDue(database: Database, count: number, tag: string): Promise<void> {
  await database.prisma.$executeRawUnsafe('TRUNCATE "Delivery"');
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", "channelLinkId", payload, "dueAt", "updatedAt")
     SELECT gen_random_uuid()::text, '${tag}:' || i, 'announcement', '${tag}', links.ids[1 + i % array_length(links.ids, 1)],
            '{"text":"Jarmark na náměstí v sobotu"}'::jsonb,
            (now() AT TIME ZONE 'utc') - interval '1 minute' + i * interval '1 microsecond', now() AT TIME ZONE 'utc'
     FROM generate_series(1, ${count}) i, (SELECT array_agg(id) AS ids FROM "ChannelLink") links`,
  );
  await database.prisma.$executeRawUnsafe('ANALYZE "Delivery"');
}

/** A platform that accepts everything at once: only the engine is measured. */
class NoopPoster implements ChannelPoster {
  readonly platform = 'DISCORD' as const;
  post(): Promise<PostResult> {
    return Promise.resolve({ ok: true, platformMessageId: 'noop' });
  }
  sendDirect(): Promise<PostResult> {
    return this.post();
  }
  edit(): Promise<PostResult> {
    return this.post();
  }
  editDirect(): Promise<PostResult> {
    return this.post();
  }
  remove(): Promise<PostResult> {
    return this.post();
  }
  react(): Promise<PostResult> {
    return this.post();
  }
}

async function drainOurs(database: Database, round: number): Promise<number> {
  await insertDue(database, DELIVERIES, `race-${round}`);
  const worker = new DeliveryWorker(
    new PrismaStore(database.prisma),
    [new NoopPoster()],
    systemClock,
    silent,
    {
      workerId: `bench-${round}`,
      batchSize: 500,
      // Unpaced: the race measures the engine, not a platform's limits.
      limits: { DISCORD: { concurrency: 64 } },
      retryWakeHorizonMs: 0,
    },
  );
  const started = performance.now();
  const result = await worker.drainDue();
  const seconds = (performance.now() - started) / 1_000;
  await worker.stop();
  if (result.sent !== DELIVERIES) throw new Error(`drained ${result.sent} of ${DELIVERIES}`);
  return DELIVERIES / seconds;
}

async function drainGraphile(pool: pg.Pool): Promise<number> {
  await pool.query('DELETE FROM graphile_worker._private_jobs');
  await pool.query(
    `SELECT graphile_worker.add_jobs(array_agg(('noop', json_build_object('i', i), null, null, null, null, null, null)::graphile_worker.job_spec))
     FROM generate_series(1, $1::int) i`,
    [DELIVERIES],
  );
  await pool.query('ANALYZE graphile_worker._private_jobs');
  const events = new EventEmitter();
  let done = 0;
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  events.on('job:success', () => {
    if (++done === DELIVERIES) allDone();
  });
  const started = performance.now();
  const runner = await runGraphileWorker({
    pgPool: pool,
    concurrency: 10,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: new GraphileLogger(() => () => undefined),
    events,
    taskList: { noop: () => Promise.resolve() },
    preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0 } },
  });
  await finished;
  // Drained means recorded: stop() writes the last completions.
  await runner.stop();
  const seconds = (performance.now() - started) / 1_000;
  const left = await pool.query<{ n: string }>('SELECT count(*) AS n FROM graphile_worker._private_jobs');
  if (Number(left.rows[0]?.n) !== 0) throw new Error(`graphile-worker left ${left.rows[0]?.n} jobs`);
  return DELIVERIES / seconds;
}

// ---------------------------------------------------------------------------------------------
// 2. Claiming with 100,000 pending rows

const LEGACY_CLAIM = `
  UPDATE "Delivery" SET status = 'SENDING', "leaseUntil" = $1, "claimedBy" = 'legacy', attempts = attempts + 1, "updatedAt" = $2
  WHERE id IN (
    SELECT id FROM "Delivery"
    WHERE (status = 'PENDING' AND "dueAt" <= $2) OR (status = 'SENDING' AND "leaseUntil" < $2)
    ORDER BY "dueAt", "createdAt" LIMIT $3
    FOR UPDATE SKIP LOCKED)
  RETURNING id`;

async function claimTimes(database: Database, url: string) {
  await insertDue(database, PENDING_ROWS, 'claim');
  const store = new PrismaStore(database.prisma);
  const results: { batch: number; p50: number; p95: number; legacy: number }[] = [];
  for (const batch of [100, 500]) {
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const now = new Date();
      const started = performance.now();
      const claimed = await store.transaction((repos) =>
        repos.deliveries.claimDue({
          now,
          limit: batch,
          workerId: 'bench',
          leaseUntil: new Date(now.getTime() + 60_000),
        }),
      );
      times.push(performance.now() - started);
      if (claimed.length !== batch) throw new Error(`claimed ${claimed.length} of ${batch}`);
    }
    // The query this project used before, for contrast (rolled back each time).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const legacy: number[] = [];
    for (let i = 0; i < 5; i++) {
      await client.query('BEGIN');
      const started = performance.now();
      const utcNow = new Date().toISOString().replace('Z', '');
      await client.query(LEGACY_CLAIM, [utcNow, utcNow, batch]);
      legacy.push(performance.now() - started);
      await client.query('ROLLBACK');
    }
    await client.end();
    results.push({
      batch,
      p50: median(times.slice(5)),
      p95: percentile(times.slice(5), 95),
      legacy: median(legacy),
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const scratch = await createScratch();
  const database = connectPostgres(scratch.url);
  const pool = new pg.Pool({ connectionString: scratch.url, max: 10 });
  pool.on('error', (error) => console.error('graphile-worker pool:', error.message));
  pool.on('connect', (client) =>
    client.on('error', (error) => console.error('graphile-worker client:', error.message)),
  );
  try {
    await applyMigrations({ kind: 'postgres', url: scratch.url });
    await graphileMigrations({ pgPool: pool, logger: new GraphileLogger(() => () => undefined) });
    const twinning = await seedTwinning(database, { channels: CHANNELS });
    const server = await onServer(
      async (admin) =>
        (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version,
    );
    console.log(
      `Delivery engine benchmark · PostgreSQL ${server ?? '?'} at ${new URL(SERVER_URL).host} (scratch database)`,
    );
    console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);

    if (SECTIONS.includes('1')) {
      // Warm both up once (connection pools, JIT), outside the figures.
      await drainOurs(database, 0);
      await drainGraphile(pool);

      console.log(
        `1. Drain race: ${fmt(DELIVERIES)} due no-op posts, ${ROUNDS} alternating rounds (deliveries per second)`,
      );
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        ours.push(await drainOurs(database, round));
        theirs.push(await drainGraphile(pool));
        console.log(
          `   round ${round}: Twinbridge DeliveryWorker ${fmt(ours.at(-1)!)} · graphile-worker (batched) ${fmt(theirs.at(-1)!)}`,
        );
      }
      const [a, b] = [median(ours), median(theirs)];
      console.log(
        `   median:  Twinbridge ${fmt(a)}/s · graphile-worker ${fmt(b)}/s · ratio ${fmt(a / b, 2)} (Twinbridge / graphile-worker)\n`,
      );
    }
    if (SECTIONS.includes('2')) {
      console.log(
        `2. Claiming due work with ${fmt(PENDING_ROWS)} pending rows (ms per claim, one transaction)`,
      );
      for (const r of await claimTimes(database, scratch.url)) {
        console.log(
          `   batch of ${r.batch}: p50 ${fmt(r.p50, 1)} ms · p95 ${fmt(r.p95, 1)} ms   (previous single-OR query: ${fmt(r.legacy, 1)} ms)`,
        );
      }
      console.log('');
    }
    if (SECTIONS.includes('3')) {
      console.log(
        `3. Fan-out of one announcement to ${fmt(CHANNELS)} Discord channels (emulator enforcing ${DISCORD_GLOBAL_PER_SECOND} requests/s; ${FANOUT_LATENCY_MS} ms round trip)`,
      );
      const floor = CHANNELS / DISCORD_GLOBAL_PER_SECOND;
      const runs = [
        { label: 'one worker', workers: 1, budget: 'shared' },
        { label: 'three workers, shared budget', workers: 3, budget: 'shared' },
        { label: 'three workers, a fixed third each', workers: 3, budget: 'fixed' },
      ] as const;
      for (const { label, workers, budget } of runs) {
        const f = await fanOut({
          ...{ database, url: scratch.url, twinning, workers, budget },
          latencyMs: FANOUT_LATENCY_MS,
          globalPerSecond: DISCORD_GLOBAL_PER_SECOND,
        });
        console.log(
          `   ${label}: ${fmt(f.messages)} of ${fmt(f.queued)} posted in ${fmt(f.seconds, 1)} s · floor ${fmt(floor, 1)} s · ${fmt(f.seconds / floor, 2)} × floor`,
        );
        console.log(
          `     ${fmt(f.requests)} requests, ${fmt(f.rateLimited)} answered 429, ${fmt(f.retried)} rescheduled, busiest second ${f.busiestSecond} requests`,
        );
      }
      console.log(
        `   one at a time would take ${fmt((CHANNELS * FANOUT_LATENCY_MS) / 1_000)} s or more; pace per platform: ${JSON.stringify(PLATFORM_SEND_LIMITS.DISCORD)}`,
      );
    }
  } finally {
    await pool.end();
    await database.close();
    await scratch.drop();
  }
}

await main();
