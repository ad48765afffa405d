/**
 * The relay (docs/RELAY.md): what a member writes, edits or deletes in a linked channel that
 * relays reaches the partnership's other relaying channels, as outbox deliveries. One transaction
 * per event: the original's ids and every copy's delivery are recorded together or not at all,
 * so an event the platform delivers twice, or one cut short by a crash, is relayed once.
 */
import { newErrorReference } from '../error-reference.ts';
import type { ChannelLink } from '../domain/model.ts';
import type { ChannelPlacement, Clock, Logger, NewDelivery, Repositories, Store } from '../ports.ts';
import type {
  ArrivedMessage,
  DeletedMessage,
  EditedMessage,
  ReactionChange,
  RelayedMessage,
  RelayResumePoint,
  RelaySource,
} from './relay-ports.ts';
import type { Platform } from '../domain/model.ts';
import { relayedPost, RELAY_KINDS } from './relayed-post.ts';
import { BACKFILL_MAX_AGE_MS, BACKFILL_MAX_ORIGINALS } from './backfill.ts';
import { planReactionChange, reactionsAfterEdit } from './relay-reactions.ts';

export interface RelayDependencies {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Called after deliveries were committed, so the outbox worker wakes. */
  onOutboxChanged?: () => void;
}

export class RelayService {
  constructor(private readonly deps: RelayDependencies) {}

  /** A member wrote: copied into every other relaying channel of each partnership the channel relays. */
  messageArrived(message: ArrivedMessage): Promise<void> {
    return this.handle('message', message, async (repos, origins) => {
      const deliveries: NewDelivery[] = [];
      for (const origin of origins.filter(relays)) {
        // One of the relay's own copies told back as a member's message (an echo): not again.
        if (await repos.relays.findByPlatformMessage(origin.id, message.messageId)) continue;
        const threadOf = await this.threadOf(repos, origin, message.inReplyTo);
        const relayed = await repos.relays.recordOriginal({
          originLinkId: origin.id,
          originMessageId: message.messageId,
          threadOfId: threadOf?.id ?? null,
          lastEditId: message.editId ?? null,
          // Kept even when the relay never saw that message: a backfill reads the thread for it.
          inReplyTo: message.inReplyTo ?? null,
        });
        if (!relayed) continue;
        const town = await repos.towns.findById(origin.townId);
        const payload = relayedPost(message, town?.name ?? '');
        const threadCopies = threadOf ? await repos.relays.copies(threadOf.id) : [];
        for (const destination of await destinationsOf(repos, origin)) {
          const thread = threadPlace(threadOf, threadCopies, destination);
          deliveries.push({
            dedupeKey: `relay:${relayed.id}:${destination.id}`,
            kind: RELAY_KINDS.message,
            sourceId: relayed.id,
            payload,
            dueAt: this.deps.clock.now(),
            channelLinkId: destination.id,
            ...thread,
          });
        }
      }
      return deliveries;
    });
  }

  /** The author edited an original: every copy is edited, wherever relaying stands now. */
  messageEdited(edit: EditedMessage): Promise<void> {
    return this.handle('edit', edit, async (repos, links) => {
      const deliveries: NewDelivery[] = [];
      for (const link of links) {
        const relayed = await repos.relays.findByPlatformMessage(link.id, edit.messageId);
        if (!relayed || relayed.originLinkId !== link.id) continue;
        // What a backfill compares the history with (an edit delivered twice is one by its dedupeKey).
        await repos.relays.recordEdit(relayed.id, edit.editId);
        const town = await repos.towns.findById(link.townId);
        const payload = relayedPost(edit, town?.name ?? '');
        const copies = await repos.relays.copies(relayed.id);
        for (const copy of copies) {
          deliveries.push({
            dedupeKey: `relay-edit:${relayed.id}:${copy.channelLinkId}:${edit.editId}`,
            kind: RELAY_KINDS.edit,
            sourceId: relayed.id,
            payload,
            dueAt: this.deps.clock.now(),
            channelLinkId: copy.channelLinkId,
            editsDeliveryId: copy.deliveryId,
          });
        }
        // The edit replaces a copy's text, count line and all: its reactions are shown again after it.
        deliveries.push(...(await reactionsAfterEdit(repos, relayed, copies, this.deps.clock.now())));
      }
      return deliveries;
    });
  }

  /**
   * An original deleted: its copies go. A copy deleted (only moderators can delete the bot's
   * posts): the original and the other copies go too, so a removed message is removed everywhere.
   */
  messageDeleted(deleted: DeletedMessage): Promise<void> {
    return this.handle('delete', deleted, async (repos, links) => {
      const deliveries: NewDelivery[] = [];
      for (const link of links) {
        const relayed = await repos.relays.findByPlatformMessage(link.id, deleted.messageId);
        if (!relayed) continue;
        await repos.relays.recordDelete(relayed.id, this.deps.clock.now());
        const remove = (channelLinkId: string, target: ChannelPlacement) =>
          deliveries.push({
            dedupeKey: `relay-delete:${relayed.id}:${channelLinkId}`,
            kind: RELAY_KINDS.delete,
            sourceId: relayed.id,
            payload: { text: '' },
            dueAt: this.deps.clock.now(),
            channelLinkId,
            ...target,
          });
        if (relayed.originLinkId !== link.id)
          remove(relayed.originLinkId, { editsMessageId: relayed.originMessageId });
        for (const copy of await repos.relays.copies(relayed.id)) {
          if (copy.channelLinkId !== link.id)
            remove(copy.channelLinkId, { editsDeliveryId: copy.deliveryId });
        }
      }
      return deliveries;
    });
  }

  /** A member reacted, or took a reaction back: every other side of the message shows it (relay-reactions.ts). */
  reactionChanged(change: ReactionChange): Promise<void> {
    return this.handle('reaction', change, (repos, links) =>
      planReactionChange(repos, links, change, this.deps.clock.now()),
    );
  }

  /**
   * Where reading each relaying channel's history resumes after the bot was down (docs/RELAY.md,
   * "Backfill"): the newest messages the relay knows there, over all the channel's relaying links
   * (the bot saw everything before the newest), and the originals recorded within the age bound,
   * whose edits and removals the history shows. A channel where nothing is known yet is left out:
   * nothing tells when its relaying began, and what came before that must not be relayed.
   */
  async resumePoints(platform: Platform): Promise<RelayResumePoint[]> {
    const since = new Date(this.deps.clock.now().getTime() - BACKFILL_MAX_AGE_MS);
    const links = await this.deps.store.transaction(async (repos) => {
      const withOriginals = [];
      for (const link of await repos.relays.newestKnownPerRelayingLink(platform, since)) {
        const originals = await repos.relays.originalsSince(link.linkId, since, BACKFILL_MAX_ORIGINALS);
        withOriginals.push({ ...link, originals });
      }
      return withOriginals;
    });
    const channels = new Map<string, RelayResumePoint>();
    for (const link of links) {
      const known = [link.newestOriginalId, link.newestCopyId].filter((id): id is string => id !== null);
      if (known.length === 0) continue;
      const key = `${link.communityExternalId}:${link.channelId}`;
      const point = channels.get(key) ?? {
        communityExternalId: link.communityExternalId,
        channelId: link.channelId,
        knownMessageIds: [],
        oldestRecentCopyIds: [],
        originals: [],
      };
      point.knownMessageIds.push(...known);
      point.originals.push(...link.originals);
      if (link.oldestRecentCopyId !== null) point.oldestRecentCopyIds.push(link.oldestRecentCopyId);
      channels.set(key, point);
    }
    return [...channels.values()];
  }

  /**
   * Runs one event in a transaction with the channel's links; never rejects (an adapter's event
   * handler has nobody to tell): a failure is logged with a reference.
   */
  private async handle(
    what: string,
    source: RelaySource,
    plan: (repos: Repositories, links: ChannelLink[]) => Promise<NewDelivery[]>,
  ): Promise<void> {
    try {
      const planned = await this.deps.store.transaction(async (repos) => {
        const community = await repos.communities.findByExternalId(
          source.platform,
          source.communityExternalId,
        );
        if (!community) return 0;
        const links = (await repos.channelLinks.listForChannel(community.id, source.channelId)).filter(
          (link) => link.status === 'ACTIVE',
        );
        if (links.length === 0) return 0;
        const deliveries = await plan(repos, links);
        return deliveries.length === 0 ? 0 : repos.deliveries.enqueue(deliveries);
      });
      if (planned > 0) this.deps.onOutboxChanged?.();
    } catch (error) {
      this.deps.logger.error(
        {
          err: error,
          ref: newErrorReference(),
          platform: source.platform,
          channel: source.channelId,
        },
        `could not relay a ${what}`,
      );
    }
  }

  /** The thread a reply continues: the relayed message it answers, or that message's own thread root. */
  private async threadOf(
    repos: Repositories,
    origin: ChannelLink,
    inReplyTo: string | undefined,
  ): Promise<RelayedMessage | null> {
    if (inReplyTo === undefined) return null;
    const answered = await repos.relays.findByPlatformMessage(origin.id, inReplyTo);
    if (!answered?.threadOfId) return answered;
    return repos.relays.findById(answered.threadOfId);
  }
}

const relays = (link: ChannelLink) => link.relay;

/** The partnership's other relaying channels; a channel is one destination however often linked. */
async function destinationsOf(repos: Repositories, origin: ChannelLink): Promise<ChannelLink[]> {
  const links = await repos.channelLinks.listForPartnership(origin.partnershipId, { activeOnly: true });
  return links.filter(
    (link) =>
      link.relay &&
      link.id !== origin.id &&
      !(link.communityId === origin.communityId && link.channelId === origin.channelId),
  );
}

/** Where a reply goes in a destination: under the thread root's original there, or under its copy. */
function threadPlace(
  root: RelayedMessage | null,
  rootCopies: { deliveryId: string; channelLinkId: string }[],
  destination: ChannelLink,
): ChannelPlacement {
  if (!root) return {};
  if (root.originLinkId === destination.id) return { threadMessageId: root.originMessageId };
  const copy = rootCopies.find((c) => c.channelLinkId === destination.id);
  // The root was never copied there (relaying began after it): the reply stands on its own.
  return copy ? { threadDeliveryId: copy.deliveryId } : {};
}
