/**
 * Property-based tests of the whole command path: generated invocations of every command
 * definition (test/properties/command-arbitraries.ts), as text and as typed platform options,
 * through the real CommandBus on a real database, from coordinators, members, admins and
 * strangers. Whatever comes in: no unexpected failure, every refusal a translated message
 * naming the option it is about, and the database consistent afterwards.
 *
 * Seeded and reproducible: the seed is printed; PROPERTY_SEED=<seed> replays a run and
 * PROPERTY_RUNS=<n> changes how many invocations each database kind gets (default 5,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import type { Actor, ChannelRef, Reply } from '../../src/core/commands/invocation.ts';
import { en } from '../../src/core/i18n/catalogs/en.ts';
import type { Database } from '../../src/db/open-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from '../console/console-harness.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { invocationOf, type Invocation } from './command-arbitraries.ts';

const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 5000);

/** Two coordinators, a plain member, a stranger in a community without a town, one on Discord. */
function place(community: string, user: string, channel: string, platform: Actor['platform'] = 'CONSOLE') {
  const actor: Actor = {
    platform,
    communityExternalId: community,
    communityName: community,
    userId: user,
    displayName: user,
    communityAdmin: false,
  };
  const where: ChannelRef = { id: channel, name: channel };
  return { actor, channel: where };
}
const PLACES = [
  place('krumlov', 'jana', 'partneri'),
  place('krumlov', 'jana', 'jiny-kanal'),
  place('passau', 'max', 'partnerstadt'),
  place('krumlov', 'eve', 'partneri'),
  place('nowhere', 'zoe', 'general'),
  place('G1', 'D100', 'C200', 'DISCORD'),
];

const SET_UP = `${TWIN_KRUMLOV_PASSAU}
event create partnership:1 title:"Tábor" kind:youth-exchange start:"2027-07-06 10:00" capacity:3
:as eve
rsvp event:1 answer:going guests:1
:as jana
rsvp event:1 answer:going
:community passau
:as max
rsvp event:1 answer:going
`;

/** What every answer must be, whatever was asked. */
function checkReply(reply: Reply, invocation: Invocation): void {
  expect(reply.text.trim(), JSON.stringify(invocation.request)).not.toBe('');
  if (!reply.error) return;
  expect(reply.error.key, JSON.stringify(invocation.request)).not.toBe('error.unexpected');
  expect(Object.keys(en)).toContain(reply.error.key);
  expect(reply.private).toBe(true);
  if (reply.error.key.startsWith('validation.') && reply.error.key !== 'validation.unknown-language') {
    // Named in the message, so the person knows which option to fix.
    expect(reply.error.option, JSON.stringify(invocation.request)).toBeDefined();
    expect(reply.text).toContain(reply.error.option);
  }
}

type Count = { count: bigint | number };

/** The row's partnership still has a town. */
const HAS_TOWNS = (row: string) =>
  `EXISTS (SELECT 1 FROM "PartnershipTown" x WHERE x."partnershipId" = ${row}."partnershipId")`;

/** Database invariants; each query counts the rows that break one. */
const INVARIANTS: Record<string, string> = {
  'channel links of towns that are not partners': `
    SELECT count(*) AS count FROM "ChannelLink" l WHERE NOT EXISTS (SELECT 1 FROM "PartnershipTown" pt
      WHERE pt."partnershipId" = l."partnershipId" AND pt."townId" = l."townId")`,
  'pending deliveries to a channel that is not linked': `
    SELECT count(*) AS count FROM "Delivery" d LEFT JOIN "ChannelLink" l ON l.id = d."channelLinkId"
    WHERE d.status IN ('PENDING', 'SENDING') AND (
      (d."channelLinkId" IS NULL AND d."recipientMemberId" IS NULL)
      OR (d."channelLinkId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PartnershipTown" pt
        WHERE pt."partnershipId" = l."partnershipId" AND pt."townId" = l."townId")))`,
  // A partnership its last town left keeps its founder and exchanges as history (see the report).
  'planned exchanges hosted by a town that is not a partner': `
    SELECT count(*) AS count FROM "Exchange" e WHERE e.status = 'PLANNED' AND ${HAS_TOWNS('e')} AND NOT EXISTS (
      SELECT 1 FROM "PartnershipTown" pt WHERE pt."partnershipId" = e."partnershipId" AND pt."townId" = e."hostTownId")`,
  'scheduled announcements of a town that is not a partner': `
    SELECT count(*) AS count FROM "Announcement" a WHERE a.status = 'SCHEDULED' AND a."townId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "PartnershipTown" pt WHERE pt."partnershipId" = a."partnershipId" AND pt."townId" = a."townId")`,
  'open invites of a town that is not a partner': `
    SELECT count(*) AS count FROM "Invite" i WHERE i."usedAt" IS NULL AND i."revokedAt" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "PartnershipTown" pt WHERE pt."partnershipId" = i."partnershipId" AND pt."townId" = i."fromTownId")`,
  'partnerships owned by a town that is not a partner': `
    SELECT count(*) AS count FROM "Partnership" p WHERE p."ownerTownId" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "PartnershipTown" x WHERE x."partnershipId" = p.id) AND NOT EXISTS (
      SELECT 1 FROM "PartnershipTown" pt WHERE pt."partnershipId" = p.id AND pt."townId" = p."ownerTownId")`,
  'members of a town in another community': `
    SELECT count(*) AS count FROM "Member" m JOIN "Town" t ON t.id = m."townId" WHERE t."communityId" <> m."communityId"`,
  'coordinators without a town': `SELECT count(*) AS count FROM "Member" WHERE role = 'COORDINATOR' AND "townId" IS NULL`,
  'towns without a coordinator': `
    SELECT count(*) AS count FROM "Town" t WHERE NOT EXISTS (
      SELECT 1 FROM "Member" m WHERE m."townId" = t.id AND m.role = 'COORDINATOR')`,
  'exchanges with more people going than places': `
    SELECT count(*) AS count FROM "Exchange" e WHERE e.capacity IS NOT NULL AND e.capacity < (
      SELECT coalesce(sum(1 + r.guests), 0) FROM "Rsvp" r WHERE r."exchangeId" = e.id AND r.status = 'GOING')`,
  'waitlists on exchanges without a limit': `
    SELECT count(*) AS count FROM "Rsvp" r JOIN "Exchange" e ON e.id = r."exchangeId"
    WHERE r.status = 'WAITLISTED' AND e.capacity IS NULL`,
  'waitlists whose first in line would fit (a gap in the line)': `
    SELECT count(*) AS count FROM "Exchange" e JOIN LATERAL (
      SELECT r.guests FROM "Rsvp" r WHERE r."exchangeId" = e.id AND r.status = 'WAITLISTED'
      ORDER BY r."queuedAt", r.id LIMIT 1) first ON true
    WHERE e.status = 'PLANNED' AND e.capacity IS NOT NULL AND e.capacity >= 1 + first.guests + (
      SELECT coalesce(sum(1 + r.guests), 0) FROM "Rsvp" r WHERE r."exchangeId" = e.id AND r.status = 'GOING')`,
};

async function brokenInvariants(database: Database): Promise<Record<string, number>> {
  const broken: Record<string, number> = {};
  for (const [name, sql] of Object.entries(INVARIANTS)) {
    const [row] = await database.prisma.$queryRawUnsafe<Count[]>(sql);
    const count = Number(row?.count ?? 0);
    if (count > 0) broken[name] = count;
  }
  return broken;
}

/** The seats each exchange's card shows equal the seats its answers take. */
async function cardSeatsMatchRows(harness: ConsoleHarness, database: Database): Promise<void> {
  const exchanges = await database.prisma.exchange.findMany({ include: { rsvps: true } });
  for (const exchange of exchanges) {
    for (const { actor, channel } of PLACES.slice(0, 3)) {
      const reply = await harness.bus.run({
        actor,
        channel,
        locale: 'en',
        command: 'event.info',
        options: { event: exchange.number },
      });
      const card = reply.exchange;
      if (!card) continue;
      const going = exchange.rsvps.filter((r) => r.status === 'GOING');
      const seats = going.reduce((sum, r) => sum + 1 + r.guests, 0);
      const waiting = exchange.rsvps.filter((r) => r.status === 'WAITLISTED').length;
      const places = card.fields.map((f) => f.value).join(' | ');
      expect(places, `exchange #${exchange.number}`).toMatch(new RegExp(`\\b${seats}\\b`));
      if (waiting > 0) expect(places).toMatch(new RegExp(`\\b${waiting}\\b`));
    }
  }
}

describe.each(DATABASE_KINDS)('generated commands on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z', 'fatal');
    const printed = await harness.run(SET_UP);
    expect(printed).not.toContain('✗');
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers every invocation of every command, and keeps the database consistent', async () => {
    const tried = new Map<string, number>();
    const outcomes = { done: 0, refused: 0 };
    console.log(`property seed ${SEED} (PROPERTY_SEED=${SEED} replays it), ${RUNS} runs on ${kind}`);
    await fc.assert(
      fc.asyncProperty(invocationOf(commandList, PLACES), async (invocation) => {
        const reply = await harness.bus.run(invocation.request);
        const id = invocation.definition.path.join(' ');
        tried.set(id, (tried.get(id) ?? 0) + 1);
        outcomes[reply.error ? 'refused' : 'done'] += 1;
        checkReply(reply, invocation);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const total = [...tried.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${total} generated invocations on ${kind}: ${outcomes.done} done, ${outcomes.refused} refused, ` +
        `${tried.size} of ${commandList.length} commands`,
    );
    expect(total).toBe(RUNS);
    expect([...tried.keys()].sort()).toEqual(commandList.map((d) => d.path.join(' ')).sort());
    expect(outcomes.done).toBeGreaterThan(RUNS / 50);
    expect(await brokenInvariants(database), `PROPERTY_SEED=${SEED}`).toEqual({});
    await cardSeatsMatchRows(harness, database);
    // 5,000 commands through a real database: about 25 s on an idle 2-core machine, so the suite's
    // default 30 s is no bound for it; this one only stops a run that hangs.
  }, 300_000);
});
