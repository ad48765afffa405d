/**
 * Reading a Discord channel back after the bot was down (docs/RELAY.md, "Backfill"): its history
 * newest first with `before` (with `after` Discord answers with the oldest messages after the id,
 * and the newest are the ones kept when there are too many), and its threads, the newest page of
 * each: the active threads with messages newer than the relay knows, and the threads holding
 * messages the relay relayed, archived ones among them (List Active Guild Threads leaves those out;
 * they are fetched by id, and their messages can still be read). What is relayed, edited and
 * deleted is decided in the core (relay/backfill*.ts); the router's own filter and text conversion
 * apply, as live.
 */
import {
  SnowflakeUtil,
  type AnyThreadChannel,
  type Client,
  type GuildTextBasedChannel,
  type Message,
} from 'discord.js';
import type { InboundPort } from '../../core/adapter-contract.ts';
import type { Logger } from '../../core/ports.ts';
import {
  BACKFILL_MAX_AGE_MS,
  readFloor,
  type BackfillWindow,
  type HistoryEntry,
} from '../../core/relay/backfill.ts';
import { backfillChannel, type ThreadReader } from '../../core/relay/backfill-channel.ts';
import type { ArrivedMessage, RelayResumePoint } from '../../core/relay/relay-ports.ts';
import { messageRef, parseMessageRef } from './relay-copy.ts';

/** Discord's largest page of channel messages. */
const HISTORY_PAGE = 100;

/** What reading back takes from the router: its filter and its view of a message. */
export interface BackfillParts {
  inbound: InboundPort;
  logger: Logger;
  relayable: (message: Message<true>) => boolean;
  describe: (message: Message<true>) => Omit<ArrivedMessage, 'editId'> | undefined;
}

export async function readBack(
  parts: BackfillParts,
  client: Client,
  point: RelayResumePoint,
  now: Date,
): Promise<void> {
  const channel = await client.channels.fetch(point.channelId);
  if (!channel?.isTextBased() || channel.isDMBased()) return;
  const window = windowOf(point, now);
  const where = {
    platform: 'DISCORD',
    communityExternalId: point.communityExternalId,
    channelId: point.channelId,
  } as const;
  const relay = {
    edited: async (entry: HistoryEntry<Message<true>>) => {
      const edited = parts.describe(entry.message);
      if (edited && entry.editId) await parts.inbound.messageEdited({ ...edited, editId: entry.editId });
    },
    deleted: (messageId: string) => parts.inbound.messageDeleted({ ...where, messageId }),
    arrived: async (message: Message<true>) => {
      const arrived = parts.describe(message);
      if (!arrived) return false;
      const editId = message.editedTimestamp ? String(message.editedTimestamp) : undefined;
      await parts.inbound.messageArrived({ ...arrived, ...(editId ? { editId } : {}) });
      return true;
    },
    place: (message: Message<true>) => ({ id: message.id, order: BigInt(message.id) }),
  };
  await backfillChannel(
    newestFirst(channel.messages, readFloor(window), (message) => entryOf(parts, message, undefined)),
    window,
    threadReader(parts, client, channel, window),
    relay,
    { logger: parts.logger, platform: 'DISCORD', channel: point.channelId },
  );
}

/** What the relay knows of the channel, in snowflake order (snowflakes grow with time). */
function windowOf(point: RelayResumePoint, now: Date): BackfillWindow {
  return {
    newestKnown: point.knownMessageIds
      .map((ref) => BigInt(parseMessageRef(ref).messageId))
      .reduce((a, b) => (a > b ? a : b), 0n),
    ageBound: SnowflakeUtil.generate({ timestamp: now.getTime() - BACKFILL_MAX_AGE_MS }),
    // A copy in a thread is not in the channel's history.
    oldestCopy: point.oldestRecentCopyIds
      .filter((ref) => parseMessageRef(ref).threadId === undefined)
      .map((ref) => BigInt(ref))
      .reduce<bigint | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined),
    // A message in a thread is not in its channel's history: its edits and removal show in the
    // thread, whose id its own carries (a thread's id is never newer than its messages').
    originals: point.originals.map((original) => {
      const { messageId, threadId } = parseMessageRef(original.messageId);
      return {
        ...original,
        order: BigInt(messageId),
        inHistory: threadId === undefined,
        ...(threadId === undefined ? {} : { thread: { id: threadId, order: BigInt(threadId) } }),
      };
    }),
  };
}

function entryOf(
  parts: BackfillParts,
  message: Message<true>,
  threadId: string | undefined,
): HistoryEntry<Message<true>> {
  return {
    message,
    messageId: messageRef(message.id, threadId),
    order: BigInt(message.id),
    editId: message.editedTimestamp ? String(message.editedTimestamp) : undefined,
    members: parts.relayable(message),
  };
}

/**
 * The channel's threads as the backfill reads them: the active ones (List Active Guild Threads,
 * filtered to the channel) whose last message is newer than the relay knows, and any thread by id,
 * an archived one fetched on its own (it is not among the active ones). A thread's newest page of
 * 100 is read; it covers the whole thread when the thread has fewer, else back to its oldest.
 */
function threadReader(
  parts: BackfillParts,
  client: Client,
  channel: GuildTextBasedChannel,
  window: BackfillWindow,
): ThreadReader<Message<true>> {
  const active = new Map<string, AnyThreadChannel>();
  const floor = window.newestKnown > window.ageBound ? window.newestKnown : window.ageBound;
  return {
    withNewer: async () => {
      if (!('threads' in channel)) return [];
      const { threads } = await channel.threads.fetchActive();
      for (const thread of threads.values()) active.set(thread.id, thread);
      return [...threads.values()]
        .filter((thread) => thread.lastMessageId && BigInt(thread.lastMessageId) > floor)
        .map((thread) => ({ id: thread.id, order: BigInt(thread.id) }));
    },
    read: async ({ threadId }) => {
      const thread = active.get(threadId) ?? (await client.channels.fetch(threadId));
      if (!thread?.isThread() || thread.parentId !== channel.id) return undefined;
      const page = [...(await thread.messages.fetch({ limit: HISTORY_PAGE })).values()];
      const oldest = page.reduce<bigint | undefined>(
        (a, m) => (a === undefined || BigInt(m.id) < a ? BigInt(m.id) : a),
        undefined,
      );
      return {
        threadId,
        entries: page.map((message) => entryOf(parts, message, threadId)),
        completeFrom: page.length < HISTORY_PAGE || oldest === undefined ? 0n : oldest,
      };
    },
  };
}

/** A channel's messages newer than `floor`, newest first, a page at a time, read backwards with `before`. */
async function* newestFirst<T>(
  messages: {
    fetch(options: { limit: number; before?: string }): Promise<ReadonlyMap<string, Message<true>>>;
  },
  floor: bigint,
  entryOf: (message: Message<true>) => T,
): AsyncGenerator<T[]> {
  let before: string | undefined;
  for (;;) {
    const page = [...(await messages.fetch({ limit: HISTORY_PAGE, ...(before ? { before } : {}) })).values()];
    page.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const newer = page.filter((m) => BigInt(m.id) > floor);
    if (newer.length > 0) yield newer.map(entryOf);
    const oldest = page.at(-1);
    if (!oldest || newer.length < page.length || page.length < HISTORY_PAGE) return;
    before = oldest.id;
  }
}
