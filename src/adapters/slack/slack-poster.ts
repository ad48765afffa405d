/**
 * Posting for the core's outbox worker: chat.postMessage, conversations.open + postMessage for
 * direct messages, chat.update for edits, chat.delete for removals. A relayed copy (a message
 * with an author) goes out under the author's name and picture, in the thread asked for
 * (relayed-copy.ts); it carries its delivery id like every post, so a lost answer gives one copy.
 * Its files follow it as the bot's message with them (slack-files.ts).
 *
 * Retries are the worker's, not this poster's: it never sleeps or loops on a failure. A 429 comes
 * back as `retryable` with Slack's Retry-After as `retryAfterMs` (the worker waits it out, holding
 * further posts to that channel, or reschedules the delivery durably, with backoff and a bound on
 * attempts); 5xx, timeouts and network errors come back as `retryable` without a wait. One place
 * deciding keeps the waits from stacking up and lets the pacing of the channel see every 429.
 *
 * Duplicates. Slack has no idempotency key, so every post carries the delivery id in message
 * metadata and is recorded in SlackPost: before the call (attempt started), and after it (ts).
 * A later attempt for the same delivery returns the recorded ts without posting; after an
 * attempt whose outcome is unknown (timeout, 5xx, crash) it first looks for the bot's message with
 * that metadata in the channel's recent history, and posts only when it is not there. While Slack
 * cannot answer that lookup (5xx, timeout, 429) the attempt ends retryable without posting: a
 * post made blind then could double one whose answer was lost. Without the history scopes the
 * lookup fails for good and the post goes out again: at least once, never silently lost.
 *
 * Timeouts. The posting client has no retries of its own and a 10 s timeout per call, so one
 * attempt makes at most three calls (conversations.open, history, post) and ends within the
 * outbox's send timeout (30 s). If the outbox stops waiting first, the attempt is `abandoned`:
 * it starts no post or edit after that, since the retry may already be under way.
 */
import type { webApi } from '@slack/bolt';
import type {
  Abandoned,
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  Logger,
  OutgoingMessage,
  PostResult,
} from '../../core/ports.ts';
import { renderOutgoing, type SlackMessageBody } from './block-kit.ts';
import type { UploadLimits } from '../../core/relay/attachment-files.ts';
import { relayedCopyBody, WorkspaceScopes } from './relayed-copy.ts';
import type { SlackPostLedger, WorkspaceClients } from './slack-ports.ts';
import { classifySlackError, slackFailure, unavailableChannel } from './slack-errors.ts';
import { SlackFileShares } from './slack-files.ts';
import { SlackReactionPoster } from './slack-reaction-poster.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { directMessageRef, readDirectMessageRef } from '../shared/direct-message-ref.ts';

type WebClient = webApi.WebClient;

/** The metadata event type that marks the bot's posts with their delivery id. */
export const DELIVERY_METADATA_TYPE = 'twinbridge_delivery';

export interface SlackPosterOptions {
  now?: () => Date;
  /** The workspaces' granted scopes, shared with the router (one warning per missing scope). */
  scopes?: WorkspaceScopes;
}

/** What an attempt the outbox stopped waiting for answers instead of posting. */
const ABANDONED: PostResult = {
  ok: false,
  retryable: true,
  reason: 'the outbox stopped waiting for this attempt; not posted',
};

/** What the channel's history says of an earlier attempt. */
type EarlierAttempt = { ts: string } | { absent: true } | { unknown: Extract<PostResult, { ok: false }> };

function payloadDeliveryId(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null
    ? (payload as Record<string, unknown>)['delivery_id']
    : undefined;
}

/**
 * What a relayed copy uploads: Slack takes files of up to 1 GB; the bot holds at most 25 MiB
 * and 10 files per copy in memory while it uploads them, and links the rest.
 */
export const SLACK_UPLOAD_LIMITS: UploadLimits = {
  fileBytes: 1024 * 1024 * 1024,
  copyBytes: 25 * 1024 * 1024,
  files: 10,
};

export class SlackPoster implements ChannelPoster {
  readonly platform = 'SLACK' as const;
  private readonly now: () => Date;
  private readonly scopes: WorkspaceScopes;
  private readonly reactions: SlackReactionPoster;
  private readonly files: SlackFileShares;

  constructor(
    private readonly workspaces: WorkspaceClients,
    private readonly ledger: SlackPostLedger,
    private readonly logger: Logger,
    options: SlackPosterOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.scopes = options.scopes ?? new WorkspaceScopes(logger);
    this.reactions = new SlackReactionPoster(workspaces);
    this.files = new SlackFileShares(slackFailure, logger);
  }

  async post(
    target: ChannelTarget,
    message: OutgoingMessage,
    deliveryId: string,
    abandoned?: Abandoned,
    placement?: { threadMessageId?: string },
  ): Promise<PostResult> {
    const client = await this.workspaces.clientFor(target.communityExternalId);
    if ('unavailable' in client) return unavailableChannel(client);
    const where = {
      teamId: target.communityExternalId,
      channelId: target.channelId,
      threadTs: placement?.threadMessageId,
    };
    const uploads = message.uploads ?? [];
    if (uploads.length === 0) return this.deliver(client, where, message, deliveryId, abandoned);
    // A copy an earlier attempt posted may have had its files shared too (slack-files.ts).
    const before = await this.ledger.find(deliveryId);
    const copy = await this.deliver(client, where, message, deliveryId, abandoned);
    if (!copy.ok) return copy;
    if (abandoned?.aborted) return ABANDONED;
    const place = {
      channelId: target.channelId,
      threadTs: where.threadTs,
      copyTs: copy.platformMessageId,
      earlierAttempt: before.state !== 'not-posted',
    };
    const uploaded = (fileIds: string[]) => this.ledger.filesUploaded(deliveryId, fileIds);
    return (await this.files.share(client, place, uploads, uploaded)) ?? copy;
  }

  /** Nothing is uploaded to a workspace that has not granted files:write (installed before it). */
  async uploadLimits(target: ChannelTarget): Promise<UploadLimits | undefined> {
    const client = await this.workspaces.clientFor(target.communityExternalId);
    if ('unavailable' in client) return SLACK_UPLOAD_LIMITS;
    const scopes = await this.scopes.of(client, target.communityExternalId);
    return scopes && !scopes.has('files:write') ? undefined : SLACK_UPLOAD_LIMITS;
  }

  async sendDirect(
    target: DirectTarget,
    message: OutgoingMessage,
    deliveryId: string,
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    const client = await this.directClient(target);
    if (!('chat' in client)) return client;
    const record = await this.ledger.find(deliveryId);
    if (record.state === 'posted')
      return { ok: true, platformMessageId: directMessageRef(record.channelId, record.ts) };
    const channelId = await this.openDirect(client, target.userId);
    if (typeof channelId !== 'string') return channelId;
    const where = { teamId: target.communityExternalId, channelId };
    const result = await this.deliver(client, where, message, deliveryId, abandoned);
    return result.ok
      ? { ok: true, platformMessageId: directMessageRef(channelId, result.platformMessageId) }
      : { ...result, channelBroken: false };
  }

  /** chat.update in the IM channel its ref names (a bare ts: the person's IM, opened again). */
  async editDirect(
    target: DirectTarget,
    ref: string,
    message: OutgoingMessage,
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    const client = await this.directClient(target);
    if (!('chat' in client)) return client;
    const { conversationId, messageId } = readDirectMessageRef(ref);
    const channelId = conversationId ?? (await this.openDirect(client, target.userId));
    if (typeof channelId !== 'string') return channelId;
    if (abandoned?.aborted) return ABANDONED;
    const edited = await this.update(client, channelId, messageId, renderOutgoing(message));
    return edited.ok ? { ok: true, platformMessageId: ref } : { ...edited, channelBroken: false };
  }

  /** The workspace's client for a direct message, or why there is none (never a broken channel). */
  private async directClient(target: DirectTarget): Promise<WebClient | PostResult> {
    const client = await this.workspaces.clientFor(target.communityExternalId);
    return 'unavailable' in client
      ? { ok: false, retryable: client.retryable, reason: client.unavailable }
      : client;
  }

  /** The IM channel with a person, or why there is none. */
  private async openDirect(client: WebClient, userId: string): Promise<string | PostResult> {
    try {
      const opened = await client.conversations.open({ users: userId });
      const channelId = opened.channel?.id ?? '';
      if (!channelId) return { ok: false, retryable: true, reason: 'conversations.open gave no channel' };
      return channelId;
    } catch (error) {
      const { result } = classifySlackError(error);
      // channelBroken only applies to channel links; a person who cannot be reached is a plain failure.
      return { ok: false, retryable: result.retryable && !result.channelBroken, reason: result.reason };
    }
  }

  async edit(
    target: ChannelTarget,
    platformMessageId: string,
    message: OutgoingMessage,
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    const client = await this.workspaces.clientFor(target.communityExternalId);
    if ('unavailable' in client) return unavailableChannel(client);
    // A late edit could land after the next one and show the older card.
    const rendered = await this.render(client, target.communityExternalId, message);
    if (abandoned?.aborted) return ABANDONED;
    // A copy keeps the name it was posted under: chat.update takes no username.
    const body = message.author ? { text: rendered.text } : rendered;
    return this.update(client, target.channelId, platformMessageId, body);
  }

  private async update(
    client: WebClient,
    channel: string,
    ts: string,
    body: SlackMessageBody,
  ): Promise<PostResult> {
    try {
      await client.chat.update({ channel, ts, ...body });
      return { ok: true, platformMessageId: ts };
    } catch (error) {
      return slackFailure(error);
    }
  }

  /** Removes the message and the files uploaded after it (a relayed copy's). */
  async remove(target: ChannelTarget, platformMessageId: string): Promise<PostResult> {
    const client = await this.workspaces.clientFor(target.communityExternalId);
    if ('unavailable' in client) return unavailableChannel(client);
    try {
      await client.chat.delete({ channel: target.channelId, ts: platformMessageId });
    } catch (error) {
      // Removed already, which is what was asked (its files are removed below all the same).
      if ((error as { data?: { error?: unknown } }).data?.error !== 'message_not_found') {
        return slackFailure(error);
      }
    }
    const files = await this.ledger.filesAfter(target.channelId, platformMessageId);
    return (await this.files.remove(client, files)) ?? { ok: true, platformMessageId };
  }

  /** The reactions a relayed message has on its other sides, as the bot's own (slack-reaction-poster.ts). */
  react(
    target: ChannelTarget,
    platformMessageId: string,
    reactions: readonly ReactionTally[],
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    return this.reactions.react(target, platformMessageId, reactions, abandoned);
  }

  private async deliver(
    client: WebClient,
    { teamId, channelId, threadTs }: { teamId: string; channelId: string; threadTs?: string | undefined },
    message: OutgoingMessage,
    deliveryId: string,
    abandoned: Abandoned | undefined,
  ): Promise<PostResult> {
    const record = await this.ledger.find(deliveryId);
    if (record.state === 'posted') return { ok: true, platformMessageId: record.ts };
    if (record.state === 'uncertain') {
      const earlier = await this.findPosted(client, record.channelId, deliveryId, record.since, threadTs);
      if ('unknown' in earlier) return earlier.unknown;
      if ('ts' in earlier) {
        await this.ledger.posted(deliveryId, record.channelId, earlier.ts);
        this.logger.info(
          { delivery: deliveryId, channel: record.channelId, ts: earlier.ts },
          'Slack post found after an uncertain attempt',
        );
        return { ok: true, platformMessageId: earlier.ts };
      }
    }
    let body = await this.render(client, teamId, message);
    for (;;) {
      if (abandoned?.aborted) {
        this.logger.info(
          { delivery: deliveryId, channel: channelId },
          'Slack post abandoned by the outbox (send timeout): not posted',
        );
        return ABANDONED;
      }
      await this.ledger.begin(deliveryId, teamId, channelId, this.now());
      try {
        const posted = await client.chat.postMessage({
          channel: channelId,
          ...body,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DELIVERY_METADATA_TYPE, event_payload: { delivery_id: deliveryId } },
        });
        const ts = posted.ts ?? '';
        await this.ledger.posted(deliveryId, posted.channel ?? channelId, ts);
        return { ok: true, platformMessageId: ts };
      } catch (error) {
        const outcome = classifySlackError(error);
        if (outcome.certain) await this.ledger.notPosted(deliveryId);
        if (outcome.code === 'invalid_blocks' && body.blocks) {
          // Better a plain message than none; the blocks are a bug to fix.
          this.logger.error(
            { delivery: deliveryId, channel: channelId },
            'Slack refused the blocks; posting text only',
          );
          body = { text: body.text };
          continue;
        }
        return outcome.rateLimitedMs !== undefined
          ? { ...outcome.result, retryAfterMs: outcome.rateLimitedMs }
          : outcome.result;
      }
    }
  }

  /** A card or announcement in Block Kit; a relayed copy under its author's name where the scope allows. */
  private async render(
    client: WebClient,
    teamId: string,
    message: OutgoingMessage,
  ): Promise<SlackMessageBody & { username?: string; icon_url?: string }> {
    if (!message.author) return renderOutgoing(message);
    const scopes = await this.scopes.of(client, teamId);
    const customNames = scopes === undefined || scopes.has('chat:write.customize');
    return relayedCopyBody({ ...message, author: message.author }, { customNames });
  }

  /**
   * The bot's message carrying this delivery id, posted since `since`, if Slack shows one: in the
   * channel's history, or for a post in a thread among the thread's replies (history leaves them out).
   */
  private async findPosted(
    client: WebClient,
    channelId: string,
    deliveryId: string,
    since: Date,
    threadTs: string | undefined,
  ): Promise<EarlierAttempt> {
    try {
      const window = {
        channel: channelId,
        oldest: String(Math.floor(since.getTime() / 1000) - 60),
        limit: 100,
        include_all_metadata: true,
      };
      const history = threadTs
        ? await client.conversations.replies({ ...window, ts: threadTs })
        : await client.conversations.history(window);
      const found = history.messages?.find(
        (m) =>
          m.metadata?.event_type === DELIVERY_METADATA_TYPE &&
          payloadDeliveryId(m.metadata.event_payload) === deliveryId,
      );
      return found?.ts ? { ts: found.ts } : { absent: true };
    } catch (error) {
      const { result, rateLimitedMs } = classifySlackError(error);
      const context = { delivery: deliveryId, channel: channelId, err: error };
      if (!result.retryable) {
        this.logger.warn(context, 'could not check Slack history for an earlier attempt; posting again');
        return { absent: true };
      }
      this.logger.info(context, 'Slack did not answer the history lookup; trying the delivery again later');
      return {
        unknown: {
          ...result,
          reason: `history lookup: ${result.reason}`,
          ...(rateLimitedMs !== undefined ? { retryAfterMs: rateLimitedMs } : {}),
        },
      };
    }
  }
}
