/** The delivery outbox and the audit log on Prisma. */
import type {
  AuditRepository,
  ClaimedDelivery,
  DeliveryRepository,
  NewDelivery,
  OutgoingMessage,
} from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

/** JSON keeps dates as strings: bring the exchange card's instants back. */
function reviveMessage(payload: unknown): OutgoingMessage {
  const message = payload as OutgoingMessage;
  if (message.exchange) {
    message.exchange.startsAt = new Date(message.exchange.startsAt);
    message.exchange.endsAt = new Date(message.exchange.endsAt);
  }
  return message;
}

type ClaimedRow = Prisma.DeliveryGetPayload<{
  include: { channelLink: { include: { community: true } }; recipient: { include: { community: true } } };
}>;

function destinationOf(row: ClaimedRow): ClaimedDelivery['destination'] {
  if (row.channelLink) {
    return {
      kind: 'channel',
      channelLinkId: row.channelLink.id,
      target: {
        platform: row.channelLink.community.platform,
        communityExternalId: row.channelLink.community.externalId,
        channelId: row.channelLink.channelId,
        channelName: row.channelLink.channelName,
      },
    };
  }
  if (row.recipient) {
    return {
      kind: 'direct',
      recipientMemberId: row.recipient.id,
      target: {
        platform: row.recipient.community.platform,
        communityExternalId: row.recipient.community.externalId,
        userId: row.recipient.platformUserId,
      },
    };
  }
  // The database's check constraint makes this unreachable.
  throw new Error(`delivery ${row.id} has no destination`);
}

export class PrismaDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db: Tx) {}

  async enqueue(deliveries: NewDelivery[]) {
    if (deliveries.length === 0) return 0;
    const { count } = await this.db.delivery.createMany({
      data: deliveries.map((d) => ({ ...d, payload: d.payload as unknown as Prisma.InputJsonValue })),
      skipDuplicates: true,
    });
    return count;
  }

  async claimDue(options: {
    now: Date;
    limit: number;
    workerId: string;
    leaseUntil: Date;
  }): Promise<ClaimedDelivery[]> {
    // SKIP LOCKED lets several bot processes claim disjoint batches; an expired lease means
    // the worker that held it died, so its deliveries are claimed again.
    const claimed = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE "Delivery" SET status = 'SENDING', "leaseUntil" = ${options.leaseUntil},
        "claimedBy" = ${options.workerId}, attempts = attempts + 1, "updatedAt" = ${options.now}
      WHERE id IN (
        SELECT id FROM "Delivery"
        WHERE (status = 'PENDING' AND "dueAt" <= ${options.now})
           OR (status = 'SENDING' AND "leaseUntil" < ${options.now})
        ORDER BY "dueAt", "createdAt"
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    if (claimed.length === 0) return [];
    const rows = await this.db.delivery.findMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      include: {
        channelLink: { include: { community: true } },
        recipient: { include: { community: true } },
      },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      sourceId: row.sourceId,
      attempts: row.attempts,
      payload: reviveMessage(row.payload),
      dueAt: row.dueAt,
      destination: destinationOf(row),
    }));
  }

  async markSent(id: string, platformMessageId: string, at: Date) {
    await this.db.delivery.update({
      where: { id },
      data: { status: 'SENT', platformMessageId, sentAt: at, leaseUntil: null, lastError: null },
    });
  }

  async reschedule(id: string, retryAt: Date, error: string) {
    await this.db.delivery.update({
      where: { id },
      data: { status: 'PENDING', dueAt: retryAt, leaseUntil: null, lastError: error.slice(0, 1000) },
    });
  }

  async markFailed(id: string, error: string) {
    await this.db.delivery.update({
      where: { id },
      data: { status: 'FAILED', leaseUntil: null, lastError: error.slice(0, 1000) },
    });
  }

  async markChannelBroken(channelLinkId: string, reason: string) {
    await this.db.channelLink.update({
      where: { id: channelLinkId },
      data: { status: 'BROKEN', brokenReason: reason },
    });
  }

  async countByStatus() {
    const groups = await this.db.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }
}

export class PrismaAuditRepository implements AuditRepository {
  constructor(private readonly db: Tx) {}

  async record(entry: Parameters<AuditRepository['record']>[0]) {
    await this.db.auditEntry.create({
      data: { ...entry, details: (entry.details ?? {}) as Prisma.InputJsonValue },
    });
  }
}
