/**
 * Telling members who moved up from the waitlist: a direct message in their language, with the
 * exchange card in their zone, written in the transaction that moved them. Their reminders are
 * planned in the same go.
 */
import type { Exchange, Rsvp } from '../domain/model.ts';
import { recipientLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { NewDelivery, Repositories } from '../ports.ts';
import { exchangeCardText } from '../views/exchange-card.ts';
import { buildExchangeCard } from '../views/exchange-view.ts';
import { planReminders } from './reminders.ts';

export const WAITLIST_PROMOTED_KIND = 'waitlist.promoted';

/** Enqueues one direct message per promoted member; returns how many. */
export async function notifyPromotions(
  repos: Repositories,
  exchange: Exchange,
  promoted: readonly Rsvp[],
  now: Date,
): Promise<number> {
  if (promoted.length === 0) return 0;
  const partnership = await repos.partnerships.findById(exchange.partnershipId);
  if (!partnership) return 0;
  const rsvps = await repos.rsvps.listForExchange(exchange.id);
  const messages: NewDelivery[] = [];
  for (const rsvp of promoted) {
    const member = await repos.members.findById(rsvp.memberId);
    if (!member) continue;
    const townId = member.townId ?? rsvp.townId;
    const town = partnership.towns.find((t) => t.id === townId) ?? (await repos.towns.findById(townId));
    if (!town) continue;
    const language = recipientLanguage(member, town);
    const card = buildExchangeCard({
      exchange,
      towns: partnership.towns,
      rsvps,
      reader: { language, timeZone: town.timeZone },
      now,
    });
    const headline = translatorFor(language)('direct.waitlist-promoted', { title: exchange.title });
    messages.push({
      // A member can move up, give the place back, queue again and move up again: each is news.
      dedupeKey: `${WAITLIST_PROMOTED_KIND}:${rsvp.id}:${now.getTime()}`,
      kind: WAITLIST_PROMOTED_KIND,
      sourceId: exchange.id,
      recipientMemberId: member.id,
      payload: { text: `${headline}\n${exchangeCardText(card)}`, exchange: card },
      dueAt: now,
    });
  }
  const sent = await repos.deliveries.enqueue(messages);
  await planReminders(repos, exchange, now, { members: promoted.map((r) => r.memberId), partnership });
  return sent;
}
