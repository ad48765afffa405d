/**
 * What one worker holds per destination (a linked channel, or a person for direct messages),
 * so that its claims stay fair: a destination it already holds `perDestination` deliveries of,
 * or whose pace had no budget for a delivery it gave back, is left out of the next claims.
 * Several processes each keep their own: each claim is capped per destination in the database
 * too (DeliveryRepository.claimDue).
 */
import type { ClaimedDelivery } from '../ports.ts';

/** A destination given back for pace is left alone at least this long (pacing ms). */
const PACED_OUT_AT_LEAST_MS = 1_000;

/** The id claims know a destination by: the channel link, or the member messaged directly. */
export function destinationOf(delivery: ClaimedDelivery): string {
  const { destination } = delivery;
  return destination.kind === 'channel' ? destination.channelLinkId : destination.recipientMemberId;
}

export class DestinationHolds {
  private readonly held = new Map<string, number>();
  /** Destinations whose pace has no budget, until a pacing time. */
  private readonly pacedOut = new Map<string, number>();

  constructor(readonly perDestination: number) {}

  take(destination: string): void {
    this.held.set(destination, (this.held.get(destination) ?? 0) + 1);
  }

  give(destination: string): void {
    const left = (this.held.get(destination) ?? 0) - 1;
    if (left > 0) this.held.set(destination, left);
    else this.held.delete(destination);
  }

  /** The destination could not send in time: skipped until its pace has budget again. */
  paceOut(destination: string, readyAt: number, now: number): void {
    this.pacedOut.set(destination, Math.max(readyAt, now + PACED_OUT_AT_LEAST_MS));
  }

  /** Destinations the next claim leaves out at pacing time `now`. */
  skipped(now: number): string[] {
    const skip = new Set<string>();
    for (const [destination, count] of this.held) if (count >= this.perDestination) skip.add(destination);
    for (const [destination, until] of this.pacedOut) {
      if (until <= now) this.pacedOut.delete(destination);
      else skip.add(destination);
    }
    return [...skip];
  }
}
