/**
 * What an exchange shows and posts: its card in a reply, its card in every linked channel, the
 * redraw of posted cards after an answer, and the moves up from the waitlist it triggers.
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { Exchange, PartnershipWithTowns, Rsvp, Town } from '../domain/model.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { recipientLanguage } from '../i18n/languages.ts';
import { CHANNEL_REMINDER_KIND, DIRECT_REMINDER_KIND } from '../jobs/reminders.ts';
import { notifyPromotions, WAITLIST_PROMOTED_KIND } from '../jobs/waitlist-notices.ts';
import type { NewDelivery, OutgoingMessage, SentDirectMessage } from '../ports.ts';
import { exchangeCardText } from '../views/exchange-card.ts';
import { buildExchangeCard } from '../views/exchange-view.ts';
import { fanOutKey, fanOutToPartnership, type FanOut } from './fan-out.ts';
import { actingTown } from './lookups.ts';

/** A reply carrying the exchange card as the acting member should see it. */
export async function cardReply(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  headline: string,
  isPrivate: boolean,
  /** The exchange's answers when the caller has them already. */
  answers?: readonly Rsvp[],
): Promise<Reply> {
  const rsvps = answers ?? (await ctx.repos.rsvps.listForExchange(exchange.id));
  const card = buildExchangeCard({
    exchange,
    towns: partnership.towns,
    rsvps,
    reader: { language: ctx.language, timeZone: actingTown(ctx).timeZone },
    now: ctx.now,
  });
  return { private: isPrivate, text: `${headline}\n${exchangeCardText(card)}`, exchange: card };
}

export type CardPostKind = 'exchange.created' | 'exchange.updated' | 'exchange.cancelled';
/** Posts that show an exchange's card with answer buttons: what a redraw replaces. */
const CARD_POST_KINDS: CardPostKind[] = ['exchange.created', 'exchange.updated'];
/** Every channel post with the card and its buttons: what a cancellation redraws. */
const POSTS_WITH_BUTTONS = [...CARD_POST_KINDS, CHANNEL_REMINDER_KIND];
/** Every direct message with the card and its buttons: a cancellation redraws those too. */
const DIRECT_MESSAGES_WITH_BUTTONS = [DIRECT_REMINDER_KIND, WAITLIST_PROMOTED_KIND];
/** A posted card redrawn with the current answers. */
const CARD_REDRAW_KIND = 'exchange.card-redraw';

/** Which headline a card post opens with (and the reason a cancellation gives). */
type CardHeadline = { kind: CardPostKind; reason?: string | undefined };

/** An exchange card post for one channel: the headline of its kind, then the card. */
function cardPost(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  rsvps: readonly Rsvp[],
  post: CardHeadline,
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
  }).trimEnd(); // a cancellation without a reason ends at the title, with no space after it
  return { text: `${headline}\n${exchangeCardText(card)}`, exchange: card };
}

/** Posts the exchange card to every linked channel, each in its own language and zone. */
export async function announceExchange(
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
 * How long the outbox holds back the redraw of the card a click came from: the click's answer
 * shows it (Discord's UPDATE_MESSAGE, Slack's chat.update) and then withdraws it; only when that
 * answer is lost does the outbox edit the card, once this has passed (and the next drain runs).
 */
export const CLICKED_CARD_HOLD_MS = 10_000;

/**
 * Redraws the newest card of the exchange in every channel with the answers as they are now, so
 * partner towns see the same places taken as the town where someone answered. A redraw still
 * waiting is replaced by this one: a burst of answers ends in about one edit per channel.
 * Returns the redraw of the card the command was clicked on (ctx.clickedMessageId), if it is one.
 */
export async function redrawPostedCards(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  rsvps: readonly Rsvp[],
): Promise<Reply['clickedCard']> {
  const posted = await ctx.repos.deliveries.latestPosted(exchange.id, CARD_POST_KINDS);
  if (posted.length === 0) return undefined;
  await ctx.repos.deliveries.withdrawPending(
    { sourceId: exchange.id, kinds: [CARD_REDRAW_KIND], exceptKeys: [] },
    'replaced by a newer redraw',
  );
  const clicked = posted.find(
    (p) => p.platformMessageId === ctx.clickedMessageId && p.channelId === ctx.channel.id,
  );
  const kindOf = new Map(posted.map((p) => [p.channelLinkId, p.kind]));
  const channels = new Map(posted.map((p) => [p.channelLinkId, [p.deliveryId]]));
  const later = clicked && {
    channelLinkId: clicked.channelLinkId,
    dueAt: new Date(ctx.now.getTime() + CLICKED_CARD_HOLD_MS),
  };
  const redraws = await enqueueCardRedraws(
    ctx,
    { exchange, partnership, rsvps, cards: { channels }, later },
    (channelLinkId) => ({
      kind: kindOf.get(channelLinkId ?? '') === 'exchange.updated' ? 'exchange.updated' : 'exchange.created',
    }),
  );
  const message = clicked && redraws.rendered.get(clicked.channelLinkId);
  if (!clicked || !message) return undefined;
  return { message, redrawKey: redraws.keyOf(clicked.channelLinkId, clicked.deliveryId) };
}

/**
 * Redraws every card of a cancelled exchange in the channels (first posts, changes, reminders)
 * and in people's direct messages (reminders, moves up from the waitlist) as cancelled, without
 * buttons: an old card must not go on inviting answers. The cancellation's headline replaces
 * theirs. Cards being sent right now are redrawn once they are out; those still waiting in the
 * outbox, and redraws that would bring the buttons back, never go out (the cancellation post
 * tells the channels).
 */
export async function redrawCardsAsCancelled(
  ctx: CommandContext,
  exchange: Exchange,
  partnership: PartnershipWithTowns,
  reason: string | undefined,
): Promise<void> {
  // Withdrawn first: a worker claiming one of them meanwhile leaves it locked until this
  // statement ends, and then it is under way and found below.
  await ctx.repos.deliveries.withdrawPending(
    {
      sourceId: exchange.id,
      kinds: [CARD_REDRAW_KIND, ...POSTS_WITH_BUTTONS, ...DIRECT_MESSAGES_WITH_BUTTONS],
      exceptKeys: [],
    },
    'the event was cancelled',
  );
  const posted = await ctx.repos.deliveries.everyPostedOrUnderWay(exchange.id, POSTS_WITH_BUTTONS);
  const direct = await ctx.repos.deliveries.everyDirectSentOrUnderWay(
    exchange.id,
    DIRECT_MESSAGES_WITH_BUTTONS,
  );
  const channels = new Map<string, string[]>();
  for (const p of posted)
    channels.set(p.channelLinkId, [...(channels.get(p.channelLinkId) ?? []), p.deliveryId]);
  const rsvps = await ctx.repos.rsvps.listForExchange(exchange.id);
  await enqueueCardRedraws(ctx, { exchange, partnership, rsvps, cards: { channels, direct } }, () => ({
    kind: 'exchange.cancelled',
    reason,
  }));
}

/** Cards posted, to redraw: per channel link the deliveries that posted them, and direct messages. */
interface PostedCards {
  channels: Map<string, string[]>;
  direct?: readonly SentDirectMessage[];
}

/** What a redraw of posted cards draws, and where. */
interface CardRedraws {
  exchange: Exchange;
  partnership: PartnershipWithTowns;
  rsvps: readonly Rsvp[];
  cards: PostedCards;
  /** One channel's edit held back (the card a click answers shows it first). */
  later?: FanOut['later'];
}

/**
 * Edits of cards posted, each drawn as `headline` says (for a channel link; a person's by
 * theirs); returns what each channel's edit shows, and the key of each channel edit's delivery.
 */
async function enqueueCardRedraws(
  ctx: CommandContext,
  { exchange, partnership, rsvps, cards, later }: CardRedraws,
  headline: (channelLinkId?: string) => CardHeadline,
): Promise<{
  rendered: Map<string, OutgoingMessage>;
  keyOf(channelLinkId: string, editsDeliveryId: string): string;
}> {
  const rendered = new Map<string, OutgoingMessage>();
  const redraw = { kind: CARD_REDRAW_KIND, sourceId: exchange.id, occasion: String(ctx.now.getTime()) };
  const keyOf = (channelLinkId: string, editsDeliveryId: string) =>
    fanOutKey(redraw, channelLinkId, editsDeliveryId);
  if (cards.channels.size === 0 && !cards.direct?.length) return { rendered, keyOf };
  await fanOutToPartnership(ctx, {
    ...redraw,
    partnershipId: partnership.id,
    towns: partnership.towns,
    dueAt: ctx.now,
    edits: cards.channels,
    ...(later ? { later } : {}),
    render: ({ language, town, channelLinkId }) => {
      const message = cardPost(ctx, exchange, partnership, rsvps, headline(channelLinkId), {
        language,
        town,
      });
      rendered.set(channelLinkId, message);
      return message;
    },
  });
  const redraws: NewDelivery[] = [];
  for (const sent of cards.direct ?? []) {
    const member = await ctx.repos.members.findById(sent.recipientMemberId);
    const townId = member?.townId;
    const town =
      partnership.towns.find((t) => t.id === townId) ??
      (townId ? await ctx.repos.towns.findById(townId) : null);
    if (!member || !town) continue;
    // In the language and zone the direct message was written in (waitlist-notices.ts, reminders.ts).
    const language = recipientLanguage(member, town);
    redraws.push({
      dedupeKey: `${CARD_REDRAW_KIND}:${exchange.id}:${redraw.occasion}:${sent.deliveryId}`,
      kind: CARD_REDRAW_KIND,
      sourceId: exchange.id,
      recipientMemberId: member.id,
      editsDeliveryId: sent.deliveryId,
      payload: cardPost(ctx, exchange, partnership, rsvps, headline(), { language, town }),
      dueAt: ctx.now,
    });
  }
  if ((await ctx.repos.deliveries.enqueue(redraws)) > 0) ctx.markOutboxChanged();
  return { rendered, keyOf };
}

/** Moves these waitlisted answers into freed places, records it and tells the people who moved. */
export async function applyPromotions(
  ctx: CommandContext,
  exchange: Exchange,
  promoted: readonly Rsvp[],
): Promise<void> {
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
}
