/**
 * Figures for the README's Scheduler section (prints, asserts nothing; not a vitest file):
 * the time and memory of a scheduler tick with about ten and with 100,000 pending reminders,
 * and what planning reminders adds to an RSVP.
 *
 *   node --expose-gc --import tsx test/scheduler/measure-jobs.ts
 *   MEASURE_DATABASES=postgres MEASURE_PENDING=20000 node --expose-gc --import tsx test/scheduler/measure-jobs.ts
 */
import type { DatabaseKind } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  ann,
  jana,
  petr,
  schedulerHarness,
  seedHourlyExchanges,
  twinPragueAndChicago,
} from './scheduler-harness.ts';

const PENDING = Number(process.env.MEASURE_PENDING ?? 100_000);
const KINDS = (process.env.MEASURE_DATABASES ?? 'postgres,embedded').split(',') as DatabaseKind[];
const TICKS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Heap in use after full collections (run node with --expose-gc). */
async function heapMb(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function measure(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  try {
    const h = schedulerHarness(database, '2026-05-01T08:00:00Z');
    await twinPragueAndChicago(h);
    await h.run(jana, 'partner digest partnership:1 off');
    await h.run(
      jana,
      'event create partnership:1 title:Jarmark kind:cultural-event start:"2026-09-01 18:00"',
    );
    await h.run(petr, 'rsvp event:1 answer:going');
    const few = await database.prisma.delivery.count({ where: { status: 'PENDING' } });

    const ticks = async (): Promise<{ ms: number; heap: number }> => {
      const times: number[] = [];
      let instant = new Date('2026-05-02T08:00:00Z').getTime();
      await h.scheduler.tick();
      for (let i = 0; i < TICKS; i++) {
        instant += 15_000;
        h.clock.set(new Date(instant));
        const started = performance.now();
        await h.scheduler.tick();
        times.push(performance.now() - started);
      }
      return { ms: median(times), heap: await heapMb() };
    };
    const small = await ticks();

    // Many exchanges further ahead, each with reminders waiting in every channel and for people.
    const partnership = await database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });
    const host = await database.prisma.town.findFirstOrThrow({ where: { name: 'Praha' } });
    const author = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: 'jana' } });
    const links = await database.prisma.channelLink.findMany({ where: { partnershipId: partnership.id } });
    const perExchange = 100;
    const exchanges = Math.ceil(PENDING / perExchange);
    await seedHourlyExchanges(database, {
      partnershipId: partnership.id,
      hostTownId: host.id,
      authorId: author.id,
      count: exchanges,
    });
    const rows = await database.prisma.exchange.findMany({
      where: { title: { startsWith: 'Akce ' } },
      select: { id: true, startsAt: true },
    });
    const loadStarted = performance.now();
    for (let i = 0; i < rows.length; i += 50) {
      await database.prisma.delivery.createMany({
        data: rows.slice(i, i + 50).flatMap((exchange) =>
          Array.from({ length: perExchange }, (_, k) => ({
            dedupeKey: `reminder:${exchange.id}:${k}`,
            kind: 'reminder',
            sourceId: exchange.id,
            channelLinkId: links[k % links.length]!.id,
            payload: { text: `Připomínka ${k}` },
            dueAt: new Date(exchange.startsAt.getTime() - (k + 1) * 60_000),
          })),
        ),
      });
    }
    const loadMs = performance.now() - loadStarted;
    const many = await database.prisma.delivery.count({ where: { status: 'PENDING' } });
    const large = await ticks();

    // What planning reminders adds to an answer: the same answers with reminders on and off.
    const answers = async (): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        await h.run(i % 2 ? petr : ann, `rsvp event:1 answer:${i % 4 < 2 ? 'going' : 'maybe'}`);
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const withReminders = await answers();
    await h.run(jana, 'partner reminders partnership:1 offsets:off');
    const withoutReminders = await answers();

    console.log(
      [
        `${kind}:`,
        `  tick with ${few} pending reminders: ${small.ms.toFixed(1)} ms median; heap after ${TICKS} ticks ${small.heap.toFixed(1)} MB`,
        `  tick with ${many} pending reminders: ${large.ms.toFixed(1)} ms median; heap after ${TICKS} ticks ${large.heap.toFixed(1)} MB (loading them took ${(loadMs / 1000).toFixed(1)} s)`,
        `  rsvp: ${withReminders.toFixed(1)} ms median with reminders planned, ${withoutReminders.toFixed(1)} ms with reminders off`,
      ].join('\n'),
    );
    await h.scheduler.stop();
  } finally {
    await database.close();
  }
}

for (const kind of KINDS) await measure(kind);
