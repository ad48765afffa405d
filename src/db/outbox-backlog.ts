/**
 * What the outbox still owes, per platform: deliveries due and not yet sent (waiting, or claimed
 * and under way), and the due time of the oldest. Read for /healthz and /metrics, outside any
 * command's transaction; the (status, dueAt) index serves it.
 */
import type { Platform } from '../core/domain/model.ts';
import type { PrismaClient } from './open-database.ts';

/** Per platform with any: how many are due and unsent, and when the longest-waiting fell due. */
export type OutboxBacklog = Partial<Record<Platform, { due: number; oldestDueAt: Date }>>;

export async function outboxBacklog(prisma: PrismaClient, now: Date): Promise<OutboxBacklog> {
  const rows = await prisma.$queryRaw<{ platform: Platform; due: number; oldest: Date }[]>`
    SELECT COALESCE(lc.platform, mc.platform)::text AS platform, count(*)::int AS due,
      min(d."dueAt") AS oldest
    FROM "Delivery" d
    LEFT JOIN "ChannelLink" l ON l.id = d."channelLinkId"
    LEFT JOIN "Community" lc ON lc.id = l."communityId"
    LEFT JOIN "Member" m ON m.id = d."recipientMemberId"
    LEFT JOIN "Community" mc ON mc.id = m."communityId"
    WHERE d.status IN ('PENDING', 'SENDING') AND d."dueAt" <= ${now}
    GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.platform, { due: row.due, oldestDueAt: row.oldest }]));
}
