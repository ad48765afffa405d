/**
 * Sending one claimed delivery within its platform's pace: wait for a send slot (only until the
 * deadline the worker gives), confirm the claim is still held, post with a time limit, and wait
 * out a short retry_after within the claim, as discord.js itself does. What the answer means for the
 * delivery (sent, retried, failed) is the worker's business.
 */
import { within } from '../async/deadline.ts';
import type { Platform } from '../domain/model.ts';
import type { Abandoned, ChannelPoster, ClaimedDelivery, Logger, PostResult } from '../ports.ts';
import { SendGate, type PacingTimer, type SendAddress } from './send-gate.ts';
import type { SendLimits } from './send-limits.ts';
import { RELAY_KINDS } from '../relay/relayed-post.ts';
import { neutralizeMessage } from '../views/bidi.ts';

export interface PacedSenderOptions {
  limits: Record<Platform, SendLimits>;
  /** Real time for pacing and the send timeout (the Clock is the time the database records). */
  timer: PacingTimer;
  /** A post that takes longer counts as a retryable failure. */
  sendTimeoutMs: number;
}

/** No send slot came in time: the delivery goes back to the outbox unsent. */
export const RELEASED = 'released';
/** The claim was lost before the post could go out (another worker has it, or will): not sent. */
export const LOST = 'lost';

/** Rate-limit answers with a wait up to this long are waited out within the claim, this many times. */
const INLINE_WAIT_MAX_MS = 10_000;
const INLINE_RATE_LIMIT_WAITS = 3;

export class PacedSender {
  private readonly posters = new Map<Platform, ChannelPoster>();
  private readonly gates = new Map<Platform, SendGate>();
  private limits: Record<Platform, SendLimits>;

  constructor(
    posters: readonly ChannelPoster[],
    private readonly logger: Logger,
    private readonly options: PacedSenderOptions,
  ) {
    for (const poster of posters) this.posters.set(poster.platform, poster);
    this.limits = options.limits;
  }

  /**
   * The platform's answer; RELEASED when no send slot comes by `slotDeadline` (pacing time);
   * LOST when `confirm`, asked right before each platform call, says the claim is gone.
   */
  async send(
    delivery: ClaimedDelivery,
    slotDeadline: number,
    confirm: () => Promise<boolean> = () => Promise.resolve(true),
  ): Promise<PostResult | typeof RELEASED | typeof LOST> {
    const platform = delivery.destination.target.platform;
    const poster = this.posters.get(platform);
    if (!poster) return { ok: false, retryable: true, reason: `no ${platform} adapter is running` };
    const gate = this.gateFor(platform);
    const address = addressOf(delivery);
    for (let waits = 0; ; waits++) {
      const permit = await gate.acquire(address, slotDeadline);
      if (!permit) return RELEASED;
      try {
        if (!(await confirm())) return LOST;
        const result = await this.sendWithTimeout(poster, delivery);
        const wait = waits < INLINE_RATE_LIMIT_WAITS ? shortRateLimitWait(result) : undefined;
        if (!wait) return result;
        // Nothing more goes there (or anywhere, for a global limit) until then: paused before
        // this send slot is given up, then the same post is tried again.
        if (wait.global) gate.pauseAll(wait.ms);
        else gate.pauseDestination(address, wait.ms);
        this.logger.debug(
          { delivery: delivery.id, retryAfterMs: wait.ms, reason: wait.reason },
          'rate limited; waiting within the claim',
        );
      } finally {
        permit.release();
      }
    }
  }

  /** Pacing time at which a send of this delivery could go, not counting sends queued before it. */
  readyAt(delivery: ClaimedDelivery): number {
    return this.gateFor(delivery.destination.target.platform).readyAt(addressOf(delivery));
  }

  /** Paces by new limits from now on (this worker's part of a shared budget changed). */
  setLimits(limits: Record<Platform, SendLimits>): void {
    this.limits = limits;
    for (const [platform, gate] of this.gates) gate.setLimits(limits[platform]);
  }

  /** Turns away every send waiting for a slot, and every later one. */
  close(): void {
    for (const gate of this.gates.values()) gate.close();
  }

  /**
   * Posts with a time limit; a thrown error is a retryable failure like any other. An attempt
   * past its limit is told it was abandoned, so it posts nothing after the retry is scheduled.
   */
  private async sendWithTimeout(poster: ChannelPoster, delivery: ClaimedDelivery): Promise<PostResult> {
    const { timer, sendTimeoutMs } = this.options;
    const abandon = new AbortController();
    try {
      const answer = await within(postOnce(poster, delivery, abandon.signal), sendTimeoutMs, timer);
      if (answer) return answer;
      abandon.abort();
      return { ok: false, retryable: true, unanswered: true, reason: `no answer within ${sendTimeoutMs} ms` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: true, unanswered: true, reason };
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
}

function postOnce(
  poster: ChannelPoster,
  delivery: ClaimedDelivery,
  abandoned: Abandoned,
): Promise<PostResult> {
  const { destination } = delivery;
  // Every post leaves here: bidirectional controls go (views/bidi.ts).
  const payload = neutralizeMessage(delivery.payload);
  // The delivery id is stable across attempts: platforms with idempotency keys drop repeats.
  // An edit or removal of a message that was never posted: nothing left to do.
  if (destination.targetMissing) return Promise.resolve({ ok: true, platformMessageId: '' });
  if (destination.kind === 'direct') {
    return destination.editsMessageId === undefined
      ? poster.sendDirect(destination.target, payload, delivery.id, abandoned)
      : poster.editDirect(destination.target, destination.editsMessageId, payload, abandoned);
  }
  if (delivery.kind === RELAY_KINDS.delete && destination.editsMessageId !== undefined) {
    return poster.remove(destination.target, destination.editsMessageId);
  }
  if (delivery.kind === RELAY_KINDS.reactions && destination.editsMessageId !== undefined) {
    return poster.react(destination.target, destination.editsMessageId, payload.reactions ?? [], abandoned);
  }
  if (destination.editsMessageId !== undefined) {
    return poster.edit(destination.target, destination.editsMessageId, payload, abandoned);
  }
  const { threadMessageId } = destination;
  const placement = {
    ...(threadMessageId ? { threadMessageId } : {}),
    ...(delivery.unansweredBefore ? { unansweredBefore: true } : {}),
  };
  return poster.post(destination.target, payload, delivery.id, abandoned, placement);
}

/** A rate limit short enough to wait out within the claim; a long one goes back to the outbox. */
function shortRateLimitWait(result: PostResult): { ms: number; global: boolean; reason: string } | undefined {
  if (result.ok || !result.retryable || result.retryAfterMs === undefined) return undefined;
  if (result.retryAfterMs > INLINE_WAIT_MAX_MS) return undefined;
  return { ms: result.retryAfterMs, global: result.globalRateLimit === true, reason: result.reason };
}

function addressOf(delivery: ClaimedDelivery): SendAddress {
  const { destination } = delivery;
  return destination.kind === 'channel'
    ? { community: destination.target.communityExternalId, destination: `#${destination.target.channelId}` }
    : { community: destination.target.communityExternalId, destination: `@${destination.target.userId}` };
}
