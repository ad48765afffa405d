/**
 * What a backfill makes of a channel's history (backfill.ts) and of its threads
 * (backfill-threads.ts): missed messages, edits and deletes of known originals, within the span
 * read. The platforms' own readings are tested end to end
 * in test/slack/slack-discord-backfill*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKFILL_MAX_MESSAGES,
  BACKFILL_MAX_PAGES,
  BACKFILL_MAX_THREADS,
  planBackfill,
  readFloor,
  type BackfillWindow,
  type HistoryEntry,
  type PlacedOriginal,
} from './backfill.ts';
import { planThreads, threadsToRead, type ThreadPage } from './backfill-threads.ts';

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

describe('a backfill of thread replies', () => {
  /** A reply the relay relayed, at place `order` in the thread that starts at `start`. */
  const reply = (order: number, start = 100, lastEditId: string | null = null): PlacedOriginal => ({
    ...original(order, lastEditId),
    inThread: true,
    inReplyTo: `m${start}`,
    inHistory: false,
    thread: { id: `m${start}`, order: BigInt(start) },
  });
  const window: BackfillWindow = {
    newestKnown: 150n,
    ageBound: 50n,
    originals: [original(100), reply(110), reply(120, 100, 'e1'), reply(130)],
  };
  /** A page of thread m100 read completely from `completeFrom` (and up to `completeTo`). */
  const page = (
    entries: HistoryEntry<string>[],
    completeFrom = 0n,
    completeTo?: bigint,
  ): ThreadPage<string> => ({ threadId: 'm100', entries, completeFrom, completeTo });
  const none = { edited: [], deleted: [] };

  it('reads the threads with newer replies first, then those holding known replies, newest first', () => {
    const targets = threadsToRead([{ id: 'm140', order: 140n }], {
      ...window,
      originals: [...window.originals, reply(90, 60), reply(145, 140)],
    });
    expect(targets.map((t) => t.threadId)).toEqual(['m140', 'm100', 'm60']);
    const many = Array.from({ length: BACKFILL_MAX_THREADS + 5 }, (_, n) => reply(60 + n, 55 + n));
    expect(threadsToRead([], { ...window, originals: many })).toHaveLength(BACKFILL_MAX_THREADS);
  });

  it('reads a thread with known replies from its start within the age bound, one with only newer replies from the newest known', () => {
    expect(threadsToRead([{ id: 'm140', order: 140n }], window)).toEqual([
      { threadId: 'm140', after: 150n },
      { threadId: 'm100', after: 99n },
    ]);
    // Started before the age bound: read from the bound.
    expect(threadsToRead([], { ...window, originals: [reply(60, 20)] })).toEqual([
      { threadId: 'm20', after: 50n },
    ]);
  });

  it('leaves the channel history to messages outside threads', () => {
    expect(readFloor({ ...window, originals: [original(140), reply(60, 55)] })).toBe(139n);
  });

  it('edits the copies of a reply edited in its thread, and deletes those of a reply gone from it', () => {
    const plan = planThreads(
      [page([entry(100), entry(110, 'e2'), entry(120, 'e1'), entry(160), { ...entry(170), members: false }])],
      window,
      none,
    );
    expect(plan.edited.map((e) => [e.messageId, e.editId])).toEqual([['m110', 'e2']]);
    expect(plan.deleted).toEqual(['m130']);
    // The new member's reply is relayed; the parent, known replies and others' messages are not.
    expect(plan.replies).toEqual(['m160']);
  });

  it('infers no delete of a reply older than the page reached (Discord: the newest 100)', () => {
    const plan = planThreads([page([entry(120), entry(130)], 115n)], window, none);
    expect(plan.deleted).toEqual([]);
    const reached = planThreads([page([entry(120), entry(130)], 105n)], window, none);
    expect(reached.deleted).toEqual(['m110']);
  });

  it('infers no delete of a reply newer than the page reached (Slack: the oldest 100 after a place)', () => {
    const plan = planThreads([page([entry(100), entry(110), entry(115)], 100n, 115n)], window, none);
    expect(plan.deleted).toEqual([]);
  });

  it('infers no delete from an empty answer, nor from one showing only what is new', () => {
    expect(planThreads([page([])], window, none).deleted).toEqual([]);
    const onlyNew = planThreads([page([entry(160)])], window, none);
    expect(onlyNew.deleted).toEqual([]);
    expect(onlyNew.replies).toEqual(['m160']);
    // No page at all (the read failed): nothing about the thread.
    expect(planThreads([], window, none)).toEqual({ edited: [], deleted: [], replies: [] });
  });

  it('does not edit twice a reply also sent to the channel, and keeps within the channel’s bounds', () => {
    const inChannel = { ...entry(110, 'e2') };
    const plan = planThreads([page([entry(100), entry(110, 'e2'), entry(130, 'e3')])], window, {
      edited: [inChannel],
      deleted: [],
    });
    expect(plan.edited.map((e) => e.messageId)).toEqual(['m130']);
    expect(plan.deleted).toEqual(['m120']);
    const full = Array.from({ length: BACKFILL_MAX_MESSAGES }, (_, n) => `x${n}`);
    const bounded = planThreads([page([entry(100), entry(130, 'e3')])], window, {
      edited: full.map((id) => ({ ...entry(1), messageId: id })),
      deleted: full,
    });
    expect(bounded).toEqual({ edited: [], deleted: [], replies: [] });
  });
});
