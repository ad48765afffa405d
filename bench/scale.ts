/**
 * npm run bench:scale: a simulated Europe (issue 13) on a scratch database of the local PostgreSQL.
 *
 * 20,000 towns (one Discord guild or Slack workspace each, 3 in 5 on Discord), 40,000
 * partnerships, 100,000 linked channels (relay off), 80,000 upcoming exchanges and 1,000,000
 * delivery rows of history, seeded in SQL. Then Monday 09:00's digests, all due at once: the
 * clock stands at Monday 09:00 UTC, 09:00 in London, Dublin and Lisbon, the last of the towns'
 * Europe/* zones to reach 09:00, so every partnership's digest (planned for 09:00 in its own
 * zone) is due at that one instant — as after a restart at 09:00 UTC.
 *
 * 1. Seed (seconds per table). 2. Plan: the real weekly digest job (sendDueDigests, as the
 * scheduler calls it, JOB_BATCH_LIMIT partnerships per call) until nothing is due: wall time,
 * round trips, rows queued, and the statements of the first batch by time spent. 3. Claim: a
 * batch as the DeliveryWorker claims it (its default batchSize and perDestination), ~25 times,
 * rolled back: p50/p95, and EXPLAIN ANALYZE of its slowest statement (--explain prints it whole).
 * 4. Drain: a sample of the digests (--drain N, or all) by three workers sharing the budget,
 * against simulated platforms enforcing Discord's and Slack's limits with a fixed round trip
 * (bench/support/scale-platforms.ts): time, floor, 429s. 5. Memory per phase, sampled each second.
 * Throws when a phase does not do what it should.
 *
 *   npm run bench:scale
 *   npm run bench:scale -- --scale 0.05 --drain 500     (a small world while developing)
 *   npm run bench:scale -- --drain all --explain
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DELIVERY_WORKER_DEFAULTS } from '../src/core/outbox/delivery-worker-options.ts';
import { JOB_BATCH_LIMIT, type JobDependencies } from '../src/core/jobs/job-dependencies.ts';
import { sendDueDigests } from '../src/core/jobs/weekly-digest.ts';
import type { Logger } from '../src/core/ports.ts';
import { connectPostgres } from '../src/db/open-database.ts';
import { PrismaStore } from '../src/db/prisma-store.ts';
import { countRoundTrips } from '../src/db/round-trips.ts';
import { applyMigrations } from '../src/db/schema-engine.ts';
import { CronRecurrence } from '../src/scheduler/cron-recurrence.ts';
import { createScratch, onServer } from './support/scratch-database.ts';
import { drainSample } from './support/scale-drain.ts';
import {
  captureStatements,
  explainAnalyze,
  fmt,
  MemorySampler,
  percentile,
} from './support/scale-measure.ts';
import { countWorld, seedWorld, worldSize } from './support/scale-seed.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    drain: { type: 'string', default: '5000' },
    'round-trip-ms': { type: 'string', default: '150' },
    claims: { type: 'string', default: '25' },
    workers: { type: 'string', default: '3' },
    explain: { type: 'boolean', default: false },
  },
});
const size = worldSize(Number(args.scale));
const drain = args.drain === 'all' ? 'all' : Number(args.drain);
const roundTripMs = Number(args['round-trip-ms']);

/** The Monday after today, 09:00 UTC. */
function nextMondayNine(): Date {
  const day = new Date();
  day.setUTCHours(9, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7));
  return day;
}

/** Errors and warnings are kept: a phase with any fails. */
function recordingLogger() {
  const problems: string[] = [];
  const keep = (level: string) => (context: unknown, message?: string) =>
    problems.push(
      `${level}: ${message ?? ''} ${JSON.stringify(context, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`,
    );
  const logger: Logger = { debug() {}, info() {}, warn: keep('warn'), error: keep('error') };
  return { logger, problems };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const memory = new MemorySampler();
  const scratch = await createScratch();
  const database = connectPostgres(scratch.url);
  const { logger, problems } = recordingLogger();
  const failOnProblems = (phase: string) => {
    if (problems.length > 0) throw new Error(`${phase}: ${problems.length} problems, first: ${problems[0]}`);
  };
  try {
    const server = await onServer(
      async (a) => (await a.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version,
    );
    console.log(
      `Scale benchmark, a simulated Europe · PostgreSQL ${server ?? '?'} (scratch database) · Node ${process.version}`,
    );
    console.log(
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'} · load average at start ${loadAverage()}\n`,
    );
    await applyMigrations({ kind: 'postgres', url: scratch.url });

    // 1. Seed
    const monday = nextMondayNine();
    memory.enter('seed');
    const seedStarted = performance.now();
    const seconds = await seedWorld(scratch.url, size, new Date(monday.toISOString().slice(0, 10)));
    const counts = await countWorld(scratch.url);
    memory.leave();
    const expected = {
      Community: size.towns,
      Town: size.towns,
      Partnership: size.partnerships,
      ChannelLink: size.links,
      Delivery: size.history,
    };
    for (const [table, n] of Object.entries(expected))
      if (counts[table] !== n) throw new Error(`seed: ${counts[table]} ${table} rows, not ${n}`);
    console.log(
      `1. Seed: ${Object.entries(counts)
        .map(([t, n]) => `${fmt(n)} ${t}`)
        .join(', ')}`,
    );
    console.log(
      `   in ${fmt((performance.now() - seedStarted) / 1_000, 1)} s (${Object.entries(seconds)
        .map(([t, s]) => `${t} ${fmt(s, 1)}`)
        .join(', ')})\n`,
    );

    // 2. Plan
    const [session] = await database.prisma.$queryRawUnsafe<{ jit: string }[]>('SHOW jit');
    const jit = session?.jit ?? '?';
    memory.enter('plan');
    const deps: JobDependencies = {
      store: new PrismaStore(database.prisma),
      recurrence: new CronRecurrence(),
      logger,
    };
    const planStarted = performance.now();
    let batches = 0;
    let posted = 0;
    const firstBatch = await captureStatements(async () => (posted += await sendDueDigests(deps, monday)));
    batches++;
    const firstBatchMs = performance.now() - planStarted;
    // The statement the first run spent most time in, EXPLAINed while most digests are still due.
    const byStatement = new Map<string, { n: number; ms: number; slowest: (typeof firstBatch)[number] }>();
    for (const s of firstBatch) {
      const key = s.config.text.replace(/\s+/g, ' ').slice(0, 90);
      const entry = byStatement.get(key) ?? { n: 0, ms: 0, slowest: s };
      byStatement.set(key, {
        n: entry.n + 1,
        ms: entry.ms + s.ms,
        slowest: entry.slowest.ms >= s.ms ? entry.slowest : s,
      });
    }
    const ranked = [...byStatement].sort((a, b) => b[1].ms - a[1].ms);
    const top = ranked.find(([text]) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT)/i.test(text));
    if (!top) throw new Error('plan: no statement captured');
    const explainStarted = performance.now();
    const planExplain = await explainAnalyze(scratch.url, top[1].slowest, jit);
    const explainMs = performance.now() - explainStarted;
    const { roundTrips } = await countRoundTrips(async () => {
      for (let n = posted; n > 0; batches++) posted += n = await sendDueDigests(deps, monday);
    });
    const planSeconds = (performance.now() - planStarted - explainMs) / 1_000;
    memory.leave();
    failOnProblems('plan');
    const [queued] = await database.prisma.$queryRawUnsafe<{ n: bigint; due: bigint }[]>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE "dueAt" <= '${monday.toISOString()}'::timestamptz AT TIME ZONE 'UTC') AS due
       FROM "Delivery" WHERE kind = 'digest' AND status = 'PENDING'`,
    );
    const [unplanned] = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Partnership" WHERE "digestNextRunAt" <= '${monday.toISOString()}'::timestamptz AT TIME ZONE 'UTC'`,
    );
    if (posted !== size.partnerships || Number(queued?.due) !== size.links || Number(unplanned?.n) !== 0)
      throw new Error(
        `plan: ${posted} of ${size.partnerships} partnerships posted, ${queued?.due} of ${size.links} digests due, ${unplanned?.n} still due`,
      );
    const batchRoundTrips = roundTrips / Math.max(1, size.partnerships - JOB_BATCH_LIMIT);
    console.log(
      `2. Plan: Monday ${monday.toISOString()}'s digests, ${fmt(size.partnerships)} partnerships in ${batches} job runs of ≤ ${JOB_BATCH_LIMIT}`,
    );
    console.log(
      `   ${fmt(planSeconds, 1)} s · ${fmt(Number(queued?.n))} digests queued (${fmt(Number(queued?.n) / planSeconds)}/s) · ${fmt((planSeconds * 1_000) / size.partnerships, 2)} ms per partnership`,
    );
    console.log(
      `   ${fmt(batchRoundTrips, 1)} round trips per partnership (after the first run: ${fmt(roundTrips)})`,
    );
    const waitedMs = firstBatch.reduce((sum, s) => sum + s.ms, 0);
    console.log(
      `   first run (${Math.min(JOB_BATCH_LIMIT, size.partnerships)} partnerships, ${fmt(firstBatchMs)} ms): ${fmt(firstBatch.length)} statements, ${fmt(waitedMs)} ms waiting on their answers (the rest: the job's and Prisma's own work); most time in:`,
    );
    for (const [text, { n, ms }] of ranked.slice(0, 6)) console.log(`     ${fmt(ms)} ms in ${n} × ${text}`);
    console.log(`   EXPLAIN ANALYZE of the first (its slowest, after the first run; jit ${jit}):`);
    console.log(planExplain.replace(/^/gm, '     '));
    console.log('');

    // 3. Claim
    memory.enter('claim');
    const claimOptions = {
      limit: DELIVERY_WORKER_DEFAULTS.batchSize,
      perDestination: DELIVERY_WORKER_DEFAULTS.perDestination,
    };
    const rollback = new Error('rolled back');
    const claimOnce = async () => {
      let ms = 0;
      let claimed = 0;
      await deps.store
        .transaction(async (repos) => {
          const now = new Date(monday.getTime() + 60_000);
          const started = performance.now();
          claimed = (
            await repos.deliveries.claimDue({
              ...claimOptions,
              now,
              workerId: 'scale-claim',
              leaseUntil: new Date(now.getTime() + 15_000),
            })
          ).length;
          ms = performance.now() - started;
          throw rollback;
        })
        .catch((error: unknown) => {
          if (error !== rollback) throw error;
        });
      if (claimed !== claimOptions.limit)
        throw new Error(`claim: ${claimed} claimed, not ${claimOptions.limit}`);
      return ms;
    };
    const times: number[] = [];
    for (let i = 0; i < Number(args.claims) + 3; i++) times.push(await claimOnce());
    const measured = times.slice(3); // the first three warm the pool and the plan cache
    const slowest = (await captureStatements(claimOnce))[0];
    if (!slowest) throw new Error('claim: no statement captured');
    const plan = await explainAnalyze(scratch.url, slowest, jit);
    memory.leave();
    console.log(
      `3. Claim: a batch of ${claimOptions.limit} (perDestination ${claimOptions.perDestination}) with ${fmt(size.links)} digests due and ${fmt(size.history)} rows of history`,
    );
    console.log(
      `   p50 ${fmt(percentile(measured, 50), 1)} ms · p95 ${fmt(percentile(measured, 95), 1)} ms · max ${fmt(Math.max(...measured), 1)} ms over ${measured.length} claims (rolled back; the sessions' jit ${jit})`,
    );
    console.log(
      `   its slowest statement, EXPLAIN ANALYZE: ${plan
        .split('\n')
        .filter((l) => /Execution Time|Planning Time/.test(l))
        .map((l) => l.trim())
        .join(' · ')}`,
    );
    if (args.explain) console.log(plan.replace(/^/gm, '     '));
    console.log('');

    // 4. Drain
    memory.enter('drain-setup');
    const offset = monday.getTime() - Date.now();
    const result = await drainSample({
      database,
      url: scratch.url,
      clock: { now: () => new Date(Date.now() + offset) },
      logger,
      sample: drain,
      plannedAt: monday,
      workers: Number(args.workers),
      roundTripMs,
      onStart: () => memory.enter('drain'),
    });
    memory.leave();
    const ratio = result.seconds / result.floor;
    console.log(
      `4. Drain: ${fmt(result.size)} digests (${fmt(result.discord.share)} Discord, ${fmt(result.slack.share)} Slack) by ${args.workers} workers sharing the budget, ${roundTripMs} ms round trip`,
    );
    console.log(
      `   ${fmt(result.discord.posted + result.slack.posted)} posted in ${fmt(result.seconds, 1)} s · floor ${fmt(result.floor, 1)} s · ${fmt(ratio, 2)} × floor`,
    );
    for (const [name, p] of [
      ['Discord', result.discord],
      ['Slack', result.slack],
    ] as const)
      console.log(
        `   ${name}: ${fmt(p.requests)} requests, ${fmt(p.rateLimited)} answered 429, busiest second ${p.busiestSecond}`,
      );
    console.log(
      `   retried ${fmt(result.retried)}, given back for pace ${fmt(result.released)}, lost claims ${fmt(result.lost)}\n`,
    );

    // 5. Memory
    console.log('5. Memory (MB, RSS / heap used; sampled every second)');
    for (const phase of ['seed', 'plan', 'claim', 'drain']) {
      const m = memory.summary(phase);
      console.log(
        `   ${phase.padEnd(5)} start ${fmt(m.rss.start)} / ${fmt(m.heap.start)} · peak ${fmt(m.rss.peak)} / ${fmt(m.heap.peak)} · end ${fmt(m.rss.end)} / ${fmt(m.heap.end)} · first quarter ${fmt(m.firstQuarter.rss)} / ${fmt(m.firstQuarter.heap)}, last ${fmt(m.lastQuarter.rss)} / ${fmt(m.lastQuarter.heap)} (${m.samples} samples)`,
      );
    }
    failOnProblems('drain');
    console.log(`\nload average at end ${loadAverage()}`);
  } finally {
    memory.stop();
    await database.close();
    await scratch.drop();
  }
}

await main();
