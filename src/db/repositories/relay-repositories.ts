/** The relay's ids on Prisma: originals, and their copies as the outbox's relay.message deliveries. */
import type { Platform } from '../../core/domain/model.ts';
import type {
  KnownInRelayingLink,
  KnownOriginal,
  RelayCopy,
  RelayedMessage,
  RelayRepository,
  StoredReaction,
} from '../../core/relay/relay-ports.ts';
import { RELAY_KINDS } from '../../core/relay/relayed-post.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

const SELECTED = { id: true, originLinkId: true, originMessageId: true, threadOfId: true } as const;

export class PrismaRelayRepository implements RelayRepository {
  constructor(private readonly db: Tx) {}

  async recordOriginal(
    data: Omit<RelayedMessage, 'id'> & { lastEditId?: string | null; inReplyTo?: string | null },
  ): Promise<RelayedMessage | null> {
    // ON CONFLICT rather than catching the unique violation: that would abort the transaction.
    const rows = await this.db.$queryRaw<RelayedMessage[]>`
      INSERT INTO "RelayedMessage" (id, "originLinkId", "originMessageId", "threadOfId", "lastEditId",
        "inReplyTo")
      VALUES (gen_random_uuid()::text, ${data.originLinkId}, ${data.originMessageId}, ${data.threadOfId},
        ${data.lastEditId ?? null}, ${data.inReplyTo ?? null})
      ON CONFLICT ("originLinkId", "originMessageId") DO NOTHING
      RETURNING id, "originLinkId", "originMessageId", "threadOfId"`;
    return rows[0] ?? null;
  }

  async findByPlatformMessage(
    channelLinkId: string,
    platformMessageId: string,
  ): Promise<RelayedMessage | null> {
    const original = await this.db.relayedMessage.findUnique({
      where: {
        originLinkId_originMessageId: { originLinkId: channelLinkId, originMessageId: platformMessageId },
      },
      select: SELECTED,
    });
    if (original) return original;
    const copy = await this.db.delivery.findFirst({
      where: { channelLinkId, platformMessageId, kind: RELAY_KINDS.message },
      select: { sourceId: true },
    });
    return copy ? this.findById(copy.sourceId) : null;
  }

  findById(id: string): Promise<RelayedMessage | null> {
    return this.db.relayedMessage.findUnique({ where: { id }, select: SELECTED });
  }

  async copies(relayedId: string): Promise<RelayCopy[]> {
    const rows = await this.db.delivery.findMany({
      where: { sourceId: relayedId, kind: RELAY_KINDS.message, channelLinkId: { not: null } },
      select: { id: true, channelLinkId: true, platformMessageId: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => ({
      deliveryId: row.id,
      channelLinkId: row.channelLinkId ?? '',
      platformMessageId: row.platformMessageId,
    }));
  }

  async recordEdit(relayedId: string, editId: string): Promise<void> {
    await this.db.relayedMessage.update({ where: { id: relayedId }, data: { lastEditId: editId } });
  }

  async recordDelete(relayedId: string, at: Date): Promise<void> {
    await this.db.relayedMessage.updateMany({
      where: { id: relayedId, deletedAt: null },
      data: { deletedAt: at },
    });
  }

  async originalsSince(linkId: string, since: Date, limit: number): Promise<KnownOriginal[]> {
    const rows = await this.db.relayedMessage.findMany({
      where: { originLinkId: linkId, createdAt: { gte: since }, deletedAt: null },
      select: { originMessageId: true, lastEditId: true, threadOfId: true, inReplyTo: true },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({
      messageId: row.originMessageId,
      lastEditId: row.lastEditId,
      inThread: row.threadOfId !== null,
      inReplyTo: row.inReplyTo,
    }));
  }

  async recordReaction(
    reaction: { relayedId: string; linkId: string; emoji: string; userId: string },
    added: boolean,
  ): Promise<boolean> {
    const { relayedId, linkId, emoji, userId } = reaction;
    const changed = added
      ? await this.db.$executeRaw`
          INSERT INTO "RelayReaction" ("relayedId", "linkId", emoji, "userId")
          VALUES (${relayedId}, ${linkId}, ${emoji}, ${userId}) ON CONFLICT DO NOTHING`
      : await this.db.$executeRaw`
          DELETE FROM "RelayReaction" WHERE "relayedId" = ${relayedId} AND "linkId" = ${linkId}
            AND emoji = ${emoji} AND "userId" = ${userId}`;
    return changed > 0;
  }

  reactions(relayedId: string): Promise<StoredReaction[]> {
    // A person is one per platform: the same Discord user in two servers counts once.
    return this.db.$queryRaw<StoredReaction[]>`
      SELECT r."linkId", r.emoji, c.platform::text || ':' || r."userId" AS reactor
      FROM "RelayReaction" r
      JOIN "ChannelLink" l ON l.id = r."linkId" JOIN "Community" c ON c.id = l."communityId"
      WHERE r."relayedId" = ${relayedId}
      ORDER BY r."createdAt", r."linkId", r."userId"`;
  }

  newestKnownPerRelayingLink(platform: Platform, since: Date): Promise<KnownInRelayingLink[]> {
    // Originals in the order the relay recorded them, copies in the order they were posted: both
    // follow the platform's own order, which the adapter applies once more to the pair.
    return this.db.$queryRaw<KnownInRelayingLink[]>`
      SELECT l.id AS "linkId", c."externalId" AS "communityExternalId", l."channelId",
        (SELECT r."originMessageId" FROM "RelayedMessage" r
          WHERE r."originLinkId" = l.id ORDER BY r."createdAt" DESC LIMIT 1) AS "newestOriginalId",
        (SELECT d."platformMessageId" FROM "Delivery" d
          WHERE d."channelLinkId" = l.id AND d.kind = ${RELAY_KINDS.message}
            AND d."platformMessageId" IS NOT NULL
          ORDER BY d."sentAt" DESC NULLS LAST, d.sequence DESC LIMIT 1) AS "newestCopyId",
        (SELECT d."platformMessageId" FROM "Delivery" d
          WHERE d."channelLinkId" = l.id AND d.kind = ${RELAY_KINDS.message}
            AND d."platformMessageId" IS NOT NULL AND d."sentAt" >= ${since}
          ORDER BY d."sentAt", d.sequence LIMIT 1) AS "oldestRecentCopyId"
      FROM "ChannelLink" l JOIN "Community" c ON c.id = l."communityId"
      WHERE l.relay AND l.status = 'ACTIVE' AND c.platform::text = ${platform}
      ORDER BY l."createdAt"`;
  }
}
