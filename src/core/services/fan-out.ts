/**
 * Posting to a partnership: one outbox row per active linked channel, each rendered in that
 * channel's language and its town's time zone. The rows are written in the command's own
 * transaction, so a post exists exactly when the change it reports does.
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Town } from '../domain/model.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { resolveLanguage } from '../i18n/languages.ts';
import type { OutgoingMessage, Repositories } from '../ports.ts';

export interface FanOut {
  partnershipId: string;
  kind: string;
  sourceId: string;
  /** Distinguishes repeated posts about the same thing (each edit of an exchange is its own post). */
  occasion: string;
  dueAt: Date;
  render(reader: {
    language: SupportedLanguage;
    channelLanguage: string;
    town: Town;
    channelLinkId: string;
  }): OutgoingMessage;
  /** Channels to leave out, e.g. the one where the command was typed and already answered. */
  skipChannelLinkIds?: string[];
  /**
   * Edits instead of posts: channel link id → the deliveries whose messages there to replace, one
   * edit each (it waits for a delivery still under way). Only those channels get deliveries.
   */
  edits?: ReadonlyMap<string, readonly string[]>;
  /** The partnership's towns when the caller has them already: no need to read them again. */
  towns?: readonly Town[];
  /** One channel's posts due later than `dueAt` (the card a click answers already shows). */
  later?: { channelLinkId: string; dueAt: Date };
}

/** The dedupe key of the delivery a fan-out makes for a channel (and, for an edit, the delivery it edits). */
export function fanOutKey(
  fanOut: Pick<FanOut, 'kind' | 'sourceId' | 'occasion'>,
  channelLinkId: string,
  editsDeliveryId?: string,
): string {
  const key = `${fanOut.kind}:${fanOut.sourceId}:${fanOut.occasion}:${channelLinkId}`;
  return editsDeliveryId === undefined ? key : `${key}:${editsDeliveryId}`;
}

/** Enqueues the posts and returns how many channels they go to. */
export async function fanOutToPartnership(ctx: CommandContext, fanOut: FanOut): Promise<number> {
  const count = await enqueueFanOut(ctx.repos, fanOut);
  if (count > 0) ctx.markOutboxChanged();
  return count;
}

export async function enqueueFanOut(repos: Repositories, fanOut: FanOut): Promise<number> {
  const links = await repos.channelLinks.listForPartnership(fanOut.partnershipId, { activeOnly: true });
  const towns = new Map<string, Town>(fanOut.towns?.map((town) => [town.id, town]));
  const deliveries = [];
  let channels = 0;
  for (const link of links) {
    if (fanOut.skipChannelLinkIds?.includes(link.id)) continue;
    const editedDeliveryIds = fanOut.edits?.get(link.id);
    if (fanOut.edits && editedDeliveryIds === undefined) continue;
    let town = towns.get(link.townId);
    if (!town) {
      town = (await repos.towns.findById(link.townId)) ?? undefined;
      if (!town) continue;
      towns.set(town.id, town);
    }
    const payload = fanOut.render({
      language: resolveLanguage(link.language, town.language),
      channelLanguage: link.language,
      town,
      channelLinkId: link.id,
    });
    channels += 1;
    const dueAt = fanOut.later?.channelLinkId === link.id ? fanOut.later.dueAt : fanOut.dueAt;
    const common = { kind: fanOut.kind, sourceId: fanOut.sourceId, channelLinkId: link.id, payload, dueAt };
    if (editedDeliveryIds === undefined) {
      deliveries.push({ ...common, dedupeKey: fanOutKey(fanOut, link.id) });
      continue;
    }
    for (const editsDeliveryId of editedDeliveryIds)
      deliveries.push({ ...common, dedupeKey: fanOutKey(fanOut, link.id, editsDeliveryId), editsDeliveryId });
  }
  await repos.deliveries.enqueue(deliveries);
  return channels;
}
