import type { Logger, Recurrence, Store } from '../ports.ts';
import type { RetainedRecord } from '../privacy-ports.ts';

/**
 * What the scheduled jobs need. Jobs are plain functions of (dependencies, now): the scheduler
 * calls them on its tick, tests call them with the time they choose.
 */
export interface JobDependencies {
  store: Store;
  recurrence: Recurrence;
  logger: Logger;
  /** Days each kind of history is kept before the purge deletes it (default: DEFAULT_RETENTION). */
  retention?: Record<RetainedRecord, number>;
}

/** How many items one job handles per run at most; the rest waits for the next tick. */
export const JOB_BATCH_LIMIT = 500;
