/**
 * The retention purge: delivery history, audit entries and platform event receipts are deleted
 * once older than their periods (docs/PRIVACY.md). Each kind is deleted in batches, one
 * transaction per batch, up to a bound per run; the rest goes on the next tick.
 */
import type { JobDependencies } from './job-dependencies.ts';
import { JOB_BATCH_LIMIT } from './job-dependencies.ts';
import type { RetainedRecord } from '../privacy-ports.ts';

/** How long each kind of record is kept, in days. */
export type RetentionPeriods = Record<RetainedRecord, number>;

export const DEFAULT_RETENTION: RetentionPeriods = { deliveries: 90, audit: 90, receipts: 1 };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Batches per kind and run: a large backlog (the first run after an upgrade) drains over ticks. */
const BATCHES_PER_RUN = 4;

export async function purgeExpiredHistory(
  deps: JobDependencies,
  now: Date,
  periods: RetentionPeriods = deps.retention ?? DEFAULT_RETENTION,
  batchSize = JOB_BATCH_LIMIT,
): Promise<number> {
  let total = 0;
  for (const record of Object.keys(periods) as RetainedRecord[]) {
    const before = new Date(now.getTime() - periods[record] * DAY_MS);
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const deleted = await deps.store.transaction((repos) =>
        repos.retention.purge(record, before, now, batchSize),
      );
      total += deleted;
      if (deleted < batchSize) break;
    }
  }
  return total;
}
