/**
 * What one answer to an exchange does, decided without touching storage: the status it lands
 * on, whether the member keeps their place in line, their place on the waitlist, and who moves
 * up into the seats it frees. The service stores and announces the outcome.
 */
import type { Exchange, Rsvp, RsvpStatus } from './model.ts';
import { placeGoingAnswer, promotionsFromWaitlist, seatsInUse, waitlistInOrder } from './waitlist.ts';

export type RsvpAnswer = 'going' | 'maybe' | 'no';

export interface RsvpDecisionInput {
  exchange: Pick<Exchange, 'capacity' | 'status' | 'endsAt' | 'id'>;
  /** Every answer the exchange has so far. */
  rsvps: readonly Rsvp[];
  memberId: string;
  townId: string;
  answer: RsvpAnswer;
  /** Guests given with this answer; unset keeps the member's earlier number (or none). */
  guests: number | undefined;
  now: Date;
}

export type RsvpRefusal =
  | { refused: 'cancelled' }
  | { refused: 'over' }
  /** A going member asked for more places than are free; `free` counts the guests that would fit. */
  | { refused: 'does-not-fit'; free: number }
  /** More people than the exchange has places at all: waiting would never end. */
  | { refused: 'party-too-large'; capacity: number };

export interface RsvpOutcome {
  refused?: undefined;
  status: RsvpStatus;
  guests: number;
  /** When the answer joined its line: kept when the status stays, now when it changes. */
  queuedAt: Date;
  /** Waitlisted answers that now fit because this one freed places, first in line first. */
  promotions: Rsvp[];
  /** 1 for the first in line; 0 unless the answer is waitlisted. */
  waitlistPosition: number;
}

export function decideRsvp(input: RsvpDecisionInput): RsvpRefusal | RsvpOutcome {
  const { exchange, rsvps, memberId, now } = input;
  if (exchange.status === 'CANCELLED') return { refused: 'cancelled' };
  if (exchange.endsAt <= now) return { refused: 'over' };
  const current = rsvps.find((r) => r.memberId === memberId);
  const guests = input.guests ?? current?.guests ?? 0;

  let status: RsvpStatus;
  if (input.answer === 'going') {
    if (exchange.capacity !== null && 1 + guests > exchange.capacity) {
      return { refused: 'party-too-large', capacity: exchange.capacity };
    }
    const placement = placeGoingAnswer(rsvps, exchange.capacity, memberId, guests);
    if (placement === 'DOES_NOT_FIT') {
      const free = (exchange.capacity ?? 0) - seatsInUse(rsvps, memberId);
      // The member's own seat comes first; what is left is for guests.
      return { refused: 'does-not-fit', free: Math.max(free - 1, 0) };
    }
    status = placement;
  } else {
    status = input.answer === 'maybe' ? 'MAYBE' : 'NOT_GOING';
  }
  // Joining the going list or the waitlist anew puts you at the back of the line.
  const queuedAt = current?.status === status ? current.queuedAt : now;
  const mine: Rsvp = {
    id: current?.id ?? '',
    exchangeId: exchange.id,
    memberId,
    townId: input.townId,
    status,
    guests,
    queuedAt,
  };
  const after = [...rsvps.filter((r) => r.memberId !== memberId), mine];
  // Only a going answer that changes can free places.
  const promotions = current?.status === 'GOING' ? promotionsFromWaitlist(after, exchange.capacity) : [];
  const waitlistPosition = status === 'WAITLISTED' ? positionInLine(after, mine, current?.status) : 0;
  return { status, guests, queuedAt, promotions, waitlistPosition };
}

/** A member newly in line is behind everyone already there, even those queued at the same instant. */
function positionInLine(after: readonly Rsvp[], mine: Rsvp, previous: RsvpStatus | undefined): number {
  const line = waitlistInOrder(after);
  if (previous === 'WAITLISTED') return line.findIndex((r) => r.memberId === mine.memberId) + 1;
  return line.filter((r) => r.memberId !== mine.memberId).length + 1;
}
