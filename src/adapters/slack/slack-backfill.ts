/**
 * Reading a Slack channel back after the bot was down (docs/RELAY.md, "Backfill"): its history
 * newest first (`conversations.history` with `oldest`, then `latest`), and its threads
 * (`conversations.replies`, one page of 100 each): those whose parent read back has a
 * `latest_reply` newer than the relay knows, and those holding replies the relay relayed (a
 * parent's `latest_reply` does not move on an edit). Thread replies are not in a channel's history
 * (it shows only the replies also sent to the channel). What is relayed, edited and deleted is
 * decided in the core (relay/backfill*.ts); the live filter and text conversion apply.
 */
import type { webApi } from '@slack/bolt';
import type { InboundPort } from '../../core/adapter-contract.ts';
import type { Logger } from '../../core/ports.ts';
import {
  BACKFILL_MAX_AGE_MS,
  readFloor,
  type BackfillWindow,
  type HistoryEntry,
} from '../../core/relay/backfill.ts';
import { backfillChannel, type ThreadReader } from '../../core/relay/backfill-channel.ts';
import type { ThreadPage, ThreadTarget } from '../../core/relay/backfill-threads.ts';
import type { RelayResumePoint, RelaySource } from '../../core/relay/relay-ports.ts';
import {
  isPersonWriting,
  tsOrder,
  tsString,
  type SlackMessage,
  type SlackMessageContent,
} from './slack-message-fields.ts';

type WebClient = webApi.WebClient;

/** Messages per page of conversations.history and .replies (Slack advises at most 200). */
const HISTORY_PAGE = 100;

/** What reading back takes from the live handling: its view of a message, and its arrival. */
export interface SlackBackfillParts {
  inbound: InboundPort;
  logger: Logger;
  content: (
    client: WebClient,
    teamId: string,
    message: SlackMessage,
    channelId: string,
  ) => Promise<SlackMessageContent>;
  arrived: (client: WebClient, source: RelaySource, message: SlackMessage) => Promise<void>;
}

export async function readBack(
  parts: SlackBackfillParts,
  client: WebClient,
  point: RelayResumePoint,
  now: Date,
): Promise<void> {
  const window = windowOf(point, now);
  const source = {
    platform: 'SLACK' as const,
    communityExternalId: point.communityExternalId,
    channelId: point.channelId,
  };
  const relay = {
    edited: async ({ message, editId }: HistoryEntry<SlackMessage>) => {
      const content = await parts.content(client, source.communityExternalId, message, source.channelId);
      const messageId = message.ts ?? '';
      await parts.inbound.messageEdited({ ...source, messageId, editId: editId ?? '', ...content });
    },
    deleted: (messageId: string) => parts.inbound.messageDeleted({ ...source, messageId }),
    arrived: async (message: SlackMessage) => {
      await parts.arrived(client, source, message);
      return true;
    },
    place: (message: SlackMessage) => ({ id: message.ts ?? '', order: tsOrder(message.ts ?? '0') }),
  };
  const threads: ThreadReader<SlackMessage> = {
    withNewer: (plan) =>
      Promise.resolve(plan.threads.map((parent) => ({ id: parent.messageId, order: parent.order }))),
    read: (target) => threadPage(client, point.channelId, target),
  };
  const oldest = tsString(readFloor(window));
  await backfillChannel(newestFirst(client, point.channelId, oldest), window, threads, relay, {
    logger: parts.logger,
    platform: 'SLACK',
    channel: point.channelId,
  });
}

/** What the relay knows of the channel, in ts order (microseconds). */
function windowOf(point: RelayResumePoint, now: Date): BackfillWindow {
  return {
    newestKnown: point.knownMessageIds.map(tsOrder).reduce((a, b) => (a > b ? a : b), 0n),
    ageBound: BigInt(now.getTime() - BACKFILL_MAX_AGE_MS) * 1000n,
    oldestCopy: point.oldestRecentCopyIds
      .map(tsOrder)
      .reduce<bigint | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined),
    // A reply stays in its thread (history shows it only when it was also sent to the channel):
    // it is looked for there. One recorded before its thread's parent was kept is looked for nowhere.
    originals: point.originals.map((original) => {
      const parent = original.inReplyTo;
      return {
        ...original,
        order: tsOrder(original.messageId),
        inHistory: parent === null && !original.inThread,
        ...(parent === null ? {} : { thread: { id: parent, order: tsOrder(parent) } }),
      };
    }),
  };
}

/** A message of the history as the backfill weighs it; a deleted parent's tombstone is not there. */
function entriesOf(page: readonly SlackMessage[]): HistoryEntry<SlackMessage>[] {
  return page.flatMap((message) =>
    message.ts && message.subtype !== 'tombstone'
      ? [
          {
            message,
            messageId: message.ts,
            order: tsOrder(message.ts),
            editId: message.edited?.ts,
            members: isPersonWriting(message),
            latestReply: message.latest_reply ? tsOrder(message.latest_reply) : undefined,
          },
        ]
      : [],
  );
}

/**
 * One page of a thread after `target.after` (conversations.replies: the parent, then the replies
 * oldest first): read completely from there, up to its newest message when Slack has more.
 */
async function threadPage(
  client: WebClient,
  channel: string,
  target: ThreadTarget,
): Promise<ThreadPage<SlackMessage>> {
  const answer = await client.conversations.replies({
    channel,
    ts: target.threadId,
    oldest: tsString(target.after),
    limit: HISTORY_PAGE,
  });
  const entries = entriesOf(answer.messages ?? []);
  const newest = entries.reduce<bigint | undefined>(
    (a, e) => (a === undefined || e.order > a ? e.order : a),
    undefined,
  );
  return {
    threadId: target.threadId,
    entries,
    completeFrom: target.after + 1n,
    completeTo: answer.has_more ? newest : undefined,
  };
}

/** A channel's top-level messages after `oldest`, newest first, a page at a time. */
async function* newestFirst(
  client: WebClient,
  channel: string,
  oldest: string,
): AsyncGenerator<HistoryEntry<SlackMessage>[]> {
  let latest: string | undefined;
  for (;;) {
    const answer = await client.conversations.history({
      channel,
      oldest,
      limit: HISTORY_PAGE,
      ...(latest ? { latest } : {}),
    });
    const page = (answer.messages ?? []) as SlackMessage[];
    if (page.length > 0) yield entriesOf(page);
    latest = page.at(-1)?.ts;
    if (!answer.has_more || !latest) return;
  }
}
