/**
 * Bidirectional controls in what members type (a title, a town's name, an announcement) must
 * not reorder what the bot writes after them: U+202E RIGHT-TO-LEFT OVERRIDE in a title would
 * otherwise show the rest of the line, the host town's name included, backwards.
 *
 * They are removed from every message where it leaves the core (the answer to a command, the
 * card a button asks for, a suggestion label, each outbox post), not per command, so no new
 * command can forget it, and posts enqueued before this existed are cleaned too. The texts stay
 * stored as typed.
 *
 * Why removal and not balancing: closing each control at the end of its field needs the field's
 * end, which a finished message no longer shows, and wrapping fields in isolates would have to
 * happen in every place that builds a message. The controls are invisible; removing them loses
 * nothing a reader sees, only a reordering, and the bot's own catalogs use none. What stays are
 * the marks (U+200E LRM, U+200F RLM, U+061C ALM): each behaves as one invisible letter of its
 * direction, so it can do no more than a Hebrew or Arabic letter in its place, and right-to-left
 * writers use them to keep punctuation and numbers where they belong. Arabic and Hebrew text
 * itself is untouched: the Unicode bidirectional algorithm lays it out on every platform.
 */
import type { ExchangeCard } from './exchange-card.ts';

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const EMBEDDINGS_OVERRIDES_ISOLATES = /[\u202a-\u202e\u2066-\u2069]/g;

export function neutralizeBidi(text: string): string {
  return text.replace(EMBEDDINGS_OVERRIDES_ISOLATES, '');
}

export function neutralizeCard(card: ExchangeCard): ExchangeCard {
  return {
    ...card,
    title: neutralizeBidi(card.title),
    description: neutralizeBidi(card.description),
    whenText: neutralizeBidi(card.whenText),
    fields: card.fields.map((field) => ({
      label: neutralizeBidi(field.label),
      value: neutralizeBidi(field.value),
    })),
  };
}

/** A message (an answer or a post) with its text and card neutralized; other fields kept. */
export function neutralizeMessage<M extends { text: string; exchange?: ExchangeCard }>(message: M): M {
  const { exchange } = message;
  return {
    ...message,
    text: neutralizeBidi(message.text),
    ...(exchange === undefined ? {} : { exchange: neutralizeCard(exchange) }),
  };
}
