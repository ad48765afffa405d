import { describe, expect, it } from 'vitest';
import type { Rsvp } from './model.ts';
import { placeGoingAnswer, promotionsFromWaitlist, seatsInUse, waitlistInOrder } from './waitlist.ts';

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

function at(memberId: string, status: Rsvp['status'], queuedAt: number, guests = 0): Rsvp {
  return { ...rsvp(memberId, status, guests), queuedAt: new Date(queuedAt) };
}

describe('waitlist order and seats', () => {
  it('orders the line by when people joined it, then by answer id, whatever order they come in', () => {
    const answers = [
      at('a0', 'WAITLISTED', 3_000),
      at('b', 'WAITLISTED', 1_000),
      at('going', 'GOING', 0),
      at('a', 'WAITLISTED', 1_000),
      at('maybe', 'MAYBE', 500),
    ];
    expect(waitlistInOrder(answers).map((r) => r.memberId)).toEqual(['a', 'b', 'a0']);
    expect(promotionsFromWaitlist(answers, 3).map((r) => r.memberId)).toEqual(['a', 'b']);
  });

  it('counts only going answers, each with its guests, leaving out the member asked about', () => {
    const answers = [
      at('a', 'GOING', 0, 2),
      at('b', 'GOING', 0),
      at('w', 'WAITLISTED', 0, 5),
      at('m', 'MAYBE', 0, 4),
    ];
    expect(seatsInUse(answers)).toBe(4);
    expect(seatsInUse(answers, 'a')).toBe(1);
    expect(seatsInUse(answers, 'nobody')).toBe(4);
  });

  it('seats a member who is first in line once their party fits', () => {
    const answers = [at('a', 'GOING', 0), at('w', 'WAITLISTED', 1_000, 1)];
    expect(placeGoingAnswer(answers, 3, 'w', 1)).toBe('GOING');
    expect(placeGoingAnswer(answers, 2, 'w', 1)).toBe('WAITLISTED');
  });

  it('seats a newcomer exactly up to capacity, not beyond', () => {
    const answers = [at('a', 'GOING', 0, 1)];
    expect(placeGoingAnswer(answers, 3, 'new', 0)).toBe('GOING');
    expect(placeGoingAnswer(answers, 2, 'new', 0)).toBe('WAITLISTED');
    expect(placeGoingAnswer([], 0, 'new', 0)).toBe('WAITLISTED');
  });

  it('promotes nobody when the first in line does not fit, and fills exactly to capacity', () => {
    const answers = [at('a', 'GOING', 0), at('w1', 'WAITLISTED', 1_000, 1), at('w2', 'WAITLISTED', 2_000)];
    expect(promotionsFromWaitlist(answers, 2)).toEqual([]);
    expect(promotionsFromWaitlist(answers, 3).map((r) => r.memberId)).toEqual(['w1']);
    expect(promotionsFromWaitlist(answers, 4).map((r) => r.memberId)).toEqual(['w1', 'w2']);
  });
});
