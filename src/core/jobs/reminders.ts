/**
 * Reminders before an exchange, as outbox rows with a future dueAt: one per linked channel and
 * offset (in the channel's language and its town's zone), and one direct message per offset to
 * each member who answered going or maybe (in their language and zone). The database holds
 * them; nothing waits in memory, so 100,000 pending reminders cost what ten do.
 *
 * Planning is a reconciliation: `planReminders` works out the rows the exchange calls for now
 * and withdraws (marks DROPPED, keeping the history) the pending ones that no longer fit. It
 * runs in the transaction of whatever changed the picture: creating, editing or cancelling the
 * exchange, an answer, a move up from the waitlist; new reminder times and newly linked channels
 * re-plan a partnership's exchanges in batches (reminder-replanning.ts).
 * The dedupe key holds a hash of the time and the message, so planning twice changes nothing,
 * and an edit that changes the text or the time replaces exactly the rows it affects.
 *
 * Reminders carry the time, place and host, not live counts: those would be stale by the time
 * the reminder goes out.
 */
import { createHash } from 'node:crypto';
import type { Exchange, Member, PartnershipWithTowns, RsvpStatus, Town } from '../domain/model.ts';
import { recipientLanguage, resolveLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { NewDelivery, OutgoingMessage, Repositories } from '../ports.ts';
import { exchangeCardText, type ExchangeCard } from '../views/exchange-card.ts';
import { buildExchangeCard } from '../views/exchange-view.ts';
import type { JobDependencies } from './job-dependencies.ts';
import { offsetUnit } from './reminder-offsets.ts';

export const CHANNEL_REMINDER_KIND = 'reminder';
export const DIRECT_REMINDER_KIND = 'reminder.direct';
export const REMINDER_KINDS = [CHANNEL_REMINDER_KIND, DIRECT_REMINDER_KIND];

const MINUTE_MS = 60_000;

export interface ReminderPlan {
  /** Rows added (or planned again after a withdrawal). */
  planned: number;
  /** Pending rows withdrawn because they no longer fit. */
  withdrawn: number;
}

export interface PlanScope {
  /** Only these members' direct reminders (answers changed); channel reminders stay as they are. */
  members?: readonly string[];
  /** The one answer that just changed and who gave it (an RSVP): nothing needs reading again. */
  answer?: { member: Member; status: RsvpStatus };
  /** The exchange's partnership, when the caller has it already. */
  partnership?: PartnershipWithTowns;
}

/**
 * Brings an exchange's pending reminders in line with the exchange, its channels and its
 * answers: two statements, whatever changed (withdraw what no longer fits, plan what is missing).
 */
export async function planReminders(
  repos: Repositories,
  exchange: Exchange,
  now: Date,
  scope: PlanScope = {},
): Promise<ReminderPlan> {
  const memberIds = scope.answer ? [scope.answer.member.id] : scope.members;
  if (memberIds?.length === 0) return { planned: 0, withdrawn: 0 };
  const wanted = exchange.status === 'PLANNED' ? await wantedReminders(repos, exchange, now, scope) : [];
  const reason =
    exchange.status === 'PLANNED'
      ? 'withdrawn: the event, its channels, the answer or the reminder times changed'
      : `withdrawn: the event is ${exchange.status.toLowerCase()}`;
  const withdrawn = await repos.deliveries.withdrawPending(
    {
      sourceId: exchange.id,
      kinds: memberIds ? [DIRECT_REMINDER_KIND] : REMINDER_KINDS,
      ...(memberIds ? { recipientMemberIds: [...memberIds] } : {}),
      exceptKeys: wanted.map((row) => row.dedupeKey),
    },
    reason,
  );
  const planned = await repos.deliveries.plan(wanted);
  return { planned, withdrawn };
}

/** What every part of a reminder plan reads: the exchange, its partnership, offsets still ahead. */
interface ReminderContext {
  repos: Repositories;
  exchange: Exchange;
  partnership: PartnershipWithTowns;
  offsets: number[];
  now: Date;
  /** A town by id: the partnership's, else read once (a member's town that has since left). */
  townOf(id: string): Promise<Town | null>;
}

/** The reminder rows the exchange calls for now: offsets still ahead, active channels, answers. */
async function wantedReminders(
  repos: Repositories,
  exchange: Exchange,
  now: Date,
  scope: PlanScope,
): Promise<NewDelivery[]> {
  const partnership = scope.partnership ?? (await repos.partnerships.findById(exchange.partnershipId));
  // An exchange whose host town left gets no reminders (leaving hands exchanges over first).
  if (!partnership?.towns.some((town) => town.id === exchange.hostTownId)) return [];
  const offsets = partnership.reminderOffsetsMinutes.filter(
    (minutes) => exchange.startsAt.getTime() - minutes * MINUTE_MS > now.getTime(),
  );
  if (offsets.length === 0) return [];
  const towns = new Map(partnership.towns.map((town) => [town.id, town]));
  const townOf = async (id: string): Promise<Town | null> => {
    const known = towns.get(id);
    if (known) return known;
    const found = await repos.towns.findById(id);
    if (found) towns.set(id, found);
    return found;
  };
  const context: ReminderContext = { repos, exchange, partnership, offsets, now, townOf };
  // Only a change of answers leaves the channel reminders as they are.
  const channelRows = scope.members || scope.answer ? [] : await channelReminders(context);
  return [...channelRows, ...(await directReminders(context, scope))];
}

/** One reminder per active linked channel and offset, in the channel's language and its town's zone. */
async function channelReminders(context: ReminderContext): Promise<NewDelivery[]> {
  const { repos, exchange, partnership, offsets, now } = context;
  const host = partnership.towns.find((town) => town.id === exchange.hostTownId)?.name ?? '?';
  const rows: NewDelivery[] = [];
  for (const link of await repos.channelLinks.listForPartnership(partnership.id, { activeOnly: true })) {
    const town = await context.townOf(link.townId);
    if (!town) continue;
    const language = resolveLanguage(link.language, town.language);
    const t = translatorFor(language);
    for (const minutes of offsets) {
      const card = reminderCard(exchange, partnership, language, town.timeZone, now);
      const headline = t('post.reminder', { title: exchange.title, host, ...offsetUnit(minutes) });
      const destination = { channelLinkId: link.id };
      rows.push(reminderRow(CHANNEL_REMINDER_KIND, exchange, minutes, link.id, destination, card, headline));
    }
  }
  return rows;
}

/** The answers that get direct reminders: the one just given, or those of the members in scope. */
async function answersInScope(
  context: ReminderContext,
  scope: PlanScope,
): Promise<{ member: Member | null; memberId: string; townId: string; status: RsvpStatus }[]> {
  if (scope.answer) {
    const { member, status } = scope.answer;
    return [{ member, status, memberId: member.id, townId: member.townId ?? '' }];
  }
  return (await context.repos.rsvps.listForExchange(context.exchange.id))
    .filter((rsvp) => !scope.members || scope.members.includes(rsvp.memberId))
    .map((rsvp) => ({ ...rsvp, member: null }));
}

/** One direct message per offset to each member going or maybe, in their language and zone. */
async function directReminders(context: ReminderContext, scope: PlanScope): Promise<NewDelivery[]> {
  const { repos, exchange, partnership, offsets, now } = context;
  const rows: NewDelivery[] = [];
  for (const answer of await answersInScope(context, scope)) {
    if (answer.status !== 'GOING' && answer.status !== 'MAYBE') continue;
    const member = answer.member ?? (await repos.members.findById(answer.memberId));
    if (!member) continue;
    const town = await context.townOf(member.townId ?? answer.townId);
    if (!town) continue;
    const language = recipientLanguage(member, town);
    const t = translatorFor(language);
    const card = reminderCard(exchange, partnership, language, town.timeZone, now);
    for (const minutes of offsets) {
      const headline = t('direct.reminder', {
        answer: answer.status === 'GOING' ? 'going' : 'maybe',
        title: exchange.title,
        ...offsetUnit(minutes),
      });
      const destination = { recipientMemberId: member.id };
      rows.push(reminderRow(DIRECT_REMINDER_KIND, exchange, minutes, member.id, destination, card, headline));
    }
  }
  return rows;
}

function reminderRow(
  kind: string,
  exchange: Exchange,
  offsetMinutes: number,
  destinationId: string,
  destination: { channelLinkId: string } | { recipientMemberId: string },
  card: ExchangeCard,
  headline: string,
): NewDelivery {
  const dueAt = new Date(exchange.startsAt.getTime() - offsetMinutes * MINUTE_MS);
  const payload: OutgoingMessage = { text: `${headline}\n${exchangeCardText(card)}`, exchange: card };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([dueAt.toISOString(), payload]))
    .digest('hex')
    .slice(0, 16);
  return {
    dedupeKey: `${kind}:${exchange.id}:${offsetMinutes}:${destinationId}:${fingerprint}`,
    kind,
    sourceId: exchange.id,
    payload,
    dueAt,
    ...destination,
  };
}

/** The exchange card without the answer counts, which would be stale when the reminder goes out. */
function reminderCard(
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  language: SupportedLanguage,
  timeZone: string,
  now: Date,
): ExchangeCard {
  const card = buildExchangeCard({
    exchange,
    towns: partnership.towns,
    rsvps: [],
    reader: { language, timeZone },
    now,
  });
  const t = translatorFor(language);
  const live = new Set([t('card.places'), t('card.going-per-town'), t('card.maybe')]);
  return { ...card, fields: card.fields.filter((field) => !live.has(field.label)) };
}

/**
 * Drops pending reminders whose exchange has started, or starts before the next sweep, and
 * logs them: a reminder after the start would only confuse. Run on every tick before the
 * worker drains, and at start-up before anything is sent, so only reminders due within
 * `lookaheadMs` are looked at (about the time until the next tick).
 */
export async function dropRemindersForStartedExchanges(
  deps: JobDependencies,
  now: Date,
  lookaheadMs: number,
): Promise<number> {
  const by = new Date(now.getTime() + lookaheadMs);
  const dropped = await deps.store.transaction((repos) =>
    repos.deliveries.dropForStartedExchanges({
      kinds: REMINDER_KINDS,
      by,
      reason: 'dropped: the event had started (or was about to) before the reminder went out',
    }),
  );
  const byExchange = new Map<string, typeof dropped>();
  for (const row of dropped) byExchange.set(row.exchangeId, [...(byExchange.get(row.exchangeId) ?? []), row]);
  for (const rows of byExchange.values()) {
    const first = rows[0];
    if (!first) continue;
    deps.logger.warn(
      {
        exchange: first.exchangeNumber,
        startsAt: first.startsAt,
        dropped: rows.length,
        dueSince: new Date(Math.min(...rows.map((row) => row.dueAt.getTime()))),
      },
      'reminders dropped unsent: their event has started (or starts before the next tick)',
    );
  }
  return dropped.length;
}
