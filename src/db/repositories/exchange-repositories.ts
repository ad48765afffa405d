/** Exchanges, RSVPs and announcements on Prisma. */
import type { Announcement, Exchange } from '../../core/domain/model.ts';
import type { AnnouncementRepository, ExchangeRepository, RsvpRepository } from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

export class PrismaExchangeRepository implements ExchangeRepository {
  constructor(private readonly db: Tx) {}

  create(data: Parameters<ExchangeRepository['create']>[0]) {
    return this.db.exchange.create({ data });
  }

  findByNumber(number: number) {
    return this.db.exchange.findUnique({ where: { number } });
  }

  async findByNumberForUpdate(number: number): Promise<Exchange | null> {
    // Row lock: concurrent RSVPs for one exchange (several bot processes) queue up here,
    // so capacity is never oversold.
    await this.db.$queryRaw`SELECT id FROM "Exchange" WHERE number = ${number} FOR UPDATE`;
    return this.findByNumber(number);
  }

  update(id: string, patch: Parameters<ExchangeRepository['update']>[1]) {
    return this.db.exchange.update({ where: { id }, data: patch });
  }

  async handOver(partnershipId: string, fromTownId: string, toTownId: string, now: Date) {
    const where = { partnershipId, hostTownId: fromTownId, status: 'PLANNED' as const, endsAt: { gt: now } };
    const moving = await this.db.exchange.findMany({ where, orderBy: { startsAt: 'asc' } });
    await this.db.exchange.updateMany({
      where: { id: { in: moving.map((e) => e.id) } },
      data: { hostTownId: toTownId },
    });
    return moving.map((e) => ({ ...e, hostTownId: toTownId }));
  }

  list(filter: Parameters<ExchangeRepository['list']>[0]) {
    return this.db.exchange.findMany({
      where: {
        partnershipId: { in: filter.partnershipIds },
        ...(filter.endsAfter ? { endsAt: { gt: filter.endsAfter } } : {}),
        ...(filter.statuses ? { status: { in: filter.statuses } } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { number: 'asc' }],
      take: filter.limit,
    });
  }
}

export class PrismaRsvpRepository implements RsvpRepository {
  constructor(private readonly db: Tx) {}

  find(exchangeId: string, memberId: string) {
    return this.db.rsvp.findUnique({ where: { exchangeId_memberId: { exchangeId, memberId } } });
  }

  upsert(data: Parameters<RsvpRepository['upsert']>[0]) {
    return this.db.rsvp.upsert({
      where: { exchangeId_memberId: { exchangeId: data.exchangeId, memberId: data.memberId } },
      create: data,
      update: { status: data.status, guests: data.guests, townId: data.townId, queuedAt: data.queuedAt },
    });
  }

  update(id: string, patch: Parameters<RsvpRepository['update']>[1]) {
    return this.db.rsvp.update({ where: { id }, data: patch });
  }

  listForExchange(exchangeId: string) {
    return this.db.rsvp.findMany({ where: { exchangeId }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
  }
}

type AnnouncementRow = Prisma.AnnouncementGetPayload<object>;

function toAnnouncement(row: AnnouncementRow): Announcement {
  return { ...row, variants: (row.variants ?? {}) as Record<string, string> };
}

export class PrismaAnnouncementRepository implements AnnouncementRepository {
  constructor(private readonly db: Tx) {}

  async create(data: Parameters<AnnouncementRepository['create']>[0]) {
    return toAnnouncement(await this.db.announcement.create({ data }));
  }

  async findByNumber(number: number) {
    const row = await this.db.announcement.findUnique({ where: { number } });
    return row && toAnnouncement(row);
  }

  async update(id: string, patch: Parameters<AnnouncementRepository['update']>[1]) {
    return toAnnouncement(await this.db.announcement.update({ where: { id }, data: patch }));
  }

  async cancelForTown(partnershipId: string, townId: string) {
    const where = { partnershipId, townId, status: 'SCHEDULED' as const };
    const rows = await this.db.announcement.findMany({
      where,
      select: { number: true },
      orderBy: { number: 'asc' },
    });
    await this.db.announcement.updateMany({ where, data: { status: 'CANCELLED', nextRunAt: null } });
    return rows.map((r) => r.number);
  }

  async list(filter: Parameters<AnnouncementRepository['list']>[0]) {
    const rows = await this.db.announcement.findMany({
      where: { partnershipId: { in: filter.partnershipIds }, status: { in: filter.statuses } },
      orderBy: [{ nextRunAt: 'asc' }, { number: 'asc' }],
      take: filter.limit,
    });
    return rows.map(toAnnouncement);
  }

  async claimDue(now: Date, skipIds: string[]) {
    // Row lock with SKIP LOCKED: several bot processes each take a different announcement.
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Announcement"
      WHERE status = 'SCHEDULED' AND "nextRunAt" <= ${now} AND NOT (id = ANY(${skipIds}::text[]))
      ORDER BY "nextRunAt" ASC, number ASC
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return null;
    const row = await this.db.announcement.findUnique({ where: { id } });
    return row && toAnnouncement(row);
  }
}
