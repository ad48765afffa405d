/**
 * The count line of a relayed message's reactions (docs/RELAY.md, "Reactions"): what the bot's
 * own reactions cannot say, since it reacts once per emoji and another platform's custom emoji
 * do not exist here. `👍 3 · ❤️ 1 · :party_parrot: 1`, in the order each emoji was first used.
 */
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { parseCustomEmoji } from './emoji-names.ts';

export function countLine(reactions: readonly ReactionTally[]): string {
  return reactions.map(({ emoji, count }) => `${shownEmoji(emoji)} ${count}`).join(' · ');
}

/** A custom emoji reads as its `:name:` where it does not exist. */
function shownEmoji(key: string): string {
  const custom = parseCustomEmoji(key);
  return custom ? `:${custom.name}:` : key;
}
