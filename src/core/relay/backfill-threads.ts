/**
 * Thread replies in a backfill (docs/RELAY.md, "Backfill"): which threads of a channel are read
 * back after the bot was down, and what one page of a thread says: the replies the relay knows
 * there that were edited or deleted meanwhile, and the new replies. The adapters read (Slack
 * `conversations.replies`, Discord the thread channel's messages); this decides.
 */
import {
  BACKFILL_MAX_MESSAGES,
  BACKFILL_MAX_THREADS,
  type BackfillPlan,
  type BackfillWindow,
  type HistoryEntry,
  type ThreadRef,
} from './backfill.ts';

/** A thread to read, and from where. */
export interface ThreadTarget {
  /** As the adapter names threads (Slack: the parent's ts; Discord: the thread's channel id). */
  threadId: string;
  /**
   * Read its messages after this place (exclusive): back past the oldest reply the relay knows
   * there, and at least from the newest message the relay knows; never before the age bound.
   * Slack pages a thread oldest first from here; Discord reads its newest page whatever this says.
   */
  after: bigint;
}

/** One page of a thread as the adapter read it. */
export interface ThreadPage<T> {
  threadId: string;
  /** The thread's messages in the answer (its parent too where the platform shows it), any order. */
  entries: readonly HistoryEntry<T>[];
  /**
   * The span the answer covered completely: every message of the thread from `completeFrom`
   * (inclusive) up to `completeTo` (inclusive; undefined: up to the newest) was in it. Discord's
   * newest page of 100: from its oldest message, or from the start when the whole thread fit;
   * Slack's oldest-first page after `after`: up to its newest message when there were more.
   */
  completeFrom: bigint;
  completeTo?: bigint | undefined;
}

/** What the threads read say, within what is left of the channel's bounds. */
export interface ThreadPlan<T> {
  /** Known replies the thread shows with another edit than their copies carry. */
  edited: HistoryEntry<T>[];
  /** Known replies no longer in their thread, inside the span read completely. */
  deleted: string[];
  /** Members' replies newer than the relay knows (relayed with the channel's missed messages). */
  replies: T[];
}

/** Where new messages begin: after the newest message the relay knows, or the age bound. */
function newFrom(window: BackfillWindow): bigint {
  return window.newestKnown > window.ageBound ? window.newestKnown : window.ageBound;
}

/** What the relay knows of a thread: where it starts, and its oldest and newest known replies. */
interface KnownThread {
  start: bigint;
  oldest: bigint;
  newest: bigint;
}

/**
 * The threads to read, at most BACKFILL_MAX_THREADS: first those with messages newer than the
 * relay knows (`withNewer`: Slack parents whose `latest_reply` is newer, Discord active threads
 * whose last message is), then those holding replies the relay knows within the age bound, the
 * most recently active first (an archived Discord thread among them). A thread holding known
 * replies is read from its start when that lies within the age bound (its parent then shows in
 * the answer, which says the thread could be read), else from the age bound; one with only newer
 * replies from the newest message the relay knows.
 */
export function threadsToRead(withNewer: readonly ThreadRef[], window: BackfillWindow): ThreadTarget[] {
  const known = new Map<string, KnownThread>();
  for (const { thread, order } of window.originals) {
    if (thread === undefined) continue;
    const seen = known.get(thread.id);
    known.set(thread.id, {
      start: thread.order,
      oldest: seen && seen.oldest < order ? seen.oldest : order,
      newest: seen && seen.newest > order ? seen.newest : order,
    });
  }
  const byActivity = [...known.entries()].sort((a, b) => (a[1].newest > b[1].newest ? -1 : 1));
  const ids = [...new Set([...withNewer.map((t) => t.id), ...byActivity.map(([id]) => id)])];
  const from = newFrom(window);
  return ids.slice(0, BACKFILL_MAX_THREADS).map((threadId) => {
    const thread = known.get(threadId);
    const before = thread ? min(from, thread.oldest - 1n, thread.start - 1n) : from;
    return { threadId, after: before > window.ageBound ? before : window.ageBound };
  });
}

function min(...values: bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}

/**
 * What the pages of the threads read say. A known reply the page shows with another edit time
 * than its copies carry was edited (unless the channel's history already said so: a Slack reply
 * also sent to the channel is in both). One the page does not show was deleted, but only inside
 * the span the page covered completely, and only when the page showed something the relay knew
 * there (a known reply, or a message no newer than the newest it knows): an empty answer, or a
 * failed read (no page), infers nothing. Edits and deletes keep within the channel's bound of
 * BACKFILL_MAX_MESSAGES each, counting the channel's own.
 */
export function planThreads<T>(
  pages: readonly ThreadPage<T>[],
  window: BackfillWindow,
  channel: Pick<BackfillPlan<T>, 'edited' | 'deleted'>,
): ThreadPlan<T> {
  const known = new Set(window.originals.map((o) => o.messageId));
  const editedInChannel = new Set(channel.edited.map((e) => e.messageId));
  const edited: HistoryEntry<T>[] = [];
  const deleted: string[] = [];
  const replies: T[] = [];
  const from = newFrom(window);
  for (const page of pages) {
    const present = new Map(page.entries.map((entry) => [entry.messageId, entry]));
    const sawKnown = page.entries.some((e) => known.has(e.messageId) || e.order <= window.newestKnown);
    const inThread = window.originals
      .filter((o) => o.thread?.id === page.threadId)
      .sort((a, b) => (a.order < b.order ? -1 : 1));
    for (const original of inThread) {
      const entry = present.get(original.messageId);
      if (entry) {
        const changed = entry.members && entry.editId !== undefined && entry.editId !== original.lastEditId;
        if (changed && !editedInChannel.has(original.messageId)) edited.push(entry);
      } else if (sawKnown && covers(page, original.order)) {
        deleted.push(original.messageId);
      }
    }
    for (const entry of page.entries) {
      const isNew = entry.order > from && entry.members && !known.has(entry.messageId);
      if (isNew && entry.messageId !== page.threadId) replies.push(entry.message);
    }
  }
  return {
    edited: edited.slice(0, Math.max(0, BACKFILL_MAX_MESSAGES - channel.edited.length)),
    deleted: deleted.slice(0, Math.max(0, BACKFILL_MAX_MESSAGES - channel.deleted.length)),
    replies,
  };
}

/** The page read this place of its thread completely. */
function covers(page: ThreadPage<unknown>, order: bigint): boolean {
  return order >= page.completeFrom && (page.completeTo === undefined || order <= page.completeTo);
}
