/**
 * Drains the durable outbox. Each pass claims due deliveries in batches (a lease, so a dead
 * worker's claims lapse and another worker takes them), sends them in parallel through their
 * platform's poster, paced by that platform's limits before sending, and records the outcomes
 * in batches. Failures retry with exponential backoff and jitter, never sooner than the
 * platform's retry_after, up to a bound; then the delivery fails and the coordinators of the
 * town concerned are told by direct message.
 */
import type { Platform } from '../domain/model.ts';
import type {
  ChannelPoster,
  ClaimedDelivery,
  Clock,
  DeliveryOutcome,
  Logger,
  PostResult,
  Store,
} from '../ports.ts';
import { enqueueFailureNotices, isNotice } from './failure-notices.ts';
import { realTimer, SendGate, type PacingTimer, type SendAddress } from './send-gate.ts';
import { PLATFORM_SEND_LIMITS, type SendLimits } from './send-limits.ts';

export interface DeliveryWorkerOptions {
  workerId: string;
  /** Deliveries claimed per round trip; the next batch is claimed when half are done. */
  batchSize?: number;
  /** How long a claim lasts; a worker that dies releases its deliveries after this. */
  leaseMs?: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A post that takes longer counts as a retryable failure. Default: 30 s, at most half the lease. */
  sendTimeoutMs?: number;
  /** Pacing per platform; defaults to PLATFORM_SEND_LIMITS. */
  limits?: Partial<Record<Platform, SendLimits>>;
  /** Real time for pacing and timeouts (the Clock is the time the database records). */
  timer?: PacingTimer;
  /**
   * Retries due within this many ms wake the worker on their own instead of waiting for the
   * next tick. 0 turns that off.
   */
  retryWakeHorizonMs?: number;
  random?: () => number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** Given back unsent (the platform's pace would have outlasted the claim, or the worker stopped). */
  released: number;
}

type Outcome = keyof DrainResult;

/** Rate-limit answers with a wait up to this long are waited out within the claim, this many times. */
const INLINE_WAIT_MAX_MS = 10_000;
const INLINE_RATE_LIMIT_WAITS = 3;

export class DeliveryWorker {
  private readonly posters = new Map<Platform, ChannelPoster>();
  private readonly gates = new Map<Platform, SendGate>();
  private readonly options: Required<Omit<DeliveryWorkerOptions, 'limits'>>;
  private readonly limits: Record<Platform, SendLimits>;
  private readonly outcomes: OutcomeWriter;
  private draining: Promise<DrainResult> | null = null;
  private drainAgain = false;
  private stopped = false;
  private wake: { at: number; handle: unknown } | undefined;
  /** Earliest retry (Clock time) scheduled during the current drain. */
  private earliestRetry = Infinity;
  /** The last edit under way per message: the next edit of that message waits for it. */
  private readonly editsUnderWay = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    posters: readonly ChannelPoster[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DeliveryWorkerOptions,
  ) {
    for (const poster of posters) this.posters.set(poster.platform, poster);
    const leaseMs = options.leaseMs ?? 60_000;
    this.options = {
      batchSize: 100,
      maxAttempts: 10,
      baseBackoffMs: 2_000,
      maxBackoffMs: 60 * 60_000,
      timer: realTimer,
      retryWakeHorizonMs: 60_000,
      random: Math.random,
      ...options,
      leaseMs,
      sendTimeoutMs: Math.min(options.sendTimeoutMs ?? 30_000, leaseMs / 2),
    };
    this.limits = { ...PLATFORM_SEND_LIMITS, ...options.limits };
    this.outcomes = new OutcomeWriter(store, this.options.workerId, clock, logger);
  }

  /**
   * Sends everything that is due now. Calls that arrive while a drain runs are folded into
   * one more pass, so a wake-up is never lost and never runs twice at once in this process.
   */
  drainDue(): Promise<DrainResult> {
    if (this.stopped) return Promise.resolve({ sent: 0, retried: 0, failed: 0, released: 0 });
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

  /**
   * Stops claiming, gives back what waits for a send slot, lets posts already under way finish
   * and records their outcomes. Later drains do nothing.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearWake();
    for (const gate of this.gates.values()) gate.close();
    await this.draining?.catch(() => undefined);
    await this.outcomes.flushed();
  }

  private async drainLoop(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, released: 0 };
    this.earliestRetry = Infinity;
    try {
      do {
        this.drainAgain = false;
        await this.pass(total);
      } while (this.drainAgain && !this.stopped);
    } finally {
      await this.outcomes.flushed();
    }
    this.scheduleWake(total);
    return total;
  }

  /** Claims and sends until nothing more is due, keeping about one batch under way. */
  private async pass(total: DrainResult): Promise<void> {
    const { batchSize, leaseMs, workerId } = this.options;
    const inFlight = new Set<Promise<void>>();
    const lowWater = Math.floor(batchSize / 2);
    let claiming = true;
    try {
      for (;;) {
        if (claiming && !this.stopped && inFlight.size <= lowWater) {
          const now = this.clock.now();
          const leaseUntil = new Date(now.getTime() + leaseMs);
          const batch = await this.store.transaction((repos) =>
            repos.deliveries.claimDue({ now, limit: batchSize, workerId, leaseUntil }),
          );
          if (batch.length === 0) claiming = false;
          for (const delivery of batch) {
            const task = this.process(delivery, leaseUntil, total).then((outcome) => {
              inFlight.delete(task);
              // The platform cannot keep up: leave the rest for the next wake-up rather than
              // claiming and giving back the same rows in a loop.
              if (outcome === 'released') claiming = false;
            });
            inFlight.add(task);
          }
          continue;
        }
        if (inFlight.size === 0) return;
        await Promise.race(inFlight);
      }
    } finally {
      await Promise.allSettled(inFlight);
    }
  }

  /**
   * Edits of one message go out one after another, in the order they were claimed: two redraws
   * of a card in flight together could otherwise land in the wrong order and leave it showing
   * the older one.
   */
  private process(delivery: ClaimedDelivery, leaseUntil: Date, total: DrainResult): Promise<Outcome> {
    const { destination } = delivery;
    if (destination.kind !== 'channel' || destination.editsMessageId === undefined) {
      return this.processNow(delivery, leaseUntil, total);
    }
    const key = `${destination.target.platform}:${destination.target.channelId}:${destination.editsMessageId}`;
    const previous = this.editsUnderWay.get(key) ?? Promise.resolve();
    const mine = previous.then(() => this.processNow(delivery, leaseUntil, total));
    this.editsUnderWay.set(key, mine);
    return mine.finally(() => {
      if (this.editsUnderWay.get(key) === mine) this.editsUnderWay.delete(key);
    });
  }

  private async processNow(
    delivery: ClaimedDelivery,
    leaseUntil: Date,
    total: DrainResult,
  ): Promise<Outcome> {
    let outcome: Outcome = 'released';
    try {
      outcome = await this.attempt(delivery, leaseUntil);
      total[outcome]++;
    } catch (error) {
      // Only recording can fail here (posting errors are results): the claim lapses and the
      // delivery is tried again after the lease.
      this.logger.error(
        { err: error, delivery: delivery.id, worker: this.options.workerId },
        'could not record what happened to a delivery; it is tried again once its lease runs out',
      );
    }
    return outcome;
  }

  private async attempt(delivery: ClaimedDelivery, leaseUntil: Date): Promise<Outcome> {
    const { destination } = delivery;
    if (delivery.attempts > this.options.maxAttempts) {
      // Claimed again and again without an answer: the worker died while sending each time.
      return this.failForGood(
        delivery,
        `claimed ${delivery.attempts} times without an outcome (the worker stopped while sending)`,
      );
    }
    const platform = destination.target.platform;
    const poster = this.posters.get(platform);
    let result: PostResult;
    if (!poster) {
      result = { ok: false, retryable: true, reason: `no ${platform} adapter is running` };
    } else {
      const gate = this.gateFor(platform);
      const address = addressOf(delivery);
      for (let waits = 0; ; waits++) {
        // Wait for a send slot only as long as the post can still finish within the lease.
        const patience = leaseUntil.getTime() - this.clock.now().getTime() - this.options.sendTimeoutMs;
        const permit = await gate.acquire(address, this.options.timer.now() + patience);
        if (!permit) {
          this.outcomes.add({ id: delivery.id, outcome: 'released' });
          return 'released';
        }
        let waitMs: number | undefined;
        try {
          result = await this.send(poster, delivery);
          // A short retry_after is waited out within this claim, as discord.js itself does, and
          // nothing more goes there (or anywhere, for a global limit) until then: paused before
          // this send slot is given up. A long or repeated one goes back to the outbox with backoff.
          if (
            !result.ok &&
            result.retryable &&
            result.retryAfterMs !== undefined &&
            result.retryAfterMs <= INLINE_WAIT_MAX_MS &&
            waits < INLINE_RATE_LIMIT_WAITS
          ) {
            waitMs = result.retryAfterMs;
            if (result.globalRateLimit) gate.pauseAll(waitMs);
            else gate.pauseDestination(address, waitMs);
            this.logger.debug(
              { delivery: delivery.id, retryAfterMs: waitMs, reason: result.reason },
              'rate limited; waiting within the claim',
            );
          }
        } finally {
          permit.release();
        }
        if (waitMs === undefined) break;
      }
    }

    const now = this.clock.now();
    if (result.ok) {
      this.outcomes.add({
        id: delivery.id,
        outcome: 'sent',
        platformMessageId: result.platformMessageId,
        at: now,
      });
      return 'sent';
    }
    const context = {
      delivery: delivery.id,
      kind: delivery.kind,
      destination: destination.target,
      attempt: delivery.attempts,
      reason: result.reason,
    };
    if (result.channelBroken && destination.kind === 'channel') {
      this.logger.warn(context, 'channel can no longer be posted to; link marked broken');
      const notices = await this.store.transaction(async (repos) => {
        const changed = await repos.deliveries.recordOutcomes(
          this.options.workerId,
          [{ id: delivery.id, outcome: 'failed', error: result.reason }],
          now,
        );
        const link = await repos.deliveries.markChannelBroken(destination.channelLinkId, result.reason);
        if (changed > 0 && link.newlyBroken) {
          return enqueueFailureNotices(
            repos,
            { type: 'channel-broken', delivery, reason: result.reason, abandoned: link.abandoned },
            now,
          );
        }
        return 0;
      });
      this.noticesQueued(notices);
      return 'failed';
    }
    if (!result.retryable || delivery.attempts >= this.options.maxAttempts) {
      return this.failForGood(delivery, result.reason);
    }
    const retryAt = new Date(now.getTime() + this.backoffMs(delivery.attempts, result.retryAfterMs));
    this.logger.info({ ...context, retryAt }, 'delivery will be retried');
    this.earliestRetry = Math.min(this.earliestRetry, retryAt.getTime());
    this.outcomes.add({ id: delivery.id, outcome: 'retry', retryAt, error: result.reason });
    return 'retried';
  }

  private async failForGood(delivery: ClaimedDelivery, reason: string): Promise<Outcome> {
    const notice = isNotice(delivery.kind);
    const context = { delivery: delivery.id, kind: delivery.kind, attempt: delivery.attempts, reason };
    const { destination } = delivery;
    if (destination.kind === 'channel' && destination.editsMessageId !== undefined) {
      // Usually someone deleted the message meanwhile: nothing is lost, the post stays as it was.
      this.logger.warn(context, 'could not edit an earlier message; it stays as it was');
    } else {
      this.logger.error(
        context,
        notice
          ? 'notice to a coordinator failed for good (not reported further)'
          : 'delivery failed for good',
      );
    }
    const now = this.clock.now();
    const notices = await this.store.transaction(async (repos) => {
      const changed = await repos.deliveries.recordOutcomes(
        this.options.workerId,
        [{ id: delivery.id, outcome: 'failed', error: reason }],
        now,
      );
      return changed > 0 ? enqueueFailureNotices(repos, { type: 'failed', delivery, reason }, now) : 0;
    });
    this.noticesQueued(notices);
    return 'failed';
  }

  /** Notices are due at once: this drain makes one more pass for them. */
  private noticesQueued(count: number): void {
    if (count > 0) this.drainAgain = true;
  }

  /** Posts with a time limit; a thrown error is a retryable failure like any other. */
  private async send(poster: ChannelPoster, delivery: ClaimedDelivery): Promise<PostResult> {
    const { destination } = delivery;
    const { timer, sendTimeoutMs } = this.options;
    let handle: unknown;
    const timeout = new Promise<PostResult>((resolve) => {
      handle = timer.setTimeout(
        () => resolve({ ok: false, retryable: true, reason: `no answer within ${sendTimeoutMs} ms` }),
        sendTimeoutMs,
      );
    });
    try {
      // The delivery id is stable across attempts: platforms with idempotency keys drop repeats.
      const post =
        destination.kind === 'direct'
          ? poster.sendDirect(destination.target, delivery.payload, delivery.id)
          : destination.editsMessageId !== undefined
            ? poster.edit(destination.target, destination.editsMessageId, delivery.payload)
            : poster.post(destination.target, delivery.payload, delivery.id);
      return await Promise.race([post, timeout]);
    } catch (error) {
      return { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      timer.clearTimeout(handle);
    }
  }

  private gateFor(platform: Platform): SendGate {
    let gate = this.gates.get(platform);
    if (!gate) {
      gate = new SendGate(this.limits[platform], this.options.timer);
      this.gates.set(platform, gate);
    }
    return gate;
  }

  /** Exponential backoff with jitter (between half and all of the step), never sooner than the platform asked. */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const exponential = Math.min(
      this.options.maxBackoffMs,
      this.options.baseBackoffMs * 2 ** Math.max(0, attempt - 1),
    );
    const jittered = exponential / 2 + (this.options.random() * exponential) / 2;
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  /** Retries due soon, and deliveries given back for pace, wake the worker without waiting for a tick. */
  private scheduleWake(total: DrainResult): void {
    const horizon = this.options.retryWakeHorizonMs;
    if (this.stopped || horizon <= 0) return;
    const now = this.clock.now().getTime();
    let delay = this.earliestRetry - now;
    if (total.released > 0) delay = Math.min(delay, 1_000);
    if (!(delay <= horizon)) return;
    const timer = this.options.timer;
    const at = timer.now() + Math.max(0, delay);
    if (this.wake && this.wake.at <= at) return;
    this.clearWake();
    this.wake = {
      at,
      handle: timer.setTimeout(
        () => {
          this.wake = undefined;
          void this.drainDueLogged();
        },
        Math.max(1, delay),
      ),
    };
  }

  private clearWake(): void {
    if (this.wake) this.options.timer.clearTimeout(this.wake.handle);
    this.wake = undefined;
  }
}

function addressOf(delivery: ClaimedDelivery): SendAddress {
  const { destination } = delivery;
  return destination.kind === 'channel'
    ? { community: destination.target.communityExternalId, destination: `#${destination.target.channelId}` }
    : { community: destination.target.communityExternalId, destination: `@${destination.target.userId}` };
}

/**
 * Records sent, retried and released deliveries in batches: while one batch is being written,
 * the next collects, so a busy worker writes few large statements and an idle one writes at once.
 */
class OutcomeWriter {
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

  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    // Let the outcomes of this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, 1_000);
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
