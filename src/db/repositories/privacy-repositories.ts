/** Members' data rights (export, forget) and the retention purge, on Prisma. */
import type {
  PersonalData,
  PrivacyRepository,
  RetainedRecord,
  RetentionRepository,
} from '../../core/privacy-ports.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

/** Outbox rows still to be sent: a member who is forgotten gets none of them. */
const WAITING = ['PENDING', 'SENDING'] as const;

export class PrismaPrivacyRepository implements PrivacyRepository {
  constructor(private readonly db: Tx) {}

  async collect(memberId: string): Promise<PersonalData | null> {
    const member = await this.db.member.findUnique({
      where: { id: memberId },
      include: { community: true, town: true },
    });
    if (!member) return null;
    const rsvps = await this.db.rsvp.findMany({
      where: { memberId },
      include: { exchange: true, town: true },
      orderBy: [{ exchange: { startsAt: 'asc' } }, { exchange: { number: 'asc' } }],
    });
    const pending = await this.db.delivery.findMany({
      where: { recipientMemberId: memberId, status: { in: [...WAITING] } },
      select: { kind: true, dueAt: true },
      orderBy: [{ dueAt: 'asc' }, { kind: 'asc' }],
    });
    const audit = await this.db.auditEntry.findMany({
      where: { OR: [{ actorMemberId: memberId }, { targetType: 'member', targetId: memberId }] },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const { community, town, ...own } = member;
    return {
      member: own,
      community: { platform: community.platform, externalId: community.externalId, name: community.name },
      town: town ? { name: town.name, country: town.country } : null,
      rsvps: rsvps.map((r) => ({
        exchangeNumber: r.exchange.number,
        title: r.exchange.title,
        startsAt: r.exchange.startsAt,
        timeZone: r.exchange.timeZone,
        status: r.status,
        guests: r.guests,
        townName: r.town.name,
      })),
      pendingDirect: pending,
      audit: audit.map((a) => ({
        at: a.at,
        action: a.action,
        targetType: a.targetType,
        targetId: a.targetId,
        asActor: a.actorMemberId === memberId,
      })),
    };
  }

  async forget(memberId: string, at: Date, reason: string) {
    // A waitlist place on an exchange still ahead is given up: nobody could be told of moving up.
    const waitlistLeft = await this.db.rsvp.updateMany({
      where: { memberId, status: 'WAITLISTED', exchange: { endsAt: { gt: at }, status: 'PLANNED' } },
      data: { status: 'NOT_GOING' },
    });
    const rsvpsKept = await this.db.rsvp.count({ where: { memberId } });
    const withdrawn = await this.db.delivery.updateMany({
      where: { recipientMemberId: memberId, status: { in: [...WAITING] } },
      data: { status: 'DROPPED', lastError: reason, leaseUntil: null },
    });
    // Their reactions to relayed messages, by their platform id in this community's channels.
    const member = await this.db.member.findUniqueOrThrow({
      where: { id: memberId },
      select: { platformUserId: true, communityId: true },
    });
    await this.db.relayReaction.deleteMany({
      where: { userId: member.platformUserId, link: { communityId: member.communityId } },
    });
    await this.db.member.update({
      where: { id: memberId },
      data: {
        // Unique per community and tied to nothing outside: the person comes back as someone new.
        platformUserId: `forgotten:${memberId}`,
        displayName: '',
        languages: [],
        platformLocale: null,
        interests: [],
        townId: null,
        role: 'MEMBER',
        forgottenAt: at,
      },
    });
    return { rsvpsKept, waitlistLeft: waitlistLeft.count, messagesWithdrawn: withdrawn.count };
  }
}

export class PrismaRetentionRepository implements RetentionRepository {
  constructor(private readonly db: Tx) {}

  async purge(record: RetainedRecord, before: Date, now: Date, limit: number): Promise<number> {
    switch (record) {
      case 'deliveries':
        // The relay's ids (docs/RELAY.md) last as long as the copies' delivery rows.
        return (await this.purgeDeliveries(before, now, limit)) + (await this.purgeRelayed(before, limit));
      case 'audit':
        return this.db.$executeRaw`
          DELETE FROM "AuditEntry" WHERE id IN (
            SELECT id FROM "AuditEntry" WHERE "at" < ${before} ORDER BY "at" LIMIT ${limit})`;
      case 'receipts':
        return this.db.$executeRaw`
          DELETE FROM "SlackEventReceipt" WHERE "eventId" IN (
            SELECT "eventId" FROM "SlackEventReceipt" WHERE "receivedAt" < ${before}
            ORDER BY "receivedAt" LIMIT ${limit})`;
    }
  }

  /**
   * Bounded by the (status, dueAt) index. Sent posts about an exchange that has not ended stay:
   * later answers edit its card in place, found through these rows.
   */
  private purgeDeliveries(before: Date, now: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "Delivery" WHERE id IN (
        SELECT d.id FROM "Delivery" d
        WHERE d.status IN ('SENT', 'FAILED', 'DROPPED') AND d."dueAt" < ${before}
          AND NOT (d.status = 'SENT' AND EXISTS (
            SELECT 1 FROM "Exchange" e WHERE e.id = d."sourceId" AND e."endsAt" > ${now}))
        ORDER BY d."dueAt" LIMIT ${limit})`;
  }

  private purgeRelayed(before: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "RelayedMessage" WHERE id IN (
        SELECT id FROM "RelayedMessage" WHERE "createdAt" < ${before} ORDER BY "createdAt" LIMIT ${limit})`;
  }
}
