/**
 * Reactions on messages (developers/resources/message.mdx: Reaction Object, Create Reaction,
 * Delete Own Reaction): who reacted with which emoji, the `reactions` array message objects
 * carry, and the emoji syntax the routes accept (a Unicode emoji, or `name:id` for a custom one).
 */

import type { APIPartialEmoji, APIReaction } from 'discord.js';

import { apiErrors } from './http-body.ts';

interface EmojiReactions {
  readonly emoji: APIPartialEmoji;
  /** User ids, in the order they reacted. */
  readonly users: string[];
}

/** One reaction as a test sees it. */
export interface ReactionSummary {
  /** The Unicode emoji, or `name:id` for a custom one. */
  readonly emoji: string;
  readonly count: number;
  readonly userIds: readonly string[];
}

/** Pictographs, flags and keycaps: what Discord accepts as a standard emoji. */
const UNICODE_EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)/u;

/** Parses the `{emoji}` of a route or a test's emoji; anything else answers 10014 Unknown Emoji. */
export function parseEmoji(text: string): APIPartialEmoji {
  const custom = /^<?a?:?([\w~]{2,32}):(\d{17,20})>?$/.exec(text);
  if (custom) return { id: custom[2] ?? null, name: custom[1] ?? null };
  if (UNICODE_EMOJI.test(text) && text.length <= 32) return { id: null, name: text };
  throw apiErrors.unknownEmoji();
}

export function emojiKey(emoji: APIPartialEmoji): string {
  return emoji.id === null ? (emoji.name ?? '') : `${emoji.name ?? ''}:${emoji.id}`;
}

export class ReactionStore {
  /** Per message id, per emoji key. */
  readonly #byMessage = new Map<string, Map<string, EmojiReactions>>();

  /** Adds `userId`'s reaction; false when it was already there (Discord then sends no event). */
  add(messageId: string, emoji: APIPartialEmoji, userId: string): boolean {
    const perEmoji = this.#byMessage.get(messageId) ?? new Map<string, EmojiReactions>();
    this.#byMessage.set(messageId, perEmoji);
    const key = emojiKey(emoji);
    const entry = perEmoji.get(key) ?? { emoji, users: [] };
    perEmoji.set(key, entry);
    if (entry.users.includes(userId)) return false;
    entry.users.push(userId);
    return true;
  }

  /** Removes it; false when there was none. */
  remove(messageId: string, emoji: APIPartialEmoji, userId: string): boolean {
    const perEmoji = this.#byMessage.get(messageId);
    const key = emojiKey(emoji);
    const entry = perEmoji?.get(key);
    const index = entry?.users.indexOf(userId) ?? -1;
    if (!entry || index === -1) return false;
    entry.users.splice(index, 1);
    if (entry.users.length === 0) perEmoji?.delete(key);
    return true;
  }

  /** Whether anyone reacted with this emoji (Create Reaction then needs no Add Reactions). */
  has(messageId: string, emoji: APIPartialEmoji): boolean {
    return (this.#byMessage.get(messageId)?.get(emojiKey(emoji))?.users.length ?? 0) > 0;
  }

  /** The `reactions` array of the message object, as `viewerId` (the bot) sees it. */
  render(messageId: string, viewerId: string): APIReaction[] {
    return [...(this.#byMessage.get(messageId)?.values() ?? [])].map((entry) => ({
      count: entry.users.length,
      count_details: { burst: 0, normal: entry.users.length },
      me: entry.users.includes(viewerId),
      me_burst: false,
      emoji: entry.emoji,
      burst_colors: [],
    }));
  }

  summaries(messageId: string): ReactionSummary[] {
    return [...(this.#byMessage.get(messageId)?.entries() ?? [])].map(([key, entry]) => ({
      emoji: key,
      count: entry.users.length,
      userIds: [...entry.users],
    }));
  }
}
