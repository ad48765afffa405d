/**
 * Places on an exchange. A "going" answer takes the member's seat plus their guests; once
 * capacity is reached, further "going" answers wait in order, and freed places go to the first
 * in line. The line is never jumped: a newcomer waits while anyone is queued, and a waiting
 * party that does not fit yet keeps the people behind it waiting too.
 */
import { seatsTaken, type Rsvp } from './model.ts';

export function seatsInUse(rsvps: readonly Rsvp[], exceptMemberId?: string): number {
  return rsvps
    .filter((r) => r.status === 'GOING' && r.memberId !== exceptMemberId)
    .reduce((sum, r) => sum + seatsTaken(r), 0);
}

export function waitlistInOrder(rsvps: readonly Rsvp[]): Rsvp[] {
  return rsvps
    .filter((r) => r.status === 'WAITLISTED')
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id.localeCompare(b.id));
}

/** Where a "going" answer lands. */
export function placeGoingAnswer(
  rsvps: readonly Rsvp[],
  capacity: number | null,
  memberId: string,
  guests: number,
): 'GOING' | 'WAITLISTED' | 'DOES_NOT_FIT' {
  const current = rsvps.find((r) => r.memberId === memberId);
  const fits = capacity === null || seatsInUse(rsvps, memberId) + 1 + guests <= capacity;
  if (current?.status === 'GOING') return fits ? 'GOING' : 'DOES_NOT_FIT';
  const othersWaiting = waitlistInOrder(rsvps).some((r) => r.memberId !== memberId);
  if (fits && !othersWaiting) return 'GOING';
  return 'WAITLISTED';
}

/** The waitlisted answers that now fit, first in line first; stops at the first that does not. */
export function promotionsFromWaitlist(rsvps: readonly Rsvp[], capacity: number | null): Rsvp[] {
  const promoted: Rsvp[] = [];
  let used = seatsInUse(rsvps);
  for (const waiting of waitlistInOrder(rsvps)) {
    if (capacity !== null && used + seatsTaken(waiting) > capacity) break;
    used += seatsTaken(waiting);
    promoted.push(waiting);
  }
  return promoted;
}
