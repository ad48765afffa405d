/**
 * What a relayed copy looks like on Discord (docs/RELAY.md): posted through the channel's relay
 * webhook under "Name (Town)" with the author's avatar, text within Discord's 2,000 characters,
 * its files uploaded with it or, those that could not be copied, linked below it with a note
 * (relay/attachment-copies.ts), and never a mention (allowed_mentions empty).
 *
 * Ids: a message in a thread is known as `threadId/messageId`, since Discord needs the thread to
 * edit or delete it while the links and the relay's mapping name the parent channel. The router
 * reports members' thread messages the same way, so a copy and its original match.
 */
import type { OutgoingMessage, PostAuthor } from '../../core/ports.ts';
import { truncate } from '../shared/message-text.ts';
import { CONTENT_MAX } from './discord-messages.ts';

/** The name of the webhook the bot creates in each relaying channel, and looks for first. */
export const RELAY_WEBHOOK_NAME = 'Twinbridge relay';

// developers/resources/webhook, Execute Webhook: username 1–80 characters, and (like webhook
// names) no "discord" or "clyde" in it, whatever the case.
const USERNAME_MAX = 80;
/** Thread names are 1–100 characters. */
const THREAD_NAME_MAX = 100;

/**
 * Look-alikes for the words Discord refuses in a webhook's username: a Cyrillic о in "discord"
 * and е in "clyde" keep the name readable as written.
 */
const REFUSED_WORDS: [RegExp, (word: string) => string][] = [
  [/discord/gi, (word) => word.replace(/o/, '\u043E').replace(/O/, '\u041E')],
  [/clyde/gi, (word) => word.replace(/e/, '\u0435').replace(/E/, '\u0415')],
];

/** "Jana (Český Krumlov)", fitted to Discord's rules for a webhook's username. */
export function webhookUsername(author: PostAuthor): string {
  const town = author.town.trim();
  const suffix = town ? ` (${truncate(town, 40)})` : '';
  const name = author.name.trim() || '?';
  let username = `${truncate(name, USERNAME_MAX - suffix.length)}${suffix}`;
  for (const [word, lookAlike] of REFUSED_WORDS) username = username.replace(word, lookAlike);
  return username;
}

/**
 * The copy's content: the text, then one line per file linked rather than uploaded (labelled
 * with the note saying why, when there is one), within 2,000 characters.
 */
export function relayContent(message: OutgoingMessage): string {
  const files = (message.attachments ?? []).map(
    (file) => `📎 [${linkLabel(file.note ?? file.name)}](${file.url})`,
  );
  const text = message.text.trim();
  // Files uploaded with it are its content enough.
  if (files.length === 0)
    return text === '' && message.uploads?.length ? '' : truncate(text || '…', CONTENT_MAX);
  const filesBlock = files.join('\n');
  // The links matter more than the end of a long text: the text is shortened first.
  const room = CONTENT_MAX - filesBlock.length - 1;
  if (room < 100) return truncate(text ? `${text}\n${filesBlock}` : filesBlock, CONTENT_MAX);
  return text ? `${truncate(text, room)}\n${filesBlock}` : filesBlock;
}

/** A file name (or note) as a link's label: brackets would end the label early. */
function linkLabel(name: string): string {
  return truncate(name.replace(/[[\]]/g, '').trim() || 'file', 200);
}

/** The name of a thread the bot starts on a copy for its replies: the reply's first line. */
export function threadName(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return truncate(firstLine.trim() || '…', THREAD_NAME_MAX);
}

/** `threadId/messageId` for a message in a thread, the plain id otherwise. */
export function messageRef(messageId: string, threadId?: string | null): string {
  return threadId ? `${threadId}/${messageId}` : messageId;
}

/** The parts of an id as messageRef wrote it. */
export function parseMessageRef(ref: string): { messageId: string; threadId: string | undefined } {
  const slash = ref.indexOf('/');
  if (slash < 0) return { messageId: ref, threadId: undefined };
  return { threadId: ref.slice(0, slash), messageId: ref.slice(slash + 1) };
}
