/**
 * Reactions on relayed messages (docs/RELAY.md, "Reactions"): a member reacting to the original
 * or to any copy reacts to the message. The reaction is recorded (who, by platform id, so a
 * remove takes back only theirs and a person reacting on two sides counts once), and every other
 * side of the message (the original's channel and each copy's) gets a relay.reactions delivery
 * with the state it should show: the reactions made elsewhere, per emoji, with their count.
 *
 * Only the latest state matters: a newer change replaces the deliveries still waiting (deleted,
 * not kept as history), and its own go last in each channel's relay order, after an edit of the
 * copy that was enqueued before it.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelLink } from '../domain/model.ts';
import type { ChannelPlacement, NewDelivery, Repositories } from '../ports.ts';
import type {
  ReactionChange,
  ReactionTally,
  RelayCopy,
  RelayedMessage,
  StoredReaction,
} from './relay-ports.ts';
import { RELAY_KINDS } from './relayed-post.ts';

/** A side of a relayed message: its channel link, and where the message is there. */
interface Side {
  linkId: string;
  placement: ChannelPlacement;
}

/** The deliveries one reaction change makes; none when it changed nothing (a repeated event). */
export async function planReactionChange(
  repos: Repositories,
  links: readonly ChannelLink[],
  change: ReactionChange,
  now: Date,
): Promise<NewDelivery[]> {
  const deliveries: NewDelivery[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const relayed = await repos.relays.findByPlatformMessage(link.id, change.messageId);
    if (!relayed || seen.has(relayed.id)) continue;
    seen.add(relayed.id);
    const reaction = { relayedId: relayed.id, linkId: link.id, emoji: change.emoji, userId: change.userId };
    if (!(await repos.relays.recordReaction(reaction, change.added))) continue;
    // The side reacted on shows its own reactions already; the others show this one.
    const others = (await sidesOf(repos, relayed)).filter((side) => side.linkId !== link.id);
    deliveries.push(...(await stateDeliveries(repos, relayed, others, now)));
  }
  return deliveries;
}

/**
 * The relay.reactions deliveries that bring these sides of a message up to date, replacing those
 * still waiting for them.
 */
export async function stateDeliveries(
  repos: Repositories,
  relayed: RelayedMessage,
  sides: readonly Side[],
  now: Date,
): Promise<NewDelivery[]> {
  if (sides.length === 0) return [];
  const reactions = await repos.relays.reactions(relayed.id);
  await repos.deliveries.supersedePending(
    relayed.id,
    RELAY_KINDS.reactions,
    sides.map((side) => side.linkId),
  );
  return sides.map((side) => ({
    // A fresh key per state: an earlier state's delivery may be under way or sent already.
    dedupeKey: `relay-reactions:${relayed.id}:${side.linkId}:${randomUUID()}`,
    kind: RELAY_KINDS.reactions,
    sourceId: relayed.id,
    payload: { text: '', reactions: tallyElsewhere(reactions, side.linkId) },
    dueAt: now,
    channelLinkId: side.linkId,
    ...side.placement,
  }));
}

/** After an edit of the copies: their reactions again, when the message has any. */
export async function reactionsAfterEdit(
  repos: Repositories,
  relayed: RelayedMessage,
  copies: readonly RelayCopy[],
  now: Date,
): Promise<NewDelivery[]> {
  if ((await repos.relays.reactions(relayed.id)).length === 0) return [];
  return stateDeliveries(repos, relayed, copies.map(copySide), now);
}

const copySide = (copy: RelayCopy): Side => ({
  linkId: copy.channelLinkId,
  placement: { editsDeliveryId: copy.deliveryId },
});

/** The original's side and each copy's. */
async function sidesOf(repos: Repositories, relayed: RelayedMessage): Promise<Side[]> {
  const copies = await repos.relays.copies(relayed.id);
  return [
    { linkId: relayed.originLinkId, placement: { editsMessageId: relayed.originMessageId } },
    ...copies.map(copySide),
  ];
}

/**
 * The reactions made outside `linkId`, per emoji in the order each was first used, counting
 * each person once.
 */
export function tallyElsewhere(reactions: readonly StoredReaction[], linkId: string): ReactionTally[] {
  const reactors = new Map<string, Set<string>>();
  for (const reaction of reactions) {
    if (reaction.linkId === linkId) continue;
    const people = reactors.get(reaction.emoji) ?? new Set<string>();
    people.add(reaction.reactor);
    reactors.set(reaction.emoji, people);
  }
  return [...reactors].map(([emoji, people]) => ({ emoji, count: people.size }));
}
