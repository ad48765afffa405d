import type { CommandContext, CommandHandlers } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import {
  seatsTaken,
  type Exchange,
  type ExchangeKind,
  type PartnershipWithTowns,
  type Rsvp,
  type Town,
} from '../domain/model.ts';
import { countryName } from '../domain/places.ts';
import { placeGoingAnswer, promotionsFromWaitlist } from '../domain/waitlist.ts';
import { UserError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import type { OutgoingMessage } from '../ports.ts';
import { planReminders } from '../jobs/reminders.ts';
import { notifyPromotions } from '../jobs/waitlist-notices.ts';
import { formatInstant, parseWhen, type TimeError } from '../time/index.ts';
import { exchangeCardText } from '../views/exchange-card.ts';
import { buildExchangeCard } from '../views/exchange-view.ts';
import { fanOutToPartnership } from './fan-out.ts';
import {
  actingTown,
  audit,
  hostedExchange,
  ownPartnership,
  partnershipsInScope,
  visibleExchange,
} from './lookups.ts';

type ExchangeHandlers = Pick<
  CommandHandlers,
  'event.create' | 'event.list' | 'event.info' | 'event.edit' | 'event.cancel' | 'event.attendees' | 'rsvp'
>;

const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;
const LIST_LIMIT = 25;

function timeErrorToUserError(option: string, error: TimeError): UserError {
  switch (error.code) {
    case 'time.unparseable':
      return new UserError('time.unparseable', { option, input: error.input });
    case 'time.nonexistent':
      return new UserError('time.nonexistent', { option, local: error.local, zone: error.zone });
    case 'time.ambiguous':
      return new UserError('time.ambiguous', { option, local: error.local, zone: error.zone });
    case 'time.unknown-zone':
      return new UserError('time.unknown-zone', { zone: error.zone });
  }
}

/** Reads a time the person typed, in their town's zone. */
export function readTime(ctx: CommandContext, option: string, input: string, zone: string): Date {
  const result = parseWhen(input, { zone, now: ctx.now, locale: ctx.language });
  if (!result.ok) throw timeErrorToUserError(option, result.error);
  return result.instant;
}

function kindFromChoice(value: string): ExchangeKind {
  return value.toUpperCase().replaceAll('-', '_') as ExchangeKind;
}

/** A reply carrying the exchange card as the acting member should see it. */
async function cardReply(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  headline: string,
  isPrivate: boolean,
): Promise<Reply> {
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  const card = buildExchangeCard({
    exchange,
    towns: partnership.towns,
    rsvps,
    reader: { language: ctx.language, timeZone: actingTown(ctx).timeZone },
    now: ctx.now,
  });
  return { private: isPrivate, text: `${headline}\n${exchangeCardText(card)}`, exchange: card };
}

type CardPostKind = 'exchange.created' | 'exchange.updated' | 'exchange.cancelled';
/** Posts that show an exchange's card with answer buttons: what a redraw replaces. */
const CARD_POST_KINDS: CardPostKind[] = ['exchange.created', 'exchange.updated'];
/** A posted card redrawn with the current answers. */
const CARD_REDRAW_KIND = 'exchange.card-redraw';

/** An exchange card post for one channel: the headline of its kind, then the card. */
function cardPost(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  rsvps: Rsvp[],
  post: { kind: CardPostKind; reason?: string | undefined },
  reader: { language: SupportedLanguage; town: Town },
): OutgoingMessage {
  const card = buildExchangeCard({
    exchange,
    towns: partnership.towns,
    rsvps,
    reader: { language: reader.language, timeZone: reader.town.timeZone },
    now: ctx.now,
  });
  const headline = translatorFor(reader.language)(`post.${post.kind}`, {
    host: partnership.towns.find((t) => t.id === exchange.hostTownId)?.name ?? '?',
    title: exchange.title,
    reason: post.reason ?? '',
  });
  return { text: `${headline}\n${exchangeCardText(card)}`, exchange: card };
}

/** Posts the exchange card to every linked channel, each in its own language and zone. */
async function announceExchange(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  kind: CardPostKind,
  reason?: string,
): Promise<number> {
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  return fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    towns: partnership.towns,
    kind,
    sourceId: exchange.id,
    occasion: String(ctx.now.getTime()),
    dueAt: ctx.now,
    render: ({ language, town }) =>
      cardPost(ctx, exchange, partnership, rsvps, { kind, reason }, { language, town }),
  });
}

/**
 * Redraws the newest card of the exchange in every channel with the answers as they are now, so
 * partner towns see the same places taken as the town where someone answered. A redraw still
 * waiting is replaced by this one: a burst of answers ends in about one edit per channel.
 */
async function redrawPostedCards(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
): Promise<void> {
  const posted = await ctx.repos.deliveries.latestPosted(exchange.id, CARD_POST_KINDS);
  if (posted.length === 0) return;
  await ctx.repos.deliveries.withdrawPending(
    { sourceId: exchange.id, kinds: [CARD_REDRAW_KIND], exceptKeys: [] },
    'replaced by a newer redraw',
  );
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  const kindOf = new Map(posted.map((p) => [p.channelLinkId, p.kind]));
  await fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    towns: partnership.towns,
    kind: CARD_REDRAW_KIND,
    sourceId: exchange.id,
    occasion: String(ctx.now.getTime()),
    dueAt: ctx.now,
    edits: new Map(posted.map((p) => [p.channelLinkId, p.platformMessageId])),
    render: ({ language, town, channelLinkId }) => {
      const kind = kindOf.get(channelLinkId) === 'exchange.updated' ? 'exchange.updated' : 'exchange.created';
      return cardPost(ctx, exchange, partnership, rsvps, { kind }, { language, town });
    },
  });
}

/** Moves people up from the waitlist into freed places and tells them; returns who moved. */
async function promoteFromWaitlist(ctx: CommandContext, exchange: Exchange): Promise<Rsvp[]> {
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  const promoted = promotionsFromWaitlist(rsvps, exchange.capacity);
  for (const rsvp of promoted) {
    await ctx.repos.rsvps.update(rsvp.id, { status: 'GOING' });
    await ctx.repos.audit.record({
      actorMemberId: null,
      townId: rsvp.townId,
      action: 'rsvp.promoted',
      targetType: 'rsvp',
      targetId: rsvp.id,
      details: { exchange: exchange.number },
    });
  }
  if ((await notifyPromotions(ctx.repos, exchange, promoted, ctx.now)) > 0) ctx.markOutboxChanged();
  return promoted;
}

/** A new or moved exchange starts in the future and ends after it starts. */
function checkExchangeTimes(
  ctx: CommandContext,
  startsAt: Date,
  endsAt: Date,
  zone: string,
  options: { startMayBePast?: boolean } = {},
): void {
  if (!options.startMayBePast && startsAt <= ctx.now) {
    throw new UserError('event.start-in-past', { start: formatInstant(startsAt, zone, ctx.language) });
  }
  if (endsAt <= startsAt) {
    throw new UserError('event.end-before-start', {
      start: formatInstant(startsAt, zone, ctx.language),
      end: formatInstant(endsAt, zone, ctx.language),
    });
  }
}

export const exchangeHandlers: ExchangeHandlers = {
  async 'event.create'(ctx, args) {
    const town = actingTown(ctx);
    const partnership = await ownPartnership(ctx, args.partnership);
    if (partnership.status === 'ENDED' || partnership.status === 'DORMANT') {
      throw new UserError('partner.not-active', {
        number: partnership.number,
        status: partnership.status.toLowerCase(),
      });
    }
    const startsAt = readTime(ctx, 'start', args.start, town.timeZone);
    const endsAt = args.end
      ? readTime(ctx, 'end', args.end, town.timeZone)
      : new Date(startsAt.getTime() + DEFAULT_DURATION_MS);
    checkExchangeTimes(ctx, startsAt, endsAt, town.timeZone);
    const exchange = await ctx.repos.exchanges.create({
      partnershipId: partnership.id,
      hostTownId: town.id,
      kind: kindFromChoice(args.kind),
      title: args.title,
      description: args.description ?? '',
      startsAt,
      endsAt,
      timeZone: town.timeZone,
      location: args.location ?? '',
      capacity: args.capacity ?? null,
      createdById: ctx.member.id,
    });
    await audit(ctx, 'event.create', { type: 'exchange', id: exchange.id }, { number: exchange.number });
    const channels = await announceExchange(ctx, exchange, partnership, 'exchange.created');
    await planReminders(ctx.repos, exchange, ctx.now, { partnership });
    return cardReply(
      ctx,
      exchange,
      partnership,
      ctx.t('event.created', { number: exchange.number, channels }),
      // Private: linked channels get the card from the outbox, this one included, so it is not shown twice.
      true,
    );
  },

  async 'event.list'(ctx, args) {
    const town = actingTown(ctx);
    const partnerships = await partnershipsInScope(ctx, args.partnership);
    const exchanges = await ctx.repos.exchanges.list({
      partnershipIds: partnerships.map((p) => p.id),
      endsAfter: ctx.now,
      statuses: ['PLANNED'],
      limit: LIST_LIMIT,
    });
    if (exchanges.length === 0) return { private: true, text: ctx.t('event.none') };
    const lines = exchanges.map((e) => {
      const partnership = partnerships.find((p) => p.id === e.partnershipId);
      const host = partnership?.towns.find((t) => t.id === e.hostTownId)?.name ?? '?';
      return `#${e.number} ${formatInstant(e.startsAt, town.timeZone, ctx.language, 'short')} · ${e.title} · ${host}`;
    });
    return {
      private: true,
      text: [ctx.t('event.list-heading', { zone: town.timeZone }), ...lines].join('\n'),
    };
  },

  async 'event.info'(ctx, args) {
    const { exchange, partnership } = await visibleExchange(ctx, args.event);
    return cardReply(
      ctx,
      exchange,
      partnership,
      ctx.t('event.info-heading', { name: partnership.name }),
      true,
    );
  },

  async 'event.edit'(ctx, args) {
    const town = actingTown(ctx);
    const { exchange, partnership } = await hostedExchange(ctx, args.event);
    if (exchange.status === 'CANCELLED') throw new UserError('event.cancelled', { number: exchange.number });
    const patch: Partial<Exchange> = {};
    if (args.title !== undefined) patch.title = args.title;
    if (args.kind !== undefined) patch.kind = kindFromChoice(args.kind);
    if (args.location !== undefined) patch.location = args.location;
    if (args.description !== undefined) patch.description = args.description;
    if (args.capacity !== undefined) patch.capacity = args.capacity;
    let startsAt = exchange.startsAt;
    let endsAt = exchange.endsAt;
    if (args.start !== undefined) {
      startsAt = readTime(ctx, 'start', args.start, town.timeZone);
      // Moving only the start keeps the length of the event.
      if (args.end === undefined)
        endsAt = new Date(startsAt.getTime() + (exchange.endsAt.getTime() - exchange.startsAt.getTime()));
    }
    if (args.end !== undefined) endsAt = readTime(ctx, 'end', args.end, town.timeZone);
    if (args.start !== undefined || args.end !== undefined) {
      checkExchangeTimes(ctx, startsAt, endsAt, town.timeZone, { startMayBePast: args.start === undefined });
    }
    if (args.start !== undefined || args.end !== undefined)
      Object.assign(patch, { startsAt, endsAt, timeZone: town.timeZone });
    if (Object.keys(patch).length === 0) throw new UserError('event.nothing-to-change');

    const updated = await ctx.repos.exchanges.update(exchange.id, patch);
    const promoted = updated.capacity !== exchange.capacity ? await promoteFromWaitlist(ctx, updated) : [];
    await audit(
      ctx,
      'event.edit',
      { type: 'exchange', id: exchange.id },
      { ...patch, promoted: promoted.length },
    );
    const channels = await announceExchange(ctx, updated, partnership, 'exchange.updated');
    // Pending reminders move with the start and carry the new details.
    await planReminders(ctx.repos, updated, ctx.now, { partnership });
    return cardReply(
      ctx,
      updated,
      partnership,
      ctx.t('event.updated', { number: updated.number, channels }),
      true,
    );
  },

  async 'event.cancel'(ctx, args) {
    const { exchange, partnership } = await hostedExchange(ctx, args.event);
    if (exchange.status === 'CANCELLED') throw new UserError('event.cancelled', { number: exchange.number });
    const updated = await ctx.repos.exchanges.update(exchange.id, { status: 'CANCELLED' });
    await audit(ctx, 'event.cancel', { type: 'exchange', id: exchange.id }, { reason: args.reason ?? null });
    const channels = await announceExchange(ctx, updated, partnership, 'exchange.cancelled', args.reason);
    // Pending reminders are withdrawn (kept as DROPPED).
    await planReminders(ctx.repos, updated, ctx.now, { partnership });
    return {
      private: false,
      text: ctx.t('event.cancelled-done', { number: updated.number, title: updated.title, channels }),
    };
  },

  async 'event.attendees'(ctx, args) {
    const { exchange, partnership } = await visibleExchange(ctx, args.event);
    const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
    const rows = partnership.towns.map((town) => {
      const mine = rsvps.filter((r) => r.townId === town.id);
      const going = mine.filter((r) => r.status === 'GOING').reduce((sum, r) => sum + seatsTaken(r), 0);
      const maybe = mine.filter((r) => r.status === 'MAYBE').length;
      const waiting = mine
        .filter((r) => r.status === 'WAITLISTED')
        .reduce((sum, r) => sum + seatsTaken(r), 0);
      return { town, going, maybe, waiting };
    });
    const byCountry = new Map<string, number>();
    for (const row of rows)
      byCountry.set(row.town.country, (byCountry.get(row.town.country) ?? 0) + row.going);
    const total = rows.reduce((sum, row) => sum + row.going, 0);
    const international = rows
      .filter((row) => row.town.id !== exchange.hostTownId)
      .reduce((sum, row) => sum + row.going, 0);
    const lines = [
      ctx.t('attendees.heading', { number: exchange.number, title: exchange.title }),
      ...rows.map((row) =>
        ctx.t('attendees.town-row', {
          town: row.town.name,
          country: row.town.country,
          going: row.going,
          maybe: row.maybe,
          waiting: row.waiting,
        }),
      ),
      ctx.t('attendees.by-country', {
        countries: [...byCountry.entries()]
          .map(([code, n]) => `${countryName(code, ctx.language)} ${n}`)
          .join(' · '),
      }),
      ctx.t('attendees.totals', { total, international }),
    ];
    return { private: true, text: lines.join('\n') };
  },

  async rsvp(ctx, args) {
    const town = actingTown(ctx);
    const { exchange, partnership } = await visibleExchange(ctx, args.event, { forUpdate: true });
    if (exchange.status === 'CANCELLED') throw new UserError('event.cancelled', { number: exchange.number });
    if (exchange.endsAt <= ctx.now) throw new UserError('rsvp.event-over', { number: exchange.number });
    const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
    const current = rsvps.find((r) => r.memberId === ctx.member.id);
    const guests = args.guests ?? current?.guests ?? 0;

    let status: Rsvp['status'];
    if (args.answer === 'going') {
      const placement = placeGoingAnswer(rsvps, exchange.capacity, ctx.member.id, guests);
      if (placement === 'DOES_NOT_FIT') {
        const free =
          (exchange.capacity ?? 0) -
          rsvps
            .filter((r) => r.status === 'GOING' && r.memberId !== ctx.member.id)
            .reduce((s, r) => s + seatsTaken(r), 0);
        throw new UserError('rsvp.does-not-fit', { free: Math.max(free - 1, 0) });
      }
      status = placement;
    } else {
      status = args.answer === 'maybe' ? 'MAYBE' : 'NOT_GOING';
    }
    // Joining the going list or the waitlist anew puts you at the back of the line.
    const keepsPlace = current?.status === status;
    await ctx.repos.rsvps.upsert({
      exchangeId: exchange.id,
      memberId: ctx.member.id,
      townId: town.id,
      status,
      guests,
      queuedAt: keepsPlace ? current.queuedAt : ctx.now,
    });
    const promoted = current?.status === 'GOING' ? await promoteFromWaitlist(ctx, exchange) : [];
    await redrawPostedCards(ctx, exchange, partnership);
    // Going or maybe gets direct reminders; another answer withdraws them.
    await planReminders(ctx.repos, exchange, ctx.now, {
      answer: { member: ctx.member, status },
      partnership,
    });
    await audit(
      ctx,
      'rsvp',
      { type: 'exchange', id: exchange.id },
      { status, guests, promoted: promoted.length },
    );

    const key =
      status === 'WAITLISTED'
        ? 'rsvp.waitlisted'
        : status === 'GOING'
          ? 'rsvp.going'
          : status === 'MAYBE'
            ? 'rsvp.maybe'
            : 'rsvp.not-going';
    const position =
      status === 'WAITLISTED'
        ? (await ctx.repos.rsvps.listForExchange(exchange.id))
            .filter((r) => r.status === 'WAITLISTED')
            .findIndex((r) => r.memberId === ctx.member.id) + 1
        : 0;
    return cardReply(
      ctx,
      exchange,
      partnership,
      ctx.t(key, { title: exchange.title, guests, position }),
      true,
    );
  },
};
