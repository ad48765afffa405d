/**
 * Figures for docs/SECURITY.md "Bounded re-planning" (prints, asserts nothing; not a vitest file):
 * how long `partner reminders` holds the database when a partnership has many upcoming exchanges
 * (each with the coordinator going), and how long each later transaction of the re-planning is.
 *
 *   node --import tsx test/scheduler/measure-replanning.ts
 *   MEASURE_BATCH=1000 node --import tsx test/scheduler/measure-replanning.ts   (all in the command)
 *   MEASURE_DATABASES=postgres MEASURE_EXCHANGES=1000 node --import tsx test/scheduler/measure-replanning.ts
 */
import { replanRemindersInBatches } from '../../src/core/jobs/reminder-replanning.ts';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import type { DatabaseKind } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { jana, schedulerHarness, seedHourlyExchanges, twinPragueAndChicago } from './scheduler-harness.ts';

const EXCHANGES = Number(process.env.MEASURE_EXCHANGES ?? 303);
const GOING = 3;
/** Exchanges per transaction; MEASURE_BATCH=1000 plans everything in the command, as before batching. */
const BATCH = Number(process.env.MEASURE_BATCH ?? DEFAULT_LIMITS.replanBatch);
const KINDS = (process.env.MEASURE_DATABASES ?? 'embedded').split(',') as DatabaseKind[];

async function measure(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const h = schedulerHarness(database, '2026-05-01T08:00:00Z', { replanBatch: BATCH });
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
    const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    const host = await database.prisma.town.findFirstOrThrow({ where: { name: 'Praha' } });
    const members = await database.prisma.member.findMany({ where: { townId: host.id }, take: GOING });
    const author = members[0];
    if (!author) throw new Error('set-up: no member in Praha');
    await seedHourlyExchanges(database, {
      partnershipId: partnership.id,
      hostTownId: host.id,
      authorId: author.id,
      count: EXCHANGES,
    });
    const exchanges = await database.prisma.exchange.findMany({ where: { partnershipId: partnership.id } });
    await database.prisma.rsvp.createMany({
      data: exchanges.flatMap((exchange) =>
        members.map((member, i) => ({
          exchangeId: exchange.id,
          memberId: member.id,
          townId: host.id,
          status: 'GOING' as const,
          guests: 0,
          queuedAt: new Date(Date.parse('2026-06-01T16:00:00Z') - 1000 + i),
        })),
      ),
    });
    const started = performance.now();
    const reply = await h.run(jana, 'partner reminders partnership:1 offsets:2d,3h');
    const commandMs = performance.now() - started;
    // The rest is the scheduler's job: one transaction per batch, timed one by one.
    const store = new PrismaStore(database.prisma);
    const deps = { store, recurrence: new CronRecurrence(), logger: h.logger };
    const batches: number[] = [];
    for (;;) {
      const started = performance.now();
      const planned = await replanRemindersInBatches(deps, h.clock.now(), BATCH, 1);
      if (planned === 0) break;
      batches.push(performance.now() - started);
    }
    const sorted = [...batches].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const pending = await database.prisma.delivery.count({ where: { status: 'PENDING' } });
    console.log(
      `${kind}: ${EXCHANGES} exchanges, ${members.length} going each: partner reminders ${commandMs.toFixed(0)} ms ` +
        `(${reply.text.split('\n').at(-1)}); then ${batches.length} batches of the job, one transaction each: ` +
        `median ${median.toFixed(0)} ms, longest ${(sorted.at(-1) ?? 0).toFixed(0)} ms; ${pending} reminders pending`,
    );
  } finally {
    await database.close();
  }
}

for (const kind of KINDS) await measure(kind);
