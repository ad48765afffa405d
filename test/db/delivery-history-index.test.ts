/**
 * An exchange's posted cards, and its redraws and reminders still waiting, are found through the
 * ("sourceId", kind, status) index however much history the exchange has in the outbox: an RSVP
 * reads and withdraws them, and before the index it read every delivery row of the exchange
 * (642 ms with 1,000,000 rows in the outbox, `npm run bench` with BENCH_OUTBOX_ROWS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaDeliveryRepository } from '../../src/db/repositories/outbox-repositories.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

const HISTORY_ROWS = 20_000;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.each(DATABASE_KINDS)('the delivery history index on %s', (kind) => {
  let database: Database;
  let exchangeId: string;
  let channelLinkId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const community = await database.prisma.community.create({
      data: { platform: 'CONSOLE', externalId: 'krumlov', name: 'krumlov' },
    });
    const town = await database.prisma.town.create({
      data: {
        name: 'Český Krumlov',
        country: 'CZ',
        timeZone: 'Europe/Prague',
        language: 'cs',
        communityId: community.id,
      },
    });
    const partnership = await database.prisma.partnership.create({
      data: { name: 'Krumlov – Passau', form: 'FORMAL', ownerTownId: town.id },
    });
    const link = await database.prisma.channelLink.create({
      data: {
        partnershipId: partnership.id,
        townId: town.id,
        communityId: community.id,
        channelId: 'partneri',
        channelName: 'partneri',
        language: 'cs',
      },
    });
    channelLinkId = link.id;
    exchangeId = 'exchange-with-history';
    // The exchange's card, posted once, and a long history of redraws sent or withdrawn.
    await database.prisma.$executeRaw`
      INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", "channelLinkId", payload, "dueAt", status,
        "platformMessageId", "sentAt", "updatedAt")
      SELECT 'history-' || i, 'history-' || i,
        CASE WHEN i = 0 THEN 'exchange.created' ELSE 'exchange.card-redraw' END, ${exchangeId},
        ${channelLinkId}, '{"text":""}'::jsonb, now(),
        (CASE WHEN i % 2 = 0 THEN 'SENT' ELSE 'DROPPED' END)::"DeliveryStatus", 'message-' || i, now(), now()
      FROM generate_series(0, ${HISTORY_ROWS}::int) i`;
    await database.prisma.$executeRaw`ANALYZE "Delivery"`;
  });
  afterAll(() => database.close());

  /** The plan of `sql` on the test's data; PostgreSQL's JSON EXPLAIN with what it actually did. */
  async function planOf(sql: string, ...args: unknown[]): Promise<PlanNode[]> {
    const rows = await database.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      ...args,
    );
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error('no plan');
    return nodes(plan);
  }

  it('finds the posted card among its history without reading the rest', async () => {
    const plan = await planOf(
      `SELECT "channelLinkId", kind, "platformMessageId" FROM "Delivery"
       WHERE "sourceId" = $1 AND kind IN ('exchange.created', 'exchange.updated') AND status = 'SENT'
         AND "channelLinkId" IS NOT NULL`,
      exchangeId,
    );
    const scan = plan.find((node) => node['Index Name'] !== undefined);
    expect(scan?.['Index Name']).toBe('Delivery_sourceId_kind_status_idx');
    expect(plan.every((node) => (node['Rows Removed by Filter'] ?? 0) === 0)).toBe(true);
    const posted = await new PrismaDeliveryRepository(database.prisma).latestPosted(exchangeId, [
      'exchange.created',
      'exchange.updated',
    ]);
    expect(posted).toEqual([
      {
        channelLinkId,
        channelId: 'partneri',
        kind: 'exchange.created',
        platformMessageId: 'message-0',
        deliveryId: expect.any(String) as string,
      },
    ]);
  });

  it('finds the waiting redraws to withdraw without reading the history', async () => {
    const plan = await planOf(
      `SELECT id FROM "Delivery" WHERE "sourceId" = $1 AND kind IN ('exchange.card-redraw') AND status = 'PENDING'`,
      exchangeId,
    );
    expect(plan.find((node) => node['Index Name'] !== undefined)?.['Index Name']).toBe(
      'Delivery_sourceId_kind_status_idx',
    );
    expect(plan.every((node) => (node['Rows Removed by Filter'] ?? 0) === 0)).toBe(true);
  });
});
