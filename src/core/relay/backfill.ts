/**
 * Backfill (docs/RELAY.md): what members wrote in a relaying channel while the bot was down is
 * read back from the platform's history at start and relayed in order, within bounds. The
 * adapters read (each platform pages its own way, newest first); this keeps the bounds, decides
 * what a channel's history says and what was left out. Threads: backfill-threads.ts; one
 * channel's whole run: backfill-channel.ts.
 */
import type { KnownOriginal } from './relay-ports.ts';

/**
 * At most this many missed messages per channel: enough to catch up on a conversation, while a
 * channel that was busy for hours does not flood its partners with an archive at once.
 */
export const BACKFILL_MAX_MESSAGES = 100;
/** At most this far back: older is no longer a conversation (the outbox gives up after 24 h too). */
export const BACKFILL_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Pages of history (one request each) read per channel, so counting what is left out is bounded. */
export const BACKFILL_MAX_PAGES = 10;
/**
 * At most this many threads are read per channel (a request each): those with replies newer than
 * the relay knows, then those holding replies it relayed (for their edits and removals).
 */
export const BACKFILL_MAX_THREADS = 20;

/**
 * At most this many originals per channel are checked for edits and deletes: what 10 pages of
 * history can hold.
 */
export const BACKFILL_MAX_ORIGINALS = 1000;

export interface MissedMessages<T> {
  /** The newest members' messages within the bounds, oldest first: the order to relay them in. */
  relayed: T[];
  /** Members' messages older than those, within the age bound, left out. */
  skipped: number;
  /** Reading stopped at BACKFILL_MAX_PAGES: more may have been left out than `skipped` says. */
  atLeast: boolean;
}

/** One message of a channel's history as the backfill weighs it. */
export interface HistoryEntry<T> {
  message: T;
  /** The relay's id of it (as messageArrived is given it). */
  messageId: string;
  /** Its place in the platform's order: a Discord snowflake, a Slack ts in microseconds. */
  order: bigint;
  /** Its edit time when it was edited (Discord `edited_timestamp`, Slack `edited.ts`). */
  editId: string | undefined;
  /** A member's own message, by the same rules as live. */
  members: boolean;
  /** A thread's parent: its newest reply's place (a reply may be outside the channel's history). */
  latestReply?: bigint | undefined;
}

/** An original the relay copied, placed in the platform's order by the adapter. */
export interface PlacedOriginal extends KnownOriginal {
  order: bigint;
  /** The channel's history holds it while it exists (not a reply kept in its thread). */
  inHistory: boolean;
  /** The thread it was written in: that thread is read for its edits and removal (backfill-threads.ts). */
  thread?: ThreadRef | undefined;
}

/** A thread as the adapter names it, and where it starts in the platform's order. */
export interface ThreadRef {
  /** Slack: the parent's ts; Discord: the thread's channel id (its starter message's, when started on one). */
  id: string;
  /** Its parent's place (Slack), or its own (Discord): none of its messages is older. */
  order: bigint;
}

/** What the relay knows of a channel, in the platform's order. */
export interface BackfillWindow {
  /** The newest message the relay knows there: members' messages after it were missed. */
  newestKnown: bigint;
  /** The place of the age bound: nothing older is read. */
  ageBound: bigint;
  /** The oldest copy posted there within the age bound: members may have replied in its thread. */
  oldestCopy?: bigint | undefined;
  originals: readonly PlacedOriginal[];
}

export interface BackfillPlan<T> extends MissedMessages<T> {
  /** Originals the history shows with another edit than their copies carry, oldest first. */
  edited: HistoryEntry<T>[];
  /** Originals no longer in the history, inside the span that was read completely. */
  deleted: string[];
  /** Parents read whose threads have replies newer than the relay knows, newest first. */
  threads: HistoryEntry<T>[];
}

/**
 * Where reading stops (exclusive): back to the oldest original of the channel's history within the
 * age bound, whose edit or removal is looked for (an edit to an older message is the common case),
 * and to the oldest copy, whose thread may have new replies; at least to the newest message known,
 * included. Replies kept in their threads are looked for there, not here.
 */
export function readFloor(window: BackfillWindow): bigint {
  const oldest = window.originals.reduce(
    (a, o) => (o.inHistory && o.order < a ? o.order : a),
    window.oldestCopy !== undefined && window.oldestCopy < window.newestKnown
      ? window.oldestCopy
      : window.newestKnown,
  );
  const floor = oldest - 1n;
  return floor > window.ageBound ? floor : window.ageBound;
}

/**
 * From pages of a channel's history, newest first (each page newest first, already cut at
 * readFloor): the newest BACKFILL_MAX_MESSAGES members' messages written after the newest known,
 * oldest first, and how many older ones were left out; the known originals edited since they
 * were relayed; and those deleted. A delete is only inferred inside the span read completely
 * (all of it unless reading stopped at BACKFILL_MAX_PAGES), and only when the history showed
 * something the relay knew was there (an empty answer may only mean the bot cannot read it).
 */
export async function planBackfill<T>(
  pages: AsyncIterable<readonly HistoryEntry<T>[]> | Iterable<readonly HistoryEntry<T>[]>,
  window: BackfillWindow,
): Promise<BackfillPlan<T>> {
  const newestFirst: T[] = [];
  const present = new Map<string, HistoryEntry<T>>();
  let skipped = 0;
  let read = 0;
  let atLeast = false;
  let oldestRead: bigint | undefined;
  let sawKnown = false;
  const threads: HistoryEntry<T>[] = [];
  for await (const page of pages) {
    for (const entry of page) {
      present.set(entry.messageId, entry);
      if (entry.latestReply !== undefined && entry.latestReply > window.newestKnown) {
        if (threads.length < BACKFILL_MAX_THREADS) threads.push(entry);
      }
      if (oldestRead === undefined || entry.order < oldestRead) oldestRead = entry.order;
      if (entry.order <= window.newestKnown) sawKnown = true;
      else if (!entry.members) continue;
      else if (newestFirst.length < BACKFILL_MAX_MESSAGES) newestFirst.push(entry.message);
      else skipped += 1;
    }
    read += 1;
    if (read >= BACKFILL_MAX_PAGES) {
      atLeast = true;
      break;
    }
  }
  const readFrom = atLeast ? (oldestRead ?? window.newestKnown) : readFloor(window) + 1n;
  const edited = new Map<string, HistoryEntry<T>>();
  const deleted = new Set<string>();
  for (const original of [...window.originals].sort((a, b) => (a.order < b.order ? 1 : -1))) {
    const entry = present.get(original.messageId);
    if (entry?.members && entry.editId !== undefined && entry.editId !== original.lastEditId) {
      if (edited.size < BACKFILL_MAX_MESSAGES) edited.set(original.messageId, entry);
    } else if (!entry && sawKnown && original.inHistory && original.order >= readFrom) {
      if (deleted.size < BACKFILL_MAX_MESSAGES) deleted.add(original.messageId);
    }
  }
  return {
    relayed: newestFirst.reverse(),
    skipped,
    atLeast,
    edited: [...edited.values()].reverse(),
    deleted: [...deleted].reverse(),
    threads,
  };
}

/**
 * The missed messages with the missed thread replies among them, in the platform's order, within
 * the same bound of BACKFILL_MAX_MESSAGES (the newest are kept, the others counted as left out).
 */
export function withReplies<T>(
  missed: MissedMessages<T>,
  replies: readonly T[],
  place: (message: T) => { id: string; order: bigint },
): MissedMessages<T> {
  const byId = new Map<string, T>();
  for (const message of [...missed.relayed, ...replies]) byId.set(place(message).id, message);
  const all = [...byId.values()].sort((a, b) => (place(a).order < place(b).order ? -1 : 1));
  const kept = all.slice(-BACKFILL_MAX_MESSAGES);
  return { ...missed, relayed: kept, skipped: missed.skipped + all.length - kept.length };
}
