import { DatabaseUnavailableError } from '../errors.ts';
import type { Clock, DeliveryOutcome, Logger, Store } from '../ports.ts';
import type { PacingTimer } from './send-gate.ts';

/** Outcomes per statement: large enough for a busy worker, small enough for one transaction. */
const BATCH_LIMIT = 1_000;
/** First wait before writing a batch again while the database is unreachable; doubles up to the cap. */
const FIRST_RETRY_MS = 250;
const RETRY_CAP_MS = 2_000;

export interface OutcomeWriterOptions {
  /** Real time for the waits between attempts while the database is unreachable. */
  timer: PacingTimer;
  /**
   * How long a batch is tried again while the database is unreachable (a restart, connections
   * cut): about a lease, after which the claims have lapsed anyway.
   */
  retryForMs: number;
  /** The deliveries of a batch that was written, or given up on. */
  onSettled?: (ids: string[]) => void;
}

/**
 * Records sent, retried and released deliveries in batches: while one batch is being written,
 * the next collects, so a busy worker writes few large statements and an idle one writes at once.
 * While the database is unreachable a batch is tried again, so a post that went out during a
 * restart is still recorded as sent rather than sent again; a batch that cannot be written
 * (after that, or for any other reason) is logged and dropped: its claims lapse and the
 * deliveries are tried again.
 */
export class OutcomeWriter {
  private pending: DeliveryOutcome[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly workerId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options?: OutcomeWriterOptions,
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
          await this.write(batch);
        } catch (error) {
          this.logger.error(
            { err: error, worker: this.workerId, deliveries: batch.length },
            'could not record delivery outcomes; they are tried again once their leases run out',
          );
        }
        this.options?.onSettled?.(batch.map((outcome) => outcome.id));
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Writes one batch, trying again while the database is unreachable, for up to retryForMs. */
  private async write(batch: DeliveryOutcome[]): Promise<void> {
    const timer = this.options?.timer;
    const giveUpAt = timer ? timer.now() + this.options.retryForMs : 0;
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, RETRY_CAP_MS)) {
      try {
        await this.store.transaction((repos) =>
          repos.deliveries.recordOutcomes(this.workerId, batch, this.clock.now()),
        );
        return;
      } catch (error) {
        if (!timer || !(error instanceof DatabaseUnavailableError) || timer.now() + wait > giveUpAt)
          throw error;
        this.logger.warn(
          { worker: this.workerId, deliveries: batch.length, retryInMs: wait },
          'the database is not reachable; recording delivery outcomes again shortly',
        );
        await new Promise<void>((resolve) => timer.setTimeout(resolve, wait));
      }
    }
  }
}
