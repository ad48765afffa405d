/** The `event` commands: create, list, show, change, cancel an exchange, and count who comes. */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import {
  seatsTaken,
  type Exchange,
  type PartnershipWithTowns,
  type Rsvp,
  type Town,
} from '../domain/model.ts';
import { countryName } from '../domain/places.ts';
import { exchangeKinds, partnershipStatuses, type OptionSpelling } from '../domain/vocabularies.ts';
import type { ExchangeKind } from '../domain/vocabularies.ts';
import { promotionsFromWaitlist, seatsInUse } from '../domain/waitlist.ts';
import { UserError } from '../errors.ts';
import { planReminders } from '../jobs/reminders.ts';
import { formatInstant } from '../time/index.ts';
import { exchangeWhenText } from '../views/exchange-view.ts';
import { announceExchange, applyPromotions, cardReply, redrawCardsAsCancelled } from './exchange-posts.ts';
import {
  actingTown,
  audit,
  hostedExchange,
  ownPartnership,
  partnershipsInScope,
  visibleExchange,
} from './lookups.ts';
import { readTime } from './read-time.ts';

const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;
const LIST_LIMIT = 25;

/** The details of an exchange people give when creating or changing it. */
interface ExchangeDetailArgs {
  title?: string;
  kind?: OptionSpelling<ExchangeKind>;
  start?: string;
  end?: string;
  location?: string;
  capacity?: number;
  description?: string;
}

export interface EventCreateArgs extends ExchangeDetailArgs {
  partnership: number;
  title: string;
  kind: OptionSpelling<ExchangeKind>;
  start: string;
}

export interface EventListArgs {
  partnership?: number;
}

export interface EventNumberArgs {
  event: number;
}

export interface EventEditArgs extends ExchangeDetailArgs {
  event: number;
}

export interface EventCancelArgs {
  event: number;
  reason?: string;
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

function checkPartnershipActive(ctx: CommandContext, partnership: PartnershipWithTowns): void {
  if (partnership.status === 'ENDED' || partnership.status === 'DORMANT') {
    throw new UserError('partner.not-active', {
      number: partnership.number,
      status: partnershipStatuses.label(partnership.status, ctx.language),
    });
  }
}

export async function createExchange(ctx: CommandContext, args: EventCreateArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  checkPartnershipActive(ctx, partnership);
  const startsAt = readTime(ctx, 'start', args.start, town.timeZone);
  const endsAt = args.end
    ? readTime(ctx, 'end', args.end, town.timeZone)
    : new Date(startsAt.getTime() + DEFAULT_DURATION_MS);
  checkExchangeTimes(ctx, startsAt, endsAt, town.timeZone);
  const max = ctx.limits.upcomingExchanges;
  if ((await ctx.repos.exchanges.countUpcoming(partnership.id, ctx.now)) >= max)
    throw new UserError('event.too-many', { number: partnership.number, max });
  const exchange = await ctx.repos.exchanges.create({
    partnershipId: partnership.id,
    hostTownId: town.id,
    kind: exchangeKinds.fromOption(args.kind),
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
  const headline = ctx.t('event.created', { number: exchange.number, channels });
  // Private: linked channels get the card from the outbox, this one included, so it is not shown twice.
  return cardReply(ctx, exchange, partnership, headline, true);
}

export async function listExchanges(ctx: CommandContext, args: EventListArgs): Promise<Reply> {
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
    const when = exchangeWhenText(e, { language: ctx.language, timeZone: town.timeZone });
    return `#${e.number} ${when} · ${e.title} · ${host}`;
  });
  return { private: true, text: [ctx.t('event.list-heading', { zone: town.timeZone }), ...lines].join('\n') };
}

export async function showExchange(ctx: CommandContext, args: EventNumberArgs): Promise<Reply> {
  const { exchange, partnership } = await visibleExchange(ctx, args.event);
  return cardReply(ctx, exchange, partnership, ctx.t('event.info-heading', { name: partnership.name }), true);
}

/** The changes an edit asks for; the times are read in the editing town's zone. */
function exchangePatch(ctx: CommandContext, exchange: Exchange, args: EventEditArgs, town: Town) {
  const patch: Partial<Exchange> = {};
  if (args.title !== undefined) patch.title = args.title;
  if (args.kind !== undefined) patch.kind = exchangeKinds.fromOption(args.kind);
  if (args.location !== undefined) patch.location = args.location;
  if (args.description !== undefined) patch.description = args.description;
  if (args.capacity !== undefined) patch.capacity = args.capacity;
  if (args.start === undefined && args.end === undefined) return patch;
  let startsAt = exchange.startsAt;
  let endsAt = exchange.endsAt;
  if (args.start !== undefined) {
    startsAt = readTime(ctx, 'start', args.start, town.timeZone);
    // Moving only the start keeps the length of the event.
    if (args.end === undefined)
      endsAt = new Date(startsAt.getTime() + (exchange.endsAt.getTime() - exchange.startsAt.getTime()));
  }
  if (args.end !== undefined) endsAt = readTime(ctx, 'end', args.end, town.timeZone);
  checkExchangeTimes(ctx, startsAt, endsAt, town.timeZone, { startMayBePast: args.start === undefined });
  return Object.assign(patch, { startsAt, endsAt, timeZone: town.timeZone });
}

/**
 * A limit below the places already taken is refused rather than taking places back: people who
 * were told they are going stay going (as with sold tickets); the host asks them first.
 */
function refuseLimitBelowTaken(exchange: Exchange, capacity: number | null | undefined, rsvps: Rsvp[]): void {
  if (capacity === undefined || capacity === null) return;
  const taken = seatsInUse(rsvps);
  if (capacity < taken) throw new UserError('event.limit-below-taken', { number: exchange.number, taken });
}

export async function editExchange(ctx: CommandContext, args: EventEditArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const { exchange, partnership } = await hostedExchange(ctx, args.event);
  if (exchange.status === 'CANCELLED') throw new UserError('event.cancelled', { number: exchange.number });
  const patch = exchangePatch(ctx, exchange, args, town);
  if (Object.keys(patch).length === 0) throw new UserError('event.nothing-to-change');

  const rsvps = patch.capacity === undefined ? [] : await ctx.repos.rsvps.listForExchange(exchange.id);
  refuseLimitBelowTaken(exchange, patch.capacity, rsvps);

  const updated = await ctx.repos.exchanges.update(exchange.id, patch);
  let promoted: Rsvp[] = [];
  if (updated.capacity !== exchange.capacity) {
    promoted = promotionsFromWaitlist(rsvps, updated.capacity);
    await applyPromotions(ctx, updated, promoted);
  }
  await audit(
    ctx,
    'event.edit',
    { type: 'exchange', id: exchange.id },
    { ...patch, promoted: promoted.length },
  );
  const channels = await announceExchange(ctx, updated, partnership, 'exchange.updated');
  // Pending reminders move with the start and carry the new details.
  await planReminders(ctx.repos, updated, ctx.now, { partnership });
  const headline = ctx.t('event.updated', { number: updated.number, channels });
  return cardReply(ctx, updated, partnership, headline, true);
}

export async function cancelExchange(ctx: CommandContext, args: EventCancelArgs): Promise<Reply> {
  const { exchange, partnership } = await hostedExchange(ctx, args.event);
  if (exchange.status === 'CANCELLED') throw new UserError('event.cancelled', { number: exchange.number });
  const updated = await ctx.repos.exchanges.update(exchange.id, { status: 'CANCELLED' });
  await audit(
    ctx,
    'event.cancel',
    { type: 'exchange', id: exchange.id },
    {
      // Free text may name people: the audit records only that a reason was given.
      withReason: args.reason !== undefined,
    },
  );
  // Pending reminders are withdrawn (kept as DROPPED) before the cards sent are looked up.
  await planReminders(ctx.repos, updated, ctx.now, { partnership });
  await redrawCardsAsCancelled(ctx, updated, partnership, args.reason);
  const channels = await announceExchange(ctx, updated, partnership, 'exchange.cancelled', args.reason);
  return {
    private: false,
    text: ctx.t('event.cancelled-done', { number: updated.number, title: updated.title, channels }),
  };
}

function sumSeats(rsvps: readonly Rsvp[]): number {
  return rsvps.reduce((sum, r) => sum + seatsTaken(r), 0);
}

export async function countAttendees(ctx: CommandContext, args: EventNumberArgs): Promise<Reply> {
  const { exchange, partnership } = await visibleExchange(ctx, args.event);
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  const rows = partnership.towns.map((town) => {
    const mine = rsvps.filter((r) => r.townId === town.id);
    const going = sumSeats(mine.filter((r) => r.status === 'GOING'));
    const maybe = mine.filter((r) => r.status === 'MAYBE').length;
    const waiting = sumSeats(mine.filter((r) => r.status === 'WAITLISTED'));
    return { town, going, maybe, waiting };
  });
  const byCountry = new Map<string, number>();
  for (const row of rows) byCountry.set(row.town.country, (byCountry.get(row.town.country) ?? 0) + row.going);
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
}
