/** What a relayed copy carries, and the outbox kinds of the relay's deliveries. */
import type { OutgoingMessage } from '../outbox-ports.ts';
import type { ArrivedMessage, EditedMessage } from './relay-ports.ts';

export const RELAY_KINDS = {
  message: 'relay.message',
  edit: 'relay.edit',
  delete: 'relay.delete',
  reactions: 'relay.reactions',
} as const;

export const isRelayKind = (kind: string): boolean => kind.startsWith('relay.');

/** Slack's own limit on a message; the adapters shorten further to their platform's. */
export const RELAYED_TEXT_MAX = 40_000;

/**
 * What a member typed, as it may be stored and posted: control characters other than line
 * breaks and tabs go (PostgreSQL refuses NUL in JSON; the others only garble a copy), and it is
 * bounded. A message is never refused: it was already said in the origin channel.
 */
export function relayableText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  return clean.length <= RELAYED_TEXT_MAX ? clean : `${clean.slice(0, RELAYED_TEXT_MAX - 1)}…`;
}

/** The copy of a member's message: their words, their name and town, their files. */
export function relayedPost(message: ArrivedMessage | EditedMessage, town: string): OutgoingMessage {
  return {
    text: relayableText(message.text),
    author: {
      name: relayableText(message.author.displayName),
      town,
      ...(message.author.avatarUrl === undefined ? {} : { avatarUrl: message.author.avatarUrl }),
    },
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
  };
}
