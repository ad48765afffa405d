/**
 * Reading a channel's history (message.mdx, Get Channel Messages): newest first whatever the
 * query; `before`, `after` and `around` are exclusive; `limit` 1-100 (default 50, more is read
 * as 100). With `after`, the page is the `limit` messages right after that id — still newest
 * first — so a bot catching up pages forward from the newest id of each page (as discord.py's
 * history iterator does). Without Read Message History the answer is empty; without the
 * Message Content intent, other people's content is blanked.
 */

import type { APIMessage } from 'discord.js';
import { ChannelType } from 'discord.js';

import { FormErrors } from './http-body.ts';
import type { PrivilegedIntents } from './intents.ts';
import { contentExempt, withoutContent } from './intents.ts';
import type { MessageRecord } from './messages.ts';
import type { DiscordState } from './state.ts';

export function historyPage(records: readonly MessageRecord[], query: URLSearchParams): MessageRecord[] {
  const anchors = ['before', 'after', 'around'].filter((k) => query.get(k) !== null);
  if (anchors.length > 1) {
    const errors = new FormErrors();
    errors.add([anchors[1] ?? ''], 'BASE_TYPE_INVALID', 'Only one of before, after and around may be given.');
    errors.throwIfAny();
  }
  const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  const oldestFirst = [...records].sort((a, b) => compareIds(a.message.id, b.message.id));
  const before = query.get('before');
  const after = query.get('after');
  const around = query.get('around');
  let page: MessageRecord[];
  if (after !== null) {
    page = oldestFirst.filter((r) => BigInt(r.message.id) > BigInt(after)).slice(0, limit);
  } else if (around !== null) {
    const index = oldestFirst.findIndex((r) => BigInt(r.message.id) >= BigInt(around));
    const start = Math.max(0, (index === -1 ? oldestFirst.length : index) - Math.floor(limit / 2));
    page = oldestFirst.slice(start, start + limit);
  } else {
    const older =
      before === null ? oldestFirst : oldestFirst.filter((r) => BigInt(r.message.id) < BigInt(before));
    page = older.slice(-limit);
  }
  return page.reverse();
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A message as the bot reads it over REST: content blanked unless the app may see it. */
export function asReadByBot(
  state: DiscordState,
  privileged: PrivilegedIntents,
  record: MessageRecord,
): APIMessage {
  if (privileged.messageContent) return record.message;
  const channel = state.channels.get(record.channelId);
  const exempt = contentExempt(record.message, {
    botId: state.bot.id,
    isDm: channel?.type === ChannelType.DM,
    authorId: record.authorId,
  });
  return exempt ? record.message : withoutContent(record.message);
}
