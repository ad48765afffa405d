/** The delivery outbox and the audit log on Prisma. */
import type {
  AuditRepository,
  ClaimedDelivery,
  DeliveryOutcome,
  DeliveryRepository,
  NewDelivery,
  PostedMessage,
  SentDirectMessage,
} from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';
import { claimedDelivery, type ClaimedRow } from './claimed-rows.ts';

type Tx = Prisma.TransactionClient;

/** Rows one claim takes per channel or person when the caller does not say. */
const DEFAULT_CLAIM_PER_DESTINATION = 5;
/**
 * A claim orders fairly among this many times `limit` of the oldest due rows (by the status and
 * due-time index), not among all of them: the cost stays flat however long the backlog.
 */
const SCAN_FACTOR = 20;

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

  /**
   * One statement: pick rows whose lease has run out (their worker died) and due rows, lock them
   * with SKIP LOCKED so concurrent workers take disjoint rows, claim them, and return them with
   * their destinations, in the order they should be sent.
   *
   * Due rows are picked fairly: at most `perDestination` per channel (or person) per claim, in
   * the order they were queued there; a destination another worker holds posts of (with a lease
   * that has not run out) is left to it, so its own pace is kept by one worker and never needs
   * dividing (concurrent claims lock the rows they scan, so they cannot split one either, unless
   * its backlog reaches beyond a claim's scan); destinations in `skipDestinations` (those the worker holds
   * enough of, or whose pace has no budget) are left out; and communities take turns, so the
   * first post of every community with due work comes before the second post of any. A lone
   * community still fills a batch; one among others gets its share. The oldest due rows are
   * locked first (SKIP LOCKED, so a concurrent claim takes the next ones rather than finding the
   * same few and none), and the fair order is computed among them: window functions cannot lock.
   * `= ANY(ARRAY(...))` makes the update find its rows by primary key rather than
   * hash-joining the whole table. Ids sort as bytes (COLLATE "C"): a locale's text comparison
   * made the sorts take most of the claim. A row still SENDING was taken over from a claim that
   * ended without an outcome: that counts as a takeover (the worker's crash-loop guard).
   */
  async claimDue(options: {
    now: Date;
    limit: number;
    workerId: string;
    leaseUntil: Date;
    perDestination?: number;
    skipDestinations?: readonly string[];
  }): Promise<ClaimedDelivery[]> {
    const { now, limit, workerId, leaseUntil } = options;
    const perDestination = options.perDestination ?? DEFAULT_CLAIM_PER_DESTINATION;
    const skip = [...(options.skipDestinations ?? [])];
    const rows = await this.db.$queryRaw<ClaimedRow[]>`
      WITH expired AS (
        SELECT id FROM "Delivery"
        WHERE status = 'SENDING' AND "leaseUntil" < ${now}
        ORDER BY "leaseUntil" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), oldest AS (
        SELECT id, "dueAt", "createdAt", sequence, "channelLinkId", "recipientMemberId" FROM "Delivery"
        WHERE status = 'PENDING' AND "dueAt" <= ${now}
          AND COALESCE("channelLinkId", "recipientMemberId") <> ALL(${skip}::text[])
          -- One worker at a time holds a destination's posts: its own pace is never divided.
          AND NOT EXISTS (SELECT 1 FROM "Delivery" h
            WHERE h."channelLinkId" = "Delivery"."channelLinkId" AND h.status = 'SENDING'
              AND h."claimedBy" <> ${workerId} AND h."leaseUntil" >= ${now})
          AND NOT EXISTS (SELECT 1 FROM "Delivery" h
            WHERE h."recipientMemberId" = "Delivery"."recipientMemberId" AND h.status = 'SENDING'
              AND h."claimedBy" <> ${workerId} AND h."leaseUntil" >= ${now})
          -- A relayed message waits for those relayed to its channel before it (docs/RELAY.md).
          AND NOT (kind LIKE 'relay.%' AND EXISTS (SELECT 1 FROM "Delivery" e
            WHERE e."channelLinkId" = "Delivery"."channelLinkId" AND e.sequence < "Delivery".sequence
              AND e.kind LIKE 'relay.%'
              AND (e.status = 'PENDING' OR (e.status = 'SENDING' AND e."claimedBy" <> ${workerId}))))
          -- An edit of a card another delivery is still posting waits until that one is done.
          AND NOT (kind NOT LIKE 'relay.%' AND "editsDeliveryId" IS NOT NULL AND EXISTS (
            SELECT 1 FROM "Delivery" t WHERE t.id = "Delivery"."editsDeliveryId"
              AND t.status IN ('PENDING', 'SENDING')))
        ORDER BY "dueAt" LIMIT ${limit * SCAN_FACTOR}
        FOR UPDATE SKIP LOCKED
      ), due AS (
        SELECT d.id, d."dueAt", d."createdAt",
          row_number() OVER (PARTITION BY COALESCE(d."channelLinkId", d."recipientMemberId") COLLATE "C"
            ORDER BY d."dueAt", d.sequence) AS place,
          -- Looked up per row by primary key: joined, the planner hashed every channel link
          -- (100,000 of them, spilling to disk) for a few thousand candidates (bench:scale).
          COALESCE(
            (SELECT l."communityId" FROM "ChannelLink" l WHERE l.id = d."channelLinkId"),
            (SELECT m."communityId" FROM "Member" m WHERE m.id = d."recipientMemberId")
          ) COLLATE "C" AS community
        FROM oldest d
      ), fair AS (
        SELECT id, row_number() OVER (PARTITION BY community ORDER BY place, "dueAt", "createdAt", id COLLATE "C") AS turn,
          "dueAt", "createdAt"
        FROM due WHERE place <= ${perDestination}
      ), fresh AS (
        SELECT id FROM fair ORDER BY turn, "dueAt", "createdAt", id COLLATE "C" LIMIT ${limit}
      ), picked AS (
        SELECT id FROM expired UNION ALL SELECT id FROM fresh LIMIT ${limit}
      ), claimed AS (
        UPDATE "Delivery" d SET status = 'SENDING', "leaseUntil" = ${leaseUntil}, "claimedBy" = ${workerId},
          attempts = d.attempts + 1,
          takeovers = d.takeovers + (CASE WHEN d.status = 'SENDING' THEN 1 ELSE 0 END),
          -- Taken over from a worker that stopped while sending: its post may be there.
          "unansweredAt" = COALESCE(d."unansweredAt", CASE WHEN d.status = 'SENDING' THEN ${now}::timestamp(3) END),
          "updatedAt" = ${now}
        WHERE d.id = ANY(ARRAY(SELECT id FROM picked))
        RETURNING d.id, d.kind, d."sourceId", d.attempts, d.takeovers, d."firstFailedAt", d."unansweredAt", d.payload,
          d."dueAt", d."createdAt", d."channelLinkId", d."recipientMemberId", d."editsMessageId",
          d."editsDeliveryId", d."threadMessageId", d."threadDeliveryId"
      )
      SELECT c.id, c.kind, c."sourceId", c.attempts, c.takeovers, c."firstFailedAt", c."unansweredAt", c.payload, c."dueAt",
        c."channelLinkId",
        COALESCE(c."editsMessageId", ed."platformMessageId") AS "editsMessageId",
        (c."editsDeliveryId" IS NOT NULL AND ed."platformMessageId" IS NULL) AS "targetMissing",
        COALESCE(c."threadMessageId", td."platformMessageId") AS "threadMessageId",
        l."townId" AS "linkTownId", l."partnershipId" AS "linkPartnershipId", l.language AS "linkLanguage",
        l."channelId", l."channelName",
        lc.platform::text AS "linkPlatform", lc."externalId" AS "linkCommunity",
        c."recipientMemberId", m."platformUserId",
        mc.platform::text AS "memberPlatform", mc."externalId" AS "memberCommunity"
      FROM claimed c
      LEFT JOIN fair f ON f.id = c.id
      LEFT JOIN "ChannelLink" l ON l.id = c."channelLinkId"
      LEFT JOIN "Community" lc ON lc.id = l."communityId"
      LEFT JOIN "Member" m ON m.id = c."recipientMemberId"
      LEFT JOIN "Community" mc ON mc.id = m."communityId"
      LEFT JOIN "Delivery" ed ON ed.id = c."editsDeliveryId"
      LEFT JOIN "Delivery" td ON td.id = c."threadDeliveryId"
      ORDER BY f.turn NULLS FIRST, c."dueAt", c."createdAt"`;
    return rows.map(claimedDelivery);
  }

  /**
   * One statement for a batch of outcomes. Only the worker that still holds a claim may put it
   * back or fail it (a worker whose lease ran out must not undo what the next one did), but a
   * message that was posted is recorded as sent whoever finished first. A retry keeps the time
   * of the first failure and ends a run of takeovers (this send was answered).
   */
  async recordOutcomes(workerId: string, outcomes: DeliveryOutcome[], at: Date) {
    if (outcomes.length === 0) return 0;
    const rows = JSON.stringify(
      outcomes.map((o) => ({
        id: o.id,
        outcome: o.outcome,
        platformMessageId: o.outcome === 'sent' ? o.platformMessageId : null,
        sentAt: o.outcome === 'sent' ? o.at.toISOString() : null,
        retryAt: o.outcome === 'retry' ? o.retryAt.toISOString() : null,
        error: o.outcome === 'retry' || o.outcome === 'failed' ? o.error.slice(0, 1000) : null,
        unanswered: o.outcome === 'retry' && o.unanswered === true,
      })),
    );
    return this.db.$executeRaw`
      UPDATE "Delivery" d SET
        status = (CASE o.outcome WHEN 'sent' THEN 'SENT' WHEN 'failed' THEN 'FAILED' ELSE 'PENDING' END)::"DeliveryStatus",
        "platformMessageId" = COALESCE(o."platformMessageId", d."platformMessageId"),
        -- A relayed member's words are not kept once delivered: ids only (docs/RELAY.md).
        payload = CASE WHEN o.outcome = 'sent' AND d.kind LIKE 'relay.%' THEN '{"text":""}'::jsonb ELSE d.payload END,
        "sentAt" = COALESCE(o."sentAt", d."sentAt"),
        "dueAt" = COALESCE(o."retryAt", d."dueAt"),
        "lastError" = CASE o.outcome WHEN 'sent' THEN NULL WHEN 'released' THEN d."lastError" ELSE o.error END,
        attempts = CASE o.outcome WHEN 'released' THEN GREATEST(d.attempts - 1, 0) ELSE d.attempts END,
        "firstFailedAt" = CASE o.outcome WHEN 'retry' THEN COALESCE(d."firstFailedAt", ${at})
          ELSE d."firstFailedAt" END,
        takeovers = CASE o.outcome WHEN 'retry' THEN 0 ELSE d.takeovers END,
        -- Kept once set: a later refusal does not say the earlier post is not there.
        "unansweredAt" = CASE WHEN o.unanswered THEN COALESCE(d."unansweredAt", ${at}) ELSE d."unansweredAt" END,
        "leaseUntil" = NULL,
        "updatedAt" = ${at}
      FROM jsonb_to_recordset(${rows}::jsonb) AS o(
        id text, outcome text, "platformMessageId" text, "sentAt" timestamp(3), "retryAt" timestamp(3), error text,
        unanswered boolean)
      WHERE d.id = o.id
        AND ((o.outcome = 'sent' AND d.status <> 'SENT')
          OR (d.status = 'SENDING' AND d."claimedBy" = ${workerId}))`;
  }

  async renewClaims(workerId: string, ids: readonly string[], now: Date, leaseUntil: Date) {
    if (ids.length === 0) return [];
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}
      WHERE id = ANY(${[...ids]}::text[]) AND status = 'SENDING' AND "claimedBy" = ${workerId}
        AND "leaseUntil" > ${now}
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  async markChannelBroken(channelLinkId: string, reason: string) {
    const { count } = await this.db.channelLink.updateMany({
      where: { id: channelLinkId, status: 'ACTIVE' },
      data: { status: 'BROKEN', brokenReason: reason.slice(0, 1000) },
    });
    // Posts still waiting for the channel would only fail one by one: they end here.
    const abandoned = await this.db.delivery.updateMany({
      where: { channelLinkId, status: 'PENDING' },
      data: { status: 'FAILED', leaseUntil: null, lastError: `channel broken: ${reason}`.slice(0, 1000) },
    });
    return { newlyBroken: count > 0, abandoned: abandoned.count };
  }

  async countByStatus() {
    const groups = await this.db.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }

  // Planned deliveries (reminders): see src/core/jobs/reminders.ts.

  /**
   * One statement: new keys are inserted, a key withdrawn earlier (DROPPED) is pending again,
   * any other existing key is left alone. The key holds the content and the time, so a
   * withdrawn row with the same key is the same post.
   */
  supersedePending(sourceId: string, kind: string, channelLinkIds: readonly string[]): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "Delivery" WHERE "sourceId" = ${sourceId} AND kind = ${kind} AND status = 'PENDING'
        AND "channelLinkId" = ANY(${[...channelLinkIds]}::text[])`;
  }

  async plan(deliveries: NewDelivery[]) {
    if (deliveries.length === 0) return 0;
    const rows = JSON.stringify(
      deliveries.map((d) => ({
        dedupeKey: d.dedupeKey,
        kind: d.kind,
        sourceId: d.sourceId,
        channelLinkId: 'channelLinkId' in d ? d.channelLinkId : null,
        recipientMemberId: 'recipientMemberId' in d ? d.recipientMemberId : null,
        payload: d.payload,
        dueAt: d.dueAt.toISOString(),
      })),
    );
    return this.db.$executeRaw`
      INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", "channelLinkId", "recipientMemberId",
        payload, "dueAt", "updatedAt")
      SELECT gen_random_uuid()::text, r."dedupeKey", r.kind, r."sourceId", r."channelLinkId",
        r."recipientMemberId", r.payload, r."dueAt", now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS r("dedupeKey" text, kind text, "sourceId" text,
        "channelLinkId" text, "recipientMemberId" text, payload jsonb, "dueAt" timestamp(3))
      ON CONFLICT ("dedupeKey") DO UPDATE SET status = 'PENDING', attempts = 0, takeovers = 0,
        "firstFailedAt" = NULL, "lastError" = NULL, "leaseUntil" = NULL, "claimedBy" = NULL,
        "updatedAt" = now()
      WHERE "Delivery".status = 'DROPPED'`;
  }

  async latestPosted(sourceId: string, kinds: string[]) {
    const newest = new Map<string, PostedMessage>();
    for (const posted of await this.postedIn(sourceId, kinds, ['SENT']))
      if (!newest.has(posted.channelLinkId)) newest.set(posted.channelLinkId, posted);
    return [...newest.values()];
  }

  everyPostedOrUnderWay(sourceId: string, kinds: string[]) {
    return this.postedIn(sourceId, kinds, ['SENT', 'SENDING']);
  }

  async everyDirectSentOrUnderWay(sourceId: string, kinds: string[]) {
    const rows = await this.db.delivery.findMany({
      where: {
        sourceId,
        kind: { in: kinds },
        status: { in: ['SENT', 'SENDING'] },
        recipientMemberId: { not: null },
      },
      select: { id: true, recipientMemberId: true, kind: true },
    });
    return rows.flatMap(({ id, recipientMemberId, kind }): SentDirectMessage[] =>
      recipientMemberId === null ? [] : [{ recipientMemberId, kind, deliveryId: id }],
    );
  }

  private async postedIn(sourceId: string, kinds: string[], statuses: ('SENT' | 'SENDING')[]) {
    const rows = await this.db.delivery.findMany({
      where: { sourceId, kind: { in: kinds }, status: { in: statuses }, channelLinkId: { not: null } },
      select: {
        id: true,
        channelLinkId: true,
        kind: true,
        platformMessageId: true,
        channelLink: { select: { channelId: true } },
      },
      orderBy: [{ sentAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    });
    return rows.flatMap(({ id, channelLinkId, kind, platformMessageId, channelLink }): PostedMessage[] =>
      channelLinkId === null || channelLink === null
        ? []
        : [{ channelLinkId, channelId: channelLink.channelId, kind, deliveryId: id, platformMessageId }],
    );
  }

  async withdrawPending(
    filter: { sourceId: string; kinds: string[]; recipientMemberIds?: string[]; exceptKeys: string[] },
    reason: string,
  ) {
    const { count } = await this.db.delivery.updateMany({
      where: {
        sourceId: filter.sourceId,
        kind: { in: filter.kinds },
        status: 'PENDING',
        ...(filter.recipientMemberIds ? { recipientMemberId: { in: filter.recipientMemberIds } } : {}),
        ...(filter.exceptKeys.length > 0 ? { dedupeKey: { notIn: filter.exceptKeys } } : {}),
      },
      data: { status: 'DROPPED', lastError: reason.slice(0, 1000) },
    });
    return count;
  }

  async withdrawPendingKey(dedupeKey: string, reason: string) {
    const { count } = await this.db.delivery.updateMany({
      where: { dedupeKey, status: 'PENDING' },
      data: { status: 'DROPPED', lastError: reason.slice(0, 1000) },
    });
    return count;
  }

  /**
   * Only rows due by `by` can be sent before the next sweep, so the (status, dueAt) index bounds
   * the scan however many reminders wait further ahead.
   */
  async dropForStartedExchanges(options: { kinds: string[]; by: Date; reason: string }) {
    const rows = await this.db.$queryRaw<
      { id: string; kind: string; dueAt: Date; exchangeId: string; exchangeNumber: number; startsAt: Date }[]
    >`
      UPDATE "Delivery" d SET status = 'DROPPED', "lastError" = ${options.reason.slice(0, 1000)},
        "updatedAt" = now()
      FROM "Exchange" e
      WHERE d.status = 'PENDING' AND d."dueAt" <= ${options.by} AND d.kind = ANY(${options.kinds}::text[])
        AND e.id = d."sourceId" AND (e."startsAt" <= ${options.by} OR e.status <> 'PLANNED')
      RETURNING d.id, d.kind, d."dueAt", e.id AS "exchangeId", e.number AS "exchangeNumber",
        e."startsAt"`;
    return rows.map((row) => ({ ...row, exchangeNumber: Number(row.exchangeNumber) }));
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
