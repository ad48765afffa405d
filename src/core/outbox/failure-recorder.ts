/**
 * What a delivery that failed for good leads to: the delivery marked failed and, in the same
 * transaction, the channel marked broken when the platform says the bot lost it, and the
 * coordinators told (failure-notices.ts), once, by the worker that still held the claim.
 */
import type { ClaimedDelivery, Clock, Logger, Repositories, Store } from '../ports.ts';
import { enqueueFailureNotices, isNotice } from './failure-notices.ts';

export class FailureRecorder {
  constructor(
    private readonly store: Store,
    private readonly workerId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Notices were queued: they are due at once. */
    private readonly onNoticesQueued: () => void,
  ) {}

  /** The bot lost the channel: the link is marked broken and its coordinators are told, once. */
  async channelBroken(delivery: ClaimedDelivery, channelLinkId: string, reason: string): Promise<void> {
    this.logger.warn(logContext(delivery, reason), 'channel can no longer be posted to; link marked broken');
    await this.recordFailed(delivery, reason, async (repos, claimHeld, now) => {
      const link = await repos.deliveries.markChannelBroken(channelLinkId, reason);
      if (!claimHeld || !link.newlyBroken) return 0;
      return enqueueFailureNotices(
        repos,
        { type: 'channel-broken', delivery, reason, abandoned: link.abandoned },
        now,
      );
    });
  }

  async failedForGood(delivery: ClaimedDelivery, reason: string): Promise<void> {
    const context = { delivery: delivery.id, kind: delivery.kind, attempt: delivery.attempts, reason };
    const { destination } = delivery;
    if (destination.editsMessageId !== undefined) {
      // Usually someone deleted the message meanwhile: nothing is lost, the post stays as it was.
      this.logger.warn(context, 'could not edit an earlier message; it stays as it was');
    } else {
      this.logger.error(
        context,
        isNotice(delivery.kind)
          ? 'notice to a coordinator failed for good (not reported further)'
          : 'delivery failed for good',
      );
    }
    await this.recordFailed(delivery, reason, (repos, claimHeld, now) =>
      claimHeld
        ? enqueueFailureNotices(repos, { type: 'failed', delivery, reason }, now)
        : Promise.resolve(0),
    );
  }

  /**
   * Marks a delivery failed and, in the same transaction, does what follows from it (`then`
   * returns how many notices it queued). `claimHeld` is false when another worker already
   * recorded this delivery: nobody is told twice.
   */
  private async recordFailed(
    delivery: ClaimedDelivery,
    reason: string,
    then: (repos: Repositories, claimHeld: boolean, now: Date) => Promise<number>,
  ): Promise<void> {
    const now = this.clock.now();
    const notices = await this.store.transaction(async (repos) => {
      const changed = await repos.deliveries.recordOutcomes(
        this.workerId,
        [{ id: delivery.id, outcome: 'failed', error: reason }],
        now,
      );
      return then(repos, changed > 0, now);
    });
    if (notices > 0) this.onNoticesQueued();
  }
}

export function logContext(delivery: ClaimedDelivery, reason: string): object {
  return {
    delivery: delivery.id,
    kind: delivery.kind,
    destination: delivery.destination.target,
    attempt: delivery.attempts,
    reason,
  };
}
