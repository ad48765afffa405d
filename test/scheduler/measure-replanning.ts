/**
 * Figures for docs/SECURITY.md "Bounded re-planning" (prints, asserts nothing; not a vitest file):
 * how long `partner reminders` holds the database when a partnership has many upcoming exchanges,
 * each with a few people going, and how long the longest transaction of the re-planning is.
 *
 *   node --import tsx test/scheduler/measure-replanning.ts
 *   MEASURE_DATABASES=postgres MEASURE_EXCHANGES=1000 node --import tsx test/scheduler/measure-replanning.ts
 */
import type { DatabaseKind } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { jana, schedulerHarness, twinPragueAndChicago } from './scheduler-harness.ts';

const EXCHANGES = Number(process.env.MEASURE_EXCHANGES ?? 303);
const GOING = 3;
const KINDS = (process.env.MEASURE_DATABASES ?? 'embedded').split(',') as DatabaseKind[];

async function measure(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const h = schedulerHarness(database, '2026-05-01T08:00:00Z');
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
    const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    const host = await database.prisma.town.findFirstOrThrow({ where: { name: 'Praha' } });
    const members = await database.prisma.member.findMany({ where: { townId: host.id }, take: GOING });
    const author = members[0];
    if (!author) throw new Error('set-up: no member in Praha');
    const base = new Date('2026-06-01T16:00:00Z').getTime();
    await database.prisma.exchange.createMany({
      data: Array.from({ length: EXCHANGES }, (_, i) => ({
        partnershipId: partnership.id,
        hostTownId: host.id,
        kind: 'CULTURAL_EVENT' as const,
        title: `Akce ${i}`,
        startsAt: new Date(base + i * 3_600_000),
        endsAt: new Date(base + i * 3_600_000 + 7_200_000),
        timeZone: 'Europe/Prague',
        createdById: author.id,
      })),
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
          queuedAt: new Date(base - 1000 + i),
        })),
      ),
    });
    const started = performance.now();
    const reply = await h.run(jana, 'partner reminders partnership:1 offsets:2d,3h');
    const commandMs = performance.now() - started;
    // The rest (if any) is the scheduler's: each batch its own transaction.
    const batches: number[] = [];
    let report;
    do {
      const tick = performance.now();
      report = await h.scheduler.tick();
      batches.push(performance.now() - tick);
    } while ((report?.remindersReplanned ?? 0) > 0);
    const pending = await database.prisma.delivery.count({ where: { status: 'PENDING' } });
    console.log(
      `${kind}: ${EXCHANGES} exchanges, ${members.length} going each: partner reminders ${commandMs.toFixed(0)} ms ` +
        `(${reply.text.split('\n').at(-1)}); scheduler ticks re-planning the rest: ${batches
          .map((ms) => ms.toFixed(0))
          .join(', ')} ms; ${pending} reminders pending`,
    );
  } finally {
    await database.close();
  }
}

for (const kind of KINDS) await measure(kind);
