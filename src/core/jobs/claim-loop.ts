/**
 * The loop scheduled announcements and weekly digests share: claim the next due item with a row
 * lock (SKIP LOCKED, so processes take different ones), handle it in the same transaction, and
 * go on until nothing is due or the batch is full. An item that fails is logged, skipped for the
 * rest of this run and stays due; a failure before anything was claimed (the database is away)
 * ends the run.
 */
import type { Repositories, Store } from '../ports.ts';

export interface DueJob<Item, Result> {
  /** The next due item not among `skipIds`, locked for this transaction; null when none is due. */
  claim(repos: Repositories, now: Date, skipIds: readonly string[]): Promise<Item | null>;
  idOf(item: Item): string;
  /** Handles the item in the transaction that claimed it (fan out, move its schedule on). */
  run(repos: Repositories, item: Item, now: Date): Promise<Result>;
  /** After the transaction committed. */
  done(result: Result): void;
  /** After the transaction rolled back; `item` is undefined when nothing had been claimed. */
  failed(error: unknown, item: Item | undefined): void;
}

/** Handles what is due at `now`, at most `limit` items (failed ones included); returns the results. */
export async function runDueJob<Item, Result>(
  store: Store,
  job: DueJob<Item, Result>,
  now: Date,
  limit: number,
): Promise<Result[]> {
  const results: Result[] = [];
  const skipIds: string[] = [];
  while (results.length + skipIds.length < limit) {
    let claimed: Item | undefined;
    try {
      const result = await store.transaction(async (repos) => {
        const item = await job.claim(repos, now, skipIds);
        if (item === null) return null;
        claimed = item;
        return { value: await job.run(repos, item, now) };
      });
      if (!result) break;
      results.push(result.value);
      job.done(result.value);
    } catch (error) {
      job.failed(error, claimed);
      if (claimed === undefined) break;
      skipIds.push(job.idOf(claimed));
    }
  }
  return results;
}
