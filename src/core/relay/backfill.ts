/**
 * Backfill (docs/RELAY.md): what members wrote in a relaying channel while the bot was down is
 * read back from the platform's history at start and relayed in order, within bounds. The
 * adapters read (each platform pages its own way, newest first); this keeps the bounds and says
 * what was left out.
 */
import type { Logger } from '../ports.ts';

/**
 * At most this many missed messages per channel: enough to catch up on a conversation, while a
 * channel that was busy for hours does not flood its partners with an archive at once.
 */
export const BACKFILL_MAX_MESSAGES = 100;
/** At most this far back: older is no longer a conversation (the outbox gives up after 24 h too). */
export const BACKFILL_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Pages of history (one request each) read per channel, so counting what is left out is bounded. */
export const BACKFILL_MAX_PAGES = 10;

export interface MissedMessages<T> {
  /** The newest members' messages within the bounds, oldest first: the order to relay them in. */
  relayed: T[];
  /** Members' messages older than those, within the age bound, left out. */
  skipped: number;
  /** Reading stopped at BACKFILL_MAX_PAGES: more may have been left out than `skipped` says. */
  atLeast: boolean;
}

/**
 * From pages of a channel's history, newest first (each page newest first, already cut at the
 * message the relay knows and at the age bound): the newest BACKFILL_MAX_MESSAGES members'
 * messages, oldest first, and how many older ones were left out.
 */
export async function newestMissed<T>(
  pages: AsyncIterable<readonly T[]>,
  isMembers: (message: T) => boolean,
): Promise<MissedMessages<T>> {
  const newestFirst: T[] = [];
  let skipped = 0;
  let read = 0;
  for await (const page of pages) {
    for (const message of page.filter(isMembers)) {
      if (newestFirst.length < BACKFILL_MAX_MESSAGES) newestFirst.push(message);
      else skipped += 1;
    }
    read += 1;
    if (read >= BACKFILL_MAX_PAGES) return { relayed: newestFirst.reverse(), skipped, atLeast: true };
  }
  return { relayed: newestFirst.reverse(), skipped, atLeast: false };
}

/** The log line of one channel's backfill: how many were relayed, and how many left out. */
export function logBackfill(
  logger: Logger,
  where: { platform: string; channel: string },
  missed: Pick<MissedMessages<unknown>, 'skipped' | 'atLeast'> & { relayed: number },
): void {
  const fields = { ...where, relayed: missed.relayed, skipped: missed.skipped, atLeast: missed.atLeast };
  if (missed.skipped > 0) {
    logger.warn(
      fields,
      `relay backfill: ${missed.atLeast ? 'at least ' : ''}${missed.skipped} older messages written while the bot was down were not relayed (at most ${BACKFILL_MAX_MESSAGES} per channel)`,
    );
  } else if (missed.relayed > 0) {
    logger.info(fields, 'relay backfill: messages written while the bot was down were relayed');
  }
}
