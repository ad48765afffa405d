/**
 * Members' messages in Slack channels, for the relay (docs/RELAY.md): the `message` events of
 * public and private channels (`message.channels`, `message.groups`) become the InboundPort's
 * messageArrived / messageEdited / messageDeleted.
 *
 * - Only people's messages: anything with a `bot_id` (our own copies included, and their edits)
 *   and every subtype but a thread broadcast or a file share is dropped. Deletes are passed on
 *   whoever wrote the message: a moderator removing a copy removes it everywhere.
 * - Text: mrkdwn to the neutral markdown (slack-markdown.ts), mentions as names (readable-text.ts).
 * - Files: linked by name and `url_private`, which needs the workspace's token to open; the
 *   re-upload that would make them readable elsewhere is not built yet.
 * - Order: the events of one channel are handled one after another, from before the event-id
 *   check on, so a slow check cannot let a later message overtake an earlier one.
 */
import type { App, webApi } from '@slack/bolt';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { KeyedSerialQueue } from '../../core/async/keyed-serial-queue.ts';
import type { DeadlineTimer } from '../../core/async/deadline.ts';
import type { Logger } from '../../core/ports.ts';
import type { RelayAttachment, RelayAuthor } from '../../core/relay/relay-ports.ts';
import { readableText } from './readable-text.ts';
import type { SlackProfiles } from './slack-profiles.ts';
import { mrkdwnToNeutral } from './slack-markdown.ts';

type WebClient = webApi.WebClient;

/** The fields of a message event (or of the message inside message_changed) the relay reads. */
interface SlackMessage {
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
  files?: { name?: string; title?: string; url_private?: string; size?: number; mimetype?: string }[];
  message?: SlackMessage;
  previous_message?: SlackMessage;
}

/** Subtypes that are a member writing; others (joins, topic changes, bots) are not relayed. */
const WRITTEN = new Set([undefined, 'thread_broadcast', 'file_share']);
/** Channels that can be linked: public (channel) and private (group); not direct messages. */
const RELAYABLE_CHANNELS = new Set(['channel', 'group']);

export interface SlackMessagesParts {
  inbound: InboundPort;
  profiles: SlackProfiles;
  logger: Logger;
  timer?: DeadlineTimer | undefined;
}

/** The queue key of a message event's channel, or undefined for any other request. */
export function messageChannelKey(body: unknown): string | undefined {
  const envelope = body as { type?: unknown; team_id?: unknown; event?: SlackMessage };
  if (envelope.type !== 'event_callback' || envelope.event?.type !== 'message') return undefined;
  return `${String(envelope.team_id)}:${envelope.event.channel ?? ''}`;
}

export class SlackMessages {
  private readonly queue = new KeyedSerialQueue();

  constructor(private readonly parts: SlackMessagesParts) {}

  /** Runs one channel's requests in the order they came (a middleware before the event-id check). */
  inOrder(key: string, work: () => Promise<void>): Promise<void> {
    return this.queue.run(key, work);
  }

  /** Resolves once the messages under way were handed to the core. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  attach(app: App): void {
    app.event('message', async ({ event, body, client }) => {
      const teamId = (body as { team_id?: string }).team_id ?? '';
      await this.handle(client, teamId, event as SlackMessage);
    });
  }

  private async handle(client: WebClient, teamId: string, event: SlackMessage): Promise<void> {
    const channelId = event.channel ?? '';
    if (!RELAYABLE_CHANNELS.has(event.channel_type ?? '') || !channelId) return;
    const source = { platform: 'SLACK' as const, communityExternalId: teamId, channelId };
    if (event.subtype === 'message_deleted') {
      const messageId = event.deleted_ts ?? event.previous_message?.ts;
      if (messageId) await this.parts.inbound.messageDeleted({ ...source, messageId });
      return;
    }
    if (event.subtype === 'message_changed') {
      const changed = event.message;
      // Only a person's own edit: not a bot's (our copies), nor Slack adding a preview or a reply count.
      if (!changed?.ts || !changed.edited?.ts || !isPersonWriting(changed)) return;
      const content = await this.content(client, teamId, changed);
      await this.parts.inbound.messageEdited({
        ...source,
        messageId: changed.ts,
        editId: changed.edited.ts,
        ...content,
      });
      return;
    }
    if (!isPersonWriting(event) || !event.ts) return;
    const content = await this.content(client, teamId, event);
    await this.parts.inbound.messageArrived({
      ...source,
      messageId: event.ts,
      ...content,
      ...(event.thread_ts && event.thread_ts !== event.ts ? { inReplyTo: event.thread_ts } : {}),
    });
  }

  /** The author, text and files of a message as the core takes them. */
  private async content(
    client: WebClient,
    teamId: string,
    message: SlackMessage,
  ): Promise<{ author: RelayAuthor; text: string; attachments?: RelayAttachment[] }> {
    const userId = message.user ?? '';
    const { profiles, logger, timer } = this.parts;
    const [who, text] = await Promise.all([
      profiles.author(client, teamId, userId),
      readableText(mrkdwnToNeutral(message.text ?? ''), {
        client,
        teamId,
        locale: undefined,
        profiles,
        logger,
        timer,
      }),
    ]);
    const attachments = (message.files ?? []).flatMap((file) =>
      file.url_private
        ? [
            {
              name: file.name ?? file.title ?? 'file',
              url: file.url_private,
              bytes: file.size ?? 0,
              ...(file.mimetype ? { contentType: file.mimetype } : {}),
            },
          ]
        : [],
    );
    return {
      author: { userId, ...who },
      text,
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  }
}

function isPersonWriting(message: SlackMessage): boolean {
  return message.bot_id === undefined && message.user !== undefined && WRITTEN.has(message.subtype);
}
