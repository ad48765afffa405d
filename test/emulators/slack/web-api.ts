// The Web API methods the emulator implements, answering with the shapes documented at
// docs.slack.dev/reference/methods/* (only the fields a bot reads). Each handler gets
// decoded arguments and the caller's token, and returns the JSON body; platform errors
// are thrown as ApiError and become `{ ok: false, error }` with HTTP 200, as on Slack.

import { AUTH_HANDLERS } from './auth-api.ts';
import { FILE_HANDLERS } from './files-api.ts';
import { MESSAGE_HANDLERS, type MessageChange } from './message-api.ts';
import { REACTION_HANDLERS, reactionsJson, type CustomEmoji } from './reactions.ts';
import type { Channel, SlackState, StoredMessage, User, Workspace } from './state.ts';
import { VIEW_HANDLERS } from './views-api.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export interface WebApiEnv {
  readonly state: SlackState;
  readonly appId: string;
  readonly appToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly triggerTtlMs: number;
  /** Issues a fresh Socket Mode URL (apps.connections.open). */
  readonly openSocketUrl: () => string;
  /** Where the emulator serves files (`http://127.0.0.1:PORT`). */
  readonly baseUrl?: () => string;
  /** Told of every message posted, changed or deleted, to send the app its message events. */
  readonly messageChanged?: (change: MessageChange) => void;
  /** The workspaces' custom emoji (reactions.ts). */
  readonly customEmoji: CustomEmoji;
}

export interface ApiCallInput {
  readonly method: string;
  readonly token: string | undefined;
  readonly basicAuth: { readonly user: string; readonly password: string } | undefined;
  readonly args: Readonly<Record<string, unknown>>;
}

export type Json = Record<string, unknown>;
export type Handler = (env: WebApiEnv, call: ApiCallInput) => Json;

/** Arguments that Slack's clients send JSON-stringified inside form bodies. */
export const JSON_ARGUMENTS: ReadonlySet<string> = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'files',
]);

export function isImplemented(method: string): boolean {
  return handlerFor(method) !== undefined;
}

/** Runs one method; unknown methods answer `unknown_method` like Slack. */
export function callWebApi(env: WebApiEnv, call: ApiCallInput): Json {
  const handler = handlerFor(call.method);
  if (handler === undefined) return { ok: false, error: 'unknown_method' };
  try {
    return { ok: true, ...handler(env, call) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.code, ...error.extra };
    throw error;
  }
}

/**
 * The token, message, view, file and reaction methods live in their own modules (auth-api.ts,
 * message-api.ts, views-api.ts, files-api.ts, reactions.ts), which import this one: looked up per call.
 */
function handlerFor(method: string): Handler | undefined {
  for (const table of [
    HANDLERS,
    AUTH_HANDLERS,
    MESSAGE_HANDLERS,
    VIEW_HANDLERS,
    FILE_HANDLERS,
    REACTION_HANDLERS,
  ]) {
    if (Object.hasOwn(table, method)) return table[method];
  }
  return undefined;
}

// ---------- argument and auth helpers ----------

export function optionalString(args: Readonly<Json>, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ApiError('invalid_arguments', { detail: `${key} must be a string` });
}

export function requiredString(args: Readonly<Json>, key: string, error = 'invalid_arguments'): string {
  const value = optionalString(args, key);
  if (value === undefined) throw new ApiError(error, { detail: `missing ${key}` });
  return value;
}

export function optionalBlocks(args: Readonly<Json>): unknown[] | undefined {
  const blocks = args['blocks'];
  if (blocks === undefined || blocks === null) return undefined;
  if (!Array.isArray(blocks)) throw new ApiError('invalid_blocks');
  return blocks as unknown[];
}

export function requireWorkspace(env: WebApiEnv, call: ApiCallInput): Workspace {
  if (call.token === undefined) throw new ApiError('not_authed');
  if (call.token === env.appToken) throw new ApiError('not_allowed_token_type');
  const owner = env.state.tokenOwner(call.token);
  if (owner === undefined || !owner.workspace.installed) throw new ApiError('invalid_auth');
  return owner.workspace;
}

/** Accepts a channel id, `#name`/name, or a user id (which means that user's DM). */
export function resolveChannel(env: WebApiEnv, workspace: Workspace, ref: string): Channel {
  const { state } = env;
  const byId = state.channels.get(ref);
  if (byId !== undefined) {
    if (byId.teamId !== workspace.teamId) throw new ApiError('channel_not_found');
    return byId;
  }
  const user = state.users.get(ref);
  if (user !== undefined && user.teamId === workspace.teamId && !user.isBot)
    return state.imFor(workspace.teamId, user.id);
  const name = ref.replace(/^#/, '');
  for (const channel of state.channels.values()) {
    if (channel.teamId === workspace.teamId && !channel.isIm && channel.name === name) return channel;
  }
  throw new ApiError('channel_not_found');
}

export function requirePostable(workspace: Workspace, channel: Channel): void {
  if (channel.botIsMember) return;
  if (!channel.isPrivate && workspace.scopes.includes('chat:write.public')) return;
  throw new ApiError('not_in_channel');
}

export function resolveUser(env: WebApiEnv, workspace: Workspace, id: string): User {
  const user = env.state.users.get(id);
  if (user === undefined || user.teamId !== workspace.teamId) throw new ApiError('user_not_found');
  return user;
}

// ---------- JSON shapes ----------

export function messageJson(env: WebApiEnv, message: StoredMessage): Json {
  // A post under a custom name is a bot_message without a user, as Slack shows it.
  const customized = message.username !== undefined;
  return {
    type: 'message',
    ...(customized ? { subtype: 'bot_message', username: message.username } : { user: message.user }),
    ts: message.ts,
    text: message.text,
    ...(message.botId !== undefined ? { bot_id: message.botId, app_id: env.appId } : {}),
    ...(message.iconUrl !== undefined ? { icons: { image_48: message.iconUrl } } : {}),
    team: message.teamId,
    ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
    ...(message.threadTs !== undefined ? { thread_ts: message.threadTs } : {}),
    ...(message.files !== undefined ? { files: message.files } : {}),
    ...(message.edits > 0 ? { edited: { user: message.user, ts: message.editedTs ?? message.ts } } : {}),
    ...reactionsJson(message),
  };
}

export function channelJson(channel: Channel): Json {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: !channel.isIm && channel.isPrivate,
    is_im: channel.isIm,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: channel.name === 'general',
    is_member: channel.botIsMember,
    created: channel.created,
    context_team_id: channel.teamId,
    ...(channel.isIm ? { user: channel.imUserId, is_open: true } : {}),
  };
}

export function userJson(user: User): Json {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    real_name: user.realName,
    deleted: false,
    is_bot: user.isBot,
    is_app_user: false,
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    tz: user.tz,
    profile: {
      real_name: user.realName,
      display_name: user.name,
      team: user.teamId,
      // Slack serves profile pictures publicly; these addresses only look like them.
      image_72: `https://avatars.slack-edge.test/${user.id}_72.png`,
      image_192: `https://avatars.slack-edge.test/${user.id}_192.png`,
      ...(user.email !== undefined ? { email: user.email } : {}),
    },
  };
}

// ---------- handlers ----------

const HANDLERS: Record<string, Handler> = {
  'api.test': (_env, call) => ({ args: call.args }),

  'chat.postEphemeral': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channel = resolveChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
    requirePostable(ws, channel);
    const user = resolveUser(env, ws, requiredString(call.args, 'user', 'user_not_in_channel'));
    const text = optionalString(call.args, 'text');
    const blocks = optionalBlocks(call.args);
    if (text === undefined && blocks === undefined) throw new ApiError('no_text');
    const ts = env.state.nextTs();
    env.state.ephemeral.push({
      channel: channel.id,
      user: user.id,
      ts,
      teamId: ws.teamId,
      text: text ?? '',
      blocks,
    });
    return { message_ts: ts };
  },

  'conversations.info': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channel = resolveChannel(env, ws, requiredString(call.args, 'channel', 'channel_not_found'));
    return { channel: channelJson(channel) };
  },

  'conversations.open': (env, call) => {
    const ws = requireWorkspace(env, call);
    const channelArg = optionalString(call.args, 'channel');
    if (channelArg !== undefined) return { channel: { id: resolveChannel(env, ws, channelArg).id } };
    const users = requiredString(call.args, 'users', 'users_list_not_supplied')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u !== '');
    // Group DMs (several users) are outside what the bot needs; say so instead of faking them.
    if (users.length !== 1)
      throw new ApiError('not_implemented_in_emulator', { detail: 'only single-user DMs' });
    const user = resolveUser(env, ws, users[0] ?? '');
    const im = env.state.imFor(ws.teamId, user.id);
    const full = call.args['return_im'] === true || call.args['return_im'] === 'true';
    return { channel: full ? channelJson(im) : { id: im.id } };
  },

  'users.info': (env, call) => {
    const ws = requireWorkspace(env, call);
    return { user: userJson(resolveUser(env, ws, requiredString(call.args, 'user', 'user_not_found'))) };
  },
};
