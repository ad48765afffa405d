/**
 * Drains the durable outbox. Each pass claims due deliveries in batches (a short lease, renewed
 * while this worker holds them and confirmed before each send, so a dead worker's claims lapse
 * soon and a resumed one sends nothing it lost: ClaimKeeper), sends them in parallel through
 * their platform's poster, paced by that platform's limits before sending (PacedSender), and
 * records the outcomes in batches (OutcomeWriter). Retryable failures retry with exponential
 * backoff and jitter, never sooner than the platform's retry_after (backoff.ts), for a window
 * from the first failure (retryForMs); then the delivery fails and the coordinators of the town
 * concerned are told by direct message. A delivery whose claims keep ending without an outcome
 * (its worker dies while sending it) fails after maxTakeovers.
 */
import { KeyedSerialQueue } from '../async/keyed-serial-queue.ts';
import type { ChannelPoster, ClaimedDelivery, Clock, Logger, PostResult, Store } from '../ports.ts';
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { ClaimKeeper } from './claim-keeper.ts';
import { DestinationHolds, destinationOf } from './destination-holds.ts';
import { FailureRecorder, logContext } from './failure-recorder.ts';
import { OutcomeWriter } from './outcome-writer.ts';
import { LOST, PacedSender, RELEASED } from './paced-sender.ts';
import { CopyPreparation } from './copy-preparation.ts';
import { isRelayKind } from '../relay/relayed-post.ts';
import { PLATFORM_SEND_LIMITS } from './send-limits.ts';
import { PostsInHand, SendShares } from './send-shares.ts';
import {
  DELIVERY_WORKER_DEFAULTS,
  type DeliveryWorkerOptions,
  type DrainResult,
  type WorkerSettings,
} from './delivery-worker-options.ts';

export type { DeliveryWorkerOptions, DrainResult };

type Outcome = keyof DrainResult;

export class DeliveryWorker {
  private readonly options: WorkerSettings;
  private readonly sender: PacedSender;
  private readonly backoff: BackoffPolicy;
  private readonly outcomes: OutcomeWriter;
  private draining: Promise<DrainResult> | null = null;
  private drainAgain = false;
  private stopped = false;
  private wake: { at: number; handle: unknown } | undefined;
  /** Earliest retry (Clock time) scheduled during the current drain. */
  private earliestRetry = Infinity;
  /** Per message (its edits) and per channel (relayed messages): each waits for the one before. */
  private readonly inOrder = new KeyedSerialQueue();
  /** Channels whose relayed message was not sent in this drain: the ones after it wait too. */
  private readonly relayHeld = new Set<string>();
  /** Deliveries given back for that reason, not for pace: their channel is not paced out. */
  private readonly heldForOrder = new Set<string>();
  private readonly holds: DestinationHolds;
  private readonly claims: ClaimKeeper;
  private readonly failures: FailureRecorder;
  private readonly copies: CopyPreparation;
  /** This worker's part of each platform's budget, shared with the other live workers. */
  private readonly shares: SendShares | undefined;
  private readonly inHand = new PostsInHand(() => this.shares?.poke());

  constructor(
    private readonly store: Store,
    posters: readonly ChannelPoster[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DeliveryWorkerOptions,
  ) {
    this.options = { ...DELIVERY_WORKER_DEFAULTS, ...options };
    const { workerId, leaseMs, timer, sendTimeoutMs, baseBackoffMs, maxBackoffMs, random } = this.options;
    const limits = { ...PLATFORM_SEND_LIMITS, ...options.limits };
    this.sender = new PacedSender(posters, logger, { limits, timer, sendTimeoutMs });
    this.shares =
      options.shareBudget === true
        ? new SendShares(store, clock, logger, {
            workerId,
            platforms: posters.map((poster) => poster.platform),
            busy: () => this.inHand.platforms(),
            limits,
            leaseMs,
            timer,
            onChange: (parts) => this.sender.setLimits(parts),
          })
        : undefined;
    this.backoff = { baseMs: baseBackoffMs, maxMs: maxBackoffMs, random };
    this.claims = new ClaimKeeper(store, clock, logger, { workerId, leaseMs, timer });
    this.outcomes = new OutcomeWriter(store, workerId, clock, logger, {
      timer,
      retryForMs: leaseMs,
      onSettled: (ids) => ids.forEach((id) => this.claims.giveUp(id)),
    });
    this.failures = new FailureRecorder(store, workerId, clock, logger, () => {
      this.drainAgain = true;
    });
    this.holds = new DestinationHolds(this.options.perDestination);
    this.copies = new CopyPreparation(posters, logger, {
      machineTranslation: options.machineTranslation,
      attachmentSources: options.attachmentSources ?? [],
      translationTimeoutMs: this.options.translationTimeoutMs,
      metrics: this.options.metrics,
      timer,
    });
  }

  /**
   * Sends everything that is due now. Calls that arrive while a drain runs are folded into
   * one more pass, so a wake-up is never lost and never runs twice at once in this process.
   */
  drainDue(): Promise<DrainResult> {
    if (this.stopped) return Promise.resolve({ sent: 0, retried: 0, failed: 0, released: 0, lost: 0 });
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    // drainLoop awaits before it ends, so it clears this field only after it is set.
    this.draining = this.drainLoop();
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
    this.sender.close();
    await this.draining?.catch(() => undefined);
    await this.outcomes.flushed();
    this.claims.stop();
    await this.shares?.stop();
  }

  private async drainLoop(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, released: 0, lost: 0 };
    this.earliestRetry = Infinity;
    this.relayHeld.clear();
    try {
      await this.shares?.start();
      do {
        this.drainAgain = false;
        try {
          await this.pass(total);
        } finally {
          // Inside the loop: a drainDue while the last outcomes are written gets one more pass.
          await this.outcomes.flushed();
        }
      } while (this.drainAgain && !this.stopped);
    } finally {
      // With no await since drainAgain was last read: a later drainDue starts a drain of its own.
      this.draining = null;
    }
    this.scheduleWake(total);
    return total;
  }

  /**
   * Claims and sends until nothing more is due, keeping about one batch under way. Claims are
   * fair (see DeliveryRepository.claimDue): destinations this worker holds enough of, or whose
   * pace had no budget, are left out, and the claim after a send may take them again.
   */
  private async pass(total: DrainResult): Promise<void> {
    const { batchSize, slotWaitMs, workerId, perDestination, timer } = this.options;
    const inFlight = new Set<Promise<void>>();
    const lowWater = Math.floor(batchSize / 2);
    let claiming = true;
    let leftOut = false;
    /** Deliveries finished in this pass: one that finished during a claim may have made room. */
    let finished = 0;
    try {
      for (;;) {
        if (claiming && !this.stopped && inFlight.size <= lowWater) {
          // Before the lease is computed: the claim's age is never underestimated.
          const claimAskedAt = timer.now();
          const now = this.clock.now();
          const leaseUntil = this.claims.leaseFromNow();
          const skipDestinations = this.holds.skipped(timer.now());
          const finishedBefore = finished;
          const batch = await this.store.transaction((repos) =>
            repos.deliveries.claimDue({
              now,
              limit: batchSize,
              workerId,
              leaseUntil,
              perDestination,
              skipDestinations,
            }),
          );
          this.claims.hold(
            batch.map((delivery) => delivery.id),
            claimAskedAt,
          );
          // How long a claimed post may wait for its pace before it is given back.
          const slotDeadline = timer.now() + slotWaitMs;
          if (batch.length === 0) {
            leftOut = skipDestinations.length > 0;
            claiming = leftOut && finished !== finishedBefore;
          }
          for (const delivery of batch) {
            const destination = destinationOf(delivery);
            const platform = delivery.destination.target.platform;
            this.holds.take(destination);
            this.inHand.take(platform);
            const task = this.process(delivery, slotDeadline, total).then((outcome) => {
              inFlight.delete(task);
              finished++;
              this.holds.give(destination);
              this.inHand.give(platform);
              // The platform cannot keep up with this destination: the others go on without it.
              if (outcome === 'released' && !this.heldForOrder.delete(delivery.id)) {
                this.holds.paceOut(destination, this.sender.readyAt(delivery), timer.now());
              } else if (leftOut) {
                claiming = true;
              }
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
   * the older one. So do relayed messages to one channel: a conversation keeps its order.
   */
  private process(delivery: ClaimedDelivery, slotDeadline: number, total: DrainResult): Promise<Outcome> {
    const { destination } = delivery;
    if (destination.kind !== 'channel') return this.processNow(delivery, slotDeadline, total);
    const { platform, channelId } = destination.target;
    if (isRelayKind(delivery.kind)) {
      const key = `${platform}:${channelId}:relay`;
      return this.inOrder.run(key, async () => {
        if (this.relayHeld.has(key)) return this.giveBack(delivery, total);
        const outcome = await this.processNow(delivery, slotDeadline, total);
        if (outcome !== 'sent' && outcome !== 'failed') this.relayHeld.add(key);
        return outcome;
      });
    }
    if (destination.editsMessageId === undefined) return this.processNow(delivery, slotDeadline, total);
    const key = `${platform}:${channelId}:${destination.editsMessageId}`;
    return this.inOrder.run(key, () => this.processNow(delivery, slotDeadline, total));
  }

  /** Back to the outbox unsent and uncounted: a relayed message behind one that did not go. */
  private giveBack(delivery: ClaimedDelivery, total: DrainResult): Outcome {
    this.heldForOrder.add(delivery.id);
    this.outcomes.add({ id: delivery.id, outcome: 'released' });
    total.released++;
    this.options.metrics.deliveryAttempted(delivery.destination.target.platform, 'released');
    return 'released';
  }

  private async processNow(
    delivery: ClaimedDelivery,
    slotDeadline: number,
    total: DrainResult,
  ): Promise<Outcome> {
    let outcome: Outcome = 'released';
    try {
      outcome = await this.attempt(delivery, slotDeadline);
      total[outcome]++;
      this.options.metrics.deliveryAttempted(delivery.destination.target.platform, outcome);
    } catch (error) {
      // Only recording can fail here (posting errors are results): the claim lapses and the
      // delivery is tried again after the lease.
      this.claims.giveUp(delivery.id);
      this.logger.error(
        { err: error, delivery: delivery.id, worker: this.options.workerId },
        'could not record what happened to a delivery; it is tried again once its lease runs out',
      );
    }
    return outcome;
  }

  /** One delivery: sent within the platform's pace, then what its answer means recorded. */
  private async attempt(delivery: ClaimedDelivery, slotDeadline: number): Promise<Outcome> {
    if (delivery.takeovers > this.options.maxTakeovers) {
      // Claimed again and again without an answer: the worker died while sending each time.
      return this.failForGood(
        delivery,
        `claimed ${delivery.takeovers} times in a row without an outcome (the worker stopped while sending)`,
      );
    }
    // Translated and its files read at each attempt, never stored (copy-preparation.ts).
    const posted = await this.copies.prepare(delivery);
    const result = await this.sender.send(posted, slotDeadline, () => this.claims.confirm(delivery.id));
    // Another worker has it, or will once its lease lapses: nothing to record from here.
    if (result === LOST) return 'lost';
    if (result === RELEASED) {
      this.outcomes.add({ id: delivery.id, outcome: 'released' });
      return 'released';
    }
    return this.recordAnswer(delivery, result);
  }

  /** What the platform's answer means: sent, retried later, failed for good, or the channel lost. */
  private async recordAnswer(delivery: ClaimedDelivery, result: PostResult): Promise<Outcome> {
    if (result.ok) {
      const { platformMessageId } = result;
      this.outcomes.add({ id: delivery.id, outcome: 'sent', platformMessageId, at: this.clock.now() });
      return 'sent';
    }
    if (result.channelBroken && delivery.destination.kind === 'channel') {
      await this.failures.channelBroken(delivery, delivery.destination.channelLinkId, result.reason);
      return this.failed(delivery);
    }
    if (!result.retryable || this.retryWindowOver(delivery)) {
      return this.failForGood(delivery, result.reason);
    }
    return this.scheduleRetry(delivery, result.reason, result.retryAfterMs, result.unanswered === true);
  }

  /** Retryable failures have gone on for retryForMs since the first one: no more retries. */
  private retryWindowOver(delivery: ClaimedDelivery): boolean {
    if (delivery.firstFailedAt === null) return false;
    return this.clock.now().getTime() - delivery.firstFailedAt.getTime() >= this.options.retryForMs;
  }

  private scheduleRetry(
    delivery: ClaimedDelivery,
    reason: string,
    retryAfterMs: number | undefined,
    unanswered: boolean,
  ): Outcome {
    const delay = retryDelayMs(this.backoff, delivery.attempts, retryAfterMs);
    const retryAt = new Date(this.clock.now().getTime() + delay);
    this.logger.info({ ...logContext(delivery, reason), retryAt }, 'delivery will be retried');
    this.earliestRetry = Math.min(this.earliestRetry, retryAt.getTime());
    this.outcomes.add({
      id: delivery.id,
      outcome: 'retry',
      retryAt,
      error: reason,
      ...(unanswered ? { unanswered } : {}),
    });
    return 'retried';
  }

  private async failForGood(delivery: ClaimedDelivery, reason: string): Promise<Outcome> {
    await this.failures.failedForGood(delivery, reason);
    return this.failed(delivery);
  }

  /** Recorded failed: the claim has ended. */
  private failed(delivery: ClaimedDelivery): Outcome {
    this.claims.giveUp(delivery.id);
    return 'failed';
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
