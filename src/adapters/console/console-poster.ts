/**
 * The console's poster: channel posts and direct messages are printed with where they went.
 * Console communities are their own names, so the target reads naturally. An edit (an exchange
 * card redrawn after new answers) prints only the lines it changed; a relayed message shows its
 * author and town, its files by name, and the reactions its other sides have as a count line
 * (docs/RELAY.md): a console line carries no reactions of its own.
 */
import type { Writable } from 'node:stream';
import type {
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  OutgoingMessage,
  PostResult,
} from '../../core/ports.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { countLine } from '../shared/reaction-line.ts';
import { shownId, storedId } from './console-ids.ts';

/** How many posted messages the console remembers, to print only what an edit changed. */
const REMEMBERED_POSTS = 1_000;

/** Prints what the outbox posts, as the poster of the console adapter. */
export class ConsolePoster implements ChannelPoster {
  readonly platform = 'CONSOLE' as const;
  private sequence = 0;
  private readonly printed = new Map<string, string[]>();

  constructor(private readonly output: Writable) {}

  post(
    target: ChannelTarget,
    message: OutgoingMessage,
    _key: string,
    _abandoned?: AbortSignal,
    placement?: { threadMessageId?: string },
  ): Promise<PostResult> {
    const thread = placement?.threadMessageId
      ? ` in the thread of ${shownId(placement.threadMessageId)}`
      : '';
    // A relayed copy shows its id, so a member there can reply to it or remove it by name.
    const id = message.author ? this.nextId() : undefined;
    const named = id ? ` as ${shownId(id)}` : '';
    return this.print(`posted to ${channelOf(target)}${thread}${named}`, shownLines(message), id);
  }

  remove(target: ChannelTarget, platformMessageId: string): Promise<PostResult> {
    this.output.write(`  ⇒ ${shownId(platformMessageId)} in ${channelOf(target)} removed\n`);
    this.printed.delete(platformMessageId);
    return Promise.resolve({ ok: true, platformMessageId });
  }

  react(
    target: ChannelTarget,
    platformMessageId: string,
    reactions: readonly ReactionTally[],
  ): Promise<PostResult> {
    const line = reactions.length > 0 ? countLine(reactions) : '(none)';
    this.output.write(`  ⇒ reactions on ${shownId(platformMessageId)} in ${channelOf(target)}: ${line}
`);
    return Promise.resolve({ ok: true, platformMessageId });
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage): Promise<PostResult> {
    return this.print(
      `direct message to ${target.userId} in ${target.communityExternalId}`,
      message.text.split('\n'),
    );
  }

  edit(target: ChannelTarget, platformMessageId: string, message: OutgoingMessage): Promise<PostResult> {
    return this.printEdit(
      `${shownId(platformMessageId)} in ${channelOf(target)}`,
      platformMessageId,
      message,
    );
  }

  /** The console has no conversations: a direct message is known by its id alone. */
  editDirect(target: DirectTarget, platformMessageId: string, message: OutgoingMessage): Promise<PostResult> {
    const where = `${shownId(platformMessageId)} to ${target.userId} in ${target.communityExternalId}`;
    return this.printEdit(where, platformMessageId, message);
  }

  private printEdit(where: string, platformMessageId: string, message: OutgoingMessage): Promise<PostResult> {
    const lines = shownLines(message);
    const before = this.printed.get(platformMessageId);
    const changed = before ? lines.filter((line, i) => line !== before[i]) : lines;
    return this.print(
      `${where} now reads`,
      changed.length > 0 ? changed : ['(unchanged)'],
      platformMessageId,
      lines,
    );
  }

  private nextId(): string {
    return storedId(`console-${++this.sequence}`);
  }

  private print(where: string, shown: string[], existingId?: string, whole = shown): Promise<PostResult> {
    this.output.write(`  ⇒ ${where}:\n${shown.map((line) => `    ${line}`).join('\n')}\n`);
    const id = existingId ?? this.nextId();
    this.printed.delete(id);
    this.printed.set(id, whole);
    if (this.printed.size > REMEMBERED_POSTS) {
      const oldest = this.printed.keys().next();
      if (!oldest.done) this.printed.delete(oldest.value);
    }
    return Promise.resolve({ ok: true, platformMessageId: id });
  }
}

const channelOf = (target: ChannelTarget) =>
  `#${target.channelName || target.channelId} in ${target.communityExternalId}`;

/**
 * A relayed message shows who wrote it and from which town, and the names of its files: a
 * terminal cannot show them, and their links open only for members of the origin (a Slack
 * login) or for a day (Discord's CDN).
 */
function shownLines(message: OutgoingMessage): string[] {
  const files = (message.attachments ?? []).map((file) => `[file: ${file.name}]`);
  const lines = [...message.text.split('\n'), ...files];
  if (!message.author) return lines;
  const [first = '', ...rest] = lines;
  return [`${message.author.name} (${message.author.town}): ${first}`, ...rest];
}
