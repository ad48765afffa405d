/**
 * Members' messages in Slack channels, for the relay (docs/RELAY.md): the `message` events of
 * public and private channels (`message.channels`, `message.groups`) become the InboundPort's
 * messageArrived / messageEdited / messageDeleted.
 *
 * - Only people's messages: anything with a `bot_id` (our own copies included, and their edits)
 *   and every subtype but a thread broadcast or a file share is dropped. Deletes are passed on
 *   whoever wrote the message: a moderator removing a copy removes it everywhere.
 * - Text: mrkdwn to the neutral markdown (slack-markdown.ts), mentions as names (readable-text.ts).
 * - Files: by id, to be read again with the workspace's token when their copies are sent
 *   (slack-files.ts), and linked by their permalink when they cannot be copied.
 * - Order: the events of one channel are handled one after another, from before the event-id
 *   check on, so a slow check cannot let a later message overtake an earlier one.
 * - Reactions (`reaction_added` / `reaction_removed` on messages, scope reactions:read) go in
 *   the same order as reactionChanged, whoever wrote the message. The bot's own (the mirrored
 *   ones) never get here: Bolt's ignoreSelf, on by default, drops events by the bot's user. The
 *   emoji name becomes the relay's key (emoji-names.ts).
 */
import type { App, webApi } from '@slack/bolt';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { KeyedSerialQueue } from '../../core/async/keyed-serial-queue.ts';
import type { DeadlineTimer } from '../../core/async/deadline.ts';
import type { Logger } from '../../core/ports.ts';
import type { RelayAttachment, RelayResumePoint, RelaySource } from '../../core/relay/relay-ports.ts';
import { readableText } from './readable-text.ts';
import { readBack, type SlackBackfillParts } from './slack-backfill.ts';
import { isPersonWriting, type SlackMessage, type SlackMessageContent } from './slack-message-fields.ts';
import type { WorkspaceClients } from './slack-ports.ts';
import type { SlackProfiles } from './slack-profiles.ts';
import { mrkdwnToNeutral } from './slack-markdown.ts';
import { slackEmojiKey } from '../shared/emoji-names.ts';

type WebClient = webApi.WebClient;

/** Channels that can be linked: public (channel) and private (group); not direct messages. */
const RELAYABLE_CHANNELS = new Set(['channel', 'group']);

export interface SlackMessagesParts {
  inbound: InboundPort;
  profiles: SlackProfiles;
  logger: Logger;
  timer?: DeadlineTimer | undefined;
}

/** reaction_added and reaction_removed (docs.slack.dev/reference/events/reaction_added). */
interface SlackReactionEvent {
  type: string;
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
}

const REACTION_EVENTS = new Set(['reaction_added', 'reaction_removed']);

/** The queue key of a message or reaction event's channel, or undefined for any other request. */
export function messageChannelKey(body: unknown): string | undefined {
  const envelope = body as { type?: unknown; team_id?: unknown; event?: SlackMessage & SlackReactionEvent };
  if (envelope.type !== 'event_callback' || !envelope.event) return undefined;
  const { event } = envelope;
  if (event.type === 'message') return `${String(envelope.team_id)}:${event.channel ?? ''}`;
  if (REACTION_EVENTS.has(event.type ?? ''))
    return `${String(envelope.team_id)}:${event.item?.channel ?? ''}`;
  return undefined;
}

export class SlackMessages {
  private readonly queue = new KeyedSerialQueue();
  private readonly backfillParts: SlackBackfillParts;

  constructor(private readonly parts: SlackMessagesParts) {
    this.backfillParts = {
      inbound: parts.inbound,
      logger: parts.logger,
      content: (client, teamId, message, channelId) => this.content(client, teamId, message, channelId),
      arrived: (client, source, message) => this.arrived(client, source, message),
    };
  }

  /** Runs one channel's requests in the order they came (a middleware before the event-id check). */
  inOrder(key: string, work: () => Promise<void>): Promise<void> {
    return this.queue.run(key, work);
  }

  /** Resolves once the messages under way were handed to the core. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Reads back what members wrote in relaying channels while the bot was down (docs/RELAY.md,
   * "Backfill"). Called before the connection starts: each channel's reading is first in that
   * channel's queue, so its live events wait behind it (a message both read back and received
   * live is recorded once by the relay), and it starts once `connected` says Slack is reachable.
   * Thread replies are not in a channel's history (conversations.history leaves them out): their
   * threads are read (slack-backfill.ts).
   */
  backfill(
    workspaces: WorkspaceClients,
    points: readonly RelayResumePoint[],
    connected: Promise<boolean>,
    now: Date,
  ): void {
    for (const point of points) {
      const key = `${point.communityExternalId}:${point.channelId}`;
      void this.queue
        .run(key, async () => {
          if (!(await connected)) return;
          const client = await workspaces.clientFor(point.communityExternalId);
          if ('unavailable' in client) {
            this.parts.logger.warn(
              { team: point.communityExternalId, reason: client.unavailable },
              'relay backfill: cannot read the channel',
            );
            return;
          }
          await readBack(this.backfillParts, client, point, now);
        })
        .catch((error: unknown) => {
          this.parts.logger.warn(
            { err: error, channel: point.channelId },
            'relay backfill: could not read back',
          );
        });
    }
  }

  attach(app: App): void {
    app.event('message', async ({ event, body, client }) => {
      const teamId = (body as { team_id?: string }).team_id ?? '';
      await this.handle(client, teamId, event as SlackMessage);
    });
    for (const name of ['reaction_added', 'reaction_removed'] as const) {
      app.event(name, async ({ event, body }) => {
        const teamId = (body as { team_id?: string }).team_id ?? '';
        await this.reacted(teamId, event, name === 'reaction_added');
      });
    }
  }

  private async reacted(teamId: string, event: SlackReactionEvent, added: boolean): Promise<void> {
    const { item, user, reaction } = event;
    if (item?.type !== 'message' || !item.channel || !item.ts || !user || !reaction) return;
    await this.parts.inbound.reactionChanged({
      platform: 'SLACK',
      communityExternalId: teamId,
      channelId: item.channel,
      messageId: item.ts,
      userId: user,
      emoji: slackEmojiKey(reaction, teamId),
      added,
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
      const content = await this.content(client, teamId, changed, channelId);
      await this.parts.inbound.messageEdited({
        ...source,
        messageId: changed.ts,
        editId: changed.edited.ts,
        ...content,
      });
      return;
    }
    await this.arrived(client, source, event);
  }

  /** A member's message, live or read back from the channel's history. */
  private async arrived(client: WebClient, source: RelaySource, message: SlackMessage): Promise<void> {
    if (!isPersonWriting(message) || !message.ts) return;
    const content = await this.content(client, source.communityExternalId, message, source.channelId);
    await this.parts.inbound.messageArrived({
      ...source,
      messageId: message.ts,
      ...content,
      ...(message.thread_ts && message.thread_ts !== message.ts ? { inReplyTo: message.thread_ts } : {}),
      // Read back after an edit: its copies carry that edit.
      ...(message.edited?.ts ? { editId: message.edited.ts } : {}),
    });
  }

  /** The author, text and files of a message as the core takes them. */
  private async content(
    client: WebClient,
    teamId: string,
    message: SlackMessage,
    channelId: string,
  ): Promise<SlackMessageContent> {
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
    const attachments = (message.files ?? []).flatMap((file): RelayAttachment[] => {
      const link = file.permalink ?? file.url_private;
      if (!link) return [];
      const origin = file.id
        ? {
            origin: {
              platform: 'SLACK' as const,
              communityExternalId: teamId,
              channelId,
              messageId: message.ts ?? '',
              fileId: file.id,
            },
          }
        : {};
      return [
        {
          name: file.name ?? file.title ?? 'file',
          url: link,
          bytes: file.size ?? 0,
          ...(file.mimetype ? { contentType: file.mimetype } : {}),
          ...origin,
        },
      ];
    });
    return {
      author: { userId, ...who },
      text,
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  }
}
