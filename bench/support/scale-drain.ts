/**
 * bench/scale.ts's drain: a sample of Monday's digests posted by three DeliveryWorkers (three
 * processes' worth, each with its own connection pool) sharing the bot's budget through their
 * LiveWorker heartbeats, against simulated Discord and Slack that enforce their limits.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import { platformSendLimits } from '../../src/core/outbox/send-limits.ts';
import type { Clock, Logger } from '../../src/core/ports.ts';
import { connectPostgres, type Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { drainFloorSeconds, SimulatedPlatform, simulatedPoster } from './scale-platforms.ts';

export interface DrainRun {
  database: Database;
  url: string;
  clock: Clock;
  logger: Logger;
  /** How many of the due digests to post; the others are moved a year on first. */
  sample: number | 'all';
  /** When the digests were planned: every digest sent after it is one of the sample. */
  plannedAt: Date;
  workers: number;
  roundTripMs: number;
  /** Called once the sample is due and the workers start on it. */
  onStart?: () => void;
}

const PARK = `interval '365 days'`;
/** No digest sent for this long: the drain is stuck. */
const STALL_MS = 120_000;

export async function drainSample(run: DrainRun) {
  const { database } = run;
  const sql = <T>(text: string) => database.prisma.$queryRawUnsafe<T[]>(text);
  // Park every digest, let the workers start as the bot starts (a first drain with nothing due:
  // their first heartbeats), then bring the sample back.
  await sql(`UPDATE "Delivery" SET "dueAt" = "dueAt" + ${PARK} WHERE kind = 'digest' AND status = 'PENDING'`);
  const discord = new SimulatedPlatform('DISCORD');
  const slack = new SimulatedPlatform('SLACK');
  const connections = [database, ...Array.from({ length: run.workers - 1 }, () => connectPostgres(run.url))];
  const workers = connections.map(
    (connection, index) =>
      new DeliveryWorker(
        new PrismaStore(connection.prisma),
        [simulatedPoster(discord, run.roundTripMs), simulatedPoster(slack, run.roundTripMs)],
        run.clock,
        run.logger,
        { workerId: `scale-${index}`, limits: platformSendLimits(1), shareBudget: true },
      ),
  );
  try {
    await Promise.all(workers.map((worker) => worker.drainDue()));
    const limit = run.sample === 'all' ? '' : `ORDER BY md5(id) LIMIT ${run.sample}`;
    await sql(`UPDATE "Delivery" SET "dueAt" = "dueAt" - ${PARK} WHERE id IN (
      SELECT id FROM "Delivery" WHERE kind = 'digest' AND status = 'PENDING' ${limit})`);
    const posts = await sql<{ platform: string; workspace: string; channel: string }>(`
      SELECT c.platform::text AS platform, c."externalId" AS workspace, l."channelId" AS channel
      FROM "Delivery" d JOIN "ChannelLink" l ON l.id = d."channelLinkId" JOIN "Community" c ON c.id = l."communityId"
      WHERE d.kind = 'digest' AND d.status = 'PENDING' AND d."dueAt" < now() AT TIME ZONE 'UTC' + interval '30 days'`);
    const size = posts.length;
    if (run.sample !== 'all' && size !== run.sample)
      throw new Error(`drain sample: ${size} due, not ${run.sample}`);
    const floor = drainFloorSeconds(
      posts.map((p) => [p.platform, p.workspace, p.channel]),
      run.roundTripMs,
    );
    // Progress as the platforms saw it (counting the table each round would load the database).
    const posted = () => discord.counts.posted + slack.counts.posted;
    run.onStart?.();
    const started = performance.now();
    const totals = { retried: 0, released: 0, lost: 0, failed: 0 };
    let sent = 0;
    let lastProgress = started;
    while (sent < size) {
      for (const r of await Promise.all(workers.map((worker) => worker.drainDue()))) {
        totals.retried += r.retried;
        totals.released += r.released;
        totals.lost += r.lost;
        totals.failed += r.failed;
      }
      if (totals.failed > 0) throw new Error(`${totals.failed} digests failed for good in the drain`);
      const now = posted();
      if (now > sent) lastProgress = performance.now();
      else if (performance.now() - lastProgress > STALL_MS)
        throw new Error(`drain stuck at ${now} of ${size}`);
      sent = now;
      // Given back for pace or rescheduled after a 429: drained again until all is sent.
      if (sent < size) await sleep(20);
    }
    const seconds = (performance.now() - started) / 1_000;
    const recorded = Number(
      (
        await sql<{ n: bigint }>(`SELECT count(*) AS n FROM "Delivery"
          WHERE kind = 'digest' AND status = 'SENT' AND "sentAt" >= '${run.plannedAt.toISOString()}'::timestamptz AT TIME ZONE 'UTC'`)
      )[0]?.n,
    );
    if (posted() !== size || recorded !== size)
      throw new Error(
        `${size} digests due: the platforms got ${posted()}, the outbox recorded ${recorded} sent`,
      );
    return {
      size,
      seconds,
      floor,
      discord: { ...discord.counts, share: posts.filter((p) => p.platform === 'DISCORD').length },
      slack: { ...slack.counts, share: posts.filter((p) => p.platform === 'SLACK').length },
      ...totals,
    };
  } finally {
    for (const worker of workers) await worker.stop();
    for (const connection of connections.slice(1)) await connection.close();
  }
}
