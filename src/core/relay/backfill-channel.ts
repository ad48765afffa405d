/**
 * One relaying channel's backfill from start to end (docs/RELAY.md, "Backfill"): its history
 * planned (backfill.ts), its threads read and planned (backfill-threads.ts), then edits, deletes
 * and the missed messages relayed through the adapter, and one log line saying what was done.
 */
import type { Logger } from '../ports.ts';
import {
  BACKFILL_MAX_MESSAGES,
  planBackfill,
  withReplies,
  type BackfillPlan,
  type BackfillWindow,
  type HistoryEntry,
  type MissedMessages,
  type ThreadRef,
} from './backfill.ts';
import {
  planThreads,
  threadsToRead,
  type ThreadPage,
  type ThreadPlan,
  type ThreadTarget,
} from './backfill-threads.ts';

/** How an adapter relays what a backfill found, each message in its own view of it. */
export interface BackfillRelay<T> {
  edited(entry: HistoryEntry<T>): Promise<void>;
  deleted(messageId: string): Promise<void>;
  /** false: nothing to carry (a sticker alone). */
  arrived(message: T): Promise<boolean>;
  /** A message's id and place in the platform's order. */
  place(message: T): { id: string; order: bigint };
}

/** How an adapter reads a channel's threads. */
export interface ThreadReader<T> {
  /**
   * The threads with messages newer than the relay knows: Slack, the parents read whose
   * `latest_reply` is (`plan.threads`); Discord, the active threads whose last message is.
   */
  withNewer(plan: BackfillPlan<T>): Promise<ThreadRef[]>;
  /** One page of a thread; undefined when it is not one of the channel's threads (any more). */
  read(target: ThreadTarget): Promise<ThreadPage<T> | undefined>;
}

interface Where {
  logger: Logger;
  platform: string;
  channel: string;
}

/**
 * One channel's backfill: plans from its history, reads its threads (those with newer replies,
 * then those holding replies the relay knows), relays all of it and logs it. A thread that cannot
 * be read costs only what it would have said.
 */
export async function backfillChannel<T>(
  pages: AsyncIterable<readonly HistoryEntry<T>[]>,
  window: BackfillWindow,
  threads: ThreadReader<T>,
  relay: BackfillRelay<T>,
  where: Where,
): Promise<void> {
  const plan = await planBackfill(pages, window);
  const withNewer = await threads.withNewer(plan).catch((error: unknown) => {
    warn(where, error, 'relay backfill: could not list the threads with newer replies');
    return [];
  });
  const read: ThreadPage<T>[] = [];
  for (const target of threadsToRead(withNewer, window)) {
    const page = await threads.read(target).catch((error: unknown) => {
      warn(where, error, 'relay backfill: could not read a thread back', target.threadId);
      return undefined;
    });
    if (page) read.push(page);
  }
  await relayBackfill(plan, planThreads(read, window, plan), relay, where);
}

function warn(where: Where, error: unknown, message: string, thread?: string): void {
  const fields = { err: error, platform: where.platform, channel: where.channel };
  where.logger.warn(thread === undefined ? fields : { ...fields, thread }, message);
}

/**
 * Relays a channel's plan (edits and deletes of known messages, in the channel then in its
 * threads, then the missed messages with the missed thread replies among them, oldest first) and
 * logs what it did.
 */
async function relayBackfill<T>(
  plan: BackfillPlan<T>,
  threads: ThreadPlan<T>,
  relay: BackfillRelay<T>,
  where: Where,
): Promise<void> {
  const edited = [...plan.edited, ...threads.edited];
  const deleted = [...plan.deleted, ...threads.deleted];
  for (const entry of edited) await relay.edited(entry);
  for (const messageId of deleted) await relay.deleted(messageId);
  const missed = withReplies(plan, threads.replies, (message) => relay.place(message));
  let relayed = 0;
  for (const message of missed.relayed) if (await relay.arrived(message)) relayed += 1;
  logBackfill(where, { ...missed, relayed, edited: edited.length, deleted: deleted.length });
}

/** The log line of one channel's backfill: how many were relayed, and how many left out. */
function logBackfill(
  where: Where,
  missed: Pick<MissedMessages<unknown>, 'skipped' | 'atLeast'> & {
    relayed: number;
    edited: number;
    deleted: number;
  },
): void {
  const fields = {
    platform: where.platform,
    channel: where.channel,
    relayed: missed.relayed,
    skipped: missed.skipped,
    atLeast: missed.atLeast,
    edited: missed.edited,
    deleted: missed.deleted,
  };
  if (missed.skipped > 0) {
    where.logger.warn(
      fields,
      `relay backfill: ${missed.atLeast ? 'at least ' : ''}${missed.skipped} older messages written while the bot was down were not relayed (at most ${BACKFILL_MAX_MESSAGES} per channel)`,
    );
  } else if (missed.relayed + missed.edited + missed.deleted > 0) {
    where.logger.info(
      fields,
      'relay backfill: messages written, edited or deleted while the bot was down were relayed',
    );
  }
}
