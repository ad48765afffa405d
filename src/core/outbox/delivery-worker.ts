/**
 * Drains the durable outbox: claims due deliveries (a lease, so a dead worker's claims lapse),
 * posts each through its platform's poster, and records the outcome. Failures retry with
 * exponential backoff and jitter, honouring the platform's own retry_after, up to a bound.
 */
import type { Platform } from '../domain/model.ts';
import type { ChannelPoster, ClaimedDelivery, Clock, Logger, PostResult, Store } from '../ports.ts';

export interface DeliveryWorkerOptions {
  workerId: string;
  /** Deliveries claimed per round trip. */
  batchSize?: number;
  /** How long a claim lasts; a worker that dies releases its deliveries after this. */
  leaseMs?: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export class DeliveryWorker {
  private readonly posters = new Map<Platform, ChannelPoster>();
  private readonly options: Required<DeliveryWorkerOptions>;
  private draining: Promise<DrainResult> | null = null;
  private drainAgain = false;

  constructor(
    private readonly store: Store,
    posters: readonly ChannelPoster[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DeliveryWorkerOptions,
  ) {
    for (const poster of posters) this.posters.set(poster.platform, poster);
    this.options = {
      batchSize: 50,
      leaseMs: 60_000,
      maxAttempts: 8,
      baseBackoffMs: 2_000,
      maxBackoffMs: 60 * 60_000,
      random: Math.random,
      ...options,
    };
  }

  /**
   * Sends everything that is due now. Calls that arrive while a drain runs are folded into
   * one more pass, so a wake-up is never lost and never runs twice at once in this process.
   */
  drainDue(): Promise<DrainResult> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** drainDue for callers that must not fail (ticks, after a command): errors go to the log. */
  async drainDueLogged(): Promise<void> {
    try {
      await this.drainDue();
    } catch (error) {
      this.logger.error(
        { err: error, worker: this.options.workerId },
        'outbox drain failed; deliveries stay queued',
      );
    }
  }

  private async drainLoop(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0 };
    do {
      this.drainAgain = false;
      for (;;) {
        const now = this.clock.now();
        const batch = await this.store.transaction((repos) =>
          repos.deliveries.claimDue({
            now,
            limit: this.options.batchSize,
            workerId: this.options.workerId,
            leaseUntil: new Date(now.getTime() + this.options.leaseMs),
          }),
        );
        if (batch.length === 0) break;
        for (const delivery of batch) {
          const outcome = await this.deliver(delivery);
          total[outcome]++;
        }
      }
    } while (this.drainAgain);
    return total;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<keyof DrainResult> {
    const { destination } = delivery;
    const poster = this.posters.get(destination.target.platform);
    let result: PostResult;
    if (!poster) {
      result = { ok: false, retryable: true, reason: `no ${destination.target.platform} adapter is running` };
    } else {
      try {
        // The delivery id is stable across attempts: platforms with idempotency keys drop repeats.
        result =
          destination.kind === 'channel'
            ? await poster.post(destination.target, delivery.payload, delivery.id)
            : await poster.sendDirect(destination.target, delivery.payload, delivery.id);
      } catch (error) {
        result = {
          ok: false,
          retryable: true,
          reason: error instanceof Error ? error.message : String(error),
        };
      }
    }
    const now = this.clock.now();
    if (result.ok) {
      await this.store.transaction((repos) =>
        repos.deliveries.markSent(delivery.id, result.platformMessageId, now),
      );
      return 'sent';
    }
    const context = {
      delivery: delivery.id,
      kind: delivery.kind,
      destination: destination.target,
      attempt: delivery.attempts,
    };
    if (result.channelBroken && destination.kind === 'channel') {
      this.logger.warn(
        { ...context, reason: result.reason },
        'channel can no longer be posted to; link marked broken',
      );
      await this.store.transaction(async (repos) => {
        await repos.deliveries.markChannelBroken(destination.channelLinkId, result.reason);
        await repos.deliveries.markFailed(delivery.id, result.reason);
      });
      return 'failed';
    }
    if (!result.retryable || delivery.attempts >= this.options.maxAttempts) {
      this.logger.error({ ...context, reason: result.reason }, 'delivery failed for good');
      await this.store.transaction((repos) => repos.deliveries.markFailed(delivery.id, result.reason));
      return 'failed';
    }
    const retryAt = new Date(now.getTime() + this.backoffMs(delivery.attempts, result.retryAfterMs));
    this.logger.info({ ...context, reason: result.reason, retryAt }, 'delivery will be retried');
    await this.store.transaction((repos) => repos.deliveries.reschedule(delivery.id, retryAt, result.reason));
    return 'retried';
  }

  /** Exponential backoff with full jitter, never sooner than the platform asked. */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const exponential = Math.min(
      this.options.maxBackoffMs,
      this.options.baseBackoffMs * 2 ** Math.max(0, attempt - 1),
    );
    const jittered = exponential / 2 + (this.options.random() * exponential) / 2;
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}
