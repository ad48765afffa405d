// The Web API methods on channel messages (docs.slack.dev/reference/methods/chat.postMessage,
// chat.update, chat.delete, conversations.history, conversations.replies), as web-api.ts serves
// them. A post's `username` and `icon_url` count only with the chat:write.customize scope (Slack
// ignores them without it); `metadata` is kept and shown with include_all_metadata. Every post,
// change and delete is told to `messageChanged`, which sends the app its message events.

import type { Handler, Json, WebApiEnv } from './web-api.ts';
import {
  ApiError,
  messageJson,
  optionalBlocks,
  optionalString,
  requiredString,
  requirePostable,
  requireWorkspace,
  resolveChannel,
} from './web-api.ts';
import type { Channel, StoredMessage, Workspace } from './state.ts';

export type MessageChange =
  | { kind: 'posted'; message: StoredMessage }
  | { kind: 'changed'; message: StoredMessage; previous: Json }
  | { kind: 'deleted'; message: StoredMessage; previous: Json }
  /** Someone (a member, or the bot through reactions.add/remove) reacted or took it back. */
  | { kind: 'reaction'; message: StoredMessage; user: string; name: string; added: boolean };

/** The history scope a channel's messages need (docs: conversations.history). */
export function historyScope(channel: Channel): string {
  return channel.isPrivate ? (channel.isIm ? 'im:history' : 'groups:history') : 'channels:history';
}

function readableChannel(env: WebApiEnv, ws: Workspace, ref: string): Channel {
  const channel = resolveChannel(env, ws, ref);
  const scope = channel.isIm ? 'im:history' : historyScope(channel);
  if (!ws.scopes.includes(scope)) throw new ApiError('missing_scope', { needed: scope });
  if (!channel.botIsMember && !channel.isIm) throw new ApiError('not_in_channel');
  return channel;
}

/** A ts as an exact number: a float rounds away the last microseconds of "1700000000.000001". */
function tsValue(ts: string): bigint {
  const [seconds = '0', micros = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(micros.padEnd(6, '0').slice(0, 6) || '0');
}

/** After `oldest` and before `latest` (both exclusive), at most `limit`, in the order given; metadata only when asked for. */
function page(env: WebApiEnv, call: { args: Readonly<Json> }, found: StoredMessage[]): Json {
  const oldest = tsValue(optionalString(call.args, 'oldest') ?? '0');
  const latest = optionalString(call.args, 'latest');
  const limit = Number(optionalString(call.args, 'limit') ?? '100');
  const withMetadata = String(call.args['include_all_metadata']) === 'true';
  const shown = found.filter(
    (m) => tsValue(m.ts) > oldest && (latest === undefined || tsValue(m.ts) < tsValue(latest)),
  );
  const messages = shown.slice(0, limit).map((m) => ({
    ...messageJson(env, m),
    ...threadFields(env, m),
    ...(withMetadata && m.args['metadata'] !== undefined ? { metadata: m.args['metadata'] } : {}),
  }));
  return { messages, has_more: shown.length > limit };
}

/** A thread's parent tells its replies' count and the newest (docs: conversations.history, threads). */
function threadFields(env: WebApiEnv, parent: StoredMessage): Json {
  const replies = env.state.messages.filter(
    (m) => m.channel === parent.channel && !m.deleted && m.threadTs === parent.ts && m.ts !== parent.ts,
  );
  const latest = replies.at(-1);
  if (latest === undefined) return {};
  return { thread_ts: parent.ts, reply_count: replies.length, latest_reply: latest.ts };
}

function ownMessage(env: WebApiEnv, ws: Workspace, call: { args: Readonly<Json> }, refusal: string) {
  const channel = resolveChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
  const ts = requiredString(call.args, 'ts', 'message_not_found');
  const message = env.state.findMessage(channel.id, ts);
  if (message === undefined) throw new ApiError('message_not_found');
  if (message.user !== ws.botUserId) throw new ApiError(refusal);
  return { channel, ts, message };
}

/** The bot's new message in a channel (in `thread_ts`'s thread when the call names one), told to the app. */
export function botPosts(
  env: WebApiEnv,
  ws: Workspace,
  channel: Channel,
  args: Readonly<Json>,
  shown: Pick<StoredMessage, 'text' | 'blocks' | 'username' | 'iconUrl' | 'files'>,
): StoredMessage {
  const message: StoredMessage = {
    channel: channel.id,
    ts: env.state.nextTs(),
    teamId: ws.teamId,
    user: ws.botUserId,
    botId: ws.botId,
    threadTs: optionalString(args, 'thread_ts'),
    args,
    edits: 0,
    deleted: false,
    ...shown,
  };
  env.state.messages.push(message);
  env.messageChanged?.({ kind: 'posted', message });
  return message;
}

export const MESSAGE_HANDLERS: Record<string, Handler> = {
  'chat.postMessage': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channel = resolveChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
    requirePostable(ws, channel);
    const text = optionalString(call.args, 'text');
    const blocks = optionalBlocks(call.args);
    if (text === undefined && blocks === undefined && call.args['attachments'] === undefined) {
      throw new ApiError('no_text');
    }
    const customize = ws.scopes.includes('chat:write.customize');
    const username = customize ? optionalString(call.args, 'username') : undefined;
    const iconUrl = customize ? optionalString(call.args, 'icon_url') : undefined;
    const message = botPosts(env, ws, channel, call.args, {
      text: text ?? '',
      blocks,
      ...(username !== undefined ? { username } : {}),
      ...(iconUrl !== undefined ? { iconUrl } : {}),
    });
    return { channel: channel.id, ts: message.ts, message: messageJson(env, message) };
  },

  'chat.update': (env, call) => {
    const ws = requireWorkspace(env, call);
    const { channel, ts, message } = ownMessage(env, ws, call, 'cant_update_message');
    const text = optionalString(call.args, 'text');
    const blocks = optionalBlocks(call.args);
    if (text === undefined && blocks === undefined) throw new ApiError('no_text');
    const previous = messageJson(env, message);
    if (text !== undefined) message.text = text;
    if (blocks !== undefined) message.blocks = blocks;
    message.edits += 1;
    message.editedTs = env.state.nextTs();
    env.messageChanged?.({ kind: 'changed', message, previous });
    return { channel: channel.id, ts, text: message.text, message: messageJson(env, message) };
  },

  'chat.delete': (env, call) => {
    const ws = requireWorkspace(env, call);
    const { channel, ts, message } = ownMessage(env, ws, call, 'cant_delete_message');
    const previous = messageJson(env, message);
    message.deleted = true;
    env.messageChanged?.({ kind: 'deleted', message, previous });
    return { channel: channel.id, ts };
  },

  // Newest first; thread replies stay in their thread (conversations.replies), as on Slack.
  'conversations.history': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channel = readableChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
    const found = env.state.messages
      .filter(
        (m) =>
          m.channel === channel.id &&
          !m.deleted &&
          (m.threadTs === undefined || m.threadTs === m.ts || m.args['reply_broadcast'] === true),
      )
      .reverse();
    return page(env, call, found);
  },

  // A thread: its parent and its replies, oldest first.
  'conversations.replies': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channel = readableChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
    const ts = requiredString(call.args, 'ts', 'thread_not_found');
    if (env.state.findMessage(channel.id, ts) === undefined) throw new ApiError('thread_not_found');
    const found = env.state.messages.filter(
      (m) => m.channel === channel.id && !m.deleted && (m.ts === ts || m.threadTs === ts),
    );
    return page(env, call, found);
  },
};
