/**
 * A Slack message as the relay reads it, live (the `message` events) and read back
 * (`conversations.history`, `conversations.replies`): the fields it uses, which of them are a
 * member writing, and the exact order of message timestamps.
 */
import type { RelayAttachment, RelayAuthor } from '../../core/relay/relay-ports.ts';

/** The fields of a message event (or of the message inside message_changed) the relay reads. */
export interface SlackMessage {
  type?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  deleted_ts?: string;
  edited?: { ts?: string };
  /** On a thread's parent: its newest reply. */
  latest_reply?: string;
  files?: {
    id?: string;
    name?: string;
    title?: string;
    url_private?: string;
    permalink?: string;
    size?: number;
    mimetype?: string;
  }[];
  message?: SlackMessage;
  previous_message?: SlackMessage;
}

/** The author, text and files of a message as the core takes them. */
export interface SlackMessageContent {
  author: RelayAuthor;
  text: string;
  attachments?: RelayAttachment[];
}

/** Subtypes that are a member writing; others (joins, topic changes, bots) are not relayed. */
const WRITTEN = new Set([undefined, 'thread_broadcast', 'file_share']);

/** A person's own message: no bot's (the relay's copies among them), only written subtypes. */
export function isPersonWriting(message: SlackMessage): boolean {
  return message.bot_id === undefined && message.user !== undefined && WRITTEN.has(message.subtype);
}

/** A message ts ("1700000000.000100") as a number that orders exactly (a float would round it). */
export function tsOrder(ts: string): bigint {
  const [seconds = '0', micros = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(micros.padEnd(6, '0').slice(0, 6) || '0');
}

/** Microseconds back to a ts: "1700000000.000100". */
export function tsString(order: bigint): string {
  return `${order / 1_000_000n}.${String(order % 1_000_000n).padStart(6, '0')}`;
}
