/** Exchanges, RSVPs and announcements on Prisma. */
import type { Announcement, Exchange } from '../../core/domain/model.ts';
import type {
  AnnouncementRepository,
  ExchangeCursor,
  ExchangeRepository,
  ReminderReplanRepository,
  RsvpRepository,
} from '../../core/ports.ts';
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
    // so capacity is never oversold. The locked row is read by the same statement.
    const rows = await this.db.$queryRaw<Exchange[]>`
      SELECT id, number, "partnershipId", "hostTownId", kind::text AS kind, title, description, "startsAt",
        "endsAt", "timeZone", location, capacity, status::text AS status, "createdById"
      FROM "Exchange" WHERE number = ${number} FOR UPDATE`;
    return rows[0] ?? null;
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

  listUpcoming(partnershipId: string, now: Date, after: ExchangeCursor | null, limit: number) {
    // After the cursor, in (startsAt, number) order; an exchange that has started meanwhile is left out.
    const from = after && after.startsAt > now ? after : null;
    return this.db.exchange.findMany({
      where: {
        partnershipId,
        status: 'PLANNED',
        OR: [
          { startsAt: { gt: from ? from.startsAt : now } },
          ...(from ? [{ startsAt: from.startsAt, number: { gt: from.number } }] : []),
        ],
      },
      orderBy: [{ startsAt: 'asc' }, { number: 'asc' }],
      take: limit,
    });
  }

  countUpcoming(partnershipId: string, now: Date) {
    return this.db.exchange.count({ where: { partnershipId, status: 'PLANNED', startsAt: { gt: now } } });
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

  async seatsGoing(exchangeIds: readonly string[]) {
    const groups = await this.db.rsvp.groupBy({
      by: ['exchangeId'],
      where: { exchangeId: { in: [...exchangeIds] }, status: 'GOING' },
      _count: { _all: true },
      _sum: { guests: true },
    });
    // Each person going takes a seat, and one for each guest (seatsTaken in the domain).
    return new Map(groups.map((g) => [g.exchangeId, g._count._all + (g._sum.guests ?? 0)]));
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

  countScheduled(partnershipId: string) {
    return this.db.announcement.count({ where: { partnershipId, status: 'SCHEDULED' } });
  }

  countSentOnceSince(partnershipId: string, since: Date) {
    return this.db.announcement.count({
      where: { partnershipId, status: 'SENT', cron: null, sendAt: { gte: since } },
    });
  }
}

export class PrismaReminderReplanRepository implements ReminderReplanRepository {
  constructor(private readonly db: Tx) {}

  async request(partnershipId: string, at: Date) {
    const restart = { afterStartsAt: null, afterNumber: null, touchedAt: at };
    await this.db.reminderReplan.upsert({
      where: { partnershipId },
      create: { partnershipId, ...restart },
      update: restart,
    });
  }

  async claimNext(skipIds: readonly string[]) {
    // SKIP LOCKED: several bot processes each take a different partnership.
    const rows = await this.db.$queryRaw<
      { partnershipId: string; afterStartsAt: Date | null; afterNumber: number | null }[]
    >`
      SELECT "partnershipId", "afterStartsAt", "afterNumber" FROM "ReminderReplan"
      WHERE NOT ("partnershipId" = ANY(${[...skipIds]}::text[]))
      ORDER BY "touchedAt" ASC, "partnershipId" ASC
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const row = rows[0];
    if (!row) return null;
    const after =
      row.afterStartsAt && row.afterNumber !== null
        ? { startsAt: row.afterStartsAt, number: row.afterNumber }
        : null;
    return { partnershipId: row.partnershipId, after };
  }

  async advance(partnershipId: string, after: ExchangeCursor, at: Date) {
    await this.db.reminderReplan.update({
      where: { partnershipId },
      data: { afterStartsAt: after.startsAt, afterNumber: after.number, touchedAt: at },
    });
  }

  async finish(partnershipId: string) {
    await this.db.reminderReplan.deleteMany({ where: { partnershipId } });
  }
}
