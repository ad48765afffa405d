/**
 * What a backfill makes of a channel's history (backfill.ts): missed messages, edits and deletes
 * of known originals, within the span read. The platforms' own readings are tested end to end
 * in test/slack/slack-discord-backfill*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKFILL_MAX_PAGES,
  planBackfill,
  readFloor,
  type BackfillWindow,
  type HistoryEntry,
  type PlacedOriginal,
} from './backfill.ts';

/** A member's message at place `order`, edited at `editId` when given. */
const entry = (order: number, editId?: string): HistoryEntry<string> => ({
  message: `m${order}`,
  messageId: `m${order}`,
  order: BigInt(order),
  editId,
  members: true,
});
const original = (order: number, lastEditId: string | null = null): PlacedOriginal => ({
  messageId: `m${order}`,
  lastEditId,
  inThread: false,
  inReplyTo: null,
  order: BigInt(order),
  inHistory: true,
});

/** Pages as an adapter yields them (an array is an iterable planBackfill's `for await` takes). */
const pagesOf = (...pages: HistoryEntry<string>[][]): HistoryEntry<string>[][] => pages;

describe('a backfill plan', () => {
  const window: BackfillWindow = {
    newestKnown: 50n,
    ageBound: 0n,
    originals: [original(10), original(20, 'e1'), original(30), original(40)],
  };

  it('reads back to the oldest original within the age bound, not only the newest known', () => {
    expect(readFloor(window)).toBe(9n);
    expect(readFloor({ ...window, originals: [] })).toBe(49n);
    expect(readFloor({ ...window, originals: [], oldestCopy: 5n })).toBe(4n);
    expect(readFloor({ ...window, ageBound: 25n })).toBe(25n);
  });

  it('relays the edits the copies do not carry yet and the originals gone from the history', async () => {
    // m10 edited (never before), m20 carries e1 still, m30 deleted, m40 edited again; m60 is new.
    const plan = await planBackfill(
      pagesOf([
        entry(60),
        { ...entry(50), members: false },
        entry(40, 'e2'),
        entry(20, 'e1'),
        entry(10, 'e3'),
      ]),
      window,
    );
    expect(plan.relayed).toEqual(['m60']);
    expect(plan.edited.map((e) => [e.messageId, e.editId])).toEqual([
      ['m10', 'e3'],
      ['m40', 'e2'],
    ]);
    expect(plan.deleted).toEqual(['m30']);
  });

  it('infers no delete older than what was read when reading stopped at the page bound', async () => {
    // Ten pages of one message each, 1000 down to 990 but for m995 (deleted); m985 lay beyond them.
    const orders = Array.from({ length: BACKFILL_MAX_PAGES + 1 }, (_, n) => 1000 - n).filter(
      (o) => o !== 995,
    );
    const plan = await planBackfill(pagesOf(...orders.map((o) => [entry(o)]), [entry(40)]), {
      ...window,
      newestKnown: 1000n,
      originals: [original(30), original(985), original(995)],
    });
    expect(plan.atLeast).toBe(true);
    expect(plan.deleted).toEqual(['m995']);
  });

  it('infers no delete from a history that shows nothing the relay knew (it may not be readable)', async () => {
    const plan = await planBackfill(pagesOf([entry(60)]), window);
    expect(plan.relayed).toEqual(['m60']);
    expect(plan.deleted).toEqual([]);
  });

  it('does not look for a reply kept in its thread in the channel history', async () => {
    const inThread = { ...original(30), inThread: true, inHistory: false };
    const plan = await planBackfill(pagesOf([entry(40), entry(20), entry(10)]), {
      ...window,
      originals: [original(10), inThread, original(40)],
    });
    expect(plan.deleted).toEqual([]);
  });
});
