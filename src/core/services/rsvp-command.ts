/** `rsvp`: the decision is the domain's (decideRsvp); here it is stored, redrawn, reminded and answered. */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { Rsvp } from '../domain/model.ts';
import { decideRsvp, type RsvpAnswer, type RsvpOutcome, type RsvpRefusal } from '../domain/rsvp-decision.ts';
import { UserError } from '../errors.ts';
import type { MessageKey } from '../i18n/translator.ts';
import { planReminders } from '../jobs/reminders.ts';
import { applyPromotions, cardReply, redrawPostedCards } from './exchange-posts.ts';
import { actingTown, audit, visibleExchange } from './lookups.ts';

export interface RsvpArgs {
  event: number;
  answer: RsvpAnswer;
  guests?: number;
}

const ANSWER_MESSAGES: Record<RsvpOutcome['status'], MessageKey> = {
  GOING: 'rsvp.going',
  WAITLISTED: 'rsvp.waitlisted',
  MAYBE: 'rsvp.maybe',
  NOT_GOING: 'rsvp.not-going',
};

function refusalError(refusal: RsvpRefusal, number: number): UserError {
  switch (refusal.refused) {
    case 'cancelled':
      return new UserError('event.cancelled', { number });
    case 'over':
      return new UserError('rsvp.event-over', { number });
    case 'does-not-fit':
      return new UserError('rsvp.does-not-fit', { free: refusal.free });
    case 'party-too-large':
      return new UserError('rsvp.party-too-large', {
        capacity: refusal.capacity,
        guests: refusal.capacity - 1,
      });
  }
}

export async function answerRsvp(ctx: CommandContext, args: RsvpArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const { exchange, partnership } = await visibleExchange(ctx, args.event, { forUpdate: true });
  const before = await ctx.repos.rsvps.listForExchange(exchange.id);
  const decision = decideRsvp({
    exchange,
    rsvps: before,
    memberId: ctx.member.id,
    townId: town.id,
    answer: args.answer,
    guests: args.guests,
    now: ctx.now,
  });
  if (decision.refused) throw refusalError(decision, exchange.number);
  const { status, guests, queuedAt, promotions, waitlistPosition } = decision;

  const answer = await ctx.repos.rsvps.upsert({
    exchangeId: exchange.id,
    memberId: ctx.member.id,
    townId: town.id,
    status,
    guests,
    queuedAt,
  });
  await applyPromotions(ctx, exchange, promotions);
  const rsvps = answersAfter(before, answer, promotions);
  const clickedCard = await redrawPostedCards(ctx, exchange, partnership, rsvps);
  // Going or maybe gets direct reminders; another answer withdraws them.
  await planReminders(ctx.repos, exchange, ctx.now, { answer: { member: ctx.member, status }, partnership });
  await audit(
    ctx,
    'rsvp',
    { type: 'exchange', id: exchange.id },
    { status, guests, promoted: promotions.length },
  );
  const headline = ctx.t(ANSWER_MESSAGES[status], {
    title: exchange.title,
    guests,
    position: waitlistPosition,
  });
  const reply = await cardReply(ctx, exchange, partnership, headline, true, rsvps);
  return clickedCard ? { ...reply, clickedCard } : reply;
}

/** The answers once this one is stored and the waitlist has moved up: known without reading them again. */
function answersAfter(before: readonly Rsvp[], answer: Rsvp, promoted: readonly Rsvp[]): Rsvp[] {
  const moved = new Set(promoted.map((rsvp) => rsvp.id));
  const others = before.filter((rsvp) => rsvp.memberId !== answer.memberId);
  return [
    ...others.map((rsvp) => (moved.has(rsvp.id) ? { ...rsvp, status: 'GOING' as const } : rsvp)),
    answer,
  ];
}
