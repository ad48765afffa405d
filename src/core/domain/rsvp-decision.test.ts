import { describe, expect, it } from 'vitest';
import type { Rsvp, RsvpStatus } from './model.ts';
import { decideRsvp, type RsvpDecisionInput } from './rsvp-decision.ts';

const now = new Date('2026-06-01T10:00:00Z');
const later = new Date('2026-06-05T18:00:00Z');

function answer(memberId: string, status: RsvpStatus, guests = 0, minute = 0): Rsvp {
  return {
    id: `rsvp-${memberId}`,
    exchangeId: 'x1',
    memberId,
    townId: 'krumlov',
    status,
    guests,
    queuedAt: new Date(Date.UTC(2026, 4, 1, 9, minute)),
  };
}

function decide(overrides: Partial<RsvpDecisionInput>) {
  return decideRsvp({
    exchange: { id: 'x1', capacity: 3, status: 'PLANNED', endsAt: later },
    rsvps: [],
    memberId: 'max',
    townId: 'passau',
    answer: 'going',
    guests: undefined,
    now,
    ...overrides,
  });
}

describe('decideRsvp', () => {
  it('takes a free place, with the guests given, queued now', () => {
    expect(decide({ guests: 1 })).toEqual({
      status: 'GOING',
      guests: 1,
      queuedAt: now,
      promotions: [],
      waitlistPosition: 0,
    });
  });

  it('puts a going answer on the waitlist when full, behind those already waiting', () => {
    const rsvps = [answer('a', 'GOING', 2), answer('b', 'WAITLISTED', 0, 1), answer('c', 'WAITLISTED', 0, 2)];
    expect(
      decide({ rsvps, exchange: { id: 'x1', capacity: 3, status: 'PLANNED', endsAt: later } }),
    ).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
  });

  it('puts a newcomer behind people who joined the line at the same instant', () => {
    const sameInstant = (r: Rsvp): Rsvp => ({ ...r, queuedAt: now });
    const rsvps = [
      answer('a', 'GOING', 2),
      sameInstant(answer('b', 'WAITLISTED')),
      sameInstant(answer('c', 'WAITLISTED')),
    ];
    expect(decide({ rsvps })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
  });

  it('keeps a waiting member’s place in line when they answer going again', () => {
    const rsvps = [
      answer('a', 'GOING', 2),
      answer('max', 'WAITLISTED', 0, 1),
      answer('c', 'WAITLISTED', 0, 2),
    ];
    const decision = decide({ rsvps });
    expect(decision).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(!decision.refused && decision.queuedAt).toEqual(rsvps[1]?.queuedAt);
  });

  it('moves the first in line up when a going member steps back, and keeps earlier guests', () => {
    const rsvps = [
      answer('max', 'GOING', 2),
      answer('b', 'WAITLISTED', 1, 1),
      answer('c', 'WAITLISTED', 0, 2),
    ];
    const decision = decide({ rsvps, answer: 'maybe' });
    expect(decision).toMatchObject({ status: 'MAYBE', guests: 2, queuedAt: now, waitlistPosition: 0 });
    expect(!decision.refused && decision.promotions.map((r) => r.memberId)).toEqual(['b', 'c']);
  });

  it('promotes nobody when the answer was not going before', () => {
    // A place is free (capacity 4), yet only a going answer that changes moves the line.
    const rsvps = [answer('a', 'GOING', 2), answer('max', 'MAYBE'), answer('b', 'WAITLISTED', 0, 1)];
    const exchange = { id: 'x1', capacity: 4, status: 'PLANNED' as const, endsAt: later };
    expect(decide({ rsvps, exchange, answer: 'no' })).toMatchObject({ status: 'NOT_GOING', promotions: [] });
  });

  it('refuses more guests than fit for a member already going, counting the guests that would', () => {
    const rsvps = [answer('a', 'GOING', 1), answer('max', 'GOING')];
    expect(
      decide({ rsvps, guests: 3, exchange: { id: 'x1', capacity: 5, status: 'PLANNED', endsAt: later } }),
    ).toEqual({ refused: 'does-not-fit', free: 2 });
  });

  it('refuses a party larger than all the places rather than waitlisting it for ever', () => {
    const exchange = { id: 'x1', capacity: 3, status: 'PLANNED' as const, endsAt: later };
    expect(decide({ rsvps: [], guests: 3, exchange })).toEqual({ refused: 'party-too-large', capacity: 3 });
    expect(decide({ rsvps: [], guests: 2, exchange })).toMatchObject({ status: 'GOING', guests: 2 });
  });

  it('refuses answers to a cancelled or finished exchange', () => {
    expect(decide({ exchange: { id: 'x1', capacity: null, status: 'CANCELLED', endsAt: later } })).toEqual({
      refused: 'cancelled',
    });
    expect(decide({ exchange: { id: 'x1', capacity: null, status: 'PLANNED', endsAt: now } })).toEqual({
      refused: 'over',
    });
  });
});
