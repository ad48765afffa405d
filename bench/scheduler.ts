/**
 * npm run bench:scheduler: the delivery engine against the same local PostgreSQL, in one run.
 *
 * 1. Drain race: 10,000 due no-op posts, each inserted in one statement, drained by this
 *    project's DeliveryWorker and by graphile-worker 0.17 (its batched configuration:
 *    localQueue.size 500, completeJobBatchDelay 0; logger silenced), alternating, several rounds.
 * 2. Claim time with 100,000 pending rows: one claim of a batch, as the worker makes it (and,
 *    for contrast, the single-OR claim query this project used before).
 * 3. Fan-out of one announcement to 1,000 channels of the Discord emulator, which enforces
 *    Discord's 50 requests per second globally, through discord.js's REST client, with 150 ms
 *    added to each answer to stand for the round trip to Discord. Floor: 1,000 / 50 = 20 s.
 *
 * Prints figures; asserts nothing.
 *
 *   npm run bench:scheduler
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres BENCH_ROUNDS=5 npm run bench:scheduler
 *   BENCH_DELIVERIES=20000 BENCH_FANOUT_LATENCY_MS=0 npm run bench:scheduler
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Logger as GraphileLogger,
  run as runGraphileWorker,
  runMigrations as graphileMigrations,
} from 'graphile-worker';
import pg from 'pg';
import { DeliveryWorker } from '../src/core/outbox/delivery-worker.ts';
import { PLATFORM_SEND_LIMITS } from '../src/core/outbox/send-limits.ts';
import type { ChannelPoster, Logger, PostResult } from '../src/core/ports.ts';
import { enqueueFanOut as enqueuePartnershipFanOut } from '../src/core/services/fan-out.ts';
import { translate } from '../src/core/i18n/translator.ts';
import { connectPostgres, type Database } from '../src/db/open-database.ts';
import { PrismaStore } from '../src/db/prisma-store.ts';
import { applyMigrations } from '../src/db/schema-engine.ts';
import { systemClock } from '../src/main.ts';
import { REST } from 'discord.js';
import {
  DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS,
  discordRestOptions,
  DiscordPoster,
} from '../src/adapters/discord/discord-poster.ts';
import { DiscordEmulator } from '../test/emulators/discord/discord-emulator.ts';
import { seedTwinning, type Twinning } from '../test/outbox/outbox-fixtures.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PENDING_ROWS = 100_000;
const CHANNELS = 1_000;
const FANOUT_LATENCY_MS = Number(process.env.BENCH_FANOUT_LATENCY_MS ?? 150);
const DISCORD_GLOBAL_PER_SECOND = 50;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

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
// A scratch database on the server, migrated, dropped at the end.

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function createScratch(): Promise<{ url: string; drop: () => Promise<void> }> {
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
// 3. Fan-out to 1,000 Discord channels under Discord's limits

/**
 * The Discord REST poster with a fixed delay added to each answer, standing for the round trip
 * to Discord: the request reaches the emulator when it leaves, and the send slot stays taken
 * for the whole round trip.
 */
function withRoundTrip(poster: ChannelPoster, ms: number): ChannelPoster {
  const slow = async <T>(work: () => Promise<T>) => {
    const result = await work();
    if (ms > 0) await sleep(ms);
    return result;
  };
  return {
    platform: poster.platform,
    post: (target, message, key) => slow(() => poster.post(target, message, key)),
    sendDirect: (target, message, key) => slow(() => poster.sendDirect(target, message, key)),
    edit: (target, id, message) => slow(() => poster.edit(target, id, message)),
    editDirect: (target, id, message) => slow(() => poster.editDirect(target, id, message)),
    remove: (target, id) => slow(() => poster.remove(target, id)),
    react: (target, id, reactions) => slow(() => poster.react(target, id, reactions)),
  };
}

async function fanOut(database: Database, twinning: Twinning) {
  await database.prisma.$executeRawUnsafe('TRUNCATE "Delivery"');
  const emulator = await DiscordEmulator.start({
    guilds: [
      {
        name: 'Krumlov',
        channels: twinning.links.map((link) => ({ id: link.channelId, name: link.channelName })),
      },
    ],
    globalRateLimit: DISCORD_GLOBAL_PER_SECOND,
  });
  try {
    const store = new PrismaStore(database.prisma);
    const now = new Date();
    // The real announcement path: one outbox row per linked channel, rendered in its language.
    const queued = await store.transaction((repos) =>
      enqueuePartnershipFanOut(repos, {
        partnershipId: twinning.partnershipId,
        kind: 'announcement',
        sourceId: 'bench-announcement',
        occasion: 'once',
        dueAt: now,
        render: ({ language }) => ({
          text: translate(language, 'partner.joined-post', {
            town: 'Passau',
            country: 'DE',
            name: 'Krumlov – Passau',
          }),
        }),
      }),
    );
    // The Discord adapter's own poster and REST settings, without the gateway.
    const rest = new REST(
      discordRestOptions({
        apiUrl: emulator.apiUrl,
        maxInlineRateLimitWaitMs: DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS,
      }),
    ).setToken('bench-token');
    const poster = withRoundTrip(new DiscordPoster(rest, silent), FANOUT_LATENCY_MS);
    // Default limits: Discord's 50 requests per second, per-channel buckets, 25 in flight.
    const worker = new DeliveryWorker(store, [poster], systemClock, silent, { workerId: 'bench-fanout' });
    const started = performance.now();
    let retried = (await worker.drainDue()).retried;
    // Anything given back for pace or rescheduled after a refusal is drained again until all is sent.
    while ((await store.transaction((repos) => repos.deliveries.countByStatus())).SENT !== queued) {
      await sleep(20);
      retried += (await worker.drainDue()).retried;
    }
    const seconds = (performance.now() - started) / 1_000;
    await worker.stop();
    const posts = emulator.requests({ method: 'POST', route: '/channels/:channel_id/messages' });
    const arrivals = posts.map((r) => r.at).sort((a, b) => a - b);

    let busiestSecond = 0;
    for (let i = 0, j = 0; j < arrivals.length; j++) {
      while ((arrivals[j] ?? 0) - (arrivals[i] ?? 0) >= 1_000) i++;
      busiestSecond = Math.max(busiestSecond, j - i + 1);
    }
    return {
      queued,
      seconds,
      messages: emulator.messages().length,
      requests: posts.length,
      rateLimited: posts.filter((r) => r.status === 429).length,
      busiestSecond,
      retried,
    };
  } finally {
    await emulator.stop();
  }
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

    console.log(
      `2. Claiming due work with ${fmt(PENDING_ROWS)} pending rows (ms per claim, one transaction)`,
    );
    for (const r of await claimTimes(database, scratch.url)) {
      console.log(
        `   batch of ${r.batch}: p50 ${fmt(r.p50, 1)} ms · p95 ${fmt(r.p95, 1)} ms   (previous single-OR query: ${fmt(r.legacy, 1)} ms)`,
      );
    }
    console.log('');

    console.log(
      `3. Fan-out of one announcement to ${fmt(CHANNELS)} Discord channels (emulator enforcing ${DISCORD_GLOBAL_PER_SECOND} requests/s; ${FANOUT_LATENCY_MS} ms round trip)`,
    );
    const f = await fanOut(database, twinning);
    const floor = CHANNELS / DISCORD_GLOBAL_PER_SECOND;
    console.log(
      `   ${fmt(f.messages)} of ${fmt(f.queued)} posted in ${fmt(f.seconds, 1)} s · floor ${fmt(floor)} s · ${fmt(f.seconds / floor, 2)} × floor`,
    );
    console.log(
      `   ${fmt(f.requests)} requests, ${fmt(f.rateLimited)} answered 429, ${fmt(f.retried)} rescheduled, busiest second ${f.busiestSecond} requests; ` +
        `one at a time would take ${fmt((CHANNELS * FANOUT_LATENCY_MS) / 1_000)} s or more`,
    );
    console.log(`   pace per platform: ${JSON.stringify(PLATFORM_SEND_LIMITS.DISCORD)}`);
  } finally {
    await pool.end();
    await database.close();
    await scratch.drop();
  }
}

await main();
