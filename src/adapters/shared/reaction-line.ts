/**
 * The count line of a relayed message's reactions (docs/RELAY.md, "Reactions"): what the bot's
 * own reactions cannot say, since it reacts once per emoji and another platform's custom emoji
 * do not exist here. `👍 3 · ❤️ 1 · :party_parrot: 1`, in the order each emoji was first used.
 * A copy (the bot's own post) carries it as its last line, in the platform's small print; it is
 * there only while some reaction cannot be shown natively, and is found again by its shape.
 */
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { parseCustomEmoji } from './emoji-names.ts';

/** How a platform sets the line apart: Discord's subtext `-# …`, Slack's italics `_…_`. */
export interface LineStyle {
  open: string;
  close: string;
  /** The platform's limit on a message's text: the text gives way to the line. */
  maxLength: number;
}

export function countLine(reactions: readonly ReactionTally[]): string {
  return reactions.map(({ emoji, count }) => `${shownEmoji(emoji)} ${count}`).join(' · ');
}

/**
 * The line a side needs: none when every reaction elsewhere shows natively there (each counted
 * once, and an emoji the bot can add), else all of them with their counts.
 */
export function neededLine(
  reactions: readonly ReactionTally[],
  nativeHere: (emoji: string) => boolean,
): string | undefined {
  const misstated = reactions.some((r) => r.count > 1 || !nativeHere(r.emoji));
  return misstated ? countLine(reactions) : undefined;
}

/** The copy's text with its count line replaced by `line` (or removed, for undefined). */
export function withCountLine(text: string, line: string | undefined, style: LineStyle): string {
  const bare = withoutCountLine(text, style);
  if (line === undefined) return bare;
  const suffix = `\n${style.open}${line}${style.close}`;
  const room = style.maxLength - suffix.length;
  const body = bare.length <= room ? bare : `${bare.slice(0, Math.max(0, room - 1))}…`;
  return `${body}${suffix}`;
}

/** The count line a copy shows now, if any. */
export function currentCountLine(text: string, style: LineStyle): string | undefined {
  const found = linePattern(style).exec(text);
  return found?.[1];
}

function withoutCountLine(text: string, style: LineStyle): string {
  return text.replace(linePattern(style), '');
}

/** `\n` + open + `emoji count` (` · emoji count`)* + close at the very end. */
function linePattern(style: LineStyle): RegExp {
  const tally = String.raw`\S+ \d+`;
  return new RegExp(
    String.raw`\n${escape(style.open)}(${tally}(?: · ${tally})*)${escape(style.close)}$`,
    'u',
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A custom emoji reads as its `:name:` where it does not exist. */
function shownEmoji(key: string): string {
  const custom = parseCustomEmoji(key);
  return custom ? `:${custom.name}:` : key;
}
