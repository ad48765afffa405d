/**
 * The reaction state the relay writes for each side of a relayed message (docs/RELAY.md,
 * "Reactions"), on the real database engines: a newer change replaces the delivery still waiting
 * (only the latest state is sent), one already claimed stays; a repeated event changes nothing;
 * a person reacting on two sides counts once; a remove takes back only that person's; the
 * reactions go with the relayed message when the purge removes it, and with the member who
 * runs `profile forget`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelayService } from '../../src/core/relay/relay-service.ts';
import type { ReactionChange } from '../../src/core/relay/relay-ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import { recordingLogger, seededOutbox, type Twinning } from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');

describe.each(DATABASE_KINDS)('the reaction state of relayed messages on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let twinning: Twinning;
  let relay: RelayService;
  let relayedId: string;

  /** A reaction in the original's channel (link 0) or on the copy's (link 1), by `userId`. */
  const change = (userId: string, emoji: string, side: 0 | 1 = 0, added = true): ReactionChange => ({
    platform: 'DISCORD',
    communityExternalId: twinning.communityExternalId,
    channelId: twinning.links[side]!.channelId,
    messageId: side === 0 ? 'original-1' : 'copy-1',
    userId,
    emoji,
    added,
  });

  /** The relay.reactions deliveries to a side, with their status and the state they carry. */
  const states = async (side: 0 | 1) =>
    (
      await database.prisma.delivery.findMany({
        where: { kind: 'relay.reactions', channelLinkId: twinning.links[side]!.id },
        orderBy: { sequence: 'asc' },
        select: { status: true, payload: true },
      })
    ).map((d) => ({ status: d.status, reactions: (d.payload as { reactions?: unknown }).reactions }));

  beforeEach(async () => {
    ({ database, store, twinning } = await seededOutbox(kind));
    relay = new RelayService({ store, clock: new TestClock(START), logger: recordingLogger() });
    const [origin, copyLink] = twinning.links;
    const relayed = await database.prisma.relayedMessage.create({
      data: { originLinkId: origin!.id, originMessageId: 'original-1' },
    });
    relayedId = relayed.id;
    await database.prisma.delivery.create({
      data: {
        dedupeKey: `relay:${relayed.id}:${copyLink!.id}`,
        kind: 'relay.message',
        sourceId: relayed.id,
        channelLinkId: copyLink!.id,
        payload: { text: '' },
        dueAt: START,
        status: 'SENT',
        platformMessageId: 'copy-1',
      },
    });
  });
  afterEach(async () => {
    await database.close();
  });

  it('replaces the state still waiting with the newer one', async () => {
    await relay.reactionChanged(change('jana', '🎉'));
    await relay.reactionChanged(change('klaus', '🎉'));
    expect(await states(1)).toEqual([{ status: 'PENDING', reactions: [{ emoji: '🎉', count: 2 }] }]);
    // The side reacted on is not told its own reactions.
    expect(await states(0)).toEqual([]);
  });

  it('keeps a state already claimed, and adds the newer one after it', async () => {
    await relay.reactionChanged(change('jana', '🎉'));
    // The relay's clock moves on a little with each reading: claimed a minute later.
    await store.transaction((repos) =>
      repos.deliveries.claimDue({
        now: new Date(START.getTime() + 60_000),
        limit: 10,
        workerId: 'w',
        leaseUntil: new Date(START.getTime() + 75_000),
      }),
    );
    await relay.reactionChanged(change('jana', '🎉', 0, false));
    expect(await states(1)).toEqual([
      { status: 'SENDING', reactions: [{ emoji: '🎉', count: 1 }] },
      { status: 'PENDING', reactions: [] },
    ]);
  });

  it('changes nothing for an event told twice', async () => {
    await relay.reactionChanged(change('jana', '👍'));
    await database.prisma.delivery.deleteMany({ where: { kind: 'relay.reactions' } });
    await relay.reactionChanged(change('jana', '👍'));
    expect(await states(1)).toEqual([]);
  });

  it('counts a person reacting on two sides once, and a remove takes back only that side’s', async () => {
    await relay.reactionChanged(change('klaus', '👍', 0));
    await relay.reactionChanged(change('klaus', '👍', 1));
    await relay.reactionChanged(change('jana', '👍', 1));
    // The original's side sees the copy's: klaus and jana; the copy's sees the original's: klaus.
    expect((await states(0)).at(-1)).toEqual({ status: 'PENDING', reactions: [{ emoji: '👍', count: 2 }] });
    expect((await states(1)).at(-1)).toEqual({ status: 'PENDING', reactions: [{ emoji: '👍', count: 1 }] });
    await relay.reactionChanged(change('klaus', '👍', 1, false));
    expect((await states(0)).at(-1)).toEqual({ status: 'PENDING', reactions: [{ emoji: '👍', count: 1 }] });
  });

  it('forgets a member’s reactions with the member (profile forget)', async () => {
    await relay.reactionChanged(change('jana', '👍'));
    await relay.reactionChanged(change('klaus', '👍'));
    const jana = twinning.coordinators.find((m) => m.platformUserId === 'jana')!;
    await store.transaction((repos) => repos.privacy.forget(jana.id, START, 'forgotten'));
    expect(await database.prisma.relayReaction.findMany({ select: { userId: true } })).toEqual([
      { userId: 'klaus' },
    ]);
  });

  it('keeps ids only, and they go with the relayed message', async () => {
    await relay.reactionChanged(change('jana', '👍'));
    expect(await database.prisma.relayReaction.findMany({ select: { emoji: true, userId: true } })).toEqual([
      { emoji: '👍', userId: 'jana' },
    ]);
    await database.prisma.relayedMessage.delete({ where: { id: relayedId } });
    expect(await database.prisma.relayReaction.count()).toBe(0);
  });
});
