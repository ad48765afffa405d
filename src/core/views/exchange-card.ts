import type { ExchangeStatus } from '../domain/model.ts';

/**
 * An exchange as a reader sees it, already translated into their language. Adapters render it
 * natively (Discord embed with <t:…> timestamps, Slack blocks with <!date^…>, console text).
 */
export interface ExchangeCard {
  number: number;
  title: string;
  description: string;
  status: ExchangeStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Start and end formatted in the exchange's own zone, for platforms that cannot localize. */
  whenText: string;
  /** Translated label/value pairs: host town, kind, place, capacity, answers per town. */
  fields: { label: string; value: string }[];
  /** Translated labels for the RSVP buttons; absent when answering is closed (cancelled, over). */
  rsvpButtons?: { going: string; maybe: string; no: string };
}

/** The card as plain text: the console prints it, and it is the fallback text everywhere else. */
export function exchangeCardText(card: ExchangeCard): string {
  const lines = [`#${card.number} ${card.title}`, `  ${card.whenText}`];
  for (const field of card.fields) lines.push(`  ${field.label}: ${field.value}`);
  if (card.description) lines.push(`  ${card.description}`);
  return lines.join('\n');
}
