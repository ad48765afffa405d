import { describe, expect, it } from 'vitest';
import type { Rsvp } from './model.ts';
import { placeGoingAnswer, promotionsFromWaitlist } from './waitlist.ts';

let clock = 0;
function rsvp(memberId: string, status: Rsvp['status'], guests = 0): Rsvp {
  clock += 1000;
  return {
    id: `r-${memberId}`,
    exchangeId: 'e',
    memberId,
    townId: 't',
    status,
    guests,
    queuedAt: new Date(clock),
  };
}

describe('waitlist', () => {
  it('seats going answers until capacity, guests included, then waitlists', () => {
    const answers = [rsvp('a', 'GOING', 1), rsvp('b', 'GOING')];
    expect(placeGoingAnswer(answers, 4, 'c', 0)).toBe('GOING');
    expect(placeGoingAnswer(answers, 4, 'c', 1)).toBe('WAITLISTED');
    expect(placeGoingAnswer(answers, null, 'c', 20)).toBe('GOING');
  });

  it('never lets a newcomer jump the line while someone waits', () => {
    const answers = [rsvp('a', 'GOING'), rsvp('w', 'WAITLISTED', 2)];
    // One place is free, but w (3 seats) waits first.
    expect(placeGoingAnswer(answers, 2, 'new', 0)).toBe('WAITLISTED');
  });

  it('refuses more guests than fit for someone already going', () => {
    const answers = [rsvp('a', 'GOING'), rsvp('b', 'GOING')];
    expect(placeGoingAnswer(answers, 3, 'a', 1)).toBe('GOING');
    expect(placeGoingAnswer(answers, 3, 'a', 2)).toBe('DOES_NOT_FIT');
  });

  it('promotes in order and stops at the first party that does not fit', () => {
    const answers = [
      rsvp('a', 'GOING'),
      rsvp('w1', 'WAITLISTED'),
      rsvp('w2', 'WAITLISTED', 3),
      rsvp('w3', 'WAITLISTED'),
    ];
    expect(promotionsFromWaitlist(answers, 3).map((r) => r.memberId)).toEqual(['w1']);
    expect(promotionsFromWaitlist(answers, 6).map((r) => r.memberId)).toEqual(['w1', 'w2']);
    expect(promotionsFromWaitlist(answers, null).map((r) => r.memberId)).toEqual(['w1', 'w2', 'w3']);
  });
});
