import type { Clock, DeliveryOutcome, Logger, Store } from '../ports.ts';

/** Outcomes per statement: large enough for a busy worker, small enough for one transaction. */
const BATCH_LIMIT = 1_000;

/**
 * Records sent, retried and released deliveries in batches: while one batch is being written,
 * the next collects, so a busy worker writes few large statements and an idle one writes at once.
 * A batch that cannot be written is logged and dropped: its claims lapse and the deliveries are
 * tried again.
 */
export class OutcomeWriter {
  private pending: DeliveryOutcome[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly workerId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  add(outcome: DeliveryOutcome): void {
    this.pending.push(outcome);
    this.flushing ??= this.flushLoop();
  }

  /** Resolves once everything added so far, and anything added meanwhile, has been written. */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    // Let the outcomes of this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH_LIMIT);
        try {
          await this.store.transaction((repos) =>
            repos.deliveries.recordOutcomes(this.workerId, batch, this.clock.now()),
          );
        } catch (error) {
          this.logger.error(
            { err: error, worker: this.workerId, deliveries: batch.length },
            'could not record delivery outcomes; they are tried again once their leases run out',
          );
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
