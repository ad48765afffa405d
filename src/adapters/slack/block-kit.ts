/**
 * Exchange cards and replies as Block Kit. Times are `<!date^…>` tokens, so every reader's
 * Slack client shows them in the reader's own time zone; the fallback (for clients that cannot)
 * is the time in the card's zone. RSVP buttons carry the exchange number in their action id.
 */
import type { types } from '@slack/bolt';
import type { Reply } from '../../core/commands/invocation.ts';
import type { OutgoingMessage } from '../../core/ports.ts';
import { formatInstant } from '../../core/time/index.ts';
import { exchangeCardText, type ExchangeCard } from '../../core/views/exchange-card.ts';
import { truncate } from '../shared/message-text.ts';
import { escapeSlackText } from './slack-text.ts';

export type RsvpAnswer = 'going' | 'maybe' | 'no';

/** `twin_rsvp:going:12`: the answer and the exchange number, so a click needs no lookup. */
export const RSVP_ACTION_PATTERN = /^twin_rsvp:(going|maybe|no):(\d+)$/;

export function rsvpActionId(answer: RsvpAnswer, exchangeNumber: number): string {
  return `twin_rsvp:${answer}:${exchangeNumber}`;
}

export function parseRsvpActionId(actionId: string): { answer: RsvpAnswer; exchange: number } | null {
  const match = RSVP_ACTION_PATTERN.exec(actionId);
  if (!match?.[1] || !match[2]) return null;
  return { answer: match[1] as RsvpAnswer, exchange: Number(match[2]) };
}

/** The block holding a message's headline ("New exchange hosted by …"), kept when a card is refreshed. */
export const HEADLINE_BLOCK_ID = 'twin_headline';

// Block Kit limits (docs.slack.dev/reference/block-kit).
const HEADER_MAX = 150;
const SECTION_TEXT_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const BUTTON_TEXT_MAX = 75;
/** Beside a card, the message `text` is the notification and screen-reader fallback; keep it readable. */
const FALLBACK_TEXT_MAX = 3000;
/** chat.postMessage: `text` is truncated at 40,000 characters (docs.slack.dev/reference/methods/chat.postMessage). */
const MESSAGE_TEXT_MAX = 40_000;

/** Escaped text cut to `max` with a visible "…", never in the middle of an `&lt;` entity. */
function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '')}…`;
}

/** `<!date^1783324800^{date_short_pretty} {time}|Tue 06/07/2027, 10:00 (Europe/Prague)>` */
export function slackDate(instant: Date, timeZone: string): string {
  const unix = Math.floor(instant.getTime() / 1000);
  const fallback = formatInstant(instant, timeZone, 'en', 'short').replaceAll('|', '/');
  return `<!date^${unix}^{date_short_pretty} {time}|${escapeSlackText(fallback)}>`;
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** The card as blocks, optionally under a headline. */
export function exchangeBlocks(card: ExchangeCard, headline?: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (headline) {
    blocks.push({
      type: 'section',
      block_id: HEADLINE_BLOCK_ID,
      text: mrkdwn(truncateEscaped(escapeSlackText(headline), SECTION_TEXT_MAX)),
    });
  }
  blocks.push({ type: 'header', text: plain(`#${card.number} ${card.title}`, HEADER_MAX) });
  blocks.push({
    type: 'section',
    text: mrkdwn(`${slackDate(card.startsAt, card.timeZone)} – ${slackDate(card.endsAt, card.timeZone)}`),
  });
  const fields = card.fields.map((field) =>
    mrkdwn(truncateEscaped(`*${escapeSlackText(field.label)}*\n${escapeSlackText(field.value)}`, FIELD_MAX)),
  );
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + FIELDS_PER_SECTION) });
  }
  if (card.description) {
    blocks.push({
      type: 'section',
      text: mrkdwn(truncateEscaped(escapeSlackText(card.description), SECTION_TEXT_MAX)),
    });
  }
  if (card.rsvpButtons) {
    const button = (answer: RsvpAnswer, label: string, style?: 'primary' | 'danger'): types.Button => ({
      type: 'button',
      action_id: rsvpActionId(answer, card.number),
      value: `${card.number}:${answer}`,
      text: plain(label, BUTTON_TEXT_MAX),
      ...(style ? { style } : {}),
    });
    blocks.push({
      type: 'actions',
      block_id: `twin_rsvp_${card.number}`,
      elements: [
        button('going', card.rsvpButtons.going, 'primary'),
        button('maybe', card.rsvpButtons.maybe),
        button('no', card.rsvpButtons.no),
      ],
    });
  }
  return blocks;
}

/** The headline of a text that is `headline + "\n" + exchangeCardText(card)`, as the core writes them. */
export function headlineOf(text: string, card: ExchangeCard): string {
  const cardText = exchangeCardText(card);
  return text.endsWith(cardText) ? text.slice(0, text.length - cardText.length).trim() : text;
}

export interface SlackMessageBody {
  text: string;
  blocks?: types.KnownBlock[];
}

/** A post from the outbox (announcement, exchange card) as a Slack message. */
export function renderOutgoing(message: OutgoingMessage): SlackMessageBody {
  // Without a card the text is the message itself: an announcement full of "&" and "<" grows
  // when escaped and must not lose its end at the fallback's length.
  const escaped = escapeSlackText(message.text);
  if (!message.exchange) return { text: truncateEscaped(escaped, MESSAGE_TEXT_MAX) };
  const text = truncateEscaped(escaped, FALLBACK_TEXT_MAX);
  return { text, blocks: exchangeBlocks(message.exchange, headlineOf(message.text, message.exchange)) };
}

/** A command's answer; the card (with its buttons) when the answer is about one exchange. */
export function renderReply(reply: Reply, options: { withCard?: boolean } = {}): SlackMessageBody {
  if (reply.exchange && options.withCard !== false) {
    return renderOutgoing({ text: reply.text, exchange: reply.exchange });
  }
  const text = reply.exchange ? headlineOf(reply.text, reply.exchange) : reply.text;
  return { text: truncateEscaped(tableAware(text), MESSAGE_TEXT_MAX) };
}

/**
 * Escaped text; lines laid out in columns (the command list of `help`) go into a code block,
 * since Slack's proportional font would scatter them.
 */
export function tableAware(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  if (!rest.some((line) => /\S {2,}\S/.test(line))) return escapeSlackText(text);
  const body = rest.join('\n').replaceAll('```', "'''");
  return `${escapeSlackText(first)}\n\`\`\`${escapeSlackText(body)}\`\`\``;
}

/** The headline kept in a posted card's blocks (undefined when it had none). */
export function headlineFromBlocks(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as unknown[]) {
    if (typeof block !== 'object' || block === null) continue;
    const record = block as { block_id?: unknown; text?: { text?: unknown } };
    if (record.block_id === HEADLINE_BLOCK_ID && typeof record.text?.text === 'string') {
      return unescapeSlackText(record.text.text);
    }
  }
  return undefined;
}

function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
