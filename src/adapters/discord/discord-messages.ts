/**
 * What Twinbridge shows on Discord: exchange cards as embeds whose times are Discord timestamps
 * (`<t:…:F>` full date and time, `<t:…:R>` "in 3 days"; every reader's client shows them in the
 * reader's own zone and language) with Going / Maybe / Not going buttons, replies and posts as
 * messages within Discord's limits. Nothing here mentions anyone: user-typed text such as
 * "@everyone" in a title stays text (allowed_mentions is empty on everything the bot sends).
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Reply } from '../../core/commands/invocation.ts';
import type { OutgoingMessage } from '../../core/ports.ts';
import { exchangeCardText, type ExchangeCard } from '../../core/views/exchange-card.ts';
import { splitAtLineBreaks, truncate } from '../shared/message-text.ts';

export type RsvpAnswer = 'going' | 'maybe' | 'no';

/** The body of a message the bot sends (channel post, interaction reply, follow-up, edit). */
export interface DiscordMessageBody {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

// developers/resources/message: content 2000; embeds: title 256, description 4096, 25 fields
// (name 256, value 1024), 6000 in all; button labels 80, custom ids 100.
export const CONTENT_MAX = 2000;
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELDS_MAX = 25;
const FIELD_NAME_MAX = 256;
const FIELD_VALUE_MAX = 1024;
const EMBED_TOTAL_MAX = 6000;
const BUTTON_LABEL_MAX = 80;

const COLOR_PLANNED = 0x2f7fbf;
const COLOR_CANCELLED = 0x8a8f98;

/** `twin:rsvp:going:12`: the answer and the exchange number, so a click needs no lookup. */
const RSVP_CUSTOM_ID = /^twin:rsvp:(going|maybe|no):(\d{1,9})$/;

export function rsvpCustomId(answer: RsvpAnswer, exchangeNumber: number): string {
  return `twin:rsvp:${answer}:${exchangeNumber}`;
}

export function parseRsvpCustomId(customId: string): { answer: RsvpAnswer; exchange: number } | null {
  const match = RSVP_CUSTOM_ID.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  return { answer: match[1] as RsvpAnswer, exchange: Number(match[2]) };
}

/** `<t:1783324800:F>`: Discord renders it in each reader's zone and language. */
export function discordTimestamp(instant: Date, style: 'F' | 'R' | 'f' | 'D' | 't'): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}

export function exchangeEmbed(card: ExchangeCard): APIEmbed {
  const when = `${discordTimestamp(card.startsAt, 'F')} – ${discordTimestamp(card.endsAt, 'F')}`;
  const lines = [when, discordTimestamp(card.startsAt, 'R')];
  const header = lines.join('\n');
  const title = truncate(`#${card.number} ${card.title}`, TITLE_MAX);
  const fields = card.fields.slice(0, FIELDS_MAX).map((field) => {
    const value = truncate(field.value.trim() || '—', FIELD_VALUE_MAX);
    // Short values side by side; counts per town (long lists of towns) on a line of their own.
    return { name: truncate(field.label, FIELD_NAME_MAX), value, inline: value.length <= 40 };
  });
  const used = title.length + fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  let description = header;
  if (card.description) {
    const room = Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - used) - header.length - 2;
    if (room > 1) description = `${header}\n\n${truncate(card.description, room)}`;
  }
  return {
    title,
    description,
    color: card.status === 'CANCELLED' ? COLOR_CANCELLED : COLOR_PLANNED,
    fields,
  };
}

/** The RSVP buttons, when answering is open. */
export function rsvpButtons(card: ExchangeCard): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (!card.rsvpButtons) return [];
  const button = (answer: RsvpAnswer, label: string, style: ButtonStyle.Success | ButtonStyle.Secondary) =>
    ({
      type: ComponentType.Button,
      style,
      custom_id: rsvpCustomId(answer, card.number),
      label: truncate(label, BUTTON_LABEL_MAX),
    }) satisfies APIButtonComponentWithCustomId;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('going', card.rsvpButtons.going, ButtonStyle.Success),
        button('maybe', card.rsvpButtons.maybe, ButtonStyle.Secondary),
        button('no', card.rsvpButtons.no, ButtonStyle.Secondary),
      ],
    },
  ];
}

/** The headline of a text the core wrote as `headline + "\n" + exchangeCardText(card)`. */
export function headlineOf(text: string, card: ExchangeCard): string {
  const cardText = exchangeCardText(card);
  return text.endsWith(cardText) ? text.slice(0, text.length - cardText.length).trim() : text;
}

/** A card message: an optional headline above the embed, and the buttons. */
export function cardMessage(card: ExchangeCard, headline: string): DiscordMessageBody {
  return {
    content: truncate(headline, CONTENT_MAX),
    embeds: [exchangeEmbed(card)],
    components: rsvpButtons(card),
  };
}

/**
 * A text answer as messages. Lines laid out in columns (the command list of `help`) go into a
 * code block, where Discord's monospace keeps them aligned; a long text is split at line breaks.
 */
export function textMessages(text: string): string[] {
  const [first = '', ...rest] = text.split('\n');
  const fence = '```';
  const room = CONTENT_MAX - first.length - 1 - 2 * (fence.length + 1);
  if (!rest.some((line) => /\S {2,}\S/.test(line)) || room < 200) return splitAtLineBreaks(text, CONTENT_MAX);
  const body = rest.join('\n').replaceAll(fence, "'''");
  return splitAtLineBreaks(body, room).map(
    (chunk, i) => `${i === 0 ? `${first}\n` : ''}${fence}\n${chunk}\n${fence}`,
  );
}

/**
 * A post from the outbox. An exchange is its card under the post's headline; a text longer than
 * a message may hold goes into an embed (4096), because one post must stay one message: it has
 * one nonce.
 */
export function renderOutgoing(message: OutgoingMessage): DiscordMessageBody {
  if (message.exchange) return cardMessage(message.exchange, headlineOf(message.text, message.exchange));
  if (message.text.length <= CONTENT_MAX) return { content: message.text, embeds: [], components: [] };
  return {
    content: '',
    embeds: [{ description: truncate(message.text, DESCRIPTION_MAX), color: COLOR_PLANNED }],
    components: [],
  };
}

/**
 * A command's answer as messages: the first is the interaction's reply, the rest follow-ups.
 * With `withCard`, an exchange answer carries its card (and buttons); without, only its headline.
 */
export function renderReply(reply: Reply, options: { withCard: boolean }): DiscordMessageBody[] {
  if (reply.exchange && options.withCard) {
    return [cardMessage(reply.exchange, headlineOf(reply.text, reply.exchange))];
  }
  const text = reply.exchange ? headlineOf(reply.text, reply.exchange) : reply.text;
  return textMessages(text || '…').map((content) => ({ content, embeds: [], components: [] }));
}
