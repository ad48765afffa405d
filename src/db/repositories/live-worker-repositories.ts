/** The outbox workers alive now, on Prisma: one row per worker, renewed by its heartbeat. */
import type { Platform } from '../../core/domain/model.ts';
import type { BusyWorker, LiveWorkerRepository } from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

export class PrismaLiveWorkerRepository implements LiveWorkerRepository {
  constructor(private readonly db: Tx) {}

  async heartbeat(beat: {
    workerId: string;
    platforms: readonly Platform[];
    busy: readonly Platform[];
    now: Date;
    expiresAt: Date;
  }): Promise<Partial<Record<Platform, BusyWorker[]>>> {
    const { workerId, now, expiresAt } = beat;
    const platforms = [...beat.platforms];
    const busy = [...beat.busy];
    // A worker that died is forgotten by the next heartbeat of any other.
    await this.db.liveWorker.deleteMany({ where: { expiresAt: { lte: now } } });
    await this.db.liveWorker.upsert({
      where: { id: workerId },
      create: { id: workerId, platforms, busy, knows: [], seenAt: now, expiresAt },
      update: { platforms, busy, seenAt: now, expiresAt },
    });
    const live = await this.db.liveWorker.findMany({
      where: { busy: { hasSome: platforms } },
      select: { id: true, busy: true, knows: true, seenAt: true },
    });
    const busyWith: Partial<Record<Platform, BusyWorker[]>> = {};
    const knows: string[] = [];
    for (const platform of platforms) {
      const workers = live.filter((worker) => worker.busy.includes(platform));
      busyWith[platform] = workers.map((worker) => ({
        id: worker.id,
        seenAt: worker.seenAt,
        countsAsker: worker.knows.includes(`${workerId}:${platform}`),
      }));
      knows.push(...workers.map((worker) => `${worker.id}:${platform}`));
    }
    await this.db.liveWorker.update({ where: { id: workerId }, data: { knows } });
    return busyWith;
  }

  async leave(workerId: string): Promise<void> {
    await this.db.liveWorker.deleteMany({ where: { id: workerId } });
  }
}
